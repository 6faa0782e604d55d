#pragma once

// A quiz made from a run's trace: at the lesson's stops it asks what happens next, and takes the
// right answer and its explanation from the trace itself, so an edited scenario has a quiz too.

#include "key_moments.h"
#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tdl {

enum class QuestionKind : std::uint8_t {
    NextSegment,  // "What does the server send next?"
    StateNow,     // "What state is the client in now?"
    TimeWaitEnd,  // "When does TIME-WAIT end?"
    TimeWaitSide, // "Which side is left in TIME-WAIT?"
};

enum class Side : std::uint8_t { First, Second, Both, Neither };

// One possible answer; which field means something depends on the question's kind.
struct Choice {
    std::uint8_t flags = 0;            // NextSegment
    TcpState state = TcpState::Closed; // StateNow
    Duration after{};                  // TimeWaitEnd: how long after TIME-WAIT began
    Side side = Side::Neither;         // TimeWaitSide
    friend bool operator==(const Choice&, const Choice&) = default;
};

struct Question {
    QuestionKind kind = QuestionKind::NextSegment;
    std::size_t stop = 0; // index into Quiz::stops: where the lesson asks it
    // What the player shows while asking: the run just before the stop, so the answer is not yet
    // on the screen (the stop itself for questions about what comes after it).
    SimTime askAt{};
    HostId host = kNoHost;       // whose segment or state (NextSegment, StateNow, TimeWaitEnd)
    SocketId socket = kNoSocket; // whose state (StateNow, TimeWaitEnd)
    HostId sides[2] = {kNoHost, kNoHost}; // TimeWaitSide: First and Second
    SimTime since{};                      // TimeWaitEnd: when TIME-WAIT began
    std::vector<Choice> choices;
    std::size_t answer = 0;
    // The fact that shows the answer; its cause explains it (CauseCatalog).
    std::size_t explanation = 0;
};

struct Quiz {
    std::vector<LessonStop> stops;
    std::vector<Question> questions; // in the order they are asked
};

inline constexpr std::size_t kChoicesPerQuestion = 4;

// The same scenario, trace and seed give the same quiz: the wrong answers are drawn with `seed`.
Quiz makeQuiz(const Scenario& scenario, const Trace& trace, std::uint64_t seed);

} // namespace tdl
