// The load generator and its programs: connections started at a fixed rate, and the fixed reactions
// of a load client and server to what their sockets tell them.

#include "engine.h"

namespace tdl {

void Engine::loadTick() {
    const LoadConfig& load = *scenario_.load;
    const std::uint64_t n = loadStarted_++;
    const auto port = static_cast<std::uint16_t>(load.port + n % load.portCount);
    static const Action plainConnect; // no options: an ephemeral port, the default buffers
    const std::uint32_t slot = connect(loadClient_, loadServer_, port, plainConnect);
    if (slot != kNoSlot) {
        sockets_[slot].program = Program::LoadClient;
        sockets_[slot].reading = load.clientReads;
    }
    if (loadStarted_ < load.connections()) {
        // Exact integer spacing: connection n starts at n / rate seconds.
        schedule(SimTime(static_cast<std::int64_t>(loadStarted_ * 1'000'000 / load.rate)),
                 EventKind::LoadTick, 0);
    }
}

// The programs woken by the event just handled run once the stack is done with it, in the order
// they were woken, as processes scheduled after the softirq that woke them.
void Engine::runWokenPrograms() {
    for (std::size_t i = 0; i < woken_.size(); ++i) {
        const Woken w = woken_[i];
        if (sockets_[w.slot].id == w.id) {
            runProgram(w.slot, w.event);
        }
    }
    woken_.clear();
}

void Engine::runProgram(std::uint32_t slot, AppEvent event) {
    TcpSock& sock = sockets_[slot];
    if (sock.orphan) {
        return;
    }
    const LoadConfig& load = *scenario_.load;
    const std::uint64_t received =
        static_cast<std::uint32_t>(sock.rcvNxt - sock.irs) - 1 - (sock.finReceived ? 1U : 0U);
    switch (event) {
    case AppEvent::Established:
        if (sock.program == Program::LoadClient) {
            sock.bytesWritten += load.requestBytes;
            pushPending(sock);
        }
        break;
    case AppEvent::Data:
        if (sock.program == Program::LoadServer && received == load.requestBytes) {
            sock.bytesWritten += load.responseBytes;
            pushPending(sock);
            if (load.closer == Closer::Server) {
                closeSocket(slot);
            }
        } else if (sock.program == Program::LoadClient && received == load.responseBytes &&
                   load.closer == Closer::Client) {
            closeSocket(slot);
        }
        break;
    case AppEvent::Eof:
    case AppEvent::Error:
        closeSocket(slot);
        break;
    }
}

} // namespace tdl
