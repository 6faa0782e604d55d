// The scenario writer against the reader: whatever the loader accepts is written, read back and
// written again; the scenario must come back equal and the text byte for byte the same. The same
// through a file (saveScenario, loadScenario), as the GUI's Save and Open do.

#include "scenario_json.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <variant>

namespace {

[[noreturn]] void roundTripBroken(const char* what) {
    std::fprintf(stderr, "round trip broken: %s\n", what);
    std::abort();
}

// One file per fuzzing process, reused for every input.
const std::string& savedFile() {
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("tdl-fuzz-roundtrip-" + std::to_string(::getpid()) + ".json"))
                                        .string();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const tdl::LoadResult loaded = tdl::parseScenario(text);
    const auto* scenario = std::get_if<tdl::Scenario>(&loaded);
    if (scenario == nullptr) {
        return 0;
    }
    const std::string written = tdl::serializeScenario(*scenario);
    const tdl::LoadResult reread = tdl::parseScenario(written);
    const auto* again = std::get_if<tdl::Scenario>(&reread);
    if (again == nullptr) {
        std::fprintf(stderr, "%s\n", std::get<tdl::LoadError>(reread).message().c_str());
        roundTripBroken("the written scenario does not load");
    }
    if (!(*again == *scenario)) {
        roundTripBroken("the scenario read back differs");
    }
    if (tdl::serializeScenario(*again) != written) {
        roundTripBroken("the text written twice differs");
    }
    if (const auto error = tdl::saveScenario(*scenario, savedFile())) {
        std::fprintf(stderr, "%s\n", error->c_str());
        roundTripBroken("the scenario cannot be saved");
    }
    const tdl::LoadResult opened = tdl::loadScenario(savedFile());
    const auto* fromFile = std::get_if<tdl::Scenario>(&opened);
    if (fromFile == nullptr || !(*fromFile == *scenario)) {
        roundTripBroken("the saved file does not load back equal");
    }
    return 0;
}
