// packetdrill's verdicts on an outbound segment and on the time of an event.

#include "script_judge.h"

#include "packetdrill_text.h"

#include <algorithm>
#include <cstdlib>

namespace tdl::pd {

ActualPacket scriptView(const Segment& segment, Seq kernelIsn) {
    ActualPacket actual;
    actual.flags = segment.flags;
    actual.seq = static_cast<std::uint32_t>(segment.seq - kernelIsn);
    actual.length = segment.length;
    actual.ack = segment.has(flag::kAck) ? segment.ack.value() : 0;
    actual.window = segment.window;
    actual.options = linuxOptionOrder(segment);
    return actual;
}

std::uint32_t TsValMap::map(std::uint32_t script, std::uint32_t actual) {
    if (!anchored) {
        anchored = true;
        firstScript = script;
        firstActual = actual;
    }
    scriptToActual.emplace_back(script, actual);
    return firstScript + (actual - firstActual);
}

std::optional<std::uint32_t> TsValMap::liveEcr(std::uint32_t scriptEcr, bool ecrScaled) const {
    // The newest mapping of that script value wins, as packetdrill's hash map keeps the last set.
    for (auto it = scriptToActual.rbegin(); it != scriptToActual.rend(); ++it) {
        if (it->first == scriptEcr) {
            return it->second;
        }
    }
    if (ecrScaled && anchored) {
        return scriptEcr - firstScript + firstActual;
    }
    return std::nullopt;
}

Duration tolerance(const ScriptOptions& options, Duration sincePrevious) {
    const Duration fixed{options.toleranceUsecs};
    const auto dynamic = Duration{static_cast<std::int64_t>(
        options.tolerancePercent / 100.0 * static_cast<double>(sincePrevious.count()))};
    return std::max(fixed, dynamic);
}

bool onTime(SimTime actual, SimTime expected, std::optional<SimTime> expectedEnd, Duration slack) {
    const SimTime last = expectedEnd.value_or(expected);
    return actual >= expected - slack && actual <= last + slack;
}

namespace {

std::string headText(std::uint8_t flags, std::uint32_t seq, std::uint32_t length,
                     std::optional<std::uint32_t> ack) {
    std::string text = flagsText(flags) + " " + std::to_string(seq) + ":" +
                       std::to_string(seq + length) + "(" + std::to_string(length) + ")";
    if (ack) {
        text += " ack " + std::to_string(*ack);
    }
    return text;
}

} // namespace

std::string packetText(const PacketSpec& packet) {
    std::string text = headText(packet.flags, packet.seq, packet.length, packet.ack);
    if (packet.window) {
        text += " win " + std::to_string(*packet.window);
    }
    if (packet.anyOptions) {
        text += " <...>";
    } else if (!packet.options.empty()) {
        text += " " + optionsText(packet.options);
    }
    return text;
}

std::string actualText(const ActualPacket& actual, const PacketSpec& shape) {
    std::string text =
        headText(actual.flags, actual.seq, actual.length,
                 (actual.flags & flag::kAck) != 0 ? std::optional(actual.ack) : std::nullopt);
    if (shape.window) {
        text += " win " + std::to_string(actual.window);
    }
    if (!shape.anyOptions && (!shape.options.empty() || !actual.options.empty())) {
        text += " " + optionsText(actual.options);
    }
    return text;
}

std::optional<std::string> packetMismatch(const PacketSpec& expected, const ActualPacket& actual,
                                          const ScriptOptions& options, Duration tsSlack) {
    // verify_tcp()'s order: the flags, then seq, ack and window.
    if (expected.flags != actual.flags) {
        return std::string("flags");
    }
    if (expected.seq != actual.seq || expected.length != actual.length) {
        return std::string(expected.seq != actual.seq ? "seq" : "length");
    }
    if ((expected.flags & flag::kAck) != 0 && expected.ack.value_or(0) != actual.ack) {
        return std::string("ack");
    }
    if (expected.window && *expected.window != actual.window) {
        return std::string("window");
    }
    if (expected.anyOptions) {
        return std::nullopt;
    }
    if (expected.options.size() != actual.options.size()) {
        return std::string("options");
    }
    for (std::size_t i = 0; i < expected.options.size(); ++i) {
        const TcpOptionSpec& want = expected.options[i];
        const TcpOptionSpec& got = actual.options[i];
        if (want.kind != got.kind) {
            return std::string("options");
        }
        if (want.kind == OptionKind::Timestamp) {
            // Only the TS val is checked, and only with --tcp_ts_tick_usecs; the ecr is not.
            const auto ticks = std::llabs(static_cast<std::int32_t>(got.value - want.value));
            if (options.tsTickUsecs != 0 && ticks * options.tsTickUsecs > tsSlack.count()) {
                return std::string("TS val");
            }
        } else if (want.value != got.value) {
            return std::string(want.kind == OptionKind::Mss ? "mss" : "wscale");
        }
    }
    return std::nullopt;
}

std::string secondsText(Duration time) {
    const std::int64_t us = time.count();
    const bool negative = us < 0;
    const std::int64_t magnitude = negative ? -us : us;
    std::string fraction = std::to_string(magnitude % 1'000'000);
    fraction.insert(0, 6 - fraction.size(), '0');
    while (fraction.size() > 3 && fraction.back() == '0') {
        fraction.pop_back();
    }
    return (negative ? "-" : "") + std::to_string(magnitude / 1'000'000) + "." + fraction + " s";
}

} // namespace tdl::pd
