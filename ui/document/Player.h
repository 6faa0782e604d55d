#pragma once

#include "Run.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <array>
#include <cstddef>
#include <vector>

namespace tdl::ui {

// The time cursor. It plays, pauses, steps from event to event and scrubs; every view paints the
// trace at time(). Playback moves along the compressed time axis, so idle stretches pass as
// quickly as they are drawn. The animation timer runs only while playing.
class Player : public QObject {
    Q_OBJECT

public:
    // At 1×, one typical one-way delay takes one second to watch.
    static constexpr double kUnitsPerSecond = TimeAxis::kUnitsPerOneWay;
    static constexpr std::array<double, 6> kSpeeds = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};

    explicit Player(QObject* parent = nullptr);

    // Shows another run of the same story: the cursor keeps its time, clamped to the new run.
    void setRun(RunPtr run);
    const RunPtr& run() const { return run_; }

    SimTime time() const { return time_; }
    double position() const { return position_; }
    bool isPlaying() const { return timer_.isActive(); }
    double speed() const { return speed_; }
    bool atEnd() const;

    void seek(SimTime time);
    void seekPosition(double position);
    void play();
    void pause();
    void togglePlaying();
    void stepForward();
    void stepBackward();
    void nextStateChange();
    void previousStateChange();
    void toStart();
    void toEnd();
    void setSpeed(double speed);
    void faster();
    void slower();

    // A guided lesson's stops, in time order: playing pauses at each (stopReached()), and the
    // lesson steps from stop to stop either way. Empty: playing runs to the end.
    void setStops(std::vector<SimTime> stops);
    const std::vector<SimTime>& stops() const { return stops_; }
    void nextStop();
    void previousStop();

signals:
    void timeChanged(tdl::SimTime time);
    // The cursor is at stops()[index], by playing into it or by stepping the lesson.
    void stopReached(std::size_t index);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void tick();
    void moveTo(SimTime time, double position);
    void stepTo(std::span<const SimTime> times, bool forward);

    void reachStop(std::vector<SimTime>::const_iterator stop);

    RunPtr run_;
    std::vector<SimTime> stops_;
    SimTime time_{};
    double position_ = 0.0;
    double speed_ = 1.0;
    QTimer timer_;
    QElapsedTimer clock_;
};

} // namespace tdl::ui
