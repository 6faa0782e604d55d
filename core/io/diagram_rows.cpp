#include "diagram_rows.h"

#include <algorithm>

namespace tdl {

namespace {

// Causes whose first argument is an errno value.
bool argumentIsErrno(Cause cause) {
    return cause == Cause::RcvRst || cause == Cause::ConnectFailed;
}

// "paws_reject 1234 5678", "rcv_rst ECONNRESET": the key and the arguments that are set.
std::string reasonText(const Reason& reason) {
    std::string text(causeKey(reason.code));
    std::size_t shown = reason.args.size();
    while (shown > 0 && reason.args[shown - 1] == 0) {
        --shown;
    }
    for (std::size_t i = 0; i < shown; ++i) {
        text += ' ';
        if (i == 0 && argumentIsErrno(reason.code)) {
            text += errnoName(static_cast<int>(reason.args[0]));
        } else {
            text += std::to_string(reason.args[i]);
        }
    }
    return text;
}

// What a receiver does with most segments is what the arrow already says; only the other
// outcomes (a reset, a rejection, a challenge ACK...) get their own row.
bool deliveryIsWorthARow(Cause cause) {
    switch (cause) {
    case Cause::None:
    case Cause::Accepted:
    case Cause::RcvSyn:
    case Cause::RcvSynAck:
    case Cause::RcvAckOfSyn:
    case Cause::RcvFin:
    case Cause::RcvAckOfFin:
    case Cause::Data:
    case Cause::AckQuick:
    case Cause::AckDelayed:
    case Cause::AckTwoSegments:
    case Cause::WindowUpdate:
        return false;
    default:
        return true;
    }
}

// The timers a teardown story turns on; retransmission and probe timers appear when they fire,
// delayed ACKs not at all.
bool timerIsWorthARow(FactKind kind, TimerKind timer) {
    if (timer == TimerKind::TimeWait || timer == TimerKind::FinWait2) {
        return true;
    }
    return kind == FactKind::TimerFired &&
           (timer == TimerKind::Retransmit || timer == TimerKind::ZeroWindowProbe);
}

class RowCollector {
public:
    RowCollector(const Trace& trace, const TextDiagramOptions& options)
        : trace_(trace)
        , options_(options) {
        pickHosts();
        collectFaultOutcomes();
        collectRows();
    }

    DiagramRows take() { return std::move(result_); }

private:
    void pickHosts();
    void collectFaultOutcomes();
    void collectRows();
    bool onDiagram(HostId host) const { return host == result_.left || host == result_.right; }
    bool segmentOnDiagram(SegmentId id) const;
    void addSegment(SimTime at, SegmentId id, std::string firstMark);
    void addNote(SimTime at, DiagramRow::Kind kind, HostId host, std::string text);
    std::string socketPrefix(SocketId socket) const;
    std::string explain(const Reason& reason) const {
        return options_.explain ? options_.explain(reason) : reasonText(reason);
    }
    std::string segmentLabel(const SegmentRecord& record) const;

    const Trace& trace_;
    const TextDiagramOptions& options_;
    std::vector<std::optional<Reason>> dropped_; // per segment
    std::vector<std::optional<Reason>> delayed_; // per segment
    DiagramRows result_;
};

void RowCollector::pickHosts() {
    std::vector<std::size_t> segmentsPerHost(trace_.hosts.size(), 0);
    for (const SegmentRecord& record : trace_.segments) {
        for (const HostId host : {record.from, record.to}) {
            if (host < segmentsPerHost.size()) {
                ++segmentsPerHost[host];
            }
        }
    }
    std::vector<HostId> ranked(trace_.hosts.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        ranked[i] = static_cast<HostId>(i);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](HostId a, HostId b) { return segmentsPerHost[a] > segmentsPerHost[b]; });
    if (!ranked.empty()) {
        result_.left = ranked[0];
    }
    if (ranked.size() > 1) {
        result_.right = ranked[1];
        // The scenario's order, usually client first, decides which side is which.
        if (result_.right < result_.left) {
            std::swap(result_.left, result_.right);
        }
    }
}

void RowCollector::collectFaultOutcomes() {
    dropped_.assign(trace_.segments.size(), std::nullopt);
    delayed_.assign(trace_.segments.size(), std::nullopt);
    for (const Fact& fact : trace_.facts) {
        if (fact.segment >= trace_.segments.size()) {
            continue;
        }
        if (fact.kind == FactKind::SegmentDropped) {
            dropped_[fact.segment] = fact.reason;
        } else if (fact.kind == FactKind::SegmentDelayed) {
            delayed_[fact.segment] = fact.reason;
        }
    }
}

bool RowCollector::segmentOnDiagram(SegmentId id) const {
    if (id >= trace_.segments.size()) {
        return false;
    }
    const SegmentRecord& record = trace_.segments[id];
    return onDiagram(record.from) && onDiagram(record.to) && record.from != record.to;
}

std::string RowCollector::socketPrefix(SocketId socket) const {
    if (socket == kNoSocket) {
        return "";
    }
    const SocketInfo* info = trace_.socket(socket);
    if (info == nullptr || info->name.empty()) {
        return '#' + std::to_string(socket) + ": ";
    }
    return info->name + ": ";
}

std::string RowCollector::segmentLabel(const SegmentRecord& record) const {
    const Segment& segment = record.segment;
    const SeqBases bases = record.bases.value_or(SeqBases{});
    // Relative numbers are signed distances: a segment of an older incarnation on the same
    // 4-tuple (a stale RST, say) then shows how far before this ISN it lies, as "-65537".
    const auto number = [&](Seq value, Seq base) {
        return options_.absoluteSequenceNumbers ? std::to_string(value.value())
                                                : std::to_string(value - base);
    };
    std::string label =
        '[' + formatFlags(segment.flags) + "] seq=" + number(segment.seq, bases.seq);
    if (segment.has(flag::kAck)) {
        label += " ack=" + number(segment.ack, bases.ack);
    }
    label += " len=" + std::to_string(segment.length);
    if (segment.has(flag::kAck) && segment.window == 0 && !segment.has(flag::kRst)) {
        label += " win=0";
    }
    return label;
}

void RowCollector::addSegment(SimTime at, SegmentId id, std::string firstMark) {
    const SegmentRecord& record = trace_.segments[id];
    DiagramRow row;
    row.at = at;
    row.kind = DiagramRow::Kind::Segment;
    row.left = record.from == result_.left;
    row.text = segmentLabel(record);
    if (!firstMark.empty()) {
        row.marks.push_back(std::move(firstMark));
    }
    if (delayed_[id]) {
        row.marks.push_back("delayed +" + formatDuration(Duration(delayed_[id]->args[1])) +
                            " (fault rule " + std::to_string(delayed_[id]->args[0]) + ')');
    }
    if (dropped_[id]) {
        const Reason& why = *dropped_[id];
        row.lost = why.code == Cause::FaultDrop ? "fault rule " + std::to_string(why.args[0])
                                                : explain(why);
    }
    result_.rows.push_back(std::move(row));
}

void RowCollector::addNote(SimTime at, DiagramRow::Kind kind, HostId host, std::string text) {
    DiagramRow row;
    row.at = at;
    row.kind = kind;
    row.left = host == result_.left;
    row.text = std::move(text);
    result_.rows.push_back(std::move(row));
}

void RowCollector::collectRows() {
    using Kind = DiagramRow::Kind;
    for (const Fact& fact : trace_.facts) {
        switch (fact.kind) {
        case FactKind::SegmentSent:
            if (segmentOnDiagram(fact.segment)) {
                addSegment(fact.at, fact.segment,
                           fact.reason.code == Cause::None ? std::string() : explain(fact.reason));
            }
            break;
        case FactKind::SegmentDuplicated:
            if (segmentOnDiagram(fact.segment)) {
                addSegment(fact.at, fact.segment,
                           "duplicate (fault rule " + std::to_string(fact.reason.args[0]) + ')');
            }
            break;
        case FactKind::SegmentDelivered:
            if (onDiagram(fact.host) && deliveryIsWorthARow(fact.reason.code)) {
                addNote(fact.at, Kind::Delivery, fact.host,
                        socketPrefix(fact.socket) + explain(fact.reason));
            }
            break;
        case FactKind::SegmentDropped:
        case FactKind::SegmentDelayed:
            // Shown on the segment's row.
            break;
        case FactKind::StateChanged:
            if (onDiagram(fact.host)) {
                addNote(fact.at, Kind::StateChange, fact.host, socketPrefix(fact.socket));
                result_.rows.back().from = fact.from;
                result_.rows.back().to = fact.to;
            }
            break;
        case FactKind::TimerArmed:
        case FactKind::TimerFired:
        case FactKind::TimerCancelled:
            if (onDiagram(fact.host) && timerIsWorthARow(fact.kind, fact.timer)) {
                std::string text =
                    socketPrefix(fact.socket) + std::string(timerKindKey(fact.timer)) + " timer ";
                if (fact.kind == FactKind::TimerArmed) {
                    text += "armed: fires at " + diagramSecondsText(fact.deadline) + " s (in " +
                            formatDuration(fact.deadline - fact.at) + ')';
                } else {
                    text += fact.kind == FactKind::TimerFired ? "fired" : "cancelled";
                }
                addNote(fact.at, Kind::Timer, fact.host, std::move(text));
            }
            break;
        case FactKind::AppCall:
            if (onDiagram(fact.host)) {
                std::string text =
                    socketPrefix(fact.socket) + std::string(appCallKey(fact.call)) + "()";
                if (fact.error != 0) {
                    text += " = -1 " + std::string(errnoName(fact.error)) + " (" +
                            explain(fact.reason) + ')';
                }
                addNote(fact.at, Kind::AppCall, fact.host, std::move(text));
            }
            break;
        case FactKind::Anomaly:
            if (onDiagram(fact.host)) {
                addNote(fact.at, Kind::Anomaly, fact.host,
                        socketPrefix(fact.socket) + explain(fact.reason));
            }
            break;
        }
    }
}

} // namespace

DiagramRows collectDiagramRows(const Trace& trace, const TextDiagramOptions& options) {
    return RowCollector(trace, options).take();
}

std::string diagramHostTitle(const Trace& trace, HostId host) {
    if (host >= trace.hosts.size()) {
        return "(no second host)";
    }
    return trace.hosts[host].name + ' ' + formatIpv4(trace.hosts[host].address);
}

std::string diagramSecondsText(SimTime at) {
    const std::int64_t micros = at.count();
    const std::string fraction = std::to_string(1'000'000 + micros % 1'000'000).substr(1);
    return std::to_string(micros / 1'000'000) + '.' +
           (micros % 1000 == 0 ? fraction.substr(0, 3) : fraction);
}

} // namespace tdl
