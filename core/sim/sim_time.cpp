#include "sim_time.h"

#include <cstdio>

namespace tdl {

std::string formatDuration(Duration d) {
    const std::int64_t us = d.count();
    const std::int64_t magnitude = us < 0 ? -us : us;
    char buf[48];
    if (magnitude < 1000) {
        std::snprintf(buf, sizeof buf, "%lld µs", static_cast<long long>(us));
    } else if (magnitude < 1'000'000) {
        std::snprintf(buf, sizeof buf, "%.3g ms", static_cast<double>(us) / 1e3);
    } else if (magnitude < 120'000'000) {
        std::snprintf(buf, sizeof buf, "%.3g s", static_cast<double>(us) / 1e6);
    } else {
        const std::int64_t seconds = us / 1'000'000;
        std::snprintf(buf, sizeof buf, "%lld min %lld s", static_cast<long long>(seconds / 60),
                      static_cast<long long>(seconds % 60));
    }
    return buf;
}

std::string formatTimestamp(SimTime t) {
    char buf[32];
    const std::int64_t us = t.count();
    std::snprintf(buf, sizeof buf, "%lld.%06lld", static_cast<long long>(us / 1'000'000),
                  static_cast<long long>(us % 1'000'000));
    return buf;
}

} // namespace tdl
