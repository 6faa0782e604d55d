#pragma once

#include "net_types.h"
#include "seq.h"
#include "sim_time.h"
#include "tcp_state.h"

#include <cstdint>

namespace tdl {

// struct tcp_timewait_sock: what outlives the full socket, and no more. Slim on purpose: a busy
// server keeps hundreds of thousands of them.
struct TimeWaitSock {
    FourTuple tuple;
    SocketId id = kNoSocket; // the incarnation it continues
    SocketId peerIncarnation = kNoSocket;
    HostId host = kNoHost;
    TcpState substate = TcpState::TimeWait; // TIME_WAIT, or FIN_WAIT_2 for an orphan's linger
    bool connectPort = false;
    std::uint16_t rcvWnd = 0; // the window its ACKs carry, already scaled
    Seq sndNxt;
    Seq rcvNxt;
    std::uint32_t tsRecent = 0;
    std::uint32_t tsOffset = 0;
    std::int64_t tsRecentStamp = 0; // seconds, 0 = timestamps not in use
    SimTime entryStamp{};           // tw_entry_stamp
    SimTime deadline{};
    SimTime lastOowAck{};
    bool lastOowAckSet = false;
    std::uint32_t generation = 0;
};

// The ISN a new connection on a TIME_WAIT record's 4-tuple starts from, beyond anything the old
// one sent: tw_snd_nxt + 65535 + 2, and never 0 (tcp_timewait_state_process() for a SYN it
// accepts, tcp_twsk_unique() for connect() reusing the record).
inline Seq timeWaitSuccessorIsn(const TimeWaitSock& tw) {
    const Seq isn = tw.sndNxt + (65535U + 2U);
    return isn.value() == 0 ? Seq(1) : isn;
}

} // namespace tdl
