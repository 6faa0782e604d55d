// The load generator and its programs: connections started at a fixed rate, and the fixed reactions
// of a load client and server to what their sockets tell them.

#include "applications.h"
#include "tcp_stack.h"

namespace tdl {

void Applications::startLoad(HostId client, HostId server) {
    const LoadConfig& load = *ctx_.scenario.load;
    loadClient_ = client;
    loadServer_ = server;
    for (std::uint16_t i = 0; i < load.portCount; ++i) {
        tcp_.listen(loadServer_, static_cast<std::uint16_t>(load.port + i), Action{},
                    Program::LoadServer);
    }
    if (load.connections() > 0) {
        ctx_.schedule(0us, EventKind::LoadTick, 0);
    }
    if (load.sampleEvery > Duration::zero()) {
        ctx_.schedule(0us, EventKind::Sample, 0);
    }
}

void Applications::loadTick() {
    const LoadConfig& load = *ctx_.scenario.load;
    const std::uint64_t n = loadStarted_++;
    const auto port = static_cast<std::uint16_t>(load.port + n % load.portCount);
    static const Action plainConnect; // no options: an ephemeral port, the default buffers
    const std::uint32_t slot = tcp_.connect(loadClient_, loadServer_, port, plainConnect);
    if (slot != kNoSlot) {
        TcpSock& sock = tcp_.socket(slot);
        sock.program = Program::LoadClient;
        sock.reading = load.clientReads;
    }
    if (loadStarted_ < load.connections()) {
        // Exact integer spacing: connection n starts at n / rate seconds.
        ctx_.schedule(SimTime(static_cast<std::int64_t>(loadStarted_ * 1'000'000 / load.rate)),
                      EventKind::LoadTick, 0);
    }
}

// The programs woken by the event just handled run once the stack is done with it, in the order
// they were woken, as processes scheduled after the softirq that woke them.
void Applications::runWoken() {
    for (std::size_t i = 0; i < woken_.size(); ++i) {
        const Woken w = woken_[i];
        if (tcp_.holds(w.slot, w.id)) {
            runProgram(w.slot, w.event);
        }
    }
    woken_.clear();
}

void Applications::runProgram(std::uint32_t slot, AppEvent event) {
    TcpSock& sock = tcp_.socket(slot);
    if (sock.orphan) {
        return;
    }
    const LoadConfig& load = *ctx_.scenario.load;
    const std::uint64_t received =
        static_cast<std::uint32_t>(sock.rcvNxt - sock.irs) - 1 - (sock.finReceived ? 1U : 0U);
    switch (event) {
    case AppEvent::Established:
        if (sock.program == Program::LoadClient) {
            tcp_.send(sock, load.requestBytes);
        }
        break;
    case AppEvent::Data:
        if (sock.program == Program::LoadServer && received == load.requestBytes) {
            tcp_.send(sock, load.responseBytes);
            if (load.closer == Closer::Server) {
                tcp_.closeSocket(slot);
            }
        } else if (sock.program == Program::LoadClient && received == load.responseBytes &&
                   load.closer == Closer::Client) {
            tcp_.closeSocket(slot);
        }
        break;
    case AppEvent::Eof:
    case AppEvent::Error:
        tcp_.closeSocket(slot);
        break;
    }
}

void Applications::sample() {
    std::vector<HostCounters> counters;
    counters.reserve(ctx_.hosts.size());
    for (const Host& host : ctx_.hosts) {
        HostCounters c = host.counters;
        c.orphans = host.orphans;
        c.portsInUse = host.connectPorts.held();
        c.freePorts = host.sysctls.ip_local_port_range_high - host.sysctls.ip_local_port_range_low +
                      1 - c.portsInUse;
        counters.push_back(c);
    }
    if (!ctx_.sink.sampled(ctx_.now, counters)) {
        cancelled_ = true;
        return;
    }
    // Sample on while anything else is still to happen; the last sample shows the end state.
    if (!ctx_.queue.empty()) {
        ctx_.schedule(ctx_.now + ctx_.scenario.load->sampleEvery, EventKind::Sample, 0);
    }
}

} // namespace tdl
