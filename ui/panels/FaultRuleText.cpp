#include "FaultRuleText.h"

#include "TraceText.h"
#include "fault_rule_match.h"

namespace tdl::ui {

namespace {

// An ACK with no SYN, FIN or RST and no payload: what the presets call the final ACK.
bool isPureAck(const FaultRule& rule) {
    constexpr std::uint8_t kOthers = flag::kSyn | flag::kFin | flag::kRst;
    return rule.flags == flag::kAck && (rule.notFlags & kOthers) == kOthers && rule.data == 0;
}

// A rule's flags and sequence number name one segment of the sender's stream: a SYN or FIN takes
// a sequence number of its own, so only its retransmissions share it.
bool namesOneSegment(const FaultRule& rule) {
    return rule.seq && (rule.flags & (flag::kSyn | flag::kFin)) != 0;
}

} // namespace

QString FaultRuleText::exactNoun(const FaultRule& rule) {
    if ((rule.flags & flag::kSyn) != 0) {
        return TraceText::flagsText(rule.flags & (flag::kSyn | flag::kAck));
    }
    if ((rule.flags & flag::kFin) != 0) {
        return rule.data == 1 ? tr("%1 with data").arg(QStringLiteral("FIN"))
                              : QStringLiteral("FIN");
    }
    if ((rule.flags & flag::kRst) != 0) {
        return QStringLiteral("RST");
    }
    return rule.data == 1 ? tr("data segment") : tr("pure ACK");
}

QString FaultRuleText::transmissionOf(std::uint32_t n, const QString& noun) {
    switch (n) {
    case 2:
        return tr("second transmission of its %1").arg(noun);
    case 3:
        return tr("third transmission of its %1").arg(noun);
    default:
        return tr("transmission %1 of its %2").arg(n).arg(noun);
    }
}

QString FaultRuleText::ordinalWord(std::uint32_t n) {
    switch (n) {
    case 1:
        return tr("first");
    case 2:
        return tr("second");
    case 3:
        return tr("third");
    default:
        break;
    }
    const std::uint32_t lastTwo = n % 100;
    if (lastTwo < 11 || lastTwo > 13) {
        switch (n % 10) {
        case 1:
            return tr("%1st").arg(n);
        case 2:
            return tr("%1nd").arg(n);
        case 3:
            return tr("%1rd").arg(n);
        default:
            break;
        }
    }
    return tr("%1th").arg(n);
}

QString FaultRuleText::target(const FaultRule& rule) {
    QString noun;
    if (rule.ordinal != 0) {
        noun = tr("segment #%1").arg(rule.ordinal);
    } else if (hasExactFlags(rule)) {
        noun = exactNoun(rule);
    } else if (isPureAck(rule)) {
        noun = tr("pure ACK");
    } else {
        noun = rule.flags != 0 ? TraceText::flagsText(rule.flags) : tr("segment");
        if (rule.notFlags != 0) {
            noun = tr("%1 without %2").arg(noun, TraceText::flagsText(rule.notFlags));
        }
        if (rule.data == 1) {
            noun = tr("%1 with data").arg(noun);
        } else if (rule.data == 0) {
            noun = tr("%1 without data").arg(noun);
        }
    }
    if (rule.seq && !namesOneSegment(rule)) {
        noun = tr("%1 at seq %2", "a segment and its relative sequence number: pure ACK at seq 2")
                   .arg(noun)
                   .arg(*rule.seq);
    }
    const QString from = QString::fromStdString(rule.from);
    QString picked;
    if (rule.nth == 0 && rule.ordinal == 0) {
        picked =
            from.isEmpty() ? tr("every %1").arg(noun) : tr("every %1 from the %2").arg(noun, from);
    } else {
        if (rule.nth >= 2 && namesOneSegment(rule) && !from.isEmpty()) {
            noun = transmissionOf(rule.nth, noun);
        } else if (rule.nth != 0) {
            noun =
                tr("%1 %2", "an ordinal and a segment: first FIN").arg(ordinalWord(rule.nth), noun);
        }
        picked = from.isEmpty() ? tr("the %1", "the first FIN").arg(noun)
                                : tr("the %1's %2").arg(from, noun);
    }
    const QString socket = QString::fromStdString(rule.socket);
    const QString to = QString::fromStdString(rule.to);
    if (!socket.isEmpty() && !to.isEmpty()) {
        return tr("%1 on socket %2 to the %3").arg(picked, socket, to);
    }
    if (!socket.isEmpty()) {
        return tr("%1 on socket %2").arg(picked, socket);
    }
    if (!to.isEmpty()) {
        return tr("%1 to the %2").arg(picked, to);
    }
    return picked;
}

QString FaultRuleText::describe(const FaultRule& rule) {
    const QString picked = target(rule);
    switch (rule.action) {
    case FaultAction::Drop:
        return tr("drop %1").arg(picked);
    case FaultAction::Delay:
        return tr("delay %1 by %2").arg(picked, TraceText::duration(rule.delay));
    case FaultAction::Duplicate:
        return tr("duplicate %1").arg(picked);
    }
    return picked;
}

} // namespace tdl::ui
