// The stack's socket slots, and what the trace learns about a socket.

#include "tcp_stack.h"

namespace tdl {

std::uint32_t TcpStack::allocSocket(HostId host, SocketRole role, const std::string& name,
                                    TcpState born) {
    std::uint32_t slot;
    if (!freeSockets_.empty()) {
        slot = freeSockets_.back();
        freeSockets_.pop_back();
        static const TcpSock fresh;
        sockets_[slot] = fresh;
    } else {
        slot = static_cast<std::uint32_t>(sockets_.size());
        sockets_.emplace_back();
    }
    TcpSock& sock = sockets_[slot];
    sock.id = nextSocketId_++;
    sock.host = host;
    sock.role = role;
    sock.state = born;
    if (born != TcpState::Closed) {
        ++ctx_.hosts[host].counters.sockets[static_cast<std::size_t>(born)];
    }
    sock.named = !name.empty();
    if (sock.named) {
        socketNames_[sock.id] = name;
    }
    if (ctx_.recordSockets) {
        SocketInfo info;
        info.id = sock.id;
        info.host = host;
        info.name = name;
        info.role = role;
        ctx_.sink.socketAdded(info);
    }
    return slot;
}

const std::string& TcpStack::nameOf(const TcpSock& sock) const {
    static const std::string unnamed;
    if (!sock.named) {
        return unnamed;
    }
    const auto name = socketNames_.find(sock.id);
    return name != socketNames_.end() ? name->second : unnamed;
}

void TcpStack::publish(const TcpSock& sock) {
    if (!publishing_) {
        return;
    }
    if (noting_) {
        note(sock);
    }
    if (!ctx_.recordSockets) {
        return;
    }
    SocketInfo info;
    info.id = sock.id;
    info.host = sock.host;
    info.name = nameOf(sock);
    info.role = sock.role;
    info.tuple = sock.tuple;
    info.isn = sock.iss;
    info.peerIsn = sock.irs;
    ctx_.sink.socketUpdated(info);
}

void TcpStack::freeSocket(std::uint32_t slot) {
    TcpSock& sock = sockets_[slot];
    for (EventQueue::Ticket& ticket : sock.ticket) {
        ctx_.queue.cancel(ticket); // the socket is gone: its timer events would only be skipped
        ticket = EventQueue::kNoTicket;
    }
    if (sock.named) {
        Host& host = ctx_.hosts[sock.host];
        const auto named = host.named.find(nameOf(sock));
        if (named != host.named.end() && named->second == slot) {
            host.named.erase(named);
        }
    }
    sock.id = kNoSocket;
    freeSockets_.push_back(slot);
}

void TcpStack::name(TcpSock& sock, const std::string& name) {
    sock.named = true;
    socketNames_[sock.id] = name;
    publish(sock);
}

// A socket timer's event that is due: its fact, then the timer's handler.
void TcpStack::onSocketTimerEvent(const Event& event) {
    TcpSock& sock = sockets_[event.slot];
    const auto kind = static_cast<TimerKind>(event.detail);
    sock.queuedAt[event.detail] = kNotQueued;
    sock.ticket[event.detail] = EventQueue::kNoTicket;
    sock.armed &= static_cast<std::uint8_t>(~(1U << event.detail));
    if (ctx_.recordFacts) {
        Fact f;
        f.kind = FactKind::TimerFired;
        f.host = sock.host;
        f.socket = sock.id;
        f.timer = kind;
        f.reason = firedReason(sock, kind);
        ctx_.fact(f);
    }
    onSocketTimer(sock, kind);
}

// Why a timer's firing matters, so that its fact explains itself.
Reason TcpStack::firedReason(const TcpSock& sock, TimerKind kind) const {
    switch (kind) {
    case TimerKind::Retransmit:
        if (sock.lossProbePending) {
            return Reason(Cause::TailLossProbe);
        }
        return Reason(Cause::RtoExpired, sock.retransmits + 1,
                      std::chrono::duration_cast<std::chrono::milliseconds>(sock.rto).count());
    case TimerKind::DelayedAck:
        return Reason(Cause::AckDelayed);
    case TimerKind::ZeroWindowProbe:
        return Reason(Cause::ZeroWindowProbe, sock.probesOut + 1);
    case TimerKind::FinWait2:
        return Reason(Cause::FinWait2Timeout, ctx_.hosts[sock.host].sysctls.tcp_fin_timeout);
    case TimerKind::TimeWait:
        return Reason(Cause::TimeWaitExpired);
    }
    return Reason();
}

} // namespace tdl
