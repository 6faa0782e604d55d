#include "fact.h"

#include <array>

namespace tdl {

std::string_view factKindKey(FactKind kind) {
    static constexpr std::array<std::string_view, 11> kKeys = {
        "segment_sent",       "segment_delivered", "segment_dropped", "segment_delayed",
        "segment_duplicated", "state_changed",     "timer_armed",     "timer_fired",
        "timer_cancelled",    "app_call",          "anomaly"};
    return kKeys[static_cast<std::size_t>(kind)];
}

std::string_view timerKindKey(TimerKind kind) {
    static constexpr std::array<std::string_view, kTimerKindCount> kKeys = {
        "retransmit", "delayed_ack", "zero_window_probe", "fin_wait_2", "time_wait"};
    return kKeys[static_cast<std::size_t>(kind)];
}

namespace {
constexpr std::array<std::string_view, 8> kAppCallKeys = {
    "listen", "connect",      "send",           "shutdown",
    "close",  "stop_reading", "resume_reading", "set_linger"};
}

std::string_view appCallKey(AppCallKind call) {
    return kAppCallKeys[static_cast<std::size_t>(call)];
}

bool parseAppCallKey(std::string_view key, AppCallKind& out) {
    for (std::size_t i = 0; i < kAppCallKeys.size(); ++i) {
        if (kAppCallKeys[i] == key) {
            out = static_cast<AppCallKind>(i);
            return true;
        }
    }
    return false;
}

} // namespace tdl
