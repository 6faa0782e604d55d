// A load error's "expected" and "found" are phrase ids with their values, so that the GUI can
// translate them (ui/text/LoadErrorText); here: their English, and that the loader gives the
// right id and values for the refusals that used to be prose only.

#include "load_phrase.h"
#include "scenario_json.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <set>

namespace tdl {
namespace {

using Id = LoadPhrase::Id;

LoadError errorOf(const std::string& text) {
    const LoadResult result = parseScenario(text, "bad.json");
    EXPECT_TRUE(std::holds_alternative<LoadError>(result)) << text;
    return std::holds_alternative<LoadError>(result) ? std::get<LoadError>(result) : LoadError{};
}

// The ids whose whole text is their value.
bool isValueItself(Id id) {
    return id == Id::Verbatim || id == Id::SysctlExpectation || id == Id::SysctlRefusal ||
           id == Id::SystemError;
}

TEST(LoadPhrase, EveryIdHasItsOwnEnglishWithNumberedPlaces) {
    std::set<std::string> seen;
    for (int i = 0; i < LoadPhrase::kIdCount; ++i) {
        const auto id = static_cast<Id>(i);
        const std::string pattern = englishTemplate(id);
        ASSERT_FALSE(pattern.empty()) << i;
        if (isValueItself(id)) {
            EXPECT_EQ(pattern, "%1");
            continue;
        }
        EXPECT_TRUE(seen.insert(pattern).second) << "two ids say " << pattern;
        // %1..%n with no gap, so that a catalog's arg() calls fill them in order.
        int places = 0;
        while (pattern.find('%' + std::to_string(places + 1)) != std::string::npos) {
            ++places;
        }
        for (int n = places + 1; n <= 9; ++n) {
            EXPECT_EQ(pattern.find('%' + std::to_string(n)), std::string::npos) << pattern;
        }
    }
}

TEST(LoadPhrase, TextPutsEachValueInItsPlaceOnce) {
    EXPECT_EQ(phrase(Id::IntegerIn, {"1", "65535"}).text(), "an integer in 1..65535");
    EXPECT_EQ(verbatim("\"10.0.0\"").text(), "\"10.0.0\"");
    // A value that looks like a place stays as it is.
    EXPECT_EQ(phrase(Id::OneLinkPerDirection, {"/network/links/%2", "a", "b"}).text(),
              "one link per direction (/network/links/%2 is already a to b)");
}

TEST(LoadPhrase, LoadBeyondTheMemoryBudget_GivesTheEstimateAsValues) {
    const LoadError error = errorOf(R"({"format": "teardown-lab-scenario", "version": 1,
        "limit": "24h", "hosts": [{"name": "c", "address": "10.0.0.1"},
        {"name": "s", "address": "10.0.0.2"}], "load": {"client": "c", "server": "s", "rate": 1,
        "duration": "24h", "sample_every": "1ms"}})");
    EXPECT_EQ(error.location, LoadLocation::at("/load/sample_every"));
    EXPECT_EQ(error.expected, phrase(Id::SampleBudget, {"4"}));
    EXPECT_EQ(error.found, phrase(Id::Samples, {"86400001", "1ms", "336", "27.0"}));
}

TEST(LoadPhrase, TooManyConnections_GivesTheEstimateAsValues) {
    const LoadError error = errorOf(R"({"format": "teardown-lab-scenario", "version": 1,
        "limit": "2h", "hosts": [{"name": "c", "address": "10.0.0.1"},
        {"name": "s", "address": "10.0.0.2"}], "load": {"client": "c", "server": "s",
        "rate": 1000000, "duration": "1h"}})");
    EXPECT_EQ(error.expected, phrase(Id::ConnectionBudget, {"100000000"}));
    EXPECT_EQ(error.found, phrase(Id::Connections, {"3600000000", "1000000", "1h"}));
}

TEST(LoadPhrase, ParserDetail_IsAnIdWithTheTokenAndTheCharacter) {
    const LoadError control = errorOf("{\"a\": \"x\ny\"}");
    EXPECT_EQ(control.found.id, Id::ControlCharacterWithShortEscape);
    ASSERT_EQ(control.found.args.size(), 4U);
    EXPECT_EQ(control.found.args[1], "U+000A (LF)");
    EXPECT_EQ(control.found.args[2], "\\u000A");
    EXPECT_EQ(control.found.args[3], "\\n");
    EXPECT_NE(control.message().find("(invalid string: control character U+000A (LF) must be "
                                     "escaped to \\u000A or \\n)"),
              std::string::npos)
        << control.message();

    const LoadError unclosed = errorOf(R"({"a": "abc)");
    EXPECT_EQ(unclosed.expected.id, Id::JsonValue);
    EXPECT_EQ(unclosed.found.id, Id::MissingClosingQuote);

    const LoadError separator = errorOf(R"({"a" 1})");
    EXPECT_EQ(separator.expected, verbatim("':'"));
    EXPECT_EQ(separator.found, phrase(Id::NumberLiteral));
    EXPECT_EQ(separator.location, LoadLocation::atByte(6, 1, 6));
    EXPECT_EQ(separator.message(),
              "bad.json: byte 6 (line 1, column 6): expected ':', found number literal");
}

TEST(LoadPhrase, ScenarioFieldRefusals_NameTheirValues) {
    const LoadError loopback = errorOf(R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "a", "address": "10.0.0.1"}], "actions": [{"host": "a",
        "socket": "x", "call": "connect", "at": "0s", "to": "a:80"}]})");
    EXPECT_EQ(loopback.expected, phrase(Id::NoLoopback, {"a"}));
    EXPECT_EQ(loopback.found, verbatim("\"a:80\""));

    const LoadError twice = errorOf(R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "a", "address": "10.0.0.1"}, {"name": "a", "address": "10.0.0.2"}]})");
    EXPECT_EQ(twice.expected, phrase(Id::UnusedHostName, {"/hosts/0"}));
}

TEST(LoadPhrase, AnUnreadableFile_SaysWhyWithItsErrno) {
    const LoadResult result = loadScenario("/nonexistent-folder/scenario.json");
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    const LoadError& error = std::get<LoadError>(result);
    EXPECT_EQ(error.expected, phrase(Id::ReadableFile));
    EXPECT_EQ(error.found, systemError(ENOENT));
    EXPECT_EQ(error.found.args.at(1), std::to_string(ENOENT));
    EXPECT_EQ(error.message(), "/nonexistent-folder/scenario.json: expected a readable scenario "
                               "file, found No such file or directory");
}

} // namespace
} // namespace tdl
