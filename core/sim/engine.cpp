#include "engine.h"
#include "simulator.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <stdexcept>

namespace tdl {

namespace {

// A host has been up for a while when the run starts, so its clocks (ISN, TSval, jiffies) do not
// start at zero; the seed decides for how long.
constexpr std::int64_t kMinUptimeUs = 1000LL * 1000 * 1000;     // 1000 s
constexpr std::int64_t kUptimeSpreadUs = 86400LL * 1000 * 1000; // up to a day more
constexpr std::size_t kPortPerturbSize = 1U << 16;              // INET_TABLE_PERTURB_SIZE

} // namespace

Engine::Engine(const Scenario& scenario, TraceSink& sink)
    : scenario_(scenario)
    , sink_(sink)
    , recordFacts_(sink.wantsFacts())
    , recordSockets_(sink.wantsSockets())
    , rng_(scenario.seed) {
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
        host.secret = rng_.next();
        host.bootOffsetUs = kMinUptimeUs + static_cast<std::int64_t>(rng_.below(kUptimeSpreadUs));
        host.portPerturb.resize(kPortPerturbSize);
        for (auto& entry : host.portPerturb) {
            entry = static_cast<std::uint32_t>(rng_.next());
        }
        sink_.hostAdded(host.info);
        const auto known =
            std::find_if(hostByAddress_.begin(), hostByAddress_.end(),
                         [&](const auto& entry) { return entry.first == config.address; });
        if (known == hostByAddress_.end()) {
            hostByAddress_.emplace_back(config.address, static_cast<HostId>(i));
        } else {
            known->second = kShared;
        }
        hosts_.push_back(std::move(host));
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
        if (action.trigger == Trigger::At) {
            schedule(action.time, EventKind::Action, static_cast<std::uint32_t>(i));
        } else {
            triggered_[actionKey(action.host, action.socket, action.trigger)].push_back(i);
        }
    }
    faultMatches_.assign(scenario.faults.size(), 0);
    const std::size_t n = hosts_.size();
    linkDelay_.assign(n * n, scenario.network.delay);
    linkLoss_.assign(n * n, scenario.network.loss);
    for (const LinkConfig& link : scenario.network.links) {
        const int from = scenario.hostIndex(link.from);
        const int to = scenario.hostIndex(link.to);
        if (from < 0 || to < 0) {
            throw std::invalid_argument("a link names a host the scenario does not have");
        }
        const std::size_t index = static_cast<std::size_t>(from) * n + static_cast<std::size_t>(to);
        linkDelay_[index] = link.delay;
        linkLoss_[index] = link.loss;
    }
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        const int client = scenario.hostIndex(load.client);
        const int server = scenario.hostIndex(load.server);
        if (client < 0 || server < 0 || load.rate == 0 || load.portCount == 0) {
            throw std::invalid_argument("the load needs a client, a server, a rate and a port");
        }
        loadClient_ = static_cast<HostId>(client);
        loadServer_ = static_cast<HostId>(server);
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

void Engine::schedule(SimTime at, EventKind kind, std::uint32_t slot, std::uint32_t id,
                      std::uint8_t detail, std::uint32_t generation) {
    queue_.push(Event{at, order_++, kind, detail, slot, id, generation});
}

void Engine::scheduleAfter(Duration delay, EventKind kind, std::uint32_t slot, std::uint32_t id,
                           std::uint8_t detail, std::uint32_t generation) {
    queue_.pushAfter(delay, Event{now_ + delay, order_++, kind, detail, slot, id, generation});
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
// The network

HostId Engine::routeTo(const Segment& segment) const {
    const auto byAddress =
        std::find_if(hostByAddress_.begin(), hostByAddress_.end(),
                     [&](const auto& entry) { return entry.first == segment.dst.address; });
    if (byAddress == hostByAddress_.end()) {
        return kNoHost;
    }
    if (byAddress->second != kShared) {
        return byAddress->second;
    }
    HostId first = kNoHost;
    HostId listening = kNoHost;
    const FourTuple key{segment.dst, segment.src};
    for (std::size_t i = 0; i < hosts_.size(); ++i) {
        const Host& host = hosts_[i];
        if (host.info.address != segment.dst.address) {
            continue;
        }
        // Several hosts behind one address (NAT): the one that knows the connection wins.
        if (host.connections.contains(key) || host.timeWaits.contains(key)) {
            return static_cast<HostId>(i);
        }
        if (listening == kNoHost && host.listeners.contains(segment.dst.port)) {
            listening = static_cast<HostId>(i);
        }
        if (first == kNoHost) {
            first = static_cast<HostId>(i);
        }
    }
    return listening != kNoHost ? listening : first;
}

const FaultRule* Engine::matchFault(HostId from, HostId to, const Segment& segment,
                                    std::uint32_t ordinal, std::size_t& ruleIndex) {
    const FaultRule* chosen = nullptr;
    for (std::size_t i = 0; i < scenario_.faults.size(); ++i) {
        const FaultRule& rule = scenario_.faults[i];
        if (!rule.from.empty() && rule.from != hosts_[from].info.name) {
            continue;
        }
        if (!rule.to.empty() && (to == kNoHost || rule.to != hosts_[to].info.name)) {
            continue;
        }
        if ((segment.flags & rule.flags) != rule.flags || (segment.flags & rule.notFlags) != 0) {
            continue;
        }
        if (rule.data >= 0 && (segment.length > 0) != (rule.data == 1)) {
            continue;
        }
        if (rule.ordinal != 0 && rule.ordinal != ordinal) {
            continue;
        }
        if (!rule.socket.empty()) {
            // socketNames_ remembers every named incarnation, also after the socket is gone.
            const auto name = socketNames_.find(segment.sender);
            if (name == socketNames_.end() || name->second != rule.socket) {
                continue;
            }
        }
        const std::uint32_t seen = ++faultMatches_[i];
        if (chosen == nullptr && (rule.nth == 0 || rule.nth == seen)) {
            chosen = &rule;
            ruleIndex = i;
        }
    }
    return chosen;
}

void Engine::transmit(HostId from, const Segment& segment, Reason reason) {
    const std::uint32_t ordinal = ++segmentsSent_;
    if (segment.has(flag::kRst)) {
        ++hosts_[from].counters.resetsSent;
    }
    const HostId to = routeTo(segment);
    SegmentId id = kNoSegment;
    if (recordFacts_) {
        SegmentRecord record;
        record.segment = segment;
        record.from = from;
        record.to = to;
        record.sentAt = now_;
        record.ordinal = ordinal;
        id = sink_.segmentSent(record);
        Fact sent;
        sent.kind = FactKind::SegmentSent;
        sent.host = from;
        sent.socket = segment.sender;
        sent.segment = id;
        sent.reason = reason;
        fact(sent);
    }

    const auto networkFact = [&](FactKind kind, Reason why, SegmentId which) {
        Fact f;
        f.kind = kind;
        f.host = from;
        f.socket = segment.sender;
        f.segment = which;
        f.reason = why;
        fact(f);
    };
    if (to == kNoHost) {
        networkFact(FactKind::SegmentDropped, Reason(Cause::NoRoute), id);
        return;
    }

    const std::size_t link = std::size_t{from} * hosts_.size() + to;
    Duration delay = linkDelay_[link];
    bool duplicate = false;
    std::size_t ruleIndex = 0;
    const FaultRule* rule =
        scenario_.faults.empty() ? nullptr : matchFault(from, to, segment, ordinal, ruleIndex);
    if (rule != nullptr) {
        const auto ruleNumber = static_cast<std::int64_t>(ruleIndex + 1);
        switch (rule->action) {
        case FaultAction::Drop:
            networkFact(FactKind::SegmentDropped, Reason(Cause::FaultDrop, ruleNumber), id);
            return;
        case FaultAction::Delay:
            delay += rule->delay;
            networkFact(FactKind::SegmentDelayed,
                        Reason(Cause::FaultDelay, ruleNumber, rule->delay.count()), id);
            break;
        case FaultAction::Duplicate:
            duplicate = true;
            break;
        }
    }
    const double loss = linkLoss_[link];
    if (loss > 0.0 && rng_.uniform() < loss) {
        networkFact(FactKind::SegmentDropped,
                    Reason(Cause::RandomLoss, static_cast<std::int64_t>(loss * 1e6)), id);
        return;
    }

    // Forced inline: every segment takes this path, and a duplicate takes it a second time.
    const auto launch = [&](SegmentId traceId) __attribute__((always_inline)) {
        std::uint32_t slot;
        if (!freeInFlight_.empty()) {
            slot = freeInFlight_.back();
            freeInFlight_.pop_back();
        } else {
            slot = static_cast<std::uint32_t>(inFlight_.size());
            inFlight_.emplace_back();
        }
        InFlight& flight = inFlight_[slot];
        flight.segment = segment;
        flight.from = from;
        flight.to = to;
        flight.traceId = traceId;
        scheduleAfter(delay, EventKind::Deliver, slot);
    };
    launch(id);
    if (duplicate) {
        SegmentRecord copy;
        copy.segment = segment;
        copy.from = from;
        copy.to = to;
        copy.sentAt = now_;
        copy.duplicateOf = id;
        copy.ordinal = ordinal;
        const SegmentId copyId = recordFacts_ ? sink_.segmentSent(copy) : kNoSegment;
        networkFact(FactKind::SegmentDuplicated,
                    Reason(Cause::FaultDuplicate, static_cast<std::int64_t>(ruleIndex + 1)),
                    copyId);
        launch(copyId);
    }
}

void Engine::deliver(std::uint32_t slot) {
    const InFlight flight = inFlight_[slot];
    freeInFlight_.push_back(slot);
    if (recordFacts_) {
        sink_.segmentDelivered(flight.traceId, now_);
        Fact arrival;
        arrival.at = now_;
        arrival.kind = FactKind::SegmentDelivered;
        arrival.host = flight.to;
        arrival.segment = flight.traceId;
        arrival.reason = Reason(Cause::Accepted);
        pendingDelivery_ = arrival;
    }
    receive(flight.to, flight.segment, flight.traceId);
    if (pendingDelivery_) {
        const Fact delivery = *pendingDelivery_;
        pendingDelivery_.reset();
        sink_.fact(delivery);
    }
}

// ---------------------------------------------------------------------------------------------
// Hosts: clocks, ISNs, ports

std::uint32_t Engine::tsNow(const Host& host) const {
    // tcp_time_stamp_ts(): a 1 kHz clock since 4.13.
    return static_cast<std::uint32_t>((host.bootOffsetUs + now_.count()) / 1000);
}

std::int64_t Engine::nowSeconds(const Host& host) const {
    return (host.bootOffsetUs + now_.count()) / 1'000'000; // ktime_get_seconds()
}

Seq Engine::secureIsn(const Host& host, const FourTuple& tuple) const {
    // secure_tcp_seq(): a keyed hash of the 4-tuple plus a clock ticking every 64 ns (seq_scale).
    const std::uint64_t addresses =
        (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address;
    const std::uint64_t ports = (std::uint64_t{tuple.local.port} << 16) | tuple.remote.port;
    const auto hash = static_cast<std::uint32_t>(keyedHash(host.secret, addresses, ports));
    const std::uint64_t ns = static_cast<std::uint64_t>(host.bootOffsetUs + now_.count()) * 1000;
    return Seq(hash + static_cast<std::uint32_t>(ns >> 6));
}

std::uint32_t Engine::tsOffsetFor(const Host& host, const FourTuple& tuple) const {
    // tcp_timestamps = 1 randomises the offset; any other non-zero value keeps it 0.
    if (host.sysctls.tcp_timestamps != 1) {
        return 0;
    }
    const std::uint64_t addresses =
        (std::uint64_t{tuple.local.address} << 32) | tuple.remote.address;
    const std::uint64_t ports = (std::uint64_t{tuple.local.port} << 16) | tuple.remote.port;
    switch (host.traits.tsOffset) {
    case TsOffsetMode::None:
        return 0;
    case TsOffsetMode::PerHostPair: // secure_tcp_ts_off(saddr, daddr)
        return static_cast<std::uint32_t>(keyedHash(~host.secret, addresses));
    case TsOffsetMode::PerFlow: // secure_tcp_seq_and_ts_off() over the 4-tuple (6.18.17+)
        return static_cast<std::uint32_t>(keyedHash(~host.secret, addresses, ports));
    }
    return 0;
}

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

bool Engine::timeWaitReusable(const Host& host, const TimeWaitSock& tw, bool explicitBind) const {
    // tcp_twsk_unique(): timestamps must have been in use; an explicit bind() (twp == NULL) needs
    // nothing more; otherwise tcp_tw_reuse decides (2 = loopback only; never a FIN_WAIT_2 linger).
    int reuse = host.sysctls.tcp_tw_reuse;
    if (tw.substate == TcpState::FinWait2) {
        reuse = 0;
    }
    if (reuse == 2 && !isLoopback(tw.tuple.local.address) && !isLoopback(tw.tuple.remote.address)) {
        reuse = 0;
    }
    if (tw.tsRecentStamp == 0) {
        return false;
    }
    if (explicitBind) {
        return true;
    }
    if (reuse == 0) {
        return false;
    }
    if (host.traits.hasTwReuseDelay) {
        // 6.14+: milliseconds since the socket entered TIME_WAIT, time_after32(now, threshold).
        const std::int64_t nowMs = (host.bootOffsetUs + now_.count()) / 1000;
        const std::int64_t entryMs = (host.bootOffsetUs + tw.entryStamp.count()) / 1000;
        return nowMs > entryMs + host.sysctls.tcp_tw_reuse_delay;
    }
    if (host.traits.reuseAfterTsAgeSeconds) {
        return nowSeconds(host) > tw.tsRecentStamp; // 4.19 - 6.13
    }
    return nowSeconds(host) - tw.tsRecentStamp > 1; // up to 4.18
}

// Could tcp_twsk_unique() let connect() take over any TIME_WAIT toward this peer? Not when reuse is
// off for it, or when timestamps are off on this host (records then have no ts_recent_stamp).
bool Engine::anyTimeWaitReusable(const Host& host, const FourTuple& tuple) const {
    const int reuse = host.sysctls.tcp_tw_reuse;
    if (reuse == 0 || host.sysctls.tcp_timestamps == 0) {
        return false;
    }
    return reuse == 1 || isLoopback(tuple.local.address) || isLoopback(tuple.remote.address);
}

std::uint32_t Engine::connect(HostId hostId, HostId peer, std::uint16_t peerPort,
                              const Action& action) {
    Host& host = hosts_[hostId];
    const std::uint32_t slot = allocSocket(hostId, SocketRole::Active, action.socket);
    TcpSock* sock = &sockets_[slot];
    sock->tuple.local.address = host.info.address;
    sock->tuple.remote = Endpoint{hosts_[peer].info.address, peerPort};
    if (action.receiveBuffer != 0) {
        sock->receiveBuffer = action.receiveBuffer;
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
            if (!timeWaitReusable(host, timeWaits_[tw->second], explicitBind)) {
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
        const int low = host.sysctls.ip_local_port_range_low;
        const int high = host.sysctls.ip_local_port_range_high + 1; // [low, high[
        std::uint32_t remaining = static_cast<std::uint32_t>(high - low);
        if (remaining > 1) {
            remaining &= ~1U;
        }
        const std::uint64_t portOffset =
            keyedHash(host.secret ^ 0x5eed,
                      (std::uint64_t{sock->tuple.local.address} << 32) | sock->tuple.remote.address,
                      (std::uint64_t{sock->tuple.remote.port} << 32) |
                          static_cast<std::uint64_t>(nowSeconds(host) / 10));
        const std::size_t index = portOffset & (kPortPerturbSize - 1);
        std::uint32_t offset =
            (host.portPerturb[index] + static_cast<std::uint32_t>(portOffset >> 32)) % remaining;
        offset &= ~1U; // first pass: ports of low's parity
        const bool reusable = anyTimeWaitReusable(host, sock->tuple);
        const auto held = host.heldPorts.find(destinationKey(sock->tuple.remote));
        // With no TIME_WAIT to reuse, a held port can never be chosen: skip a word of them at a
        // time (the ports of this pass's parity, from `port` up to `end`).
        const auto skipHeld = [&](std::uint32_t port, std::uint32_t end) {
            if (held == host.heldPorts.end()) {
                return port;
            }
            const std::uint64_t parity =
                (port & 1U) != 0 ? 0xAAAAAAAAAAAAAAAAULL : 0x5555555555555555ULL;
            for (std::uint32_t word = port / 64; word * 64 < end; ++word) {
                std::uint64_t free = ~held->second[word] & parity;
                if (word == port / 64) {
                    free &= ~std::uint64_t{0} << (port % 64);
                }
                if (free != 0) {
                    const std::uint32_t found =
                        word * 64 + static_cast<std::uint32_t>(std::countr_zero(free));
                    return found < end ? found : port + ((end - port + 1) & ~1U);
                }
            }
            return port + ((end - port + 1) & ~1U);
        };
        for (int pass = 0; pass < 2 && chosen == 0; ++pass) {
            const std::uint32_t start = static_cast<std::uint32_t>(low) + offset;
            std::uint32_t port = start;
            std::uint32_t i = 0;
            while (i < remaining) {
                if (port >= static_cast<std::uint32_t>(high)) {
                    port -= remaining;
                }
                if (!reusable) {
                    const std::uint32_t end =
                        port >= start ? static_cast<std::uint32_t>(high) : start;
                    const std::uint32_t next = skipHeld(port, end);
                    i += next - port;
                    port = next;
                    if (i >= remaining || port >= end) {
                        continue;
                    }
                }
                const auto p = static_cast<std::uint16_t>(port);
                // bind()-bound ports (fastreuse >= 0) are skipped; a connect()ed one is shared
                // unless this very 4-tuple is taken.
                if (!host.listeners.contains(p) &&
                    (!host.connectPorts.contains(p) || tupleFree(p, false))) {
                    chosen = p;
                    const std::uint32_t step =
                        std::max<std::uint32_t>(i, static_cast<std::uint32_t>(rng_.below(8)) * 2);
                    host.portPerturb[index] += step + 2;
                    break;
                }
                i += 2;
                port += 2;
            }
            ++offset;
            if ((offset & 1) == 0 || remaining <= 1) {
                break;
            }
        }
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
        sock.childReceiveBuffer = action.receiveBuffer;
    }
    host.listeners[port] = slot;
    if (!action.socket.empty()) {
        host.named[action.socket] = slot;
    }
    publish(sock);
    appCall(&sock, hostId, AppCallKind::Listen, 0, Reason(Cause::AppListen, port));
    transition(sock, TcpEvent::AppListen, Reason(Cause::AppListen, port));
}

// ---------------------------------------------------------------------------------------------
// The application

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
    hosts_[sock.host].named[name] = static_cast<std::uint32_t>(&sock - sockets_.data());
    publish(sock);
}

std::string Engine::actionKey(const std::string& host, const std::string& socket, Trigger trigger) {
    std::string key = host;
    key += '\0';
    key += socket;
    key += '\0';
    key += static_cast<char>('0' + static_cast<int>(trigger));
    return key;
}

void Engine::sample() {
    std::vector<HostCounters> counters;
    counters.reserve(hosts_.size());
    for (const Host& host : hosts_) {
        HostCounters c = host.counters;
        c.orphans = host.orphans;
        c.portsInUse = host.connectPorts.held();
        c.freePorts = host.sysctls.ip_local_port_range_high - host.sysctls.ip_local_port_range_low +
                      1 - c.portsInUse;
        counters.push_back(c);
    }
    if (!sink_.sampled(now_, counters)) {
        cancelled_ = true;
        return;
    }
    // Sample on while anything else is still to happen; the last sample shows the end state.
    if (!queue_.empty()) {
        schedule(now_ + scenario_.load->sampleEvery, EventKind::Sample, 0);
    }
}

// inet_sk_diag_fill() / inet_twsk_diag_fill() with tcp_diag_get_info(): what `ss -tano` shows.
std::vector<SocketRow> Engine::socketTable(SimTime at) const {
    std::vector<SocketRow> rows;
    for (const TcpSock& sock : sockets_) {
        if (sock.id == kNoSocket || sock.detached || sock.state == TcpState::Closed) {
            continue;
        }
        SocketRow row;
        row.host = sock.host;
        row.socket = sock.id;
        row.state = sock.state;
        row.tuple = sock.tuple;
        row.orphan = sock.orphan;
        if (sock.state != TcpState::Listen) {
            const bool finUnread = sock.finReceived && !sock.eofDelivered;
            row.recvQ = sock.unread + (finUnread ? 1 : 0);
            row.sendQ = static_cast<std::uint64_t>(std::max(0, sock.writeSeq() - sock.sndUna));
        }
        const auto left = [&](TimerKind kind) {
            return sock.deadline[static_cast<std::size_t>(kind)] - at;
        };
        // icsk_pending first, then sk_timer, as inet_sk_diag_fill() tests them.
        if (sock.timerArmed(TimerKind::Retransmit)) {
            row.timer = SsTimer::On;
            row.timerLeft = left(TimerKind::Retransmit);
            row.retransmits = sock.retransmits;
        } else if (sock.timerArmed(TimerKind::ZeroWindowProbe)) {
            row.timer = SsTimer::Persist;
            row.timerLeft = left(TimerKind::ZeroWindowProbe);
            row.retransmits = sock.probesOut;
        } else if (sock.timerArmed(TimerKind::FinWait2)) {
            row.timer = SsTimer::Keepalive;
            row.timerLeft = left(TimerKind::FinWait2);
            row.retransmits = sock.probesOut;
        }
        rows.push_back(row);
    }
    for (const TimeWaitSock& tw : timeWaits_) {
        if (tw.id == kNoSocket) {
            continue;
        }
        SocketRow row;
        row.host = tw.host;
        row.socket = tw.id;
        row.state = tw.substate;
        row.tuple = tw.tuple;
        row.timeWaitRecord = true;
        row.timer = SsTimer::TimeWait;
        row.timerLeft = tw.deadline - at;
        rows.push_back(row);
    }
    return rows;
}

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

// What the application sees, as it would wake up from poll(): a load connection's fixed reactions
// run as their own event, after the stack has finished with the segment; a scenario's named
// sockets run the actions waiting for that trigger.
void Engine::appEvent(TcpSock& sock, AppEvent event) {
    if (sock.orphan) {
        return;
    }
    if (sock.program != Program::None) {
        const auto slot = static_cast<std::uint32_t>(&sock - sockets_.data());
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

// ---------------------------------------------------------------------------------------------

Simulator::Simulator(const Scenario& scenario, TraceSink& sink)
    : engine_(std::make_unique<Engine>(scenario, sink)) {}

Simulator::~Simulator() = default;

void Simulator::run() {
    engine_->run();
}

std::vector<SocketRow> Simulator::socketTable(SimTime at) const {
    return engine_->socketTable(at);
}

Trace simulate(const Scenario& scenario) {
    TraceRecorder recorder;
    Simulator simulator(scenario, recorder);
    simulator.run();
    return recorder.take();
}

} // namespace tdl
