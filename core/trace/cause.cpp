#include "cause.h"

#include <cerrno>

namespace tdl {

namespace {
constexpr std::array<std::string_view, kCauseCount> kKeys = {
#define TDL_CAUSE_KEY(name, key) key,
    TDL_CAUSES(TDL_CAUSE_KEY)
#undef TDL_CAUSE_KEY
};
} // namespace

std::string_view causeKey(Cause cause) {
    return kKeys[static_cast<std::size_t>(cause)];
}

bool parseCauseKey(std::string_view key, Cause& out) {
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (kKeys[i] == key) {
            out = static_cast<Cause>(i);
            return true;
        }
    }
    return false;
}

std::string_view errnoName(int error) {
    switch (error) {
    case 0:
        return "";
    case ECONNRESET:
        return "ECONNRESET";
    case ECONNREFUSED:
        return "ECONNREFUSED";
    case EPIPE:
        return "EPIPE";
    case ETIMEDOUT:
        return "ETIMEDOUT";
    case EADDRNOTAVAIL:
        return "EADDRNOTAVAIL";
    case EADDRINUSE:
        return "EADDRINUSE";
    case ENOTCONN:
        return "ENOTCONN";
    case EINVAL:
        return "EINVAL";
    case EHOSTUNREACH:
        return "EHOSTUNREACH";
    case EBADF:
        return "EBADF";
    case EISCONN:
        return "EISCONN";
    // What a packetdrill script's non-blocking calls return (core/script).
    case EINPROGRESS:
        return "EINPROGRESS";
    case EAGAIN:
        return "EAGAIN";
    default:
        return "E?";
    }
}

} // namespace tdl
