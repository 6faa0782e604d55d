#pragma once

#include "sim_time.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

namespace tdl {

enum class EventKind : std::uint8_t {
    Deliver,     // a segment reaches its destination host
    SocketTimer, // a full socket's timer
    TwTimer,     // a TIME_WAIT record's timer
    Action,      // an application call of the scenario
    LoadTick,    // the load generator opens its next connection
    Sample,      // a load run's counters are sampled
    Program,     // a load connection's application reacts to what it saw
};

struct Event {
    SimTime at;
    std::uint64_t order; // insertion order: ties at the same time keep it
    EventKind kind;
    std::uint8_t detail;      // TimerKind for SocketTimer, AppEvent for Program
    std::uint32_t slot;       // in-flight segment, socket or TIME_WAIT slot, or action index
    std::uint32_t id;         // the socket id the slot must still hold (stale events are skipped)
    std::uint32_t generation; // for TwTimer: the record's timer generation

    bool operator>(const Event& other) const {
        return at != other.at ? at > other.at : order > other.order;
    }
};

// Events in (time, insertion order). Most events are "now + a fixed delay" (a link's delay,
// TIME_WAIT's 60 s, the 40 ms delayed ACK): each such delay gets a FIFO lane, which stays sorted
// because virtual time never goes back, and costs O(1) instead of a heap's O(log n) cache misses.
// Everything else goes to a binary heap.
class EventQueue {
public:
    void push(const Event& event) {
        ++size_;
        heap_.push_back(event);
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }

    // `event.at` must be now + delay, with now never decreasing between calls.
    void pushAfter(Duration delay, const Event& event) {
        for (Lane& lane : lanes_) {
            if (lane.delay == delay) {
                ++size_;
                lane.events.push_back(event);
                return;
            }
        }
        if (lanes_.size() < kMaxLanes) {
            ++size_;
            lanes_.push_back(Lane{delay, {event}});
            return;
        }
        push(event);
    }

    bool empty() const { return size_ == 0; }

    // The earliest event; the queue must not be empty.
    const Event& top() {
        source_ = kHeap;
        const Event* best = heap_.empty() ? nullptr : &heap_.front();
        for (std::size_t i = 0; i < lanes_.size(); ++i) {
            if (!lanes_[i].events.empty() &&
                (best == nullptr || *best > lanes_[i].events.front())) {
                best = &lanes_[i].events.front();
                source_ = i;
            }
        }
        return *best;
    }

    // Removes what top() returned.
    void pop() {
        --size_;
        if (source_ == kHeap) {
            std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
            heap_.pop_back();
        } else {
            lanes_[source_].events.pop_front();
        }
    }

private:
    static constexpr std::size_t kMaxLanes = 16;
    static constexpr std::size_t kHeap = static_cast<std::size_t>(-1);
    struct Lane {
        Duration delay;
        std::deque<Event> events;
    };
    std::vector<Event> heap_;
    std::vector<Lane> lanes_;
    std::size_t source_ = kHeap;
    std::size_t size_ = 0;
};

} // namespace tdl
