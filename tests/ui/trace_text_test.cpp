#include "TraceText.h"
#include "handmade_trace.h"

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

// A client socket (ISN 1000, peer ISN 5000) and a RST from the server's stack with no socket
// behind it, whose sequence number lies 65537 before the server's ISN: an old incarnation's.
Trace staleRst() {
    TraceRecorder recorder;
    const Endpoint client{0x0A000001, 40000};
    const Endpoint server{0x0A000002, 80};
    recorder.hostAdded({"client", client.address});
    recorder.hostAdded({"server", server.address});
    recorder.socketAdded({1, 0, "c", SocketRole::Active, {client, server}, Seq(1000), Seq(5000)});
    SegmentRecord rst;
    rst.segment.src = server;
    rst.segment.dst = client;
    rst.segment.flags = flag::kRst;
    rst.segment.seq = Seq(5000) - 65537U;
    rst.segment.sender = kNoSocket;
    rst.from = 1;
    rst.to = 0;
    recorder.segmentSent(rst);
    recorder.finished(SimTime{}, false);
    return recorder.take();
}

TEST(TraceText, RelativeNumbersAreSignedDistancesFromTheIsn) {
    const Trace trace = test::handmadeFourWayClose();
    EXPECT_EQ(TraceText::segmentLabel(trace, 0, SeqMode::Relative), QStringLiteral("SYN seq=0"));
    EXPECT_EQ(TraceText::segmentLabel(trace, 1, SeqMode::Relative),
              QStringLiteral("SYN,ACK seq=0 ack=1"));
    EXPECT_EQ(TraceText::segmentLabel(trace, 3, SeqMode::Relative),
              QStringLiteral("PSH,ACK seq=1 ack=1 len=100"));
    EXPECT_EQ(TraceText::segmentLabel(trace, 3, SeqMode::Absolute),
              QStringLiteral("PSH,ACK seq=1001 ack=5001 len=100"));
}

TEST(TraceText, AStackRstIsNumberedFromTheReceiversIncarnation) {
    const Trace trace = staleRst();
    EXPECT_EQ(TraceText::segmentLabel(trace, 0, SeqMode::Relative),
              QStringLiteral("RST seq=-65537"));
    EXPECT_EQ(TraceText::segmentLabel(trace, 0, SeqMode::Absolute),
              QStringLiteral("RST seq=%1").arg((Seq(5000) - 65537U).value()));
}

} // namespace
} // namespace tdl::ui
