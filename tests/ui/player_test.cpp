#include "Player.h"
#include "handmade_trace.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

class PlayerTest : public testing::Test {
protected:
    void SetUp() override { player_.setRun(run_); }

    RunPtr run_ = std::make_shared<const ui::Run>(test::handmadeFourWayClose());
    Player player_;
};

TEST_F(PlayerTest, SteppingForwardVisitsEveryEventInOrder) {
    player_.toStart();
    const auto times = run_->index().eventTimes();
    std::size_t i = times.front() == SimTime{} ? 1 : 0;
    for (; i < times.size(); ++i) {
        player_.stepForward();
        EXPECT_EQ(player_.time(), times[i]) << "step " << i;
    }
    player_.stepForward();
    EXPECT_EQ(player_.time(), run_->trace().end);
    EXPECT_TRUE(player_.atEnd());
}

TEST_F(PlayerTest, SteppingBackwardVisitsEveryEventInReverse) {
    player_.toEnd();
    const auto times = run_->index().eventTimes();
    for (std::size_t i = times.size() - 1; i-- > 0;) {
        player_.stepBackward();
        EXPECT_EQ(player_.time(), times[i]);
    }
    player_.stepBackward();
    EXPECT_EQ(player_.time(), SimTime{});
}

TEST_F(PlayerTest, StateChangeStepsLandOnStateChanges) {
    player_.toStart();
    player_.nextStateChange();       // listen and connect at 0 are already behind the cursor
    EXPECT_EQ(player_.time(), 10ms); // the server's child enters SYN-RECEIVED
    player_.nextStateChange();
    EXPECT_EQ(player_.time(), 20ms); // the client is ESTABLISHED
    player_.seek(250ms);
    player_.nextStateChange();
    EXPECT_EQ(player_.time(), 260ms); // LAST-ACK
    player_.previousStateChange();
    EXPECT_EQ(player_.time(), 220ms); // FIN-WAIT-2
    player_.toEnd();
    player_.previousStateChange();
    EXPECT_EQ(player_.time(), 280ms); // the server CLOSED; TIME-WAIT ends at the very end
}

TEST_F(PlayerTest, ScrubbingToAnEventsPositionLandsOnThatEvent) {
    for (const SimTime t : run_->index().eventTimes()) {
        player_.seekPosition(run_->axis().position(t));
        EXPECT_EQ(player_.time(), t);
    }
    player_.seekPosition(-10);
    EXPECT_EQ(player_.time(), SimTime{});
    player_.seekPosition(1e9);
    EXPECT_EQ(player_.time(), run_->trace().end);
}

TEST_F(PlayerTest, TimeChangedIsEmittedOnlyWhenTheTimeChanges) {
    player_.seek(100ms);
    QSignalSpy spy(&player_, &Player::timeChanged);
    player_.seek(100ms);
    EXPECT_EQ(spy.count(), 0);
    player_.seek(101ms);
    EXPECT_EQ(spy.count(), 1);
}

TEST_F(PlayerTest, ANewRunKeepsTheCursorWithinIt) {
    player_.seek(250ms);
    player_.setRun(std::make_shared<const ui::Run>(test::handmadeFaultyClose()));
    EXPECT_EQ(player_.time(), 250ms);
    player_.seek(60s);
    player_.setRun(std::make_shared<const ui::Run>(test::handmadeFaultyClose()));
    EXPECT_EQ(player_.time(), 520ms); // that run ends earlier
}

TEST_F(PlayerTest, PlaysToTheEndAndStopsItsTimer) {
    QSignalSpy playing(&player_, &Player::playingChanged);
    player_.setSpeed(8.0);
    player_.toEnd();
    player_.play(); // from the end, play starts over
    EXPECT_TRUE(player_.isPlaying());
    EXPECT_LT(player_.time(), 1ms);
    QElapsedTimer clock;
    clock.start();
    while (player_.isPlaying() && clock.elapsed() < 20'000) {
        QTest::qWait(20);
    }
    EXPECT_FALSE(player_.isPlaying());
    EXPECT_TRUE(player_.atEnd());
    EXPECT_EQ(player_.time(), run_->trace().end);
    ASSERT_EQ(playing.count(), 2);
    EXPECT_TRUE(playing.at(0).at(0).toBool());
    EXPECT_FALSE(playing.at(1).at(0).toBool());
}

TEST_F(PlayerTest, PauseStopsAndSpeedStaysInRange) {
    player_.toStart();
    player_.play();
    player_.pause();
    EXPECT_FALSE(player_.isPlaying());
    player_.setSpeed(100);
    EXPECT_EQ(player_.speed(), 8.0);
    player_.faster();
    EXPECT_EQ(player_.speed(), 8.0);
    player_.setSpeed(0.01);
    EXPECT_EQ(player_.speed(), 0.25);
    player_.faster();
    EXPECT_EQ(player_.speed(), 0.5);
    player_.slower();
    player_.slower();
    EXPECT_EQ(player_.speed(), 0.25);
}

} // namespace
} // namespace tdl::ui
