#include "tcp_paws.h"

#include "tcp_timing.h"

namespace tdl {

bool pawsCheck(std::uint32_t tsRecent, std::int64_t tsRecentStamp, std::uint32_t tsval,
               std::int64_t nowSeconds, int window) {
    if (static_cast<std::int32_t>(tsRecent - tsval) <= window) {
        return true;
    }
    if (nowSeconds >= tsRecentStamp + kPawsWrapSeconds) {
        return true; // ts_recent is too old to compare with (TCP_PAWS_WRAP)
    }
    return tsRecent == 0;
}

bool pawsReject(std::uint32_t tsRecent, std::int64_t tsRecentStamp, std::uint32_t tsval,
                std::int64_t nowSeconds, bool rst) {
    if (pawsCheck(tsRecent, tsRecentStamp, tsval, nowSeconds, 0)) {
        return false;
    }
    if (rst &&
        nowSeconds >=
            tsRecentStamp + std::chrono::duration_cast<std::chrono::seconds>(kPawsMsl).count()) {
        return false;
    }
    return true;
}

} // namespace tdl
