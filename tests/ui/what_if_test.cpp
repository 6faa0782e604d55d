#include "WhatIf.h"
#include "handmade_trace.h"

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

// The scenario the faulty trace came from, as far as WhatIf needs it: three fault rules.
Scenario threeFaults() {
    Scenario s;
    for (const FaultAction action :
         {FaultAction::Drop, FaultAction::Delay, FaultAction::Duplicate}) {
        FaultRule rule;
        rule.action = action;
        rule.nth = static_cast<std::uint32_t>(s.faults.size() + 1);
        s.faults.push_back(rule);
    }
    return s;
}

TEST(WhatIf, DropPicksTheSegmentByItsOrdinalAndSender) {
    const ui::Run run(test::handmadeFourWayClose());
    const SegmentId lastAck = static_cast<SegmentId>(run.trace().segments.size() - 1);
    const auto edit = WhatIf::drop(Scenario{}, run, lastAck);
    ASSERT_TRUE(edit.has_value());
    ASSERT_EQ(edit->scenario.faults.size(), 1U);
    const FaultRule& rule = edit->scenario.faults[0];
    EXPECT_EQ(rule.action, FaultAction::Drop);
    EXPECT_EQ(rule.ordinal, lastAck + 1);
    EXPECT_EQ(rule.from, "client");
    EXPECT_EQ(rule.to, "server");
    EXPECT_TRUE(edit->description.contains(QLatin1String("ACK")));
}

TEST(WhatIf, DelayAndDuplicateReplaceWhatTouchedTheSegmentBefore) {
    const ui::Run run(test::handmadeFaultyClose());
    const Trace& trace = run.trace();
    SegmentId delayed = kNoSegment;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        if (run.index().segment(id).delayedFact != TraceIndex::kNone) {
            delayed = id;
        }
    }
    ASSERT_NE(delayed, kNoSegment);
    // The server's ACK was delayed by rule 2 and duplicated by rule 3: both give way.
    const auto edit = WhatIf::delay(threeFaults(), run, delayed, 300ms);
    ASSERT_TRUE(edit.has_value());
    ASSERT_EQ(edit->scenario.faults.size(), 2U);
    EXPECT_EQ(edit->scenario.faults[0].action, FaultAction::Drop);
    EXPECT_EQ(edit->scenario.faults[1].action, FaultAction::Delay);
    EXPECT_EQ(edit->scenario.faults[1].delay, 300ms);
    EXPECT_EQ(edit->scenario.faults[1].ordinal, run.index().segment(delayed).ordinal);
    EXPECT_FALSE(WhatIf::delay(threeFaults(), run, delayed, 0ms).has_value());
}

TEST(WhatIf, RestoreRemovesTheRulesTheTraceNames) {
    const ui::Run run(test::handmadeFaultyClose());
    const Trace& trace = run.trace();
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const TraceIndex::SegmentInfo& info = run.index().segment(id);
        if (info.fate == TraceIndex::Fate::Dropped) {
            EXPECT_FALSE(WhatIf::drop(threeFaults(), run, id).has_value()) << "already dropped";
            const auto edit = WhatIf::restore(threeFaults(), run, id);
            ASSERT_TRUE(edit.has_value());
            ASSERT_EQ(edit->scenario.faults.size(), 2U);
            EXPECT_EQ(edit->scenario.faults[0].action, FaultAction::Delay);
        }
        if (trace.segments[id].duplicateOf != kNoSegment) {
            EXPECT_FALSE(WhatIf::canFault(run, id)) << "a copy cannot be picked on its own";
            EXPECT_TRUE(WhatIf::canRestore(run, id));
        }
    }
    const SegmentId syn = 0;
    EXPECT_FALSE(WhatIf::canRestore(run, syn));
    EXPECT_FALSE(WhatIf::restore(threeFaults(), run, syn).has_value());
}

} // namespace
} // namespace tdl::ui
