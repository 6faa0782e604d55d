#include "Document.h"
#include "FirstDifference.h"
#include "Player.h"
#include "PresetCatalog.h"
#include "SequenceDiagramView.h"
#include "SideBySideView.h"
#include "WhatIf.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QVBoxLayout>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

const PresetCatalog& catalog() {
    static const PresetCatalog presets(QStringLiteral(TDL_SOURCE_DIR "/resources/scenarios"));
    return presets;
}

const Scenario& preset(const char* id) {
    const PresetCatalog::Preset* found = catalog().find(QLatin1String(id));
    if (found == nullptr) {
        throw std::invalid_argument(id);
    }
    return found->scenario;
}

RunPtr run(const Scenario& scenario) {
    QString error;
    RunPtr result = Document::simulate(scenario, &error);
    EXPECT_TRUE(result) << error.toStdString();
    return result;
}

// The first segment `host` sends with FIN.
SegmentId firstFin(const Trace& trace, const std::string& host) {
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const SegmentRecord& record = trace.segments[id];
        if (record.segment.has(flag::kFin) && trace.hosts[record.from].name == host) {
            return id;
        }
    }
    return kNoSegment;
}

// The four-way close with the client's FIN lost on the way.
Scenario withClientFinDropped() {
    const Scenario& original = preset("four-way-close");
    const RunPtr before = run(original);
    const SegmentId fin = firstFin(before->trace(), "client");
    EXPECT_NE(fin, kNoSegment);
    const auto edit = WhatIf::drop(original, *before, fin);
    EXPECT_TRUE(edit);
    return edit ? edit->scenario : original;
}

TEST(FirstDifference, IdenticalRunsHaveNone) {
    const RunPtr a = run(preset("four-way-close"));
    const RunPtr b = run(preset("four-way-close"));
    EXPECT_FALSE(FirstDifference::find(a->trace(), b->trace()));
    EXPECT_FALSE(FirstDifference::find(a->trace(), a->trace()));
}

TEST(FirstDifference, ADroppedFinIsTheDrop) {
    const RunPtr before = run(preset("four-way-close"));
    const RunPtr after = run(withClientFinDropped());
    const auto difference = FirstDifference::find(before->trace(), after->trace());
    ASSERT_TRUE(difference);
    const Trace& dropped = after->trace();
    ASSERT_NE(difference->factB(), FirstDifference::kNone);
    const Fact& fact = dropped.facts[difference->factB()];
    EXPECT_EQ(fact.kind, FactKind::SegmentDropped);
    ASSERT_LT(fact.segment, dropped.segments.size());
    EXPECT_TRUE(dropped.segments[fact.segment].segment.has(flag::kFin));
    EXPECT_EQ(dropped.hosts[dropped.segments[fact.segment].from].name, "client");
    EXPECT_EQ(difference->at(), fact.at);
    // Everything before the drop is the same in both runs.
    EXPECT_GE(difference->at(), dropped.segments[fact.segment].sentAt);
    const QString sentence =
        difference->sentence(before->trace(), dropped, QStringLiteral("A"), QStringLiteral("B"));
    EXPECT_TRUE(sentence.contains(QLatin1String("FIN"))) << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(QLatin1String("lost"))) << sentence.toStdString();
    // Swapped, the same point is found from the other side.
    const auto swapped = FirstDifference::find(dropped, before->trace());
    ASSERT_TRUE(swapped);
    EXPECT_EQ(swapped->at(), difference->at());
    EXPECT_EQ(swapped->factA(), difference->factB());
    EXPECT_EQ(swapped->factB(), difference->factA());
}

TEST(FirstDifference, ARunThatStopsEarlyDiffersWhereItStops) {
    const RunPtr full = run(preset("four-way-close"));
    Trace shorter = full->trace();
    const std::size_t kept = shorter.facts.size() - 5;
    // The first compared fact among those cut off is where the runs part.
    std::size_t firstCut = kept;
    while (firstCut < shorter.facts.size() &&
           (shorter.facts[firstCut].kind == FactKind::TimerArmed ||
            shorter.facts[firstCut].kind == FactKind::TimerFired ||
            shorter.facts[firstCut].kind == FactKind::TimerCancelled)) {
        ++firstCut;
    }
    ASSERT_LT(firstCut, shorter.facts.size());
    shorter.facts.resize(kept);
    const auto difference = FirstDifference::find(full->trace(), shorter);
    ASSERT_TRUE(difference);
    EXPECT_EQ(difference->factB(), FirstDifference::kNone);
    EXPECT_EQ(difference->factA(), firstCut);
    EXPECT_EQ(difference->at(), full->trace().facts[firstCut].at);
}

TEST(FirstDifference, AnotherSysctlShowsWhereTheRunsPart) {
    Scenario shorter = preset("fin-wait-2-timeout");
    const RunPtr before = run(shorter);
    for (HostConfig& host : shorter.hosts) {
        ASSERT_FALSE(setSysctl(host.sysctls, host.profile, "net.ipv4.tcp_fin_timeout", "5"));
    }
    const RunPtr after = run(shorter);
    const auto difference = FirstDifference::find(before->trace(), after->trace());
    ASSERT_TRUE(difference);
    // The orphan leaves FIN-WAIT-2 when tcp_fin_timeout says; the other run has nothing then.
    EXPECT_EQ(difference->factA(), FirstDifference::kNone);
    ASSERT_NE(difference->factB(), FirstDifference::kNone);
    const Fact& timeout = after->trace().facts[difference->factB()];
    EXPECT_EQ(timeout.kind, FactKind::StateChanged);
    EXPECT_EQ(timeout.from, TcpState::FinWait2);
}

class SideBySideTest : public testing::Test {
protected:
    SideBySideTest() {
        QObject::connect(&document_, &Document::runChanged, &player_, &Player::setRun);
        dock_ = new QDockWidget(&window_);
        dock_->setObjectName(QStringLiteral("panel"));
        window_.addDockWidget(Qt::LeftDockWidgetArea, dock_);
        auto* central = new QWidget(&window_);
        auto* layout = new QVBoxLayout(central);
        single_ = new QWidget(central);
        layout->addWidget(single_);
        view_ = new SideBySideView(&document_, &player_, &catalog(), central);
        layout->addWidget(view_);
        view_->attach(&window_, single_);
        window_.setCentralWidget(central);
        window_.resize(1200, 800);
        window_.show();
    }

    Document document_;
    Player player_;
    QMainWindow window_;
    QDockWidget* dock_;
    QWidget* single_;
    SideBySideView* view_;
};

TEST_F(SideBySideTest, TwoDiagramsOneCursorAndTheDropMarkedOnBoth) {
    ASSERT_FALSE(document_.open(preset("four-way-close"), QString()));
    ASSERT_TRUE(dock_->isVisible());
    view_->toggleAction()->trigger();
    ASSERT_TRUE(view_->isActive());
    EXPECT_TRUE(view_->isVisible());
    EXPECT_FALSE(single_->isVisible());
    EXPECT_FALSE(dock_->isVisible()) << "the side panels make room";
    EXPECT_FALSE(view_->difference()) << "no edit yet: the same run twice";

    ASSERT_FALSE(document_.edit(withClientFinDropped(), QStringLiteral("drop")));
    ASSERT_TRUE(view_->difference());
    const Trace& now = document_.run()->trace();
    const Fact& drop = now.facts[view_->difference()->factB()];
    EXPECT_EQ(drop.kind, FactKind::SegmentDropped);
    EXPECT_EQ(view_->right()->selectedSegment(), drop.segment) << "marked on the right";
    EXPECT_EQ(view_->leftRun()->trace().facts.size(),
              run(preset("four-way-close"))->trace().facts.size())
        << "the left is the run as opened";
    EXPECT_TRUE(view_->differenceText().contains(QLatin1String("FIN")));

    // One cursor: the player moves both, and a double-click on either moves the player.
    player_.seek(150ms);
    EXPECT_EQ(view_->left()->time(), 150ms);
    EXPECT_EQ(view_->right()->time(), 150ms);
    emit view_->left()->timeRequested(210ms);
    EXPECT_EQ(player_.time(), 210ms);
    EXPECT_EQ(view_->right()->time(), 210ms);
    emit view_->right()->timeRequested(90ms);
    EXPECT_EQ(view_->left()->time(), 90ms);

    // Undo brings the runs together again.
    document_.undoStack()->undo();
    EXPECT_FALSE(view_->difference());

    view_->toggleAction()->trigger();
    EXPECT_FALSE(view_->isActive());
    EXPECT_FALSE(view_->isVisible());
    EXPECT_TRUE(single_->isVisible());
    EXPECT_TRUE(dock_->isVisible()) << "leaving restores the layout";
}

TEST_F(SideBySideTest, AnotherPresetOnTheLeft) {
    ASSERT_FALSE(document_.open(preset("four-way-close"), QString()));
    view_->setActive(true);
    int simultaneous = -1;
    int choice = 1;
    for (const PresetCatalog::Preset& p : catalog().presets()) {
        if (p.scenario.load) {
            continue;
        }
        if (p.scenario.id == "simultaneous-close") {
            simultaneous = choice;
        }
        ++choice;
    }
    ASSERT_GT(simultaneous, 0);
    view_->setBaseline(simultaneous);
    ASSERT_TRUE(view_->leftRun());
    EXPECT_EQ(view_->leftRun()->trace().facts.size(),
              run(preset("simultaneous-close"))->trace().facts.size());
    EXPECT_TRUE(view_->difference());
    view_->setBaseline(0);
    EXPECT_FALSE(view_->difference());
}

} // namespace
} // namespace tdl::ui
