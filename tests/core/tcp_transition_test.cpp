// The transition table (core/tcp_transition.h), one test per row, named state_event_next; then
// that every other (state, event) pair leaves the state as it is.

#include "tcp_transition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

namespace tdl {
namespace {

using enum TcpState;
TEST(Transition, Closed_AppListen_Listen) {
    // listen()
    EXPECT_EQ(nextState(Closed, TcpEvent::AppListen), Listen);
}
TEST(Transition, Closed_AppConnect_SynSent) {
    // connect() sends our SYN
    EXPECT_EQ(nextState(Closed, TcpEvent::AppConnect), SynSent);
}
TEST(Transition, Listen_RcvSyn_SynReceived) {
    // a SYN to a listener makes a child in SYN-RECEIVED
    EXPECT_EQ(nextState(Listen, TcpEvent::RcvSyn), SynReceived);
}
TEST(Transition, SynSent_RcvSynAck_Established) {
    // tcp_rcv_synsent_state_process()
    EXPECT_EQ(nextState(SynSent, TcpEvent::RcvSynAck), Established);
}
TEST(Transition, SynReceived_RcvAckOfSyn_Established) {
    // the ACK of our SYN,ACK
    EXPECT_EQ(nextState(SynReceived, TcpEvent::RcvAckOfSyn), Established);
}
TEST(Transition, SynReceived_RcvFin_CloseWait) {
    // tcp_fin()
    EXPECT_EQ(nextState(SynReceived, TcpEvent::RcvFin), CloseWait);
}
TEST(Transition, Established_RcvFin_CloseWait) {
    // tcp_fin(): the passive close
    EXPECT_EQ(nextState(Established, TcpEvent::RcvFin), CloseWait);
}
TEST(Transition, FinWait1_RcvFin_Closing) {
    // tcp_fin(): the simultaneous close
    EXPECT_EQ(nextState(FinWait1, TcpEvent::RcvFin), Closing);
}
TEST(Transition, FinWait2_RcvFin_TimeWait) {
    // tcp_fin(): tcp_time_wait()
    EXPECT_EQ(nextState(FinWait2, TcpEvent::RcvFin), TimeWait);
}
TEST(Transition, FinWait1_RcvAckOfFin_FinWait2) {
    // tcp_rcv_state_process() TCP_FIN_WAIT1
    EXPECT_EQ(nextState(FinWait1, TcpEvent::RcvAckOfFin), FinWait2);
}
TEST(Transition, Closing_RcvAckOfFin_TimeWait) {
    // tcp_rcv_state_process() TCP_CLOSING
    EXPECT_EQ(nextState(Closing, TcpEvent::RcvAckOfFin), TimeWait);
}
TEST(Transition, LastAck_RcvAckOfFin_Closed) {
    // tcp_rcv_state_process() TCP_LAST_ACK: no TIME_WAIT
    EXPECT_EQ(nextState(LastAck, TcpEvent::RcvAckOfFin), Closed);
}
TEST(Transition, Established_AppClose_FinWait1) {
    // tcp_close_state(): FIN
    EXPECT_EQ(nextState(Established, TcpEvent::AppClose), FinWait1);
}
TEST(Transition, SynReceived_AppClose_FinWait1) {
    // tcp_close_state(): FIN
    EXPECT_EQ(nextState(SynReceived, TcpEvent::AppClose), FinWait1);
}
TEST(Transition, CloseWait_AppClose_LastAck) {
    // tcp_close_state(): FIN
    EXPECT_EQ(nextState(CloseWait, TcpEvent::AppClose), LastAck);
}
TEST(Transition, SynSent_AppClose_Closed) {
    // tcp_close_state()
    EXPECT_EQ(nextState(SynSent, TcpEvent::AppClose), Closed);
}
TEST(Transition, Listen_AppClose_Closed) {
    // tcp_close_state()
    EXPECT_EQ(nextState(Listen, TcpEvent::AppClose), Closed);
}
TEST(Transition, TimeWait_AppClose_Closed) {
    // tcp_close_state(): a socket whose connection lives on in a TIME_WAIT record
    EXPECT_EQ(nextState(TimeWait, TcpEvent::AppClose), Closed);
}

TEST(Transition, Established_AppShutdown_FinWait1) {
    // tcp_shutdown() -> tcp_close_state()
    EXPECT_EQ(nextState(Established, TcpEvent::AppShutdown), FinWait1);
}
TEST(Transition, SynReceived_AppShutdown_FinWait1) {
    // tcp_shutdown() -> tcp_close_state()
    EXPECT_EQ(nextState(SynReceived, TcpEvent::AppShutdown), FinWait1);
}
TEST(Transition, CloseWait_AppShutdown_LastAck) {
    // tcp_shutdown() -> tcp_close_state()
    EXPECT_EQ(nextState(CloseWait, TcpEvent::AppShutdown), LastAck);
}
TEST(Transition, SynSent_AppShutdown_Closed) {
    // tcp_disconnect(): the connect is abandoned
    EXPECT_EQ(nextState(SynSent, TcpEvent::AppShutdown), Closed);
}
TEST(Transition, TimeWait_Timeout2Msl_Closed) {
    // TCP_TIMEWAIT_LEN expires
    EXPECT_EQ(nextState(TimeWait, TcpEvent::Timeout2Msl), Closed);
}
TEST(Transition, FinWait2_TimeoutFinWait2_Closed) {
    // tcp_fin_timeout expires
    EXPECT_EQ(nextState(FinWait2, TcpEvent::TimeoutFinWait2), Closed);
}
TEST(Transition, AnyState_Abort_Closed) {
    // tcp_done() and tcp_disconnect(): a RST, a timeout, SO_LINGER {1, 0}
    for (int s = 0; s < kTcpStateCount; ++s) {
        EXPECT_EQ(nextState(static_cast<TcpState>(s), TcpEvent::Abort), Closed) << s;
    }
}

TEST(Transition, EveryOtherPair_LeavesTheStateAsItIs) {
    const std::vector<std::tuple<TcpState, TcpEvent>> rows = {
        {Closed, TcpEvent::AppListen},        {Closed, TcpEvent::AppConnect},
        {Listen, TcpEvent::RcvSyn},           {SynSent, TcpEvent::RcvSynAck},
        {SynReceived, TcpEvent::RcvAckOfSyn}, {SynReceived, TcpEvent::RcvFin},
        {Established, TcpEvent::RcvFin},      {FinWait1, TcpEvent::RcvFin},
        {FinWait2, TcpEvent::RcvFin},         {FinWait1, TcpEvent::RcvAckOfFin},
        {Closing, TcpEvent::RcvAckOfFin},     {LastAck, TcpEvent::RcvAckOfFin},
        {Established, TcpEvent::AppClose},    {SynReceived, TcpEvent::AppClose},
        {CloseWait, TcpEvent::AppClose},      {SynSent, TcpEvent::AppClose},
        {Listen, TcpEvent::AppClose},         {TimeWait, TcpEvent::AppClose},
        {Established, TcpEvent::AppShutdown}, {SynReceived, TcpEvent::AppShutdown},
        {CloseWait, TcpEvent::AppShutdown},   {SynSent, TcpEvent::AppShutdown},
        {TimeWait, TcpEvent::Timeout2Msl},    {FinWait2, TcpEvent::TimeoutFinWait2},
    };
    int unchanged = 0;
    for (int s = 0; s < kTcpStateCount; ++s) {
        for (int e = 0; e < kTcpEventCount; ++e) {
            const auto state = static_cast<TcpState>(s);
            const auto event = static_cast<TcpEvent>(e);
            if (event == TcpEvent::Abort ||
                std::find(rows.begin(), rows.end(), std::tuple(state, event)) != rows.end()) {
                continue;
            }
            EXPECT_EQ(nextState(state, event), state) << tcpEventName(event) << " in " << s;
            ++unchanged;
        }
    }
    EXPECT_EQ(unchanged, kTcpStateCount * (kTcpEventCount - 1) - static_cast<int>(rows.size()));
}

TEST(Transition, EventNames_AreInetStyle) {
    EXPECT_EQ(tcpEventName(TcpEvent::RcvFin), "RCV_FIN");
    EXPECT_EQ(tcpEventName(TcpEvent::TimeoutFinWait2), "TIMEOUT_FIN_WAIT_2");
}

} // namespace
} // namespace tdl
