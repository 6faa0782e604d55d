#include "text_diagram.h"

#include "diagram_rows.h"

#include <algorithm>
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

// The time column: the short form is padded on the right so the seconds' digits align.
std::string timeColumnText(SimTime at) {
    return at.count() % 1000 == 0 ? diagramSecondsText(at) + "   " : diagramSecondsText(at);
}

enum class RowKind : std::uint8_t { Arrow, Note };

// A row as the terminal shows it.
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
        , glyphs_(options.asciiOnly ? kAsciiGlyphs : kUnicodeGlyphs)
        , diagram_(collectDiagramRows(trace, options)) {
        for (const DiagramRow& row : diagram_.rows) {
            rows_.push_back(rowOf(row));
        }
    }

    std::string render() const;

private:
    Row rowOf(const DiagramRow& row) const;
    std::string arrowLine(const Row& row, std::size_t width) const;
    std::string noteLine(const Row& row, std::size_t width) const;
    std::string gapLine(Duration gap, std::size_t width) const;

    const Trace& trace_;
    const TextDiagramOptions& options_;
    const Glyphs& glyphs_;
    DiagramRows diagram_;
    std::vector<Row> rows_;
};

Row DiagramBuilder::rowOf(const DiagramRow& row) const {
    Row out;
    out.at = row.at;
    out.left = row.left;
    switch (row.kind) {
    case DiagramRow::Kind::Segment:
        out.kind = RowKind::Arrow;
        out.dropped = row.lost.has_value();
        out.text = row.text;
        for (const std::string& mark : row.marks) {
            out.margin += out.margin.empty() ? mark : ", " + mark;
        }
        if (row.lost) {
            const std::string lost = std::string(glyphs_.cross) + " dropped (" + *row.lost + ')';
            out.margin += out.margin.empty() ? lost : ", " + lost;
        }
        break;
    case DiagramRow::Kind::StateChange:
        out.text = row.text + std::string(stateName(row.from)) + ' ' +
                   std::string(glyphs_.stateArrow) + ' ' + std::string(stateName(row.to));
        break;
    case DiagramRow::Kind::Anomaly:
        out.text = std::string(glyphs_.anomaly) + ' ' + row.text;
        break;
    case DiagramRow::Kind::Delivery:
    case DiagramRow::Kind::Timer:
    case DiagramRow::Kind::AppCall:
        out.text = row.text;
        break;
    }
    return out;
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
    const std::string leftTitle = diagramHostTitle(trace_, diagram_.left);
    const std::string rightTitle = diagramHostTitle(trace_, diagram_.right);
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
