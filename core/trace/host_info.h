#pragma once

// What the trace knows about a host.

#include "net_types.h"

#include <string>

namespace tdl {

struct HostInfo {
    std::string name;
    Ipv4 address = 0;
};

} // namespace tdl
