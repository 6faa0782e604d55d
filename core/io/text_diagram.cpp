#include "text_diagram.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace tdl {

namespace {

// Every glyph is one terminal column wide, in both sets.
struct Glyphs {
    std::string_view lifeline;
    std::string_view leftSender;
    std::string_view rightSender;
    std::string_view line;
    std::string_view headRight;
    std::string_view headLeft;
    std::string_view cross;
    std::string_view stateArrow;
    std::string_view gap;
    std::string_view anomaly;
};

constexpr Glyphs kUnicodeGlyphs{"│", "├", "┤", "─", "▶", "◀", "✕", "→", "⋮", "‼"};
constexpr Glyphs kAsciiGlyphs{"|", "|", "|", "-", ">", "<", "X", "->", ":", "!!"};

// The narrowest gap between the lifelines, so that short traces still look like a diagram.
constexpr std::size_t kMinimumWidth = 48;
// How far before the receiver a dropped segment's arrow ends.
constexpr std::size_t kDroppedShortfall = 8;

// Terminal columns: one per code point, two for East Asian wide characters (as wcwidth() has
// them), so that Chinese explanations keep the lifelines straight.
std::size_t columns(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = lead;
        std::size_t length = 1;
        if (lead >= 0xF0) {
            length = 4;
            cp = lead & 0x07U;
        } else if (lead >= 0xE0) {
            length = 3;
            cp = lead & 0x0FU;
        } else if (lead >= 0xC0) {
            length = 2;
            cp = lead & 0x1FU;
        }
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
        }
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6);
        width += wide ? 2 : 1;
        i += length;
    }
    return width;
}

std::string repeat(std::string_view glyph, std::size_t count) {
    std::string out;
    out.reserve(glyph.size() * count);
    for (std::size_t i = 0; i < count; ++i) {
        out += glyph;
    }
    return out;
}

std::string padRight(std::string text, std::size_t width) {
    const std::size_t used = columns(text);
    return used >= width ? text : text + std::string(width - used, ' ');
}

std::string padLeft(const std::string& text, std::size_t width) {
    const std::size_t used = columns(text);
    return used >= width ? text : std::string(width - used, ' ') + text;
}

// "0.200" when the time is whole milliseconds, "0.200500" otherwise.
std::string secondsText(SimTime at) {
    const std::int64_t micros = at.count();
    const std::string fraction = std::to_string(1'000'000 + micros % 1'000'000).substr(1);
    return std::to_string(micros / 1'000'000) + '.' +
           (micros % 1000 == 0 ? fraction.substr(0, 3) : fraction);
}

// The time column: the short form is padded on the right so the seconds' digits align.
std::string timeColumnText(SimTime at) {
    return at.count() % 1000 == 0 ? secondsText(at) + "   " : secondsText(at);
}

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
// outcomes (a reset, a rejection, a challenge ACK...) get their own line.
bool deliveryIsWorthALine(Cause cause) {
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
bool timerIsWorthALine(FactKind kind, TimerKind timer) {
    if (timer == TimerKind::TimeWait || timer == TimerKind::FinWait2) {
        return true;
    }
    return kind == FactKind::TimerFired &&
           (timer == TimerKind::Retransmit || timer == TimerKind::ZeroWindowProbe);
}

enum class RowKind : std::uint8_t { Arrow, Note };

struct Row {
    SimTime at{};
    RowKind kind = RowKind::Note;
    bool left = true;     // Arrow: sent by the left host. Note: on the left lifeline.
    bool dropped = false; // Arrow: it never arrived
    std::string text;     // Arrow: the label. Note: the note.
    std::string margin;   // what follows the right lifeline
};

class DiagramBuilder {
public:
    DiagramBuilder(const Trace& trace, const TextDiagramOptions& options)
        : trace_(trace)
        , options_(options)
        , glyphs_(options.asciiOnly ? kAsciiGlyphs : kUnicodeGlyphs) {
        pickHosts();
        collectFaultOutcomes();
        collectRows();
    }

    std::string render() const;

private:
    void pickHosts();
    void collectFaultOutcomes();
    void collectRows();
    bool onDiagram(HostId host) const { return host == left_ || host == right_; }
    bool segmentOnDiagram(SegmentId id) const;
    void addArrow(SimTime at, SegmentId id, std::string margin);
    void addNote(SimTime at, HostId host, std::string text);
    std::string socketPrefix(SocketId socket) const;
    std::string explain(const Reason& reason) const {
        return options_.explain ? options_.explain(reason) : reasonText(reason);
    }
    std::string segmentLabel(const SegmentRecord& record) const;
    std::string hostTitle(HostId host) const;
    std::string arrowLine(const Row& row, std::size_t width) const;
    std::string noteLine(const Row& row, std::size_t width) const;
    std::string gapLine(Duration gap, std::size_t width) const;

    const Trace& trace_;
    const TextDiagramOptions& options_;
    const Glyphs& glyphs_;
    HostId left_ = kNoHost;
    HostId right_ = kNoHost;
    std::vector<std::optional<Reason>> dropped_; // per segment
    std::vector<std::optional<Reason>> delayed_; // per segment
    std::vector<Row> rows_;
};

void DiagramBuilder::pickHosts() {
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
        left_ = ranked[0];
    }
    if (ranked.size() > 1) {
        right_ = ranked[1];
        // The scenario's order, usually client first, decides which side is which.
        if (right_ < left_) {
            std::swap(left_, right_);
        }
    }
}

void DiagramBuilder::collectFaultOutcomes() {
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

bool DiagramBuilder::segmentOnDiagram(SegmentId id) const {
    if (id >= trace_.segments.size()) {
        return false;
    }
    const SegmentRecord& record = trace_.segments[id];
    return onDiagram(record.from) && onDiagram(record.to) && record.from != record.to;
}

std::string DiagramBuilder::socketPrefix(SocketId socket) const {
    if (socket == kNoSocket) {
        return "";
    }
    const SocketInfo* info = trace_.socket(socket);
    if (info == nullptr || info->name.empty()) {
        return '#' + std::to_string(socket) + ": ";
    }
    return info->name + ": ";
}

std::string DiagramBuilder::segmentLabel(const SegmentRecord& record) const {
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

void DiagramBuilder::addArrow(SimTime at, SegmentId id, std::string margin) {
    const SegmentRecord& record = trace_.segments[id];
    Row row;
    row.at = at;
    row.kind = RowKind::Arrow;
    row.left = record.from == left_;
    row.text = segmentLabel(record);
    const auto appendMargin = [&](const std::string& part) {
        margin += margin.empty() ? part : ", " + part;
    };
    if (delayed_[id]) {
        appendMargin("delayed +" + formatDuration(Duration(delayed_[id]->args[1])) +
                     " (fault rule " + std::to_string(delayed_[id]->args[0]) + ')');
    }
    if (dropped_[id]) {
        row.dropped = true;
        const Reason& why = *dropped_[id];
        appendMargin(why.code == Cause::FaultDrop
                         ? std::string(glyphs_.cross) + " dropped (fault rule " +
                               std::to_string(why.args[0]) + ')'
                         : std::string(glyphs_.cross) + " dropped (" + explain(why) + ')');
    }
    row.margin = std::move(margin);
    rows_.push_back(std::move(row));
}

void DiagramBuilder::addNote(SimTime at, HostId host, std::string text) {
    Row row;
    row.at = at;
    row.kind = RowKind::Note;
    row.left = host == left_;
    row.text = std::move(text);
    rows_.push_back(std::move(row));
}

void DiagramBuilder::collectRows() {
    for (const Fact& fact : trace_.facts) {
        switch (fact.kind) {
        case FactKind::SegmentSent:
            if (segmentOnDiagram(fact.segment)) {
                std::string margin;
                if (fact.reason.code != Cause::None) {
                    margin = explain(fact.reason);
                }
                addArrow(fact.at, fact.segment, std::move(margin));
            }
            break;
        case FactKind::SegmentDuplicated:
            if (segmentOnDiagram(fact.segment)) {
                addArrow(fact.at, fact.segment,
                         "duplicate (fault rule " + std::to_string(fact.reason.args[0]) + ')');
            }
            break;
        case FactKind::SegmentDelivered:
            if (onDiagram(fact.host) && deliveryIsWorthALine(fact.reason.code)) {
                addNote(fact.at, fact.host, socketPrefix(fact.socket) + explain(fact.reason));
            }
            break;
        case FactKind::SegmentDropped:
        case FactKind::SegmentDelayed:
            // Shown on the segment's arrow.
            break;
        case FactKind::StateChanged:
            if (onDiagram(fact.host)) {
                addNote(fact.at, fact.host,
                        socketPrefix(fact.socket) + std::string(stateName(fact.from)) + ' ' +
                            std::string(glyphs_.stateArrow) + ' ' +
                            std::string(stateName(fact.to)));
            }
            break;
        case FactKind::TimerArmed:
        case FactKind::TimerFired:
        case FactKind::TimerCancelled:
            if (onDiagram(fact.host) && timerIsWorthALine(fact.kind, fact.timer)) {
                std::string text =
                    socketPrefix(fact.socket) + std::string(timerKindKey(fact.timer)) + " timer ";
                if (fact.kind == FactKind::TimerArmed) {
                    text += "armed: fires at " + secondsText(fact.deadline) + " s (in " +
                            formatDuration(fact.deadline - fact.at) + ')';
                } else {
                    text += fact.kind == FactKind::TimerFired ? "fired" : "cancelled";
                }
                addNote(fact.at, fact.host, std::move(text));
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
                addNote(fact.at, fact.host, std::move(text));
            }
            break;
        case FactKind::Anomaly:
            if (onDiagram(fact.host)) {
                addNote(fact.at, fact.host,
                        std::string(glyphs_.anomaly) + ' ' + socketPrefix(fact.socket) +
                            explain(fact.reason));
            }
            break;
        }
    }
}

std::string DiagramBuilder::hostTitle(HostId host) const {
    if (host >= trace_.hosts.size()) {
        return "(no second host)";
    }
    return trace_.hosts[host].name + ' ' + formatIpv4(trace_.hosts[host].address);
}

std::string DiagramBuilder::arrowLine(const Row& row, std::size_t width) const {
    const std::string label = ' ' + row.text + ' ';
    // A dropped arrow stops short of the receiver's lifeline, at the cross.
    const std::size_t length = row.dropped ? width - kDroppedShortfall : width;
    const std::size_t body = length - 1; // the rest is the head or the cross
    const std::size_t before = (body - columns(label)) / 2;
    const std::string shaft =
        repeat(glyphs_.line, before) + label + repeat(glyphs_.line, body - before - columns(label));
    const std::string gap(width - length, ' ');
    std::string line;
    if (row.left) {
        line = std::string(glyphs_.leftSender) + shaft +
               std::string(row.dropped ? glyphs_.cross : glyphs_.headRight) + gap +
               std::string(glyphs_.lifeline);
    } else {
        line = std::string(glyphs_.lifeline) + gap +
               std::string(row.dropped ? glyphs_.cross : glyphs_.headLeft) + shaft +
               std::string(glyphs_.rightSender);
    }
    return line;
}

std::string DiagramBuilder::noteLine(const Row& row, std::size_t width) const {
    const std::string inner =
        row.left ? padRight(' ' + row.text, width) : padLeft(row.text + ' ', width);
    return std::string(glyphs_.lifeline) + inner + std::string(glyphs_.lifeline);
}

std::string DiagramBuilder::gapLine(Duration gap, std::size_t width) const {
    const std::string text =
        std::string(glyphs_.gap) + ' ' + formatDuration(gap) + " later " + std::string(glyphs_.gap);
    const std::size_t before = (width - std::min(width, columns(text))) / 2;
    return std::string(glyphs_.lifeline) + padRight(std::string(before, ' ') + text, width) +
           std::string(glyphs_.lifeline);
}

std::string DiagramBuilder::render() const {
    if (trace_.hosts.empty()) {
        return "(the trace has no hosts)\n";
    }
    const std::string leftTitle = hostTitle(left_);
    const std::string rightTitle = hostTitle(right_);
    std::size_t width = std::max(kMinimumWidth, columns(leftTitle) + columns(rightTitle) + 2);
    for (const Row& row : rows_) {
        // An arrow needs room for its label, a few dashes on either side and, when dropped,
        // the gap before the receiver.
        width = std::max(width, columns(row.text) +
                                    (row.kind == RowKind::Arrow ? 8 + kDroppedShortfall : 3));
    }
    std::size_t timeWidth = columns("time (s)");
    for (const Row& row : rows_) {
        timeWidth = std::max(timeWidth, columns(timeColumnText(row.at)));
    }
    timeWidth = std::max(timeWidth, columns(timeColumnText(trace_.end)));

    const std::string indent(timeWidth + 2, ' ');
    std::string out;
    const auto emit = [&](std::string line) {
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + '\n';
    };
    // The titles sit over their lifelines: the left one starts there, the right one ends there.
    emit(padRight("time (s)", timeWidth + 2) +
         padRight(leftTitle, width + 2 - columns(rightTitle)) + rightTitle);
    const std::string bare =
        std::string(glyphs_.lifeline) + std::string(width, ' ') + std::string(glyphs_.lifeline);
    emit(indent + bare);

    SimTime previous{};
    for (const Row& row : rows_) {
        if (row.at - previous >= options_.idleGap) {
            emit(indent + gapLine(row.at - previous, width));
        }
        previous = row.at;
        std::string line =
            padLeft(timeColumnText(row.at), timeWidth) + "  " +
            (row.kind == RowKind::Arrow ? arrowLine(row, width) : noteLine(row, width));
        if (!row.margin.empty()) {
            line += "  " + row.margin;
        }
        emit(std::move(line));
    }
    if (trace_.end - previous >= options_.idleGap) {
        emit(indent + gapLine(trace_.end - previous, width));
    }
    emit(indent + bare);
    emit(padLeft(timeColumnText(trace_.end), timeWidth) + "  end of run" +
         (trace_.truncated ? " (stopped at the scenario's time limit with timers still pending)"
                           : ""));
    return out;
}

} // namespace

std::string renderTextDiagram(const Trace& trace, const TextDiagramOptions& options) {
    return DiagramBuilder(trace, options).render();
}

} // namespace tdl
