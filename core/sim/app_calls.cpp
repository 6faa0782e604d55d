// The application's calls and what it hears back: the scenario's actions (listen, connect, send,
// shutdown, close...), the names it gives sockets, and the actions waiting for a socket's event.

#include "engine.h"
#include "host_clock.h"
#include "port_search.h"
#include "time_wait_reuse.h"

#include <cerrno>

namespace tdl {

void Engine::runAction(std::size_t index) {
    const Action& action = scenario_.actions[index];
    const auto hostId = static_cast<HostId>(scenario_.hostIndex(action.host));
    Host& host = hosts_[hostId];
    if (action.call == AppCallKind::Listen) {
        listen(hostId, action.port, action, Program::None);
        return;
    }
    if (action.call == AppCallKind::Connect) {
        const auto existing = host.named.find(action.socket);
        if (existing != host.named.end()) {
            // connect() on a socket that is already connected: EISCONN.
            appCall(&sockets_[existing->second], hostId, AppCallKind::Connect, EISCONN,
                    Reason(Cause::AppConnect));
            return;
        }
        connect(hostId, static_cast<HostId>(scenario_.hostIndex(action.peer)), action.peerPort,
                action);
        return;
    }
    const auto named = host.named.find(action.socket);
    if (named == host.named.end()) {
        // The application has no such descriptor (never opened, or already closed): EBADF.
        appCall(nullptr, hostId, action.call, EBADF, Reason(Cause::NotConnected));
        return;
    }
    const std::uint32_t slot = named->second;
    TcpSock& sock = sockets_[slot];
    switch (action.call) {
    case AppCallKind::Listen:
    case AppCallKind::Connect:
        break;
    case AppCallKind::Send: {
        const bool canSend =
            !sock.detached && (sock.shutdownMask & kSendShutdown) == 0 &&
            (sock.state == TcpState::Established || sock.state == TcpState::CloseWait ||
             sock.state == TcpState::SynSent || sock.state == TcpState::SynReceived);
        if (!canSend) {
            const bool connectedOnce = sock.state != TcpState::Listen;
            appCall(&sock, hostId, AppCallKind::Send, connectedOnce ? EPIPE : ENOTCONN,
                    Reason(Cause::AppSend, static_cast<std::int64_t>(action.bytes)));
            return;
        }
        appCall(&sock, hostId, AppCallKind::Send, 0,
                Reason(Cause::AppSend, static_cast<std::int64_t>(action.bytes)));
        sock.bytesWritten += action.bytes;
        pushPending(sock);
        break;
    }
    case AppCallKind::Shutdown:
        shutdownSocket(sock, action.how);
        break;
    case AppCallKind::Close:
        closeSocket(slot);
        break;
    case AppCallKind::StopReading:
        appCall(&sock, hostId, AppCallKind::StopReading, 0, Reason(Cause::AppStopReading));
        sock.reading = false;
        break;
    case AppCallKind::ResumeReading: {
        appCall(&sock, hostId, AppCallKind::ResumeReading, 0, Reason(Cause::AppResumeReading));
        sock.reading = true;
        const bool windowWasSmall = sock.lastAdvertised < sock.peerMss;
        sock.unread = 0;
        if (windowWasSmall && isSynchronized(sock.state) && !sock.detached &&
            sock.state != TcpState::TimeWait) {
            // tcp_cleanup_rbuf(): reading opened the window enough to be worth announcing.
            sendAck(sock, Reason(Cause::WindowUpdate, advertisedWindow(sock)));
        }
        if (sock.finReceived && !sock.eofDelivered) {
            sock.eofDelivered = true;
            appEvent(sock, AppEvent::Eof);
        }
        break;
    }
    case AppCallKind::SetLinger:
        appCall(&sock, hostId, AppCallKind::SetLinger, 0, Reason(Cause::AppSetLinger, 1, 0));
        sock.lingerZero = true;
        break;
    }
}

std::string Engine::actionKey(const std::string& host, const std::string& socket, Trigger trigger) {
    std::string key = host;
    key += '\0';
    key += socket;
    key += '\0';
    key += static_cast<char>('0' + static_cast<int>(trigger));
    return key;
}

void Engine::listen(HostId hostId, std::uint16_t port, const Action& action, Program program) {
    Host& host = hosts_[hostId];
    if (host.listeners.contains(port) || host.connectPorts.contains(port)) {
        appCall(nullptr, hostId, AppCallKind::Listen, EADDRINUSE,
                Reason(Cause::AddressInUse, port));
        return;
    }
    const std::uint32_t slot = allocSocket(hostId, SocketRole::Listener, action.socket);
    TcpSock& sock = sockets_[slot];
    sock.program = program;
    sock.tuple.local = Endpoint{host.info.address, port};
    if (!action.accept.empty()) {
        acceptNames_[sock.id] = AcceptNames{action.accept, 0};
    }
    if (action.receiveBuffer != 0) {
        sock.childReceiveBuffer = receiveSpaceFromSoRcvbuf(action.receiveBuffer);
    }
    host.listeners[port] = slot;
    if (!action.socket.empty()) {
        host.named[action.socket] = slot;
    }
    publish(sock);
    appCall(&sock, hostId, AppCallKind::Listen, 0, Reason(Cause::AppListen, port));
    transition(sock, TcpEvent::AppListen, Reason(Cause::AppListen, port));
}

std::uint32_t Engine::connect(HostId hostId, HostId peer, std::uint16_t peerPort,
                              const Action& action) {
    Host& host = hosts_[hostId];
    const std::uint32_t slot = allocSocket(hostId, SocketRole::Active, action.socket);
    TcpSock* sock = &sockets_[slot];
    sock->tuple.local.address = host.info.address;
    sock->tuple.remote = Endpoint{hosts_[peer].info.address, peerPort};
    if (action.receiveBuffer != 0) {
        sock->receiveBuffer = receiveSpaceFromSoRcvbuf(action.receiveBuffer);
    }

    // __inet_hash_connect() / __inet_check_established(): find a local port whose 4-tuple is
    // free, or held by a TIME_WAIT that tcp_twsk_unique() lets us take over.
    std::uint32_t reusedTw = UINT32_MAX;
    const auto tupleFree = [&](std::uint16_t port, bool explicitBind) {
        FourTuple candidate = sock->tuple;
        candidate.local.port = port;
        if (host.connections.contains(candidate)) {
            return false;
        }
        const auto tw = host.timeWaits.find(candidate);
        if (tw != host.timeWaits.end()) {
            if (!tcpTwskUnique(host, timeWaits_[tw->second], explicitBind, now_)) {
                return false;
            }
            reusedTw = tw->second;
        }
        return true;
    };

    std::uint16_t chosen = 0;
    if (action.port != 0) {
        if (host.listeners.contains(action.port)) {
            appCall(sock, hostId, AppCallKind::Connect, EADDRINUSE,
                    Reason(Cause::AddressInUse, action.port));
            freeSocket(slot);
            return kNoSlot;
        }
        if (tupleFree(action.port, true)) {
            chosen = action.port;
        }
    } else if (!anyTimeWaitReusable(host, sock->tuple) &&
               host.tuplesTo[destinationKey(sock->tuple.remote)] >=
                   static_cast<std::uint32_t>(host.sysctls.ip_local_port_range_high -
                                              host.sysctls.ip_local_port_range_low + 1)) {
        // Every port of the range already has a connection or a TIME_WAIT to this destination
        // and none may be reused: the kernel's scan would end in EADDRNOTAVAIL.
    } else {
        chosen = searchLocalPort(host, sock->tuple, nowSeconds(host), rng_,
                                 [&](std::uint16_t port) { return tupleFree(port, false); });
    }
    if (chosen == 0) {
        const Reason why = action.port != 0
                               ? Reason(Cause::AddressInUse, action.port)
                               : Reason(Cause::PortsExhausted, host.sysctls.ip_local_port_range_low,
                                        host.sysctls.ip_local_port_range_high);
        ++host.counters.connectFailures;
        appCall(sock, hostId, AppCallKind::Connect, EADDRNOTAVAIL, why);
        anomaly(hostId, sock->id, kNoSegment, Reason(Cause::ConnectFailed, EADDRNOTAVAIL));
        freeSocket(slot);
        return kNoSlot;
    }
    sock->tuple.local.port = chosen;
    sock->connectPort = true;
    if (chosen >= host.sysctls.ip_local_port_range_low &&
        chosen <= host.sysctls.ip_local_port_range_high) {
        const std::uint64_t key = destinationKey(sock->tuple.remote);
        ++host.tuplesTo[key];
        std::vector<std::uint64_t>& held = host.heldPorts[key];
        held.resize(65536 / 64);
        held[chosen / 64] |= std::uint64_t{1} << (chosen % 64);
    }
    ++host.counters.connectsStarted;
    host.connectPorts.add(chosen);
    if (!action.socket.empty()) {
        host.named[action.socket] = slot;
    }

    sock->timestamps = host.sysctls.tcp_timestamps != 0;
    sock->tsOffset = tsOffsetFor(host, sock->tuple);
    sock->iss = secureIsn(host, sock->tuple);
    if (reusedTw != UINT32_MAX) {
        TimeWaitSock& tw = timeWaits_[reusedTw];
        // tcp_twsk_unique(): write_seq beyond the old connection's; ts_recent and its stamp carry
        // over, so PAWS protects the new connection from the old one's segments.
        sock->iss = timeWaitSuccessorIsn(tw);
        sock->tsRecent = tw.tsRecent;
        sock->tsRecentStamp = tw.tsRecentStamp;
        killTimeWait(reusedTw, TcpEvent::Abort, Reason(Cause::TimeWaitReused, sock->id),
                     kNoSegment);
        sock = &sockets_[slot];
    }
    sock->sndUna = sock->iss;
    sock->sndNxt = sock->iss;
    sock->sndMax = sock->iss;
    host.connections[sock->tuple] = slot;
    publish(*sock);
    appCall(sock, hostId, AppCallKind::Connect, 0, Reason(Cause::AppConnect));
    transition(*sock, TcpEvent::AppConnect, Reason(Cause::AppConnect));
    return slot;
}

// accept(): the scenario's next name for its listener's connections goes to this one.
void Engine::nameAccepted(TcpSock& sock) {
    const TcpSock& listener = sockets_[sock.listenerSlot];
    const auto accept = acceptNames_.find(listener.id);
    if (listener.state != TcpState::Listen || accept == acceptNames_.end() ||
        accept->second.given >= accept->second.names.size()) {
        return;
    }
    const std::string& name = accept->second.names[accept->second.given++];
    sock.named = true;
    socketNames_[sock.id] = name;
    hosts_[sock.host].named[name] = slotOf(sock);
    publish(sock);
}

// What the application sees, as it would wake up from poll(): a load connection's fixed reactions
// run as their own event, after the stack has finished with the segment; a scenario's named
// sockets run the actions waiting for that trigger.
void Engine::appEvent(TcpSock& sock, AppEvent event) {
    if (sock.orphan) {
        return;
    }
    if (sock.program != Program::None) {
        const auto slot = slotOf(sock);
        if (sock.program == Program::LoadServer && event == AppEvent::Data &&
            scenario_.load->serverDelay > Duration{}) {
            scheduleAfter(scenario_.load->serverDelay, EventKind::Program, slot, sock.id,
                          static_cast<std::uint8_t>(event));
        } else {
            woken_.push_back(Woken{slot, sock.id, event});
        }
        return;
    }
    switch (event) {
    case AppEvent::Established:
        notifyApp(sock, Trigger::Established);
        break;
    case AppEvent::Eof:
        notifyApp(sock, Trigger::Eof);
        break;
    case AppEvent::Error:
        notifyApp(sock, Trigger::Error);
        break;
    case AppEvent::Data:
        break;
    }
}

void Engine::notifyApp(TcpSock& sock, Trigger trigger) {
    if (!sock.named || sock.orphan) {
        return;
    }
    const auto it = triggered_.find(actionKey(hosts_[sock.host].info.name, nameOf(sock), trigger));
    if (it == triggered_.end()) {
        return;
    }
    for (std::size_t index : it->second) {
        schedule(now_ + scenario_.actions[index].time, EventKind::Action,
                 static_cast<std::uint32_t>(index));
    }
}

} // namespace tdl
