// SO_RCVBUF as Linux applies it (sock_setsockopt(), __sock_set_rcvbuf(), tcp_full_space()) and
// the SYN window it leaves (tcp_select_initial_window()), as a 6.18 kernel sends them.

#include "scenario_builder.h"
#include "simulator.h"
#include "tcp_window.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

// The client's SYN with the window its receive_buffer leaves.
Segment clientSyn(std::uint32_t receiveBuffer) {
    Scenario scenario = connectedPair().build();
    for (Action& action : scenario.actions) {
        if (action.call == AppCallKind::Connect) {
            action.receiveBuffer = receiveBuffer;
        }
    }
    const Trace trace = simulate(scenario);
    const TraceQuery q(trace);
    const auto sent = q.sentBy("client");
    EXPECT_FALSE(sent.empty()) << q.dump();
    return sent.empty() ? Segment{} : sent.front()->segment;
}

TEST(ReceiveBuffer, SockSetsockopt_OneByteGivesTheKernelsMinimum) {
    // __sock_set_rcvbuf(): sk_rcvbuf = max(1 * 2, SOCK_MIN_RCVBUF = 2304), half of it a window.
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(1, 4194304), 1152U);
    const Segment syn = clientSyn(1);
    EXPECT_EQ(syn.window, 1152U);
    EXPECT_EQ(syn.windowScale, 0);
}

TEST(ReceiveBuffer, SockSetsockopt_DoubledThenHalvedThenWholeSegments) {
    // Above the minimum, doubling and tcp_full_space()'s half cancel out; the SYN offers whole
    // segments of the MSS (2 * 1460).
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(4000, 4194304), 4000U);
    const Segment syn = clientSyn(4000);
    EXPECT_EQ(syn.window, 2920U);
    EXPECT_EQ(syn.windowScale, 0);
}

TEST(ReceiveBuffer, SockSetsockopt_ClampedToRmemMax) {
    // sock_setsockopt() clamps to net.core.rmem_max (4 MiB) first; the 16-bit field caps the
    // SYN's window and the scale covers the buffer.
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(2147483647, 4194304), 4194304U);
    const Segment syn = clientSyn(2147483647);
    EXPECT_EQ(syn.window, kMaxWindow);
    EXPECT_EQ(syn.windowScale, 7);
}

} // namespace
} // namespace tdl::test
