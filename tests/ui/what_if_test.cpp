#include "FaultRuleText.h"
#include "PresetCatalog.h"
#include "Translations.h"
#include "WhatIf.h"
#include "handmade_trace.h"
#include "scenario_json.h"
#include "simulator.h"
#include "trace_query.h"

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

TEST(WhatIf, DropPicksTheSegmentByWhatItIs) {
    const ui::Run run(test::handmadeFourWayClose());
    const Trace& trace = run.trace();
    const SegmentId lastAck = static_cast<SegmentId>(trace.segments.size() - 1);
    const auto edit = WhatIf::drop(Scenario{}, run, lastAck);
    ASSERT_TRUE(edit.has_value());
    ASSERT_EQ(edit->scenario.faults.size(), 1U);
    const FaultRule& rule = edit->scenario.faults[0];
    const SegmentRecord& record = trace.segments[lastAck];
    const SocketInfo* sender = trace.socket(record.segment.sender);
    ASSERT_NE(sender, nullptr);
    EXPECT_EQ(rule.action, FaultAction::Drop);
    EXPECT_EQ(rule.ordinal, 0U) << "not by its position among the segments sent";
    EXPECT_EQ(rule.from, "client");
    EXPECT_EQ(rule.to, "server");
    EXPECT_EQ(rule.socket, sender->name);
    EXPECT_EQ(rule.flags, flag::kAck);
    EXPECT_EQ(rule.notFlags, flag::kSyn | flag::kFin | flag::kRst | flag::kPsh);
    EXPECT_EQ(rule.data, 0);
    ASSERT_TRUE(rule.seq.has_value());
    EXPECT_EQ(*rule.seq, record.segment.seq.value() - sender->isn.value());
    // The client's earlier pure ACKs had lower sequence numbers: this is the first at its own.
    EXPECT_EQ(rule.nth, 1U);
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
    EXPECT_EQ(edit->scenario.faults[1].seq,
              trace.segments[delayed].segment.seq.value() -
                  trace.socket(trace.segments[delayed].segment.sender)->isn.value());
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

Scenario preset(const char* id) {
    static const PresetCatalog catalog(QStringLiteral(TDL_SOURCE_DIR "/resources/scenarios"));
    const PresetCatalog::Preset* found = catalog.find(QLatin1String(id));
    EXPECT_NE(found, nullptr) << id;
    return found != nullptr ? found->scenario : Scenario{};
}

// The first segment `host` sent with a FIN (a duplicate rule's copy is not sent by the host).
SegmentId firstFinFrom(const Trace& trace, const std::string& host) {
    for (const SegmentRecord* record : test::TraceQuery(trace).sentBy(host)) {
        if (record->segment.has(flag::kFin)) {
            return test::TraceQuery(trace).idOf(record);
        }
    }
    return kNoSegment;
}

// Issue 13: an edit to an earlier segment changes how many segments come before a later one; a
// rule already made for that later one must still pick it.
TEST(WhatIf, StackedEdits_ADropKeepsItsSegmentWhenAnEarlierOneIsDelayed) {
    const Scenario original = preset("lost-final-ack");
    const ui::Run before(simulate(original));
    const SegmentId serverFin = firstFinFrom(before.trace(), "server");
    ASSERT_NE(serverFin, kNoSegment);
    const auto dropped = WhatIf::drop(original, before, serverFin);
    ASSERT_TRUE(dropped.has_value());
    const std::size_t dropRule = dropped->scenario.faults.size(); // 1-based: the last
    EXPECT_EQ(FaultRuleText::describe(dropped->scenario.faults.back()),
              QStringLiteral("drop the server's first FIN on socket s to the client"));

    const ui::Run middle(simulate(dropped->scenario));
    const SegmentId clientFin = firstFinFrom(middle.trace(), "client");
    ASSERT_NE(clientFin, kNoSegment);
    const SegmentId serverFinNow = firstFinFrom(middle.trace(), "server");
    ASSERT_NE(serverFinNow, kNoSegment);
    ASSERT_EQ(middle.index().segment(serverFinNow).fate, TraceIndex::Fate::Dropped);
    ASSERT_LT(middle.index().segment(clientFin).ordinal,
              middle.index().segment(serverFinNow).ordinal)
        << "the delayed segment comes before the dropped one";
    const auto delayed = WhatIf::delay(dropped->scenario, middle, clientFin, 300ms);
    ASSERT_TRUE(delayed.has_value());
    ASSERT_EQ(delayed->scenario.faults.size(), dropRule + 1);
    // Saved and opened again, the rules are the same rules.
    const LoadResult reopened = parseScenario(serializeScenario(delayed->scenario), "edited.json");
    ASSERT_TRUE(std::holds_alternative<Scenario>(reopened));
    EXPECT_EQ(std::get<Scenario>(reopened).faults, delayed->scenario.faults);

    const Trace after = simulate(delayed->scenario);
    const test::TraceQuery q(after);
    std::vector<const SegmentRecord*> serverFins;
    for (const SegmentRecord* record : q.sentBy("server")) {
        if (record->segment.has(flag::kFin)) {
            serverFins.push_back(record);
        }
    }
    ASSERT_GE(serverFins.size(), 2U) << "the server's FIN is retransmitted\n" << q.dump();
    EXPECT_EQ(serverFins[1]->segment.seq, serverFins[0]->segment.seq);
    EXPECT_FALSE(serverFins[0]->deliveredAt.has_value()) << q.dump();
    const Fact* drop = nullptr;
    for (const Fact* fact : q.facts(FactKind::SegmentDropped)) {
        if (fact->segment == q.idOf(serverFins[0])) {
            drop = fact;
        }
    }
    ASSERT_NE(drop, nullptr) << q.dump();
    EXPECT_EQ(drop->reason.code, Cause::FaultDrop);
    EXPECT_EQ(drop->reason.args[0], static_cast<std::int64_t>(dropRule));
    EXPECT_TRUE(serverFins[1]->deliveredAt.has_value()) << q.dump();
    // And the delay still holds up the client's FIN.
    const auto held = q.facts(FactKind::SegmentDelayed);
    ASSERT_EQ(held.size(), 1U) << q.dump();
    EXPECT_TRUE(after.segments[held.front()->segment].segment.has(flag::kFin));
    EXPECT_EQ(held.front()->host, q.host("client"));

    // The retransmission is the FIN's second transmission: the dropped one counts.
    const ui::Run stacked(after);
    const auto again = WhatIf::delay(delayed->scenario, stacked, q.idOf(serverFins[1]), 300ms);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->scenario.faults.back().nth, 2U);
    EXPECT_EQ(FaultRuleText::describe(again->scenario.faults.back()),
              QStringLiteral("delay the server's second transmission of its FIN on socket s to the "
                             "client by 300 ms"));
    Translations translations;
    ASSERT_TRUE(translations.setLanguage(QStringLiteral("zh_CN")));
    const QString chinese = FaultRuleText::describe(again->scenario.faults.back());
    translations.setLanguage(QStringLiteral("en"));
    EXPECT_EQ(chinese, QStringLiteral(
                           "将 server 的第二次发送的 FIN（套接字 s，发往 client） 延迟 300 毫秒"));
}

TEST(WhatIf, ARuleForAPureAckNamesItsSequenceNumber) {
    const ui::Run run(simulate(preset("four-way-close")));
    const Trace& trace = run.trace();
    const SegmentId lastAck = static_cast<SegmentId>(trace.segments.size() - 1);
    ASSERT_EQ(trace.segments[lastAck].segment.flags, flag::kAck);
    const auto edit = WhatIf::drop(Scenario{}, run, lastAck);
    ASSERT_TRUE(edit.has_value());
    const FaultRule& rule = edit->scenario.faults.back();
    ASSERT_TRUE(rule.seq.has_value());
    EXPECT_EQ(FaultRuleText::describe(rule),
              QStringLiteral("drop the client's first pure ACK at seq %1 on socket c to the server")
                  .arg(*rule.seq));
    // A hand-written rule with a socket and no sender still names its socket.
    FaultRule anyFinOfC;
    anyFinOfC.socket = "c";
    anyFinOfC.flags = flag::kFin;
    EXPECT_EQ(FaultRuleText::describe(anyFinOfC), QStringLiteral("drop every FIN on socket c"));
}

} // namespace
} // namespace tdl::ui
