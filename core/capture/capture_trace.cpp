#include "capture_trace.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>

namespace tdl {

OpenedCapture openCapture(const std::string& path, const CaptureOpenOptions& options,
                          const CaptureReadProgress& progress) {
    OpenedCapture capture;
    capture.path = path;
    if (options.keep == CaptureOpenOptions::Keep::OneConnection) {
        capture.onlyConnection = options.connection;
    }
    capture.summary = readCapture(
        path,
        [&](CapturedPacket packet) {
            if (!capture.origin) {
                capture.origin = packet.at;
            }
            packet.at -= *capture.origin;
            const std::uint32_t index = capture.inference.packetCount();
            const PacketPlace place = capture.inference.add(packet);
            if (capture.packetsKept && options.keep == CaptureOpenOptions::Keep::All &&
                capture.inference.connections().size() > options.keepAtMostConnections) {
                capture.packetsKept = false;
                std::vector<CapturedPacket>().swap(capture.packets);
                std::vector<std::uint32_t>().swap(capture.packetIndex);
                std::vector<PacketPlace>().swap(capture.places);
            }
            const bool keep =
                (options.keep == CaptureOpenOptions::Keep::All && capture.packetsKept) ||
                (options.keep == CaptureOpenOptions::Keep::OneConnection &&
                 place.connection == options.connection);
            if (keep) {
                capture.packets.push_back(packet);
                capture.packetIndex.push_back(index);
                capture.places.push_back(place);
            }
        },
        [&](std::uint64_t read, std::uint64_t size) {
            if (options.stopOnceLetGo && !capture.packetsKept) {
                return false;
            }
            return !progress || progress(read, size);
        });
    capture.inference.finish();
    capture.packetsKept = capture.packetsKept && options.keep != CaptureOpenOptions::Keep::None;
    return capture;
}

namespace {

SocketId socketOf(std::uint32_t connection, std::uint8_t side) {
    return static_cast<SocketId>(2 * connection + 1 + side);
}

// Two hosts are the client and the server, if one of them opened every connection shown;
// otherwise each is named by its address.
void nameHosts(Trace& trace) {
    if (trace.hosts.size() != 2) {
        return;
    }
    const HostId opener = trace.sockets.front().host;
    for (const SocketInfo& socket : trace.sockets) {
        if ((socket.role == SocketRole::Active) != (socket.host == opener)) {
            return;
        }
    }
    trace.hosts[opener].name = "client";
    trace.hosts[1 - opener].name = "server";
}

} // namespace

Trace captureTrace(const OpenedCapture& capture) {
    const StateInference& inference = capture.inference;
    Trace trace;
    trace.truncated = capture.summary.error.has_value();

    // The connections shown, in order of their first kept packet, each with its sockets.
    absl::flat_hash_map<Ipv4, HostId> hostByAddress;
    const auto hostOf = [&](Ipv4 address) {
        auto [found, inserted] =
            hostByAddress.try_emplace(address, static_cast<HostId>(trace.hosts.size()));
        if (inserted) {
            trace.hosts.push_back(HostInfo{formatIpv4(address), address});
        }
        return found->second;
    };
    // Every connection, or the one kept; socket ids count from the first connection shown.
    const std::uint32_t firstShown = capture.onlyConnection.value_or(0);
    const std::uint32_t shownEnd =
        capture.onlyConnection
            ? std::min<std::uint32_t>(firstShown + 1,
                                      static_cast<std::uint32_t>(inference.connections().size()))
            : static_cast<std::uint32_t>(inference.connections().size());
    const auto socketIdOf = [&](std::uint32_t connection, std::uint8_t side) {
        return socketOf(connection - firstShown, side);
    };
    for (std::uint32_t c = firstShown; c < shownEnd; ++c) {
        const CaptureConnection& connection = inference.connections()[c];
        for (std::uint8_t side = 0; side < 2; ++side) {
            const InferredSide& mine = inference.side(c, side);
            const InferredSide& theirs = inference.side(c, 1 - side);
            SocketInfo info;
            info.id = socketIdOf(c, side);
            info.host = hostOf(connection.ends[side].address);
            info.name = ":" + std::to_string(connection.ends[side].port);
            info.role = side == 0 ? SocketRole::Active : SocketRole::Passive;
            info.tuple = FourTuple{connection.ends[side], connection.ends[1 - side]};
            info.isn = mine.isn;
            info.peerIsn = theirs.isn;
            trace.sockets.push_back(info);
        }
    }

    // The facts of each kept packet: the sender's changes, sent, delivered, the receiver's
    // changes and anomalies, in that order; then the changes no packet shows (TIME-WAIT ends),
    // merged by time.
    absl::flat_hash_map<std::uint32_t, SegmentId> segmentOfPacket;
    trace.segments.reserve(capture.packets.size());
    for (std::size_t i = 0; i < capture.packets.size(); ++i) {
        const CapturedPacket& packet = capture.packets[i];
        const PacketPlace place = capture.places[i];
        const std::uint8_t other = 1 - place.side;
        const SocketInfo& sender = trace.sockets[socketIdOf(place.connection, place.side) - 1];
        const SocketInfo& receiver = trace.sockets[socketIdOf(place.connection, other) - 1];
        SegmentRecord record;
        record.segment = packet.segment;
        record.segment.sender = sender.id;
        record.from = sender.host;
        record.to = receiver.host;
        record.sentAt = packet.at;
        record.deliveredAt = packet.at;
        record.ordinal = capture.packetIndex[i] + 1;
        record.bases = SeqBases{sender.isn, receiver.isn};
        segmentOfPacket[capture.packetIndex[i]] = static_cast<SegmentId>(trace.segments.size());
        trace.segments.push_back(record);
    }

    const auto stateFact = [&](const InferredChange& change) {
        Fact fact;
        fact.at = change.at;
        fact.kind = FactKind::StateChanged;
        fact.socket = socketIdOf(change.connection, change.side);
        fact.host = trace.sockets[fact.socket - 1].host;
        fact.reason = change.reason();
        const auto segment = segmentOfPacket.find(change.packet);
        fact.segment = segment == segmentOfPacket.end() ? kNoSegment : segment->second;
        fact.from = change.from;
        fact.to = change.to;
        return fact;
    };
    const auto shown = [&](std::uint32_t connection) {
        return connection >= firstShown && connection < shownEnd;
    };

    std::vector<Fact> later; // changes no packet shows
    auto change = inference.changes().begin();
    auto anomaly = inference.anomalies().begin();
    for (std::size_t i = 0; i < capture.packets.size(); ++i) {
        const std::uint32_t index = capture.packetIndex[i];
        const PacketPlace place = capture.places[i];
        const SegmentId segment = segmentOfPacket[index];
        const SegmentRecord& record = trace.segments[segment];
        // Changes of packets not kept (other connections) are passed over.
        while (change != inference.changes().end() && change->packet < index) {
            ++change;
        }
        // The earlier incarnation's end comes first, then the sender's changes; the receiver's
        // follow the delivery.
        std::vector<Fact> receiverFacts;
        while (change != inference.changes().end() && change->packet == index) {
            if (shown(change->connection)) {
                const bool sender =
                    change->side == place.side || change->connection != place.connection;
                (sender ? trace.facts : receiverFacts).push_back(stateFact(*change));
            }
            ++change;
        }
        Fact sent;
        sent.at = record.sentAt;
        sent.kind = FactKind::SegmentSent;
        sent.host = record.from;
        sent.socket = record.segment.sender;
        sent.reason = Reason(Cause::Captured);
        sent.segment = segment;
        trace.facts.push_back(sent);
        Fact delivered = sent;
        delivered.kind = FactKind::SegmentDelivered;
        delivered.reason = Reason(); // what the receiver made of it is in its state changes
        delivered.host = record.to;
        delivered.socket = socketIdOf(place.connection, 1 - place.side);
        trace.facts.push_back(delivered);
        trace.facts.insert(trace.facts.end(), receiverFacts.begin(), receiverFacts.end());
        while (anomaly != inference.anomalies().end() && anomaly->packet < index) {
            ++anomaly;
        }
        while (anomaly != inference.anomalies().end() && anomaly->packet == index) {
            Fact fact;
            fact.at = anomaly->at;
            fact.kind = FactKind::Anomaly;
            fact.socket = socketIdOf(anomaly->connection, anomaly->side);
            fact.host = trace.sockets[fact.socket - 1].host;
            fact.reason = anomaly->reason;
            fact.segment = segment;
            trace.facts.push_back(fact);
            ++anomaly;
        }
    }
    for (const InferredChange& c : inference.changes()) {
        if (c.packet == kNoPacket && shown(c.connection)) {
            later.push_back(stateFact(c));
        }
    }
    // The facts so far are in capture order; a capture taken on several interfaces may be
    // slightly out of time order, and the views need time order.
    trace.facts.insert(trace.facts.end(), later.begin(), later.end());
    std::stable_sort(trace.facts.begin(), trace.facts.end(),
                     [](const Fact& a, const Fact& b) { return a.at < b.at; });
    for (const Fact& fact : trace.facts) {
        trace.end = std::max(trace.end, fact.at);
    }
    nameHosts(trace);
    return trace;
}

} // namespace tdl
