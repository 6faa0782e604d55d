#include "LoadCharts.h"
#include "LoadDocument.h"
#include "scenario_builder.h"

#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kSamples = 20'001; // 2,000 s sampled every 100 ms
constexpr std::size_t kPeak = 12'345;
constexpr std::size_t kDip = 6'789;
constexpr std::int64_t kPeakValue = 5'000;
constexpr std::int64_t kDipValue = 3;

Scenario loadScenario() {
    Scenario s = test::ScenarioBuilder().delay(1ms).limit(1h).build();
    LoadConfig load;
    load.client = "client";
    load.server = "server";
    load.duration = 2000s - 61s; // expectedEnd(): 2,000 s
    s.load = load;
    return s;
}

// The client's TIME_WAIT count: noise between 1,000 and 1,999, one peak and one dip. The first
// and last samples are neither their pixel's lowest nor its highest.
LoadSeries longSeries() {
    LoadSeries series;
    for (std::size_t i = 0; i < kSamples; ++i) {
        series.times.push_back(SimTime(static_cast<std::int64_t>(i) * 100'000));
        std::vector<HostCounters> hosts(2);
        std::int64_t value = 1000 + static_cast<std::int64_t>((i * 7919) % 1000);
        if (i == 0 || i == kSamples - 1) {
            value = 1500;
        } else if (i == kPeak) {
            value = kPeakValue;
        } else if (i == kDip) {
            value = kDipValue;
        }
        hosts[0].sockets[static_cast<std::size_t>(TcpState::TimeWait)] = value;
        series.samples.push_back(std::move(hosts));
    }
    return series;
}

// Hands the series to the document as the worker does: in batches, in time order.
void appendInBatches(LoadDocument& document, const LoadSeries& series, std::size_t batch) {
    for (std::size_t from = 0; from < series.times.size(); from += batch) {
        const auto to = static_cast<std::ptrdiff_t>(std::min(from + batch, series.times.size()));
        const auto at = static_cast<std::ptrdiff_t>(from);
        document.append(0,
                        std::vector<SimTime>(series.times.begin() + at, series.times.begin() + to),
                        std::vector<std::vector<HostCounters>>(series.samples.begin() + at,
                                                               series.samples.begin() + to));
    }
}

QPointF sample(const LoadSeries& series, std::size_t i) {
    return {static_cast<double>(series.times[i].count()) / 1e6,
            static_cast<double>(
                series.samples[i][0].sockets[static_cast<std::size_t>(TcpState::TimeWait)])};
}

class LoadChartsThinningTest : public testing::Test {
protected:
    void SetUp() override {
        document_.open(loadScenario(), QString());
        charts_.resize(1000, 600);
        charts_.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts_));
    }

    QLineSeries* timeWait() const { return charts_.line(0, QStringLiteral("client/time_wait")); }
    double plotWidth() const { return timeWait()->chart()->plotArea().width(); }
    // Seconds per pixel of the plot area.
    double pixel() const {
        const auto* x = qobject_cast<QValueAxis*>(timeWait()->attachedAxes().front());
        return (x->max() - x->min()) / plotWidth();
    }
    // Waits until the charts are laid out for their size and the line is thinned for them.
    bool settled() const {
        return QTest::qWaitFor([&] {
            return timeWait()->count() <= 2 * static_cast<int>(std::ceil(plotWidth())) + 4;
        });
    }

    // What the thinning promises: a few points per pixel, each one a sample, and for every sample
    // a point in the same pixel at least as high and one at most as low; the first and last
    // samples exactly.
    void expectFaithful(const LoadSeries& series) const {
        const QList<QPointF> drawn = timeWait()->points();
        const double width = plotWidth();
        ASSERT_GT(width, 100);
        EXPECT_LE(drawn.size(), 2 * static_cast<int>(std::ceil(width)) + 4);
        EXPECT_LT(drawn.size(), static_cast<int>(kSamples) / 5);
        ASSERT_FALSE(drawn.isEmpty());
        EXPECT_EQ(drawn.front(), sample(series, 0));
        EXPECT_EQ(drawn.back(), sample(series, kSamples - 1));

        std::map<double, double> samples;
        for (std::size_t i = 0; i < kSamples; ++i) {
            samples.emplace(sample(series, i).x(), sample(series, i).y());
        }
        double low = drawn.front().y();
        double high = drawn.front().y();
        for (const QPointF& p : drawn) {
            const auto found = samples.find(p.x());
            ASSERT_NE(found, samples.end()) << p.x();
            EXPECT_EQ(found->second, p.y()) << p.x();
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
        EXPECT_EQ(high, static_cast<double>(kPeakValue));
        EXPECT_EQ(low, static_cast<double>(kDipValue));

        const double px = pixel();
        int unmatched = 0;
        for (std::size_t i = 0; i < kSamples; ++i) {
            const QPointF s = sample(series, i);
            const auto near =
                std::lower_bound(drawn.begin(), drawn.end(), s.x() - px,
                                 [](const QPointF& p, double x) { return p.x() < x; });
            bool above = false;
            bool below = false;
            for (auto p = near; p != drawn.end() && p->x() <= s.x() + px; ++p) {
                above = above || p->y() >= s.y();
                below = below || p->y() <= s.y();
            }
            unmatched += above && below ? 0 : 1;
        }
        EXPECT_EQ(unmatched, 0) << "samples with no drawn point as high or as low in their pixel";
    }

    LoadDocument document_;
    LoadCharts charts_{&document_};
};

TEST_F(LoadChartsThinningTest, ALongSeriesIsThinnedButKeepsItsPeaksAndEnds) {
    const LoadSeries series = longSeries();
    appendInBatches(document_, series, 100);
    ASSERT_TRUE(settled());
    expectFaithful(series);
    EXPECT_EQ(document_.series(0).times.size(), kSamples) << "the document keeps every sample";
}

TEST_F(LoadChartsThinningTest, BatchesThinAsOneAppendDoes) {
    const LoadSeries series = longSeries();
    appendInBatches(document_, series, 37);
    ASSERT_TRUE(settled());

    LoadDocument whole;
    whole.open(loadScenario(), QString());
    LoadCharts atOnce(&whole);
    atOnce.resize(charts_.size());
    atOnce.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&atOnce));
    appendInBatches(whole, series, kSamples);
    QCoreApplication::processEvents();
    const QLineSeries* other = atOnce.line(0, QStringLiteral("client/time_wait"));
    ASSERT_EQ(other->chart()->plotArea(), timeWait()->chart()->plotArea());
    EXPECT_EQ(other->points(), timeWait()->points());
}

TEST_F(LoadChartsThinningTest, AResizeThinsAgain) {
    const LoadSeries series = longSeries();
    appendInBatches(document_, series, 100);
    ASSERT_TRUE(settled());
    const qsizetype wide = timeWait()->count();

    charts_.resize(700, 600);
    ASSERT_TRUE(QTest::qWaitFor([&] { return timeWait()->count() < wide; }));
    ASSERT_TRUE(settled());
    expectFaithful(series);

    charts_.resize(1400, 600);
    ASSERT_TRUE(QTest::qWaitFor([&] { return timeWait()->count() > wide; }));
    ASSERT_TRUE(settled());
    expectFaithful(series);
}

} // namespace
} // namespace tdl::ui
