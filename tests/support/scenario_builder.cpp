#include "scenario_builder.h"

#include <stdexcept>

namespace tdl::test {

ScenarioBuilder::ScenarioBuilder() {
    scenario_.hosts.push_back(HostConfig{"client", 0x0A000001, KernelProfile::Linux6,
                                         defaultSysctls(KernelProfile::Linux6)});
    scenario_.hosts.push_back(HostConfig{"server", 0x0A000002, KernelProfile::Linux6,
                                         defaultSysctls(KernelProfile::Linux6)});
}

ScenarioBuilder& ScenarioBuilder::host(const std::string& name, const std::string& address,
                                       KernelProfile profile) {
    if (defaultHosts_) {
        scenario_.hosts.clear();
        defaultHosts_ = false;
    }
    HostConfig config{name, 0, profile, defaultSysctls(profile)};
    if (!parseIpv4(address, config.address)) {
        throw std::invalid_argument("bad address " + address);
    }
    scenario_.hosts.push_back(config);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::scripted(const std::string& name, const std::string& address) {
    HostConfig config{name, 0, KernelProfile::Linux6, defaultSysctls(KernelProfile::Linux6), true};
    if (!parseIpv4(address, config.address)) {
        throw std::invalid_argument("bad address " + address);
    }
    scenario_.hosts.push_back(config);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::crafted(CraftedSegment segment) {
    scenario_.crafted.push_back(std::move(segment));
    return *this;
}

ScenarioBuilder& ScenarioBuilder::hz(const std::string& host, int hz) {
    const int index = scenario_.hostIndex(host);
    if (index < 0) {
        throw std::invalid_argument("no host " + host);
    }
    scenario_.hosts[static_cast<std::size_t>(index)].hz = hz;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::sysctl(const std::string& host, const std::string& name,
                                         const std::string& value) {
    const int index = scenario_.hostIndex(host);
    if (index < 0) {
        throw std::invalid_argument("no host " + host);
    }
    HostConfig& config = scenario_.hosts[static_cast<std::size_t>(index)];
    if (auto error = setSysctl(config.sysctls, config.profile, name, value)) {
        throw std::invalid_argument(*error);
    }
    return *this;
}

ScenarioBuilder& ScenarioBuilder::delay(Duration oneWay) {
    scenario_.network.delay = oneWay;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::seed(std::uint64_t seed) {
    scenario_.seed = seed;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::limit(Duration limit) {
    scenario_.limit = limit;
    return *this;
}

Action& ScenarioBuilder::add(Duration at, const std::string& host, const std::string& socket,
                             AppCallKind call) {
    Action action;
    action.time = at;
    action.host = host;
    action.socket = socket;
    action.call = call;
    scenario_.actions.push_back(action);
    return scenario_.actions.back();
}

ScenarioBuilder& ScenarioBuilder::listen(Duration at, const std::string& host, std::uint16_t port,
                                         std::vector<std::string> accept) {
    Action& action = add(at, host, "listener", AppCallKind::Listen);
    action.port = port;
    action.accept = std::move(accept);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::connect(Duration at, const std::string& host,
                                          const std::string& socket, const std::string& peer,
                                          std::uint16_t port, std::uint16_t localPort) {
    Action& action = add(at, host, socket, AppCallKind::Connect);
    action.peer = peer;
    action.peerPort = port;
    action.port = localPort;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::send(Duration at, const std::string& host,
                                       const std::string& socket, std::uint64_t bytes) {
    add(at, host, socket, AppCallKind::Send).bytes = bytes;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::close(Duration at, const std::string& host,
                                        const std::string& socket) {
    add(at, host, socket, AppCallKind::Close);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::shutdown(Duration at, const std::string& host,
                                           const std::string& socket, int how) {
    add(at, host, socket, AppCallKind::Shutdown).how = how;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::stopReading(Duration at, const std::string& host,
                                              const std::string& socket) {
    add(at, host, socket, AppCallKind::StopReading);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::resumeReading(Duration at, const std::string& host,
                                                const std::string& socket) {
    add(at, host, socket, AppCallKind::ResumeReading);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::lingerZero(Duration at, const std::string& host,
                                             const std::string& socket) {
    add(at, host, socket, AppCallKind::SetLinger);
    return *this;
}

ScenarioBuilder& ScenarioBuilder::on(Trigger trigger, Duration after, const std::string& host,
                                     const std::string& socket, AppCallKind call,
                                     std::uint64_t bytes, int how) {
    Action& action = add(after, host, socket, call);
    action.trigger = trigger;
    action.bytes = bytes;
    action.how = how;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::fault(FaultRule rule) {
    scenario_.faults.push_back(std::move(rule));
    return *this;
}

ScenarioBuilder& ScenarioBuilder::drop(const std::string& from, std::uint8_t flags,
                                       std::uint32_t nth, std::uint8_t notFlags) {
    FaultRule rule;
    rule.from = from;
    rule.flags = flags;
    rule.notFlags = notFlags;
    rule.nth = nth;
    rule.action = FaultAction::Drop;
    return fault(rule);
}

ScenarioBuilder& ScenarioBuilder::load(std::uint32_t rate, Duration duration, Closer closer) {
    LoadConfig load;
    load.client = "client";
    load.server = "server";
    load.rate = rate;
    load.duration = duration;
    load.closer = closer;
    scenario_.load = load;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::hold(const std::string& from, std::uint8_t flags,
                                       std::uint32_t nth, Duration by) {
    FaultRule rule;
    rule.from = from;
    rule.flags = flags;
    rule.nth = nth;
    rule.action = FaultAction::Delay;
    rule.delay = by;
    return fault(rule);
}

ScenarioBuilder connectedPair() {
    ScenarioBuilder b;
    b.listen(0ms, "server", 80, {"s"})
        .connect(0ms, "client", "c", "server", 80)
        .on(Trigger::Established, 1ms, "client", "c", AppCallKind::Send, 100)
        .send(50ms, "server", "s", 200);
    return b;
}

} // namespace tdl::test
