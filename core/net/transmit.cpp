// The engine's side of the network: a segment goes on the wire (with its fact, the fault rules and
// random loss) and comes off it at its receiver.

#include "tcp_stack.h"

namespace tdl {

template <EventKind kDeliver>
void TcpStack::transmit(HostId from, const Segment& segment, Reason reason) {
    const std::uint32_t ordinal = ++segmentsSent_;
    if (segment.has(flag::kRst)) {
        ++ctx_.hosts[from].counters.resetsSent;
    }
    // A crafted segment goes to the host the scenario names. Only the other instantiation routes:
    // a route() with one caller stays inlined into the path every segment takes.
    HostId to;
    if constexpr (kDeliver == EventKind::DeliverCrafted) {
        const auto index = static_cast<std::size_t>(reason.args[0] - 1);
        to = static_cast<HostId>(ctx_.scenario.hostIndex(ctx_.scenario.crafted[index].to));
    } else {
        to = ctx_.network.route(segment, ctx_.hosts);
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
        if constexpr (kDeliver == EventKind::DeliverCrafted) {
            ctx_.scheduleAfter(delay, kDeliver, slot,
                               static_cast<std::uint32_t>(reason.args[0] - 1));
        } else {
            ctx_.scheduleAfter(delay, kDeliver, slot);
        }
    };
    launch(id);
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
        launch(copyId);
    }
}

template void TcpStack::transmit<EventKind::Deliver>(HostId, const Segment&, Reason);
template void TcpStack::transmit<EventKind::DeliverCrafted>(HostId, const Segment&, Reason);

void TcpStack::deliver(std::uint32_t slot) {
    const InFlight flight = inFlight_[slot];
    freeInFlight_.push_back(slot);
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
    receive(flight.to, flight.segment, flight.traceId);
    if (ctx_.pendingDelivery) {
        const Fact delivery = *ctx_.pendingDelivery;
        ctx_.pendingDelivery.reset();
        ctx_.sink.fact(delivery);
    }
}

} // namespace tdl
