#include "Run.h"
#include "handmade_trace.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(TimeAxis, TimeWaitIsDrawnAsOneLabelledGap) {
    const ui::Run run(test::handmadeFourWayClose());
    const TimeAxis& axis = run.axis();
    const auto gaps = axis.gaps();
    const auto longest =
        std::max_element(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) {
            return a.to - a.from < b.to - b.from;
        });
    ASSERT_NE(longest, gaps.end());
    EXPECT_GT(longest->to - longest->from, 59s);
    EXPECT_DOUBLE_EQ(longest->end - longest->start, TimeAxis::kGapUnits);
    // The whole run, a minute of it idle, fits in a few screens.
    EXPECT_LT(axis.length(), 40 * TimeAxis::kUnitsPerOneWay);
}

TEST(TimeAxis, EventsKeepTheirOrderAndDistinctOnesNeverTouch) {
    const ui::Run run(test::handmadeFourWayClose());
    const auto times = run.index().eventTimes();
    for (std::size_t i = 1; i < times.size(); ++i) {
        EXPECT_GE(run.axis().position(times[i]) - run.axis().position(times[i - 1]),
                  TimeAxis::kMinStep - 1e-9);
    }
}

TEST(TimeAxis, PositionAndTimeAreInverse) {
    const ui::Run run(test::handmadeFourWayClose());
    for (const SimTime t : run.index().eventTimes()) {
        EXPECT_EQ(run.axis().timeAt(run.axis().position(t)), t);
    }
    EXPECT_EQ(run.axis().timeAt(-5), SimTime{});
    EXPECT_EQ(run.axis().timeAt(run.axis().length() + 100), run.trace().end);
}

TEST(TimeAxis, AOneWayTripIsAtLeastOneUnitOfTime) {
    const ui::Run run(test::handmadeFourWayClose());
    EXPECT_EQ(run.index().typicalOneWay(), 10ms);
    for (SegmentId id = 0; id < run.trace().segments.size(); ++id) {
        const SegmentRecord& record = run.trace().segments[id];
        ASSERT_TRUE(record.deliveredAt.has_value());
        EXPECT_GE(run.axis().position(*record.deliveredAt) - run.axis().position(record.sentAt),
                  TimeAxis::kUnitsPerOneWay - 1e-9);
    }
}

TEST(TraceIndex, StatesPeersAndOrdinals) {
    const ui::Run run(test::handmadeFourWayClose());
    const TraceIndex& index = run.index();
    const SocketId client = index.firstActiveSocket();
    ASSERT_NE(client, kNoSocket);
    EXPECT_EQ(run.trace().socket(client)->name, "c");
    const SocketId server = index.peerOf(client);
    ASSERT_NE(server, kNoSocket);
    EXPECT_EQ(run.trace().socket(server)->name, "s");
    EXPECT_EQ(index.peerOf(server), client);
    EXPECT_EQ(index.stateAt(client, 100ms), TcpState::Established);
    EXPECT_EQ(index.stateAt(client, 30s), TcpState::TimeWait);
    EXPECT_EQ(index.stateAt(client, run.trace().end), TcpState::Closed);
    // The connection in play follows whoever sent last.
    EXPECT_EQ(index.socketInPlay(SimTime{}), client);
    EXPECT_EQ(index.socketInPlay(205ms), client); // the client's FIN at 200 ms
    EXPECT_EQ(index.socketInPlay(215ms), server); // the server's ACK at 210 ms
    for (SegmentId id = 0; id < index.segmentCount(); ++id) {
        EXPECT_EQ(index.segment(id).ordinal, id + 1);
        EXPECT_EQ(index.segment(id).fate, TraceIndex::Fate::Delivered);
    }
}

TEST(TraceIndex, FaultsGiveFatesAndCopiesShareTheirOriginalsOrdinal) {
    const ui::Run run(test::handmadeFaultyClose());
    const Trace& trace = run.trace();
    const TraceIndex& index = run.index();
    int dropped = 0;
    int delayed = 0;
    int copies = 0;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const TraceIndex::SegmentInfo& info = index.segment(id);
        if (info.fate == TraceIndex::Fate::Dropped) {
            ++dropped;
            // The loss is drawn half-way along a normal trip.
            EXPECT_EQ(info.endAt - trace.segments[id].sentAt, 5ms);
        }
        delayed += info.delayedFact != TraceIndex::kNone ? 1 : 0;
        if (trace.segments[id].duplicateOf != kNoSegment) {
            ++copies;
            EXPECT_EQ(info.ordinal, index.segment(trace.segments[id].duplicateOf).ordinal);
        }
    }
    EXPECT_EQ(dropped, 1);
    EXPECT_EQ(delayed, 1);
    EXPECT_EQ(copies, 1);
    EXPECT_FALSE(index.anomalies().empty());
}

} // namespace
} // namespace tdl::ui
