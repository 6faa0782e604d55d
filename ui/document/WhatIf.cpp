#include "WhatIf.h"

#include "fault_rule_match.h"

#include <algorithm>

namespace tdl::ui {

namespace {

QString describe(const Run& run, SegmentId id) {
    return QStringLiteral("%1 (#%2)")
        .arg(TraceText::segmentLabel(run.trace(), id, SeqMode::Relative))
        .arg(run.index().segment(id).ordinal);
}

} // namespace

bool WhatIf::canFault(const Run& run, SegmentId id) {
    return id < run.trace().segments.size() && run.trace().segments[id].duplicateOf == kNoSegment;
}

bool WhatIf::canRestore(const Run& run, SegmentId id) {
    return id < run.trace().segments.size() && !rulesTouching(run, id).empty();
}

std::vector<std::size_t> WhatIf::rulesTouching(const Run& run, SegmentId id) {
    std::vector<std::size_t> rules;
    const Trace& trace = run.trace();
    if (id >= trace.segments.size()) {
        return rules;
    }
    const SegmentId original =
        trace.segments[id].duplicateOf == kNoSegment ? id : trace.segments[id].duplicateOf;
    const TraceIndex::SegmentInfo& info = run.index().segment(original);
    for (const std::size_t fact : {info.droppedFact, info.delayedFact, info.duplicatedFact}) {
        if (fact == TraceIndex::kNone) {
            continue;
        }
        const Reason& reason = trace.facts[fact].reason;
        const bool byRule = reason.code == Cause::FaultDrop || reason.code == Cause::FaultDelay ||
                            reason.code == Cause::FaultDuplicate;
        if (byRule && reason.args[0] >= 1) {
            rules.push_back(static_cast<std::size_t>(reason.args[0] - 1));
        }
    }
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    return rules;
}

FaultRule WhatIf::identify(const Run& run, SegmentId id) {
    const Trace& trace = run.trace();
    const SegmentRecord& record = trace.segments[id];
    const Segment& segment = record.segment;
    const SocketInfo* sender = trace.socket(segment.sender);
    FaultRule rule;
    if (record.from < trace.hosts.size()) {
        rule.from = trace.hosts[record.from].name;
    }
    if (record.to < trace.hosts.size()) {
        rule.to = trace.hosts[record.to].name;
    }
    // A listener never picks an ISN (its children do), and a segment no socket sent has none:
    // those keep to the rest of the identity.
    if (sender != nullptr && sender->role != SocketRole::Listener) {
        rule.socket = sender->name;
        rule.seq = segment.seq.value() - sender->isn.value();
    }
    requireExactFlags(rule, segment.flags);
    rule.data = segment.length > 0 ? 1 : 0;

    // Which of the segments this rule picks is this one, counted as the engine counts: once per
    // transmission, not the copies a duplicate rule made, nor what nothing routed (the engine
    // never asks the rules about those).
    const auto hostName = [&](HostId host) -> std::string_view {
        return host < trace.hosts.size() ? std::string_view(trace.hosts[host].name)
                                         : std::string_view();
    };
    std::uint32_t nth = 0;
    for (SegmentId earlier = 0; earlier <= id; ++earlier) {
        const SegmentRecord& other = trace.segments[earlier];
        if (other.duplicateOf != kNoSegment || other.to >= trace.hosts.size()) {
            continue;
        }
        const SocketInfo* otherSender = trace.socket(other.segment.sender);
        const auto socketName = [&]() -> const std::string* {
            return otherSender != nullptr && !otherSender->name.empty() ? &otherSender->name
                                                                        : nullptr;
        };
        const auto senderIsn = [&]() -> std::optional<Seq> {
            return otherSender != nullptr && otherSender->role != SocketRole::Listener
                       ? std::optional<Seq>(otherSender->isn)
                       : std::nullopt;
        };
        if (faultRulePicks(rule, hostName(other.from), hostName(other.to), other.segment,
                           run.index().segment(earlier).ordinal, socketName, senderIsn)) {
            ++nth;
        }
    }
    rule.nth = nth;
    return rule;
}

std::optional<WhatIf::Edit> WhatIf::replaceRules(const Scenario& scenario, const Run& run,
                                                 SegmentId id, FaultAction action, Duration by,
                                                 const QString& description) {
    if (!canFault(run, id)) {
        return std::nullopt;
    }
    Edit edit{scenario, description};
    const std::vector<std::size_t> old = rulesTouching(run, id);
    for (auto it = old.rbegin(); it != old.rend(); ++it) {
        if (*it < edit.scenario.faults.size()) {
            edit.scenario.faults.erase(edit.scenario.faults.begin() +
                                       static_cast<std::ptrdiff_t>(*it));
        }
    }
    FaultRule rule = identify(run, id);
    rule.action = action;
    rule.delay = by;
    edit.scenario.faults.push_back(rule);
    return edit;
}

std::optional<WhatIf::Edit> WhatIf::drop(const Scenario& scenario, const Run& run, SegmentId id) {
    if (!canFault(run, id) || run.index().segment(id).fate == TraceIndex::Fate::Dropped) {
        return std::nullopt;
    }
    return replaceRules(scenario, run, id, FaultAction::Drop, {},
                        tr("Drop %1").arg(describe(run, id)));
}

std::optional<WhatIf::Edit> WhatIf::delay(const Scenario& scenario, const Run& run, SegmentId id,
                                          Duration by) {
    if (by <= Duration::zero()) {
        return std::nullopt;
    }
    return replaceRules(scenario, run, id, FaultAction::Delay, by,
                        tr("Delay %1 by %2").arg(describe(run, id), TraceText::duration(by)));
}

std::optional<WhatIf::Edit> WhatIf::duplicate(const Scenario& scenario, const Run& run,
                                              SegmentId id) {
    return replaceRules(scenario, run, id, FaultAction::Duplicate, {},
                        tr("Duplicate %1").arg(describe(run, id)));
}

std::optional<WhatIf::Edit> WhatIf::restore(const Scenario& scenario, const Run& run,
                                            SegmentId id) {
    const std::vector<std::size_t> rules = rulesTouching(run, id);
    if (rules.empty()) {
        return std::nullopt;
    }
    Edit edit{scenario, tr("Restore %1").arg(describe(run, id))};
    for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
        if (*it < edit.scenario.faults.size()) {
            edit.scenario.faults.erase(edit.scenario.faults.begin() +
                                       static_cast<std::ptrdiff_t>(*it));
        }
    }
    return edit;
}

} // namespace tdl::ui
