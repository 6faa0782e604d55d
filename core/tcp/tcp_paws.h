#pragma once

// PAWS, RFC 7323 §5: net/ipv4/tcp_input.c's tcp_paws_check() and tcp_paws_reject().

#include <cstdint>

namespace tdl {

// tcp_paws_check(): does a TSval pass against ts_recent, allowing `window` ticks of disorder?
bool pawsCheck(std::uint32_t tsRecent, std::int64_t tsRecentStamp, std::uint32_t tsval,
               std::int64_t nowSeconds, int window);

// tcp_paws_reject(): strict PAWS for TIME_WAIT and SYN-SENT; a RST passes once ts_recent is older
// than TCP_PAWS_MSL.
bool pawsReject(std::uint32_t tsRecent, std::int64_t tsRecentStamp, std::uint32_t tsval,
                std::int64_t nowSeconds, bool rst);

} // namespace tdl
