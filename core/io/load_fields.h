#pragma once

// The scenario file's "load" object, and the refusal of a load that cannot fit before it runs.

#include "json_fields.h"
#include "scenario.h"

#include <vector>

namespace tdl::scenario_io {

LoadConfig readLoad(const Node& node, const std::vector<HostConfig>& hosts);

// A load that would not fit in memory, or would run for hours, is refused before it runs.
void refuseUnboundedLoad(const Node& node, const Scenario& scenario);

} // namespace tdl::scenario_io
