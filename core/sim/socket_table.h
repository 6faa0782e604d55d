#pragma once

#include "net_types.h"
#include "sim_time.h"
#include "tcp_state.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tdl {

// The timer `ss -o` shows for a socket (inet_diag's timer_active). The delayed ACK timer is not
// reported by the kernel, so it is not here either.
enum class SsTimer : std::uint8_t {
    Off,
    On,        // 1: the retransmission timer (ICSK_TIME_RETRANS)
    Keepalive, // 2: sk_timer, which an orphan's FIN_WAIT_2 borrows (tcp_close)
    TimeWait,  // 3: a tcp_timewait_sock's tw_timer (TIME_WAIT or the FIN_WAIT_2 linger)
    Persist,   // 4: the zero-window probe timer (ICSK_TIME_PROBE0)
};

// One socket alive at an instant, as `ss -tano` prints it on its host.
struct SocketRow {
    HostId host = kNoHost;
    SocketId socket = kNoSocket; // the incarnation; a TIME_WAIT record keeps its socket's id
    TcpState state = TcpState::Closed;
    FourTuple tuple; // a listener's remote endpoint is 0.0.0.0:0
    // As tcp_diag_get_info() computes them: rcv_nxt - copied_seq (an unread FIN counts 1, hence
    // CLOSE-WAIT's familiar "1 0") and write_seq - snd_una (an unacknowledged SYN or FIN counts
    // 1). The accept queue is not modelled, so a listener shows 0 and 0.
    std::uint64_t recvQ = 0;
    std::uint64_t sendQ = 0;
    bool orphan = false;         // close()d: no file descriptor any more
    bool timeWaitRecord = false; // a tcp_timewait_sock, not a full socket
    SsTimer timer = SsTimer::Off;
    Duration timerLeft{};
    int retransmits = 0; // ss's third timer field: retransmissions, or probes for persist
    // For a load run: the connection's index (0-based, in connect() order), as
    // traceLoadConnection() takes it. Empty for a listener or a socket of a scripted action.
    std::optional<std::uint64_t> connection;
    friend bool operator==(const SocketRow&, const SocketRow&) = default;
};

} // namespace tdl
