// Closing: close() (__tcp_close()), shutdown() (tcp_shutdown()), tcp_disconnect() for SO_LINGER
// {1, 0}, and tcp_done() with the unhashing that gives the port back.

#include "tcp_stack.h"

#include <cerrno>

namespace tdl {

// tcp_done(): CLOSED (unhashed on entry) if not already, timers stopped; an orphan's memory is
// freed now, otherwise when the application closes its descriptor. The verdict for the caller:
// true if the socket lives on (the application holds it), false if it is gone.
bool TcpStack::done(TcpSock& sock, Reason reason, SegmentId because) {
    transition(sock, TcpEvent::Abort, reason, because);
    for (int k = 0; k < kTimerKindCount; ++k) {
        cancelTimer(sock, static_cast<TimerKind>(k), Reason(Cause::SocketClosed));
    }
    if (!sock.orphan) {
        return true;
    }
    --ctx_.hosts[sock.host].orphans;
    freeSocket(slotOf(sock));
    return false;
}

void TcpStack::unhash(TcpSock& sock) {
    Host& host = ctx_.hosts[sock.host];
    const std::uint32_t slot = slotOf(sock);
    if (sock.role == SocketRole::Listener) {
        const auto it = host.listeners.find(sock.tuple.local.port);
        if (it != host.listeners.end() && it->second == slot) {
            host.listeners.erase(it);
        }
        return;
    }
    const auto it = host.connections.find(sock.tuple);
    if (it != host.connections.end() && it->second == slot) {
        host.connections.erase(it);
    }
    releasePort(host, sock.tuple, sock.connectPort);
    sock.connectPort = false;
}

void TcpStack::releasePort(Host& host, const FourTuple& tuple, bool connectPort) {
    if (!connectPort) {
        return;
    }
    host.connectPorts.remove(tuple.local.port);
    if (tuple.local.port >= host.sysctls.ip_local_port_range_low &&
        tuple.local.port <= host.sysctls.ip_local_port_range_high) {
        const std::uint64_t key = destinationKey(tuple.remote);
        const auto dest = host.tuplesTo.find(key);
        if (dest != host.tuplesTo.end() && --dest->second == 0) {
            host.tuplesTo.erase(dest);
        }
        const auto held = host.heldPorts.find(key);
        if (held != host.heldPorts.end()) {
            held->second[tuple.local.port / 64] &= ~(std::uint64_t{1} << (tuple.local.port % 64));
        }
    }
}

// tcp_disconnect(), as close() with SO_LINGER {1, 0} uses it.
void TcpStack::disconnect(TcpSock& sock, Reason reason) {
    const TcpState old = sock.state;
    const bool unsent = sock.sndNxt != sock.writeSeq();
    // tcp_need_reset()
    const bool needReset = old == TcpState::Established || old == TcpState::CloseWait ||
                           old == TcpState::FinWait1 || old == TcpState::FinWait2 ||
                           old == TcpState::SynReceived ||
                           ((old == TcpState::Closing || old == TcpState::LastAck) && unsent);
    transition(sock, TcpEvent::Abort, reason);
    if (needReset) {
        sendActiveReset(sock, reason);
    }
}

// __tcp_close().
void TcpStack::closeSocket(std::uint32_t slot) {
    TcpSock& sock = sockets_[slot];
    Host& host = ctx_.hosts[sock.host];
    ctx_.appCall(&sock, sock.host, AppCallKind::Close, 0, Reason(Cause::AppClose));
    if (sock.named) {
        const auto named = host.named.find(nameOf(sock));
        if (named != host.named.end() && named->second == slot) {
            host.named.erase(named); // the descriptor is gone, the socket may live on
        }
    }
    if (sock.detached || sock.state == TcpState::Closed) {
        freeSocket(slot); // unhashed when it was detached or closed
        return;
    }
    sock.shutdownMask = kRcvShutdown | kSendShutdown;
    if (sock.state == TcpState::Listen) {
        done(sock, Reason(Cause::AppClose));
        freeSocket(slot);
        return;
    }
    const std::uint64_t unread = sock.unread;
    sock.unread = 0;
    const ProfileTraits& traits = host.traits;
    if (unread > 0 && traits.rstOnCloseWithUnreadData) {
        // RFC 2525 §2.17: unread data was thrown away, so tell the peer with a RST, not a FIN.
        const Reason why(Cause::RstUnreadData, static_cast<std::int64_t>(unread));
        transition(sock, TcpEvent::Abort, why);
        sendActiveReset(sock, why);
    } else if (sock.lingerZero) {
        disconnect(sock, Reason(Cause::RstLingerZero));
    } else {
        transition(sock, TcpEvent::AppClose, Reason(Cause::AppClose));
    }
    sock.orphan = true;
    ++host.orphans;
    if (sock.state == TcpState::Closed) {
        done(sock, Reason(Cause::AppClose));
        return;
    }
    if (sock.state == TcpState::FinWait2 && traits.orphanFinWait2Timeout) {
        lingerInFinWait2(sock, false, Reason(Cause::AppClose), kNoSegment);
        return;
    }
    // tcp_check_oom() -> tcp_too_many_orphans(): the orphan just made counts.
    if (host.orphans > host.sysctls.tcp_max_orphans) {
        const Reason why(Cause::RstTooManyOrphans, host.orphans, host.sysctls.tcp_max_orphans);
        transition(sock, TcpEvent::Abort, why);
        sendActiveReset(sock, why);
        done(sock, why);
    }
}

// tcp_shutdown() (and inet_shutdown()'s bookkeeping).
void TcpStack::shutdownSocket(TcpSock& sock, int how) {
    const std::uint8_t mask = static_cast<std::uint8_t>(how + 1); // SHUT_RD 0 -> RCV_SHUTDOWN 1
    if (sock.detached || sock.state == TcpState::Closed) {
        ctx_.appCall(&sock, sock.host, AppCallKind::Shutdown, ENOTCONN,
                     Reason(Cause::AppShutdown, how));
        return;
    }
    ctx_.appCall(&sock, sock.host, AppCallKind::Shutdown, 0, Reason(Cause::AppShutdown, how));
    sock.shutdownMask |= mask;
    if ((mask & kSendShutdown) == 0) {
        return; // SHUT_RD sends nothing; data is still acknowledged and queued
    }
    // tcp_close_state() (its FIN on entering FIN-WAIT-1 or LAST-ACK); in SYN-SENT, any shutdown()
    // aborts the connect via tcp_disconnect(): no RST, and the application still holds the socket.
    transition(sock, TcpEvent::AppShutdown, Reason(Cause::AppShutdown, how));
    if (sock.state == TcpState::Closed) {
        done(sock, Reason(Cause::AppShutdown, how));
    }
}

} // namespace tdl
