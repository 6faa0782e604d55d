// The socket calls that make a socket: listen() (inet_csk_listen_start()) and connect()
// (tcp_v4_connect(), with __inet_hash_connect()'s search for a free local port).

#include "port_search.h"
#include "tcp_stack.h"
#include "time_wait_reuse.h"

#include <algorithm>
#include <cerrno>

namespace tdl {

std::uint32_t TcpStack::listen(HostId hostId, std::uint16_t port, const Action& action,
                               Program program) {
    Host& host = ctx_.hosts[hostId];
    if (host.listeners.contains(port) || host.connectPorts.contains(port)) {
        ctx_.appCall(nullptr, hostId, AppCallKind::Listen, EADDRINUSE,
                     Reason(Cause::AddressInUse, port));
        return kNoSlot;
    }
    const std::uint32_t slot = allocSocket(hostId, SocketRole::Listener, action.socket);
    TcpSock& sock = sockets_[slot];
    sock.program = program;
    sock.tuple.local = Endpoint{host.info.address, port};
    // Children start with the listener's buffer (sk_clone_lock()); SO_RCVBUF locks it, and
    // tcp_openreq_init_rwin() then clamps their windows to it.
    if (action.receiveBuffer != 0) {
        sock.childReceiveBuffer = receiveSpaceFromSoRcvbuf(
            action.receiveBuffer, static_cast<std::uint32_t>(host.sysctls.rmem_max));
        sock.windowClamp = sock.childReceiveBuffer;
    } else {
        sock.childReceiveBuffer =
            tcpFullSpace(static_cast<std::uint32_t>(host.sysctls.tcp_rmem_default));
    }
    sock.userTimeout = action.userTimeout;
    host.listeners[port] = slot;
    if (!action.socket.empty()) {
        host.named[action.socket] = slot;
    }
    publish(sock);
    ctx_.appCall(&sock, hostId, AppCallKind::Listen, 0, Reason(Cause::AppListen, port));
    transition(sock, TcpEvent::AppListen, Reason(Cause::AppListen, port));
    return slot;
}

std::uint32_t TcpStack::connect(HostId hostId, HostId peer, std::uint16_t peerPort,
                                const Action& action) {
    Host& host = ctx_.hosts[hostId];
    const std::uint32_t slot = allocSocket(hostId, SocketRole::Active, action.socket);
    TcpSock& sock = sockets_[slot];
    sock.tuple.local.address = host.info.address;
    sock.tuple.remote = Endpoint{ctx_.hosts[peer].info.address, peerPort};
    // tcp_init_sock(): sk_rcvbuf = tcp_rmem[1], unless SO_RCVBUF set (and locked) it.
    sock.receiveBuffer =
        action.receiveBuffer != 0
            ? receiveSpaceFromSoRcvbuf(action.receiveBuffer,
                                       static_cast<std::uint32_t>(host.sysctls.rmem_max))
            : tcpFullSpace(static_cast<std::uint32_t>(host.sysctls.tcp_rmem_default));
    sock.userTimeout = action.userTimeout;

    // __inet_hash_connect() / __inet_check_established(): find a local port whose 4-tuple is
    // free, or held by a TIME_WAIT that tcp_twsk_unique() lets us take over.
    std::uint32_t reusedTw = UINT32_MAX;
    const auto tupleFree = [&](std::uint16_t port, bool explicitBind) {
        FourTuple candidate = sock.tuple;
        candidate.local.port = port;
        if (host.connections.contains(candidate)) {
            return false;
        }
        const auto tw = host.timeWaits.find(candidate);
        if (tw != host.timeWaits.end()) {
            if (!tcpTwskUnique(host, timeWaits_[tw->second], explicitBind, ctx_.now)) {
                return false;
            }
            reusedTw = tw->second;
        }
        return true;
    };

    std::uint16_t chosen = 0;
    const LocalPortRange range = localPortRange(host, action.localPortRange);
    if (action.port != 0) {
        if (host.listeners.contains(action.port)) {
            ctx_.appCall(&sock, hostId, AppCallKind::Connect, EADDRINUSE,
                         Reason(Cause::AddressInUse, action.port));
            freeSocket(slot);
            return kNoSlot;
        }
        if (tupleFree(action.port, true)) {
            chosen = action.port;
        }
    } else if (!range.perSocket && !anyTimeWaitReusable(host, sock.tuple) &&
               host.tuplesTo[destinationKey(sock.tuple.remote)] >=
                   static_cast<std::uint32_t>(range.high - range.low + 1)) {
        // Every port of the range already has a connection or a TIME_WAIT to this destination
        // and none may be reused: the kernel's scan would end in EADDRNOTAVAIL.
    } else {
        chosen = searchLocalPort(host, range, sock.tuple, ctx_.nowSeconds(host), ctx_.rng,
                                 [&](std::uint16_t port) { return tupleFree(port, false); });
    }
    if (chosen == 0) {
        const Reason why = action.port != 0 ? Reason(Cause::AddressInUse, action.port)
                                            : Reason(Cause::PortsExhausted, range.low, range.high);
        ++host.counters.connectFailures;
        ctx_.appCall(&sock, hostId, AppCallKind::Connect, EADDRNOTAVAIL, why);
        ctx_.anomaly(hostId, sock.id, kNoSegment, Reason(Cause::ConnectFailed, EADDRNOTAVAIL));
        freeSocket(slot);
        return kNoSlot;
    }
    sock.tuple.local.port = chosen;
    sock.connectPort = true;
    if (chosen >= host.sysctls.ip_local_port_range_low &&
        chosen <= host.sysctls.ip_local_port_range_high) {
        const std::uint64_t key = destinationKey(sock.tuple.remote);
        ++host.tuplesTo[key];
        std::vector<std::uint64_t>& held = host.heldPorts[key];
        held.resize(kPortCount / 64);
        held[chosen / 64] |= std::uint64_t{1} << (chosen % 64);
    }
    ++host.counters.connectsStarted;
    host.connectPorts.add(chosen);
    if (!action.socket.empty()) {
        host.named[action.socket] = slot;
    }

    sock.timestamps = host.sysctls.tcp_timestamps != 0;
    sock.sackOk = host.sysctls.tcp_sack != 0; // tcp_syn_options(): the SYN offers SACK
    sock.tsOffset = ctx_.tsOffsetFor(host, sock.tuple);
    sock.iss = ctx_.secureIsn(host, sock.tuple);
    if (reusedTw != UINT32_MAX) {
        TimeWaitSock& tw = timeWaits_[reusedTw];
        // tcp_twsk_unique(): write_seq beyond the old connection's; ts_recent and its stamp carry
        // over, so PAWS protects the new connection from the old one's segments.
        sock.iss = timeWaitSuccessorIsn(tw);
        sock.tsRecent = tw.tsRecent;
        sock.tsRecentStamp = tw.tsRecentStamp;
        killTimeWait(reusedTw, TcpEvent::Abort, Reason(Cause::TimeWaitReused, sock.id), kNoSegment);
    }
    // tcp_connect_init(): the SYN offers a window scale if the sysctl allows; the window is sized
    // for an MSS less the timestamp option when ts_recent_stamp is known (a TIME_WAIT's 4-tuple
    // taken over); SO_RCVBUF clamps the window to the buffer.
    sock.wscaleOk = host.sysctls.tcp_window_scaling != 0;
    const bool tsKnown = sock.timestamps && sock.tsRecentStamp != 0;
    initReceiveWindow(sock, kDefaultMss - (tsKnown ? kTimestampOptionLength : 0U),
                      action.receiveBuffer != 0 ? sock.receiveBuffer : 0);
    sock.sndUna = sock.iss;
    sock.sndNxt = sock.iss;
    sock.sndMax = sock.iss;
    isnChosen(sock);
    host.connections[sock.tuple] = slot;
    publish(sock);
    ctx_.appCall(&sock, hostId, AppCallKind::Connect, 0, Reason(Cause::AppConnect));
    transition(sock, TcpEvent::AppConnect, Reason(Cause::AppConnect));
    return slot;
}

// tcp_select_initial_window() for our SYN or SYN,ACK: the window it offers (rcv_wnd, and
// rcv_ssthresh, from which the window grows), the window scale, the clamp; and
// tcp_initialize_rcv_mss()'s first guess of the peer's segment size.
void TcpStack::initReceiveWindow(TcpSock& sock, std::uint32_t mss, std::uint32_t clamp) {
    const Sysctls& sysctls = ctx_.hosts[sock.host].sysctls;
    const auto scaleSpace =
        static_cast<std::uint32_t>(std::max(sysctls.tcp_rmem_max, sysctls.rmem_max));
    const InitialWindow w =
        tcpSelectInitialWindow(sock.receiveBuffer, mss, clamp, sock.wscaleOk, scaleSpace);
    sock.lastAdvertised = w.rcvWnd;
    sock.rcvSsthresh = w.rcvWnd;
    sock.rcvWscale = w.rcvWscale;
    sock.windowClamp = w.windowClamp;
    sock.rcvMss = tcpInitialRcvMss(w.rcvWnd);
}

} // namespace tdl
