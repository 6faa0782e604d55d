// A capture replayed through the engine: the Linux host's application calls are inferred from what
// it sent, the peers' packets become crafted segments, the engine runs, and the Linux host's
// segments in the run are lined up with the captured ones.

#include "capture_replay.h"

#include "simulator.h"
#include "tcp_window.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace tdl {

namespace {

constexpr std::array<std::string_view, 3> kCapturePointKeys = {"auto", "linux-host", "peer"};
constexpr std::array<std::string_view, 5> kDifferenceKeys = {"timing", "fields", "missing",
                                                             "unexpected", "rst_not_accepted"};

// Every replay time is the capture's time plus this, so that a listen() made at time 0 comes
// before a SYN the capture shows at its first instant.
constexpr Duration kLead = 1us;
// How far an aligned pair may look ahead for a segment that matches exactly before it calls two
// segments in the same place different (see align()).
constexpr std::size_t kLookAhead = 16;
// A handshake tells where the capture was taken when one of its gaps is at least this many times
// the other: an answer "within microseconds" against a round trip.
constexpr int kClearly = 4;
// Flags the comparison reads: PSH is left out, since it only says where a write() ended and the
// engine does not model it as Linux sets it.
constexpr std::uint8_t kComparedFlags = flag::kFin | flag::kSyn | flag::kRst | flag::kAck;

std::string connectionName(std::uint32_t connection) {
    return "c" + std::to_string(connection);
}

std::string secondsText(Duration time) {
    return formatDuration(time);
}

// The segment as the comparison sees it (ReplayDifference::captured): flags without PSH, seq
// relative to the Linux host's ISN, ack to the peer's, when each is known.
Segment comparable(const Segment& segment, std::optional<Seq> isn, std::optional<Seq> peerIsn) {
    Segment out = segment;
    out.flags = static_cast<std::uint8_t>(segment.flags & kComparedFlags);
    if (isn) {
        out.seq = Seq(static_cast<std::uint32_t>(segment.seq - *isn));
    }
    if (!out.has(flag::kAck)) {
        out.ack = Seq(0);
    } else if (peerIsn) {
        out.ack = Seq(static_cast<std::uint32_t>(segment.ack - *peerIsn));
    }
    return out;
}

std::uint8_t differingFields(const Segment& a, const Segment& b) {
    std::uint8_t bits = 0;
    if (a.flags != b.flags) {
        bits |= replay_field::kFlags;
    }
    if (a.seq != b.seq) {
        bits |= replay_field::kSeq;
    }
    if (a.ack != b.ack) {
        bits |= replay_field::kAck;
    }
    if (a.length != b.length) {
        bits |= replay_field::kLength;
    }
    return bits;
}

// A RST the receiving Linux host took: the verdicts that end a connection or a TIME-WAIT.
bool rstAccepted(Cause verdict) {
    return verdict == Cause::RcvRst || verdict == Cause::EmbryonicReset ||
           verdict == Cause::TimeWaitAssassinated;
}

// One packet of a replayed connection, in capture order.
struct ReplayPacket {
    std::size_t kept = 0; // index into OpenedCapture::packets
    bool fromLinux = false;
    SimTime seenAt{};         // replay time at the capture point
    Duration sincePrevious{}; // since the connection's previous packet (either direction)
};

struct ConnectionPlan {
    std::uint32_t id = 0;
    std::uint8_t linuxSide = 0;
    Endpoint linuxEnd;
    Endpoint peerEnd;
    std::string peerHost;
    std::vector<ReplayPacket> packets;
    std::optional<Seq> linuxIsn; // its SYN or SYN,ACK as captured
    std::optional<Seq> peerIsn;  // the peer's, as captured (and as injected)
    // Each side's window scale option, from its SYN or SYN,ACK (-1: absent or not seen); windows
    // after the SYNs are scaled only when both carried one.
    std::int8_t linuxWindowScale = -1;
    std::int8_t peerWindowScale = -1;
    SimTime firstSeenAt{};

    bool scaled() const { return linuxWindowScale >= 0 && peerWindowScale >= 0; }
};

// The segments one side sent on one connection, in order, for align().
struct Sent {
    Segment segment;  // comparable()
    SimTime at{};     // seen at the capture point
    Duration slack{}; // the timing tolerance (captured ones only)
    std::uint32_t packet = kNoPacket;
    SegmentId id = kNoSegment;
    SocketId socket = kNoSocket;
};

bool sameKey(const Segment& a, const Segment& b) {
    return differingFields(a, b) == 0;
}

class Replayer {
public:
    Replayer(const OpenedCapture& capture, const ReplayOptions& options)
        : capture_(capture)
        , options_(options) {}

    std::variant<ReplayResult, ReplayError> run() {
        if (auto error = chooseConnections()) {
            return *error;
        }
        if (auto error = planConnections()) {
            return *error;
        }
        decideCapturePoint();
        buildHosts();
        inferCallsAndInjections();
        try {
            result_.trace = simulate(result_.scenario);
        } catch (const std::exception& error) {
            return ReplayError{"replay of " + capture_.path +
                               ": the engine refused the run: " + error.what()};
        }
        compare();
        checkInjectedRsts();
        std::ranges::stable_sort(result_.differences, {}, [](const ReplayDifference& d) {
            return d.capturedAt ? *d.capturedAt : d.linuxAt.value_or(SimTime{});
        });
        addAnomalyFacts();
        return std::move(result_);
    }

private:
    // --- which connections, which host

    std::optional<ReplayError> chooseConnections() {
        const auto& connections = capture_.inference.connections();
        const std::string file = capture_.path;
        if (!capture_.packetsKept || capture_.packets.empty()) {
            return ReplayError{file + ": no packets kept to replay (open it with its packets, or "
                                      "one connection of it)"};
        }
        std::optional<std::uint32_t> only = options_.connection;
        if (!only && capture_.onlyConnection) {
            only = capture_.onlyConnection;
        }
        if (only && *only >= connections.size()) {
            return ReplayError{"--connection: expected a number below " +
                               std::to_string(connections.size()) + " (the connections in " + file +
                               "), found " + std::to_string(*only)};
        }
        if (capture_.onlyConnection && only != capture_.onlyConnection) {
            return ReplayError{"--connection: only connection " +
                               std::to_string(*capture_.onlyConnection) + " of " + file +
                               " was kept, found " + std::to_string(*only)};
        }
        const std::uint32_t reference = only.value_or(0);
        switch (options_.side.kind) {
        case ReplaySide::Kind::Client:
            result_.linuxAddress = connections[reference].ends[0].address;
            break;
        case ReplaySide::Kind::Server:
            result_.linuxAddress = connections[reference].ends[1].address;
            break;
        case ReplaySide::Kind::Address:
            result_.linuxAddress = options_.side.address;
            break;
        }
        for (std::uint32_t c = 0; c < connections.size(); ++c) {
            if (only && c != *only) {
                continue;
            }
            const CaptureConnection& connection = connections[c];
            const bool involved = connection.ends[0].address == result_.linuxAddress ||
                                  connection.ends[1].address == result_.linuxAddress;
            if (!involved) {
                if (only) {
                    return ReplayError{"--replay: expected an address of connection " +
                                       std::to_string(c) + " (" +
                                       formatIpv4(connection.ends[0].address) + " or " +
                                       formatIpv4(connection.ends[1].address) + "), found " +
                                       formatIpv4(result_.linuxAddress)};
                }
                continue;
            }
            if (connection.ends[0].address == connection.ends[1].address) {
                return ReplayError{"connection " + std::to_string(c) + " of " + file +
                                   ": both ends are " + formatIpv4(connection.ends[0].address) +
                                   "; a replay needs the two hosts at different addresses"};
            }
            if (connection.startsMidConnection) {
                return ReplayError{"connection " + std::to_string(c) + " of " + file +
                                   ": expected its SYN, found a capture that starts after it (a "
                                   "replay needs the handshake to know both sides' sequence "
                                   "numbers; --connection N picks another)"};
            }
            result_.connections.push_back(c);
        }
        if (result_.connections.empty()) {
            return ReplayError{"--replay: expected an address that " + file + " shows, found " +
                               formatIpv4(result_.linuxAddress)};
        }
        return std::nullopt;
    }

    std::optional<ReplayError> planConnections() {
        const auto& connections = capture_.inference.connections();
        absl::flat_hash_map<std::uint32_t, std::size_t> planOf;
        for (std::uint32_t c : result_.connections) {
            ConnectionPlan plan;
            plan.id = c;
            const CaptureConnection& connection = connections[c];
            plan.linuxSide = connection.ends[0].address == result_.linuxAddress ? 0 : 1;
            if (options_.side.kind == ReplaySide::Kind::Server &&
                connection.ends[1].address == result_.linuxAddress) {
                plan.linuxSide = 1;
            }
            plan.linuxEnd = connection.ends[plan.linuxSide];
            plan.peerEnd = connection.ends[1 - plan.linuxSide];
            planOf[c] = plans_.size();
            plans_.push_back(std::move(plan));
        }
        std::vector<std::optional<SimTime>> previous(plans_.size());
        for (std::size_t i = 0; i < capture_.packets.size(); ++i) {
            const auto found = planOf.find(capture_.places[i].connection);
            if (found == planOf.end()) {
                continue;
            }
            std::size_t index = found->second;
            const Segment& segment = capture_.packets[i].segment;
            // A Linux ACK (no SYN, no RST) on a connection the peer opened and Linux has not yet
            // answered comes from an older socket on the same 4-tuple (a LAST-ACK socket's
            // challenge ACK to the new SYN, RFC 5961): it belongs to that older connection.
            if (const ConnectionPlan& opened = plans_[index];
                segment.src == opened.linuxEnd && !segment.has(flag::kSyn) &&
                !segment.has(flag::kRst) && !opened.linuxIsn) {
                for (std::size_t older = index; older-- > 0;) {
                    if (plans_[older].linuxEnd == opened.linuxEnd &&
                        plans_[older].peerEnd == opened.peerEnd) {
                        index = older;
                        break;
                    }
                }
            }
            ConnectionPlan& plan = plans_[index];
            ReplayPacket packet;
            packet.kept = i;
            packet.fromLinux = segment.src == plan.linuxEnd;
            const SimTime at = capture_.packets[i].at;
            packet.sincePrevious = previous[index] ? at - *previous[index] : at;
            previous[index] = at;
            if (segment.has(flag::kSyn)) {
                std::optional<Seq>& isn = packet.fromLinux ? plan.linuxIsn : plan.peerIsn;
                if (!isn) {
                    isn = segment.seq;
                    (packet.fromLinux ? plan.linuxWindowScale : plan.peerWindowScale) =
                        segment.windowScale;
                }
            }
            plan.packets.push_back(packet);
        }
        return std::nullopt;
    }

    // --- the capture point

    // The first handshake shows which host answered within microseconds: SYN (opener), its answer
    // (SYN,ACK or RST), the opener's next packet. The capture point is the host whose answer is
    // the quicker of the two; the other gap is the round trip.
    void decideCapturePoint() {
        result_.capturePoint = options_.capturePoint;
        // The round trip the peer saw: from its packet to the Linux host's answer.
        std::optional<Duration> peerRoundTrip;
        std::optional<CapturePoint> decided;
        for (const ConnectionPlan& plan : plans_) {
            const auto& packets = plan.packets;
            if (packets.size() < 3) {
                continue;
            }
            const Segment& syn = capture_.packets[packets[0].kept].segment;
            const Segment& answer = capture_.packets[packets[1].kept].segment;
            const Segment& third = capture_.packets[packets[2].kept].segment;
            if (!syn.has(flag::kSyn) || syn.has(flag::kAck) || !answer.has(flag::kSyn) ||
                !answer.has(flag::kAck) || third.src != syn.src) {
                continue;
            }
            const Duration answerGap =
                capture_.packets[packets[1].kept].at - capture_.packets[packets[0].kept].at;
            const Duration openerGap =
                capture_.packets[packets[2].kept].at - capture_.packets[packets[1].kept].at;
            const bool linuxOpened = packets[0].fromLinux;
            peerRoundTrip = linuxOpened ? openerGap : answerGap;
            // The answerer took the capture when it answered at once (its SYN,ACK leaves right
            // after the SYN arrives) and the opener's ACK came a round trip later; the opener did
            // when it is the other way round. Gaps within a factor of kClearly of each other (a
            // round trip of microseconds, as on a veth pair) do not tell.
            const Duration quick = std::min(answerGap, openerGap);
            const Duration slow = std::max(answerGap, openerGap);
            handshakeGaps_ = formatDuration(answerGap) + " and " + formatDuration(openerGap);
            if (slow >= quick * kClearly) {
                const bool answererCaptured = answerGap < openerGap;
                decided =
                    answererCaptured == linuxOpened ? CapturePoint::Peer : CapturePoint::LinuxHost;
            }
            break;
        }
        result_.capturePointBasis = ReplayResult::Basis::Option;
        if (result_.capturePoint == CapturePoint::Auto) {
            result_.capturePoint = decided.value_or(CapturePoint::LinuxHost);
            result_.capturePointBasis =
                decided ? ReplayResult::Basis::Handshake : ReplayResult::Basis::Unknown;
            if (!decided) {
                result_.notes.push_back(
                    (handshakeGaps_.empty() ? std::string("no complete handshake shows")
                                            : "the handshake's answers (" + handshakeGaps_ +
                                                  " apart) are too close to tell") +
                    " where the capture was taken: the packets are compared at the times the "
                    "capture shows, with no transit time");
            }
        }
        if (peerRoundTrip && result_.capturePoint == CapturePoint::Peer) {
            result_.oneWayDelay = *peerRoundTrip / 2;
        }
        peerLead_ = result_.capturePoint == CapturePoint::Peer ? result_.oneWayDelay : Duration{};
        result_.origin = *capture_.origin - kLead - peerLead_;
    }

    // The replay time at which the capture point saw a packet captured at `at`.
    SimTime seenAt(SimTime at) const { return at + kLead + peerLead_; }
    // When the Linux host sent a packet the capture saw at `at`.
    SimTime linuxSendAt(SimTime at) const { return at + kLead; }

    // --- the scenario

    void buildHosts() {
        Scenario& s = result_.scenario;
        s.id = "capture-replay";
        s.title.en = capture_.path;
        s.title.zh_CN = capture_.path;
        const CaptureConnection& first = capture_.inference.connections()[plans_.front().id];
        const bool linuxOpened = first.ends[0].address == result_.linuxAddress;
        result_.linuxHost = linuxOpened ? "client" : "server";
        std::vector<Ipv4> peers;
        for (const ConnectionPlan& plan : plans_) {
            if (std::ranges::find(peers, plan.peerEnd.address) == peers.end()) {
                peers.push_back(plan.peerEnd.address);
            }
        }
        HostConfig linux;
        linux.name = result_.linuxHost;
        linux.address = result_.linuxAddress;
        linux.profile = options_.profile;
        linux.sysctls = options_.sysctls;
        linux.hz = options_.hz;
        s.hosts.push_back(linux);
        for (Ipv4 address : peers) {
            HostConfig peer;
            peer.name =
                peers.size() == 1 ? (linuxOpened ? "server" : "client") : formatIpv4(address);
            peer.address = address;
            peer.sysctls = defaultSysctls(peer.profile);
            peer.scripted = true;
            s.hosts.push_back(peer);
        }
        for (ConnectionPlan& plan : plans_) {
            const auto at = std::ranges::find(peers, plan.peerEnd.address) - peers.begin();
            plan.peerHost = s.hosts[static_cast<std::size_t>(at) + 1].name;
            plan.firstSeenAt = seenAt(capture_.packets[plan.packets.front().kept].at);
        }
        s.network.delay = peerLead_;
        const SimTime end = seenAt(capture_.packets.back().at);
        s.limit = std::max(s.limit, Duration(end + std::chrono::minutes(5)));
        captureEnd_ = end;
    }

    void note(const ConnectionPlan& plan, const std::string& what, SimTime at,
              std::string_view from) {
        result_.notes.push_back("connection " + std::to_string(plan.id) + ": " + what + " at " +
                                secondsText(at) + ", inferred from " + std::string(from));
    }

    Action call(AppCallKind kind, const ConnectionPlan& plan, SimTime at) const {
        Action action;
        action.trigger = Trigger::At;
        action.time = at;
        action.host = result_.linuxHost;
        action.socket = connectionName(plan.id);
        action.call = kind;
        return action;
    }

    // The Linux host's application calls, inferred from what it sent; the peers' packets as crafted
    // segments. The inference, and where it can be wrong:
    // - its SYN: connect() from the captured port just before it (a bind() to that port first);
    // - its SYN,ACK: a listen() on that port from the start of the capture (or from just after a
    //   SYN it refused with a RST), the connection accept()ed as soon as it is established;
    // - each segment carrying bytes beyond the highest it had sent: a write() of those bytes just
    //   before it, unless the segment before it had no PSH: Linux marks the last segment of what
    //   a write() queued (tcp_push()), so bytes after one without were written already and
    //   waited for the window, and they join that write(). Bytes held back by Nagle after a
    //   write() that ended are written when they left, so the run's segments start no earlier
    //   than the capture's. A last data segment without PSH (and no FIN or RST after it): one
    //   byte more was written than ever left;
    // - its SYN or SYN,ACK offering less than the default buffer's window: SO_RCVBUF on the
    //   socket or its listener, the least that offers every window it showed;
    // - a zero window it offered: an application that stopped reading after its window's right
    //   edge last moved on, and read again (everything, from then on) when it moves on again;
    // - its first FIN: close() just before it, or shutdown(SHUT_WR) when the peer's data after
    //   the FIN is acknowledged without a RST (after close() Linux answers data with a RST);
    // - a RST it sent while established (the peer has acknowledged its SYN), before any FIN:
    //   close() with SO_LINGER {1, 0} (an abortive close). RSTs Linux sends of itself (a closed
    //   port, data after close()) are left to the engine;
    // - a RST,ACK it sent after its FIN, the peer having sent data: an application that never
    //   read, shut down (SHUT_WR) at the FIN and close()d at the RST (tcp_close() with unread
    //   data sends tcp_send_active_reset()'s RST,ACK); a RST without ACK answers a segment.
    // Otherwise the application reads everything as it arrives (a reader that slows down without
    // closing the window is not seen). Timestamps go as captured, TSecr relative to the Linux
    // host's first TSval; with tcp_timestamps=0 the peer's timestamp options are left out, as a
    // peer answering that host would have sent none.
    void inferCallsAndInjections() {
        Scenario& s = result_.scenario;
        const bool timestamps = options_.sysctls.tcp_timestamps != 0;
        if (!timestamps) {
            result_.notes.push_back("tcp_timestamps=0: the peer's timestamp options are left out");
        }
        // Listeners: per Linux port, when it starts and which connections it accepts.
        struct Listener {
            SimTime at{};
            std::vector<std::string> accept;
            std::uint32_t receiveBuffer = 0; // SO_RCVBUF, as its connections' windows show it
        };
        std::map<std::uint16_t, Listener> listeners;
        // The Linux host's first TSval per connection, for the peer's TSecr; per 4-tuple, the
        // connection that has one latest (a SYN on a reused 4-tuple echoes the old one's).
        std::map<std::uint32_t, std::uint32_t> firstTsVal;
        std::map<std::pair<std::uint64_t, std::uint32_t>, std::uint32_t> latestOnTuple;
        const auto tupleKey = [](const ConnectionPlan& plan) {
            return std::pair{std::uint64_t{plan.linuxEnd.address} << 32 | plan.peerEnd.address,
                             std::uint32_t{plan.linuxEnd.port} << 16 | plan.peerEnd.port};
        };

        // Every packet in capture order, so that TSecr bases follow the capture's time.
        struct Ref {
            std::size_t plan;
            std::size_t packet;
        };
        std::vector<Ref> order;
        for (std::size_t p = 0; p < plans_.size(); ++p) {
            for (std::size_t k = 0; k < plans_[p].packets.size(); ++k) {
                order.push_back(Ref{p, k});
            }
        }
        std::ranges::sort(order, {},
                          [&](const Ref& r) { return plans_[r.plan].packets[r.packet].kept; });

        struct LinuxProgress {
            bool sentAny = false;
            bool synAckSent = false;
            bool synchronized = false;
            Seq dataEnd; // one past the highest payload byte sent
            bool finSent = false;
            std::size_t finAction = SIZE_MAX;
            SimTime finAt{};
            bool peerDataAfterFin = false;
            bool rstAfterFin = false;
            bool closed = false;
            bool peerSentData = false;
            std::optional<SimTime> closeWithUnreadAt; // its RST,ACK after its FIN
            SimTime peerArrival{-1}; // when the peer's latest packet reached the Linux host
            std::size_t lastWrite = SIZE_MAX; // the latest inferred write(), in s.actions
            bool writeGoesOn = false;         // its newest data segment had no PSH
            // The right edge of the window it offered, the furthest yet; the latest time it moved
            // on after the SYN (the application read); whether it is inferred not reading now.
            std::optional<Seq> offeredEdge;
            std::optional<SimTime> readAt;
            bool notReading = false;
            bool stopInferred = false;
            // SO_RCVBUF as its SYN shows it (receiveBufferShown()), the largest window it offered
            // after it, in bytes, and its connect(), if it made one.
            std::optional<std::uint32_t> bufferShown;
            std::uint32_t largestWindow = 0;
            std::size_t connectAction = SIZE_MAX;
        };
        std::vector<LinuxProgress> progress(plans_.size());

        // The window the Linux host offers: an application that reads everything as it arrives
        // keeps it open, its right edge moving on with the data (tcp_select_window() never moves
        // it back). A zero window means the application left data unread: it stopped reading
        // after the last segment whose right edge moved on (from the start when none did), and
        // read again just before a later one moves it on (the window update of
        // tcp_cleanup_rbuf()).
        const auto inferReading = [&](const ConnectionPlan& plan, LinuxProgress& linux,
                                      const Segment& segment, SimTime at) {
            std::optional<Seq> edge;
            if (segment.has(flag::kSyn)) {
                if (plan.peerIsn) {
                    edge = *plan.peerIsn + 1U + segment.window; // a SYN's window is not scaled
                }
            } else if (segment.has(flag::kAck)) {
                const std::uint32_t window = std::uint32_t{segment.window}
                                             << (plan.scaled() ? plan.linuxWindowScale : 0);
                linux.largestWindow = std::max(linux.largestWindow, window);
                edge = segment.ack + window;
            }
            if (!edge) {
                return;
            }
            const bool movedOn = !linux.offeredEdge || after(*edge, *linux.offeredEdge);
            if (movedOn) {
                linux.offeredEdge = edge;
            }
            if (segment.has(flag::kSyn)) {
                return;
            }
            if (segment.window == 0 && !linux.notReading && linux.peerSentData) {
                linux.notReading = true;
                linux.stopInferred = true;
                Action stop = call(AppCallKind::StopReading, plan, linux.readAt.value_or(at));
                if (!linux.readAt) {
                    stop.trigger = Trigger::Established;
                    stop.time = Duration{};
                }
                s.actions.push_back(stop);
                if (linux.readAt) {
                    note(plan, "stop_reading()", *linux.readAt,
                         "its zero window at " + secondsText(at));
                } else {
                    result_.notes.push_back("connection " + std::to_string(plan.id) +
                                            ": stop_reading() once established, inferred from "
                                            "its zero window at " +
                                            secondsText(at));
                }
            } else if (movedOn && linux.notReading) {
                linux.notReading = false;
                s.actions.push_back(call(AppCallKind::ResumeReading, plan, at));
                note(plan, "resume_reading()", at, "its window opening again");
            }
            if (movedOn) {
                linux.readAt = at;
            }
        };

        for (const Ref& ref : order) {
            ConnectionPlan& plan = plans_[ref.plan];
            LinuxProgress& linux = progress[ref.plan];
            const ReplayPacket& packet = plan.packets[ref.packet];
            const CapturedPacket& captured = capture_.packets[packet.kept];
            const Segment& segment = captured.segment;
            if (packet.fromLinux) {
                // Just after the peer's packet the capture shows before it has arrived: a close()
                // the capture shows at the instant the peer's FIN came follows that FIN.
                const SimTime at = std::max(linuxSendAt(captured.at), linux.peerArrival + 1us);
                if (segment.hasTimestamp && !firstTsVal.contains(plan.id)) {
                    firstTsVal[plan.id] = segment.timestamp.value;
                    latestOnTuple[tupleKey(plan)] = plan.id;
                }
                if (segment.has(flag::kSyn) && !segment.has(flag::kAck) && !linux.sentAny) {
                    Action connect = call(AppCallKind::Connect, plan, at);
                    connect.port = plan.linuxEnd.port;
                    connect.peer = plan.peerHost;
                    connect.peerPort = plan.peerEnd.port;
                    linux.bufferShown = receiveBufferShown(segment);
                    linux.connectAction = s.actions.size();
                    s.actions.push_back(connect);
                    note(plan, "connect()", at, "its SYN");
                } else if (segment.has(flag::kSyn) && segment.has(flag::kAck) &&
                           !linux.synAckSent) {
                    linux.synAckSent = true;
                    linux.bufferShown = receiveBufferShown(segment);
                    auto [entry, fresh] = listeners.try_emplace(plan.linuxEnd.port);
                    entry->second.accept.push_back(connectionName(plan.id));
                }
                if (segment.has(flag::kSyn)) {
                    linux.dataEnd = segment.seq + 1U;
                }
                const Seq payloadEnd =
                    segment.seq + segment.length + (segment.has(flag::kSyn) ? 1U : 0U);
                if (segment.length > 0 && after(payloadEnd, linux.dataEnd)) {
                    const auto bytes = static_cast<std::uint32_t>(payloadEnd - linux.dataEnd);
                    // Bytes that follow a segment without PSH were written already when it
                    // left: tcp_push() marks the last segment of what a write() queued, so the
                    // write went on beyond one without (and waited for the window). They belong
                    // to the previous write().
                    const bool queued =
                        linux.writeGoesOn && linux.lastWrite != SIZE_MAX && !linux.finSent;
                    if (queued) {
                        s.actions[linux.lastWrite].bytes += bytes;
                    } else {
                        Action write = call(AppCallKind::Send, plan, at);
                        write.bytes = bytes;
                        linux.lastWrite = s.actions.size();
                        s.actions.push_back(write);
                    }
                    linux.dataEnd = payloadEnd;
                    linux.writeGoesOn = !segment.has(flag::kPsh);
                }
                if (segment.has(flag::kFin) && !linux.finSent) {
                    linux.finSent = true;
                    linux.finAt = at;
                    linux.finAction = s.actions.size();
                    s.actions.push_back(call(AppCallKind::Close, plan, at));
                }
                if (segment.has(flag::kRst)) {
                    if (linux.finSent) {
                        linux.rstAfterFin = true;
                        // RST,ACK is tcp_send_active_reset(): the application's close() found
                        // unread data (tcp_close). A RST answering data after close() carries no
                        // ACK (tcp_v4_send_reset() to a segment with one).
                        if (segment.has(flag::kAck) && !linux.closed && linux.peerSentData) {
                            linux.closeWithUnreadAt = at;
                        }
                    } else if (linux.synchronized && !linux.closed) {
                        s.actions.push_back(call(AppCallKind::SetLinger, plan, at));
                        s.actions.push_back(call(AppCallKind::Close, plan, at));
                        note(plan, "close() with SO_LINGER {1, 0}", at, "its RST before any FIN");
                    }
                    linux.closed = true;
                } else {
                    inferReading(plan, linux, segment, at);
                }
                linux.sentAny = true;
                continue;
            }

            // A peer's packet: a crafted segment.
            if (segment.has(flag::kSyn) && !segment.has(flag::kAck)) {
                const bool answered = std::ranges::any_of(plan.packets, [&](const ReplayPacket& p) {
                    const Segment& other = capture_.packets[p.kept].segment;
                    return p.fromLinux && other.has(flag::kSyn) && other.has(flag::kAck);
                });
                if (!answered) {
                    // Refused (or never answered): a listener on this port starts after it.
                    Listener& listener = listeners[plan.linuxEnd.port];
                    if (listener.accept.empty()) {
                        listener.at = seenAt(captured.at) + 1us;
                    }
                }
            }
            // Synchronized once the peer acknowledges the Linux host's SYN: an ACK of anything
            // else (a challenge ACK from an older connection's socket, RFC 5961) leaves it in
            // SYN-SENT, where its RST answers that ACK (tcp_rcv_synsent_state_process()).
            if (segment.has(flag::kAck) && plan.linuxIsn && linux.sentAny &&
                !before(segment.ack, *plan.linuxIsn + 1U) &&
                !after(segment.ack, linux.dataEnd + 1U)) {
                linux.synchronized = true;
            }
            if (linux.finSent && segment.length > 0) {
                linux.peerDataAfterFin = true;
            }
            if (segment.length > 0) {
                linux.peerSentData = true;
            }
            CraftedSegment crafted;
            crafted.time = seenAt(captured.at);
            linux.peerArrival = crafted.time + peerLead_;
            crafted.from = plan.peerHost;
            crafted.to = result_.linuxHost;
            crafted.fromPort = plan.peerEnd.port;
            crafted.toPort = plan.linuxEnd.port;
            crafted.flags = segment.flags;
            crafted.seq = CraftedNumber{segment.seq.value(), false};
            if (segment.has(flag::kAck) && plan.linuxIsn) {
                crafted.ack =
                    CraftedNumber{static_cast<std::uint32_t>(segment.ack - *plan.linuxIsn), true};
            } else {
                crafted.ack = CraftedNumber{segment.ack.value(), false};
            }
            crafted.window = peerWindow(plan, segment);
            crafted.length = segment.length;
            crafted.mss = segment.mss;
            crafted.sackPermitted = segment.sackPermitted;
            crafted.windowScale = segment.windowScale;
            if (segment.hasTimestamp && timestamps) {
                CraftedTimestamp ts;
                ts.value = segment.timestamp.value;
                ts.echo = CraftedNumber{segment.timestamp.echo, false};
                const auto latest = latestOnTuple.find(tupleKey(plan));
                if (segment.timestamp.echo != 0 && latest != latestOnTuple.end()) {
                    ts.echo =
                        CraftedNumber{segment.timestamp.echo - firstTsVal[latest->second], true};
                }
                crafted.timestamp = ts;
            }
            craftedPacket_.push_back(static_cast<std::uint32_t>(packet.kept));
            craftedPlan_.push_back(ref.plan);
            s.crafted.push_back(std::move(crafted));
        }

        for (std::size_t p = 0; p < plans_.size(); ++p) {
            const LinuxProgress& linux = progress[p];
            // A locked buffer offers no window beyond its space: the largest one it offered is
            // the least SO_RCVBUF that explains them all.
            if (linux.bufferShown) {
                const std::uint32_t buffer = std::max(*linux.bufferShown, linux.largestWindow);
                if (linux.connectAction != SIZE_MAX) {
                    Action& connect = s.actions[linux.connectAction];
                    connect.receiveBuffer = buffer;
                    note(plans_[p], "SO_RCVBUF " + std::to_string(buffer) + " before connect()",
                         connect.time, "its SYN's window and the largest it offered");
                } else if (const auto listener = listeners.find(plans_[p].linuxEnd.port);
                           listener != listeners.end()) {
                    listener->second.receiveBuffer =
                        std::max(listener->second.receiveBuffer, buffer);
                }
            }
            // Its last data segment has no PSH and no FIN or RST ended the stream: the write()
            // went on beyond what ever left (held back by the peer's window, or the capture
            // ended). One byte more is the least that shows it, and what makes Linux probe a
            // zero window (tcp_check_probe_timer(): something queued, nothing in flight).
            if (linux.writeGoesOn && !linux.finSent && !linux.closed) {
                Action& write = s.actions[linux.lastWrite];
                ++write.bytes;
                note(plans_[p], "write() of at least " + std::to_string(write.bytes) + " bytes",
                     write.time, "its last data segment, which has no PSH");
            }
            if (!linux.finSent) {
                continue;
            }
            if (linux.closeWithUnreadAt) {
                Action& shutdown = s.actions[linux.finAction];
                shutdown.call = AppCallKind::Shutdown;
                shutdown.how = 1;
                if (!linux.stopInferred) {
                    Action stop = call(AppCallKind::StopReading, plans_[p], SimTime{});
                    stop.trigger = Trigger::Established;
                    s.actions.push_back(stop);
                }
                s.actions.push_back(call(AppCallKind::Close, plans_[p], *linux.closeWithUnreadAt));
                note(plans_[p], "shutdown(SHUT_WR)", linux.finAt, "its FIN before its RST,ACK");
                note(plans_[p], "close() with unread data", *linux.closeWithUnreadAt,
                     "its RST,ACK after its FIN (its application never read: stop_reading from "
                     "the start)");
            } else if (linux.peerDataAfterFin && !linux.rstAfterFin) {
                Action& shutdown = s.actions[linux.finAction];
                shutdown.call = AppCallKind::Shutdown;
                shutdown.how = 1;
                note(plans_[p], "shutdown(SHUT_WR)", linux.finAt,
                     "its FIN and the data it took after it");
            } else {
                note(plans_[p], "close()", linux.finAt, "its FIN");
            }
        }
        for (const auto& [port, listener] : listeners) {
            if (listener.accept.empty()) {
                continue;
            }
            Action listen;
            listen.trigger = Trigger::At;
            listen.time = listener.at;
            listen.host = result_.linuxHost;
            listen.socket = "listener:" + std::to_string(port);
            listen.call = AppCallKind::Listen;
            listen.port = port;
            listen.accept = listener.accept;
            if (listener.receiveBuffer != 0) {
                listen.receiveBuffer = listener.receiveBuffer;
                result_.notes.push_back("SO_RCVBUF " + std::to_string(listener.receiveBuffer) +
                                        " on the listener of port " + std::to_string(port) +
                                        ", inferred from its SYN,ACKs' windows and the "
                                        "largest its connections offered");
            }
            s.actions.insert(s.actions.begin(), listen);
            result_.notes.push_back("listen() on port " + std::to_string(port) + " at " +
                                    secondsText(listener.at) +
                                    ", inferred from its SYN,ACK; accepting " +
                                    std::to_string(listener.accept.size()) + " connection(s)");
        }
    }

    // The peer's window field as it would have sent it to the replay's Linux host: as captured
    // (its SYN's window scale option goes too) when that host negotiates scaling; otherwise a
    // window the capture shows in scaled units (both SYNs carried the option) in bytes, at most
    // 65535, since with tcp_window_scaling=0 neither side scales (RFC 7323 §2.2).
    std::uint16_t peerWindow(const ConnectionPlan& plan, const Segment& segment) const {
        if (segment.has(flag::kSyn) || options_.sysctls.tcp_window_scaling != 0 || !plan.scaled()) {
            return segment.window;
        }
        const std::uint64_t bytes = std::uint64_t{segment.window} << plan.peerWindowScale;
        return static_cast<std::uint16_t>(std::min<std::uint64_t>(bytes, kMaxWindow));
    }

    // The SO_RCVBUF a SYN or SYN,ACK of the Linux host shows, if any: one that locked the buffer
    // below the default makes tcp_select_initial_window() offer less than the default buffer's
    // window (tcp_rmem[1], for an MSS with or without the timestamp option), a multiple of the
    // MSS. The smallest SO_RCVBUF that offers it is taken: it leaves exactly that window's space.
    // A window at the default or above (the 16-bit field caps it) shows nothing.
    std::optional<std::uint32_t> receiveBufferShown(const Segment& syn) const {
        const std::uint32_t space =
            tcpFullSpace(static_cast<std::uint32_t>(options_.sysctls.tcp_rmem_default));
        std::uint32_t defaultWindow = kMaxWindow;
        for (const std::uint32_t mss : {kDefaultMss, kDefaultMss - kTimestampOptionLength}) {
            defaultWindow =
                std::min(defaultWindow, tcpSelectInitialWindow(space, mss, 0, false, 0).rcvWnd);
        }
        if (syn.window == 0 || syn.window >= defaultWindow) {
            return std::nullopt;
        }
        return syn.window;
    }

    // --- the comparison

    std::optional<Seq> engineIsn(const ConnectionPlan& plan) const {
        for (const SocketInfo& socket : result_.trace.sockets) {
            if (socket.host == 0 && socket.name == connectionName(plan.id)) {
                return socket.isn;
            }
        }
        return std::nullopt;
    }

    std::optional<std::size_t> planOfSegment(const SegmentRecord& record) const {
        if (const SocketInfo* socket = result_.trace.socket(record.segment.sender)) {
            for (std::size_t p = 0; p < plans_.size(); ++p) {
                if (socket->name == connectionName(plans_[p].id)) {
                    return p;
                }
            }
        }
        // No named socket (a RST for a closed port): the newest connection on its 4-tuple that the
        // capture had started by then. No tolerance: what the Linux host sends on a 4-tuple before
        // a newer connection's first packet (the peer's SYN reaches it no earlier than the capture
        // shows it) belongs to the older one.
        std::optional<std::size_t> found;
        for (std::size_t p = 0; p < plans_.size(); ++p) {
            const ConnectionPlan& plan = plans_[p];
            if (plan.linuxEnd != record.segment.src || plan.peerEnd != record.segment.dst) {
                continue;
            }
            if (!found || plan.firstSeenAt <= record.sentAt) {
                found = p;
            }
        }
        return found;
    }

    void compare() {
        const Trace& trace = result_.trace;
        const HostId linuxId = 0;
        std::vector<std::vector<Sent>> engine(plans_.size());
        for (SegmentId id = 0; id < trace.segments.size(); ++id) {
            const SegmentRecord& record = trace.segments[id];
            if (record.from != linuxId || record.duplicateOf != kNoSegment) {
                continue;
            }
            const SimTime at = result_.capturePoint == CapturePoint::Peer
                                   ? record.deliveredAt.value_or(record.sentAt + peerLead_)
                                   : record.sentAt;
            if (at > captureEnd_ + kReplayTolerance) {
                ++result_.segmentsAfterCapture;
                continue;
            }
            const auto plan = planOfSegment(record);
            if (!plan) {
                continue;
            }
            // Relative to the connection's socket's ISN in the run, also for a RST the stack sent
            // once that socket was gone, as the capture's are relative to the captured ISN.
            std::optional<Seq> isn;
            if (plans_[*plan].linuxIsn) {
                isn = engineIsn(plans_[*plan]);
            }
            engine[*plan].push_back(Sent{comparable(record.segment, isn, plans_[*plan].peerIsn),
                                         at,
                                         {},
                                         kNoPacket,
                                         id,
                                         record.segment.sender});
        }
        for (std::size_t p = 0; p < plans_.size(); ++p) {
            const ConnectionPlan& plan = plans_[p];
            std::vector<Sent> captured;
            for (const ReplayPacket& packet : plan.packets) {
                if (!packet.fromLinux) {
                    continue;
                }
                const CapturedPacket& c = capture_.packets[packet.kept];
                Sent sent;
                sent.segment = comparable(c.segment, plan.linuxIsn, plan.peerIsn);
                sent.at = seenAt(c.at);
                sent.slack = replayTolerance(packet.sincePrevious);
                sent.packet = capture_.packetIndex[packet.kept];
                captured.push_back(sent);
            }
            std::ranges::stable_sort(engine[p], {}, &Sent::at);
            align(plan, captured, engine[p]);
        }
    }

    // Lines up the captured segments with the run's, in order. Equal segments pair; where the
    // heads differ, an exact match a few segments ahead (kLookAhead) on either side pairs instead,
    // the ones skipped being Unexpected (captured) or Missing (run); failing that, heads with the
    // same flags pair as a Fields difference, else the earlier one is unmatched.
    void align(const ConnectionPlan& plan, const std::vector<Sent>& captured,
               const std::vector<Sent>& run) {
        std::size_t i = 0;
        std::size_t j = 0;
        const auto unexpected = [&](const Sent& c) {
            add(plan, ReplayDifferenceKind::Unexpected, &c, nullptr,
                Reason(Cause::ReplayUnexpected, static_cast<std::int64_t>(options_.profile)));
        };
        const auto missing = [&](const Sent& r) {
            add(plan, ReplayDifferenceKind::Missing, nullptr, &r,
                Reason(Cause::ReplayMissing, static_cast<std::int64_t>(options_.profile)));
        };
        while (i < captured.size() && j < run.size()) {
            if (sameKey(captured[i].segment, run[j].segment)) {
                // Equal segments far apart in time: a later equal one on either side that is on
                // time pairs instead (the run's ACKs a capture lost, or the other way round).
                if (!onTime(captured[i], run[j])) {
                    if (const auto k = onTimeAhead(run, j, captured[i])) {
                        for (std::size_t n = 0; n < *k; ++n) {
                            missing(run[j++]);
                        }
                        continue;
                    }
                    if (const auto k = onTimeAhead(captured, i, run[j])) {
                        for (std::size_t n = 0; n < *k; ++n) {
                            unexpected(captured[i++]);
                        }
                        continue;
                    }
                }
                pair(plan, captured[i++], run[j++]);
                continue;
            }
            std::optional<std::size_t> capturedSkip;
            std::optional<std::size_t> runSkip;
            for (std::size_t k = 1; k <= kLookAhead && i + k < captured.size(); ++k) {
                if (sameKey(captured[i + k].segment, run[j].segment)) {
                    capturedSkip = k;
                    break;
                }
            }
            for (std::size_t k = 1; k <= kLookAhead && j + k < run.size(); ++k) {
                if (sameKey(captured[i].segment, run[j + k].segment)) {
                    runSkip = k;
                    break;
                }
            }
            if (capturedSkip && (!runSkip || *capturedSkip <= *runSkip)) {
                for (std::size_t k = 0; k < *capturedSkip; ++k) {
                    unexpected(captured[i++]);
                }
            } else if (runSkip) {
                for (std::size_t k = 0; k < *runSkip; ++k) {
                    missing(run[j++]);
                }
            } else if (captured[i].segment.flags == run[j].segment.flags) {
                const std::uint8_t bits = differingFields(captured[i].segment, run[j].segment);
                add(plan, ReplayDifferenceKind::Fields, &captured[i], &run[j],
                    Reason(Cause::ReplayFieldsDiffer, bits,
                           static_cast<std::int64_t>(options_.profile)));
                ++i;
                ++j;
            } else if (captured[i].at <= run[j].at) {
                unexpected(captured[i++]);
            } else {
                missing(run[j++]);
            }
        }
        for (; i < captured.size(); ++i) {
            unexpected(captured[i]);
        }
        for (; j < run.size(); ++j) {
            missing(run[j]);
        }
    }

    static bool onTime(const Sent& captured, const Sent& run) {
        const Duration apart = run.at > captured.at ? run.at - captured.at : captured.at - run.at;
        return apart <= captured.slack;
    }
    // How far ahead of `from` in `list` a segment equal to `other` is on time with it.
    static std::optional<std::size_t> onTimeAhead(const std::vector<Sent>& list, std::size_t from,
                                                  const Sent& other) {
        for (std::size_t k = 1; k <= kLookAhead && from + k < list.size(); ++k) {
            const Sent& candidate = list[from + k];
            if (sameKey(candidate.segment, other.segment) &&
                (candidate.packet != kNoPacket ? onTime(candidate, other)
                                               : onTime(other, candidate))) {
                return k;
            }
        }
        return std::nullopt;
    }

    void pair(const ConnectionPlan& plan, const Sent& captured, const Sent& run) {
        if (!onTime(captured, run)) {
            add(plan, ReplayDifferenceKind::Timing, &captured, &run,
                Reason(Cause::ReplayTimeDiffers, captured.at.count(), run.at.count(),
                       static_cast<std::int64_t>(options_.profile)));
        }
    }

    void add(const ConnectionPlan& plan, ReplayDifferenceKind kind, const Sent* captured,
             const Sent* run, Reason reason) {
        ReplayDifference d;
        d.kind = kind;
        d.connection = plan.id;
        d.reason = reason;
        if (captured != nullptr) {
            d.capturePacket = captured->packet;
            d.capturedAt = captured->at;
            d.captured = captured->segment;
        }
        if (run != nullptr) {
            d.segment = run->id;
            d.linuxAt = run->at;
            d.linux = run->segment;
        }
        result_.differences.push_back(std::move(d));
    }

    // A peer's RST that the run's Linux host did not take, where the capture shows it ending the
    // connection: the states inferred from the capture close the Linux side with it (it fell in
    // the window the Linux side advertised), and the captured host sent nothing after it on that
    // connection (no challenge ACK, no more data).
    void checkInjectedRsts() {
        const Trace& trace = result_.trace;
        std::vector<SegmentId> craftedSegment(result_.scenario.crafted.size(), kNoSegment);
        for (const Fact& fact : trace.facts) {
            if (fact.kind == FactKind::SegmentSent && fact.reason.code == Cause::Crafted &&
                fact.reason.args[0] >= 1 &&
                static_cast<std::size_t>(fact.reason.args[0]) <= craftedSegment.size()) {
                craftedSegment[static_cast<std::size_t>(fact.reason.args[0] - 1)] = fact.segment;
            }
        }
        for (std::size_t index = 0; index < craftedSegment.size(); ++index) {
            const CraftedSegment& crafted = result_.scenario.crafted[index];
            const SegmentId id = craftedSegment[index];
            if ((crafted.flags & flag::kRst) == 0 || id == kNoSegment) {
                continue;
            }
            const Fact* verdict = nullptr;
            for (const Fact& fact : trace.facts) {
                if (fact.kind == FactKind::SegmentDelivered && fact.segment == id) {
                    verdict = &fact;
                    break;
                }
            }
            if (verdict == nullptr || rstAccepted(verdict->reason.code)) {
                continue;
            }
            const ConnectionPlan& plan = plans_[craftedPlan_[index]];
            const std::size_t kept = craftedPacket_[index];
            const std::uint32_t packetIndex = capture_.packetIndex[kept];
            const bool closedByIt = std::ranges::any_of(
                capture_.inference.changes(), [&](const InferredChange& change) {
                    return change.packet == packetIndex && change.side == plan.linuxSide &&
                           change.cause == Cause::InferredRstReceived;
                });
            const bool linuxSpokeAfter = std::ranges::any_of(
                plan.packets, [&](const ReplayPacket& p) { return p.fromLinux && p.kept > kept; });
            if (!closedByIt || linuxSpokeAfter) {
                continue;
            }
            ReplayDifference d;
            d.kind = ReplayDifferenceKind::RstNotAccepted;
            d.connection = plan.id;
            d.capturePacket = packetIndex;
            d.segment = id;
            d.capturedAt = crafted.time;
            d.linuxAt = verdict->at;
            d.reason = Reason(Cause::ReplayRstNotAccepted,
                              static_cast<std::int64_t>(verdict->reason.code));
            d.captured = capture_.packets[kept].segment;
            result_.differences.push_back(std::move(d));
        }
    }

    // Each difference as an anomaly fact on the Linux host, at its time, in the trace's order.
    void addAnomalyFacts() {
        Trace& trace = result_.trace;
        for (const ReplayDifference& d : result_.differences) {
            Fact fact;
            fact.at = d.linuxAt && d.kind != ReplayDifferenceKind::Timing
                          ? *d.linuxAt
                          : d.capturedAt.value_or(SimTime{});
            fact.kind = FactKind::Anomaly;
            fact.host = 0;
            fact.segment = d.segment;
            if (d.segment != kNoSegment) {
                fact.socket = trace.segments[d.segment].segment.sender;
            }
            fact.reason = d.reason;
            const auto place = std::ranges::upper_bound(trace.facts, fact.at, {}, &Fact::at);
            trace.facts.insert(place, fact);
            trace.end = std::max(trace.end, fact.at);
        }
    }

    const OpenedCapture& capture_;
    const ReplayOptions& options_;
    ReplayResult result_;
    std::vector<ConnectionPlan> plans_;
    Duration peerLead_{};
    std::string handshakeGaps_; // the first handshake's two gaps, when they did not tell
    SimTime captureEnd_{};
    std::vector<std::uint32_t> craftedPacket_; // per crafted segment: its index in packets
    std::vector<std::size_t> craftedPlan_;     // per crafted segment: its plan
};

} // namespace

bool parseReplaySide(std::string_view text, ReplaySide& out) {
    if (text == "client") {
        out = ReplaySide{ReplaySide::Kind::Client, 0};
        return true;
    }
    if (text == "server") {
        out = ReplaySide{ReplaySide::Kind::Server, 0};
        return true;
    }
    Ipv4 address = 0;
    if (parseIpv4(std::string(text), address)) {
        out = ReplaySide{ReplaySide::Kind::Address, address};
        return true;
    }
    return false;
}

std::string_view capturePointKey(CapturePoint point) {
    return kCapturePointKeys[static_cast<std::size_t>(point)];
}

bool parseCapturePointKey(std::string_view key, CapturePoint& out) {
    for (std::size_t i = 0; i < kCapturePointKeys.size(); ++i) {
        if (kCapturePointKeys[i] == key) {
            out = static_cast<CapturePoint>(i);
            return true;
        }
    }
    return false;
}

std::string_view replayDifferenceKindKey(ReplayDifferenceKind kind) {
    return kDifferenceKeys[static_cast<std::size_t>(kind)];
}

Duration replayTolerance(Duration sincePrevious) {
    return std::max(kReplayTolerance, Duration(sincePrevious * kReplayTolerancePermille / 1000));
}

std::variant<ReplayResult, ReplayError> replayCapture(const OpenedCapture& capture,
                                                      const ReplayOptions& options) {
    return Replayer(capture, options).run();
}

} // namespace tdl
