// Issue 16's budget for a large capture in the GUI: File > Open of a capture with a million
// connections shows it in the load explorer in under 10 s and under 1 GB of memory. Measured
// here from openFile() to the charts drawn (the read on its worker, the series, the charts);
// the peak memory with /usr/bin/time -v around this program.
//
//   build/bin/capture_generator /tmp/big.pcap 1000000 160     # about 1 GB
//   TDL_CAPTURE_BENCH_FILE=/tmp/big.pcap /usr/bin/time -v build/bin/tdl_capture_explorer_bench
//
// Without TDL_CAPTURE_BENCH_FILE it measures a capture of 100,000 connections it writes itself.

#include "LoadDocument.h"
#include "LoadExplorer.h"
#include "MainWindow.h"
#include "capture_trace.h"
#include "synthetic_capture.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

namespace tdl::ui {
namespace {

constexpr int kWaitMs = 120'000;

void BM_OpenLargeCaptureInTheLoadExplorer(benchmark::State& state) {
    const QTemporaryDir folder;
    QString path = qEnvironmentVariable("TDL_CAPTURE_BENCH_FILE");
    if (path.isEmpty()) {
        path = folder.filePath(QStringLiteral("capture.pcap"));
        if (auto error =
                bench::writeSyntheticCapture(QFile::encodeName(path).toStdString(), 100'000, 160)) {
            state.SkipWithError(error->c_str());
            return;
        }
    }
    std::size_t connections = 0;
    for (auto _ : state) {
        MainWindow window;
        window.show();
        if (!window.openFile(path) || window.loadExplorer() == nullptr) {
            state.SkipWithError("the capture did not open in the load explorer");
            return;
        }
        const LoadExplorer& explorer = *window.loadExplorer();
        // The event loop waits as the application's does, woken by the worker's posts only.
        QEventLoop loop;
        const LoadDocument* document = explorer.document();
        QObject::connect(document, &LoadDocument::captureRead, &loop, &QEventLoop::quit);
        QObject::connect(document, &LoadDocument::captureFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
        if (document->isReading()) {
            loop.exec();
        }
        if (document->isReading() || document->capture() == nullptr) {
            state.SkipWithError("the capture was not read");
            return;
        }
        QCoreApplication::processEvents(); // the charts draw the series
        connections = explorer.document()->capture()->inference.connections().size();
    }
    state.counters["connections"] = static_cast<double>(connections);
}
BENCHMARK(BM_OpenLargeCaptureInTheLoadExplorer)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace
} // namespace tdl::ui

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    // Settings in a temporary folder: a developer's own (the last scenario) are never read.
    QApplication::setOrganizationName(QStringLiteral("TeardownLabBenchmarks"));
    const QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
