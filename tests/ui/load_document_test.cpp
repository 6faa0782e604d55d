#include "LoadDocument.h"
#include "LoadJob.h"
#include "ScenarioProblemText.h"
#include "Translations.h"
#include "scenario_builder.h"
#include "scenario_check.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

constexpr int kWaitMs = 30'000;

Scenario smallLoad(std::uint32_t rate, Duration duration) {
    return test::ScenarioBuilder()
        .delay(1ms)
        .limit(10min)
        .load(rate, duration, Closer::Client)
        .build();
}

std::vector<std::vector<HostCounters>> counters(std::size_t samples) {
    return std::vector<std::vector<HostCounters>>(samples, std::vector<HostCounters>(2));
}

TEST(LoadJob, AScenarioProblemIsSaidInTheUsersWordsNotTheEnginesEnglish) {
    ScenarioProblem problem;
    problem.kind = ScenarioProblem::Kind::LoadServer;
    problem.host = "sever";
    Translations translations;
    ASSERT_TRUE(translations.setLanguage(QStringLiteral("zh_CN")));
    LoadJob job(
        [problem](const LoadProgress&) -> LoadJob::Deliver { throw InvalidScenario(problem); },
        nullptr);
    QSignalSpy failed(&job, &LoadJob::failed);
    job.start();
    ASSERT_TRUE(failed.wait(kWaitMs));
    const QString message = failed.first().first().toString();
    EXPECT_EQ(message, ScenarioProblemText::message(problem));
    EXPECT_NE(message.toStdString(), problem.message());
    translations.setLanguage(QStringLiteral("en"));
}

TEST(LoadDocument, OpeningShowsRunAEmptyAndRunsNothing) {
    LoadDocument document;
    QSignalSpy opened(&document, &LoadDocument::opened);
    document.open(smallLoad(10, 5s), QStringLiteral("load.json"));
    EXPECT_EQ(opened.count(), 1);
    EXPECT_TRUE(document.isShown(0));
    EXPECT_FALSE(document.isShown(1));
    EXPECT_FALSE(document.isBusy());
    EXPECT_TRUE(document.series(0).times.empty());
    EXPECT_EQ(document.filePath(), QStringLiteral("load.json"));
    EXPECT_EQ(document.expectedEnd(0), 5s + 61s) << "its connections, then their TIME_WAIT";
}

TEST(LoadDocument, SamplesArriveInOrderAndTheEndTakesTheRest) {
    LoadDocument document;
    document.open(smallLoad(10, 5s), QString());
    QSignalSpy appended(&document, &LoadDocument::samplesAppended);
    QSignalSpy finished(&document, &LoadDocument::runFinished);
    document.append(0, {1s, 2s}, counters(2));
    document.append(0, {3s}, counters(1));
    ASSERT_EQ(appended.count(), 2);
    EXPECT_EQ(appended.at(1).at(1).value<std::size_t>(), 2u) << "the first new sample";

    LoadSeries whole;
    whole.times = {1s, 2s, 3s, 4s, 5s};
    whole.samples = counters(5);
    whole.end = 5s;
    document.finish(0, whole);
    EXPECT_EQ(appended.count(), 3);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_TRUE(document.isFinished(0));
    EXPECT_EQ(document.series(0).times, whole.times);
    EXPECT_EQ(document.series(0).end, 5s);

    QSignalSpy cleared(&document, &LoadDocument::runCleared);
    document.clearRun(0);
    EXPECT_EQ(cleared.count(), 1);
    EXPECT_TRUE(document.series(0).times.empty());
    EXPECT_FALSE(document.isFinished(0));
}

TEST(LoadDocument, AComparisonIsRunBUntilItStops) {
    LoadDocument document;
    document.open(smallLoad(10, 5s), QString());
    QSignalSpy changed(&document, &LoadDocument::comparisonChanged);
    document.setComparison(smallLoad(20, 5s));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(document.isShown(1));
    EXPECT_EQ(document.scenarioOf(1).load->rate, 20u);
    EXPECT_FALSE(document.isBusy()) << "setComparison() runs nothing";
    document.append(1, {1s}, counters(1));

    document.stopComparing();
    EXPECT_EQ(changed.count(), 2);
    EXPECT_FALSE(document.isShown(1));
    EXPECT_TRUE(document.series(1).times.empty());
    EXPECT_EQ(document.scenarioOf(1).load->rate, 10u) << "without B, every run is A";
}

TEST(LoadDocument, ARunFillsItsSeriesOnAWorker) {
    LoadDocument document;
    document.open(smallLoad(20, 10s), QString());
    QSignalSpy finished(&document, &LoadDocument::runFinished);
    document.run();
    EXPECT_TRUE(document.isRunning(0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !document.isBusy(); }, kWaitMs));
    EXPECT_EQ(finished.count(), 1);
    const LoadSeries& series = document.series(0);
    ASSERT_FALSE(series.times.empty());
    EXPECT_FALSE(series.truncated);
    EXPECT_TRUE(std::is_sorted(series.times.begin(), series.times.end()));
    EXPECT_EQ(series.samples.size(), series.times.size());
}

TEST(LoadDocument, CancelTruncatesTheRunsItStops) {
    LoadDocument document;
    document.open(smallLoad(2000, 20min), QString());
    QSignalSpy finished(&document, &LoadDocument::runFinished);
    QSignalSpy cancelled(&document, &LoadDocument::runsCancelled);
    document.run();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !document.series(0).times.empty(); }, kWaitMs));
    document.cancel();
    EXPECT_FALSE(document.isBusy());
    ASSERT_EQ(cancelled.count(), 1);
    EXPECT_EQ(cancelled.at(0).at(0).value<QList<int>>(), QList<int>{0});
    EXPECT_EQ(finished.count(), 0) << "a cancelled run did not finish";
    EXPECT_TRUE(document.series(0).truncated);
    EXPECT_EQ(document.series(0).end, document.series(0).times.back());
    EXPECT_TRUE(QTest::qWaitFor([&] { return document.workers() == 0; }, 2000));
}

} // namespace
} // namespace tdl::ui
