#pragma once

#include "load_run.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace tdl::ui {

// The samples a running load run added since the previous batch, handed to the GUI thread
// together so that the charts update a few times a second, not once per sample.
struct LoadBatch {
    std::vector<HostInfo> hosts;
    std::vector<SimTime> times;
    std::vector<std::vector<HostCounters>> samples; // [sample][host]
    double fraction = 0;
};

// One computation of a load scenario on a worker thread (the whole run, the sockets alive at an
// instant, one connection's trace), so that the window never waits for the engine. The work gets
// a LoadProgress to pass to the engine; it returns what to do with its result, which runs on the
// GUI thread unless the job was cancelled meanwhile.
//
// Cancelling never waits: the engine stops at its next sample and the worker ends soon after.
// Deleting a job cancels it and then joins its worker, so a window that owns jobs can close
// mid-run.
//
// The worker is a std::thread, started and joined through pthreads, which ThreadSanitizer sees;
// what it hands to the GUI thread goes through Qt's post event list, which it does not see, so
// post() says so with annotations (ThreadSanitizer.h).
class LoadJob : public QObject {
    Q_OBJECT

public:
    using Deliver = std::function<void()>;
    using Work = std::function<Deliver(const LoadProgress& progress)>;

    // How often, at most, the worker hands new samples to the GUI thread.
    static constexpr int kBatchIntervalMs = 100;

    LoadJob(Work work, QObject* parent);
    ~LoadJob() override;
    LoadJob(const LoadJob&) = delete;
    LoadJob& operator=(const LoadJob&) = delete;

    void start();
    // Stops the engine at its next sample; no batch or result is delivered after this.
    void cancel();
    // Cancels, and deletes the job once its worker has ended: for a job nobody waits for any
    // more (a new run replaces it).
    void abandon();
    // The worker has ended (or never started).
    bool isFinished() const;

signals:
    void progressed(const tdl::ui::LoadBatch& batch);
    // The work threw: the engine's message.
    void failed(const QString& message);
    // The worker has ended, after its result or failure was delivered.
    void finished();

private:
    void work();
    // Queues a call to the GUI thread, which drops it if the job is cancelled first (unless it
    // is the last one, `finished`) or deleted.
    enum class Delivery : std::uint8_t { UnlessCancelled, Always };
    void post(std::function<void()> call, Delivery delivery = Delivery::UnlessCancelled);

    Work work_;
    std::thread worker_;
    std::atomic<bool> cancelled_ = false;
    std::atomic<bool> ended_ = false;
};

} // namespace tdl::ui
