// The ss-like table: its timer column is pinned by what ss printed on a 6.18 kernel.

#include "socket_table_text.h"

#include <gtest/gtest.h>

namespace tdl::test {
namespace {

SocketRow withTimer(SsTimer timer, Duration left, int retransmits) {
    SocketRow row;
    row.host = 0;
    row.state = TcpState::SynSent;
    row.timer = timer;
    row.timerLeft = left;
    row.retransmits = retransmits;
    return row;
}

// Seen with `ss -tano` in a network namespace: a SYN-SENT socket 1.3 s after its first SYN with
// tcp_syn_linear_timeouts = 0 showed "timer:(on,1.708ms,1)" (1.708 s: print_ms_timer() writes
// the seconds, a dot, then the milliseconds with "ms"); others showed "532ms" and "57sec".
TEST(SsTimerText, PrintsAsIproute2Does) {
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::On, 1708ms, 1)), "timer:(on,1.708ms,1)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::On, 532ms, 2)), "timer:(on,532ms,2)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::TimeWait, 57s, 0)), "timer:(timewait,57sec,0)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::Keepalive, 119min, 0)), "timer:(keepalive,119min,0)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::Persist, 2min + 5s, 3)), "timer:(persist,2min5sec,3)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::On, 1s, 0)), "timer:(on,1sec,0)");
    EXPECT_EQ(ssTimerText(withTimer(SsTimer::Off, 1s, 0)), "");
}

TEST(SocketTable, OneBlockPerHostWithItsCounts) {
    SocketRow listener;
    listener.host = 1;
    listener.state = TcpState::Listen;
    listener.tuple.local = Endpoint{0x0A000002, 80};
    SocketRow closeWait;
    closeWait.host = 1;
    closeWait.state = TcpState::CloseWait;
    closeWait.tuple = FourTuple{Endpoint{0x0A000002, 80}, Endpoint{0x0A000001, 40000}};
    closeWait.recvQ = 1;
    closeWait.connection = 3;
    const std::string text = renderSocketTable(
        {HostInfo{"client", 0x0A000001}, HostInfo{"server", 0x0A000002}}, {listener, closeWait});
    EXPECT_EQ(text, "client (10.0.0.1): 0 sockets\n"
                    "\n"
                    "server (10.0.0.2): 2 sockets  CLOSE-WAIT 1  LISTEN 1\n"
                    "State       Recv-Q Send-Q Local Address:Port    Peer Address:Port     Timer"
                    "                        Connection\n"
                    "LISTEN      0      0      10.0.0.2:80           0.0.0.0:*\n"
                    "CLOSE-WAIT  1      0      10.0.0.2:80           10.0.0.1:40000"
                    "                                     #3\n"
                    "\n");
}

} // namespace
} // namespace tdl::test
