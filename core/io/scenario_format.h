#pragma once

// Names the scenario file format spells, shared by its reader and its writer.

#include <array>
#include <string_view>

namespace tdl::scenario_io {

inline constexpr std::string_view kFormatName = "teardown-lab-scenario";
// An action's "how" for shutdown(), in the order of SHUT_RD, SHUT_WR, SHUT_RDWR (0, 1, 2).
inline constexpr std::array<std::string_view, 3> kShutdownNames = {"SHUT_RD", "SHUT_WR",
                                                                   "SHUT_RDWR"};

} // namespace tdl::scenario_io
