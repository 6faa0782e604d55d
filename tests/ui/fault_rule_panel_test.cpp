#include "Document.h"
#include "FaultRulePanel.h"
#include "FaultRuleText.h"
#include "PresetCatalog.h"
#include "Translations.h"
#include "WhatIf.h"
#include "trace_query.h"

#include <QListWidget>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

Scenario preset(const char* id) {
    static const PresetCatalog catalog(QStringLiteral(TDL_SOURCE_DIR "/resources/scenarios"));
    const PresetCatalog::Preset* found = catalog.find(QLatin1String(id));
    EXPECT_NE(found, nullptr) << id;
    return found != nullptr ? found->scenario : Scenario{};
}

FaultRule firstFinOfServer() {
    FaultRule rule;
    rule.from = "server";
    rule.flags = flag::kFin;
    rule.nth = 1;
    return rule;
}

TEST(FaultRuleText, SaysWhichSegmentTheRulePicksAndWhatItDoes) {
    EXPECT_EQ(FaultRuleText::describe(firstFinOfServer()),
              QStringLiteral("drop the server's first FIN"));
    // lost-final-ack's rule: the client's second ACK that is only an ACK.
    EXPECT_EQ(FaultRuleText::describe(preset("lost-final-ack").faults.at(0)),
              QStringLiteral("drop the client's second pure ACK"));
    FaultRule delay;
    delay.from = "client";
    delay.to = "server";
    delay.ordinal = 4;
    delay.action = FaultAction::Delay;
    delay.delay = 300ms;
    EXPECT_EQ(FaultRuleText::describe(delay),
              QStringLiteral("delay the client's segment #4 to the server by 300 ms"));
    FaultRule every;
    every.flags = flag::kRst;
    every.action = FaultAction::Duplicate;
    EXPECT_EQ(FaultRuleText::describe(every), QStringLiteral("duplicate every RST"));
}

TEST(FaultRuleText, OrdinalWords) {
    EXPECT_EQ(FaultRuleText::ordinalWord(3), QStringLiteral("third"));
    EXPECT_EQ(FaultRuleText::ordinalWord(4), QStringLiteral("4th"));
    EXPECT_EQ(FaultRuleText::ordinalWord(12), QStringLiteral("12th"));
    EXPECT_EQ(FaultRuleText::ordinalWord(21), QStringLiteral("21st"));
    EXPECT_EQ(FaultRuleText::ordinalWord(113), QStringLiteral("113th"));
}

TEST(FaultRuleText, InChinese) {
    Translations translations;
    ASSERT_TRUE(translations.setLanguage(QStringLiteral("zh_CN")));
    const QString text = FaultRuleText::describe(firstFinOfServer());
    translations.setLanguage(QStringLiteral("en"));
    EXPECT_EQ(text, QStringLiteral("丢弃 server 的第一个 FIN"));
}

QListWidget* rulesOf(FaultRulePanel& panel) {
    return panel.findChild<QListWidget*>(QStringLiteral("faultRules"));
}

TEST(FaultRulePanel, ListsEachRuleWithWhatItDidAndShowsItsSegment) {
    Document document;
    Scenario scenario = preset("lost-final-ack");
    FaultRule idle = firstFinOfServer();
    idle.flags = flag::kRst; // nobody resets in this story
    scenario.faults.push_back(idle);
    FaultRulePanel panel(&document);
    ASSERT_FALSE(document.open(scenario, QString()));
    QListWidget* rules = rulesOf(panel);
    ASSERT_NE(rules, nullptr);
    ASSERT_EQ(rules->count(), 2);
    const QStringList first = rules->item(0)->text().split(QLatin1Char('\n'));
    ASSERT_EQ(first.size(), 2);
    EXPECT_EQ(first[0], QStringLiteral("drop the client's second pure ACK"));
    EXPECT_TRUE(first[1].startsWith(QLatin1String("acted on ACK"))) << first[1].toStdString();
    EXPECT_EQ(rules->item(1)->text(),
              QStringLiteral("drop the server's first RST\nmatches nothing"));

    const auto actedOn = FaultRulePanel::segmentsActedOn(document.run()->trace(), 2);
    ASSERT_EQ(actedOn.at(0).size(), 1U);
    EXPECT_TRUE(actedOn.at(1).empty());
    EXPECT_EQ(document.run()->index().segment(actedOn[0][0]).fate, TraceIndex::Fate::Dropped);

    QSignalSpy requested(&panel, &FaultRulePanel::segmentRequested);
    panel.selectRule(0);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.front().front().value<SegmentId>(), actedOn[0][0]);
    panel.selectRule(1);
    EXPECT_EQ(requested.count(), 1) << "a rule that acts on nothing has no segment to show";
}

TEST(FaultRulePanel, DeleteRemovesTheRuleUndoably) {
    Document document;
    FaultRulePanel panel(&document);
    ASSERT_FALSE(document.open(preset("lost-final-ack"), QString()));
    EXPECT_FALSE(panel.deleteSelected()) << "nothing selected";
    panel.selectRule(0);
    ASSERT_TRUE(panel.deleteSelected());
    EXPECT_TRUE(document.scenario().faults.empty());
    EXPECT_EQ(rulesOf(panel)->count(), 0);
    document.undoStack()->undo();
    EXPECT_EQ(document.scenario().faults.size(), 1U);
    EXPECT_EQ(rulesOf(panel)->count(), 1);
}

TEST(FaultRulePanel, EditsADelayRulesDelayUndoably) {
    Document document;
    FaultRulePanel panel(&document);
    const Scenario scenario = preset("four-way-close");
    ASSERT_FALSE(document.open(scenario, QString()));
    const test::TraceQuery query(document.run()->trace());
    SegmentId fin = kNoSegment;
    for (const SegmentRecord* record : query.sentBy("client")) {
        if (record->segment.has(flag::kFin)) {
            fin = query.idOf(record);
            break;
        }
    }
    const auto edit = WhatIf::delay(scenario, *document.run(), fin, 300ms);
    ASSERT_TRUE(edit);
    ASSERT_FALSE(document.edit(edit->scenario, edit->description));
    panel.selectRule(0);
    ASSERT_TRUE(panel.setSelectedDelay(500ms));
    EXPECT_EQ(document.scenario().faults.at(0).delay, 500ms);
    // The run is the new one: the trace records the new extra delay.
    const auto delayed = test::TraceQuery(document.run()->trace()).facts(FactKind::SegmentDelayed);
    ASSERT_EQ(delayed.size(), 1U);
    EXPECT_EQ(delayed.front()->reason.args[1], 500'000);
    EXPECT_FALSE(panel.setSelectedDelay(500ms)) << "no change, no undo step";
    document.undoStack()->undo();
    EXPECT_EQ(document.scenario().faults.at(0).delay, 300ms);
    EXPECT_EQ(panel.selectedRule(), 0U);
}

TEST(FaultRulePanel, ADropRuleHasNoDelayToEdit) {
    Document document;
    FaultRulePanel panel(&document);
    ASSERT_FALSE(document.open(preset("lost-final-ack"), QString()));
    panel.selectRule(0);
    EXPECT_FALSE(panel.setSelectedDelay(100ms));
    EXPECT_EQ(document.undoStack()->count(), 0);
}

} // namespace
} // namespace tdl::ui
