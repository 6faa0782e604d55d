#include "TraceIndex.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace tdl::ui {

namespace {

Duration median(std::vector<Duration>& values) {
    std::nth_element(values.begin(),
                     values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
    return values[values.size() / 2];
}

} // namespace

TraceIndex::TraceIndex(const Trace& trace) {
    factTimes_.reserve(trace.facts.size());
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        const Fact& fact = trace.facts[i];
        factTimes_.push_back(fact.at);
        if (fact.kind == FactKind::Anomaly) {
            anomalies_.push_back(i);
        }
        if (fact.kind == FactKind::StateChanged) {
            stateTimes_.push_back(fact.at);
        }
    }
    eventTimes_ = factTimes_;
    eventTimes_.erase(std::unique(eventTimes_.begin(), eventTimes_.end()), eventTimes_.end());
    stateTimes_.erase(std::unique(stateTimes_.begin(), stateTimes_.end()), stateTimes_.end());

    indexSegments(trace);
    indexWindowShifts(trace);
    indexStates(trace);
    indexTimers(trace);
    assignLanes(trace);

    for (const SegmentRecord& record : trace.segments) {
        if (record.segment.sender != kNoSocket) {
            senders_.emplace_back(record.sentAt, record.segment.sender);
        }
    }
    for (const SocketInfo& socket : trace.sockets) {
        if (socket.role == SocketRole::Active) {
            firstActive_ = socket.id;
            break;
        }
    }
}

std::optional<std::uint64_t> TraceIndex::windowBytes(const Trace& trace, SegmentId id) const {
    const std::int8_t shift = segments_[id].windowShift;
    if (shift < 0) {
        return std::nullopt;
    }
    return std::uint64_t{trace.segments[id].segment.window} << shift;
}

// What each direction of a connection announced on its SYN, in the order sent: a SYN without ACK
// opens a new handshake (a new incarnation of the 4-tuple), the SYN,ACK answers it. Scaling is
// on only if both carried the option (tcp_parse_options(), wscale_ok), and the shift is capped
// at TCP_MAX_WSCALE as the receiver caps it.
void TraceIndex::indexWindowShifts(const Trace& trace) {
    struct Direction {
        bool synSeen = false;
        std::int8_t scale = -1;
    };
    using Key = std::tuple<Ipv4, std::uint16_t, Ipv4, std::uint16_t>;
    std::map<Key, Direction> directions;
    constexpr int kMaxShift = 14; // TCP_MAX_WSCALE
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const Segment& s = trace.segments[id].segment;
        Direction& out = directions[Key{s.src.address, s.src.port, s.dst.address, s.dst.port}];
        Direction& back = directions[Key{s.dst.address, s.dst.port, s.src.address, s.src.port}];
        if (s.has(flag::kSyn)) {
            out = {true, s.windowScale};
            if (!s.has(flag::kAck)) {
                back = {};
            }
            segments_[id].windowShift = 0;
        } else if (out.synSeen && back.synSeen) {
            segments_[id].windowShift =
                out.scale >= 0 && back.scale >= 0
                    ? static_cast<std::int8_t>(std::min<int>(out.scale, kMaxShift))
                    : std::int8_t{0};
        }
    }
}

void TraceIndex::indexSegments(const Trace& trace) {
    segments_.resize(trace.segments.size());
    const auto original = [&](SegmentId id) {
        const SegmentId of = trace.segments[id].duplicateOf;
        return of < trace.segments.size() ? of : id;
    };
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        segments_[id].ordinal = trace.segments[id].ordinal;
        const SegmentId of = original(id);
        if (of != id) {
            segments_[of].copies.push_back(id);
        }
    }
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        const Fact& fact = trace.facts[i];
        if (fact.segment >= segments_.size()) {
            continue;
        }
        SegmentInfo& info = segments_[fact.segment];
        switch (fact.kind) {
        case FactKind::SegmentSent:
            info.sentFact = info.sentFact == kNone ? i : info.sentFact;
            break;
        case FactKind::SegmentDelivered:
            info.deliveredFact = i;
            break;
        case FactKind::SegmentDropped:
            info.droppedFact = i;
            break;
        case FactKind::SegmentDelayed:
            info.delayedFact = i;
            break;
        case FactKind::SegmentDuplicated:
            segments_[original(fact.segment)].duplicatedFact = i;
            break;
        default:
            break;
        }
    }

    // One-way delays of undisturbed deliveries, by direction: where a lost segment's mark goes.
    std::map<std::pair<HostId, HostId>, std::vector<Duration>> delays;
    std::vector<Duration> all;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const SegmentRecord& record = trace.segments[id];
        if (record.deliveredAt && segments_[id].delayedFact == kNone) {
            const Duration d = *record.deliveredAt - record.sentAt;
            delays[{record.from, record.to}].push_back(d);
            all.push_back(d);
        }
    }
    if (!all.empty()) {
        typicalOneWay_ = std::max(median(all), Duration(1));
    }
    std::map<std::pair<HostId, HostId>, Duration> oneWay;
    for (auto& [direction, values] : delays) {
        oneWay[direction] = median(values);
    }

    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const SegmentRecord& record = trace.segments[id];
        SegmentInfo& info = segments_[id];
        if (record.deliveredAt) {
            info.fate = Fate::Delivered;
            info.endAt = *record.deliveredAt;
        } else if (info.droppedFact != kNone) {
            const auto found = oneWay.find({record.from, record.to});
            const Duration delay = found != oneWay.end() ? found->second : typicalOneWay_;
            info.fate = Fate::Dropped;
            info.endAt = record.sentAt + delay / 2;
        } else {
            info.fate = Fate::InFlightAtEnd;
            info.endAt = std::max(trace.end, record.sentAt);
        }
    }
}

void TraceIndex::indexStates(const Trace& trace) {
    std::vector<std::vector<StateSpan>> bySocket(trace.sockets.size() + 1);
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        const Fact& fact = trace.facts[i];
        if (fact.kind != FactKind::StateChanged || fact.socket == kNoSocket ||
            fact.socket >= bySocket.size()) {
            continue;
        }
        std::vector<StateSpan>& spans = bySocket[fact.socket];
        if (!spans.empty()) {
            spans.back().to = fact.at;
        } else if (fact.reason.code == Cause::InferredMidConnection) {
            spans.push_back(
                {fact.socket, fact.host, TcpState::Closed, SimTime{}, fact.at, i, true});
        }
        spans.push_back({fact.socket, fact.host, fact.to, fact.at, trace.end, i});
    }
    statesOf_.assign(bySocket.size(), {0, 0});
    for (SocketId id = 0; id < bySocket.size(); ++id) {
        statesOf_[id].first = states_.size();
        for (StateSpan& span : bySocket[id]) {
            span.to = std::max(span.to, span.from);
            states_.push_back(span);
        }
        statesOf_[id].second = states_.size();
    }
}

void TraceIndex::indexTimers(const Trace& trace) {
    std::vector<std::size_t> open; // indices into timers_ of timers still running
    const auto find = [&](const Fact& fact) {
        return std::find_if(open.begin(), open.end(), [&](std::size_t t) {
            return timers_[t].host == fact.host && timers_[t].socket == fact.socket &&
                   timers_[t].kind == fact.timer;
        });
    };
    const auto close = [&](std::vector<std::size_t>::iterator it, SimTime at, TimerEnd end) {
        timers_[*it].ended = at;
        timers_[*it].end = end;
        open.erase(it);
    };
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        const Fact& fact = trace.facts[i];
        switch (fact.kind) {
        case FactKind::TimerArmed: {
            if (auto it = find(fact); it != open.end()) {
                close(it, fact.at, TimerEnd::Rearmed);
            }
            timers_.push_back({fact.host, fact.socket, fact.timer, fact.at, fact.deadline,
                               fact.deadline, TimerEnd::RunEnded, i});
            open.push_back(timers_.size() - 1);
            break;
        }
        case FactKind::TimerFired:
        case FactKind::TimerCancelled:
            if (auto it = find(fact); it != open.end()) {
                close(it, fact.at,
                      fact.kind == FactKind::TimerFired ? TimerEnd::Fired : TimerEnd::Cancelled);
            }
            break;
        default:
            break;
        }
    }
    for (std::size_t t : open) {
        timers_[t].ended = std::clamp(trace.end, timers_[t].armed, timers_[t].deadline);
    }
}

void TraceIndex::assignLanes(const Trace& trace) {
    lanes_.assign(trace.sockets.size() + 1, 0);
    laneCounts_.assign(trace.hosts.size(), 1);
    peers_.assign(trace.sockets.size() + 1, kNoSocket);

    struct Life {
        SocketId socket;
        SimTime from;
        SimTime to;
    };
    std::vector<std::vector<Life>> lives(trace.hosts.size());
    for (const SocketInfo& socket : trace.sockets) {
        const auto spans = stateSpans(socket.id);
        if (spans.empty() || socket.host >= lives.size()) {
            continue;
        }
        SimTime to = spans.front().from;
        for (const StateSpan& span : spans) {
            if (span.state != TcpState::Closed) {
                to = span.to;
            }
        }
        lives[socket.host].push_back({socket.id, spans.front().from, to});
    }
    for (HostId host = 0; host < lives.size(); ++host) {
        std::vector<SimTime> laneEnds;
        for (const Life& life : lives[host]) {
            auto free = std::find_if(laneEnds.begin(), laneEnds.end(),
                                     [&](SimTime end) { return end < life.from; });
            if (free == laneEnds.end()) {
                laneEnds.push_back(life.to);
                lanes_[life.socket] = static_cast<int>(laneEnds.size() - 1);
            } else {
                *free = life.to;
                lanes_[life.socket] = static_cast<int>(free - laneEnds.begin());
            }
        }
        laneCounts_[host] = std::max<int>(1, static_cast<int>(laneEnds.size()));
    }

    std::map<std::pair<SocketId, SocketId>, int> deliveries;
    for (SegmentId id = 0; id < segments_.size(); ++id) {
        const std::size_t delivered = segments_[id].deliveredFact;
        if (delivered != kNone && trace.facts[delivered].socket != kNoSocket) {
            ++deliveries[{trace.segments[id].segment.sender, trace.facts[delivered].socket}];
        }
    }
    std::vector<int> best(peers_.size(), 0);
    for (const auto& [pair, count] : deliveries) {
        for (const auto& [a, b] : {pair, std::pair{pair.second, pair.first}}) {
            if (a < peers_.size() && count > best[a]) {
                best[a] = count;
                peers_[a] = b;
            }
        }
    }
}

std::span<const TraceIndex::StateSpan> TraceIndex::stateSpans(SocketId socket) const {
    if (socket >= statesOf_.size()) {
        return {};
    }
    const auto [begin, end] = statesOf_[socket];
    return std::span<const StateSpan>(states_).subspan(begin, end - begin);
}

TcpState TraceIndex::stateAt(SocketId socket, SimTime t) const {
    const auto spans = stateSpans(socket);
    const auto after = std::upper_bound(spans.begin(), spans.end(), t,
                                        [](SimTime at, const StateSpan& s) { return at < s.from; });
    return after == spans.begin() ? TcpState::Closed : std::prev(after)->state;
}

SocketId TraceIndex::socketInPlay(SimTime t) const {
    const auto after = std::upper_bound(
        senders_.begin(), senders_.end(), t,
        [](SimTime at, const std::pair<SimTime, SocketId>& sender) { return at < sender.first; });
    return after == senders_.begin() ? firstActive_ : std::prev(after)->second;
}

SocketId TraceIndex::peerOf(SocketId socket) const {
    return socket < peers_.size() ? peers_[socket] : kNoSocket;
}

int TraceIndex::laneOf(SocketId socket) const {
    return socket < lanes_.size() ? lanes_[socket] : 0;
}

int TraceIndex::laneCount(HostId host) const {
    return host < laneCounts_.size() ? laneCounts_[host] : 1;
}

std::size_t TraceIndex::factsUpTo(SimTime t) const {
    return static_cast<std::size_t>(std::upper_bound(factTimes_.begin(), factTimes_.end(), t) -
                                    factTimes_.begin());
}

} // namespace tdl::ui
