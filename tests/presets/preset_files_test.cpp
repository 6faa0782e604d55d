// Every scenario file in resources/scenarios/: it loads, it speaks English and Simplified Chinese,
// it belongs to a lesson, and it runs to its end.

#include "preset_support.h"
#include "trace_query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace tdl::test {
namespace {

std::vector<std::string> presetNames() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(TDL_SCENARIOS_DIR)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

// At least one CJK ideograph (U+4E00..U+9FFF: three UTF-8 bytes from E4 B8 80 to E9 BF BF).
bool hasChinese(const std::string& text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xE4 && lead <= 0xE9 &&
            (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            return true;
        }
    }
    return false;
}

const std::set<std::string> kLessons = {"basics",  "time-wait", "tw-reuse", "half-close",
                                        "orphans", "paws",      "ports",    "resets"};

TEST(PresetFiles, TheLibraryHasTheIssuesPresets) {
    EXPECT_GE(presetNames().size(), 15U);
}

class EveryPreset : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryPreset, LoadsWithBothLanguagesALessonAndRunsToItsEnd) {
    const std::string name = GetParam();
    const Scenario scenario = loadPreset(name);
    EXPECT_EQ(scenario.id, name);
    EXPECT_TRUE(kLessons.contains(scenario.lesson)) << "lesson \"" << scenario.lesson << '"';
    for (const LocalizedText* text : {&scenario.title, &scenario.description, &scenario.watch}) {
        EXPECT_FALSE(text->en.empty());
        EXPECT_TRUE(hasChinese(text->zh_CN)) << text->zh_CN;
    }
    ASSERT_FALSE(scenario.hosts.empty());
    const Trace trace = simulate(scenario);
    // No preset promises a run cut short by its limit: each one tells a story to its end.
    EXPECT_FALSE(trace.truncated) << "end " << trace.end.count() << " us\n"
                                  << TraceQuery(trace).dump();
    EXPECT_FALSE(trace.segments.empty());
}

INSTANTIATE_TEST_SUITE_P(Presets, EveryPreset, ::testing::ValuesIn(presetNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

} // namespace
} // namespace tdl::test
