// The load presets (resources/scenarios/load/): each one's promise, checked on its sampled
// counters. Host 0 is the client, host 1 the server.

#include "load_run.h"
#include "scenario_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace tdl::test {
namespace {

Scenario loadPreset(const std::string& name) {
    const std::string path = std::string(TDL_SCENARIOS_DIR) + "/load/" + name + ".json";
    LoadResult result = loadScenario(path);
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return Scenario{};
    }
    return std::get<Scenario>(std::move(result));
}

std::int64_t timeWaits(const HostCounters& c) {
    return c.sockets[static_cast<std::size_t>(TcpState::TimeWait)];
}

// The first sampling instant at which `pred` holds for host `host`, or -1 s.
template <typename Pred> SimTime firstWhen(const LoadSeries& series, std::size_t host, Pred pred) {
    for (std::size_t i = 0; i < series.times.size(); ++i) {
        if (pred(series.samples[i][host])) {
            return series.times[i];
        }
    }
    return SimTime(-1s);
}

const HostCounters& at(const LoadSeries& series, SimTime t, std::size_t host) {
    const auto it = std::find(series.times.begin(), series.times.end(), t);
    return series.samples[static_cast<std::size_t>(it - series.times.begin())][host];
}

TEST(LoadPresets, EveryOne_LoadsWithBothLanguagesAndTheLoadLesson) {
    int count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(TDL_SCENARIOS_DIR) + "/load")) {
        const Scenario s = loadPreset(entry.path().stem().string());
        EXPECT_EQ(s.id, "load/" + entry.path().stem().string());
        EXPECT_EQ(s.lesson, "load");
        EXPECT_TRUE(s.load.has_value());
        EXPECT_FALSE(s.title.en.empty());
        EXPECT_FALSE(s.title.zh_CN.empty());
        EXPECT_FALSE(s.watch.zh_CN.empty());
        ++count;
    }
    EXPECT_EQ(count, 7);
}

TEST(LoadPresets, EveryOne_FitsTheRunBounds) {
    int count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(TDL_SCENARIOS_DIR) + "/load")) {
        const Scenario s = loadPreset(entry.path().stem().string());
        ASSERT_TRUE(s.load.has_value()) << entry.path();
        const LoadEstimate estimate = estimateLoad(s);
        EXPECT_LE(estimate.bytes(), kLoadMemoryBudget) << entry.path();
        EXPECT_LE(estimate.connections, kMaxLoadConnections) << entry.path();
        ++count;
    }
    EXPECT_EQ(count, 7);
}

TEST(LoadPresets, PortExhaustion_RunsOutAt28sThenSucceedsAtRangeOver60s) {
    const LoadSeries series = runLoad(loadPreset("port-exhaustion"));
    EXPECT_EQ(firstWhen(series, 0, [](const HostCounters& c) { return c.freePorts == 0; }), 29s);
    EXPECT_EQ(firstWhen(series, 0, [](const HostCounters& c) { return c.connectFailures > 0; }),
              29s);
    // Each port freed is one TIME_WAIT expiring, 60 s after it began: over any full minute
    // after the ports ran out, exactly the 28,232 ports of the range are reused, so on average
    // 28232 / 60 = 470.5 connects per second succeed (in waves, as old TIME_WAITs expire).
    const std::uint64_t failed =
        at(series, 120s, 0).connectFailures - at(series, 60s, 0).connectFailures;
    const std::uint64_t succeeded = 60U * 1000U - failed;
    EXPECT_NEAR(static_cast<double>(succeeded), 28232.0, 10.0);
}

TEST(LoadPresets, LoopbackReuse0_ExhaustsLikeTwoMachines) {
    const LoadSeries series = runLoad(loadPreset("loopback-tw-reuse-0"));
    EXPECT_GT(series.samples.back()[0].connectFailures, 60000U);
}

TEST(LoadPresets, LoopbackReuse1And2_NeverFail) {
    for (const char* name : {"loopback-tw-reuse-1", "loopback-tw-reuse-2"}) {
        const LoadSeries series = runLoad(loadPreset(name));
        EXPECT_EQ(series.samples.back()[0].connectFailures, 0U) << name;
        EXPECT_EQ(series.samples.back()[0].connectsStarted, 120000U) << name;
    }
}

TEST(LoadPresets, ServerTwBuckets_FlatAtExactly5000) {
    const LoadSeries series = runLoad(loadPreset("server-tw-buckets"));
    std::int64_t peak = 0;
    for (const auto& sample : series.samples) {
        EXPECT_LE(timeWaits(sample[1]), 5000);
        peak = std::max(peak, timeWaits(sample[1]));
    }
    EXPECT_EQ(peak, 5000);
    EXPECT_GT(series.samples.back()[1].timeWaitOverflows, 0U);
}

TEST(LoadPresets, SlowReaderOrphans_CappedAtTcpMaxOrphansThenResets) {
    const LoadSeries series = runLoad(loadPreset("slow-reader-orphans"));
    std::int64_t peakOrphans = 0;
    std::int64_t peakFinWait1 = 0;
    for (const auto& sample : series.samples) {
        peakOrphans = std::max(peakOrphans, sample[1].orphans);
        peakFinWait1 =
            std::max(peakFinWait1, sample[1].sockets[static_cast<std::size_t>(TcpState::FinWait1)]);
    }
    EXPECT_EQ(peakOrphans, 1000);
    EXPECT_EQ(peakFinWait1, 1000);
    // Every close() beyond the 1,000th orphan resets: 3,000 connections, 2,000 RSTs at least.
    EXPECT_GE(series.samples.back()[1].resetsSent, 2000U);
}

TEST(LoadPresets, WiderPortRange_NeverFails) {
    const LoadSeries series = runLoad(loadPreset("wider-port-range"));
    EXPECT_EQ(series.samples.back()[0].connectFailures, 0U);
    std::int64_t lowest = 65535;
    for (const auto& sample : series.samples) {
        lowest = std::min(lowest, sample[0].freePorts);
    }
    // 64,512 ports less about 61 s of TIME_WAIT at 1,000/s; the wheel frees ports in 2.048 s
    // bursts, so the lowest point is just before a burst.
    EXPECT_GT(lowest, 2000);
    EXPECT_LT(lowest, 3000);
}

} // namespace
} // namespace tdl::test
