// The engine's side of the network: a segment goes on the wire (with its fact, the fault rules and
// random loss) and comes off it at its receiver.

#include "tcp_stack.h"

namespace tdl {

// One segment onto the wire: an in-flight slot and its delivery event. Forced inline: every segment
// takes this path, and a duplicate takes it a second time.
[[gnu::always_inline]] inline void TcpStack::launch(HostId from, HostId to, const Segment& segment,
                                                    Duration delay, SegmentId traceId) {
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
    ctx_.scheduleAfter(delay, EventKind::Deliver, slot);
}

void TcpStack::transmit(HostId from, const Segment& segment, Reason reason) {
    ++segmentsSent_;
    if (segment.has(flag::kRst)) {
        ++ctx_.hosts[from].counters.resetsSent;
    }
    if (!plainRun_) {
        transmitObserved(from, segment, reason);
        return;
    }
    // A load run's segment: routed, perhaps lost, else on its way; nothing recorded.
    const HostId to = ctx_.network.route(segment, ctx_.hosts);
    if (to == kNoHost) {
        return;
    }
    const double loss = ctx_.network.loss(from, to);
    if (loss > 0.0 && ctx_.rng.uniform() < loss) {
        return;
    }
    launch(from, to, segment, ctx_.network.delay(from, to), kNoSegment);
}

void TcpStack::transmitObserved(HostId from, const Segment& segment, Reason reason) {
    const std::uint32_t ordinal = segmentsSent_;
    HostId to = ctx_.network.route(segment, ctx_.hosts);
    if (segment.crafted != 0) {
        // It goes to the host the scenario names, whoever else shares its address.
        const CraftedSegment& crafted = ctx_.scenario.crafted[segment.crafted - 1];
        to = static_cast<HostId>(ctx_.scenario.hostIndex(crafted.to));
    }
    SegmentId id = kNoSegment;
    if (ctx_.recordFacts) {
        SegmentRecord record;
        record.segment = segment;
        record.from = from;
        record.to = to;
        record.sentAt = ctx_.now;
        record.ordinal = ordinal;
        id = ctx_.sink.segmentSent(record);
        Fact sent;
        sent.kind = FactKind::SegmentSent;
        sent.host = from;
        sent.socket = segment.sender;
        sent.segment = id;
        sent.reason = reason;
        ctx_.fact(sent);
    }

    const auto networkFact = [&](FactKind kind, Reason why, SegmentId which) {
        Fact f;
        f.kind = kind;
        f.host = from;
        f.socket = segment.sender;
        f.segment = which;
        f.reason = why;
        ctx_.fact(f);
    };
    if (to == kNoHost) {
        networkFact(FactKind::SegmentDropped, Reason(Cause::NoRoute), id);
        return;
    }

    Duration delay = ctx_.network.delay(from, to);
    bool duplicate = false;
    std::size_t ruleIndex = 0;
    const FaultRule* rule = ctx_.network.hasFaults()
                                ? ctx_.network.matchFault(from, to, segment, ordinal, ruleIndex,
                                                          ctx_.hosts, socketNames_, isns_)
                                : nullptr;
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
    const double loss = ctx_.network.loss(from, to);
    if (loss > 0.0 && ctx_.rng.uniform() < loss) {
        networkFact(FactKind::SegmentDropped,
                    Reason(Cause::RandomLoss, static_cast<std::int64_t>(loss * 1e6)), id);
        return;
    }

    launch(from, to, segment, delay, id);
    if (duplicate) {
        SegmentRecord copy;
        copy.segment = segment;
        copy.from = from;
        copy.to = to;
        copy.sentAt = ctx_.now;
        copy.duplicateOf = id;
        copy.ordinal = ordinal;
        const SegmentId copyId = ctx_.recordFacts ? ctx_.sink.segmentSent(copy) : kNoSegment;
        networkFact(FactKind::SegmentDuplicated,
                    Reason(Cause::FaultDuplicate, static_cast<std::int64_t>(ruleIndex + 1)),
                    copyId);
        launch(from, to, segment, delay, copyId);
    }
}

void TcpStack::deliver(std::uint32_t slot) {
    InFlight flight = inFlight_[slot];
    freeInFlight_.push_back(slot);
    if (!plainRun_) {
        if (flight.segment.crafted != 0 && !resolveCrafted(flight)) {
            return;
        }
        if (ctx_.recordFacts) {
            ctx_.sink.segmentDelivered(flight.traceId, ctx_.now);
            Fact arrival;
            arrival.at = ctx_.now;
            arrival.kind = FactKind::SegmentDelivered;
            arrival.host = flight.to;
            arrival.segment = flight.traceId;
            arrival.reason = Reason(Cause::Accepted);
            ctx_.pendingDelivery = arrival;
        }
    }
    receive(flight.to, flight.segment, flight.traceId);
    if (ctx_.pendingDelivery) {
        const Fact delivery = *ctx_.pendingDelivery;
        ctx_.pendingDelivery.reset();
        ctx_.sink.fact(delivery);
    }
}

} // namespace tdl
