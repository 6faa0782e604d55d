// The application's calls and what it hears back: the scenario's actions (listen, connect, send,
// shutdown, close...), the names it gives sockets, and the actions waiting for a socket's event.

#include "applications.h"
#include "tcp_stack.h"

#include <algorithm>
#include <cerrno>
#include <utility>

namespace tdl {

void Applications::addAction(std::size_t index) {
    const Action& action = ctx_.scenario.actions[index];
    if (action.trigger == Trigger::At) {
        ctx_.schedule(action.time, EventKind::Action, static_cast<std::uint32_t>(index));
    } else {
        triggered_[actionKey(action.host, action.socket, action.trigger)].push_back(index);
    }
}

void Applications::runAction(std::size_t index) {
    const Action& action = ctx_.scenario.actions[index];
    const auto hostId = static_cast<HostId>(ctx_.scenario.hostIndex(action.host));
    Host& host = ctx_.hosts[hostId];
    if (action.call == AppCallKind::Listen) {
        const std::uint32_t slot = tcp_.listen(hostId, action.port, action, Program::None);
        if (slot != kNoSlot && !action.accept.empty()) {
            acceptNames_[tcp_.socket(slot).id] = AcceptNames{action.accept, 0};
        }
        return;
    }
    if (action.call == AppCallKind::Connect) {
        const auto existing = host.named.find(action.socket);
        if (existing != host.named.end()) {
            // connect() on a socket that is already connected: EISCONN.
            ctx_.appCall(&tcp_.socket(existing->second), hostId, AppCallKind::Connect, EISCONN,
                         Reason(Cause::AppConnect));
            return;
        }
        tcp_.connect(hostId, static_cast<HostId>(ctx_.scenario.hostIndex(action.peer)),
                     action.peerPort, action);
        return;
    }
    const auto named = host.named.find(action.socket);
    if (named == host.named.end()) {
        // The application has no such descriptor (never opened, or already closed): EBADF.
        ctx_.appCall(nullptr, hostId, action.call, EBADF, Reason(Cause::NotConnected));
        return;
    }
    const std::uint32_t slot = named->second;
    TcpSock& sock = tcp_.socket(slot);
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
            // tcp_sendmsg_locked() -> sk_stream_wait_connect(): sk_err first (sock_error()
            // clears it), then EPIPE.
            const bool connectedOnce = sock.state != TcpState::Listen;
            const int error = sock.pendingError != 0 ? std::exchange(sock.pendingError, 0)
                              : connectedOnce        ? EPIPE
                                                     : ENOTCONN;
            ctx_.appCall(&sock, hostId, AppCallKind::Send, error,
                         Reason(Cause::AppSend, static_cast<std::int64_t>(action.bytes)));
            return;
        }
        ctx_.appCall(&sock, hostId, AppCallKind::Send, 0,
                     Reason(Cause::AppSend, static_cast<std::int64_t>(action.bytes)));
        tcp_.send(sock, action.bytes);
        break;
    }
    case AppCallKind::Shutdown:
        tcp_.shutdownSocket(sock, action.how);
        break;
    case AppCallKind::Close:
        tcp_.closeSocket(slot);
        break;
    case AppCallKind::StopReading:
        ctx_.appCall(&sock, hostId, AppCallKind::StopReading, 0, Reason(Cause::AppStopReading));
        sock.reading = false;
        break;
    case AppCallKind::ResumeReading: {
        if (action.bytes > 0) {
            readOnce(sock, hostId, action);
            break;
        }
        ctx_.appCall(&sock, hostId, AppCallKind::ResumeReading, 0, Reason(Cause::AppResumeReading));
        tcp_.readAll(sock);
        if (sock.finReceived && !sock.eofDelivered) {
            sock.eofDelivered = true;
            appEvent(sock, AppEvent::Eof);
        }
        break;
    }
    case AppCallKind::SetLinger:
        ctx_.appCall(&sock, hostId, AppCallKind::SetLinger, 0, Reason(Cause::AppSetLinger, 1, 0));
        sock.lingerZero = true;
        break;
    }
}

// tcp_recvmsg(): the queued bytes, up to what was asked; with none, a FIN received (SOCK_DONE)
// reads 0, then sk_err is reported once, then a shut or closed receive side reads 0; otherwise the
// call blocks (`wait`) or fails with EAGAIN.
void Applications::readOnce(TcpSock& sock, HostId hostId, const Action& action) {
    const std::uint64_t taken = std::min(action.bytes, sock.unread);
    int error = 0;
    if (taken == 0 && !sock.finReceived) {
        if (sock.pendingError != 0) {
            error = std::exchange(sock.pendingError, 0);
        } else if ((sock.shutdownMask & kRcvShutdown) == 0 && sock.state != TcpState::Closed) {
            if (action.wait) {
                sock.readWaiting = action.bytes;
            } else {
                error = EAGAIN;
            }
        }
    }
    ctx_.appCall(&sock, hostId, AppCallKind::ResumeReading, error,
                 Reason(Cause::AppResumeReading, static_cast<std::int64_t>(action.bytes),
                        static_cast<std::int64_t>(taken)));
    tcp_.read(sock, taken);
}

std::string Applications::actionKey(const std::string& host, const std::string& socket,
                                    Trigger trigger) {
    std::string key = host;
    key += '\0';
    key += socket;
    key += '\0';
    key += static_cast<char>('0' + static_cast<int>(trigger));
    return key;
}

void Applications::nameAccepted(TcpSock& sock) {
    const TcpSock& listener = tcp_.socket(sock.listenerSlot);
    const auto accept = acceptNames_.find(listener.id);
    if (listener.state != TcpState::Listen || accept == acceptNames_.end() ||
        accept->second.given >= accept->second.names.size()) {
        return;
    }
    const std::string& name = accept->second.names[accept->second.given++];
    ctx_.hosts[sock.host].named[name] = tcp_.slotOf(sock);
    tcp_.name(sock, name);
}

// What the application sees, as it would wake up from poll(): a load connection's fixed reactions
// run as their own event, after the stack has finished with the segment; a scenario's named
// sockets run the actions waiting for that trigger.
void Applications::appEvent(TcpSock& sock, AppEvent event) {
    if (sock.orphan) {
        return;
    }
    if (sock.program != Program::None) {
        const auto slot = tcp_.slotOf(sock);
        if (sock.program == Program::LoadServer && event == AppEvent::Data &&
            ctx_.scenario.load->serverDelay > Duration{}) {
            ctx_.scheduleAfter(ctx_.scenario.load->serverDelay, EventKind::Program, slot, sock.id,
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

void Applications::notifyApp(TcpSock& sock, Trigger trigger) {
    if (!sock.named || sock.orphan) {
        return;
    }
    const auto it =
        triggered_.find(actionKey(ctx_.hosts[sock.host].info.name, tcp_.nameOf(sock), trigger));
    if (it == triggered_.end()) {
        return;
    }
    for (std::size_t index : it->second) {
        ctx_.schedule(ctx_.now + ctx_.scenario.actions[index].time, EventKind::Action,
                      static_cast<std::uint32_t>(index));
    }
}

} // namespace tdl
