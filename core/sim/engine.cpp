#include "engine.h"
#include "scenario_check.h"
#include "simulator.h"

#include <algorithm>

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
        if (scenario.actions[i].step != 0 && scenario.actions[i].trigger == Trigger::At) {
            steps_.push_back(Step{false, static_cast<std::uint32_t>(i)});
        } else {
            apps_.addAction(i);
        }
    }
    ctx_.network = Network(scenario);
    for (std::size_t i = 0; i < scenario.crafted.size(); ++i) {
        if (scenario.crafted[i].step != 0) {
            steps_.push_back(Step{true, static_cast<std::uint32_t>(i)});
        } else {
            ctx_.schedule(SimTime(scenario.crafted[i].time), EventKind::Inject,
                          static_cast<std::uint32_t>(i));
        }
    }
    std::ranges::stable_sort(steps_, {}, [&](const Step& step) {
        return step.crafted ? scenario.crafted[step.index].step : scenario.actions[step.index].step;
    });
    if (!steps_.empty()) {
        scheduleStep(0);
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
    case EventKind::Step:
        runStep(event.slot);
        break;
    }
}

// A step is queued only once the step before has run, last at its instant: what that one caused
// at the same instant (a segment's delivery, the answer to it) has happened by then.
void Engine::scheduleStep(std::uint32_t position) {
    const Step& step = steps_[position];
    const Duration time = step.crafted ? ctx_.scenario.crafted[step.index].time
                                       : ctx_.scenario.actions[step.index].time;
    ctx_.scheduleLastAt(std::max(SimTime(time), ctx_.now), EventKind::Step, position);
}

void Engine::runStep(std::uint32_t position) {
    const Step& step = steps_[position];
    if (step.crafted) {
        tcp_.inject(step.index);
    } else {
        apps_.runAction(step.index);
    }
    if (position + 1 < steps_.size()) {
        scheduleStep(position + 1);
    }
}

} // namespace tdl
