#include "handmade_trace.h"

namespace tdl::test {

namespace {

constexpr HostId kClient = 0;
constexpr HostId kServer = 1;
constexpr SocketId kClientSocket = 1;
constexpr SocketId kListener = 2;
constexpr SocketId kServerSocket = 3;
constexpr Endpoint kClientEnd{0x0A000001, 40000};
constexpr Endpoint kServerEnd{0x0A000002, 80};
constexpr std::uint32_t kClientIsn = 1000;
constexpr std::uint32_t kServerIsn = 5000;

class Story {
public:
    Story() {
        recorder_.hostAdded({"client", kClientEnd.address});
        recorder_.hostAdded({"server", kServerEnd.address});
        recorder_.socketAdded({kClientSocket,
                               kClient,
                               "c",
                               SocketRole::Active,
                               {kClientEnd, kServerEnd},
                               Seq(kClientIsn),
                               Seq(kServerIsn)});
        recorder_.socketAdded({kListener,
                               kServer,
                               "listener",
                               SocketRole::Listener,
                               {{kServerEnd.address, 80}, {}},
                               Seq(0),
                               Seq(0)});
        recorder_.socketAdded({kServerSocket,
                               kServer,
                               "s",
                               SocketRole::Passive,
                               {kServerEnd, kClientEnd},
                               Seq(kServerIsn),
                               Seq(kClientIsn)});
    }

    // Records a segment from one side, numbered relative to the ISNs, and the fact that it was
    // sent. Returns its id.
    SegmentId send(SimTime at, HostId from, std::uint8_t flags, std::uint32_t relativeSeq,
                   std::uint32_t relativeAck, std::uint32_t length, Reason reason) {
        const SegmentId id = record(at, from, flags, relativeSeq, relativeAck, length);
        Fact sent =
            factAt(at, FactKind::SegmentSent, from == kClient ? kClientSocket : kServerSocket);
        sent.segment = id;
        sent.reason = reason;
        recorder_.fact(sent);
        return id;
    }

    void deliver(SegmentId id, SimTime at, Reason reason = Reason(Cause::Accepted)) {
        recorder_.segmentDelivered(id, at);
        Fact f = factAt(at, FactKind::SegmentDelivered,
                        senders_.at(id) == kClient ? kServerSocket : kClientSocket);
        f.segment = id;
        f.reason = reason;
        recorder_.fact(f);
    }

    void state(SimTime at, SocketId socket, TcpState from, TcpState to, Reason reason,
               SegmentId cause = kNoSegment) {
        Fact f = factAt(at, FactKind::StateChanged, socket);
        f.from = from;
        f.to = to;
        f.reason = reason;
        f.segment = cause;
        recorder_.fact(f);
    }

    void call(SimTime at, SocketId socket, AppCallKind call, Reason reason, int error = 0) {
        Fact f = factAt(at, FactKind::AppCall, socket);
        f.call = call;
        f.error = error;
        f.reason = reason;
        recorder_.fact(f);
    }

    void timer(SimTime at, FactKind kind, SocketId socket, TimerKind timer, SimTime deadline,
               Reason reason) {
        Fact f = factAt(at, kind, socket);
        f.timer = timer;
        f.deadline = deadline;
        f.reason = reason;
        recorder_.fact(f);
    }

    // Dropped, delayed or duplicated: said on the sender's side, as the engine does.
    void network(SimTime at, FactKind kind, SegmentId id, Reason reason) {
        Fact f = factAt(at, kind, senders_.at(id) == kClient ? kClientSocket : kServerSocket);
        f.segment = id;
        f.reason = reason;
        recorder_.fact(f);
    }

    void anomaly(SimTime at, SocketId socket, Reason reason) {
        Fact f = factAt(at, FactKind::Anomaly, socket);
        f.reason = reason;
        recorder_.fact(f);
    }

    Trace finish(SimTime end) {
        recorder_.finished(end, false);
        return recorder_.take();
    }

    SegmentId record(SimTime at, HostId from, std::uint8_t flags, std::uint32_t relativeSeq,
                     std::uint32_t relativeAck, std::uint32_t length,
                     SegmentId duplicateOf = kNoSegment) {
        const bool fromClient = from == kClient;
        SegmentRecord record;
        Segment& s = record.segment;
        s.src = fromClient ? kClientEnd : kServerEnd;
        s.dst = fromClient ? kServerEnd : kClientEnd;
        s.seq = Seq((fromClient ? kClientIsn : kServerIsn) + relativeSeq);
        s.ack = (flags & flag::kAck) ? Seq((fromClient ? kServerIsn : kClientIsn) + relativeAck)
                                     : Seq(0);
        s.flags = flags;
        s.window = 64240;
        s.length = length;
        s.hasTimestamp = true;
        s.timestamp = {static_cast<std::uint32_t>(at.count() / 1000) + (fromClient ? 7U : 9000U),
                       relativeSeq};
        s.mss = (flags & flag::kSyn) ? 1460 : 0;
        s.sender = fromClient ? kClientSocket : kServerSocket;
        s.streamOffset = relativeSeq == 0 ? 0 : relativeSeq - 1;
        record.from = from;
        record.to = fromClient ? kServer : kClient;
        record.sentAt = at;
        record.duplicateOf = duplicateOf;
        // As the engine numbers them: a copy has its original's ordinal.
        record.ordinal = duplicateOf != kNoSegment ? ordinals_.at(duplicateOf) : ++sent_;
        ordinals_.push_back(record.ordinal);
        senders_.push_back(from);
        return recorder_.segmentSent(record);
    }

private:
    static Fact factAt(SimTime at, FactKind kind, SocketId socket) {
        Fact f;
        f.at = at;
        f.kind = kind;
        f.host = socket == kClientSocket ? kClient : kServer;
        f.socket = socket;
        return f;
    }

    TraceRecorder recorder_;
    std::vector<HostId> senders_;         // per segment id
    std::vector<std::uint32_t> ordinals_; // per segment id
    std::uint32_t sent_ = 0;
};

constexpr std::uint8_t kSyn = flag::kSyn;
constexpr std::uint8_t kSynAck = flag::kSyn | flag::kAck;
constexpr std::uint8_t kAck = flag::kAck;
constexpr std::uint8_t kPshAck = flag::kPsh | flag::kAck;
constexpr std::uint8_t kFinAck = flag::kFin | flag::kAck;

// Both traces share the handshake and the 100 bytes; `story` then has segments 0..4.
void handshakeAndData(Story& story) {
    story.call(0ms, kListener, AppCallKind::Listen, Reason(Cause::AppListen, 80));
    story.state(0ms, kListener, TcpState::Closed, TcpState::Listen, Reason(Cause::AppListen, 80));
    story.call(0ms, kClientSocket, AppCallKind::Connect, Reason(Cause::AppConnect));
    story.state(0ms, kClientSocket, TcpState::Closed, TcpState::SynSent, Reason(Cause::AppConnect));
    const SegmentId syn = story.send(0ms, kClient, kSyn, 0, 0, 0, Reason(Cause::Syn));
    story.deliver(syn, 10ms, Reason(Cause::RcvSyn));
    story.state(10ms, kServerSocket, TcpState::Closed, TcpState::SynReceived, Reason(Cause::RcvSyn),
                syn);
    const SegmentId synAck = story.send(10ms, kServer, kSynAck, 0, 1, 0, Reason(Cause::RcvSyn));
    story.deliver(synAck, 20ms, Reason(Cause::RcvSynAck));
    story.state(20ms, kClientSocket, TcpState::SynSent, TcpState::Established,
                Reason(Cause::RcvSynAck), synAck);
    const SegmentId ack = story.send(20ms, kClient, kAck, 1, 1, 0, Reason(Cause::RcvSynAck));
    story.call(21ms, kClientSocket, AppCallKind::Send, Reason(Cause::AppSend, 100));
    const SegmentId data = story.send(21ms, kClient, kPshAck, 1, 1, 100, Reason(Cause::Data, 100));
    story.deliver(ack, 30ms, Reason(Cause::RcvAckOfSyn));
    story.state(30ms, kServerSocket, TcpState::SynReceived, TcpState::Established,
                Reason(Cause::RcvAckOfSyn), ack);
    story.deliver(data, 31ms);
    const SegmentId dataAck = story.send(31ms, kServer, kAck, 1, 101, 0, Reason(Cause::AckQuick));
    story.deliver(dataAck, 41ms);
}

} // namespace

Trace handmadeFourWayClose() {
    Story story;
    handshakeAndData(story);
    const auto send = [&](SimTime at, HostId from, std::uint8_t flags, std::uint32_t seq,
                          std::uint32_t ack, Reason reason) {
        return story.send(at, from, flags, seq, ack, 0, reason);
    };
    story.call(200ms, kClientSocket, AppCallKind::Close, Reason(Cause::AppClose));
    story.state(200ms, kClientSocket, TcpState::Established, TcpState::FinWait1,
                Reason(Cause::AppClose));
    const SegmentId fin = send(200ms, kClient, kFinAck, 101, 1, Reason(Cause::FinOnClose));
    story.deliver(fin, 210ms, Reason(Cause::RcvFin));
    story.state(210ms, kServerSocket, TcpState::Established, TcpState::CloseWait,
                Reason(Cause::RcvFin), fin);
    const SegmentId finAck = send(210ms, kServer, kAck, 1, 102, Reason(Cause::RcvFin));
    story.deliver(finAck, 220ms, Reason(Cause::RcvAckOfFin));
    story.state(220ms, kClientSocket, TcpState::FinWait1, TcpState::FinWait2,
                Reason(Cause::RcvAckOfFin), finAck);
    story.call(260ms, kServerSocket, AppCallKind::Close, Reason(Cause::AppClose));
    story.state(260ms, kServerSocket, TcpState::CloseWait, TcpState::LastAck,
                Reason(Cause::AppClose));
    const SegmentId serverFin = send(260ms, kServer, kFinAck, 1, 102, Reason(Cause::FinOnClose));
    story.deliver(serverFin, 270ms, Reason(Cause::RcvFin));
    story.state(270ms, kClientSocket, TcpState::FinWait2, TcpState::TimeWait, Reason(Cause::RcvFin),
                serverFin);
    story.timer(270ms, FactKind::TimerArmed, kClientSocket, TimerKind::TimeWait, 60270ms,
                Reason(Cause::RcvFin));
    const SegmentId lastAck = send(270ms, kClient, kAck, 102, 2, Reason(Cause::RcvFin));
    story.deliver(lastAck, 280ms, Reason(Cause::RcvAckOfFin));
    story.state(280ms, kServerSocket, TcpState::LastAck, TcpState::Closed,
                Reason(Cause::RcvAckOfFin), lastAck);
    story.timer(60270ms, FactKind::TimerFired, kClientSocket, TimerKind::TimeWait, 60270ms,
                Reason(Cause::TimeWaitExpired));
    story.state(60270ms, kClientSocket, TcpState::TimeWait, TcpState::Closed,
                Reason(Cause::TimeWaitExpired));
    return story.finish(60270ms);
}

Trace handmadeFaultyClose() {
    Story story;
    handshakeAndData(story);
    const auto send = [&](SimTime at, HostId from, std::uint8_t flags, std::uint32_t seq,
                          std::uint32_t ack, Reason reason) {
        return story.send(at, from, flags, seq, ack, 0, reason);
    };
    story.call(200ms, kClientSocket, AppCallKind::Close, Reason(Cause::AppClose));
    story.state(200ms, kClientSocket, TcpState::Established, TcpState::FinWait1,
                Reason(Cause::AppClose));
    const SegmentId lostFin = send(200ms, kClient, kFinAck, 101, 1, Reason(Cause::FinOnClose));
    story.network(200ms, FactKind::SegmentDropped, lostFin, Reason(Cause::FaultDrop, 1));
    story.timer(400ms, FactKind::TimerFired, kClientSocket, TimerKind::Retransmit, 400ms,
                Reason(Cause::RtoExpired, 1, 200));
    const SegmentId fin = send(400ms, kClient, kFinAck, 101, 1, Reason(Cause::Retransmit, 1));
    story.deliver(fin, 410ms, Reason(Cause::RcvFin));
    story.state(410ms, kServerSocket, TcpState::Established, TcpState::CloseWait,
                Reason(Cause::RcvFin), fin);
    const SegmentId finAck = send(410ms, kServer, kAck, 1, 102, Reason(Cause::RcvFin));
    story.network(410ms, FactKind::SegmentDelayed, finAck, Reason(Cause::FaultDelay, 2, 100'000));
    // The copy is a segment of its own with no "sent" fact, as the engine records it.
    const SegmentId copyId = story.record(410ms, kServer, kAck, 1, 102, 0, finAck);
    story.network(410ms, FactKind::SegmentDuplicated, copyId, Reason(Cause::FaultDuplicate, 3));
    story.anomaly(410ms, kServerSocket, Reason(Cause::StaleDataAccepted, 1, 100));
    return story.finish(520ms);
}

Trace handmadeLostDoubledAndLateClose() {
    Story story;
    handshakeAndData(story);
    const auto send = [&](SimTime at, HostId from, std::uint8_t flags, std::uint32_t seq,
                          std::uint32_t ack, Reason reason) {
        return story.send(at, from, flags, seq, ack, 0, reason);
    };
    story.call(200ms, kClientSocket, AppCallKind::Close, Reason(Cause::AppClose));
    story.state(200ms, kClientSocket, TcpState::Established, TcpState::FinWait1,
                Reason(Cause::AppClose));
    const SegmentId lostFin = send(200ms, kClient, kFinAck, 101, 1, Reason(Cause::FinOnClose));
    story.network(200ms, FactKind::SegmentDropped, lostFin, Reason(Cause::FaultDrop, 1));
    story.timer(400ms, FactKind::TimerFired, kClientSocket, TimerKind::Retransmit, 400ms,
                Reason(Cause::RtoExpired, 1, 200));
    const SegmentId fin = send(400ms, kClient, kFinAck, 101, 1, Reason(Cause::Retransmit, 1));
    story.deliver(fin, 410ms, Reason(Cause::RcvFin));
    story.state(410ms, kServerSocket, TcpState::Established, TcpState::CloseWait,
                Reason(Cause::RcvFin), fin);
    const SegmentId finAck = send(410ms, kServer, kAck, 1, 102, Reason(Cause::RcvFin));
    const SegmentId copy = story.record(410ms, kServer, kAck, 1, 102, 0, finAck);
    story.network(410ms, FactKind::SegmentDuplicated, copy, Reason(Cause::FaultDuplicate, 3));
    story.deliver(finAck, 420ms, Reason(Cause::RcvAckOfFin));
    story.state(420ms, kClientSocket, TcpState::FinWait1, TcpState::FinWait2,
                Reason(Cause::RcvAckOfFin), finAck);
    story.deliver(copy, 420ms);
    story.call(460ms, kServerSocket, AppCallKind::Close, Reason(Cause::AppClose));
    story.state(460ms, kServerSocket, TcpState::CloseWait, TcpState::LastAck,
                Reason(Cause::AppClose));
    const SegmentId serverFin = send(460ms, kServer, kFinAck, 1, 102, Reason(Cause::FinOnClose));
    story.network(460ms, FactKind::SegmentDelayed, serverFin,
                  Reason(Cause::FaultDelay, 2, 100'000));
    story.deliver(serverFin, 570ms, Reason(Cause::RcvFin));
    story.state(570ms, kClientSocket, TcpState::FinWait2, TcpState::TimeWait, Reason(Cause::RcvFin),
                serverFin);
    const SegmentId lastAck = send(570ms, kClient, kAck, 102, 2, Reason(Cause::RcvFin));
    story.deliver(lastAck, 580ms, Reason(Cause::RcvAckOfFin));
    story.state(580ms, kServerSocket, TcpState::LastAck, TcpState::Closed,
                Reason(Cause::RcvAckOfFin), lastAck);
    return story.finish(580ms);
}

} // namespace tdl::test
