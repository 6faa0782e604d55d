#include "load_report.h"

#include "duration_text.h"

#include <algorithm>
#include <cstdio>

namespace tdl {

namespace {

std::int64_t count(const HostCounters& c, TcpState state) {
    return c.sockets[static_cast<std::size_t>(state)];
}

template <typename Get> std::int64_t peak(const LoadSeries& series, std::size_t host, Get get) {
    std::int64_t best = 0;
    for (const auto& sample : series.samples) {
        best = std::max<std::int64_t>(best, get(sample[host]));
    }
    return best;
}

} // namespace

std::string renderLoadSummary(const Scenario& scenario, const LoadSeries& series) {
    std::string out;
    char line[256];
    if (scenario.load) {
        const LoadConfig& load = *scenario.load;
        std::snprintf(line, sizeof line,
                      "Load: %llu connections from %s to %s:%u, %u per second for %s; the %s "
                      "closes first.\n",
                      static_cast<unsigned long long>(load.connections()), load.client.c_str(),
                      load.server.c_str(), load.port, load.rate,
                      durationText(load.duration).c_str(),
                      std::string(closerKey(load.closer)).c_str());
        out += line;
    }
    std::snprintf(line, sizeof line, "Simulated %s%s.\n\n", durationText(series.end).c_str(),
                  series.truncated ? " (stopped early: limit reached or cancelled)" : "");
    out += line;
    std::snprintf(line, sizeof line, "%-10s %10s %10s %10s %8s %10s %10s %13s %11s %9s\n", "host",
                  "TIME_WAIT", "FIN_WAIT_1", "FIN_WAIT_2", "orphans", "free ports", "connected",
                  "EADDRNOTAVAIL", "TW overflow", "RST sent");
    out += line;
    std::snprintf(line, sizeof line, "%-10s %10s %10s %10s %8s %10s %10s %13s %11s %9s\n", "",
                  "(peak)", "(peak)", "(peak)", "(peak)", "(lowest)", "", "", "", "");
    out += line;
    for (std::size_t h = 0; h < series.hosts.size(); ++h) {
        std::int64_t lowestFree = series.samples.empty() ? 0 : series.samples.front()[h].freePorts;
        for (const auto& sample : series.samples) {
            lowestFree = std::min(lowestFree, sample[h].freePorts);
        }
        const HostCounters last =
            series.samples.empty() ? HostCounters{} : series.samples.back()[h];
        std::snprintf(
            line, sizeof line,
            "%-10s %10lld %10lld %10lld %8lld %10lld %10llu %13llu %11llu %9llu\n",
            series.hosts[h].name.c_str(),
            static_cast<long long>(peak(
                series, h, [](const HostCounters& c) { return count(c, TcpState::TimeWait); })),
            static_cast<long long>(peak(
                series, h, [](const HostCounters& c) { return count(c, TcpState::FinWait1); })),
            static_cast<long long>(peak(
                series, h, [](const HostCounters& c) { return count(c, TcpState::FinWait2); })),
            static_cast<long long>(
                peak(series, h, [](const HostCounters& c) { return c.orphans; })),
            static_cast<long long>(lowestFree),
            static_cast<unsigned long long>(last.connectsStarted),
            static_cast<unsigned long long>(last.connectFailures),
            static_cast<unsigned long long>(last.timeWaitOverflows),
            static_cast<unsigned long long>(last.resetsSent));
        out += line;
    }
    return out;
}

std::string loadSeriesCsv(const LoadSeries& series) {
    std::string out = "time_s,host";
    for (int s = 1; s < kTcpStateCount; ++s) {
        out += ',';
        out += stateKey(static_cast<TcpState>(s));
    }
    out += ",orphans,ports_in_use,free_ports,connects,connect_failures,time_wait_overflows,"
           "resets_sent\n";
    char cell[64];
    for (std::size_t i = 0; i < series.times.size(); ++i) {
        for (std::size_t h = 0; h < series.hosts.size(); ++h) {
            const HostCounters& c = series.samples[i][h];
            std::snprintf(cell, sizeof cell, "%s,%s", formatTimestamp(series.times[i]).c_str(),
                          series.hosts[h].name.c_str());
            out += cell;
            for (int s = 1; s < kTcpStateCount; ++s) {
                out += ',';
                out += std::to_string(c.sockets[static_cast<std::size_t>(s)]);
            }
            std::snprintf(cell, sizeof cell, ",%lld,%lld,%lld,%llu,%llu,%llu,%llu\n",
                          static_cast<long long>(c.orphans), static_cast<long long>(c.portsInUse),
                          static_cast<long long>(c.freePorts),
                          static_cast<unsigned long long>(c.connectsStarted),
                          static_cast<unsigned long long>(c.connectFailures),
                          static_cast<unsigned long long>(c.timeWaitOverflows),
                          static_cast<unsigned long long>(c.resetsSent));
            out += cell;
        }
    }
    return out;
}

} // namespace tdl
