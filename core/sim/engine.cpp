#include "engine.h"
#include "scenario_check.h"
#include "simulator.h"

#include <algorithm>
#include <bit>
#include <cerrno>

namespace tdl {

namespace {

// A host has been up for a while when the run starts, so its clocks (ISN, TSval, jiffies) do not
// start at zero; the seed decides for how long.
constexpr std::int64_t kMinUptimeUs = 1000LL * 1000 * 1000;     // 1000 s
constexpr std::int64_t kUptimeSpreadUs = 86400LL * 1000 * 1000; // up to a day more

} // namespace

Engine::Engine(const Scenario& scenario, TraceSink& sink)
    : scenario_(scenario)
    , sink_(sink)
    , recordFacts_(sink.wantsFacts())
    , recordSockets_(sink.wantsSockets())
    , rng_(scenario.seed) {
    requireRunnable(scenario);
    for (std::size_t i = 0; i < scenario.hosts.size(); ++i) {
        const HostConfig& config = scenario.hosts[i];
        Host host;
        host.info = HostInfo{config.name, config.address};
        host.profile = config.profile;
        host.traits = traitsOf(config.profile);
        host.sysctls = config.sysctls;
        host.secret = rng_.next();
        host.bootOffsetUs = kMinUptimeUs + static_cast<std::int64_t>(rng_.below(kUptimeSpreadUs));
        host.portPerturb.resize(kPortPerturbSize);
        for (auto& entry : host.portPerturb) {
            entry = static_cast<std::uint32_t>(rng_.next());
        }
        sink_.hostAdded(host.info);
        hosts_.push_back(std::move(host));
    }
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        const Action& action = scenario.actions[i];
        if (action.trigger == Trigger::At) {
            schedule(action.time, EventKind::Action, static_cast<std::uint32_t>(i));
        } else {
            triggered_[actionKey(action.host, action.socket, action.trigger)].push_back(i);
        }
    }
    network_ = Network(scenario);
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        loadClient_ = static_cast<HostId>(scenario.hostIndex(load.client));
        loadServer_ = static_cast<HostId>(scenario.hostIndex(load.server));
        for (std::uint16_t i = 0; i < load.portCount; ++i) {
            listen(loadServer_, static_cast<std::uint16_t>(load.port + i), Action{},
                   Program::LoadServer);
        }
        if (load.connections() > 0) {
            schedule(0us, EventKind::LoadTick, 0);
        }
        if (load.sampleEvery > Duration::zero()) {
            schedule(0us, EventKind::Sample, 0);
        }
    }
}

void Engine::run() {
    bool truncated = false;
    SimTime lastEvent{};
    while (!queue_.empty()) {
        const Event event = queue_.top();
        if (event.kind == EventKind::SocketTimer) {
            TcpSock& sock = sockets_[event.slot];
            if (sock.id != event.id || sock.queuedAt[event.detail] != event.at) {
                queue_.pop(); // the socket is gone, or this timer has another event queued
                continue;
            }
            const auto kind = static_cast<TimerKind>(event.detail);
            if (!sock.timerArmed(kind)) {
                queue_.pop();
                sock.queuedAt[event.detail] = kNotQueued;
                sock.ticket[event.detail] = EventQueue::kNoTicket;
                continue;
            }
            if (sock.deadline[event.detail] > event.at) {
                // Re-armed for later since this event was queued: move it there.
                queue_.pop();
                sock.queuedAt[event.detail] = sock.deadline[event.detail];
                sock.ticket[event.detail] = EventQueue::kNoTicket; // the heap's, from now on
                Event later = event;
                later.at = sock.deadline[event.detail];
                later.order = order_++;
                queue_.push(later);
                continue;
            }
        } else if (event.kind == EventKind::TwTimer) {
            const TimeWaitSock& tw = timeWaits_[event.slot];
            if (tw.id != event.id || tw.generation != event.generation) {
                queue_.pop();
                continue;
            }
        }
        if (event.at > scenario_.limit || cancelled_) {
            truncated = true;
            break;
        }
        queue_.pop();
        now_ = event.at;
        lastEvent = now_;
        dispatch(event);
        runWokenPrograms();
    }
    sink_.finished(lastEvent, truncated);
}

void Engine::dispatch(const Event& event) {
    switch (event.kind) {
    case EventKind::Deliver:
        deliver(event.slot);
        break;
    case EventKind::SocketTimer: {
        TcpSock& sock = sockets_[event.slot];
        const auto kind = static_cast<TimerKind>(event.detail);
        sock.queuedAt[event.detail] = kNotQueued;
        sock.ticket[event.detail] = EventQueue::kNoTicket;
        sock.armed &= static_cast<std::uint8_t>(~(1U << event.detail));
        if (recordFacts_) {
            Fact f;
            f.kind = FactKind::TimerFired;
            f.host = sock.host;
            f.socket = sock.id;
            f.timer = kind;
            f.reason = firedReason(sock, kind);
            fact(f);
        }
        onSocketTimer(sock, kind);
        break;
    }
    case EventKind::TwTimer:
        onTimeWaitTimer(event.slot);
        break;
    case EventKind::Action:
        runAction(event.slot);
        break;
    case EventKind::LoadTick:
        loadTick();
        break;
    case EventKind::Sample:
        sample();
        break;
    case EventKind::Program:
        if (sockets_[event.slot].id == event.id) {
            runProgram(event.slot, static_cast<AppEvent>(event.detail));
        }
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Facts

// Why a timer's firing matters, so that its fact explains itself.
Reason Engine::firedReason(const TcpSock& sock, TimerKind kind) const {
    switch (kind) {
    case TimerKind::Retransmit:
        return Reason(Cause::RtoExpired, sock.retransmits + 1,
                      std::chrono::duration_cast<std::chrono::milliseconds>(sock.rto).count());
    case TimerKind::DelayedAck:
        return Reason(Cause::AckDelayed);
    case TimerKind::ZeroWindowProbe:
        return Reason(Cause::ZeroWindowProbe, sock.probesOut + 1);
    case TimerKind::FinWait2:
        return Reason(Cause::FinWait2Timeout, hosts_[sock.host].sysctls.tcp_fin_timeout);
    case TimerKind::TimeWait:
        return Reason(Cause::TimeWaitExpired);
    }
    return Reason();
}

void Engine::fact(Fact f) {
    if (!recordFacts_) {
        return;
    }
    if (pendingDelivery_) {
        Fact delivery = *pendingDelivery_;
        pendingDelivery_.reset();
        sink_.fact(delivery);
    }
    f.at = now_;
    sink_.fact(f);
}

void Engine::delivered(HostId host, SocketId socket, SegmentId id, Reason reason) {
    if (!pendingDelivery_ || pendingDelivery_->segment != id) {
        return;
    }
    pendingDelivery_->host = host;
    pendingDelivery_->socket = socket;
    pendingDelivery_->reason = reason;
    const Fact delivery = *pendingDelivery_;
    pendingDelivery_.reset();
    sink_.fact(delivery);
}

void Engine::anomaly(HostId host, SocketId socket, SegmentId id, Reason reason) {
    Fact f;
    f.kind = FactKind::Anomaly;
    f.host = host;
    f.socket = socket;
    f.segment = id;
    f.reason = reason;
    fact(f);
}

void Engine::appCall(TcpSock* sock, HostId host, AppCallKind call, int error, Reason reason) {
    if (!recordFacts_) {
        return;
    }
    Fact f;
    f.kind = FactKind::AppCall;
    f.host = host;
    f.socket = sock != nullptr ? sock->id : kNoSocket;
    f.call = call;
    f.error = error;
    f.reason = reason;
    fact(f);
}

// ---------------------------------------------------------------------------------------------
// Hosts: clocks, ISNs, ports

std::uint32_t Engine::allocSocket(HostId host, SocketRole role, const std::string& name,
                                  TcpState born) {
    std::uint32_t slot;
    if (!freeSockets_.empty()) {
        slot = freeSockets_.back();
        freeSockets_.pop_back();
        static const TcpSock fresh;
        sockets_[slot] = fresh;
    } else {
        slot = static_cast<std::uint32_t>(sockets_.size());
        sockets_.emplace_back();
    }
    TcpSock& sock = sockets_[slot];
    sock.id = nextSocketId_++;
    sock.host = host;
    sock.role = role;
    sock.state = born;
    if (born != TcpState::Closed) {
        ++hosts_[host].counters.sockets[static_cast<std::size_t>(born)];
    }
    sock.named = !name.empty();
    if (sock.named) {
        socketNames_[sock.id] = name;
    }
    if (recordSockets_) {
        SocketInfo info;
        info.id = sock.id;
        info.host = host;
        info.name = name;
        info.role = role;
        sink_.socketAdded(info);
    }
    return slot;
}

const std::string& Engine::nameOf(const TcpSock& sock) const {
    static const std::string unnamed;
    if (!sock.named) {
        return unnamed;
    }
    const auto name = socketNames_.find(sock.id);
    return name != socketNames_.end() ? name->second : unnamed;
}

void Engine::publish(const TcpSock& sock) {
    if (!recordSockets_) {
        return;
    }
    SocketInfo info;
    info.id = sock.id;
    info.host = sock.host;
    info.name = nameOf(sock);
    info.role = sock.role;
    info.tuple = sock.tuple;
    info.isn = sock.iss;
    info.peerIsn = sock.irs;
    sink_.socketUpdated(info);
}

void Engine::freeSocket(std::uint32_t slot) {
    TcpSock& sock = sockets_[slot];
    for (EventQueue::Ticket& ticket : sock.ticket) {
        queue_.cancel(ticket); // the socket is gone: its timer events would only be skipped
        ticket = EventQueue::kNoTicket;
    }
    if (sock.named) {
        Host& host = hosts_[sock.host];
        const auto named = host.named.find(nameOf(sock));
        if (named != host.named.end() && named->second == slot) {
            host.named.erase(named);
        }
    }
    sock.id = kNoSocket;
    freeSockets_.push_back(slot);
}

// ---------------------------------------------------------------------------------------------
// The application

} // namespace tdl
