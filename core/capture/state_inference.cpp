#include "state_inference.h"

namespace tdl {

namespace {

bool closedOrTimeWait(const InferredSide& side) {
    return !side.known || side.state == TcpState::Closed || side.state == TcpState::TimeWait;
}

} // namespace

Reason InferredChange::reason() const {
    if (cause == Cause::InferredTimeWaitOver) {
        return Reason(
            cause, std::chrono::duration_cast<std::chrono::seconds>(StateInference::kTimeWaitLength)
                       .count());
    }
    return Reason(cause);
}

bool StateInference::over(std::uint32_t connection) const {
    const auto& sides = sides_[connection];
    return (sides[0].known || sides[1].known) && closedOrTimeWait(sides[0]) &&
           closedOrTimeWait(sides[1]);
}

void StateInference::set(std::uint32_t connection, std::uint8_t side, TcpState to, Cause cause,
                         SimTime at, std::uint32_t packet) {
    InferredSide& s = sides_[connection][side];
    changes_.push_back(InferredChange{at, connection, packet, side, s.state, to, cause});
    s.state = to;
    s.known = true;
    if (to == TcpState::TimeWait) {
        s.timeWaitSince = at;
    }
}

PacketPlace StateInference::add(const CapturedPacket& packet) {
    const std::uint32_t index = packets_++;
    const PacketPlace place =
        grouping_.place(packet, [&](std::uint32_t connection, std::uint8_t side) {
            const InferredSide& sender = sides_[connection][side];
            // A retransmitted SYN belongs to the connection it opened.
            if (sender.state == TcpState::SynSent && sender.isn == packet.segment.seq) {
                return false;
            }
            // A SYN from a side whose socket is gone or in TIME-WAIT comes from a new socket,
            // whatever the peer's state; otherwise the connection must be over.
            const bool senderDone = sender.known && (sender.state == TcpState::Closed ||
                                                     sender.state == TcpState::TimeWait);
            if (!senderDone && !over(connection)) {
                return false;
            }
            // The new SYN ends what TIME-WAIT was left on the 4-tuple: tcp_tw_reuse on the
            // side that connects again, or the peer's TIME-WAIT accepting the SYN
            // (tcp_timewait_state_process(): TCP_TW_SYN).
            for (std::uint8_t s = 0; s < 2; ++s) {
                if (sides_[connection][s].state == TcpState::TimeWait) {
                    set(connection, s, TcpState::Closed, Cause::InferredTimeWaitReused, packet.at,
                        index);
                }
            }
            return true;
        });
    if (place.connection >= sides_.size()) {
        sides_.emplace_back();
    }
    infer(packet, place, index);
    return place;
}

void StateInference::infer(const CapturedPacket& packet, PacketPlace place, std::uint32_t index) {
    const Segment& segment = packet.segment;
    const std::uint32_t c = place.connection;
    const std::uint8_t s = place.side;
    const std::uint8_t r = 1 - s;
    InferredSide& sender = sides_[c][s];
    InferredSide& receiver = sides_[c][r];
    const SimTime at = packet.at;
    const bool syn = segment.has(flag::kSyn);
    const bool ack = segment.has(flag::kAck);
    const bool fin = segment.has(flag::kFin);

    // What the receiver expects next, as far as the sender's packets so far show.
    const bool senderHadSent = sender.sent;
    const Seq receiverNext = sender.sndMax;
    if (!sender.sent) {
        sender.sent = true;
        sender.isn = syn ? segment.seq : segment.seq - 1;
        sender.isnKnown = syn;
        sender.sndMax = segment.endSeq();
    } else {
        if (syn && !sender.isnKnown) {
            sender.isn = segment.seq;
            sender.isnKnown = true;
        }
        if (after(segment.endSeq(), sender.sndMax)) {
            sender.sndMax = segment.endSeq();
        }
    }
    sender.window = segment.window;
    if (syn) {
        sender.windowScale = segment.windowScale;
    }

    if (segment.has(flag::kRst)) {
        // A RST from SYN-SENT answers an ACK that does not acknowledge its SYN, and leaves the
        // socket waiting for its own handshake (tcp_rcv_synsent_state_process(): reset_and_undo).
        if (sender.known && sender.state != TcpState::Closed && sender.state != TcpState::SynSent) {
            set(c, s, TcpState::Closed, Cause::InferredRstSent, at, index);
        }
        sender.known = true; // a RST from a port with no socket: it was closed
        // A RST from a socket in SYN-SENT whose 4-tuple has an older incarnation still open
        // answers that incarnation's challenge ACK: it is judged there (the peer's LAST-ACK or
        // TIME-WAIT it may end).
        const std::uint32_t previous = grouping_.connections()[c].previous;
        if (sender.state == TcpState::SynSent && previous != kNoConnection &&
            !(receiver.known && receiver.state != TcpState::Closed)) {
            const std::uint8_t oldReceiver =
                grouping_.connections()[previous].ends[0] == segment.dst ? 0 : 1;
            const InferredSide& oldSender = sides_[previous][1 - oldReceiver];
            rstArrives(previous, oldReceiver, segment, oldSender.sent, oldSender.sndMax,
                       oldSender.windowScale, at, index);
            return;
        }
        rstArrives(c, r, segment, senderHadSent, receiverNext, sender.windowScale, at, index);
        return;
    }

    if (syn && !ack) {
        if (sender.state != TcpState::SynSent) {
            set(c, s, TcpState::SynSent, Cause::InferredSyn, at, index);
        }
        return;
    }
    if (syn) {
        if (!isSynchronized(sender.state)) {
            set(c, s, TcpState::SynReceived, Cause::InferredSynAck, at, index);
        }
        if (receiver.state == TcpState::SynSent && segment.ack == receiver.isn + 1) {
            set(c, r, TcpState::Established, Cause::InferredSynAckSeen, at, index);
        }
        return;
    }

    if (ack && receiver.state == TcpState::SynSent && segment.ack != receiver.sndMax) {
        // An ACK that does not acknowledge the SYN belongs to an older incarnation (a challenge
        // ACK from the peer's TIME-WAIT or LAST-ACK): it shows nothing about this one.
        return;
    }
    if (ack) {
        // An ACK without SYN shows both sides synchronized: where the capture began later, this
        // is the first thing known about them.
        if (!sender.known) {
            set(c, s, TcpState::Established, Cause::InferredMidConnection, at, index);
        }
        if (!receiver.known) {
            set(c, r, TcpState::Established, Cause::InferredMidConnection, at, index);
        }
        if (sender.state == TcpState::TimeWait) {
            sender.timeWaitSince = at;
        }
        if (receiver.state == TcpState::SynReceived && !before(segment.ack, receiver.isn + 1)) {
            set(c, r, TcpState::Established, Cause::InferredHandshakeAck, at, index);
        }
        if (receiver.finSent && !before(segment.ack, receiver.finEnd)) {
            switch (receiver.state) {
            case TcpState::FinWait1:
                set(c, r, TcpState::FinWait2, Cause::InferredFinAcked, at, index);
                break;
            case TcpState::Closing:
                set(c, r, TcpState::TimeWait, Cause::InferredFinAcked, at, index);
                break;
            case TcpState::LastAck:
                set(c, r, TcpState::Closed, Cause::InferredFinAcked, at, index);
                break;
            default:
                break;
            }
        }
    }

    if (fin && sender.finSent && segment.endSeq() == sender.finEnd) {
        // Its FIN again, after an ACK of it passed the capture point: that ACK was lost on the
        // rest of its way, and the sender is still waiting for it.
        switch (sender.state) {
        case TcpState::Closed:
            set(c, s, TcpState::LastAck, Cause::InferredFinResent, at, index);
            break;
        case TcpState::FinWait2:
            set(c, s, TcpState::FinWait1, Cause::InferredFinResent, at, index);
            break;
        default:
            break;
        }
    }
    if (fin && (!sender.finSent || after(segment.endSeq(), sender.finEnd))) {
        sender.finSent = true;
        sender.finEnd = segment.endSeq();
        if (sender.state == TcpState::Established || sender.state == TcpState::SynReceived) {
            set(c, s, TcpState::FinWait1, Cause::InferredFinSent, at, index);
        } else if (sender.state == TcpState::CloseWait) {
            set(c, s, TcpState::LastAck, Cause::InferredFinSent, at, index);
        }
        switch (receiver.state) {
        case TcpState::Established:
        case TcpState::SynReceived:
            set(c, r, TcpState::CloseWait, Cause::InferredFinReceived, at, index);
            break;
        case TcpState::FinWait1:
            set(c, r, TcpState::Closing, Cause::InferredFinReceived, at, index);
            break;
        case TcpState::FinWait2:
            set(c, r, TcpState::TimeWait, Cause::InferredFinReceived, at, index);
            break;
        default:
            break;
        }
    }
}

void StateInference::rstArrives(std::uint32_t c, std::uint8_t r, const Segment& segment,
                                bool senderHadSent, Seq receiverNext, std::int8_t senderWindowScale,
                                SimTime at, std::uint32_t index) {
    const InferredSide& receiver = sides_[c][r];
    if (!receiver.known || receiver.state == TcpState::Closed) {
        return;
    }
    // RFC 9293 §3.10.7.3 as tcp_validate_incoming() applies it: in SYN-SENT a RST counts if it
    // acknowledges the SYN; otherwise its sequence number must be in the window (a RST that is in
    // the window but not exactly at rcv_nxt draws a challenge ACK on Linux, but a capture cannot
    // tell it apart from the exact one reliably, so the window decides here).
    bool acceptable = false;
    std::int64_t distance = 0;
    std::uint32_t window = 0;
    if (receiver.state == TcpState::SynSent) {
        acceptable = segment.has(flag::kAck) && segment.ack == receiver.sndMax;
    } else if (senderHadSent) {
        const bool scaled = receiver.windowScale >= 0 && senderWindowScale >= 0;
        window = std::uint32_t{receiver.window} << (scaled ? receiver.windowScale : 0);
        distance = segment.seq - receiverNext;
        acceptable =
            distance == 0 || (distance > 0 && static_cast<std::uint32_t>(distance) < window);
    } else {
        acceptable = true; // nothing seen from the sender to judge by
    }
    if (acceptable) {
        set(c, r, TcpState::Closed, Cause::InferredRstReceived, at, index);
    } else {
        anomalies_.push_back(InferredAnomaly{
            at, c, index, r, Reason(Cause::InferredRstOutOfWindow, distance, window)});
    }
}

void StateInference::finish() {
    for (std::uint32_t c = 0; c < sides_.size(); ++c) {
        for (std::uint8_t s = 0; s < 2; ++s) {
            const InferredSide& side = sides_[c][s];
            if (side.state == TcpState::TimeWait) {
                set(c, s, TcpState::Closed, Cause::InferredTimeWaitOver,
                    side.timeWaitSince + kTimeWaitLength, kNoPacket);
            }
        }
    }
}

} // namespace tdl
