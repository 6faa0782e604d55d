#pragma once

// Whether a fault rule picks a segment: one definition for the engine (Network::matchFault) and
// for the what-if editor, which counts in a finished trace which match a new rule's `nth` is.
//
// Fault rules are this program's own fault injection, not anything Linux has: the kernel never
// sees them. A rule names a segment by what it is (sender, direction, flags, payload, the sending
// incarnation, its sequence number relative to that incarnation's ISN) so that it keeps naming
// the same segment when an earlier edit changes how many segments were sent before it.

#include "scenario.h"
#include "segment.h"
#include "seq.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tdl {

inline constexpr std::uint8_t kAllSegmentFlags =
    flag::kFin | flag::kSyn | flag::kRst | flag::kPsh | flag::kAck;

// A rule that asks for exactly these flags: all of them and none of the others.
inline void requireExactFlags(FaultRule& rule, std::uint8_t flags) {
    rule.flags = flags;
    rule.notFlags = static_cast<std::uint8_t>(kAllSegmentFlags & ~flags);
}
inline bool hasExactFlags(const FaultRule& rule) {
    return (rule.flags | rule.notFlags) == kAllSegmentFlags && (rule.flags & rule.notFlags) == 0;
}

// `from` and `to` are host names (`to` is empty when nothing routes the segment). The sender's
// name and ISN are asked for only when the rule needs them, since the engine looks them up in
// hash tables: socketName() returns the sending incarnation's name or nullptr if it has none,
// senderIsn() its ISN or nullopt if it is not known (a segment no socket sent: an RST for a closed
// port). The rule's nth is not checked here: it counts these matches.
template <class SocketName, class SenderIsn>
bool faultRulePicks(const FaultRule& rule, std::string_view from, std::string_view to,
                    const Segment& segment, std::uint32_t ordinal, SocketName&& socketName,
                    SenderIsn&& senderIsn) {
    if (!rule.from.empty() && rule.from != from) {
        return false;
    }
    if (!rule.to.empty() && rule.to != to) {
        return false;
    }
    if ((segment.flags & rule.flags) != rule.flags || (segment.flags & rule.notFlags) != 0) {
        return false;
    }
    if (rule.data >= 0 && (segment.length > 0) != (rule.data == 1)) {
        return false;
    }
    if (rule.ordinal != 0 && rule.ordinal != ordinal) {
        return false;
    }
    if (!rule.socket.empty()) {
        const std::string* name = socketName();
        if (name == nullptr || *name != rule.socket) {
            return false;
        }
    }
    if (rule.seq) {
        const std::optional<Seq> isn = senderIsn();
        if (!isn || segment.seq.value() - isn->value() != *rule.seq) {
            return false;
        }
    }
    return true;
}

} // namespace tdl
