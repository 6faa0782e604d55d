#pragma once

#include "CaptureRun.h"
#include "LoadJob.h"
#include "Run.h"
#include "load_run.h"
#include "scenario.h"

#include <QObject>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tdl {
struct OpenedCapture;
}

namespace tdl::ui {

// A load scenario and what its runs produced: run A of the open scenario, optionally run B of a
// second one to compare with it, each run's samples as they arrive, and the computations that
// produce them (the runs, the sockets alive at an instant, one connection's trace), each in a
// LoadJob on a worker thread. The load explorer's window and its charts only show a document:
// they read its series and follow its signals.
//
// A capture of many connections is shown the same way: run A is each host's sockets per state
// inferred from its packets (openCapture()), the listing and a connection's trace come from the
// capture instead of the engine, and there is no run B.
//
// Destroying the document cancels its jobs and joins their workers.
class LoadDocument : public QObject {
    Q_OBJECT

public:
    static constexpr int kRuns = 2; // A, the open scenario; B, the one compared with it

    explicit LoadDocument(QObject* parent = nullptr);
    ~LoadDocument() override;
    LoadDocument(const LoadDocument&) = delete;
    LoadDocument& operator=(const LoadDocument&) = delete;

    // Scenario A (filePath "" for a preset); forgets B, cancels everything, empties both runs.
    // Runs nothing: run() does.
    void open(const Scenario& scenario, const QString& filePath);
    const Scenario& scenario() const { return a_; }

    // Reads a capture on a worker (forgets the scenario, B, everything under way):
    // readProgressed() while it reads, then captureRead() with run A finished, or captureFailed(),
    // or, once cancel() is called, captureReadCancelled() and nothing kept. Run A's scenario then
    // only names the capture's hosts.
    void openCapture(const QString& path);
    bool isCapture() const { return !capturePath_.isEmpty(); }
    const QString& capturePath() const { return capturePath_; }
    // The capture read (its connections and inferred states, no packets); null while reading.
    const OpenedCapture* capture() const { return capture_.get(); }
    bool isReading() const { return readJob_ != nullptr; }
    // From 0 to 1, how much of the capture file is read.
    double readFraction() const { return readFraction_; }
    const QString& filePath() const { return filePath_; }
    const std::optional<Scenario>& comparison() const { return b_; }
    // The scenario a run shows: B's when it is compared, A's otherwise.
    const Scenario& scenarioOf(int run) const;
    // A once a load scenario is open, B while it is compared.
    bool isShown(int run) const;

    // Compares with b, a load scenario, and runs it (and A, if A has no samples yet).
    void compareWith(const Scenario& b);
    // Shows b as run B, empty, without running it.
    void setComparison(const Scenario& b);
    void stopComparing();

    // Runs A, and B if there is one, again from the start.
    void run();
    // Stops everything under way: runs (their series end where they are, marked truncated), a
    // listing, a connection's trace. Returns at once; the workers end on their own.
    void cancel();

    const LoadSeries& series(int run) const { return runs_[index(run)].series; }
    bool isFinished(int run) const { return runs_[index(run)].finished; }
    // How far a run is expected to go, so that a chart's x axis does not rescale with every batch.
    SimTime expectedEnd(int run) const { return runs_[index(run)].expectedEnd; }
    // How far a load run is expected to go: its connections, then their TIME_WAIT.
    static SimTime expectedEnd(const Scenario& scenario);
    // From 0 to 1, how much of a running run is done.
    double fraction(int run) const { return runs_[index(run)].fraction; }

    // Why a run of `scenario` must not start, in the user's language, with which fields to
    // change; empty if it may. The CLI's loader refuses such a file (estimateLoad(), its budgets);
    // a scenario that reaches the window another way (a preset, a built one, an edit) is held to
    // the same bounds here, before any worker starts.
    static QString refusal(const Scenario& scenario);
    // Why the last attempt to start a run was refused, in the current language; empty if it was
    // not.
    QString refusal(int run) const;

    // What a run job does with its results; public so that the charts can be shown a run without
    // simulating one. Empties a run before it starts (again).
    void clearRun(int run);
    // New samples of a run, in time order, after those it has.
    void append(int run, const std::vector<SimTime>& times,
                const std::vector<std::vector<HostCounters>>& samples);
    // The run ended: takes the samples not handed over yet, its end and whether it was cut.
    void finish(int run, const LoadSeries& series);

    // Lists the sockets of a run at one of its samples; socketsListed() follows. Nothing for a
    // run whose scenario is refused: the listing would simulate it up to `at`.
    void listSockets(int run, SimTime at);
    // Traces connection `index` (0-based) of a run; connectionTraced() follows. Nothing for a
    // run whose scenario is refused.
    void traceConnection(int run, std::uint64_t index);
    // The sample of a run nearest `at`; `at` itself if the run has none yet.
    SimTime nearestSample(int run, SimTime at) const;

    bool isRunning() const;
    bool isRunning(int run) const { return runJobs_[index(run)] != nullptr; }
    bool isListing() const { return tableJob_ != nullptr; }
    bool isTracing() const { return traceJob_ != nullptr; }
    bool isBusy() const;
    // Worker threads still alive, cancelled ones that have not ended yet included.
    int workers() const;

signals:
    void opened();
    void comparisonChanged();
    void runCleared(int run);
    // Samples [first, series(run).times.size()) are new.
    void samplesAppended(int run, std::size_t first);
    // The run ended, at its end or at the scenario's limit (then truncated).
    void runFinished(int run);
    // The runs cut short by cancel(): their series end where they are, marked truncated.
    void runsCancelled(const QList<int>& runs);
    // A run was not started: refusal(run) says why.
    void runRefused(int run);
    void listingProgressed(tdl::SimTime at, int run, double fraction);
    void socketsListed(tdl::SimTime at, int run, const std::vector<tdl::SocketRow>& rows);
    void listingCancelled();
    void tracingProgressed(std::uint64_t index, double fraction);
    void connectionTraced(const tdl::Scenario& scenario, std::uint64_t index,
                          const tdl::ui::RunPtr& run);
    void tracingCancelled();
    // A capture's connection, read again from the file with its packets.
    void captureConnectionTraced(std::uint64_t index, const tdl::ui::CaptureRun& run);
    void readProgressed(double fraction);
    void captureRead();
    void captureFailed(const QString& message);
    void captureReadCancelled();
    // A job failed with the engine's message; the job is over.
    void runFailed(int run, const QString& message);
    void listingFailed(const QString& message);
    void tracingFailed(std::uint64_t index, const QString& message);
    // Something started or ended: a run, a listing, a trace.
    void busyChanged();

private:
    struct RunState {
        LoadSeries series;
        bool finished = false;
        SimTime expectedEnd{};
        double fraction = 0;
        bool refused = false;
    };

    static std::size_t index(int run) { return static_cast<std::size_t>(run); }
    void startRun(int run);
    void resetRun(int run);
    void endJob(LoadJob*& job);
    // Starts `work` on a worker as the job in `slot`, ending the one there: its batches go to
    // `progressed`; if it throws, the job ends and `failed` hears the message.
    void startJob(LoadJob*& slot, LoadJob::Work work,
                  std::function<void(const LoadBatch&)> progressed,
                  std::function<void(const QString&)> failed);
    // Reads the capture on a worker: whole for the load explorer, or one connection's packets.
    void readCaptureFile(std::optional<std::uint64_t> connection);
    void showCapture(const std::shared_ptr<const OpenedCapture>& capture, const LoadSeries& series);
    void listCaptureSockets(SimTime at);

    Scenario a_;
    std::optional<Scenario> b_;
    QString filePath_;
    std::array<RunState, kRuns> runs_;

    std::array<LoadJob*, kRuns> runJobs_{};
    LoadJob* tableJob_ = nullptr;
    LoadJob* traceJob_ = nullptr;

    QString capturePath_;
    std::shared_ptr<const OpenedCapture> capture_;
    LoadJob* readJob_ = nullptr;
    double readFraction_ = 0;
};

} // namespace tdl::ui
