#include "LoadDocument.h"

#include "LoadJob.h"
#include "TraceText.h"
#include "capture_load.h"
#include "capture_trace.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <memory>

namespace tdl::ui {

using namespace std::chrono_literals;

LoadDocument::LoadDocument(QObject* parent)
    : QObject(parent) {}

LoadDocument::~LoadDocument() {
    // Before the members the jobs' results would touch: each one cancels and joins its worker.
    qDeleteAll(findChildren<LoadJob*>(QString(), Qt::FindDirectChildrenOnly));
}

void LoadDocument::open(const Scenario& scenario, const QString& filePath) {
    cancel();
    capturePath_.clear();
    capture_.reset();
    a_ = scenario;
    b_.reset();
    filePath_ = filePath;
    for (int run = 0; run < kRuns; ++run) {
        resetRun(run);
    }
    emit opened();
}

const Scenario& LoadDocument::scenarioOf(int run) const {
    return run == 1 && b_ ? *b_ : a_;
}

bool LoadDocument::isShown(int run) const {
    return run == 0 ? a_.load.has_value() || capture_ != nullptr : b_.has_value();
}

namespace {

// The capture reader's progress, in bytes of the file, as a load job's fraction.
CaptureReadProgress readProgress(const LoadProgress& progress) {
    return [&progress](std::uint64_t read, std::uint64_t size) {
        static const LoadSeries kNoSamples;
        return progress(kNoSamples,
                        size == 0 ? 0.0 : static_cast<double>(read) / static_cast<double>(size));
    };
}

} // namespace

void LoadDocument::openCapture(const QString& path) {
    cancel();
    capture_.reset();
    capturePath_ = path;
    a_ = Scenario{};
    const std::string name = QFileInfo(path).fileName().toStdString();
    a_.title = LocalizedText{name, name};
    b_.reset();
    filePath_ = path;
    for (int run = 0; run < kRuns; ++run) {
        resetRun(run);
    }
    readFraction_ = 0;
    emit opened();
    readCaptureFile(std::nullopt);
    emit busyChanged();
}

// The one job that reads the capture file: for the load explorer (every connection's states,
// no packet kept), or again for one connection's packets (a million connections' would not
// fit in memory, so they are not kept the first time).
void LoadDocument::readCaptureFile(std::optional<std::uint64_t> connection) {
    LoadJob*& slot = connection ? traceJob_ : readJob_;
    startJob(
        slot,
        [this, path = capturePath_, connection](const LoadProgress& progress) -> LoadJob::Deliver {
            CaptureOpenOptions options;
            options.keep = connection ? CaptureOpenOptions::Keep::OneConnection
                                      : CaptureOpenOptions::Keep::None;
            options.connection = static_cast<std::uint32_t>(connection.value_or(0));
            auto capture = std::make_shared<const OpenedCapture>(tdl::openCapture(
                QFile::encodeName(path).toStdString(), options, readProgress(progress)));
            if (capture->summary.cancelled) {
                return {}; // nothing is kept: the worker drops what it read
            }
            if (connection) {
                auto run = std::make_shared<const CaptureRun>(captureRunOf(*capture, path));
                return [this, index = *connection, run] {
                    endJob(traceJob_);
                    emit busyChanged();
                    emit captureConnectionTraced(index, *run);
                };
            }
            auto series = std::make_shared<const LoadSeries>(captureSeries(capture->inference));
            return [this, capture, series] {
                endJob(readJob_);
                showCapture(capture, *series);
                emit busyChanged();
            };
        },
        [this, connection](const LoadBatch& batch) {
            if (connection) {
                emit tracingProgressed(*connection, batch.fraction);
            } else {
                readFraction_ = batch.fraction;
                emit readProgressed(batch.fraction);
            }
        },
        [this, connection](const QString& message) {
            if (connection) {
                emit tracingFailed(*connection, message);
            } else {
                emit captureFailed(message);
            }
        });
}

void LoadDocument::showCapture(const std::shared_ptr<const OpenedCapture>& capture,
                               const LoadSeries& series) {
    if (capture->summary.error && capture->summary.tcpPackets == 0) {
        emit captureFailed(QString::fromStdString(*capture->summary.error));
        return;
    }
    capture_ = capture;
    for (const HostInfo& host : series.hosts) {
        HostConfig config;
        config.name = host.name;
        config.address = host.address;
        a_.hosts.push_back(config);
    }
    emit opened(); // the charts, one per host, now that the hosts are known
    runs_[0].expectedEnd = series.end;
    readFraction_ = 1;
    finish(0, series);
    emit captureRead();
}

void LoadDocument::setComparison(const Scenario& b) {
    endJob(runJobs_[1]);
    b_ = b;
    clearRun(1);
    emit comparisonChanged();
}

void LoadDocument::compareWith(const Scenario& b) {
    setComparison(b);
    startRun(1);
    if (runJobs_[0] == nullptr && runs_[0].series.times.empty()) {
        startRun(0);
    }
    emit busyChanged();
}

void LoadDocument::stopComparing() {
    endJob(runJobs_[1]);
    b_.reset();
    clearRun(1);
    emit comparisonChanged();
    emit busyChanged();
}

void LoadDocument::run() {
    if (isCapture()) {
        openCapture(capturePath_);
        return;
    }
    if (!a_.load) {
        return;
    }
    startRun(0);
    if (b_) {
        startRun(1);
    }
    emit busyChanged();
}

SimTime LoadDocument::expectedEnd(const Scenario& scenario) {
    if (!scenario.load) {
        return scenario.limit;
    }
    return std::min(scenario.limit, scenario.load->duration + 61s);
}

void LoadDocument::resetRun(int run) {
    RunState& r = runs_[index(run)];
    r = RunState{};
    r.expectedEnd = expectedEnd(scenarioOf(run));
}

void LoadDocument::clearRun(int run) {
    resetRun(run);
    emit runCleared(run);
}

void LoadDocument::append(int run, const std::vector<SimTime>& times,
                          const std::vector<std::vector<HostCounters>>& samples) {
    LoadSeries& series = runs_[index(run)].series;
    const std::size_t first = series.times.size();
    const std::size_t count = std::min(times.size(), samples.size());
    if (count == 0) {
        return;
    }
    series.times.insert(series.times.end(), times.begin(),
                        times.begin() + static_cast<std::ptrdiff_t>(count));
    series.samples.insert(series.samples.end(), samples.begin(),
                          samples.begin() + static_cast<std::ptrdiff_t>(count));
    emit samplesAppended(run, first);
}

void LoadDocument::finish(int run, const LoadSeries& series) {
    RunState& r = runs_[index(run)];
    const std::size_t have = r.series.times.size();
    if (series.times.size() > have) {
        append(run,
               std::vector<SimTime>(series.times.begin() + static_cast<std::ptrdiff_t>(have),
                                    series.times.end()),
               std::vector<std::vector<HostCounters>>(series.samples.begin() +
                                                          static_cast<std::ptrdiff_t>(have),
                                                      series.samples.end()));
    }
    r.series.hosts = series.hosts;
    r.series.end = series.end;
    r.series.truncated = series.truncated;
    r.finished = true;
    emit runFinished(run);
}

QString LoadDocument::refusal(const Scenario& scenario) {
    if (!scenario.load) {
        return {};
    }
    const LoadEstimate estimate = estimateLoad(scenario);
    const LoadConfig& load = *scenario.load;
    const QLocale locale;
    const auto number = [&](std::uint64_t n) {
        return locale.toString(static_cast<qulonglong>(n));
    };
    QStringList reasons;
    if (estimate.connections > kMaxLoadConnections) {
        reasons << tr("%1 connections (%2 a second for %3) are more than the %4 a run may "
                      "simulate: lower the load's \"rate\" or shorten its \"duration\".")
                       .arg(number(estimate.connections), number(load.rate),
                            TraceText::duration(std::min(load.duration, scenario.limit)),
                            number(kMaxLoadConnections));
    }
    if (estimate.bytes() > kLoadMemoryBudget) {
        constexpr double kGib = 1 << 30;
        reasons << tr("%1 samples (one every %2) of %3 bytes, about %4 GiB, are more than the %5 "
                      "GiB a run may keep: sample less often (a longer \"sample_every\"), or "
                      "shorten the load's \"duration\" or the scenario's \"limit\".")
                       .arg(number(estimate.samples), TraceText::duration(load.sampleEvery),
                            number(estimate.bytesPerSample),
                            locale.toString(static_cast<double>(estimate.bytes()) / kGib, 'f', 1),
                            number(kLoadMemoryBudget >> 30));
    }
    return reasons.join(QLatin1Char(' '));
}

QString LoadDocument::refusal(int run) const {
    return runs_[index(run)].refused ? refusal(scenarioOf(run)) : QString();
}

void LoadDocument::startRun(int run) {
    const std::size_t r = index(run);
    endJob(runJobs_[r]);
    clearRun(run);
    const Scenario scenario = scenarioOf(run);
    if (!refusal(scenario).isEmpty()) {
        runs_[r].refused = true;
        emit runRefused(run);
        return;
    }
    startJob(
        runJobs_[r],
        [this, scenario, run](const LoadProgress& progress) -> LoadJob::Deliver {
            auto series = std::make_shared<const LoadSeries>(runLoad(scenario, progress));
            return [this, run, series] {
                endJob(runJobs_[index(run)]);
                finish(run, *series);
                emit busyChanged();
            };
        },
        [this, run](const LoadBatch& batch) {
            runs_[index(run)].fraction = batch.fraction;
            append(run, batch.times, batch.samples);
        },
        [this, run](const QString& message) { emit runFailed(run, message); });
}

void LoadDocument::startJob(LoadJob*& slot, LoadJob::Work work,
                            std::function<void(const LoadBatch&)> progressed,
                            std::function<void(const QString&)> failed) {
    endJob(slot);
    auto* job = new LoadJob(std::move(work), this);
    slot = job;
    if (progressed) {
        connect(job, &LoadJob::progressed, this, std::move(progressed));
    }
    connect(job, &LoadJob::failed, this,
            [this, &slot, failed = std::move(failed)](const QString& message) {
                endJob(slot);
                failed(message);
                emit busyChanged();
            });
    job->start();
}

void LoadDocument::endJob(LoadJob*& job) {
    if (job != nullptr) {
        job->abandon();
        job = nullptr;
    }
}

void LoadDocument::cancel() {
    QList<int> cut;
    for (int run = 0; run < kRuns; ++run) {
        RunState& r = runs_[index(run)];
        if (runJobs_[index(run)] != nullptr) {
            endJob(runJobs_[index(run)]);
            r.series.truncated = true;
            r.series.end = r.series.times.empty() ? SimTime{} : r.series.times.back();
            r.finished = true;
            cut << run;
        }
    }
    const bool listing = tableJob_ != nullptr;
    const bool tracing = traceJob_ != nullptr;
    const bool reading = readJob_ != nullptr;
    endJob(tableJob_);
    endJob(traceJob_);
    endJob(readJob_);
    if (reading) {
        emit captureReadCancelled();
    }
    if (!cut.isEmpty()) {
        emit runsCancelled(cut);
    }
    if (listing) {
        emit listingCancelled();
    }
    if (tracing) {
        emit tracingCancelled();
    }
    emit busyChanged();
}

SimTime LoadDocument::nearestSample(int run, SimTime at) const {
    const std::vector<SimTime>& times = series(run).times;
    if (times.empty()) {
        return at;
    }
    const auto after = std::lower_bound(times.begin(), times.end(), at);
    if (after == times.end()) {
        return times.back();
    }
    if (after != times.begin() && at - *(after - 1) < *after - at) {
        return *(after - 1);
    }
    return *after;
}

void LoadDocument::listSockets(int run, SimTime at) {
    if (capture_ != nullptr) {
        listCaptureSockets(at);
        return;
    }
    const Scenario scenario = scenarioOf(run);
    if (!scenario.load || !refusal(scenario).isEmpty()) {
        return;
    }
    startJob(
        tableJob_,
        [this, scenario, at, run](const LoadProgress& progress) -> LoadJob::Deliver {
            auto rows = std::make_shared<std::optional<std::vector<SocketRow>>>(
                socketsAt(scenario, at, progress));
            return [this, at, run, rows] {
                endJob(tableJob_);
                if (*rows) {
                    emit socketsListed(at, run, **rows);
                }
                emit busyChanged();
            };
        },
        [this, at, run](const LoadBatch& batch) {
            if (!batch.times.empty() && at > SimTime{}) {
                emit listingProgressed(
                    at, run,
                    std::min(1.0, static_cast<double>(batch.times.back().count()) /
                                      static_cast<double>(at.count())));
            }
        },
        [this](const QString& message) { emit listingFailed(message); });
    emit busyChanged();
}

void LoadDocument::traceConnection(int run, std::uint64_t index) {
    if (capture_ != nullptr) {
        readCaptureFile(index);
        emit busyChanged();
        return;
    }
    const Scenario scenario = scenarioOf(run);
    if (!scenario.load || !refusal(scenario).isEmpty()) {
        return;
    }
    startJob(
        traceJob_,
        [this, scenario, index](const LoadProgress& progress) -> LoadJob::Deliver {
            auto traced =
                std::make_shared<const Run>(traceLoadConnection(scenario, index, progress));
            return [this, scenario, index, traced] {
                endJob(traceJob_);
                emit busyChanged();
                emit connectionTraced(scenario, index, traced);
            };
        },
        [this, index](const LoadBatch& batch) { emit tracingProgressed(index, batch.fraction); },
        [this, index](const QString& message) { emit tracingFailed(index, message); });
    emit busyChanged();
}

void LoadDocument::listCaptureSockets(SimTime at) {
    startJob(
        tableJob_,
        [this, capture = capture_, at](const LoadProgress&) -> LoadJob::Deliver {
            auto rows = std::make_shared<const std::vector<SocketRow>>(
                captureSocketsAt(capture->inference, at));
            return [this, at, rows] {
                endJob(tableJob_);
                emit socketsListed(at, 0, *rows);
                emit busyChanged();
            };
        },
        {}, [this](const QString& message) { emit listingFailed(message); });
    emit busyChanged();
}

bool LoadDocument::isRunning() const {
    return runJobs_[0] != nullptr || runJobs_[1] != nullptr;
}

bool LoadDocument::isBusy() const {
    return isRunning() || tableJob_ != nullptr || traceJob_ != nullptr || readJob_ != nullptr;
}

int LoadDocument::workers() const {
    const QList<LoadJob*> jobs = findChildren<LoadJob*>(QString(), Qt::FindDirectChildrenOnly);
    return static_cast<int>(std::count_if(jobs.begin(), jobs.end(),
                                          [](const LoadJob* job) { return !job->isFinished(); }));
}

} // namespace tdl::ui
