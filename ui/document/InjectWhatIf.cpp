#include "InjectWhatIf.h"

#include "TraceText.h"

#include <algorithm>

namespace tdl::ui {

namespace {

// The connection as the receiving socket saw it at a time: how far its peer's stream had arrived
// (rcv_nxt) and how far its own had gone out (snd_nxt), both relative to the ISNs, and the window
// it last advertised: the field as sent, and in bytes (the field << its window scale).
struct Moment {
    std::uint32_t rcvNxt = 1;
    std::uint32_t sndNxt = 1;
    std::uint16_t window = 65535;
    std::uint64_t windowBytes = 65535;
};

Moment momentAt(const Run& run, const SocketInfo& receiver, SocketId peer, SimTime at) {
    const Trace& trace = run.trace();
    Moment moment;
    bool heard = false;
    bool spoke = false;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        const SegmentRecord& record = trace.segments[id];
        if (record.sentAt > at) {
            break;
        }
        const Segment& segment = record.segment;
        if (segment.sender == peer && record.deliveredAt && *record.deliveredAt <= at) {
            const auto end = static_cast<std::uint32_t>(segment.endSeq() - receiver.peerIsn);
            moment.rcvNxt = heard ? std::max(moment.rcvNxt, end) : end;
            heard = true;
        } else if (segment.sender == receiver.id) {
            const auto end = static_cast<std::uint32_t>(segment.endSeq() - receiver.isn);
            moment.sndNxt = spoke ? std::max(moment.sndNxt, end) : end;
            moment.window = segment.window;
            // A window whose scale is unknown (no handshake in the trace) is taken as bytes: the
            // smallest it can be.
            moment.windowBytes = run.index().windowBytes(trace, id).value_or(segment.window);
            spoke = true;
        }
    }
    return moment;
}

CraftedNumber relative(std::uint32_t value) {
    return CraftedNumber{value, true};
}

} // namespace

QString InjectWhatIf::kindName(Kind kind) {
    switch (kind) {
    case Kind::BlindRst:
        return tr("Blind in-window RST");
    case Kind::OldDuplicateSyn:
        return tr("Old duplicate SYN");
    case Kind::StaleFin:
        return tr("Stale FIN");
    case Kind::Custom:
        return tr("Custom segment");
    }
    return {};
}

std::vector<InjectWhatIf::Target> InjectWhatIf::targetsAt(const Run& run, HostId host, SimTime at) {
    std::vector<Target> targets;
    const Trace& trace = run.trace();
    for (const SocketInfo& info : trace.sockets) {
        if (info.host != host || info.role == SocketRole::Listener || info.name.empty()) {
            continue;
        }
        const SocketId peer = run.index().peerOf(info.id);
        const TcpState state = run.index().stateAt(info.id, at);
        if (peer == kNoSocket || trace.socket(peer) == nullptr || state == TcpState::Closed) {
            continue;
        }
        targets.push_back(
            Target{info.id, peer,
                   QStringLiteral("%1 (%2)").arg(TraceText::socketName(trace, info.id),
                                                 TraceText::stateName(state))});
    }
    return targets;
}

CraftedSegment InjectWhatIf::prefill(const Run& run, const Target& target, Kind kind, SimTime at) {
    const Trace& trace = run.trace();
    const SocketInfo& receiver = *trace.socket(target.socket);
    const SocketInfo& peer = *trace.socket(target.peer);
    const Moment moment = momentAt(run, receiver, target.peer, at);
    CraftedSegment segment;
    segment.time = at;
    segment.from = trace.hosts[peer.host].name;
    segment.to = trace.hosts[receiver.host].name;
    segment.socket = receiver.name;
    segment.window = moment.window;
    switch (kind) {
    case Kind::BlindRst:
        // RFC 5961 §3: an attacker who guesses a seq anywhere in the window, not rcv_nxt itself:
        // half-way into it, in bytes (the field is in units of the receiver's window scale).
        segment.flags = flag::kRst;
        segment.seq = relative(moment.rcvNxt + static_cast<std::uint32_t>(std::max<std::uint64_t>(
                                                   1, moment.windowBytes / 2U)));
        segment.window = 0;
        break;
    case Kind::OldDuplicateSyn:
        // The peer's first SYN again, from the network's past: its ISN, no ACK.
        segment.flags = flag::kSyn;
        segment.seq = relative(0);
        segment.window = 65535;
        segment.mss = 1460;
        break;
    case Kind::StaleFin:
        // A FIN whose sequence number has already been received: a retransmission from the past.
        segment.flags = flag::kFin | flag::kAck;
        segment.seq = relative(moment.rcvNxt - 1);
        segment.ack = relative(moment.sndNxt);
        break;
    case Kind::Custom:
        // The next segment the peer would send: an ACK at the connection's current numbers.
        segment.flags = flag::kAck;
        segment.seq = relative(moment.rcvNxt);
        segment.ack = relative(moment.sndNxt);
        break;
    }
    return segment;
}

std::optional<WhatIf::Edit> InjectWhatIf::inject(const Scenario& scenario, const Run& run,
                                                 const CraftedSegment& segment, Kind kind) {
    if (std::find(scenario.crafted.begin(), scenario.crafted.end(), segment) !=
        scenario.crafted.end()) {
        return std::nullopt;
    }
    WhatIf::Edit edit{scenario, {}};
    edit.scenario.crafted.push_back(segment);
    const int host = scenario.hostIndex(segment.to);
    const QString where =
        host >= 0 ? tr("%1's %2").arg(TraceText::hostName(run.trace(), static_cast<HostId>(host)),
                                      QString::fromStdString(segment.socket))
                  : QString::fromStdString(segment.socket);
    const QString at = TraceText::duration(segment.time);
    switch (kind) {
    case Kind::BlindRst:
        edit.description = tr("Inject a blind in-window RST into %1 at %2").arg(where, at);
        break;
    case Kind::OldDuplicateSyn:
        edit.description = tr("Inject an old duplicate SYN into %1 at %2").arg(where, at);
        break;
    case Kind::StaleFin:
        edit.description = tr("Inject a stale FIN into %1 at %2").arg(where, at);
        break;
    case Kind::Custom:
        edit.description =
            segment.flags != 0
                ? tr("Inject a crafted %1 into %2 at %3")
                      .arg(TraceText::flagsText(segment.flags), where, at)
                : tr("Inject a crafted segment without flags into %1 at %2").arg(where, at);
        break;
    }
    return edit;
}

} // namespace tdl::ui
