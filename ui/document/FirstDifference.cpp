#include "FirstDifference.h"

#include "TraceText.h"

#include <vector>

namespace tdl::ui {

namespace {

bool compared(FactKind kind) {
    switch (kind) {
    case FactKind::TimerArmed:
    case FactKind::TimerFired:
    case FactKind::TimerCancelled:
        return false;
    default:
        return true;
    }
}

// The segment as a reader sees it; sequence numbers relative to the ISNs when the trace knows
// them, so that two runs whose ISNs differ still agree on the same exchange.
struct SegmentView {
    HostId from;
    HostId to;
    std::uint8_t flags;
    std::int64_t seq;
    std::int64_t ack;
    std::uint32_t length;
    bool operator==(const SegmentView&) const = default;
};

SegmentView segmentView(const Trace& trace, SegmentId id) {
    const SegmentRecord& record = trace.segments[id];
    return {record.from,
            record.to,
            record.segment.flags,
            TraceText::shownSeq(trace, record, SeqMode::Relative),
            TraceText::shownAck(trace, record, SeqMode::Relative),
            record.segment.length};
}

bool sameFact(const Trace& a, const Fact& x, const Trace& b, const Fact& y) {
    if (x.at != y.at || x.kind != y.kind || x.host != y.host || x.reason != y.reason) {
        return false;
    }
    switch (x.kind) {
    case FactKind::StateChanged:
        return x.from == y.from && x.to == y.to && x.socket == y.socket;
    case FactKind::AppCall:
        return x.call == y.call && x.error == y.error && x.socket == y.socket;
    case FactKind::Anomaly:
        return x.socket == y.socket;
    default: {
        const bool hasX = x.segment < a.segments.size();
        const bool hasY = y.segment < b.segments.size();
        if (hasX != hasY) {
            return false;
        }
        return !hasX || segmentView(a, x.segment) == segmentView(b, y.segment);
    }
    }
}

// The compared facts at one instant, from `next` on; `next` moves past them.
std::vector<std::size_t> instant(const Trace& trace, std::size_t& next, SimTime at) {
    std::vector<std::size_t> facts;
    for (; next < trace.facts.size() && trace.facts[next].at == at; ++next) {
        if (compared(trace.facts[next].kind)) {
            facts.push_back(next);
        }
    }
    return facts;
}

// Skips facts that are not compared; returns the time of the next one, if any.
std::optional<SimTime> nextTime(const Trace& trace, std::size_t& next) {
    while (next < trace.facts.size() && !compared(trace.facts[next].kind)) {
        ++next;
    }
    return next < trace.facts.size() ? std::optional(trace.facts[next].at) : std::nullopt;
}

// The first of `mine` that has no equal among `theirs` (each of theirs matches once).
std::size_t firstUnmatched(const Trace& me, const std::vector<std::size_t>& mine,
                           const Trace& other, const std::vector<std::size_t>& theirs) {
    std::vector<bool> used(theirs.size(), false);
    for (const std::size_t fact : mine) {
        bool matched = false;
        for (std::size_t j = 0; j < theirs.size() && !matched; ++j) {
            if (!used[j] && sameFact(me, me.facts[fact], other, other.facts[theirs[j]])) {
                used[j] = true;
                matched = true;
            }
        }
        if (!matched) {
            return fact;
        }
    }
    return FirstDifference::kNone;
}

} // namespace

std::optional<FirstDifference> FirstDifference::find(const Trace& a, const Trace& b) {
    std::size_t nextA = 0;
    std::size_t nextB = 0;
    for (;;) {
        const std::optional<SimTime> atA = nextTime(a, nextA);
        const std::optional<SimTime> atB = nextTime(b, nextB);
        if (!atA && !atB) {
            return std::nullopt;
        }
        if (!atB || (atA && *atA < *atB)) {
            return FirstDifference(*atA, nextA, kNone);
        }
        if (!atA || *atB < *atA) {
            return FirstDifference(*atB, kNone, nextB);
        }
        const std::vector<std::size_t> factsA = instant(a, nextA, *atA);
        const std::vector<std::size_t> factsB = instant(b, nextB, *atB);
        const std::size_t onlyA = firstUnmatched(a, factsA, b, factsB);
        const std::size_t onlyB = firstUnmatched(b, factsB, a, factsA);
        if (onlyA != kNone || onlyB != kNone) {
            return FirstDifference(*atA, onlyA, onlyB);
        }
    }
}

namespace {

QString factText(const Trace& trace, std::size_t index) {
    const Fact& fact = trace.facts[index];
    HostId host = fact.host;
    if (host >= trace.hosts.size() && fact.segment < trace.segments.size()) {
        host = trace.segments[fact.segment].from;
    }
    const QString what = TraceText::what(trace, fact, SeqMode::Relative);
    return host < trace.hosts.size()
               ? QStringLiteral("%1: %2").arg(TraceText::hostName(trace, host), what)
               : what;
}

} // namespace

QString FirstDifference::sentence(const Trace& a, const Trace& b, const QString& nameA,
                                  const QString& nameB) const {
    const QString time = TraceText::duration(at_);
    if (factA_ == kNone) {
        return tr("First difference at %1: %2 has %3; %4 has nothing like it.")
            .arg(time, nameB, factText(b, factB_), nameA);
    }
    if (factB_ == kNone) {
        return tr("First difference at %1: %2 has %3; %4 has nothing like it.")
            .arg(time, nameA, factText(a, factA_), nameB);
    }
    return tr("First difference at %1: %2 has %3, where %4 has %5.")
        .arg(time, nameA, factText(a, factA_), nameB, factText(b, factB_));
}

} // namespace tdl::ui
