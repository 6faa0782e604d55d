#include "scenario.h"

#include <array>

namespace tdl {

namespace {
constexpr std::array<std::string_view, 4> kTriggerKeys = {"at", "established", "eof", "error"};
constexpr std::array<std::string_view, 3> kFaultKeys = {"drop", "delay", "duplicate"};

template <typename Enum, std::size_t N>
bool parseKey(const std::array<std::string_view, N>& keys, std::string_view key, Enum& out) {
    for (std::size_t i = 0; i < N; ++i) {
        if (keys[i] == key) {
            out = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}
} // namespace

std::string_view triggerKey(Trigger trigger) {
    return kTriggerKeys[static_cast<std::size_t>(trigger)];
}
bool parseTriggerKey(std::string_view key, Trigger& out) {
    return parseKey(kTriggerKeys, key, out);
}

std::string_view faultActionKey(FaultAction action) {
    return kFaultKeys[static_cast<std::size_t>(action)];
}
bool parseFaultActionKey(std::string_view key, FaultAction& out) {
    return parseKey(kFaultKeys, key, out);
}

std::string_view momentEventKey(MomentEvent event) {
    static constexpr std::array<std::string_view, 4> kKeys = {"enters", "sends", "loses", "fires"};
    return kKeys[static_cast<std::size_t>(event)];
}

namespace {
constexpr std::array<std::string_view, 2> kCloserKeys = {"client", "server"};
}

std::string_view closerKey(Closer closer) {
    return kCloserKeys[static_cast<std::size_t>(closer)];
}
bool parseCloserKey(std::string_view key, Closer& out) {
    return parseKey(kCloserKeys, key, out);
}

int Scenario::hostIndex(std::string_view name) const {
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        if (hosts[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace tdl
