#include "engine.h"
#include "simulator.h"

#include <stdexcept>

namespace tdl {

namespace {

// A host has been up for a while when the run starts, so its clocks (ISN, TSval, jiffies) do not
// start at zero; the seed decides for how long.
constexpr std::int64_t kMinUptimeUs = 1000LL * 1000 * 1000;     // 1000 s
constexpr std::int64_t kUptimeSpreadUs = 86400LL * 1000 * 1000; // up to a day more

} // namespace

Engine::Engine(const Scenario& scenario, TraceSink& sink)
    : tcp_(scenario, sink, apps_)
    , ctx_(tcp_.context())
    , apps_(ctx_, tcp_) {
    if (scenario.hosts.empty()) {
        throw std::invalid_argument("a scenario needs at least one host");
    }
    for (std::size_t i = 0; i < scenario.hosts.size(); ++i) {
        const HostConfig& config = scenario.hosts[i];
        Host host;
        host.info = HostInfo{config.name, config.address};
        host.profile = config.profile;
        host.traits = traitsOf(config.profile);
        host.sysctls = config.sysctls;
        host.secret = ctx_.rng.next();
        host.bootOffsetUs =
            kMinUptimeUs + static_cast<std::int64_t>(ctx_.rng.below(kUptimeSpreadUs));
        host.portPerturb.resize(kPortPerturbSize);
        for (auto& entry : host.portPerturb) {
            entry = static_cast<std::uint32_t>(ctx_.rng.next());
        }
        ctx_.sink.hostAdded(host.info);
        ctx_.hosts.push_back(std::move(host));
    }
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        const Action& action = scenario.actions[i];
        if (scenario.hostIndex(action.host) < 0) {
            throw std::invalid_argument("action " + std::to_string(i + 1) + " names host \"" +
                                        action.host + "\", which the scenario does not have");
        }
        if (action.call == AppCallKind::Connect && scenario.hostIndex(action.peer) < 0) {
            throw std::invalid_argument("action " + std::to_string(i + 1) + " connects to host \"" +
                                        action.peer + "\", which the scenario does not have");
        }
        apps_.addAction(i);
    }
    ctx_.network = Network(scenario);
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        const int client = scenario.hostIndex(load.client);
        const int server = scenario.hostIndex(load.server);
        if (client < 0 || server < 0 || load.rate == 0 || load.portCount == 0) {
            throw std::invalid_argument("the load needs a client, a server, a rate and a port");
        }
        apps_.startLoad(static_cast<HostId>(client), static_cast<HostId>(server));
    }
}

void Engine::run() {
    SimContext& ctx = ctx_; // a register for the loop, not a load from this on every event
    bool truncated = false;
    SimTime lastEvent{};
    while (!ctx.queue.empty()) {
        const Event event = ctx.queue.top();
        if (event.kind == EventKind::SocketTimer) {
            if (!tcp_.socketTimerDue(event)) {
                continue;
            }
        } else if (event.kind == EventKind::TwTimer && !tcp_.timeWaitTimerCurrent(event)) {
            ctx.queue.pop();
            continue;
        }
        if (event.at > ctx.scenario.limit || apps_.cancelled()) {
            truncated = true;
            break;
        }
        ctx.queue.pop();
        ctx.now = event.at;
        lastEvent = ctx.now;
        dispatch(event);
        apps_.runWokenPrograms();
    }
    ctx.sink.finished(lastEvent, truncated);
}

// Each event to its subsystem.
void Engine::dispatch(const Event& event) {
    switch (event.kind) {
    case EventKind::Deliver:
        tcp_.deliver(event.slot);
        break;
    case EventKind::SocketTimer:
        tcp_.onSocketTimerEvent(event);
        break;
    case EventKind::TwTimer:
        tcp_.onTimeWaitTimer(event.slot);
        break;
    case EventKind::Action:
        apps_.runAction(event.slot);
        break;
    case EventKind::LoadTick:
        apps_.loadTick();
        break;
    case EventKind::Sample:
        apps_.sample();
        break;
    case EventKind::Program:
        if (tcp_.holds(event.slot, event.id)) {
            apps_.runProgram(event.slot, static_cast<AppEvent>(event.detail));
        }
        break;
    }
}

} // namespace tdl
