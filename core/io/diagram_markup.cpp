#include "diagram_markup.h"

#include "diagram_rows.h"

#include <string_view>

namespace tdl {

namespace {

struct MarkupGlyphs {
    std::string_view stateArrow;
    std::string_view anomaly;
    std::string_view ellipsis;
};

constexpr MarkupGlyphs kUnicodeGlyphs{"→", "‼", "…"};
constexpr MarkupGlyphs kAsciiGlyphs{"->", "!!", "..."};

// The participants' names in the markup; their titles say which host each is.
constexpr std::string_view kLeftId = "h0";
constexpr std::string_view kRightId = "h1";

// What differs between the two notations. Everything else (which rows, their words, where the
// idle stretches go) is shared below.
class Notation {
public:
    virtual ~Notation() = default;
    virtual std::string begin() const = 0;
    virtual std::string participant(const std::string& id, const std::string& title) const = 0;
    virtual std::string arrow(const std::string& from, const std::string& to, bool lost,
                              const std::string& label) const = 0;
    virtual std::string note(const std::string& over, const std::string& text) const = 0;
    // A long idle stretch: text is "60 s later".
    virtual std::string gap(const std::string& text, const MarkupGlyphs& glyphs) const = 0;
    virtual std::string end(const std::string& text) const = 0;
};

// Mermaid ends a message at ';' and '#' (the lexer's text rule is ":"[^#\n;]+) and reads
// "#name;" and "#123;" as character codes, so those two characters, and the ones an HTML renderer
// would take for markup, become codes. A line starting with "%%" is a comment, but a message
// never starts a line.
std::string mermaidText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '#':
            out += "#35;";
            break;
        case ';':
            out += "#59;";
            break;
        case '&':
            out += "#amp;";
            break;
        case '<':
            out += "#lt;";
            break;
        case '>':
            out += "#gt;";
            break;
        case '\n':
            out += ' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

class Mermaid final : public Notation {
public:
    std::string begin() const override { return "sequenceDiagram\n"; }
    std::string participant(const std::string& id, const std::string& title) const override {
        return "    participant " + id + " as " + mermaidText(title) + '\n';
    }
    std::string arrow(const std::string& from, const std::string& to, bool lost,
                      const std::string& label) const override {
        return "    " + from + (lost ? "-x" : "->>") + to + ": " + mermaidText(label) + '\n';
    }
    std::string note(const std::string& over, const std::string& text) const override {
        return "    Note over " + over + ": " + mermaidText(text) + '\n';
    }
    // Mermaid has no divider; a note across both lifelines stands in for one.
    std::string gap(const std::string& text, const MarkupGlyphs& glyphs) const override {
        return note(both(),
                    std::string(glyphs.ellipsis) + ' ' + text + ' ' + std::string(glyphs.ellipsis));
    }
    std::string end(const std::string& text) const override { return note(both(), text); }

private:
    static std::string both() { return std::string(kLeftId) + ',' + std::string(kRightId); }
};

// PlantUML reads Creole in labels: doubled markers ("**", "//", "--", "__", "\"\"") change the
// font, '~' escapes the character after it, '<' may open a tag or a "<U+0041>" code, "\n" is a
// line break and "&#42;" a character code. (Checked against PlantUML's SVG output: "~" before a
// backslash does not escape it, "\\" does; a lone "~~" stays as it is, so '~' itself becomes a
// code.)
std::string plantUmlText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '\n') {
            out += ' ';
        } else if (c == '~') {
            out += "<U+007E>";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '&' && next == '#') {
            out += "<U+0026>";
        } else if (c == '<' ||
                   (next == c && std::string_view("*/-_\"").find(c) != std::string_view::npos)) {
            out += '~';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

class PlantUml final : public Notation {
public:
    std::string begin() const override { return "@startuml\n"; }
    std::string participant(const std::string& id, const std::string& title) const override {
        // A quoted name ends at its next '"', so an apostrophe stands in for one.
        std::string name;
        for (const char c : title) {
            name += c == '"' ? std::string("'") : std::string(1, c);
        }
        return "participant \"" + name + "\" as " + id + '\n';
    }
    std::string arrow(const std::string& from, const std::string& to, bool lost,
                      const std::string& label) const override {
        return from + (lost ? " ->x " : " -> ") + to + " : " + plantUmlText(label) + '\n';
    }
    std::string note(const std::string& over, const std::string& text) const override {
        return "note over " + over + " : " + plantUmlText(text) + '\n';
    }
    // The delay line: "...text..." is PlantUML's own mark for time passing.
    std::string gap(const std::string& text, const MarkupGlyphs& /*glyphs*/) const override {
        return "..." + plantUmlText(text) + "...\n";
    }
    std::string end(const std::string& text) const override {
        return "== " + plantUmlText(text) + " ==\n@enduml\n";
    }
};

std::string render(const Trace& trace, const TextDiagramOptions& options,
                   const Notation& notation) {
    const std::string leftId(kLeftId);
    const std::string rightId(kRightId);
    const MarkupGlyphs& glyphs = options.asciiOnly ? kAsciiGlyphs : kUnicodeGlyphs;
    const DiagramRows diagram = collectDiagramRows(trace, options);
    std::string out = notation.begin();
    if (trace.hosts.empty()) {
        return out + notation.end("the trace has no hosts");
    }
    out += notation.participant(leftId, diagramHostTitle(trace, diagram.left));
    out += notation.participant(rightId, diagramHostTitle(trace, diagram.right));

    const auto gapLine = [&](Duration gap) {
        return notation.gap(formatDuration(gap) + " later", glyphs);
    };
    SimTime previous{};
    for (const DiagramRow& row : diagram.rows) {
        if (row.at - previous >= options.idleGap) {
            out += gapLine(row.at - previous);
        }
        previous = row.at;
        const std::string& self = row.left ? leftId : rightId;
        const std::string& other = row.left ? rightId : leftId;
        switch (row.kind) {
        case DiagramRow::Kind::Segment: {
            std::string label = diagramSecondsText(row.at) + " s " + row.text;
            for (const std::string& mark : row.marks) {
                label += " (" + mark + ')';
            }
            if (row.lost) {
                label += " (lost: " + *row.lost + ')';
            }
            out += notation.arrow(self, other, row.lost.has_value(), label);
            break;
        }
        case DiagramRow::Kind::StateChange:
            out += notation.note(self, row.text + std::string(stateName(row.from)) + ' ' +
                                           std::string(glyphs.stateArrow) + ' ' +
                                           std::string(stateName(row.to)));
            break;
        case DiagramRow::Kind::Anomaly:
            out += notation.note(self, std::string(glyphs.anomaly) + ' ' + row.text);
            break;
        case DiagramRow::Kind::Delivery:
        case DiagramRow::Kind::Timer:
        case DiagramRow::Kind::AppCall:
            out += notation.note(self, row.text);
            break;
        }
    }
    if (trace.end - previous >= options.idleGap) {
        out += gapLine(trace.end - previous);
    }
    return out + notation.end("end of run at " + diagramSecondsText(trace.end) + " s" +
                              (trace.truncated ? " (stopped at the scenario's time limit with "
                                                 "timers still pending)"
                                               : ""));
}

} // namespace

std::string renderMermaid(const Trace& trace, const TextDiagramOptions& options) {
    return render(trace, options, Mermaid());
}

std::string renderPlantUml(const Trace& trace, const TextDiagramOptions& options) {
    return render(trace, options, PlantUml());
}

} // namespace tdl
