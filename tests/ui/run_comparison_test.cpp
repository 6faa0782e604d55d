#include "PresetCatalog.h"
#include "Run.h"
#include "RunComparison.h"
#include "WhatIf.h"
#include "simulator.h"
#include "sysctl.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

// The presets as shipped, read from the source tree.
const PresetCatalog& presets() {
    static const PresetCatalog catalog(QStringLiteral(TDL_SOURCE_DIR "/resources/scenarios"));
    return catalog;
}

Scenario preset(const char* id) {
    const PresetCatalog::Preset* found = presets().find(QLatin1String(id));
    EXPECT_NE(found, nullptr) << id;
    return found != nullptr ? found->scenario : Scenario{};
}

// The first segment a host sends with these flags.
SegmentId firstWith(const Run& run, const std::string& host, std::uint8_t flags) {
    const test::TraceQuery query(run.trace());
    for (const SegmentRecord* record : query.sentBy(host)) {
        if ((record->segment.flags & flags) == flags) {
            return query.idOf(record);
        }
    }
    return kNoSegment;
}

// The last segment a host sends (the client's: its ACK of the server's FIN).
SegmentId lastFrom(const Run& run, const std::string& host) {
    const test::TraceQuery query(run.trace());
    return query.idOf(query.sentBy(host).back());
}

std::string text(const RunComparison& comparison) {
    return comparison.changes().join(QStringLiteral(" | ")).toStdString();
}

TEST(RunComparison, TheSameRunIsNoChange) {
    const Scenario scenario = preset("four-way-close");
    const ui::Run a(simulate(scenario));
    const ui::Run b(simulate(scenario));
    const RunComparison comparison(a.trace(), b.trace());
    EXPECT_TRUE(comparison.same());
    EXPECT_TRUE(comparison.changes().isEmpty());
    EXPECT_TRUE(
        comparison.summary(QStringLiteral("Nothing")).startsWith(QLatin1String("No change")));
}

TEST(RunComparison, Drop_NamesTheRetransmittedFinAndTheLaterEndOfTimeWait) {
    const Scenario scenario = preset("four-way-close");
    const ui::Run before(simulate(scenario));
    const auto edit = WhatIf::drop(scenario, before, lastFrom(before, "client"));
    ASSERT_TRUE(edit);
    const ui::Run after(simulate(edit->scenario));
    const RunComparison comparison(before.trace(), after.trace());
    ASSERT_FALSE(comparison.same());
    const QString all = comparison.changes().join(QLatin1Char('|'));
    EXPECT_TRUE(all.contains(QLatin1String("the server now retransmits its FIN once")))
        << text(comparison);
    EXPECT_TRUE(all.contains(QLatin1String("TIME-WAIT on the client ends at ")))
        << text(comparison);
    const QString summary = comparison.summary(edit->description);
    EXPECT_TRUE(summary.startsWith(edit->description + QLatin1String(": ")))
        << summary.toStdString();
}

TEST(RunComparison, Delay_NamesHowMuchLaterTimeWaitEnds) {
    const Scenario scenario = preset("four-way-close");
    const ui::Run before(simulate(scenario));
    const auto edit =
        WhatIf::delay(scenario, before, firstWith(before, "client", flag::kFin), 300ms);
    ASSERT_TRUE(edit);
    const ui::Run after(simulate(edit->scenario));
    const RunComparison comparison(before.trace(), after.trace());
    // The client's TIME-WAIT is the last thing of the run, before and after. The FIN comes late,
    // so the server's ACK and FIN come late: TIME-WAIT begins and ends later (by less than the
    // delay, since the client's RTO resends the FIN first).
    const SimTime endBefore = before.trace().end;
    const SimTime endAfter = after.trace().end;
    ASSERT_GT(endAfter, endBefore) << test::TraceQuery(after.trace()).dump();
    const QString expected =
        QStringLiteral("TIME-WAIT on the client ends at %1 instead of %2")
            .arg(TraceText::duration(endAfter), TraceText::duration(endBefore));
    EXPECT_TRUE(comparison.changes().contains(expected))
        << text(comparison) << "\nexpected " << expected.toStdString();
}

TEST(RunComparison, Duplicate_SaysTheRunSendsMoreSegments) {
    const Scenario scenario = preset("four-way-close");
    const ui::Run before(simulate(scenario));
    const auto edit = WhatIf::duplicate(scenario, before, firstWith(before, "client", flag::kFin));
    ASSERT_TRUE(edit);
    const ui::Run after(simulate(edit->scenario));
    ASSERT_GT(after.trace().segments.size(), before.trace().segments.size());
    const RunComparison comparison(before.trace(), after.trace());
    ASSERT_FALSE(comparison.same());
    EXPECT_TRUE(
        comparison.changes().contains(QStringLiteral("the run now sends %1 segments instead of %2")
                                          .arg(after.trace().segments.size())
                                          .arg(before.trace().segments.size())))
        << text(comparison);
}

TEST(RunComparison, SysctlThatDoesNotApply_IsNoChange) {
    // tcp_fin_timeout bounds an orphan's FIN-WAIT-2, not TIME-WAIT (TCP_TIMEWAIT_LEN is fixed).
    Scenario scenario = preset("four-way-close");
    const ui::Run before(simulate(scenario));
    HostConfig& client = scenario.hosts[0];
    ASSERT_FALSE(setSysctl(client.sysctls, client.profile, "net.ipv4.tcp_fin_timeout", "5"));
    const ui::Run after(simulate(scenario));
    const RunComparison comparison(before.trace(), after.trace());
    EXPECT_TRUE(comparison.same()) << text(comparison);
    const QString summary = comparison.summary(QStringLiteral("Set tcp_fin_timeout = 5"));
    EXPECT_EQ(summary,
              QStringLiteral("No change: Set tcp_fin_timeout = 5 leaves this run as it was"));
}

TEST(RunComparison, SysctlThatApplies_NamesTheFailingCall) {
    // Without tcp_tw_reuse, the single local port stays in TIME-WAIT: connect() finds no port.
    Scenario scenario = preset("tw-reuse-stale-rst");
    const ui::Run before(simulate(scenario));
    HostConfig& client = scenario.hosts[0];
    ASSERT_EQ(client.name, "client");
    ASSERT_FALSE(setSysctl(client.sysctls, client.profile, "net.ipv4.tcp_tw_reuse", "0"));
    const ui::Run after(simulate(scenario));
    const RunComparison comparison(before.trace(), after.trace());
    EXPECT_TRUE(comparison.changes().contains(
        QStringLiteral("connect() on the client now fails with EADDRNOTAVAIL")))
        << text(comparison);
}

} // namespace
} // namespace tdl::ui
