#include "DiagramColors.h"
#include "EventLogView.h"
#include "LoadChartView.h"
#include "LoadCharts.h"
#include "LoadDocument.h"
#include "LoadExplorer.h"
#include "LoadLegend.h"
#include "MainWindow.h"
#include "QtWarningGuard.h"
#include "ScenarioDiff.h"
#include "SequenceDiagramView.h"
#include "SocketFilterModel.h"
#include "SocketTableModel.h"
#include "SocketTableView.h"
#include "Theme.h"
#include "TraceText.h"
#include "Translations.h"
#include "scenario_builder.h"
#include "scenario_json.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

constexpr int kWaitMs = 30'000;

// A load small enough for a unit test: `rate` connections per second for `duration`, then the
// TIME_WAIT they leave, sampled every second.
Scenario smallLoad(std::uint32_t rate, Duration duration, Closer closer = Closer::Client) {
    Scenario s =
        test::ScenarioBuilder().delay(1ms).limit(10min).load(rate, duration, closer).build();
    s.id = "test/small-load";
    s.title.en = "Small load";
    return s;
}

// A load that takes the engine seconds: long enough to be cancelled mid-run.
Scenario longLoad() {
    return smallLoad(2000, 20min);
}

// 1,000,000 connections a second, cut at the 10 min limit: 600 million, over the 100 million a
// run may simulate (kMaxLoadConnections).
Scenario tooManyConnections() {
    Scenario s = smallLoad(1'000'000, 1h);
    s.title.en = "Too many connections";
    return s;
}

// A day sampled every millisecond: 86,461,001 samples, about 27 GiB, over the 4 GiB
// a run may keep (kLoadMemoryBudget); 86,400 connections are few.
Scenario tooManySamples() {
    Scenario s = test::ScenarioBuilder().delay(1ms).limit(25h).load(1, 24h).build();
    s.id = "test/too-many-samples";
    s.title.en = "Too many samples";
    s.load->sampleEvery = 1ms;
    return s;
}

QString number(std::uint64_t n) {
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString headerText(const LoadExplorer& explorer) {
    return explorer.findChild<QLabel*>(QStringLiteral("loadHeader"))->text();
}

bool waitUntilIdle(const LoadExplorer& explorer) {
    return QTest::qWaitFor([&] { return !explorer.document()->isBusy(); }, kWaitMs);
}

double maxY(const QLineSeries* series) {
    double max = 0;
    for (const QPointF& p : series->points()) {
        max = std::max(max, p.y());
    }
    return max;
}

TEST(LoadExplorer, PlotsTheServersTimeWaitUpToTcpMaxTwBuckets) {
    Scenario s = smallLoad(200, 3s, Closer::Server);
    HostConfig& server = s.hosts[1];
    ASSERT_FALSE(setSysctl(server.sysctls, server.profile, "net.ipv4.tcp_max_tw_buckets", "100"));
    LoadExplorer explorer(nullptr);
    explorer.open(s, QString());
    EXPECT_TRUE(explorer.document()->isRunning()) << "a load opens running";
    ASSERT_TRUE(waitUntilIdle(explorer));

    const LoadSeries& series = explorer.document()->series(0);
    ASSERT_FALSE(series.times.empty());
    EXPECT_FALSE(series.truncated);
    const QLineSeries* timeWait = explorer.charts()->line(0, QStringLiteral("server/time_wait"));
    ASSERT_NE(timeWait, nullptr);
    EXPECT_EQ(timeWait->count(), static_cast<int>(series.times.size()));
    EXPECT_EQ(maxY(timeWait), 100.0);
    EXPECT_TRUE(timeWait->isVisible());
    // 600 connections, 100 TIME_WAIT places: the rest overflow, and the chart shows it.
    const QLineSeries* overflows =
        explorer.charts()->line(0, QStringLiteral("server/tw_overflows"));
    EXPECT_TRUE(overflows->isVisible());
    EXPECT_GT(maxY(overflows), 0.0);
    // Nothing fails to connect: that line stays out of the way.
    EXPECT_FALSE(
        explorer.charts()->line(0, QStringLiteral("client/connect_failures"))->isVisible());
    // Run B is not drawn while nothing is compared.
    EXPECT_FALSE(explorer.charts()->line(1, QStringLiteral("server/time_wait"))->isVisible());
}

TEST(LoadExplorer, PlotsConnectFailuresPerSecondFromTheCumulativeCounter) {
    // 300 ports for 200 connections a second: they run out after 1.5 s.
    Scenario s = smallLoad(200, 4s);
    HostConfig& client = s.hosts[0];
    ASSERT_FALSE(
        setSysctl(client.sysctls, client.profile, "net.ipv4.ip_local_port_range", "40000 40299"));
    LoadExplorer explorer(nullptr);
    explorer.open(s, QString());
    ASSERT_TRUE(waitUntilIdle(explorer));
    const LoadSeries& series = explorer.document()->series(0);
    const QList<QPointF> points =
        explorer.charts()->line(0, QStringLiteral("client/connect_failures"))->points();
    ASSERT_EQ(points.size(), static_cast<int>(series.times.size()));
    for (std::size_t i = 1; i < series.times.size(); ++i) {
        const double dt =
            static_cast<double>((series.times[i] - series.times[i - 1]).count()) / 1e6;
        const auto failures = static_cast<double>(series.samples[i][0].connectFailures -
                                                  series.samples[i - 1][0].connectFailures);
        EXPECT_DOUBLE_EQ(points[static_cast<int>(i)].y(), failures / dt) << i;
    }
    EXPECT_GT(maxY(explorer.charts()->line(0, QStringLiteral("client/connect_failures"))), 0.0);
    EXPECT_EQ(maxY(explorer.charts()->line(0, QStringLiteral("client/free_ports"))), 300.0);
}

TEST(LoadExplorer, TheOverlayLegendNamesTheDifference) {
    Scenario a = smallLoad(200, 2s);
    HostConfig& client = a.hosts[0];
    ASSERT_FALSE(setSysctl(client.sysctls, client.profile, "net.ipv4.tcp_tw_reuse", "0"));
    Scenario b = a;
    ASSERT_FALSE(setSysctl(b.hosts[0].sysctls, b.hosts[0].profile, "net.ipv4.tcp_tw_reuse", "1"));

    LoadExplorer explorer(nullptr);
    explorer.open(a, QString());
    ASSERT_TRUE(explorer.compareWith(b));
    EXPECT_EQ(explorer.legend()->textA(), QStringLiteral("A: tcp_tw_reuse=0"));
    EXPECT_EQ(explorer.legend()->textB(), QStringLiteral("B: tcp_tw_reuse=1"));
    ASSERT_TRUE(waitUntilIdle(explorer));

    const QLineSeries* solid = explorer.charts()->line(0, QStringLiteral("client/time_wait"));
    const QLineSeries* dashed = explorer.charts()->line(1, QStringLiteral("client/time_wait"));
    EXPECT_TRUE(solid->isVisible());
    EXPECT_TRUE(dashed->isVisible());
    EXPECT_EQ(solid->pen().style(), Qt::SolidLine);
    EXPECT_EQ(dashed->pen().style(), Qt::DashLine);
    EXPECT_EQ(solid->pen().color(), dashed->pen().color());
    EXPECT_EQ(dashed->count(), static_cast<int>(explorer.document()->series(1).times.size()));

    explorer.stopComparing();
    EXPECT_FALSE(dashed->isVisible());
    EXPECT_TRUE(explorer.legend()->textB().isEmpty());
}

TEST(LoadExplorer, TheChartsFollowTheDarkTheme) {
    LoadExplorer explorer(nullptr);
    explorer.open(smallLoad(100, 1s), QString());
    explorer.cancel();
    const QChart* chart = explorer.charts()->line(0, QStringLiteral("client/time_wait"))->chart();
    ASSERT_NE(chart, nullptr);
    Theme::apply(true);
    QCoreApplication::processEvents();
    const QColor dark = chart->backgroundBrush().color();
    Theme::apply(false);
    QCoreApplication::processEvents();
    const QColor light = chart->backgroundBrush().color();
    EXPECT_LT(dark.lightness(), 100);
    EXPECT_GT(light.lightness(), 200);
    // One colour per state, the diagram's: TIME-WAIT is the state machine's TIME-WAIT.
    EXPECT_EQ(explorer.charts()->line(0, QStringLiteral("client/time_wait"))->pen().color(),
              DiagramColors(QApplication::palette()).stateInk(TcpState::TimeWait));
}

// Qt Charts elides an axis title that is longer than its side of the plot to "…": the y axis
// title runs along the plot's height, which a small window used to squeeze below it. A 1024x768
// screen leaves a window about 1024x640 once a panel and a title bar are drawn.
TEST(LoadExplorer, TheYAxisTitlesAreWholeOnSmallAndLargeScreensInEnglishAndChinese) {
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        Translations translations;
        ASSERT_TRUE(translations.setLanguage(language));
        for (const QSize size : {QSize(1024, 640), QSize(1600, 900)}) {
            LoadExplorer explorer(nullptr);
            explorer.open(smallLoad(200, 3s, Closer::Server), QString());
            ASSERT_TRUE(waitUntilIdle(explorer));
            explorer.resize(size);
            explorer.show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(&explorer));
            const QList<LoadChartView*> views = explorer.charts()->findChildren<LoadChartView*>();
            ASSERT_EQ(views.size(), 4);
            for (const LoadChartView* view : views) {
                const QChart* chart = view->chart();
                const QAbstractAxis* y = chart->axes(Qt::Vertical).constFirst();
                const int title = QFontMetrics(y->titleFont()).horizontalAdvance(y->titleText());
                EXPECT_GE(chart->plotArea().height(), title)
                    << language.toStdString() << " at " << size.width() << "x" << size.height()
                    << ": " << chart->title().toStdString() << ", " << y->titleText().toStdString();
            }
        }
    }
}

TEST(ScenarioDiff, NamesTheHostOnlyWhenSeveralHostsDiffer) {
    const Scenario a = smallLoad(200, 2s);
    Scenario b = smallLoad(500, 2s);
    b.load->closer = Closer::Server;
    for (HostConfig& host : b.hosts) {
        ASSERT_FALSE(setSysctl(host.sysctls, host.profile, "net.ipv4.tcp_timestamps", "0"));
    }
    ASSERT_FALSE(
        setSysctl(b.hosts[1].sysctls, b.hosts[1].profile, "net.ipv4.tcp_fin_timeout", "30"));
    const ScenarioDiff diff(a, b);
    EXPECT_EQ(diff.a(), QStringList({"client.tcp_timestamps=1", "server.tcp_timestamps=1",
                                     "tcp_fin_timeout=60", "rate=200", "closer=client"}));
    EXPECT_EQ(diff.b(), QStringList({"client.tcp_timestamps=0", "server.tcp_timestamps=0",
                                     "tcp_fin_timeout=30", "rate=500", "closer=server"}));
    EXPECT_TRUE(ScenarioDiff(a, a).same());
}

TEST(LoadExplorer, CancelStopsTheRunPromptlyAndANewRunCanStart) {
    LoadExplorer explorer(nullptr);
    QAction* cancel = explorer.findChild<QAction*>(QStringLiteral("loadCancel"));
    ASSERT_NE(cancel, nullptr);
    explorer.open(longLoad(), QString());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !explorer.document()->series(0).times.empty(); }, kWaitMs));
    ASSERT_TRUE(explorer.document()->isRunning());
    EXPECT_TRUE(cancel->isEnabled());

    // A long run says how far it is, in simulated time, and how to stop it.
    const auto* bar = explorer.findChild<QProgressBar*>(QStringLiteral("loadProgress"));
    const auto* text = explorer.findChild<QLabel*>(QStringLiteral("loadProgressText"));
    ASSERT_NE(bar, nullptr);
    ASSERT_NE(text, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->value() > 0; }, kWaitMs));
    EXPECT_LT(bar->value(), bar->maximum());
    EXPECT_EQ(text->text(),
              QStringLiteral("Simulating… %1 of simulated time (Esc cancels)")
                  .arg(TraceText::duration(explorer.document()->series(0).times.back())));

    cancel->trigger();
    EXPECT_FALSE(explorer.document()->isRunning()) << "the window is idle at once";
    EXPECT_TRUE(text->text().isEmpty());
    EXPECT_FALSE(cancel->isEnabled());
    const LoadSeries& series = explorer.document()->series(0);
    EXPECT_TRUE(series.truncated);
    const std::size_t kept = series.times.size();
    EXPECT_LT(series.times.back(), 20min);
    EXPECT_TRUE(explorer.legend()->textA().contains(QStringLiteral("truncated")))
        << explorer.legend()->textA().toStdString();
    // The worker notices at its next sample: well under a second.
    EXPECT_TRUE(QTest::qWaitFor([&] { return explorer.document()->workers() == 0; }, 2000));
    EXPECT_EQ(explorer.document()->series(0).times.size(), kept)
        << "nothing arrives after a cancel";

    explorer.run();
    EXPECT_TRUE(explorer.document()->isRunning());
    EXPECT_TRUE(explorer.document()->series(0).times.empty()) << "the new run starts over";
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !explorer.document()->series(0).times.empty(); }, kWaitMs));
    EXPECT_FALSE(explorer.document()->series(0).truncated);
    explorer.cancel();
    EXPECT_TRUE(QTest::qWaitFor([&] { return explorer.document()->workers() == 0; }, 2000));
}

TEST(LoadExplorer, ALoadWithTooManyConnectionsIsRefusedBeforeItRuns) {
    LoadExplorer explorer(nullptr);
    explorer.open(tooManyConnections(), QString());
    const LoadDocument* document = explorer.document();
    EXPECT_FALSE(document->isBusy());
    EXPECT_EQ(document->workers(), 0) << "no worker starts";
    const QString refusal = document->refusal(0);
    const QString expected =
        QStringLiteral("%1 connections (%2 a second for %3) are more than the %4 a run may "
                       "simulate: lower the load's \"rate\" or shorten its \"duration\".")
            .arg(number(600'000'000), number(1'000'000), TraceText::duration(10min),
                 number(100'000'000));
    EXPECT_EQ(refusal.toStdString(), expected.toStdString());
    // It stays in view with what to change, and the legend points to it.
    EXPECT_TRUE(headerText(explorer).contains(
        QStringLiteral("Run A is not started: %1").arg(refusal).toHtmlEscaped()))
        << headerText(explorer).toStdString();
    EXPECT_TRUE(explorer.legend()->textA().contains(QStringLiteral("not started")))
        << explorer.legend()->textA().toStdString();

    // Run again, list the sockets at an instant, trace a connection: each would simulate it.
    explorer.run();
    EXPECT_FALSE(document->isBusy());
    explorer.showSocketsAt(5min);
    EXPECT_FALSE(document->isListing());
    const QList<QLabel*> labels = explorer.sockets()->findChildren<QLabel*>();
    EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->text().startsWith(QStringLiteral("Run A is not started"));
    })) << "the socket table says why it lists nothing";
    explorer.openConnection(3);
    EXPECT_FALSE(document->isTracing());
    EXPECT_EQ(document->workers(), 0);

    // A scenario that fits runs, and the refusal goes.
    explorer.open(smallLoad(100, 1s), QString());
    EXPECT_TRUE(document->isRunning());
    EXPECT_TRUE(document->refusal(0).isEmpty());
    EXPECT_FALSE(headerText(explorer).contains(QStringLiteral("not started")));
    explorer.cancel();
}

TEST(LoadExplorer, ALoadWithTooManySamplesIsRefusedBeforeItRuns) {
    const Scenario s = tooManySamples();
    const LoadEstimate estimate = estimateLoad(s);
    ASSERT_EQ(estimate.samples, 86'461'001U) << "one at 0 and one a millisecond to 24 h + 61 s";
    LoadExplorer explorer(nullptr);
    explorer.open(s, QString());
    EXPECT_FALSE(explorer.document()->isBusy());
    EXPECT_EQ(
        explorer.document()->refusal(0).toStdString(),
        QStringLiteral("%1 samples (one every 1 ms) of %2 bytes, about %3 GiB, are more "
                       "than the 4 GiB a run may keep: sample less often (a longer "
                       "\"sample_every\"), or shorten the load's \"duration\" or the "
                       "scenario's \"limit\".")
            .arg(number(estimate.samples), number(estimate.bytesPerSample),
                 QLocale().toString(static_cast<double>(estimate.bytes()) / (1 << 30), 'f', 1))
            .toStdString());
}

TEST(LoadExplorer, AComparisonTooLargeIsRefusedAndRunAKeepsItsSamples) {
    LoadExplorer explorer(nullptr);
    explorer.open(smallLoad(200, 2s), QString());
    ASSERT_TRUE(waitUntilIdle(explorer));
    const std::size_t samples = explorer.document()->series(0).times.size();
    ASSERT_GT(samples, 0U);

    ASSERT_TRUE(explorer.compareWith(tooManyConnections()));
    EXPECT_FALSE(explorer.document()->isBusy());
    EXPECT_EQ(explorer.document()->workers(), 0);
    EXPECT_FALSE(explorer.document()->refusal(1).isEmpty());
    EXPECT_TRUE(explorer.document()->refusal(0).isEmpty());
    EXPECT_EQ(explorer.document()->series(0).times.size(), samples);
    EXPECT_TRUE(headerText(explorer).contains(QStringLiteral("Run B is not started")));
    EXPECT_TRUE(explorer.legend()->textB().contains(QStringLiteral("not started")));
    EXPECT_TRUE(
        explorer.statusBar()->currentMessage().startsWith(QStringLiteral("Run B is not started")));

    // Run (F5) runs A again; B is refused again.
    explorer.run();
    EXPECT_TRUE(explorer.document()->isRunning(0));
    EXPECT_FALSE(explorer.document()->isRunning(1));
    ASSERT_TRUE(waitUntilIdle(explorer));
    EXPECT_FALSE(explorer.document()->refusal(1).isEmpty());

    explorer.stopComparing();
    EXPECT_TRUE(explorer.document()->refusal(1).isEmpty());
    EXPECT_FALSE(headerText(explorer).contains(QStringLiteral("not started")));
}

TEST(LoadExplorer, ClosingMidRunJoinsTheWorkers) {
    auto* explorer = new LoadExplorer(nullptr);
    explorer->open(longLoad(), QString());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !explorer->document()->series(0).times.empty(); }, kWaitMs));
    explorer->showSocketsAt(10min);
    ASSERT_TRUE(explorer->document()->isRunning());
    delete explorer; // cancels and joins its workers; a crash or a hang fails the test
}

TEST(LoadExplorer, TheSocketTableListsWhatSocketsAtReturns) {
    const Scenario s = smallLoad(200, 3s);
    LoadExplorer explorer(nullptr);
    explorer.open(s, QString());
    ASSERT_TRUE(waitUntilIdle(explorer));
    const LoadSeries& series = explorer.document()->series(0);
    ASSERT_GT(series.times.size(), 5U);
    const SimTime at = series.times[4];

    explorer.showSocketsAt(at + 100ms); // the nearest sample
    ASSERT_TRUE(waitUntilIdle(explorer));
    const auto expected = socketsAt(s, at);
    ASSERT_TRUE(expected.has_value());
    const SocketTableModel* model = explorer.sockets()->model();
    EXPECT_EQ(model->sockets(), *expected);
    EXPECT_EQ(model->rowCount(), static_cast<int>(expected->size()));

    const auto timeWaits =
        std::count_if(expected->begin(), expected->end(),
                      [](const SocketRow& r) { return r.state == TcpState::TimeWait; });
    ASSERT_GT(timeWaits, 0);
    // The counts above the table are the chart's values at that sample.
    const std::int64_t charted =
        series.samples[4][0].sockets[static_cast<std::size_t>(TcpState::TimeWait)];
    EXPECT_TRUE(explorer.sockets()->summary().contains(
        QStringLiteral("TIME-WAIT %1").arg(QLocale().toString(charted))))
        << explorer.sockets()->summary().toStdString();

    explorer.sockets()->filter()->setText(QStringLiteral("time_wait"));
    EXPECT_EQ(explorer.sockets()->proxy()->rowCount(), static_cast<int>(timeWaits));
    explorer.sockets()->filter()->setText(QStringLiteral("server :80"));
    const auto serverOn80 =
        std::count_if(expected->begin(), expected->end(), [](const SocketRow& r) {
            return r.host == 1 && (r.tuple.local.port == 80 || r.tuple.remote.port == 80);
        });
    EXPECT_EQ(explorer.sockets()->proxy()->rowCount(), static_cast<int>(serverOn80));
}

TEST(SocketTableModel, PrintsTimersAsSsDoes) {
    SocketRow row;
    row.timer = SsTimer::TimeWait;
    row.timerLeft = 42s + 300ms;
    EXPECT_EQ(SocketTableModel::ssTimer(row), QStringLiteral("timer:(timewait,42sec,0)"));
    row.timer = SsTimer::On;
    row.timerLeft = 1600ms;
    row.retransmits = 3;
    EXPECT_EQ(SocketTableModel::ssTimer(row), QStringLiteral("timer:(on,1.600ms,3)"));
    row.timer = SsTimer::Keepalive;
    row.timerLeft = 2min + 30s;
    row.retransmits = 0;
    EXPECT_EQ(SocketTableModel::ssTimer(row), QStringLiteral("timer:(keepalive,2min30sec,0)"));
    row.timer = SsTimer::Persist;
    row.timerLeft = 200ms;
    EXPECT_EQ(SocketTableModel::ssTimer(row), QStringLiteral("timer:(persist,200ms,0)"));
    row.timer = SsTimer::Off;
    EXPECT_TRUE(SocketTableModel::ssTimer(row).isEmpty());
}

class LoadInMainWindowTest : public testing::Test {
protected:
    MainWindow window_;
};

TEST_F(LoadInMainWindowTest, TheLoadPresetsAreInTheLibraryAndOpenInTheExplorer) {
    const PresetCatalog::Preset* preset =
        window_.presets().find(QStringLiteral("load/server-tw-buckets"));
    ASSERT_NE(preset, nullptr);
    EXPECT_EQ(PresetCatalog::lessonTitle(preset->scenario.lesson), QStringLiteral("Under load"));
    const std::string before = window_.document()->scenario().id;

    ASSERT_TRUE(window_.openPreset(QStringLiteral("load/server-tw-buckets")));
    LoadExplorer* explorer = window_.loadExplorer();
    ASSERT_NE(explorer, nullptr);
    EXPECT_TRUE(explorer->isVisible());
    EXPECT_EQ(explorer->document()->scenario().id, "load/server-tw-buckets");
    EXPECT_TRUE(explorer->document()->isRunning());
    explorer->cancel();
    EXPECT_EQ(window_.document()->scenario().id, before) << "the diagram keeps its scenario";
}

TEST_F(LoadInMainWindowTest, AFileWithALoadTooLargeIsRefusedWithWhatToChange) {
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge-load.json"));
    {
        QSaveFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(serializeScenario(tooManyConnections())));
        ASSERT_TRUE(file.commit());
    }
    QString shown;
    // The refusal is a modal message box: read it and close it once it is up.
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shown = box->text() + QLatin1Char('\n') + box->informativeText();
            box->reject();
        }
    });
    closer.start(20);
    EXPECT_FALSE(window_.openFile(path));
    closer.stop();
    EXPECT_TRUE(shown.contains(QStringLiteral("/load/rate"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("600000000 connections"))) << shown.toStdString();
    EXPECT_EQ(window_.loadExplorer(), nullptr) << "nothing runs";
}

TEST_F(LoadInMainWindowTest, AConnectionOpensReadOnlyInTheDiagram) {
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small-load.json"));
    {
        QSaveFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(serializeScenario(smallLoad(100, 2s))));
        ASSERT_TRUE(file.commit());
    }
    ASSERT_TRUE(window_.openFile(path));
    LoadExplorer* explorer = window_.loadExplorer();
    ASSERT_NE(explorer, nullptr);
    ASSERT_TRUE(waitUntilIdle(*explorer));

    explorer->openConnection(42);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return window_.document()->loadConnection() == 42U; }, kWaitMs));
    const RunPtr& run = window_.document()->run();
    ASSERT_TRUE(run);
    EXPECT_EQ(run->trace().sockets.size(), 2U);
    EXPECT_EQ(window_.diagram()->layout().run(), run) << "the diagram shows the connection";
    EXPECT_EQ(window_.eventLog()->logModel()->rowCount(),
              static_cast<int>(run->trace().facts.size()));
    EXPECT_TRUE(window_.windowTitle().contains(QStringLiteral("connection #42 of Small load")))
        << window_.windowTitle().toStdString();

    // Read-only: a segment can be selected, not dropped, and an edit is refused.
    window_.selectSegment(0);
    EXPECT_FALSE(window_.findChild<QAction*>(QStringLiteral("dropSegment"))->isEnabled());
    EXPECT_FALSE(window_.findChild<QAction*>(QStringLiteral("save"))->isEnabled());
    Scenario edited = window_.document()->scenario();
    edited.seed = 7;
    EXPECT_TRUE(window_.document()->edit(edited, QStringLiteral("edit")).has_value());
    const test::QtWarningGuard guard;
    window_.grab(); // every view paints the connection
    EXPECT_TRUE(guard.messages().empty()) << guard.report().toStdString();

    // Back to the explorer in one step.
    QAction* back = window_.findChild<QAction*>(QStringLiteral("loadExplorer"));
    ASSERT_TRUE(back->isEnabled());
    explorer->hide();
    back->trigger();
    EXPECT_TRUE(explorer->isVisible());
}

} // namespace
} // namespace tdl::ui
