#pragma once

// The third step of opening a capture: each side's TCP state, inferred from the packets alone as
// an observer at the capture point sees them.

#include "cause.h"
#include "connection_grouping.h"
#include "tcp_state.h"

#include <array>
#include <cstdint>
#include <deque>

namespace tdl {

inline constexpr std::uint32_t kNoPacket = 0xFFFFFFFF;

// One side of a connection changed state, as the packets show it. Kept small (24 bytes): a
// capture of a million connections has about ten million of them.
struct InferredChange {
    SimTime at{};
    std::uint32_t connection = 0;
    std::uint32_t packet = kNoPacket; // the TCP packet (0-based, in capture order) that shows it
    std::uint8_t side = 0;
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
    Cause cause = Cause::None;
    // The cause with its argument: TIME-WAIT's length in seconds for InferredTimeWaitOver.
    Reason reason() const;
};

// Something a person should notice that changes no state: a RST outside the receiver's window.
struct InferredAnomaly {
    SimTime at{};
    std::uint32_t connection = 0;
    std::uint32_t packet = kNoPacket;
    std::uint8_t side = 0; // the side it concerns (the RST's receiver)
    Reason reason;
};

// What the packets tell about one side of a connection by the end of the capture.
struct InferredSide {
    TcpState state = TcpState::Closed;
    bool known = false;    // a packet has shown its state ("unknown until the SYN" otherwise)
    bool isnKnown = false; // its SYN was seen
    Seq isn;               // its SYN's sequence number, or one before the first it was seen to use
    bool sent = false;     // it has sent a packet (isn, sndMax and window are set)
    Seq sndMax;            // the highest sequence number it sent, SYN and FIN counted
    std::uint16_t window = 0; // the last window it advertised (unscaled)
    std::int8_t windowScale = -1;
    bool finSent = false;
    Seq finEnd;              // its FIN's end sequence number
    SimTime timeWaitSince{}; // entering TIME-WAIT, or its last ACK since: 60 s from there
};

// Feeds on packets in capture order; keeps the connections, every state change and anomaly.
// Nothing is kept per packet, so a capture of any length costs memory per connection only.
class StateInference {
public:
    // TCP_TIMEWAIT_LEN (include/net/tcp.h): a TIME-WAIT socket lives 60 s, restarted by each
    // retransmitted FIN it ACKs again (tcp_timewait_state_process() re-arms the timer).
    static constexpr Duration kTimeWaitLength = std::chrono::seconds(60);

    PacketPlace add(const CapturedPacket& packet);
    // The capture is over: every side still in TIME-WAIT leaves it 60 s after its last ACK.
    void finish();

    std::uint32_t packetCount() const { return packets_; }
    const std::deque<CaptureConnection>& connections() const { return grouping_.connections(); }
    // In the order they were inferred: packet order, then finish()'s TIME-WAIT ends.
    const std::deque<InferredChange>& changes() const { return changes_; }
    const std::deque<InferredAnomaly>& anomalies() const { return anomalies_; }
    const InferredSide& side(std::uint32_t connection, std::uint8_t side) const {
        return sides_[connection][side];
    }

private:
    bool over(std::uint32_t connection) const;
    void set(std::uint32_t connection, std::uint8_t side, TcpState to, Cause cause, SimTime at,
             std::uint32_t packet);
    void infer(const CapturedPacket& packet, PacketPlace place, std::uint32_t index);
    // A RST reaches side r of connection c: closes it if acceptable, else an anomaly.
    void rstArrives(std::uint32_t c, std::uint8_t r, const Segment& segment, bool senderHadSent,
                    Seq receiverNext, std::int8_t senderWindowScale, SimTime at,
                    std::uint32_t index);

    ConnectionGrouping grouping_;
    // Deques, not vectors: they grow without copying, so a large capture never holds two
    // copies of them at once.
    std::deque<std::array<InferredSide, 2>> sides_; // per connection
    std::deque<InferredChange> changes_;
    std::deque<InferredAnomaly> anomalies_;
    std::uint32_t packets_ = 0;
};

} // namespace tdl
