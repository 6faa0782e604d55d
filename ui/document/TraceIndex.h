#pragma once

#include "trace.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace tdl::ui {

// What the views need to read off a trace quickly, derived once when a trace arrives: which state
// each socket was in when, how long each timer ran, what became of each segment. Toolkit-free
// and immutable; it adds no knowledge the trace does not carry.
class TraceIndex {
public:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    struct StateSpan {
        SocketId socket = kNoSocket;
        HostId host = kNoHost;
        TcpState state = TcpState::Closed;
        SimTime from{};
        SimTime to{};         // the next change, or the end of the run
        std::size_t fact = 0; // the StateChanged fact that entered this state
        // A capture began after this side's SYN: its state from the capture's start until
        // `to` is not known (state is CLOSED only as a placeholder); `fact` is the first change
        // the packets show, which ends it.
        bool unknown = false;
    };

    enum class TimerEnd : std::uint8_t { Fired, Cancelled, Rearmed, RunEnded };
    struct TimerSpan {
        HostId host = kNoHost;
        SocketId socket = kNoSocket;
        TimerKind kind = TimerKind::Retransmit;
        SimTime armed{};
        SimTime deadline{};
        SimTime ended{};
        TimerEnd end = TimerEnd::RunEnded;
        // The fact that armed it: its reason tells a tail loss probe from an RTO, which share
        // the retransmission timer.
        std::size_t armedFact = kNone;
    };

    enum class Fate : std::uint8_t { Delivered, Dropped, InFlightAtEnd };
    struct SegmentInfo {
        Fate fate = Fate::InFlightAtEnd;
        // The trace's SegmentRecord::ordinal (what a fault rule's `ordinal` matches), at hand.
        std::uint32_t ordinal = 0;
        // Where the arrow ends in time: delivery, the half-way point of a loss, or the run's end.
        SimTime endAt{};
        std::size_t sentFact = kNone;
        std::size_t deliveredFact = kNone; // its reason says what the receiver did
        std::size_t droppedFact = kNone;
        std::size_t delayedFact = kNone;
        std::size_t duplicatedFact = kNone;
        std::vector<SegmentId> copies; // duplicates of this segment
        // The shift the window field is scaled by (RFC 7323): the sender's window scale option
        // when both SYNs of the handshake carried one, 0 on a SYN (never scaled) or when either
        // did not, -1 when the handshake is not in the trace (a capture that starts later).
        std::int8_t windowShift = -1;
    };

    TraceIndex() = default;
    explicit TraceIndex(const Trace& trace);

    std::span<const StateSpan> stateSpans() const { return states_; }
    std::span<const StateSpan> stateSpans(SocketId socket) const;
    std::span<const TimerSpan> timers() const { return timers_; }
    const SegmentInfo& segment(SegmentId id) const { return segments_[id]; }
    // A segment's window in bytes (the field << windowShift), if the shift is known.
    std::optional<std::uint64_t> windowBytes(const Trace& trace, SegmentId id) const;
    std::size_t segmentCount() const { return segments_.size(); }

    // The state of a socket at time t (CLOSED before its first change).
    TcpState stateAt(SocketId socket, SimTime t) const;
    // The socket that received most of this one's segments: its peer in the connection.
    SocketId peerOf(SocketId socket) const;
    // The socket of the first active open, and so the connection a view shows by default.
    SocketId firstActiveSocket() const { return firstActive_; }
    // The socket that last sent a segment at or before t: the connection in play then
    // (firstActiveSocket() before any segment).
    SocketId socketInPlay(SimTime t) const;

    // Side by side lanes on a host's lifeline, one per socket alive at the same time.
    int laneOf(SocketId socket) const;
    int laneCount(HostId host) const;

    // Distinct times of facts, sorted; and those of state changes.
    std::span<const SimTime> eventTimes() const { return eventTimes_; }
    std::span<const SimTime> stateChangeTimes() const { return stateTimes_; }
    std::span<const std::size_t> anomalies() const { return anomalies_; }
    // The number of facts that happened at or before t.
    std::size_t factsUpTo(SimTime t) const;
    // The usual one-way delay of a delivered segment: the diagram's unit of time.
    Duration typicalOneWay() const { return typicalOneWay_; }

private:
    void indexSegments(const Trace& trace);
    void indexWindowShifts(const Trace& trace);
    void indexStates(const Trace& trace);
    void indexTimers(const Trace& trace);
    void assignLanes(const Trace& trace);

    std::vector<SimTime> factTimes_;
    std::vector<std::pair<SimTime, SocketId>> senders_; // sending sockets in send order
    std::vector<StateSpan> states_; // grouped by socket, in time order within a socket
    std::vector<std::pair<std::size_t, std::size_t>> statesOf_; // by socket id: [begin, end)
    std::vector<TimerSpan> timers_;
    std::vector<SegmentInfo> segments_;
    std::vector<SocketId> peers_; // by socket id
    std::vector<int> lanes_;      // by socket id
    std::vector<int> laneCounts_; // by host
    std::vector<SimTime> eventTimes_;
    std::vector<SimTime> stateTimes_;
    std::vector<std::size_t> anomalies_;
    Duration typicalOneWay_ = std::chrono::milliseconds(10);
    SocketId firstActive_ = kNoSocket;
};

} // namespace tdl::ui
