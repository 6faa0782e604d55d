#include "LoadJob.h"

#include "ScenarioProblemText.h"
#include "ThreadSanitizer.h"
#include "scenario_check.h"

#include <QElapsedTimer>

#include <exception>

namespace tdl::ui {

LoadJob::LoadJob(Work work, QObject* parent)
    : QObject(parent)
    , work_(std::move(work)) {}

LoadJob::~LoadJob() {
    cancel();
    if (worker_.joinable()) {
        worker_.join();
    }
}

void LoadJob::start() {
    if (worker_.joinable()) {
        return;
    }
    worker_ = std::thread([this] {
        work();
        ended_ = true;
        // After everything the worker posted before it ended.
        post([this] { emit finished(); }, Delivery::Always);
    });
}

void LoadJob::cancel() {
    cancelled_ = true;
}

void LoadJob::abandon() {
    cancel();
    if (isFinished()) {
        deleteLater();
    } else {
        connect(this, &LoadJob::finished, this, &QObject::deleteLater);
    }
}

bool LoadJob::isFinished() const {
    return !worker_.joinable() || ended_;
}

void LoadJob::post(std::function<void()> call, Delivery delivery) {
    // What the worker wrote before this point (the samples in `call`) happens before the GUI
    // thread runs the call, which acquires it first. Qt orders the two with the lock of its post
    // event list, which ThreadSanitizer cannot see.
    ThreadSanitizer::release(this);
    auto delivered = [this, delivery, call = std::move(call)] {
        ThreadSanitizer::acquire(this);
        if ((delivery == Delivery::Always || !cancelled_) && call) {
            call();
        }
    };
    // Posting touches that list, which the GUI thread's own posts touch too, under the same
    // invisible lock: only Qt's accesses are left unrecorded here, the call's were made above.
    const ThreadSanitizer::IgnoredAccesses qtPostEventList;
    // Runs on the GUI thread unless the job is deleted first, which drops the call.
    QMetaObject::invokeMethod(this, std::move(delivered), Qt::QueuedConnection);
}

void LoadJob::work() {
    QElapsedTimer sinceBatch;
    sinceBatch.start();
    std::size_t handed = 0;
    const LoadProgress progress = [&](const LoadSeries& soFar, double fraction) {
        if (cancelled_) {
            return false;
        }
        if (sinceBatch.elapsed() >= kBatchIntervalMs) {
            sinceBatch.restart();
            LoadBatch batch;
            batch.hosts = soFar.hosts;
            const auto from = static_cast<std::ptrdiff_t>(handed);
            batch.times.assign(soFar.times.begin() + from, soFar.times.end());
            batch.samples.assign(soFar.samples.begin() + from, soFar.samples.end());
            batch.fraction = fraction;
            handed = soFar.times.size();
            post([this, batch = std::move(batch)] { emit progressed(batch); });
        }
        return !cancelled_.load();
    };
    try {
        post(work_(progress));
    } catch (const InvalidScenario& e) {
        // Put in words on the GUI thread, in the language the user reads now.
        post([this, problem = e.problem()] { emit failed(ScenarioProblemText::message(problem)); });
    } catch (const std::exception& e) {
        const QString message = QString::fromStdString(e.what());
        post([this, message] { emit failed(message); });
    }
}

} // namespace tdl::ui
