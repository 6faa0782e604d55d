#include "Player.h"

#include <algorithm>

namespace tdl::ui {

Player::Player(QObject* parent)
    : QObject(parent) {
    timer_.setInterval(16);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &Player::tick);
}

void Player::setRun(RunPtr run) {
    run_ = std::move(run);
    const SimTime end = run_ ? run_->axis().end() : SimTime{};
    const SimTime time = std::clamp(time_, SimTime{}, end);
    const double position = run_ ? run_->axis().position(time) : 0.0;
    time_ = time;
    position_ = position;
    emit timeChanged(time_);
    if (atEnd()) {
        pause();
    }
}

bool Player::atEnd() const {
    return !run_ || position_ >= run_->axis().length();
}

void Player::moveTo(SimTime time, double position) {
    if (time == time_ && position == position_) {
        return;
    }
    const bool changed = time != time_;
    time_ = time;
    position_ = position;
    if (changed) {
        emit timeChanged(time_);
    }
}

void Player::seek(SimTime time) {
    if (!run_) {
        return;
    }
    time = std::clamp(time, SimTime{}, run_->axis().end());
    moveTo(time, run_->axis().position(time));
}

void Player::seekPosition(double position) {
    if (!run_) {
        return;
    }
    position = std::clamp(position, 0.0, run_->axis().length());
    moveTo(run_->axis().timeAt(position), position);
}

void Player::play() {
    if (!run_ || isPlaying()) {
        return;
    }
    if (atEnd()) {
        toStart();
    }
    clock_.start();
    timer_.start();
    emit playingChanged(true);
}

void Player::pause() {
    if (!isPlaying()) {
        return;
    }
    timer_.stop();
    emit playingChanged(false);
}

void Player::togglePlaying() {
    if (isPlaying()) {
        pause();
    } else {
        play();
    }
}

void Player::tick() {
    const double seconds = static_cast<double>(clock_.restart()) / 1000.0;
    const double target = position_ + seconds * kUnitsPerSecond * speed_;
    const auto stop = std::upper_bound(stops_.begin(), stops_.end(), time_);
    if (stop != stops_.end() && run_->axis().position(*stop) <= target) {
        reachStop(stop);
        return;
    }
    seekPosition(target);
    if (atEnd()) {
        pause();
    }
}

void Player::setStops(std::vector<SimTime> stops) {
    std::sort(stops.begin(), stops.end());
    stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
    stops_ = std::move(stops);
}

void Player::reachStop(std::vector<SimTime>::const_iterator stop) {
    pause();
    seek(*stop);
    emit stopReached(static_cast<std::size_t>(stop - stops_.begin()));
}

void Player::nextStop() {
    const auto stop = std::upper_bound(stops_.begin(), stops_.end(), time_);
    if (stop == stops_.end()) {
        toEnd();
        return;
    }
    reachStop(stop);
}

void Player::previousStop() {
    const auto at = std::lower_bound(stops_.begin(), stops_.end(), time_);
    if (at == stops_.begin()) {
        pause();
        toStart();
        return;
    }
    reachStop(std::prev(at));
}

void Player::stepTo(std::span<const SimTime> times, bool forward) {
    pause();
    if (!run_) {
        return;
    }
    if (forward) {
        const auto next = std::upper_bound(times.begin(), times.end(), time_);
        seek(next == times.end() ? run_->axis().end() : *next);
    } else {
        const auto at = std::lower_bound(times.begin(), times.end(), time_);
        seek(at == times.begin() ? SimTime{} : *std::prev(at));
    }
}

void Player::stepForward() {
    stepTo(run_ ? run_->index().eventTimes() : std::span<const SimTime>{}, true);
}
void Player::stepBackward() {
    stepTo(run_ ? run_->index().eventTimes() : std::span<const SimTime>{}, false);
}
void Player::nextStateChange() {
    stepTo(run_ ? run_->index().stateChangeTimes() : std::span<const SimTime>{}, true);
}
void Player::previousStateChange() {
    stepTo(run_ ? run_->index().stateChangeTimes() : std::span<const SimTime>{}, false);
}

void Player::toStart() {
    seek(SimTime{});
}

void Player::toEnd() {
    pause();
    if (run_) {
        seek(run_->axis().end());
    }
}

void Player::setSpeed(double speed) {
    speed = std::clamp(speed, kSpeeds.front(), kSpeeds.back());
    if (speed != speed_) {
        speed_ = speed;
        emit speedChanged(speed_);
    }
}

void Player::faster() {
    const auto next = std::upper_bound(kSpeeds.begin(), kSpeeds.end(), speed_);
    if (next != kSpeeds.end()) {
        setSpeed(*next);
    }
}

void Player::slower() {
    const auto at = std::lower_bound(kSpeeds.begin(), kSpeeds.end(), speed_);
    if (at != kSpeeds.begin()) {
        setSpeed(*std::prev(at));
    }
}

} // namespace tdl::ui
