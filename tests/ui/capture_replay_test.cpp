// "Replay as Linux…" in the main window: the engine's run of a real capture drawn read-only, each
// difference from Linux marked on the diagram and listed, a listed one moving the time cursor.

#include "CaptureReplayDock.h"
#include "Document.h"
#include "MainWindow.h"
#include "Player.h"
#include "ReplayDialog.h"
#include "ReplayDifferenceList.h"
#include "ReplayDifferenceOverlay.h"
#include "SequenceDiagramView.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

QString dataFile(const char* name) {
    return QStringLiteral(TDL_SOURCE_DIR "/tests/capture/data/") + QLatin1String(name);
}

ReplayOptions serverAs(KernelProfile profile) {
    ReplayOptions options;
    options.side.kind = ReplaySide::Kind::Server;
    options.profile = profile;
    options.sysctls = defaultSysctls(profile);
    return options;
}

class CaptureReplayTest : public testing::Test {
protected:
    void SetUp() override {
        dock_ = window_.findChild<CaptureReplayDock*>(QStringLiteral("replayDock"));
        ASSERT_NE(dock_, nullptr);
        action_ = window_.findChild<QAction*>(QStringLiteral("replayAsLinux"));
        ASSERT_NE(action_, nullptr);
    }

    MainWindow window_;
    CaptureReplayDock* dock_ = nullptr;
    QAction* action_ = nullptr;
};

TEST_F(CaptureReplayTest, OnlyACaptureCanBeReplayed) {
    EXPECT_FALSE(action_->isEnabled()) << "a preset is open";
    ASSERT_TRUE(window_.openFile(dataFile("lost-final-ack.pcap")));
    EXPECT_TRUE(action_->isEnabled());
}

TEST_F(CaptureReplayTest, FourWayClose_AsLinux6_NoDifference) {
    ASSERT_TRUE(window_.openFile(dataFile("four-way-close.pcap")));
    const RunPtr captured = window_.document()->run();
    ASSERT_FALSE(dock_->replay(serverAs(KernelProfile::Linux6)).has_value());
    EXPECT_NE(window_.document()->run(), captured) << "the engine's run is shown";
    EXPECT_TRUE(window_.document()->isReadOnly());
    QStringList listed;
    for (const ReplayDifference& d : dock_->list()->differences()) {
        listed << ReplayDifferenceList::text(d);
    }
    EXPECT_TRUE(dock_->list()->differences().empty()) << listed.join('\n').toStdString();
    ASSERT_EQ(dock_->list()->count(), 1);
    EXPECT_FALSE(dock_->list()->item(0)->flags().testFlag(Qt::ItemIsSelectable));
    EXPECT_FALSE(dock_->marks()->isVisibleTo(window_.diagram()));
}

TEST_F(CaptureReplayTest, LostFinalAck_AsRfc9293_TheDifferencesAreMarkedAndListed) {
    ASSERT_TRUE(window_.openFile(dataFile("lost-final-ack.pcap")));
    ASSERT_FALSE(dock_->replay(serverAs(KernelProfile::Rfc9293)).has_value());
    const std::vector<ReplayDifference>& differences = dock_->list()->differences();
    // The FIN re-sent later than the capture shows, and a re-send the RFC host never makes.
    ASSERT_EQ(differences.size(), 2U);
    EXPECT_EQ(differences[0].kind, ReplayDifferenceKind::Timing);
    EXPECT_EQ(differences[1].kind, ReplayDifferenceKind::Unexpected);
    EXPECT_EQ(dock_->list()->count(), 2);
    EXPECT_TRUE(dock_->isVisibleTo(&window_));
    EXPECT_TRUE(dock_->marks()->isVisibleTo(window_.diagram()));
    EXPECT_EQ(dock_->marks()->differences().size(), 2U);
    // The run carries each difference as an anomaly fact on the Linux host.
    const Trace& trace = window_.document()->run()->trace();
    const auto anomalies = std::count_if(trace.facts.begin(), trace.facts.end(), [](const Fact& f) {
        return f.kind == FactKind::Anomaly && f.reason.code == Cause::ReplayTimeDiffers;
    });
    EXPECT_EQ(anomalies, 1);

    // The first is chosen: the cursor is at Linux's time, the labels say both times.
    EXPECT_EQ(dock_->marks()->chosen(), 0);
    EXPECT_EQ(window_.player()->time(), *differences[0].linuxAt);
    EXPECT_TRUE(
        dock_->marks()->expectedLabel().startsWith(QStringLiteral("Linux would send it at")));
    EXPECT_TRUE(dock_->marks()->actualLabel().startsWith(QStringLiteral("The capture shows it")));

    // Choosing the second moves the cursor to it: the capture's time, Linux sent nothing.
    dock_->list()->setCurrentRow(1);
    EXPECT_EQ(dock_->marks()->chosen(), 1);
    EXPECT_FALSE(differences[1].linuxAt.has_value());
    EXPECT_EQ(window_.player()->time(), *differences[1].capturedAt);
    EXPECT_EQ(dock_->marks()->expectedLabel(), QStringLiteral("Linux would send nothing here"));

    // Anything else opened forgets them.
    ASSERT_TRUE(window_.openFile(dataFile("four-way-close.pcap")));
    EXPECT_TRUE(dock_->list()->differences().empty());
    EXPECT_FALSE(dock_->marks()->isVisibleTo(window_.diagram()));
}

TEST(ReplayDialog, ASysctlLineIsCheckedAsSysctlWChecksIt) {
    ReplayDialog dialog;
    dialog.profile()->setCurrentIndex(0);
    dialog.sysctls()->setPlainText(QStringLiteral("net.ipv4.tcp_fin_timeout = 30\n"
                                                  "net.ipv4.tcp_tw_reuse = 7\n"));
    const auto refusal = dialog.read();
    ASSERT_TRUE(refusal.has_value());
    EXPECT_TRUE(refusal->startsWith(QStringLiteral("Line 2: "))) << refusal->toStdString();

    dialog.sysctls()->setPlainText(QStringLiteral("net.ipv4.tcp_fin_timeout = 30"));
    dialog.side()->setCurrentIndex(1);
    ASSERT_FALSE(dialog.read().has_value());
    EXPECT_EQ(dialog.options().side.kind, ReplaySide::Kind::Client);
    EXPECT_EQ(sysctlValueText(dialog.options().sysctls, "net.ipv4.tcp_fin_timeout"), "30");
}

} // namespace
} // namespace tdl::ui
