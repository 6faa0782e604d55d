#pragma once

// The TCP state machine as one table: an event (an arriving segment already classified, an
// application call, a timer) moves a state to the next. TcpStack::transition() looks the next
// state up here, and TcpStack::onEnter() holds what entering a state does.

#include "tcp_state.h"

#include <cstdint>
#include <string_view>

namespace tdl {

enum class TcpEvent : std::uint8_t {
    AppListen,       // listen()
    AppConnect,      // connect(): our SYN goes out
    AppClose,        // close(): tcp_close_state()
    AppShutdown,     // shutdown(SHUT_WR): tcp_close_state(); in SYN-SENT, tcp_disconnect()
    RcvSyn,          // a SYN reaches a listener: the child is born in SYN-RECEIVED
    RcvSynAck,       // SYN-SENT: the SYN,ACK that answers our SYN
    RcvAckOfSyn,     // SYN-RECEIVED: the ACK of our SYN,ACK
    RcvFin,          // tcp_fin(): the peer's FIN, in order
    RcvAckOfFin,     // the ACK of our FIN
    Abort,           // tcp_done(), tcp_disconnect(): a RST, retries exhausted, SO_LINGER {1, 0}
    Timeout2Msl,     // the TIME_WAIT record's timer (TCP_TIMEWAIT_LEN)
    TimeoutFinWait2, // an orphan's FIN-WAIT-2 timer (tcp_fin_timeout)
};
inline constexpr int kTcpEventCount = 12;
std::string_view tcpEventName(TcpEvent event); // "RCV_FIN", as INET writes them

// The next state, or the same state where the event changes nothing: RFC 9293 §3.3.2's diagram as
// Linux runs it. AppClose is tcp_close_state()'s new_state[] table; shutdown(SHUT_WR) takes the
// same steps where it acts at all. In the header so that a caller that knows its state gets the
// answer folded in.
[[gnu::always_inline]] constexpr TcpState nextState(TcpState s, TcpEvent e) {
    using enum TcpState;
    switch (e) {
    case TcpEvent::AppListen:
        return s == Closed ? Listen : s;
    case TcpEvent::AppConnect:
        return s == Closed ? SynSent : s;
    case TcpEvent::RcvSyn:
        return s == Listen ? SynReceived : s;
    case TcpEvent::RcvSynAck:
        return s == SynSent ? Established : s;
    case TcpEvent::RcvAckOfSyn:
        return s == SynReceived ? Established : s;
    case TcpEvent::RcvFin:
        switch (s) {
        case SynReceived:
        case Established:
            return CloseWait;
        case FinWait1:
            return Closing; // simultaneous close
        case FinWait2:
            return TimeWait;
        default:
            return s;
        }
    case TcpEvent::RcvAckOfFin:
        switch (s) {
        case FinWait1:
            return FinWait2;
        case Closing:
            return TimeWait;
        case LastAck:
            return Closed;
        default:
            return s;
        }
    case TcpEvent::AppClose:
        switch (s) {
        case SynReceived:
        case Established:
            return FinWait1;
        case CloseWait:
            return LastAck;
        case Closed:
        case Listen:
        case SynSent:
        case TimeWait:
            return Closed;
        default:
            return s;
        }
    case TcpEvent::AppShutdown:
        switch (s) {
        case SynReceived:
        case Established:
            return FinWait1;
        case CloseWait:
            return LastAck;
        case SynSent:
            return Closed;
        default:
            return s;
        }
    case TcpEvent::Abort:
        return Closed;
    case TcpEvent::Timeout2Msl:
        return s == TimeWait ? Closed : s;
    case TcpEvent::TimeoutFinWait2:
        return s == FinWait2 ? Closed : s;
    }
    return s;
}

} // namespace tdl
