#include "CauseCatalog.h"
#include "EventLogView.h"
#include "MainWindow.h"
#include "QtWarningGuard.h"
#include "SequenceDiagramView.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenuBar>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

class MainWindowTest : public testing::Test {
protected:
    void TearDown() override { switchLanguage(QStringLiteral("en")); }

    // Qt posts LanguageChange to the widgets; deliver it as the event loop would.
    void switchLanguage(const QString& language) {
        window_.setLanguage(language);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }

    QAction* action(const char* name) const {
        auto* found = window_.findChild<QAction*>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    // The last segment the client sends: its ACK of the server's FIN.
    SegmentId finalAck() const {
        const Trace& trace = window_.document()->run()->trace();
        for (SegmentId id = static_cast<SegmentId>(trace.segments.size()); id-- > 0;) {
            if (trace.hosts[trace.segments[id].from].name == "client") {
                return id;
            }
        }
        return kNoSegment;
    }

    // The rows of the event log as the user sees them, "what — why".
    QStringList logRows() const {
        const EventLogModel* model = window_.eventLog()->logModel();
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            rows << model->data(model->index(row, EventLogModel::WhatColumn)).toString() +
                        QStringLiteral(" — ") +
                        model->data(model->index(row, EventLogModel::WhyColumn)).toString();
        }
        return rows;
    }

    MainWindow window_;
};

TEST_F(MainWindowTest, OpensEveryPresetWithoutAQtWarning) {
    ASSERT_FALSE(window_.presets().presets().empty());
    EXPECT_TRUE(window_.presets().errors().isEmpty())
        << window_.presets().errors().join('\n').toStdString();
    window_.resize(1400, 900);
    window_.show();
    for (const PresetCatalog::Preset& preset : window_.presets().presets()) {
        if (preset.scenario.load) {
            continue; // the load explorer's, tested in load_explorer_test.cpp
        }
        const QString id = QString::fromStdString(preset.scenario.id);
        QString error;
        // A preset that does not run would open a message box; report it here instead.
        ASSERT_TRUE(Document::simulate(preset.scenario, &error))
            << id.toStdString() << ": " << error.toStdString();
        const test::QtWarningGuard guard;
        EXPECT_TRUE(window_.openPreset(id)) << id.toStdString();
        window_.player()->stepBackward();
        window_.grab(); // paint every view once
        window_.player()->toStart();
        window_.grab();
        EXPECT_TRUE(guard.messages().empty())
            << id.toStdString() << ": " << guard.report().toStdString();
        EXPECT_EQ(window_.document()->scenario().id, preset.scenario.id);
    }
}

TEST_F(MainWindowTest, DroppingTheFinalAckMakesTheServerRetransmitItsFin) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const QString retransmission = CauseCatalog::sentence(Reason(Cause::Retransmit, 1));
    ASSERT_FALSE(logRows().join('\n').contains(retransmission));
    const SegmentId ack = finalAck();
    ASSERT_NE(ack, kNoSegment);
    ASSERT_EQ(window_.document()->run()->trace().segments[ack].segment.flags, flag::kAck);

    // What the context menu does: select the segment, then trigger the shared action.
    window_.selectSegment(ack);
    QAction* drop = action("dropSegment");
    ASSERT_TRUE(drop->isEnabled());
    drop->trigger();

    ASSERT_EQ(window_.document()->scenario().faults.size(), 1U);
    EXPECT_TRUE(window_.isWindowModified());
    const QStringList rows = logRows();
    const auto retransmittedFin = std::find_if(rows.begin(), rows.end(), [&](const QString& row) {
        return row.startsWith(QLatin1String("sends FIN")) && row.endsWith(retransmission);
    });
    EXPECT_NE(retransmittedFin, rows.end()) << rows.join('\n').toStdString();
    // The diagram and the log show the new run, and the cursor stayed where it was.
    EXPECT_EQ(window_.eventLog()->logModel()->rowCount(),
              static_cast<int>(window_.document()->run()->trace().facts.size()));
    EXPECT_EQ(window_.selectedSegment(), ack);
    EXPECT_FALSE(action("dropSegment")->isEnabled()) << "it is dropped already";
    EXPECT_TRUE(action("restoreSegment")->isEnabled());
}

TEST_F(MainWindowTest, UndoRestoresTheOriginalTrace) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const RunPtr original = window_.document()->run();
    const Trace& before = original->trace();
    window_.selectSegment(finalAck());
    action("dropSegment")->trigger();
    ASSERT_NE(window_.document()->run()->trace().facts.size(), before.facts.size());

    action("undo")->trigger();
    const Trace& after = window_.document()->run()->trace();
    ASSERT_EQ(after.facts.size(), before.facts.size());
    for (std::size_t i = 0; i < before.facts.size(); ++i) {
        EXPECT_EQ(after.facts[i].at, before.facts[i].at) << i;
        EXPECT_EQ(after.facts[i].kind, before.facts[i].kind) << i;
        EXPECT_EQ(after.facts[i].reason, before.facts[i].reason) << i;
    }
    EXPECT_EQ(after.segments.size(), before.segments.size());
    EXPECT_TRUE(window_.document()->scenario().faults.empty());
    EXPECT_FALSE(window_.isWindowModified());
    EXPECT_EQ(window_.eventLog()->logModel()->rowCount(), static_cast<int>(before.facts.size()));

    action("redo")->trigger();
    EXPECT_EQ(window_.document()->scenario().faults.size(), 1U);
    action("resetToPreset")->trigger();
    EXPECT_TRUE(window_.document()->scenario().faults.empty());
}

TEST_F(MainWindowTest, StepActionsMoveThePlayer) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    action("toStart")->trigger();
    EXPECT_EQ(window_.player()->time(), SimTime{});
    action("stepForward")->trigger();
    const SimTime first = window_.player()->time();
    EXPECT_GT(first, SimTime{});
    action("nextState")->trigger();
    EXPECT_GT(window_.player()->time(), first);
    action("toEnd")->trigger();
    EXPECT_EQ(window_.player()->time(), window_.document()->run()->trace().end);
}

TEST_F(MainWindowTest, SwitchingToChineseChangesMenusAndExplanations) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const QString englishMenu = window_.menuBar()->actions().front()->text();
    const QString englishWhy = logRows().join('\n');
    EXPECT_EQ(englishMenu, QStringLiteral("&File"));

    switchLanguage(QStringLiteral("zh_CN"));
    EXPECT_TRUE(action("languageChinese")->isChecked());
    const QString chineseMenu = window_.menuBar()->actions().front()->text();
    EXPECT_TRUE(chineseMenu.contains(QStringLiteral("文件"))) << chineseMenu.toStdString();
    const QString chineseWhy = logRows().join('\n');
    EXPECT_NE(chineseWhy, englishWhy);
    EXPECT_TRUE(chineseWhy.contains(QStringLiteral("对端"))) << chineseWhy.toStdString();
    EXPECT_TRUE(action("dropSegment")->text().contains(QStringLiteral("丢弃")));

    switchLanguage(QStringLiteral("en"));
    EXPECT_EQ(window_.menuBar()->actions().front()->text(), QStringLiteral("&File"));
    EXPECT_EQ(logRows().join('\n'), englishWhy);
}

} // namespace
} // namespace tdl::ui
