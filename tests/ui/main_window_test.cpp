#include "AboutText.h"
#include "CauseCatalog.h"
#include "DataPaths.h"
#include "EventLogView.h"
#include "FaultRulePanel.h"
#include "MainWindow.h"
#include "QtWarningGuard.h"
#include "ScenarioLibraryView.h"
#include "SequenceDiagramView.h"
#include "Settings.h"
#include "version.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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

    QString label(const char* name) const {
        auto* found = window_.findChild<QLabel*>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found != nullptr ? found->text() : QString();
    }

    // Drops the selected segment as the context menu would.
    void drop(SegmentId id) {
        window_.selectSegment(id);
        ASSERT_TRUE(action("dropSegment")->isEnabled());
        action("dropSegment")->trigger();
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

// The library's current item is the preset that is open, however it was opened; never an
// interview question.
TEST_F(MainWindowTest, TheOpenPresetIsTheLibrarysCurrentItem) {
    auto* library = window_.findChild<ScenarioLibraryView*>();
    ASSERT_NE(library, nullptr);
    auto* tree = library->findChild<QTreeWidget*>();
    ASSERT_NE(tree, nullptr);
    const auto current = [&] {
        return tree->currentItem() == nullptr
                   ? QString()
                   : tree->currentItem()->data(0, Qt::UserRole + 1).toString();
    };
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    EXPECT_EQ(current(), QStringLiteral("four-way-close"));
    // As `teardown-lab resources/scenarios/lost-final-ack.json` from the source tree does.
    ASSERT_TRUE(window_.openFile(QStringLiteral(TDL_SOURCE_DIR) +
                                 QStringLiteral("/resources/scenarios/lost-final-ack.json")));
    EXPECT_EQ(current(), QStringLiteral("lost-final-ack"));
    ASSERT_TRUE(window_.openPreset(QStringLiteral("simultaneous-close")));
    EXPECT_EQ(current(), QStringLiteral("simultaneous-close"));
    // A packetdrill script is no preset: nothing is current, nothing stays selected.
    const QTemporaryDir folder;
    const QString script = folder.filePath(QStringLiteral("close.pkt"));
    ASSERT_FALSE(
        window_.exportTo(MainWindow::ExportFormat::Packetdrill, script, QStringLiteral("server")));
    ASSERT_TRUE(window_.openFile(script));
    EXPECT_EQ(current(), QString());
    EXPECT_TRUE(tree->selectedItems().isEmpty());
}

TEST_F(MainWindowTest, DroppingTheFinalAckMakesTheServerRetransmitItsFin) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    // On a SACK connection the FIN's first retransmission is a tail loss probe.
    const QString retransmission = CauseCatalog::sentence(Reason(Cause::TailLossProbe));
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

TEST_F(MainWindowTest, ExportMenu_OffersEveryFormatAndACaptureAtEachHost) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    auto* exportMenu = window_.findChild<QMenu*>(QStringLiteral("exportMenu"));
    ASSERT_NE(exportMenu, nullptr);
    QStringList names;
    for (const QAction* entry : exportMenu->actions()) {
        names << (entry->menu() != nullptr ? entry->menu()->objectName() : entry->objectName());
    }
    EXPECT_EQ(names,
              (QStringList{"exportPng", "exportSvg", "exportMermaid", "exportPlantUml", "",
                           "exportTrace", "captureMenu", "packetdrillMenu", "", "exportHandout"}));
    auto* captureMenu = window_.findChild<QMenu*>(QStringLiteral("captureMenu"));
    ASSERT_NE(captureMenu, nullptr);
    QStringList captures;
    for (const QAction* entry : captureMenu->actions()) {
        if (!entry->isSeparator()) {
            captures << entry->objectName();
        }
    }
    EXPECT_EQ(captures,
              (QStringList{"exportCapture", "exportCaptureAt:client", "exportCaptureAt:server"}));
    auto* packetdrillMenu = window_.findChild<QMenu*>(QStringLiteral("packetdrillMenu"));
    ASSERT_NE(packetdrillMenu, nullptr);
    QStringList scripts;
    for (const QAction* entry : packetdrillMenu->actions()) {
        scripts << entry->objectName();
    }
    EXPECT_EQ(scripts, (QStringList{"exportPacketdrill:client", "exportPacketdrill:server"}));
    EXPECT_TRUE(packetdrillMenu->isEnabled());
    for (const char* name : {"exportPng", "exportSvg", "exportMermaid", "exportPlantUml",
                             "exportTrace", "exportCapture", "exportHandout"}) {
        EXPECT_TRUE(action(name)->isEnabled()) << name;
    }
    EXPECT_EQ(action("exportHandout")->shortcut(), QKeySequence(QKeySequence::Print));
}

TEST_F(MainWindowTest, SuggestedExportPath_IsInTheDocumentsFolderOrHomeAndNamedAfterTheScenario) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(documents).isDir()) {
        documents = QDir::homePath();
    }
    using Format = MainWindow::ExportFormat;
    EXPECT_EQ(window_.suggestedExportPath(Format::Handout),
              QDir(documents).filePath(QStringLiteral("four-way-close.pdf")));
    EXPECT_EQ(window_.suggestedExportPath(Format::Pcap, QStringLiteral("server")),
              QDir(documents).filePath(QStringLiteral("four-way-close-at-server.pcap")));
    EXPECT_EQ(window_.suggestedExportPath(Format::Mermaid),
              QDir(documents).filePath(QStringLiteral("four-way-close.mmd")));
}

// The first bytes of a file, to tell its format.
QByteArray head(const QString& path, qint64 size) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(size) : QByteArray();
}

TEST_F(MainWindowTest, ExportTo_WritesEachFormatThroughItsWriter) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    using Format = MainWindow::ExportFormat;
    const struct {
        Format format;
        const char* name;
        QByteArray start;
    } cases[] = {
        {Format::Png, "d.png", QByteArray("\x89PNG")},
        {Format::Svg, "d.svg", QByteArray("<?xml")},
        {Format::TraceJsonl, "t.jsonl", QByteArray("{\"format\":\"teardown-lab-trace\"")},
        // pcap's magic number, little-endian, microsecond timestamps.
        {Format::Pcap, "c.pcap", QByteArray("\xd4\xc3\xb2\xa1")},
        {Format::Mermaid, "d.mmd", QByteArray("sequenceDiagram\n")},
        {Format::PlantUml, "d.puml", QByteArray("@startuml\n")},
        {Format::Handout, "h.pdf", QByteArray("%PDF-")},
    };
    for (const auto& c : cases) {
        const QString path = folder.filePath(QLatin1String(c.name));
        const auto error = window_.exportTo(c.format, path);
        ASSERT_FALSE(error) << c.name << ": " << error->toStdString();
        EXPECT_EQ(head(path, c.start.size()), c.start) << c.name;
    }
    // The markup explains causes in the event log's words.
    QFile mermaid(folder.filePath(QStringLiteral("d.mmd")));
    ASSERT_TRUE(mermaid.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(mermaid.readAll());
    EXPECT_TRUE(text.contains(CauseCatalog::sentence(Reason(Cause::FinOnClose))))
        << text.toStdString();
}

TEST_F(MainWindowTest, ExportTo_CaptureAtAHostHoldsWhatReachesIt) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const SegmentId ack = finalAck();
    window_.selectSegment(ack);
    action("dropSegment")->trigger(); // the server never sees this ACK
    const QTemporaryDir folder;
    const QString wire = folder.filePath(QStringLiteral("wire.pcap"));
    const QString atServer = folder.filePath(QStringLiteral("server.pcap"));
    ASSERT_FALSE(window_.exportTo(MainWindow::ExportFormat::Pcap, wire));
    ASSERT_FALSE(
        window_.exportTo(MainWindow::ExportFormat::Pcap, atServer, QStringLiteral("server")));
    EXPECT_LT(QFileInfo(atServer).size(), QFileInfo(wire).size());
    const auto error =
        window_.exportTo(MainWindow::ExportFormat::Pcap, folder.filePath(QStringLiteral("x.pcap")),
                         QStringLiteral("nobody"));
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("nobody"))) << error->toStdString();
}

TEST_F(MainWindowTest, ExportTo_PacketdrillScriptWithAHostUnderTest) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("close.pkt"));
    const auto error =
        window_.exportTo(MainWindow::ExportFormat::Packetdrill, path, QStringLiteral("server"));
    ASSERT_FALSE(error) << error->toStdString();
    QFile script(path);
    ASSERT_TRUE(script.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(script.readAll());
    EXPECT_TRUE(text.startsWith(QStringLiteral("// The four-way close\n"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\n0 listen(3, 128) = 0\n"))) << text.toStdString();
    const QString other = folder.filePath(QStringLiteral("nobody.pkt"));
    const auto refused =
        window_.exportTo(MainWindow::ExportFormat::Packetdrill, other, QStringLiteral("nobody"));
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->contains(QStringLiteral("\"nobody\""))) << refused->toStdString();
    EXPECT_FALSE(QFileInfo::exists(other));
}

TEST_F(MainWindowTest, ExportTo_AMissingFolder_FailsNamingTheFileAndLeavesNothing) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    const QTemporaryDir folder;
    for (const auto format : {MainWindow::ExportFormat::Mermaid, MainWindow::ExportFormat::Handout,
                              MainWindow::ExportFormat::TraceJsonl}) {
        const QString path = folder.filePath(QStringLiteral("gone/file.out"));
        const auto error = window_.exportTo(format, path);
        ASSERT_TRUE(error);
        EXPECT_TRUE(error->contains(QStringLiteral("gone/file.out"))) << error->toStdString();
        EXPECT_FALSE(QFileInfo::exists(path));
    }
}

TEST_F(MainWindowTest, TheSysctlsTab_GrowsTheBottomAreaToShowItsTableAndGivesItBack) {
    window_.resize(1024, 768);
    window_.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window_));
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    auto* log = window_.findChild<QDockWidget*>(QStringLiteral("eventLogDock"));
    auto* sysctls = window_.findChild<QDockWidget*>(QStringLiteral("sysctlDock"));
    ASSERT_TRUE(log && sysctls);
    QTest::qWait(50); // the docks' first sizes come from a deferred call
    const int logHeight = log->height();

    sysctls->raise();
    QCoreApplication::processEvents();
    auto* table = sysctls->findChild<QTableView*>(QStringLiteral("sysctls0"));
    ASSERT_NE(table, nullptr);
    // The whole table shows, or the area has grown to at least a third of the window (two fifths
    // asked; the state machine's dock beside it keeps its minimum).
    const bool whole = table->viewport()->height() >= table->verticalHeader()->length();
    EXPECT_TRUE(whole || sysctls->height() >= window_.height() / 3)
        << "table " << table->viewport()->height() << " of " << table->verticalHeader()->length()
        << ", dock " << sysctls->height() << " in a window " << window_.height() << " high";
    EXPECT_GT(sysctls->height(), logHeight + 100);

    const int grown = sysctls->height();
    log->raise();
    QTest::qWait(50);
    // The event log gets about its height back (the layout settles within a tab bar's height).
    EXPECT_LT(log->height(), grown - 80);
}

TEST_F(MainWindowTest, AnEdit_SaysWhatItChangedAndKeepsTheEditedSegmentInView) {
    window_.resize(1024, 768);
    window_.show();
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    // Opened, the diagram shows the end of the run, where the cursor is. The client's request,
    // near the start, is edited: its retransmission shifts the rest of the run.
    const Trace& opened = window_.document()->run()->trace();
    SegmentId request = kNoSegment;
    for (SegmentId id = 0; id < opened.segments.size() && request == kNoSegment; ++id) {
        if (opened.segments[id].segment.length > 0) {
            request = id;
        }
    }
    ASSERT_NE(request, kNoSegment);
    drop(request);
    // The summary appears above the diagram and the window lays itself out again.
    QCoreApplication::processEvents();
    const QString message = label("editSummary");
    EXPECT_TRUE(window_.findChild<QLabel*>(QStringLiteral("editSummary"))->isVisible());
    // The FIN sent at close() is the last segment: the tail loss probe re-sends it alone; the RTO
    // after it re-sends the data with the FIN.
    EXPECT_TRUE(message.contains(QLatin1String("the client now retransmits its FIN once")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QLatin1String("the client now retransmits its data and FIN once")))
        << message.toStdString();
    // The RTO comes 220 ms after the probe, late enough that TIME-WAIT ends one tick of the timer
    // wheel (2.048 s at HZ=250) later.
    EXPECT_TRUE(message.contains(QLatin1String("TIME-WAIT on the client ends at 62.4 s")))
        << message.toStdString();
    SequenceDiagramView* diagram = window_.diagram();
    const SegmentRecord& record = window_.document()->run()->trace().segments[request];
    const double y = diagram->layout().y(record.sentAt);
    const int top = diagram->verticalScrollBar()->value();
    EXPECT_GE(y, top + diagram->layout().headerHeight());
    EXPECT_LE(y, top + diagram->viewport()->height());
    EXPECT_GT(diagram->verticalScrollBar()->maximum(), 0) << "the run is taller than the view";

    action("undo")->trigger();
    EXPECT_FALSE(window_.findChild<QLabel*>(QStringLiteral("editSummary"))->isVisible())
        << "undone, the summary is stale";
}

TEST_F(MainWindowTest, StatusBar_CountsFaultRulesInTheRightNumber) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    EXPECT_TRUE(label("runSummary").contains(QStringLiteral("· 0 fault rules ·")))
        << label("runSummary").toStdString();
    drop(finalAck());
    EXPECT_TRUE(label("runSummary").contains(QStringLiteral("· 1 fault rule ·")))
        << label("runSummary").toStdString();
    drop(static_cast<SegmentId>(0)); // the SYN
    EXPECT_EQ(window_.document()->scenario().faults.size(), 2U);
    EXPECT_TRUE(label("runSummary").contains(QStringLiteral("· 2 fault rules")))
        << label("runSummary").toStdString();
    EXPECT_TRUE(label("runSummary").startsWith(QStringLiteral("1 segment ·")))
        << label("runSummary").toStdString();
    switchLanguage(QStringLiteral("zh_CN"));
    EXPECT_TRUE(label("runSummary").contains(QStringLiteral("2 条故障规则")))
        << label("runSummary").toStdString();
}

TEST_F(MainWindowTest, FaultRulesDock_SelectingARuleSelectsItsSegment) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("lost-final-ack")));
    auto* rules = window_.faultRules()->findChild<QListWidget*>(QStringLiteral("faultRules"));
    ASSERT_NE(rules, nullptr);
    ASSERT_EQ(rules->count(), 1);
    window_.faultRules()->selectRule(0);
    ASSERT_TRUE(window_.selectedSegment().has_value());
    EXPECT_EQ(window_.document()->run()->index().segment(*window_.selectedSegment()).fate,
              TraceIndex::Fate::Dropped);
}

TEST_F(MainWindowTest, AnEditedPreset_SaysItsLessonTextIsTheOriginalStory) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    EXPECT_FALSE(label("lessonBanner").contains(QLatin1String("original story")));
    EXPECT_FALSE(window_.windowTitle().contains(QLatin1String(", edited")));
    drop(finalAck());
    EXPECT_TRUE(label("lessonBanner").contains(QLatin1String("original story")))
        << label("lessonBanner").toStdString();
    EXPECT_TRUE(window_.windowTitle().contains(QLatin1String(", edited")))
        << window_.windowTitle().toStdString();
    action("undo")->trigger();
    EXPECT_FALSE(label("lessonBanner").contains(QLatin1String("original story")));
}

TEST_F(MainWindowTest, SaveAs_HasItsShortcutAndNeverSuggestsThePresetFolder) {
    EXPECT_EQ(action("saveAs")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(documents).isDir()) {
        documents = QDir::homePath();
    }
    // The preset's own file, opened with File > Open.
    const QString presetFile =
        QDir(presetDirectory()).filePath(QStringLiteral("four-way-close.json"));
    ASSERT_TRUE(QFileInfo::exists(presetFile));
    ASSERT_TRUE(window_.openFile(presetFile));
    QString suggested = window_.suggestedSavePath();
    EXPECT_EQ(QFileInfo(suggested).absolutePath(), QFileInfo(documents).absoluteFilePath());
    EXPECT_FALSE(QFileInfo::exists(suggested)) << suggested.toStdString();
    drop(finalAck());
    suggested = window_.suggestedSavePath();
    EXPECT_TRUE(QFileInfo(suggested).fileName().startsWith(QLatin1String("four-way-close-edited")))
        << suggested.toStdString();
    EXPECT_FALSE(QFileInfo::exists(suggested));

    // A file of the user's own: its folder, under a name not yet taken.
    const QTemporaryDir folder;
    const QString mine = folder.filePath(QStringLiteral("mine.json"));
    ASSERT_TRUE(QFile::copy(presetFile, mine));
    action("undo")->trigger(); // nothing to keep before opening another
    ASSERT_TRUE(window_.openFile(mine));
    EXPECT_EQ(window_.suggestedSavePath(),
              QDir(QFileInfo(mine).canonicalPath()).filePath(QStringLiteral("mine-2.json")));
}

TEST_F(MainWindowTest, RecentFiles_AFileOpenedByARelativePathIsRememberedByItsAbsolutePath) {
    const QTemporaryDir folder;
    const QString file = folder.filePath(QStringLiteral("story.json"));
    ASSERT_TRUE(
        QFile::copy(QDir(presetDirectory()).filePath(QStringLiteral("four-way-close.json")), file));
    const QString previous = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(folder.path()));
    const bool opened = window_.openFile(QStringLiteral("story.json"));
    ASSERT_TRUE(QDir::setCurrent(previous));
    ASSERT_TRUE(opened);
    const QString canonical = QFileInfo(file).canonicalFilePath();
    EXPECT_EQ(window_.document()->filePath(), canonical);
    ASSERT_TRUE(window_.openFile(file));
    const QStringList recent = Settings().recentFiles();
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_EQ(recent.front(), canonical);
    EXPECT_EQ(recent.count(canonical), 1);
}

TEST(AboutText, NamesTheLicenceTheVersionAndTheCommit) {
    const QString built = AboutText::html("1.2.3", "0123abcd");
    EXPECT_TRUE(built.contains(QStringLiteral("GPL-3.0-or-later"))) << built.toStdString();
    EXPECT_TRUE(built.contains(QStringLiteral("Qt Charts"))) << built.toStdString();
    EXPECT_TRUE(built.contains(QStringLiteral("1.2.3")));
    EXPECT_TRUE(built.contains(QStringLiteral("0123abcd")));
    // Without a commit it says the version only, and no empty commit.
    const QString bare = AboutText::html("1.2.3", "");
    EXPECT_TRUE(bare.contains(QStringLiteral("1.2.3")));
    EXPECT_FALSE(bare.contains(QStringLiteral("<code></code>"))) << bare.toStdString();
    EXPECT_NE(bare, built);
    EXPECT_TRUE(AboutText::html().contains(QString::fromLatin1(kVersion.data())));
}

TEST(AboutText, InChinese_IsTranslatedAndKeepsTheLicenceName) {
    Translations translations;
    ASSERT_TRUE(translations.setLanguage(QStringLiteral("zh_CN")));
    const QString text = AboutText::html("1.2.3", "0123abcd");
    translations.setLanguage(QStringLiteral("en"));
    EXPECT_TRUE(text.contains(QStringLiteral("自由软件"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("GPL-3.0-or-later")));
    EXPECT_TRUE(text.contains(QStringLiteral("0123abcd")));
}

} // namespace
} // namespace tdl::ui
