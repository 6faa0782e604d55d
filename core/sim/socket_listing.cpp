// What `ss -tano` would show.

#include "tcp_stack.h"

#include <algorithm>

namespace tdl {

// inet_sk_diag_fill() / inet_twsk_diag_fill() with tcp_diag_get_info(): what `ss -tano` shows.
std::vector<SocketRow> TcpStack::socketTable(SimTime at) const {
    std::vector<SocketRow> rows;
    for (const TcpSock& sock : sockets_) {
        if (sock.id == kNoSocket || sock.detached || sock.state == TcpState::Closed) {
            continue;
        }
        SocketRow row;
        row.host = sock.host;
        row.socket = sock.id;
        row.state = sock.state;
        row.tuple = sock.tuple;
        row.orphan = sock.orphan;
        if (sock.state != TcpState::Listen) {
            const bool finUnread = sock.finReceived && !sock.eofDelivered;
            row.recvQ = sock.unread + (finUnread ? 1 : 0);
            row.sendQ = static_cast<std::uint64_t>(std::max(0, sock.writeSeq() - sock.sndUna));
        }
        const auto left = [&](TimerKind kind) {
            return sock.deadline[static_cast<std::size_t>(kind)] - at;
        };
        // icsk_pending first, then sk_timer, as inet_sk_diag_fill() tests them.
        if (sock.timerArmed(TimerKind::Retransmit)) {
            row.timer = SsTimer::On;
            row.timerLeft = left(TimerKind::Retransmit);
            row.retransmits = sock.retransmits;
        } else if (sock.timerArmed(TimerKind::ZeroWindowProbe)) {
            row.timer = SsTimer::Persist;
            row.timerLeft = left(TimerKind::ZeroWindowProbe);
            row.retransmits = sock.probesOut;
        } else if (sock.timerArmed(TimerKind::FinWait2)) {
            row.timer = SsTimer::Keepalive;
            row.timerLeft = left(TimerKind::FinWait2);
            row.retransmits = sock.probesOut;
        }
        rows.push_back(row);
    }
    for (const TimeWaitSock& tw : timeWaits_) {
        if (tw.id == kNoSocket) {
            continue;
        }
        SocketRow row;
        row.host = tw.host;
        row.socket = tw.id;
        row.state = tw.substate;
        row.tuple = tw.tuple;
        row.timeWaitRecord = true;
        row.timer = SsTimer::TimeWait;
        row.timerLeft = tw.deadline - at;
        rows.push_back(row);
    }
    return rows;
}

} // namespace tdl
