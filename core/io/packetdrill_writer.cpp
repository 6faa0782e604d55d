#include "packetdrill_writer.h"

#include "atomic_file.h"
#include "packetdrill_text.h"
#include "sysctl.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace tdl {

namespace {

constexpr int kFirstDescriptor = 3; // 0, 1 and 2 are packetdrill's own standard streams
constexpr int kListenBacklog = 128;
constexpr std::uint64_t kEofReadBytes = 1000; // any size: read() returns 0 at the end

// "0.21", "1.000005", "60": seconds as packetdrill reads them, without trailing zeros.
std::string secondsText(SimTime at) {
    const auto micros = at.count();
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%06lld", static_cast<long long>(micros / 1'000'000),
                  static_cast<long long>(micros % 1'000'000));
    std::string result = text;
    while (result.back() == '0') {
        result.pop_back();
    }
    if (result.back() == '.') {
        result.pop_back();
    }
    return result;
}

// The options as Linux lays them out (tcp_options_write), as packetdrill writes them.
std::string optionsText(const Segment& segment) {
    const std::vector<pd::TcpOptionSpec> options = pd::linuxOptionOrder(segment);
    return options.empty() ? std::string() : ' ' + pd::optionsText(options);
}

// The engine's errno names, and EINPROGRESS, which only the script's non-blocking connect() meets.
std::string errnoText(int error) {
    const std::string_view name = error == EINPROGRESS ? "EINPROGRESS" : errnoName(error);
    return "-1 " + std::string(name) + " (" + std::strerror(error) + ')';
}

// Knobs that only the initial network namespace has (the kernel keeps them machine-wide): a
// script in a fresh namespace cannot set them.
bool machineWide(std::string_view knob) {
    return knob == "net.ipv4.tcp_max_orphans" || knob == "net.core.rmem_max";
}

std::string_view shutdownHowText(std::int64_t how) {
    switch (how) {
    case 0:
        return "SHUT_RD";
    case 1:
        return "SHUT_WR";
    default:
        return "SHUT_RDWR";
    }
}

// What the script's application knows about one of the host's sockets.
struct Descriptor {
    int fd = -1;
    bool reading = true;
    std::uint32_t rcvNext = 1; // relative to the peer's ISN: the next byte read() would see
    std::uint64_t unread = 0;  // bytes in the receive queue, not read yet
    bool finQueued = false;    // the peer's FIN is in order, behind the unread bytes
    bool endOfStreamRead = false;
};

class ScriptWriter {
public:
    ScriptWriter(const Scenario& scenario, const Trace& trace, HostId host)
        : scenario_(scenario)
        , trace_(trace)
        , host_(host) {}

    // The script, or why the run cannot be one.
    PacketdrillExport write() {
        findPeerSeqShifts();
        header();
        for (const Fact& fact : trace_.facts) {
            if (refusal_) {
                return {{}, refusal_};
            }
            switch (fact.kind) {
            case FactKind::SegmentSent:
                if (fact.host == host_) {
                    outbound(fact);
                }
                break;
            case FactKind::SegmentDelivered:
                if (fact.host == host_) {
                    inbound(fact);
                }
                break;
            case FactKind::StateChanged:
                if (fact.host == host_) {
                    stateChanged(fact);
                }
                break;
            case FactKind::AppCall:
                if (fact.host == host_) {
                    appCall(fact);
                }
                break;
            default:
                break;
            }
        }
        return {refusal_ ? std::string() : out_, refusal_};
    }

private:
    void header() {
        const HostConfig& config = scenario_.hosts[host_];
        const HostConfig& peer = scenario_.hosts[host_ == 0 ? 1 : 0];
        out_ += "// " + (scenario_.title.en.empty() ? scenario_.id : scenario_.title.en) + '\n';
        out_ += "// Written by Teardown Lab from scenario \"" + scenario_.id + "\": host \"" +
                config.name + "\" is the kernel under test, the segments of \"" + peer.name +
                "\" are injected.\n";
        out_ += "// Run as root in a fresh network namespace: packetdrill FILE.pkt\n\n";
        // A segment of an old connection echoes a TSval of the old socket, which packetdrill
        // maps to no TSval of the current one: it then derives it from the current one's clock.
        const bool timestamps =
            std::any_of(trace_.segments.begin(), trace_.segments.end(),
                        [](const SegmentRecord& record) { return record.segment.hasTimestamp; });
        if (timestamps) {
            out_ += "--tcp_ts_ecr_scaled\n\n";
        }
        const Sysctls fresh = defaultSysctls(KernelProfile::Linux6);
        Sysctls wanted = config.sysctls;
        // tcp_tw_reuse = 2 reuses only between loopback addresses (tcp_twsk_unique). The
        // scenario's hosts may be on loopback; packetdrill's tun addresses never are, so the
        // script asks for the reuse the scenario gets.
        const auto loopback = [](Ipv4 address) { return (address >> 24) == 127; };
        const bool loopbackPair = loopback(config.address) && loopback(peer.address);
        if (loopbackPair && wanted.tcp_tw_reuse == 2) {
            wanted.tcp_tw_reuse = 1;
            out_ += "// net.ipv4.tcp_tw_reuse = 2 reuses on loopback, where the scenario's hosts "
                    "are and packetdrill's are not: 1 does the same here.\n";
        }
        std::string settings;
        for (const SysctlKnob& knob : sysctlKnobs()) {
            const std::string value = sysctlValueText(wanted, knob.name);
            if (value == sysctlValueText(fresh, knob.name)) {
                continue;
            }
            if (!knob.existsIn(KernelProfile::Linux6)) {
                out_ += "// " + std::string(knob.name) + " = " + value +
                        ": Linux 6 has no such knob, so the script cannot set it.\n";
                continue;
            }
            if (machineWide(knob.name)) {
                out_ += "// " + std::string(knob.name) + " = " + value +
                        ": machine-wide, not per network namespace; set it outside the script.\n";
                continue;
            }
            settings += ' ' + std::string(knob.name) + '=' +
                        (value.find(' ') == std::string::npos ? value : '"' + value + '"');
        }
        if (!settings.empty()) {
            out_ += "`sysctl -q" + settings + "`\n\n";
        }
    }

    void line(SimTime at, const std::string& text) { out_ += secondsText(at) + ' ' + text + '\n'; }

    // packetdrill's injected segments name no socket: they go to the script's one connection.
    // So the host may have one connection at a time, and a listener one peer connection in all
    // (every connection to it would come from the same remote port).
    void checkOneConnection(SimTime at, const SocketInfo& socket) {
        if (socket.role == SocketRole::Passive && ++passiveConnections_ == 2) {
            refuse(at, "a second connection reaches the listener");
            return;
        }
        for (const auto& [id, open] : descriptors_) {
            const SocketInfo* other = trace_.socket(id);
            if (id != socket.id && other != nullptr && other->role != SocketRole::Listener) {
                refuse(at, "a second connection opens while \"" + other->name + "\" is still open");
                return;
            }
        }
    }

    void refuse(SimTime at, const std::string& what) {
        refusal_ = "at " + secondsText(at) + " s " + what + " on \"" + scenario_.hosts[host_].name +
                   "\"; a packetdrill script injects for one connection at a time";
    }

    int openDescriptor(SocketId socket) {
        int fd = kFirstDescriptor;
        while (usedFds_.contains(fd)) {
            ++fd;
        }
        usedFds_.insert(fd);
        descriptors_[socket].fd = fd;
        return fd;
    }

    void closeDescriptor(SocketId socket) {
        const auto found = descriptors_.find(socket);
        if (found != descriptors_.end()) {
            usedFds_.erase(found->second.fd);
            descriptors_.erase(found);
        }
    }

    Descriptor* descriptor(SocketId socket) {
        const auto found = descriptors_.find(socket);
        return found == descriptors_.end() || found->second.fd < 0 ? nullptr : &found->second;
    }

    // The scenario's action that opened the named socket, for its SO_RCVBUF.
    std::uint32_t receiveBuffer(const SocketInfo& socket, AppCallKind call) const {
        for (const Action& action : scenario_.actions) {
            if (action.call == call && action.socket == socket.name &&
                scenario_.hostIndex(action.host) == static_cast<int>(host_)) {
                return action.receiveBuffer;
            }
        }
        return 0;
    }

    void socketCalls(SimTime at, const SocketInfo& socket, int fd, AppCallKind call) {
        line(at, "socket(..., SOCK_STREAM, IPPROTO_TCP) = " + std::to_string(fd));
        if (const std::uint32_t bytes = receiveBuffer(socket, call); bytes != 0) {
            line(at, "setsockopt(" + std::to_string(fd) + ", SOL_SOCKET, SO_RCVBUF, [" +
                         std::to_string(bytes) + "], 4) = 0");
        }
    }

    void appCall(const Fact& fact) {
        const std::string fdText = [&] {
            const Descriptor* open = descriptor(fact.socket);
            return open == nullptr ? std::string() : std::to_string(open->fd);
        }();
        const SocketInfo* socket = trace_.socket(fact.socket);
        switch (fact.call) {
        case AppCallKind::Listen: {
            if (socket == nullptr || fact.error != 0) {
                return; // bind() failed before a socket the script could name existed
            }
            const int fd = openDescriptor(fact.socket);
            socketCalls(fact.at, *socket, fd, AppCallKind::Listen);
            line(fact.at,
                 "setsockopt(" + std::to_string(fd) + ", SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
            line(fact.at, "bind(" + std::to_string(fd) + ", ..., ...) = 0");
            line(fact.at,
                 "listen(" + std::to_string(fd) + ", " + std::to_string(kListenBacklog) + ") = 0");
            return;
        }
        case AppCallKind::Connect: {
            if (socket == nullptr) {
                return;
            }
            if (fact.error == EISCONN) {
                line(fact.at, "connect(" + fdText + ", ..., ...) = " + errnoText(EISCONN));
                return;
            }
            checkOneConnection(fact.at, *socket);
            const int fd = openDescriptor(fact.socket);
            const std::string fdNew = std::to_string(fd);
            socketCalls(fact.at, *socket, fd, AppCallKind::Connect);
            line(fact.at, "fcntl(" + fdNew + ", F_SETFL, O_RDWR|O_NONBLOCK) = 0");
            line(fact.at, "connect(" + fdNew + ", ..., ...) = " +
                              errnoText(fact.error == 0 ? EINPROGRESS : fact.error));
            return;
        }
        case AppCallKind::Send:
            if (!fdText.empty()) {
                const std::string bytes = std::to_string(fact.reason.args[0]);
                line(fact.at, "write(" + fdText + ", ..., " + bytes +
                                  ") = " + (fact.error == 0 ? bytes : errnoText(fact.error)));
            }
            return;
        case AppCallKind::Shutdown:
            if (!fdText.empty()) {
                line(fact.at, "shutdown(" + fdText + ", " +
                                  std::string(shutdownHowText(fact.reason.args[0])) +
                                  ") = " + (fact.error == 0 ? "0" : errnoText(fact.error)));
            }
            return;
        case AppCallKind::Close:
            // A close fact with an error is the kernel telling the application that the
            // connection died (a timeout): no system call.
            if (!fdText.empty() && fact.error == 0) {
                line(fact.at, "close(" + fdText + ") = 0");
                closeDescriptor(fact.socket);
            }
            return;
        case AppCallKind::StopReading:
            if (Descriptor* open = descriptor(fact.socket)) {
                open->reading = false;
            }
            return;
        case AppCallKind::ResumeReading:
            if (Descriptor* open = descriptor(fact.socket)) {
                open->reading = true;
                drainReads(fact.at, *open);
            }
            return;
        case AppCallKind::SetLinger:
            if (!fdText.empty()) {
                line(fact.at, "setsockopt(" + fdText + ", SOL_SOCKET, SO_LINGER, {onoff=" +
                                  std::to_string(fact.reason.args[0]) +
                                  ", linger=" + std::to_string(fact.reason.args[1]) + "}, 8) = 0");
            }
            return;
        }
    }

    // A child the handshake completed is accepted by the application at once; a socket's tuple
    // names the incarnation that segments on it belong to from now on.
    void stateChanged(const Fact& fact) {
        const SocketInfo* socket = trace_.socket(fact.socket);
        if (socket == nullptr || socket->role == SocketRole::Listener) {
            return;
        }
        if (!current_.contains(tupleKey(socket->tuple)) ||
            current_[tupleKey(socket->tuple)] != socket->id) {
            if (socket->role == SocketRole::Passive) {
                checkOneConnection(fact.at, *socket);
            }
            current_[tupleKey(socket->tuple)] = socket->id;
        }
        if (socket->role != SocketRole::Passive || fact.to != TcpState::Established ||
            descriptors_.contains(socket->id)) {
            return;
        }
        const SocketInfo* listener = listenerFor(*socket);
        const Descriptor* listening = listener == nullptr ? nullptr : descriptor(listener->id);
        if (listening == nullptr) {
            return;
        }
        // The bytes that came with or before the handshake's last ACK are queued already.
        const Descriptor queued = pending_[socket->id];
        const int fd = openDescriptor(socket->id);
        Descriptor& accepted = descriptors_[socket->id];
        accepted = queued;
        accepted.fd = fd;
        line(fact.at,
             "accept(" + std::to_string(listening->fd) + ", ..., ...) = " + std::to_string(fd));
        drainReads(fact.at, accepted);
    }

    const SocketInfo* listenerFor(const SocketInfo& child) const {
        for (const SocketInfo& socket : trace_.sockets) {
            if (socket.host == host_ && socket.role == SocketRole::Listener &&
                socket.tuple.local.port == child.tuple.local.port &&
                descriptors_.contains(socket.id)) {
                return &socket;
            }
        }
        return nullptr;
    }

    static std::uint64_t tupleKey(const FourTuple& tuple) {
        return (std::uint64_t{tuple.local.port} << 48) ^ (std::uint64_t{tuple.remote.port} << 32) ^
               tuple.remote.address;
    }

    // packetdrill takes "start:end(len)" only when end = start + len without wrapping (its
    // parser), and a script's peer numbers start at its SYN's. An old incarnation's data that
    // lands across the new connection's peer ISN (stale data on a reused 4-tuple) would wrap
    // there: that connection's peer numbers are all moved up so that it starts at 0.
    void findPeerSeqShifts() {
        for (const Fact& fact : trace_.facts) {
            if (fact.kind != FactKind::SegmentDelivered || fact.host != host_ ||
                fact.socket == kNoSocket || fact.segment == kNoSegment) {
                continue;
            }
            const SocketInfo* socket = trace_.socket(fact.socket);
            if (socket == nullptr || socket->role == SocketRole::Listener) {
                continue;
            }
            const Segment& segment = trace_.segments[fact.segment].segment;
            const std::int64_t below = -std::int64_t{segment.seq - socket->peerIsn};
            if (below > 0 && segment.length >= below) {
                auto& shift = peerSeqShift_[socket->id];
                shift = std::max(shift, static_cast<std::uint32_t>(below));
            }
        }
    }

    // The host's incarnation a segment belongs to, seen from the host.
    const SocketInfo* hostSocket(const Endpoint& local, const Endpoint& remote) const {
        const auto found = current_.find(tupleKey(FourTuple{local, remote}));
        return found == current_.end() ? nullptr : trace_.socket(found->second);
    }

    // seq relative to the sender's ISN: the record's own bases, or the host's incarnation on that
    // tuple (a RST the stack sends after the socket is gone). An injected segment's ack is
    // relative to the host's current incarnation, as packetdrill maps it: a stale segment of an
    // old connection meets the new one's ISN.
    SeqBases basesOf(const SegmentRecord& record, bool fromHost) const {
        const Segment& segment = record.segment;
        const SocketInfo* socket =
            fromHost ? hostSocket(segment.src, segment.dst) : hostSocket(segment.dst, segment.src);
        SeqBases bases;
        if (record.bases) {
            bases = *record.bases;
        } else if (socket != nullptr) {
            bases = fromHost ? SeqBases{socket->isn, socket->peerIsn}
                             : SeqBases{socket->peerIsn, socket->isn};
        }
        if (!fromHost && socket != nullptr) {
            if (record.bases && record.bases->ack != socket->isn && socket->peerIsn != Seq()) {
                // An older incarnation's segment (stale data on a reused 4-tuple): packetdrill
                // injects into the connection it has now, whose numbers count from that
                // connection's own peer ISN, so the segment lands where it landed in the run.
                bases.seq = socket->peerIsn;
            }
            bases.ack = socket->isn;
        }
        if (socket != nullptr) {
            const auto shift = peerSeqShift_.find(socket->id);
            if (shift != peerSeqShift_.end()) {
                Seq& peerBase = fromHost ? bases.ack : bases.seq;
                peerBase = peerBase - shift->second;
            }
        }
        return bases;
    }

    std::string segmentText(const SegmentRecord& record, bool fromHost) const {
        const Segment& segment = record.segment;
        const SeqBases bases = basesOf(record, fromHost);
        const auto seq = static_cast<std::uint32_t>(segment.seq - bases.seq);
        std::string text = pd::flagsText(segment.flags) + ' ' + std::to_string(seq) + ':' +
                           std::to_string(seq + segment.length) + '(' +
                           std::to_string(segment.length) + ')';
        if (segment.has(flag::kAck)) {
            text += " ack " + std::to_string(static_cast<std::uint32_t>(segment.ack - bases.ack));
        }
        // The kernel's own window depends on its memory and buffers: only the injected
        // segments' windows are written, as the peer advertised them.
        if (!fromHost) {
            text += " win " + std::to_string(segment.window);
        }
        return text + optionsText(segment);
    }

    void outbound(const Fact& fact) {
        const SegmentRecord& record = trace_.segments[fact.segment];
        if (record.duplicateOf != kNoSegment) {
            return; // a copy the network made, not something the kernel sent
        }
        line(fact.at, "> " + segmentText(record, true));
    }

    void inbound(const Fact& fact) {
        const SegmentRecord& record = trace_.segments[fact.segment];
        line(fact.at, "< " + segmentText(record, false));
        const Segment& segment = record.segment;
        const SocketInfo* socket = hostSocket(segment.dst, segment.src);
        if (socket == nullptr || segment.has(flag::kSyn) || segment.has(flag::kRst)) {
            return;
        }
        // In-order bytes join the receive queue, where the application reads them; a child
        // not yet accepted keeps them until it is.
        Descriptor* open = descriptor(socket->id);
        Descriptor& queue = open != nullptr ? *open : pending_[socket->id];
        const auto seq = static_cast<std::uint32_t>(segment.seq - basesOf(record, false).seq);
        if (seq == queue.rcvNext && !queue.finQueued) {
            queue.unread += segment.length;
            queue.rcvNext += segment.length;
            if (segment.has(flag::kFin)) {
                queue.finQueued = true;
                ++queue.rcvNext;
            }
        }
        if (open != nullptr) {
            drainReads(fact.at, *open);
        }
    }

    void drainReads(SimTime at, Descriptor& open) {
        if (!open.reading) {
            return;
        }
        const std::string fd = std::to_string(open.fd);
        if (open.unread != 0) {
            const std::string bytes = std::to_string(open.unread);
            line(at, "read(" + fd + ", ..., " + bytes + ") = " + bytes);
            open.unread = 0;
        }
        if (open.finQueued && !open.endOfStreamRead) {
            line(at, "read(" + fd + ", ..., " + std::to_string(kEofReadBytes) + ") = 0");
            open.endOfStreamRead = true;
        }
    }

    const Scenario& scenario_;
    const Trace& trace_;
    HostId host_;
    std::string out_;
    std::set<int> usedFds_;
    std::map<SocketId, Descriptor> descriptors_;
    std::map<SocketId, Descriptor> pending_;         // children not accepted yet
    std::map<SocketId, std::uint32_t> peerSeqShift_; // see findPeerSeqShifts()
    std::unordered_map<std::uint64_t, SocketId> current_;
    int passiveConnections_ = 0;
    std::optional<std::string> refusal_;
};

} // namespace

std::optional<std::string> packetdrillRefusal(const Scenario& scenario, std::string_view host) {
    if (scenario.hostIndex(host) < 0) {
        std::string known;
        for (const HostConfig& config : scenario.hosts) {
            known += (known.empty() ? "" : ", ") + config.name;
        }
        return "expected a host of the scenario (" + known + "), found \"" + std::string(host) +
               '"';
    }
    if (scenario.load) {
        return "expected a scenario with one story of connections, found a load (many "
               "connections a packetdrill script cannot pose)";
    }
    if (scenario.hosts.size() != 2) {
        return "expected a scenario with 2 hosts (a packetdrill script has one peer), found " +
               std::to_string(scenario.hosts.size());
    }
    return std::nullopt;
}

PacketdrillExport packetdrillScript(const Scenario& scenario, const Trace& trace,
                                    std::string_view host) {
    if (auto refusal = packetdrillRefusal(scenario, host)) {
        return {{}, std::move(refusal)};
    }
    const auto index = static_cast<HostId>(scenario.hostIndex(host));
    return ScriptWriter(scenario, trace, index).write();
}

std::optional<std::string> writePacketdrillScript(const Scenario& scenario, const Trace& trace,
                                                  std::string_view host, const std::string& path) {
    PacketdrillExport exported = packetdrillScript(scenario, trace, host);
    if (exported.error) {
        return exported.error;
    }
    if (path == "-") {
        std::cout << exported.script << std::flush;
        return std::cout ? std::nullopt
                         : std::optional<std::string>("standard output: could not write");
    }
    return writeFileAtomically(path, exported.script);
}

} // namespace tdl
