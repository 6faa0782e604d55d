#pragma once

#include "sim_time.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
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
    Inject,      // a crafted segment of the scenario leaves its sender
    Step,        // the scenario's next step (an action or a crafted segment) in step order
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
// Everything else goes to a binary heap. A winner tree over the lanes' and the heap's first
// events keeps the earliest one at its root: a pop or a push redoes one path of three matches.
//
// A lane is a ring, or, for events that may be withdrawn before their time (a socket's timers),
// a linked list of pooled nodes: withdrawing one unlinks it, so that a timer cancelled long before
// it would fire costs no memory in the meantime and no pop later. Only live timers hold a node.
class EventQueue {
public:
    // Names an event pushed with pushCancellableAfter(), until it is popped or cancelled.
    using Ticket = std::uint32_t;
    static constexpr Ticket kNoTicket = UINT32_MAX;

    EventQueue() {
        keys_.fill(kNone);
        for (std::size_t i = 0; i < kSources; ++i) {
            tree_[kSources + i] = static_cast<std::uint8_t>(i);
        }
        for (std::size_t node = kSources - 1; node > 0; --node) {
            match(node);
        }
    }

    void push(const Event& event) {
        ++size_;
        heap_.push_back(event);
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
        if (heap_.front().order == event.order) {
            refresh(kHeap, keyOf(event));
        }
    }

    // `delay` names the lane: `event.at` must never be earlier than that of the event pushed before
    // with the same delay (now + delay, with now never decreasing, is not; nor is a timer's tick,
    // whose lane is timerLane()).
    void pushAfter(Duration delay, const Event& event) {
        const std::size_t lane = laneFor(delay, false);
        if (lane == kHeap) {
            push(event);
            return;
        }
        ++size_;
        Lane& target = lanes_[lane];
        if (target.ring.empty()) {
            refresh(lane, keyOf(event));
        }
        target.ring.push(event);
    }

    // As pushAfter(), for an event that cancel() may withdraw. Returns kNoTicket when the event
    // went to the heap, where it cannot be withdrawn.
    Ticket pushCancellableAfter(Duration delay, const Event& event) {
        const std::size_t lane = laneFor(delay, true);
        if (lane == kHeap) {
            push(event);
            return kNoTicket;
        }
        ++size_;
        Ticket node;
        if (!freeNodes_.empty()) {
            node = freeNodes_.back();
            freeNodes_.pop_back();
        } else {
            node = static_cast<Ticket>(nodes_.size());
            nodes_.emplace_back();
        }
        Node& fresh = nodes_[node];
        fresh.event = event;
        fresh.queued = true;
        fresh.lane = static_cast<std::uint8_t>(lane);
        fresh.next = kNoTicket;
        Lane& target = lanes_[lane];
        fresh.prev = target.tail;
        if (target.tail == kNoTicket) {
            target.head = node;
            refresh(lane, keyOf(event));
        } else {
            nodes_[target.tail].next = node;
        }
        target.tail = node;
        return node;
    }

    // Withdraws an event that pushCancellableAfter() queued and that is still queued.
    void cancel(Ticket ticket) {
        if (ticket == kNoTicket) {
            return;
        }
        assert(nodes_[ticket].queued);
        --size_;
        const std::size_t lane = nodes_[ticket].lane;
        const bool wasFirst = lanes_[lane].head == ticket;
        unlink(ticket);
        if (wasFirst) {
            refreshList(lane);
        }
    }

    bool empty() const { return size_ == 0; }

    // The earliest event; the queue must not be empty.
    const Event& top() const {
        const std::size_t source = tree_[1];
        if (source == kHeap) {
            return heap_.front();
        }
        const Lane& lane = lanes_[source];
        return lane.cancellable ? nodes_[lane.head].event : lane.ring.front();
    }

    // Removes what top() returned.
    // Always inlined: Engine::run() pops every event, and LTO's inliner otherwise leaves this out
    // of the loop once the loop has grown (callgrind: about 90 instructions per connection).
    [[gnu::always_inline]] void pop() {
        --size_;
        const std::size_t source = tree_[1];
        if (source == kHeap) {
            std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
            heap_.pop_back();
            refresh(kHeap, heap_.empty() ? kNone : keyOf(heap_.front()));
            return;
        }
        Lane& lane = lanes_[source];
        if (lane.cancellable) {
            unlink(lane.head);
            refreshList(source);
            return;
        }
        lane.ring.pop();
        refresh(source, lane.ring.empty() ? kNone : keyOf(lane.ring.front()));
    }

private:
    static constexpr std::size_t kSources = 8; // a power of two: 7 lanes and the heap
    static constexpr std::size_t kMaxLanes = kSources - 1;
    static constexpr std::size_t kHeap = kMaxLanes;

    // (time, order) as one number, so that a match is one comparison. Times are never negative.
    __extension__ using Key = unsigned __int128;
    static Key keyOf(const Event& event) {
        return (static_cast<Key>(static_cast<std::uint64_t>(event.at.count())) << 64) | event.order;
    }
    static constexpr Key kNone = ~Key{0};

    // A FIFO in a ring whose size is a power of two; it doubles when full.
    class Ring {
    public:
        bool empty() const { return head_ == tail_; }
        const Event& front() const { return ring_[head_ & mask_]; }
        void push(const Event& event) {
            if (tail_ - head_ == ring_.size()) {
                grow();
            }
            ring_[tail_ & mask_] = event;
            ++tail_;
        }
        void pop() { ++head_; }

    private:
        [[gnu::cold, gnu::noinline]] void grow() {
            std::vector<Event> bigger(std::max<std::size_t>(16, ring_.size() * 2));
            for (std::size_t i = head_; i != tail_; ++i) {
                bigger[i - head_] = ring_[i & mask_];
            }
            tail_ -= head_;
            head_ = 0;
            ring_.swap(bigger);
            mask_ = ring_.size() - 1;
        }
        std::vector<Event> ring_;
        std::size_t mask_ = 0;
        std::size_t head_ = 0; // both count up; the slot is the count masked
        std::size_t tail_ = 0;
    };

    // One delay's events: in the ring, or, if cancellable, in the list from head to tail.
    struct Lane {
        Lane(Duration delay, bool cancellable)
            : delay(delay)
            , cancellable(cancellable) {}
        Duration delay;
        bool cancellable;
        Ring ring;
        Ticket head = kNoTicket;
        Ticket tail = kNoTicket;
    };

    struct Node {
        Event event;
        Ticket prev = kNoTicket;
        Ticket next = kNoTicket;
        std::uint8_t lane = 0;
        bool queued = false;
    };

    // Always inlined: cancel() and pop() are on every timer's path.
    [[gnu::always_inline]] void unlink(Ticket ticket) {
        Node& node = nodes_[ticket];
        Lane& lane = lanes_[node.lane];
        (node.prev == kNoTicket ? lane.head : nodes_[node.prev].next) = node.next;
        (node.next == kNoTicket ? lane.tail : nodes_[node.next].prev) = node.prev;
        node.queued = false;
        freeNodes_.push_back(ticket);
    }

    void refreshList(std::size_t lane) {
        const Ticket head = lanes_[lane].head;
        refresh(lane, head == kNoTicket ? kNone : keyOf(nodes_[head].event));
    }

    // The lane for a delay (and kind of lane), a new one while there is room, else kHeap. Calls
    // alternate between a few delays, so each one's lane is remembered in a small table first.
    std::size_t laneFor(Duration delay, bool cancellable) {
        const auto hint = static_cast<std::size_t>(
            ((static_cast<std::uint64_t>(delay.count()) * 2 + (cancellable ? 1 : 0)) *
             0x9E3779B97F4A7C15ULL) >>
            58);
        const std::uint8_t cached = hints_[hint];
        if (cached < lanes_.size() && lanes_[cached].delay == delay &&
            lanes_[cached].cancellable == cancellable) {
            return cached;
        }
        return findLane(delay, cancellable, hint);
    }

    // laneFor() when the hint table does not know the delay.
    [[gnu::noinline]] std::size_t findLane(Duration delay, bool cancellable, std::size_t hint) {
        std::size_t lane = 0;
        while (lane < lanes_.size() &&
               (lanes_[lane].delay != delay || lanes_[lane].cancellable != cancellable)) {
            ++lane;
        }
        if (lane == lanes_.size()) {
            if (lanes_.size() == kMaxLanes) {
                return kHeap;
            }
            lanes_.emplace_back(delay, cancellable);
        }
        hints_[hint] = static_cast<std::uint8_t>(lane);
        return lane;
    }

    void match(std::size_t node) {
        const std::uint8_t left = tree_[2 * node];
        const std::uint8_t right = tree_[2 * node + 1];
        tree_[node] = keys_[right] < keys_[left] ? right : left;
    }
    void refresh(std::size_t source, Key key) {
        keys_[source] = key;
        for (std::size_t node = (kSources + source) / 2; node > 0; node /= 2) {
            match(node);
        }
    }

    std::vector<Event> heap_;
    std::vector<Lane> lanes_;
    std::vector<Node> nodes_;
    std::vector<Ticket> freeNodes_;
    std::array<Key, kSources> keys_;                // each source's first event, or kNone
    std::array<std::uint8_t, 2 * kSources> tree_{}; // [1] the winner; [kSources + i] source i
    std::array<std::uint8_t, 64> hints_{};          // delay hash -> lane
    std::size_t size_ = 0;
};

} // namespace tdl
