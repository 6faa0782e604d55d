#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "Document.h"
#include "SequenceDiagramView.h"
#include "WhatIf.h"
#include "scenario_builder.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

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

} // namespace
} // namespace tdl::ui

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
