// SO_RCVBUF as Linux applies it (sock_setsockopt(), __sock_set_rcvbuf(), tcp_win_from_space()).

#include "scenario_builder.h"
#include "simulator.h"
#include "tcp_sock.h"
#include "trace_query.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

// The client's SYN carries the window its receive_buffer leaves.
std::uint16_t clientSynWindow(std::uint32_t receiveBuffer) {
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
    return sent.empty() ? 0 : sent.front()->segment.window;
}

TEST(ReceiveBuffer, SockSetsockopt_OneByteGivesTheKernelsMinimum) {
    // __sock_set_rcvbuf(): sk_rcvbuf = max(1 * 2, SOCK_MIN_RCVBUF = 2304), half of it a window.
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(1), 1152U);
    EXPECT_EQ(clientSynWindow(1), 1152U);
}

TEST(ReceiveBuffer, SockSetsockopt_DoubledThenHalved) {
    // Above the minimum, doubling and tcp_win_from_space()'s half cancel out.
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(4000), 4000U);
    EXPECT_EQ(clientSynWindow(4000), 4000U);
    // sock_setsockopt() clamps to net.core.rmem_max first; the 16-bit field caps the rest.
    EXPECT_EQ(receiveSpaceFromSoRcvbuf(2147483647), kRmemMax);
    EXPECT_EQ(clientSynWindow(2147483647), kMaxWindow);
}

} // namespace
} // namespace tdl::test
