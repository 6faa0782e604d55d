#include "LoadJob.h"

#include <QElapsedTimer>
#include <QThread>

#include <exception>

namespace tdl::ui {

LoadJob::LoadJob(Work work, QObject* parent)
    : QObject(parent)
    , work_(std::move(work)) {}

LoadJob::~LoadJob() {
    cancel();
    if (thread_ != nullptr) {
        thread_->wait();
    }
}

void LoadJob::start() {
    if (thread_ != nullptr) {
        return;
    }
    thread_ = QThread::create([this] { work(); });
    thread_->setParent(this);
    // Queued to this job's (the GUI) thread: after everything the worker posted before it ended.
    connect(thread_, &QThread::finished, this, &LoadJob::finished);
    thread_->start();
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
    return thread_ == nullptr || thread_->isFinished();
}

void LoadJob::post(std::function<void()> call) {
    // Runs on the GUI thread unless the job is deleted first, which drops the call.
    QMetaObject::invokeMethod(
        this,
        [this, call = std::move(call)] {
            if (!cancelled_ && call) {
                call();
            }
        },
        Qt::QueuedConnection);
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
    } catch (const std::exception& e) {
        const QString message = QString::fromStdString(e.what());
        post([this, message] { emit failed(message); });
    }
}

} // namespace tdl::ui
