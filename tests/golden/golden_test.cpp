// The engine's behaviour, pinned: every preset's trace with its own seed and two others, and every
// load preset's summary, sampled series and connection 7, byte for byte against golden files.
// A change of behaviour must regenerate them on purpose, with the diff reviewed:
//   TDL_UPDATE_GOLDEN=1 build/bin/golden_tests
// Traces over 1 MiB are kept gzip-compressed (a few presets send tens of thousands of segments).

#include "load_report.h"
#include "load_run.h"
#include "scenario_json.h"
#include "simulator.h"
#include "trace_jsonl.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace tdl::test {
namespace {

namespace fs = std::filesystem;

const fs::path kPresetDir = fs::path(TDL_SOURCE_DIR) / "resources" / "scenarios";
const fs::path kGoldenDir = fs::path(TDL_SOURCE_DIR) / "tests" / "golden" / "data";
constexpr std::size_t kCompressAbove = 1 << 20;
// Seeds besides the preset's own: they change every random draw (ISNs, ports, loss).
constexpr std::array<std::uint64_t, 2> kOtherSeeds = {5, 20261206};

bool updating() {
    const char* flag = std::getenv("TDL_UPDATE_GOLDEN");
    return flag != nullptr && std::string(flag) == "1";
}

std::optional<std::string> readPlain(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<std::string> readGzip(const fs::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        return std::nullopt;
    }
    std::string text;
    std::array<char, 1 << 16> buffer{};
    int n = 0;
    while ((n = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(n));
    }
    const bool ok = n == 0;
    gzclose(file);
    return ok ? std::optional<std::string>(text) : std::nullopt;
}

void writeGolden(const fs::path& plain, const std::string& text) {
    fs::create_directories(plain.parent_path());
    fs::remove(plain);
    fs::remove(plain.string() + ".gz");
    if (text.size() > kCompressAbove) {
        gzFile file = gzopen((plain.string() + ".gz").c_str(), "wb9");
        ASSERT_NE(file, nullptr) << plain;
        ASSERT_EQ(gzwrite(file, text.data(), static_cast<unsigned>(text.size())),
                  static_cast<int>(text.size()));
        gzclose(file);
        return;
    }
    std::ofstream(plain, std::ios::binary) << text;
}

// The first line where two texts differ, numbered from 1, with both versions.
std::string firstDifference(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected);
    std::istringstream b(actual);
    std::string lineA;
    std::string lineB;
    for (int line = 1;; ++line) {
        const bool moreA = static_cast<bool>(std::getline(a, lineA));
        const bool moreB = static_cast<bool>(std::getline(b, lineB));
        if (!moreA && !moreB) {
            return "the texts differ only in their last line's ending";
        }
        if (!moreA || !moreB || lineA != lineB) {
            return "line " + std::to_string(line) + ":\n  golden: " + (moreA ? lineA : "(end)") +
                   "\n  now:    " + (moreB ? lineB : "(end)");
        }
    }
}

void expectGolden(const std::string& name, const std::string& actual) {
    const fs::path plain = kGoldenDir / name;
    if (updating()) {
        writeGolden(plain, actual);
        return;
    }
    std::optional<std::string> golden = readPlain(plain);
    if (!golden) {
        golden = readGzip(plain.string() + ".gz");
    }
    ASSERT_TRUE(golden.has_value()) << "no golden file " << plain << " (or .gz)";
    if (*golden != actual) {
        ADD_FAILURE() << name << " differs from its golden file at "
                      << firstDifference(*golden, actual);
    }
}

Scenario loadPreset(const fs::path& file) {
    LoadResult result = loadScenario(file.string());
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(std::move(result));
}

std::vector<fs::path> presetFiles(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string traceText(const Trace& trace) {
    std::ostringstream lines;
    writeTraceJsonl(trace, lines);
    return lines.str();
}

TEST(Golden, EveryClassroomPresetsTraceWithItsSeedAndTwoOthers) {
    const std::vector<fs::path> files = presetFiles(kPresetDir);
    ASSERT_GE(files.size(), 19u);
    for (const fs::path& file : files) {
        Scenario scenario = loadPreset(file);
        const std::string name = file.stem().string();
        expectGolden(name + ".seed-own.jsonl", traceText(simulate(scenario)));
        for (std::uint64_t seed : kOtherSeeds) {
            scenario.seed = seed;
            expectGolden(name + ".seed-" + std::to_string(seed) + ".jsonl",
                         traceText(simulate(scenario)));
        }
    }
}

TEST(Golden, EveryLoadPresetsSummarySeriesAndSeventhConnection) {
    const std::vector<fs::path> files = presetFiles(kPresetDir / "load");
    ASSERT_GE(files.size(), 7u);
    for (const fs::path& file : files) {
        const Scenario scenario = loadPreset(file);
        ASSERT_TRUE(scenario.load.has_value()) << file;
        const std::string name = "load-" + file.stem().string();
        const LoadSeries series = runLoad(scenario);
        expectGolden(name + ".summary.txt", renderLoadSummary(scenario, series));
        expectGolden(name + ".csv", loadSeriesCsv(series));
        expectGolden(name + ".connection-7.jsonl", traceText(traceLoadConnection(scenario, 7)));
    }
}

} // namespace
} // namespace tdl::test
