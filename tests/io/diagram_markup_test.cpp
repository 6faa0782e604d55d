// The sequence diagram as Mermaid and PlantUML: the four-way close preset against golden files,
// and the escaping that keeps any explanation from breaking either notation.
//
// The golden files change only on purpose: run io_tests with TDL_UPDATE_GOLDEN=1 to rewrite them
// from the current output, then read the diff before committing it.

#include "diagram_markup.h"
#include "handmade_trace.h"
#include "scenario_json.h"
#include "simulator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tdl {
namespace {

const std::string kGoldenDir = std::string(TDL_SOURCE_DIR) + "/tests/io/golden/";

Trace fourWayClose() {
    LoadResult result =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/four-way-close.json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return simulate(std::get<Scenario>(std::move(result)));
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void expectGolden(const std::string& name, const std::string& actual) {
    const std::string path = kGoldenDir + name;
    if (std::getenv("TDL_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << path << "; check its diff before committing it";
    }
    const std::string expected = readFile(path);
    ASSERT_FALSE(expected.empty()) << path << " is missing or empty";
    EXPECT_EQ(actual, expected) << "the output differs from " << path
                                << " (TDL_UPDATE_GOLDEN=1 rewrites it on purpose)";
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

// The part of a Mermaid statement after its first ": ", where the message or note text is.
std::string mermaidMessage(const std::string& line) {
    const std::size_t colon = line.find(": ");
    return colon == std::string::npos ? std::string() : line.substr(colon + 2);
}

TEST(DiagramMarkupGolden, FourWayClose_Mermaid) {
    expectGolden("four-way-close.mmd", renderMermaid(fourWayClose()));
}

TEST(DiagramMarkupGolden, FourWayClose_PlantUml) {
    expectGolden("four-way-close.puml", renderPlantUml(fourWayClose()));
}

TEST(DiagramMarkup, Mermaid_ShowsTheCloseAsArrowsAndStateNotes) {
    const std::string text = renderMermaid(fourWayClose());
    const std::vector<std::string> lines = linesOf(text);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "sequenceDiagram");
    EXPECT_EQ(lines[1], "    participant h0 as client 10.0.0.1");
    EXPECT_EQ(lines[2], "    participant h1 as server 10.0.0.2");
    for (const char* expected : {
             "    h0->>h1: 0.200 s [FIN,ACK] seq=101 ack=201 len=0",
             "    h1->>h0: 0.260 s [FIN,ACK] seq=201 ack=102 len=0",
             "    Note over h0: c: FIN-WAIT-2 → TIME-WAIT",
             "    Note over h1: s: LAST-ACK → CLOSED",
             "    Note over h0,h1: … 60.1 s later …",
         }) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
}

TEST(DiagramMarkup, PlantUml_ShowsTheCloseAsArrowsStateNotesAndADelay) {
    const std::string text = renderPlantUml(fourWayClose());
    const std::vector<std::string> lines = linesOf(text);
    ASSERT_GE(lines.size(), 4U);
    EXPECT_EQ(lines.front(), "@startuml");
    EXPECT_EQ(lines.back(), "@enduml");
    EXPECT_EQ(lines[1], "participant \"client 10.0.0.1\" as h0");
    for (const char* expected : {
             "h0 -> h1 : 0.200 s [FIN,ACK] seq=101 ack=201 len=0",
             "note over h0 : c: FIN-WAIT-2 → TIME-WAIT",
             "...60.1 s later...",
         }) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
}

TEST(DiagramMarkup, LostSegment_EndsInACrossAndSaysLost_DelayedAndDuplicatedSaySo) {
    const Trace trace = test::handmadeFaultyClose();
    const std::string mermaid = renderMermaid(trace);
    const std::string plantUml = renderPlantUml(trace);
    EXPECT_NE(mermaid.find("-xh1: 0.200 s [FIN,ACK]"), std::string::npos) << mermaid;
    EXPECT_NE(mermaid.find("(lost: fault rule 1)"), std::string::npos) << mermaid;
    EXPECT_NE(plantUml.find("h0 ->x h1 : 0.200 s [FIN,ACK]"), std::string::npos) << plantUml;
    EXPECT_NE(plantUml.find("(lost: fault rule 1)"), std::string::npos) << plantUml;
    for (const std::string& text : {mermaid, plantUml}) {
        EXPECT_NE(text.find("(delayed +100 ms (fault rule 2))"), std::string::npos) << text;
        EXPECT_NE(text.find("(duplicate (fault rule 3))"), std::string::npos) << text;
    }
}

// An explanation full of the characters each notation treats as syntax.
TextDiagramOptions hostileExplanations() {
    TextDiagramOptions options;
    options.explain = [](const Reason&) {
        return std::string("a;b #c: <b>d</b> & **e** //f// --g-- __h__ ~i \\n j &#42;");
    };
    return options;
}

TEST(DiagramMarkup, Mermaid_EscapesSemicolonHashAndMarkupInEveryMessage) {
    const std::string text = renderMermaid(test::handmadeFaultyClose(), hostileExplanations());
    bool sawExplanation = false;
    for (const std::string& line : linesOf(text)) {
        std::string message = mermaidMessage(line);
        sawExplanation = sawExplanation || message.find("a#59;b #35;c: #lt;b#gt;d#lt;/b#gt; "
                                                        "#amp; **e**") != std::string::npos;
        // What is left once the character codes are taken out holds no ';', '#', '<' or '>'.
        for (std::size_t hash = message.find('#'); hash != std::string::npos;
             hash = message.find('#')) {
            const std::size_t semicolon = message.find(';', hash);
            ASSERT_NE(semicolon, std::string::npos) << line;
            message.erase(hash, semicolon - hash + 1);
        }
        EXPECT_EQ(message.find_first_of(";#<>"), std::string::npos) << line;
    }
    EXPECT_TRUE(sawExplanation) << text;
}

TEST(DiagramMarkup, PlantUml_EscapesCreoleMarkersTagsCodesAndBackslashes) {
    const std::string text = renderPlantUml(test::handmadeFaultyClose(), hostileExplanations());
    EXPECT_NE(text.find("a;b #c: ~<b>d~</b> & ~**e~** ~//f~// ~--g~-- ~__h~__ <U+007E>i \\\\n j "
                        "<U+0026>#42;"),
              std::string::npos)
        << text;
}

TEST(DiagramMarkup, AsciiOnly_KeepsEveryByteAscii) {
    TextDiagramOptions options;
    options.asciiOnly = true;
    for (const std::string& text :
         {renderMermaid(fourWayClose(), options), renderPlantUml(fourWayClose(), options)}) {
        for (const char c : text) {
            ASSERT_LT(static_cast<unsigned char>(c), 0x80U) << text;
        }
        EXPECT_NE(text.find("FIN-WAIT-2 -"), std::string::npos) << text;
    }
}

} // namespace
} // namespace tdl
