#include "quiz.h"

#include "rng.h"

#include <algorithm>
#include <array>
#include <optional>

namespace tdl {

namespace {

using namespace std::chrono_literals;

// Flag combinations a segment of a connection's life can carry: the wrong answers to "what does
// it send next?" come from here.
constexpr std::array<std::uint8_t, 7> kFlagChoices = {
    flag::kAck,
    flag::kFin | flag::kAck,
    flag::kRst,
    flag::kRst | flag::kAck,
    flag::kSyn | flag::kAck,
    flag::kPsh | flag::kAck,
    flag::kSyn,
};

// The states next to each one on the RFC 9293 diagram, or a step off it: what a student who
// misreads the diagram would answer.
std::array<TcpState, 4> nearbyStates(TcpState state) {
    using enum TcpState;
    switch (state) {
    case Closed:
        return {TimeWait, LastAck, FinWait2, Listen};
    case Listen:
        return {Closed, SynReceived, SynSent, Established};
    case SynSent:
        return {Closed, SynReceived, Established, Listen};
    case SynReceived:
        return {Listen, SynSent, Established, Closed};
    case Established:
        return {SynReceived, SynSent, FinWait1, CloseWait};
    case FinWait1:
        return {Established, FinWait2, CloseWait, Closing};
    case FinWait2:
        return {FinWait1, TimeWait, CloseWait, Closing};
    case CloseWait:
        return {LastAck, FinWait1, FinWait2, Established};
    case Closing:
        return {FinWait2, TimeWait, LastAck, FinWait1};
    case LastAck:
        return {CloseWait, Closing, TimeWait, Closed};
    case TimeWait:
        return {FinWait2, Closing, Closed, LastAck};
    }
    return {};
}

// Puts the right answer among wrong ones drawn from `pool` (never equal to it, each once) and
// shuffles them; returns where the right one ended up.
std::size_t dealChoices(std::vector<Choice>& choices, const Choice& right, std::vector<Choice> pool,
                        Rng& rng) {
    pool.erase(std::remove(pool.begin(), pool.end(), right), pool.end());
    choices.push_back(right);
    while (choices.size() < kChoicesPerQuestion && !pool.empty()) {
        const auto pick = static_cast<std::ptrdiff_t>(rng.below(pool.size()));
        if (std::find(choices.begin(), choices.end(), pool[pick]) == choices.end()) {
            choices.push_back(pool[pick]);
        }
        pool.erase(pool.begin() + pick);
    }
    for (std::size_t i = choices.size(); i > 1; --i) {
        std::swap(choices[i - 1], choices[rng.below(i)]);
    }
    return static_cast<std::size_t>(std::find(choices.begin(), choices.end(), right) -
                                    choices.begin());
}

SimTime justBefore(SimTime at) {
    return at > SimTime{} ? at - 1us : at;
}

// A segment a socket sent (not a network copy).
bool isSending(const Trace& trace, const Fact& fact) {
    return fact.kind == FactKind::SegmentSent && fact.segment < trace.segments.size() &&
           trace.segments[fact.segment].duplicateOf == kNoSegment;
}

class QuizMaker {
public:
    QuizMaker(const Scenario& scenario, const Trace& trace, std::uint64_t seed)
        : scenario_(scenario)
        , trace_(trace)
        , rng_(seed) {}

    Quiz make() {
        quiz_.stops = lessonStops(scenario_, trace_);
        for (std::size_t s = 0; s < quiz_.stops.size(); ++s) {
            askAt(s);
        }
        return std::move(quiz_);
    }

private:
    void askAt(std::size_t stop) {
        const std::size_t factIndex = quiz_.stops[stop].fact;
        const Fact& fact = trace_.facts[factIndex];
        if (!sideAsked_ && firstFin_ && factIndex >= *firstFin_) {
            sideAsked_ = true;
            askSide(stop, *firstFin_);
        }
        if (fact.kind == FactKind::StateChanged) {
            askState(stop, factIndex);
            if (quiz_.questions.back().choices[quiz_.questions.back().answer].state ==
                TcpState::TimeWait) {
                askTimeWaitEnd(stop);
            }
            return;
        }
        // A sending is asked about itself; a loss or a timer about the first sending after it.
        for (std::size_t i = factIndex; i < trace_.facts.size(); ++i) {
            if (isSending(trace_, trace_.facts[i])) {
                askSegment(stop, i);
                return;
            }
        }
    }

    void askSegment(std::size_t stop, std::size_t target) {
        // "Next" as the student sees it: the first segment this host sends after the instant on
        // the screen, which may come before the target at the same instant (a FIN, then a RST).
        const Fact& aim = trace_.facts[target];
        std::size_t sent = target;
        for (std::size_t i = target; i-- > 0 && trace_.facts[i].at == aim.at;) {
            if (isSending(trace_, trace_.facts[i]) && trace_.facts[i].host == aim.host) {
                sent = i;
            }
        }
        const Fact& fact = trace_.facts[sent];
        Question q;
        q.kind = QuestionKind::NextSegment;
        q.stop = stop;
        q.askAt = justBefore(fact.at);
        q.host = fact.host;
        q.socket = fact.socket;
        std::vector<Choice> pool;
        for (const std::uint8_t flags : kFlagChoices) {
            pool.push_back({.flags = flags});
        }
        q.answer = dealChoices(q.choices, {.flags = trace_.segments[fact.segment].segment.flags},
                               pool, rng_);
        q.explanation = sent;
        quiz_.questions.push_back(std::move(q));
    }

    void askState(std::size_t stop, std::size_t entered) {
        // "Now" is the end of the stop's instant: a socket can pass through more than one state
        // in it (FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT on one FIN,ACK).
        const Fact& first = trace_.facts[entered];
        std::size_t changed = entered;
        for (std::size_t i = entered + 1; i < trace_.facts.size() && trace_.facts[i].at == first.at;
             ++i) {
            if (trace_.facts[i].kind == FactKind::StateChanged &&
                trace_.facts[i].socket == first.socket) {
                changed = i;
            }
        }
        const Fact& fact = trace_.facts[changed];
        Question q;
        q.kind = QuestionKind::StateNow;
        q.stop = stop;
        q.askAt = justBefore(fact.at);
        q.host = fact.host;
        q.socket = fact.socket;
        // The state it was in before is the likeliest wrong answer: always offered.
        const Choice right{.state = fact.to};
        if (first.from != fact.to) {
            q.choices.push_back({.state = first.from});
        }
        std::vector<Choice> pool;
        for (const TcpState state : nearbyStates(fact.to)) {
            pool.push_back({.state = state});
        }
        q.answer = dealChoices(q.choices, right, pool, rng_);
        q.explanation = changed;
        quiz_.questions.push_back(std::move(q));
    }

    void askTimeWaitEnd(std::size_t stop) {
        const std::size_t entered = quiz_.questions.back().explanation;
        const Fact& start = trace_.facts[entered];
        std::optional<std::size_t> left;
        for (std::size_t i = entered + 1; i < trace_.facts.size() && !left; ++i) {
            const Fact& f = trace_.facts[i];
            if (f.kind == FactKind::StateChanged && f.socket == start.socket &&
                f.from == TcpState::TimeWait) {
                left = i;
            }
        }
        if (!left) {
            return; // the run ended first: the trace cannot say
        }
        Question q;
        q.kind = QuestionKind::TimeWaitEnd;
        q.stop = stop;
        q.askAt = start.at;
        q.host = start.host;
        q.socket = start.socket;
        q.since = start.at;
        // One Linux MSL (TCP_TIMEWAIT_LEN is 2MSL = 60 s), TCP_TIMEWAIT_LEN itself, RFC 9293's
        // MSL of 2 minutes and its 2MSL, and the host's tcp_fin_timeout, which is often mistaken
        // for TIME-WAIT's length.
        std::vector<Choice> pool = {
            {.after = 30s}, {.after = 60s}, {.after = 120s}, {.after = 240s}};
        if (const int host = scenario_.hostIndex(trace_.hosts[start.host].name); host >= 0) {
            const auto finTimeout = std::chrono::seconds(
                scenario_.hosts[static_cast<std::size_t>(host)].sysctls.tcp_fin_timeout);
            pool.push_back({.after = finTimeout});
        }
        q.answer = dealChoices(q.choices, {.after = trace_.facts[*left].at - start.at}, pool, rng_);
        q.explanation = *left;
        quiz_.questions.push_back(std::move(q));
    }

    void askSide(std::size_t stop, std::size_t fin) {
        const Fact& fact = trace_.facts[fin];
        const SocketId peer = peerSocket(trace_, fact.socket);
        const SocketInfo* mine = trace_.socket(fact.socket);
        const SocketInfo* theirs = trace_.socket(peer);
        if (mine == nullptr || theirs == nullptr) {
            return;
        }
        // The side that opened the connection comes first, as "client" before "server".
        const bool mineFirst = mine->role == SocketRole::Active;
        const SocketId first = mineFirst ? mine->id : theirs->id;
        const SocketId second = mineFirst ? theirs->id : mine->id;
        std::optional<std::size_t> firstEntered;
        std::optional<std::size_t> secondEntered;
        std::optional<std::size_t> lastChange;
        for (std::size_t i = fin; i < trace_.facts.size(); ++i) {
            const Fact& f = trace_.facts[i];
            if (f.kind != FactKind::StateChanged || (f.socket != first && f.socket != second)) {
                continue;
            }
            lastChange = i;
            if (f.to == TcpState::TimeWait) {
                (f.socket == first ? firstEntered : secondEntered).emplace(i);
            }
        }
        Question q;
        q.kind = QuestionKind::TimeWaitSide;
        q.stop = stop;
        q.askAt = justBefore(quiz_.stops[stop].at);
        q.sides[0] = trace_.socket(first)->host;
        q.sides[1] = trace_.socket(second)->host;
        const Side right = firstEntered && secondEntered ? Side::Both
                           : firstEntered                ? Side::First
                           : secondEntered               ? Side::Second
                                                         : Side::Neither;
        q.choices = {{.side = Side::First},
                     {.side = Side::Second},
                     {.side = Side::Both},
                     {.side = Side::Neither}};
        q.answer = static_cast<std::size_t>(right);
        const std::optional<std::size_t> shown = firstEntered ? firstEntered : secondEntered;
        q.explanation = shown ? *shown : lastChange.value_or(fin);
        quiz_.questions.push_back(std::move(q));
    }

    std::optional<std::size_t> findFirstFin() const {
        for (std::size_t i = 0; i < trace_.facts.size(); ++i) {
            const Fact& f = trace_.facts[i];
            if (isSending(trace_, f) && trace_.segments[f.segment].segment.has(flag::kFin)) {
                return i;
            }
        }
        return std::nullopt;
    }

    const Scenario& scenario_;
    const Trace& trace_;
    Rng rng_;
    Quiz quiz_;
    std::optional<std::size_t> firstFin_ = findFirstFin();
    bool sideAsked_ = false;
};

} // namespace

Quiz makeQuiz(const Scenario& scenario, const Trace& trace, std::uint64_t seed) {
    return QuizMaker(scenario, trace, seed).make();
}

} // namespace tdl
