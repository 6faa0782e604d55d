#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace tdl::ui {

// A fault rule in words, from what the rule says and nothing else: "drop the server's first FIN",
// "delay the client's second transmission of its FIN on socket c to the server by 300 ms", "delay
// the client's segment #4 to the server by 300 ms". Every place that shows a rule (the
// fault-rule panel, its undo text) goes through describe(), so a change in how rules pick their
// segment changes the words in one place.
class FaultRuleText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::FaultRuleText)

public:
    static QString describe(const FaultRule& rule);
    // "first", "second", "third", "4th", "21st"...: which match a rule's `nth` picks.
    static QString ordinalWord(std::uint32_t n);

private:
    // The segments the rule picks: "first FIN", "every pure ACK", "segment #5", with their
    // sender and receiver.
    static QString target(const FaultRule& rule);
    // What a rule with exact flags picks: "SYN,ACK", "FIN", "RST", "data segment", "pure ACK".
    static QString exactNoun(const FaultRule& rule);
    // "second transmission of its FIN": the nth sending of a segment, retransmissions counted.
    static QString transmissionOf(std::uint32_t n, const QString& noun);
};

} // namespace tdl::ui
