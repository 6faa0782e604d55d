#pragma once

// The scenario file's fields read into a Scenario: format and version, hosts and their sysctls,
// the network, actions, fault rules and the load (load_fields.h). Each refuses with a Refusal.

#include "json_fields.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace tdl::scenario_io {

Scenario readScenario(const Node& root);

// A reference to a host of the scenario, by name.
std::string readHostName(const std::vector<HostConfig>& hosts, const Node& name);

} // namespace tdl::scenario_io
