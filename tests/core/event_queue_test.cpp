// The event queue against the plainest model of it: every event in one list, the earliest
// (time, insertion order) first. Lanes, the lane cache, compaction and the heap of sources must
// never change which event comes out.

#include "event_queue.h"
#include "rng.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <vector>

namespace tdl::test {
namespace {

// Pops the queue's first event, which must be the model's earliest, and takes that from the model.
::testing::AssertionResult popTheEarliest(EventQueue& queue, std::vector<Event>& model,
                                          Event& got) {
    const auto earliest = std::min_element(model.begin(), model.end(),
                                           [](const Event& a, const Event& b) { return b > a; });
    if (queue.empty()) {
        return ::testing::AssertionFailure()
               << "the queue is empty, the model has " << model.size();
    }
    got = queue.top();
    if (got.at != earliest->at || got.order != earliest->order) {
        return ::testing::AssertionFailure()
               << "got (" << got.at.count() << " us, #" << got.order << "), expected ("
               << earliest->at.count() << " us, #" << earliest->order << ")";
    }
    queue.pop();
    model.erase(earliest);
    return ::testing::AssertionSuccess();
}

void runAgainstModel(std::uint64_t seed, int steps, std::uint64_t distinctDelays) {
    Rng rng(seed);
    EventQueue queue;
    std::vector<Event> model;
    SimTime now{};
    std::uint64_t order = 0;
    for (int step = 0; step < steps; ++step) {
        const bool add = model.empty() || rng.next() % 100 < 55;
        if (add) {
            const Duration delay(static_cast<std::int64_t>(rng.next() % distinctDelays) * 1000);
            Event event{now + delay, order++, EventKind::Deliver, 0, 0, 0, 0};
            if (rng.next() % 4 == 0) {
                event.at = now + Duration(static_cast<std::int64_t>(rng.next() % 50'000));
                queue.push(event);
            } else {
                queue.pushAfter(delay, event);
            }
            model.push_back(event);
            continue;
        }
        Event got{};
        ASSERT_TRUE(popTheEarliest(queue, model, got)) << "step " << step;
        now = got.at;
    }
    EXPECT_EQ(queue.empty(), model.empty());
}

TEST(EventQueue, FewDelays_AllInLanes) {
    runAgainstModel(1, 60'000, 5);
}

// More distinct delays than lanes: the rest goes to the heap, interleaved with the lanes.
TEST(EventQueue, ManyDelays_LanesAndHeap) {
    runAgainstModel(2, 60'000, 40);
}

// Long lanes are compacted as they drain; the order survives it.
TEST(EventQueue, LongLanes_SurviveCompaction) {
    EventQueue queue;
    std::uint64_t order = 0;
    SimTime now{};
    for (int i = 0; i < 20'000; ++i) {
        queue.pushAfter(60s, Event{now + 60s, order++, EventKind::TwTimer, 0, 0, 0, 0});
        queue.pushAfter(1ms, Event{now + 1ms, order++, EventKind::Deliver, 0, 0, 0, 0});
        const Event first = queue.top();
        ASSERT_EQ(first.kind, EventKind::Deliver);
        queue.pop();
        now = first.at;
    }
    std::uint64_t last = 0;
    int left = 0;
    while (!queue.empty()) {
        const Event e = queue.top();
        ASSERT_GE(e.order, last);
        last = e.order;
        queue.pop();
        ++left;
    }
    EXPECT_EQ(left, 20'000);
}

// Cancellable lanes (a socket's timers) beside rings and the heap (six delays, two kinds of lane:
// more than seven lanes): an event withdrawn by its ticket never comes out, whether it was first in
// its lane, last, or in between, and the others still come out in (time, insertion order).
TEST(EventQueue, CancellableLanes_WithdrawnEventsNeverComeOut) {
    Rng rng(3);
    EventQueue queue;
    std::vector<Event> model;
    std::map<std::uint64_t, EventQueue::Ticket> tickets; // by order, for the queued cancellables
    SimTime now{};
    std::uint64_t order = 0;
    int cancelled = 0;
    for (int step = 0; step < 80'000; ++step) {
        const std::uint64_t roll = rng.next() % 100;
        if (model.empty() || roll < 45) {
            const Duration delay(static_cast<std::int64_t>(rng.next() % 6) * 1000);
            const Event event{now + delay, order++, EventKind::SocketTimer, 0, 0, 0, 0};
            if (roll % 3 == 0) {
                queue.pushAfter(delay, event);
            } else {
                // Past the seventh lane, an event goes to the heap and has no ticket.
                const EventQueue::Ticket ticket = queue.pushCancellableAfter(delay, event);
                if (ticket != EventQueue::kNoTicket) {
                    tickets[event.order] = ticket;
                }
            }
            model.push_back(event);
            continue;
        }
        if (roll < 65 && !tickets.empty()) {
            auto victim = tickets.begin();
            std::advance(victim, static_cast<std::ptrdiff_t>(rng.next() % tickets.size()));
            queue.cancel(victim->second);
            std::erase_if(model, [&](const Event& e) { return e.order == victim->first; });
            tickets.erase(victim);
            ++cancelled;
            continue;
        }
        Event got{};
        ASSERT_TRUE(popTheEarliest(queue, model, got)) << "step " << step;
        now = got.at;
        tickets.erase(got.order);
    }
    EXPECT_EQ(queue.empty(), model.empty());
    EXPECT_GT(cancelled, 10'000);
}

} // namespace
} // namespace tdl::test
