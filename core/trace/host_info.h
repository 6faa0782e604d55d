#pragma once

// What the trace knows about a host.

#include "net_types.h"

#include <string>

namespace tdl {

struct HostInfo {
    std::string name;
    Ipv4 address = 0;
    bool scripted = false; // a scripted peer: it sends only crafted segments (HostConfig::scripted)
};

} // namespace tdl
