#include "Document.h"
#include "Settings.h"
#include "scenario_builder.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(Document, ALoadScenarioIsRefusedAndTheOpenOneStays) {
    Document document;
    const Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    ASSERT_FALSE(document.open(single, QString()).has_value());
    const RunPtr run = document.run();

    Scenario load = single;
    load.actions.clear();
    load.load = LoadConfig{};
    load.load->client = "client";
    load.load->server = "server";
    load.load->rate = 2000;
    load.load->duration = 180s;
    QSignalSpy changed(&document, &Document::runChanged);
    const auto refused = document.open(load, QString());
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->contains(QLatin1String("360000"))) << refused->toStdString();
    EXPECT_TRUE(document.edit(load, QStringLiteral("load")).has_value());
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(document.run(), run);
    EXPECT_EQ(document.scenario(), single);
    EXPECT_EQ(document.undoStack()->count(), 0);
}

TEST(Document, AnEditThatChangesNothingIsNotAnUndoStep) {
    Document document;
    const Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    ASSERT_FALSE(document.open(single, QString()).has_value());
    EXPECT_FALSE(document.edit(single, QStringLiteral("nothing")).has_value());
    EXPECT_EQ(document.undoStack()->count(), 0);
    EXPECT_FALSE(document.isModified());
}

TEST(Document, AnEditSaysWhatItChangedInTheRun) {
    Document document;
    const Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    ASSERT_FALSE(document.open(single, QString()).has_value());
    QSignalSpy edited(&document, &Document::edited);
    Scenario changed = single;
    FaultRule rule;
    rule.from = "client";
    rule.flags = flag::kFin;
    rule.nth = 1;
    changed.faults.push_back(rule);
    ASSERT_FALSE(document.edit(changed, QStringLiteral("Drop the FIN")).has_value());
    ASSERT_EQ(edited.count(), 1);
    const QString summary = edited.front().front().toString();
    EXPECT_TRUE(
        summary.startsWith(QLatin1String("Drop the FIN: the client now retransmits its FIN")))
        << summary.toStdString();
}

TEST(Document, AnEditedScenarioIsSavedUnderItsOwnTitle) {
    Document document;
    Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    single.id = "four-way-close";
    single.title = {"The four-way close", "四次挥手"};
    single.watch = {"The FIN", "FIN"};
    ASSERT_FALSE(document.open(single, QString()).has_value());
    EXPECT_EQ(document.scenarioToSave(), single) << "unedited, it is the scenario as opened";

    Scenario changed = single;
    changed.hosts[0].sysctls.tcp_fin_timeout = 5;
    ASSERT_FALSE(document.edit(changed, QStringLiteral("fin timeout")).has_value());
    const Scenario saved = document.scenarioToSave();
    EXPECT_EQ(saved.id, "four-way-close-edited");
    EXPECT_EQ(saved.title.en, "The four-way close, edited");
    EXPECT_EQ(saved.title.zh_CN, "四次挥手（已修改）");
    EXPECT_TRUE(saved.watch.en.starts_with("In the original story")) << saved.watch.en;
    EXPECT_TRUE(saved.watch.en.ends_with("The FIN"));
    EXPECT_EQ(saved.hosts, changed.hosts);

    // Opened again and edited further, it is still marked once.
    Document reopened;
    ASSERT_FALSE(reopened.open(saved, QString()).has_value());
    Scenario again = saved;
    again.hosts[0].sysctls.tcp_fin_timeout = 7;
    ASSERT_FALSE(reopened.edit(again, QStringLiteral("fin timeout")).has_value());
    EXPECT_EQ(reopened.scenarioToSave().title, saved.title);
    EXPECT_EQ(reopened.scenarioToSave().id, saved.id);
    EXPECT_EQ(reopened.scenarioToSave().watch, saved.watch);
}

TEST(Settings, RecentFilesAreAbsoluteCanonicalPathsListedOnce) {
    Settings settings;
    for (const QString& path : settings.recentFiles()) {
        settings.removeRecentFile(path);
    }
    const QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    const QString file = QDir(folder.path()).filePath(QStringLiteral("s.json"));
    ASSERT_TRUE(QFile(file).open(QIODevice::WriteOnly));
    ASSERT_TRUE(QDir(folder.path()).mkdir(QStringLiteral("sub")));
    const QString canonical = QFileInfo(file).canonicalFilePath();
    const QString previous = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(folder.path()));
    settings.addRecentFile(QStringLiteral("s.json"));
    settings.addRecentFile(QStringLiteral("./sub/../s.json"));
    ASSERT_TRUE(QDir::setCurrent(previous));
    settings.addRecentFile(file);
    EXPECT_EQ(settings.recentFiles(), QStringList{canonical});
    settings.removeRecentFile(file);
    EXPECT_TRUE(settings.recentFiles().isEmpty());
}

} // namespace
} // namespace tdl::ui
