#pragma once

#include "scenario.h"

#include <string>

namespace tdl::test {

// Builds scenarios for tests in a few readable lines. Hosts default to the classroom pair:
// "client" 10.0.0.1 and "server" 10.0.0.2, 10 ms apart each way, Linux 6.x defaults.
class ScenarioBuilder {
public:
    ScenarioBuilder();

    ScenarioBuilder& host(const std::string& name, const std::string& address,
                          KernelProfile profile = KernelProfile::Linux6);
    // A scripted peer (HostConfig::scripted) beside the hosts there are.
    ScenarioBuilder& scripted(const std::string& name, const std::string& address);
    ScenarioBuilder& crafted(CraftedSegment segment);
    ScenarioBuilder& sysctl(const std::string& host, const std::string& name,
                            const std::string& value);
    ScenarioBuilder& hz(const std::string& host, int hz); // CONFIG_HZ
    ScenarioBuilder& delay(Duration oneWay);
    ScenarioBuilder& seed(std::uint64_t seed);
    ScenarioBuilder& limit(Duration limit);

    ScenarioBuilder& listen(Duration at, const std::string& host, std::uint16_t port,
                            std::vector<std::string> accept);
    ScenarioBuilder& connect(Duration at, const std::string& host, const std::string& socket,
                             const std::string& peer, std::uint16_t port,
                             std::uint16_t localPort = 0);
    ScenarioBuilder& send(Duration at, const std::string& host, const std::string& socket,
                          std::uint64_t bytes);
    ScenarioBuilder& close(Duration at, const std::string& host, const std::string& socket);
    ScenarioBuilder& shutdown(Duration at, const std::string& host, const std::string& socket,
                              int how);
    ScenarioBuilder& stopReading(Duration at, const std::string& host, const std::string& socket);
    ScenarioBuilder& resumeReading(Duration at, const std::string& host, const std::string& socket);
    ScenarioBuilder& lingerZero(Duration at, const std::string& host, const std::string& socket);
    // The same calls, `after` an event on the socket instead of at a fixed time.
    ScenarioBuilder& on(Trigger trigger, Duration after, const std::string& host,
                        const std::string& socket, AppCallKind call, std::uint64_t bytes = 0,
                        int how = 1);

    // The load generator: `rate` connections a second from "client" to "server" for `duration`.
    ScenarioBuilder& load(std::uint32_t rate, Duration duration, Closer closer = Closer::Client);

    ScenarioBuilder& fault(FaultRule rule);
    // Drops the nth segment from `from` that has all of `flags` (and, with pureAck, no payload).
    ScenarioBuilder& drop(const std::string& from, std::uint8_t flags, std::uint32_t nth,
                          std::uint8_t notFlags = 0);
    // Holds up the nth segment from `from` that has all of `flags` for `by` more.
    ScenarioBuilder& hold(const std::string& from, std::uint8_t flags, std::uint32_t nth,
                          Duration by);

    Scenario build() const { return scenario_; }

private:
    Action& add(Duration at, const std::string& host, const std::string& socket, AppCallKind call);
    Scenario scenario_;
    bool defaultHosts_ = true;
};

// The classroom connection: the server listens on 80 and accepts "s"; the client connects "c" at
// 0 and sends 100 bytes 1 ms after it is established; the server answers with 200 bytes.
ScenarioBuilder connectedPair();

} // namespace tdl::test
