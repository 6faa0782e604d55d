#include "engine.h"
#include "scenario_check.h"
#include "simulator.h"

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
    requireRunnable(scenario);
    for (std::size_t i = 0; i < scenario.hosts.size(); ++i) {
        const HostConfig& config = scenario.hosts[i];
        Host host;
        host.info = HostInfo{config.name, config.address, config.scripted};
        host.scripted = config.scripted;
        host.profile = config.profile;
        host.traits = traitsOf(config.profile);
        host.sysctls = config.sysctls;
        host.hz = config.hz;
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
        apps_.addAction(i);
    }
    ctx_.network = Network(scenario);
    for (std::size_t i = 0; i < scenario.crafted.size(); ++i) {
        ctx_.schedule(SimTime(scenario.crafted[i].time), EventKind::Inject,
                      static_cast<std::uint32_t>(i));
    }
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        apps_.startLoad(static_cast<HostId>(scenario.hostIndex(load.client)),
                        static_cast<HostId>(scenario.hostIndex(load.server)));
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
    case EventKind::Inject:
        tcp_.inject(event.slot);
        break;
    case EventKind::Program:
        if (tcp_.holds(event.slot, event.id)) {
            apps_.runProgram(event.slot, static_cast<AppEvent>(event.detail));
        }
        break;
    }
}

} // namespace tdl
