#pragma once

// The receive window: what Linux offers on the SYN and SYN,ACK (tcp_select_initial_window()),
// what it offers after (__tcp_select_window(), tcp_select_window()) and the window scale it sends
// them in (RFC 7323). Pure functions over the socket's fields, so that tests can pin each rule.

#include "tcp_sock.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace tdl {

inline constexpr int kMaxWscale = 14;        // TCP_MAX_WSCALE (RFC 7323 §2.3)
inline constexpr std::uint32_t kMinMss = 88; // TCP_MIN_MSS

// tcp_full_space() of a socket whose sk_rcvbuf is `rcvbuf`: tcp_win_from_space() at
// TCP_DEFAULT_SCALING_RATIO offers half of the buffer as window, the rest is overhead.
constexpr std::uint32_t tcpFullSpace(std::uint32_t rcvbuf) {
    return rcvbuf / 2;
}

// The receive space a setsockopt(SO_RCVBUF, val) leaves: sock_setsockopt() clamps val to
// net.core.rmem_max, __sock_set_rcvbuf() stores sk_rcvbuf = max(val * 2, SOCK_MIN_RCVBUF), and
// tcp_full_space() offers half of it.
constexpr std::uint32_t receiveSpaceFromSoRcvbuf(std::uint32_t val, std::uint32_t rmemMax) {
    return tcpFullSpace(std::max(std::min(val, rmemMax) * 2, kSockMinRcvbuf));
}

struct InitialWindow {
    std::uint32_t rcvWnd = 0;      // the SYN's window, before the 16-bit field caps it
    std::uint8_t rcvWscale = 0;    // the shift our window scale option announces
    std::uint32_t windowClamp = 0; // the largest window ever offered
};

// tcp_select_initial_window(): `space` is tcp_full_space(); `clamp` is 0, or the full space when
// SO_RCVBUF locked the buffer; `scaleSpace` is max(tcp_rmem[2], net.core.rmem_max), the buffer
// the socket may grow to, which the scale is chosen for. Since 6.10 rcv_wnd is not capped at
// 64 KiB (only the SYN's field is).
constexpr InitialWindow tcpSelectInitialWindow(std::uint32_t space, std::uint32_t mss,
                                               std::uint32_t clamp, bool wscaleOk,
                                               std::uint32_t scaleSpace) {
    InitialWindow w;
    const std::uint32_t windowClamp = clamp != 0 ? clamp : kMaxWindow << kMaxWscale;
    space = std::min(windowClamp, space);
    if (space > mss) {
        space -= space % mss; // a multiple of the MSS
    }
    w.rcvWnd = space;
    if (wscaleOk) {
        const std::uint32_t scaled = std::min(std::max(space, scaleSpace), windowClamp);
        const int log2 = std::bit_width(scaled) - 1; // ilog2()
        w.rcvWscale = static_cast<std::uint8_t>(std::clamp(log2 - 15, 0, kMaxWscale));
    }
    w.windowClamp = std::min(kMaxWindow << w.rcvWscale, windowClamp);
    return w;
}

// tcp_initialize_rcv_mss(): the guess of the peer's segment size before any data came.
constexpr std::uint16_t tcpInitialRcvMss(std::uint32_t rcvWnd) {
    return static_cast<std::uint16_t>(
        std::max(std::min({kDefaultMss, rcvWnd / 2, std::uint32_t{kMssDefault}}), kMinMss));
}

// tcp_receive_window(): what is left of the window last offered, in bytes.
inline std::uint32_t tcpReceiveWindow(const TcpSock& sock) {
    const Seq edge = sock.rcvWup + sock.lastAdvertised;
    return after(edge, sock.rcvNxt) ? static_cast<std::uint32_t>(edge - sock.rcvNxt) : 0;
}

// What the buffer has room for: the full space less what the application has not read (the
// engine counts payload bytes where the kernel counts skb truesize against sk_rcvbuf: it takes
// the default scaling ratio's guess, truesize = twice the payload).
inline std::uint32_t tcpFreeSpace(const TcpSock& sock) {
    return sock.receiveBuffer -
           static_cast<std::uint32_t>(std::min<std::uint64_t>(sock.unread, sock.receiveBuffer));
}

// __tcp_select_window(): the window the buffer allows now, in bytes (not yet scaled, and before
// tcp_select_window()'s rule that an offered window never shrinks).
inline std::uint32_t tcpChooseWindow(const TcpSock& sock) {
    const std::uint32_t allowed = sock.receiveBuffer;
    const std::uint32_t full = std::min(sock.windowClamp, allowed);
    std::uint32_t mss = sock.rcvMss;
    if (mss > full) {
        mss = full;
        if (mss == 0) {
            return 0;
        }
    }
    std::uint32_t free = tcpFreeSpace(sock);
    const std::uint32_t granule = 1U << sock.rcvWscale;
    if (free < full / 2) {
        // Less than half free: round down so that scaling cannot grow it, and close the window
        // rather than offer less than an MSS or a 16th of the buffer.
        free -= free % granule;
        if (free < (allowed >> 4) || free < mss) {
            return 0;
        }
    }
    free = std::min(free, sock.rcvSsthresh);
    if (sock.rcvWscale != 0) {
        // Enough that scaling does not take it to 0: aligned up to the scale's unit.
        return (free + granule - 1) & ~(granule - 1);
    }
    // Unscaled: a multiple of the MSS, kept as it is while within one MSS of the free space.
    std::uint32_t window = sock.lastAdvertised;
    if (static_cast<std::int64_t>(window) <= static_cast<std::int64_t>(free) - mss ||
        window > free) {
        window = free - free % mss;
    } else if (mss == full && free > window + (full >> 1)) {
        window = free;
    }
    return window;
}

// tcp_select_window(): the window of every segment after the SYNs, in the scaled units the wire
// carries; it becomes rcv_wnd, offered from rcv_nxt. An offered window never shrinks
// (net.ipv4.tcp_shrink_window = 0): its right edge stays, aligned up to the scale's unit.
inline std::uint16_t tcpSelectWindow(TcpSock& sock) {
    const std::uint32_t current = tcpReceiveWindow(sock);
    std::uint32_t window = tcpChooseWindow(sock);
    if (window < current) {
        const std::uint32_t granule = 1U << sock.rcvWscale;
        window = (current + granule - 1) & ~(granule - 1);
    }
    sock.lastAdvertised = window;
    sock.rcvWup = sock.rcvNxt;
    return static_cast<std::uint16_t>(std::min(window, kMaxWindow << sock.rcvWscale) >>
                                      sock.rcvWscale);
}

} // namespace tdl
