#pragma once

// Loading a preset from resources/scenarios/ for the preset tests.

#include "scenario.h"
#include "scenario_json.h"
#include "simulator.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace tdl::test {

inline std::string presetPath(const std::string& name) {
    return std::string(TDL_SCENARIOS_DIR) + "/" + name + ".json";
}

// The preset's scenario; fails the test (and returns an empty scenario) if it does not load.
inline Scenario loadPreset(const std::string& name) {
    LoadResult result = loadScenario(presetPath(name));
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return Scenario{};
    }
    return std::get<Scenario>(std::move(result));
}

} // namespace tdl::test
