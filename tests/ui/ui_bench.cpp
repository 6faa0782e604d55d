#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "Document.h"
#include "LoadCharts.h"
#include "LoadDocument.h"
#include "MainWindow.h"
#include "Player.h"
#include "PresentationMode.h"
#include "PresetCatalog.h"
#include "SequenceDiagramView.h"
#include "SideBySideView.h"
#include "SocketTableModel.h"
#include "SocketTableView.h"
#include "StateMachineView.h"
#include "WhatIf.h"
#include "scenario_builder.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMainWindow>
#include <QPainter>
#include <QTableView>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>
#include <stdexcept>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

// A connection that carries many small writes, each its own segment and ACK: about 500 segments.
Scenario busyConnection() {
    test::ScenarioBuilder builder = test::connectedPair();
    for (int i = 0; i < 330; ++i) {
        builder.send(100ms + i * 25ms, "client", "c", 500);
    }
    return builder.close(9s, "client", "c").build();
}

void BM_PaintFrame500Segments(benchmark::State& state) {
    const RunPtr run = Document::simulate(busyConnection(), nullptr);
    if (!run) {
        state.SkipWithError("the scenario does not run");
        return;
    }
    const DiagramLayout layout(run, QApplication::font(), 1200, 1.0);
    const DiagramColors colors(QApplication::palette());
    DiagramFrame frame;
    // Mid-run, with segments in flight, timers running and the future drawn faintly.
    frame.time = run->trace().segments[run->trace().segments.size() / 2].sentAt + 3ms;
    frame.selected = static_cast<SegmentId>(run->trace().segments.size() / 2);
    const double top = layout.y(frame.time) - 400;
    const QRectF exposed(0, top, 1200, 800);
    QImage image(1200, 800, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        painter.translate(0, -top);
        DiagramPainter(layout, colors, frame).paint(painter, exposed, top);
    }
    state.counters["segments"] = static_cast<double>(run->trace().segments.size());
}
BENCHMARK(BM_PaintFrame500Segments)->Unit(benchmark::kMillisecond);

void BM_WhatIfEditToRepaintedDiagram(benchmark::State& state) {
    Document document;
    const Scenario scenario = test::connectedPair().close(200ms, "client", "c").build();
    if (document.open(scenario, QString())) {
        state.SkipWithError("the scenario does not run");
        return;
    }
    SequenceDiagramView view;
    view.resize(1200, 800);
    QObject::connect(&document, &Document::runChanged, &view, &SequenceDiagramView::setRun);
    view.setRun(document.run());
    view.setTime(150ms);
    const SegmentId target = 3;
    bool dropped = false;
    for (auto _ : state) {
        // Drop the segment, then restore it: each is one edit, a re-run and a repaint.
        const auto edit = dropped ? WhatIf::restore(document.scenario(), *document.run(), target)
                                  : WhatIf::drop(document.scenario(), *document.run(), target);
        if (!edit || document.edit(edit->scenario, edit->description)) {
            state.SkipWithError("the what-if edit failed");
            return;
        }
        dropped = !dropped;
        // grab() paints the viewport for certain, visible on screen or not.
        benchmark::DoNotOptimize(view.viewport()->grab());
    }
}
BENCHMARK(BM_WhatIfEditToRepaintedDiagram)->Unit(benchmark::kMillisecond);

// Issue 14's budget: with two runs side by side, a what-if edit re-runs the scenario, finds the
// first difference again and repaints both diagrams in under 50 ms. The classroom preset, compared
// with itself as opened; each iteration drops the client's FIN or restores it.
void BM_SideBySideEditToRepaintedDiagrams(benchmark::State& state) {
    const PresetCatalog catalog;
    const PresetCatalog::Preset* preset = catalog.find(QStringLiteral("four-way-close"));
    Document document;
    if (preset == nullptr || document.open(preset->scenario, QString())) {
        state.SkipWithError("the four-way-close preset does not run");
        return;
    }
    Player player;
    QObject::connect(&document, &Document::runChanged, &player, &Player::setRun);
    player.setRun(document.run());
    QMainWindow window;
    auto* single = new QWidget(&window);
    auto* view = new SideBySideView(&document, &player, &catalog, &window);
    window.setCentralWidget(view);
    view->attach(&window, single);
    window.resize(1920, 1080);
    view->setActive(true);
    player.seek(150ms);
    SegmentId fin = kNoSegment;
    const Trace& trace = document.run()->trace();
    for (SegmentId id = 0; id < trace.segments.size() && fin == kNoSegment; ++id) {
        if (trace.segments[id].segment.has(flag::kFin)) {
            fin = id;
        }
    }
    bool dropped = false;
    for (auto _ : state) {
        const auto edit = dropped ? WhatIf::restore(document.scenario(), *document.run(), fin)
                                  : WhatIf::drop(document.scenario(), *document.run(), fin);
        if (!edit || document.edit(edit->scenario, edit->description)) {
            state.SkipWithError("the what-if edit failed");
            return;
        }
        dropped = !dropped;
        if (dropped != view->difference().has_value()) {
            state.SkipWithError("the first difference was not found again");
            return;
        }
        benchmark::DoNotOptimize(view->left()->viewport()->grab());
        benchmark::DoNotOptimize(view->right()->viewport()->grab());
    }
}
BENCHMARK(BM_SideBySideEditToRepaintedDiagrams)->Unit(benchmark::kMillisecond);

// A client closing `rate` connections a second for `duration`, counters sampled every second.
Scenario loadRun(Duration duration, std::uint32_t rate = 200,
                 const std::string& portRange = "32768 60999") {
    Scenario s = test::ScenarioBuilder().delay(1ms).limit(2h).build();
    if (auto error = setSysctl(s.hosts[0].sysctls, s.hosts[0].profile,
                               "net.ipv4.ip_local_port_range", portRange)) {
        throw std::invalid_argument(*error);
    }
    LoadConfig load;
    load.client = "client";
    load.server = "server";
    load.rate = rate;
    load.duration = duration;
    s.load = load;
    return s;
}

// The GUI thread's share of a running load: one batch of new samples (what a worker hands over
// every 100 ms) applied to the charts of a ~1,000-sample series, runs A and B both shown. With
// state.range(1) = 1 the charts are also repainted, as the event loop does after the batch.
void BM_LoadChartBatch(benchmark::State& state) {
    const auto batch = static_cast<std::size_t>(state.range(0));
    const LoadSeries series = runLoad(loadRun(1100s));
    if (series.times.size() < 1000 + batch) {
        state.SkipWithError("the series is too short");
        return;
    }
    const std::size_t before = 1000 - batch;
    const auto slice = [&](std::size_t from, std::size_t to) {
        return std::make_pair(
            std::vector<SimTime>(series.times.begin() + static_cast<std::ptrdiff_t>(from),
                                 series.times.begin() + static_cast<std::ptrdiff_t>(to)),
            std::vector<std::vector<HostCounters>>(
                series.samples.begin() + static_cast<std::ptrdiff_t>(from),
                series.samples.begin() + static_cast<std::ptrdiff_t>(to)));
    };
    const auto [headTimes, headSamples] = slice(0, before);
    const auto [tailTimes, tailSamples] = slice(before, 1000);
    LoadDocument document;
    document.open(loadRun(1100s), QString());
    document.setComparison(document.scenario());
    LoadCharts charts(&document);
    charts.resize(1400, 560);
    const bool repaint = state.range(1) != 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (int run = 0; run < LoadCharts::kRuns; ++run) {
            document.clearRun(run);
            document.append(run, headTimes, headSamples);
        }
        if (repaint) {
            benchmark::DoNotOptimize(charts.grab());
        }
        state.ResumeTiming();
        for (int run = 0; run < LoadCharts::kRuns; ++run) {
            document.append(run, tailTimes, tailSamples);
        }
        if (repaint) {
            benchmark::DoNotOptimize(charts.grab());
        }
    }
    state.counters["samples"] = 1000;
}
BENCHMARK(BM_LoadChartBatch)
    ->ArgsProduct({{10, 100}, {0, 1}})
    ->ArgNames({"batch", "repaint"})
    ->Unit(benchmark::kMillisecond);

// A long run: `minutes` of 50 connections a second, sampled every second, so that the series has
// several samples per horizontal pixel of each chart (about 600 pixels wide at 1400 x 560). Runs
// A and B both show it.
struct LongSeries {
    Scenario scenario;
    LoadSeries series;
};
const LongSeries& longSeries(int minutes) {
    static std::map<int, LongSeries> made;
    auto found = made.find(minutes);
    if (found == made.end()) {
        Scenario scenario = loadRun(std::chrono::minutes(minutes), 50);
        LoadSeries series = runLoad(scenario);
        found = made.emplace(minutes, LongSeries{std::move(scenario), std::move(series)}).first;
    }
    return found->second;
}

// Repainting the four charts of a finished long run, A and B shown: what a resize, an expose or a
// cursor move costs.
void BM_LoadChartRepaintLong(benchmark::State& state) {
    const LongSeries& run = longSeries(static_cast<int>(state.range(0)));
    LoadDocument document;
    document.open(run.scenario, QString());
    document.setComparison(run.scenario);
    LoadCharts charts(&document);
    charts.resize(1400, 560);
    charts.show(); // laid out as on screen
    for (int r = 0; r < LoadCharts::kRuns; ++r) {
        document.clearRun(r);
        document.finish(r, run.series);
    }
    benchmark::DoNotOptimize(charts.grab());
    for (auto _ : state) {
        benchmark::DoNotOptimize(charts.grab());
    }
    state.counters["samples"] = static_cast<double>(run.series.times.size());
}
BENCHMARK(BM_LoadChartRepaintLong)
    ->ArgNames({"minutes"})
    ->Arg(60)
    ->Arg(110)
    ->Unit(benchmark::kMillisecond);

// One batch of 10 samples at the end of a long run (A and B): the GUI thread's share late in a
// long run. With state.range(1) = 1 the charts are also repainted, as after every batch.
void BM_LoadChartBatchLong(benchmark::State& state) {
    const LongSeries& run = longSeries(static_cast<int>(state.range(0)));
    const std::vector<SimTime>& times = run.series.times;
    const std::vector<std::vector<HostCounters>>& samples = run.series.samples;
    const auto before = static_cast<std::ptrdiff_t>(times.size() - 10);
    const std::vector<SimTime> headTimes(times.begin(), times.begin() + before);
    const std::vector<std::vector<HostCounters>> headSamples(samples.begin(),
                                                             samples.begin() + before);
    const std::vector<SimTime> tailTimes(times.begin() + before, times.end());
    const std::vector<std::vector<HostCounters>> tailSamples(samples.begin() + before,
                                                             samples.end());
    LoadDocument document;
    document.open(run.scenario, QString());
    document.setComparison(run.scenario);
    LoadCharts charts(&document);
    charts.resize(1400, 560);
    charts.show(); // laid out as on screen
    const bool repaint = state.range(1) != 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (int r = 0; r < LoadCharts::kRuns; ++r) {
            document.clearRun(r);
            document.append(r, headTimes, headSamples);
        }
        benchmark::DoNotOptimize(charts.grab());
        state.ResumeTiming();
        for (int r = 0; r < LoadCharts::kRuns; ++r) {
            document.append(r, tailTimes, tailSamples);
        }
        if (repaint) {
            benchmark::DoNotOptimize(charts.grab());
        }
    }
    state.counters["samples"] = static_cast<double>(times.size());
}
BENCHMARK(BM_LoadChartBatchLong)
    ->ArgsProduct({{60, 110}, {0, 1}})
    ->ArgNames({"minutes", "repaint"})
    ->Unit(benchmark::kMillisecond);

// The socket table for ~30,000 sockets (a client's whole port range in TIME_WAIT): the model,
// its sort/filter proxy and the per-state summary, as the explorer shows a listing.
void BM_SocketTable30k(benchmark::State& state) {
    const Scenario scenario = loadRun(120s, 500, "30000 59999");
    const auto rows = socketsAt(scenario, 100s);
    if (!rows || rows->size() < 29'000) {
        state.SkipWithError("the listing is too short");
        return;
    }
    const std::vector<HostInfo> hosts = {{"client", scenario.hosts[0].address},
                                         {"server", scenario.hosts[1].address}};
    SocketTableView view;
    view.resize(1400, 400);
    const bool sorted = state.range(0) != 0;
    if (sorted) {
        view.table()->sortByColumn(SocketTableModel::TimerColumn, Qt::AscendingOrder);
    }
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<SocketRow> copy = *rows;
        view.clear();
        state.ResumeTiming();
        view.setSockets(100s, QStringLiteral("A"), hosts, std::move(copy));
        benchmark::DoNotOptimize(view.summary());
    }
    state.counters["rows"] = static_cast<double>(rows->size());
}
BENCHMARK(BM_SocketTable30k)->ArgNames({"sorted"})->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Presentation mode at 1920x1080 on a classroom preset (the lost final ACK: a loss, a
// retransmission, TIME-WAIT restarted): one frame of the diagram and of the state machine beside
// it, at the cursor's time mid-run, as the window paints them.
void BM_PresentationFrame1920x1080(benchmark::State& state) {
    MainWindow window;
    if (!window.openPreset(QStringLiteral("lost-final-ack"))) {
        state.SkipWithError("the preset does not open");
        return;
    }
    window.show();
    window.presentation()->enter();
    QApplication::processEvents();
    const RunPtr& run = window.document()->run();
    window.player()->seek(run->trace().segments[run->trace().segments.size() / 2].sentAt + 3ms);
    QWidget* diagram = window.diagram()->viewport();
    StateMachineView* board = window.presentation()->board();
    if (!window.presentation()->boardShown() || window.width() != 1920) {
        const std::string size =
            std::to_string(window.width()) + "x" + std::to_string(window.height());
        state.SkipWithError(
            ("presentation mode did not fill 1920x1080 with the state machine: " + size).c_str());
        return;
    }
    QImage diagramImage(diagram->size(), QImage::Format_ARGB32_Premultiplied);
    QImage boardImage(board->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        diagram->render(&diagramImage);
        board->render(&boardImage);
    }
    state.counters["diagram_px"] = diagram->width();
    state.counters["board_px"] = board->width();
    state.counters["scale"] = window.presentation()->scale();
    window.presentation()->leave();
}
BENCHMARK(BM_PresentationFrame1920x1080)->Unit(benchmark::kMillisecond);

// Entering presentation mode and leaving it again (issue 14: under 100 ms), on the same preset at
// 1920x1080: docks hidden and restored, text rescaled, the layout settled after each switch.
void BM_PresentationEnterAndLeave(benchmark::State& state) {
    MainWindow window;
    if (!window.openPreset(QStringLiteral("lost-final-ack"))) {
        state.SkipWithError("the preset does not open");
        return;
    }
    window.show();
    QApplication::processEvents();
    for (auto _ : state) {
        window.presentation()->enter();
        QApplication::processEvents();
        window.presentation()->leave();
        QApplication::processEvents();
    }
    if (window.presentation()->active()) {
        state.SkipWithError("presentation mode did not leave");
    }
}
BENCHMARK(BM_PresentationEnterAndLeave)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace tdl::ui

int main(int argc, char* argv[]) {
    // Offscreen, on one 1920x1080 screen: presentation mode's frame is measured full screen there.
    const QTemporaryDir folder;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        const QString screens = folder.filePath(QStringLiteral("screens.json"));
        QFile file(screens);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1920,
                           "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96}]})");
        }
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + screens.toLocal8Bit());
    }
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
