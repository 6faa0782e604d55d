// The scenario's crafted segments: each leaves its sender at its time, with its relative numbers
// counted from the ISNs the run has chosen by then, and arrives like any segment, its relative ack
// and TSecr counted from the receiving socket's ISN and first TSval when it gets there.

#include "tcp_stack.h"

namespace tdl {

namespace {

FourTuple reversed(const FourTuple& tuple) {
    return FourTuple{tuple.remote, tuple.local};
}

} // namespace

// What publish() learns about a connection's socket, for the crafted segments that name it.
void TcpStack::note(const TcpSock& sock) {
    if (sock.role == SocketRole::Listener) {
        return;
    }
    const auto [entry, fresh] = notes_.try_emplace(sock.id);
    ConnectionNote& n = entry->second;
    if (fresh) {
        // The first publish() of a connection's socket comes right before its SYN (or SYN,ACK)
        // leaves, at the same virtual time: its TSval is the one sendSegment() will stamp.
        n.host = sock.host;
        n.timestamps = sock.timestamps;
        n.firstTsVal = ctx_.tsNow(ctx_.hosts[sock.host]) + sock.tsOffset;
    }
    n.tuple = sock.tuple;
    n.iss = sock.iss;
    n.irs = sock.irs;
    // rcv_nxt is irs + 1 once the peer's SYN is known, and both are zero before.
    n.irsKnown = sock.rcvNxt != sock.irs;
}

namespace {

// The newest incarnation on `host` whose 4-tuple (its own view) is `tuple`, or nullptr.
template <typename Notes>
auto newestOn(const Notes& notes, HostId host, const FourTuple& tuple)
    -> decltype(&*notes.begin()) {
    decltype(&*notes.begin()) newest = nullptr;
    for (const auto& entry : notes) {
        if (entry.second.host == host && entry.second.tuple == tuple &&
            (newest == nullptr || entry.first > newest->first)) {
            newest = &entry;
        }
    }
    return newest;
}

} // namespace

void TcpStack::inject(std::uint32_t index) {
    const CraftedSegment& crafted = ctx_.scenario.crafted[index];
    const auto from = static_cast<HostId>(ctx_.scenario.hostIndex(crafted.from));
    const auto to = static_cast<HostId>(ctx_.scenario.hostIndex(crafted.to));
    const auto unresolved = [&](CraftedField field) {
        Fact f;
        f.kind = FactKind::Anomaly;
        f.host = from;
        f.reason = Reason(Cause::CraftedUnresolved, index + 1, static_cast<std::int64_t>(field));
        ctx_.fact(f);
    };

    // The 4-tuple, seen from the sender.
    FourTuple tuple;
    if (!crafted.socket.empty()) {
        const std::pair<const SocketId, ConnectionNote>* named = nullptr;
        for (const auto& entry : notes_) {
            if (entry.second.host != to || (named != nullptr && entry.first < named->first)) {
                continue;
            }
            const auto name = socketNames_.find(entry.first);
            if (name != socketNames_.end() && name->second == crafted.socket) {
                named = &entry;
            }
        }
        if (named == nullptr) {
            unresolved(CraftedField::Socket);
            return;
        }
        tuple = reversed(named->second.tuple);
    } else {
        tuple.local = Endpoint{ctx_.hosts[from].info.address, crafted.fromPort};
        tuple.remote = Endpoint{ctx_.hosts[to].info.address, crafted.toPort};
    }

    // The sender's ISN on this 4-tuple, in the order scenario.h gives.
    std::optional<Seq> senderIsn;
    if (ctx_.hosts[from].scripted) {
        for (const ScriptedIsn& known : scriptedIsns_) {
            if (known.host == from && known.tuple == tuple) {
                senderIsn = known.isn;
            }
        }
    } else if (const auto* own = newestOn(notes_, from, tuple)) {
        senderIsn = own->second.iss;
    }
    if (!senderIsn) {
        if (const auto* peer = newestOn(notes_, to, reversed(tuple));
            peer != nullptr && peer->second.irsKnown) {
            senderIsn = peer->second.irs;
        }
    }

    Segment segment;
    segment.src = tuple.local;
    segment.dst = tuple.remote;
    if (crafted.seq.relative) {
        if (!senderIsn) {
            unresolved(CraftedField::Seq);
            return;
        }
        segment.seq = *senderIsn + crafted.seq.value;
    } else {
        segment.seq = Seq(crafted.seq.value);
    }
    if (ctx_.hosts[from].scripted && (crafted.flags & flag::kSyn) != 0 && !senderIsn) {
        scriptedIsns_.push_back(ScriptedIsn{from, tuple, segment.seq});
        senderIsn = segment.seq;
    }
    // Where its payload sits in the sender's stream, for the bytes a capture shows.
    if (senderIsn && after(segment.seq, *senderIsn)) {
        segment.streamOffset = static_cast<std::uint32_t>(segment.seq - (*senderIsn + 1));
    }
    segment.ack = Seq(crafted.ack.value); // a relative one is resolved on arrival
    segment.flags = crafted.flags;
    segment.window = crafted.window;
    segment.length = crafted.length;
    segment.mss = crafted.mss;
    segment.sackPermitted = crafted.sackPermitted;
    segment.windowScale = crafted.windowScale;
    if (crafted.timestamp) {
        segment.hasTimestamp = true;
        segment.timestamp.value = crafted.timestamp->value;
        segment.timestamp.echo = crafted.timestamp->echo.value; // resolved on arrival if relative
    }
    segment.crafted = index + 1;
    transmit(from, segment, Reason(Cause::Crafted, index + 1));
}

bool TcpStack::resolveCrafted(InFlight& flight) {
    const std::uint32_t index = flight.segment.crafted - 1;
    const CraftedSegment& crafted = ctx_.scenario.crafted[index];
    Segment& segment = flight.segment;
    const bool echoRelative = crafted.timestamp && crafted.timestamp->echo.relative;
    if (crafted.ack.relative || echoRelative) {
        const auto* receiver = newestOn(notes_, flight.to, FourTuple{segment.dst, segment.src});
        std::optional<CraftedField> missing;
        if (crafted.ack.relative) {
            if (receiver != nullptr) {
                segment.ack = receiver->second.iss + crafted.ack.value;
            } else {
                missing = CraftedField::Ack;
            }
        }
        if (echoRelative && !missing) {
            if (receiver != nullptr && receiver->second.timestamps) {
                segment.timestamp.echo =
                    receiver->second.firstTsVal + crafted.timestamp->echo.value;
            } else {
                missing = CraftedField::Echo;
            }
        }
        if (missing) {
            Fact f;
            f.kind = FactKind::SegmentDropped;
            f.host = flight.from; // as for every segment the network does not deliver
            f.segment = flight.traceId;
            f.reason =
                Reason(Cause::CraftedUnresolved, index + 1, static_cast<std::int64_t>(*missing));
            ctx_.fact(f);
            return false;
        }
        if (ctx_.recordFacts) {
            ctx_.sink.segmentResolved(flight.traceId, segment.ack, segment.timestamp.echo);
        }
    }
    return true;
}

} // namespace tdl
