#include "EventLogModel.h"
#include "EventLogView.h"
#include "QtWarningGuard.h"
#include "handmade_trace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

class EventLogModelTest : public testing::Test {
protected:
    void SetUp() override { model_.setRun(run_); }
    // The tester reports a broken rule of QAbstractItemModel as a Qt warning.
    void TearDown() override {
        EXPECT_TRUE(warnings_.messages().isEmpty()) << warnings_.report().toStdString();
    }

    int rowsUpTo(SimTime t) const { return static_cast<int>(run_->index().factsUpTo(t)); }

    test::QtWarningGuard warnings_;
    RunPtr run_ = std::make_shared<const ui::Run>(test::handmadeFourWayClose());
    EventLogModel model_;
    QAbstractItemModelTester tester_{&model_,
                                     QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(EventLogModelTest, ANewRunResetsTheModel) {
    QSignalSpy reset(&model_, &QAbstractItemModel::modelReset);
    model_.setRun(std::make_shared<const ui::Run>(test::handmadeFaultyClose()));
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(model_.rowCount(), static_cast<int>(test::handmadeFaultyClose().facts.size()));
    EXPECT_EQ(model_.columnCount(), EventLogModel::ColumnCount);
}

TEST_F(EventLogModelTest, MovingTheCursorSignalsExactlyTheRowsThatChanged) {
    model_.setTime(0ms);
    QSignalSpy changed(&model_, &QAbstractItemModel::dataChanged);
    model_.setTime(215ms);
    ASSERT_EQ(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    EXPECT_EQ(topLeft.row(), rowsUpTo(0ms));
    EXPECT_EQ(bottomRight.row(), rowsUpTo(215ms) - 1);
    EXPECT_EQ(bottomRight.column(), EventLogModel::ColumnCount - 1);
    EXPECT_EQ(model_.currentRow(), rowsUpTo(215ms) - 1);

    // Back again: the same rows return to the future.
    changed.clear();
    model_.setTime(0ms);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), rowsUpTo(0ms));
    EXPECT_EQ(changed.at(0).at(1).value<QModelIndex>().row(), rowsUpTo(215ms) - 1);
}

TEST_F(EventLogModelTest, NoSignalWhenNoRowCrossesTheCursor) {
    model_.setTime(100ms);
    QSignalSpy changed(&model_, &QAbstractItemModel::dataChanged);
    model_.setTime(150ms); // nothing happens between 41 ms and 200 ms
    EXPECT_EQ(changed.count(), 0);
}

TEST_F(EventLogModelTest, RowsKnowWhetherTheyAreInTheFuture) {
    model_.setTime(215ms);
    for (int row = 0; row < model_.rowCount(); ++row) {
        const bool future = model_.timeOfRow(row) > 215ms;
        EXPECT_EQ(model_.data(model_.index(row, 0), EventLogModel::FutureRole).toBool(), future)
            << row;
    }
}

TEST_F(EventLogModelTest, SequenceModeAndLanguageChangesAreAnnounced) {
    QSignalSpy changed(&model_, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model_, &QAbstractItemModel::headerDataChanged);
    const QModelIndex fin = model_.index(rowsUpTo(199ms) + 2, EventLogModel::WhatColumn);
    ASSERT_TRUE(model_.data(fin).toString().contains(QLatin1String("FIN,ACK seq=101")))
        << model_.data(fin).toString().toStdString();
    model_.setSeqMode(SeqMode::Absolute);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(model_.data(fin).toString().contains(QLatin1String("seq=1101")));
    model_.retranslate();
    EXPECT_EQ(headers.count(), 1);
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(EventLogModelTest, TheViewFollowsTheCursorAndChoosingARowMovesIt) {
    EventLogView view;
    view.setRun(run_);
    QSignalSpy times(&view, &EventLogView::timeRequested);
    QSignalSpy segments(&view, &EventLogView::segmentRequested);
    view.setTime(215ms);
    EXPECT_EQ(view.currentIndex().row(), rowsUpTo(215ms) - 1);
    EXPECT_EQ(times.count(), 0) << "following the cursor must not move it";

    const int finRow = rowsUpTo(199ms) + 2;
    view.setCurrentIndex(view.logModel()->index(finRow, 0));
    ASSERT_EQ(times.count(), 1);
    EXPECT_EQ(times.at(0).at(0).value<SimTime>(), 200ms);
    ASSERT_EQ(segments.count(), 1);
    EXPECT_TRUE(
        run_->trace().segments[segments.at(0).at(0).value<SegmentId>()].segment.has(flag::kFin));
}

} // namespace
} // namespace tdl::ui
