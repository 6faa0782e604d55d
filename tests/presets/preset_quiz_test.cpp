// Every classroom preset is a guided lesson: its key moments are found in its run, and its quiz's
// right answers are what the trace says, checked here from the trace directly, not through the
// quiz generator's own reasoning.

#include "interview_questions.h"
#include "preset_support.h"
#include "quiz.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace tdl::test {
namespace {

std::vector<std::string> classroomPresets() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(TDL_SCENARIOS_DIR)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool hasChinese(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0xE4; });
}

bool isSending(const Trace& trace, const Fact& f) {
    return f.kind == FactKind::SegmentSent && trace.segments[f.segment].duplicateOf == kNoSegment;
}

TcpState stateAt(const Trace& trace, SocketId socket, SimTime at) {
    TcpState state = TcpState::Closed;
    for (const Fact& f : trace.facts) {
        if (f.at <= at && f.kind == FactKind::StateChanged && f.socket == socket) {
            state = f.to;
        }
    }
    return state;
}

class ClassroomPreset : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        scenario = loadPreset(GetParam());
        trace = simulate(scenario);
    }
    Scenario scenario;
    Trace trace;
};

TEST_P(ClassroomPreset, HasCaptionedKeyMomentsInBothLanguagesThatItsRunReaches) {
    ASSERT_GE(scenario.moments.size(), 2U);
    for (std::size_t i = 0; i < scenario.moments.size(); ++i) {
        const KeyMoment& moment = scenario.moments[i];
        EXPECT_FALSE(moment.caption.en.empty()) << i;
        EXPECT_TRUE(hasChinese(moment.caption.zh_CN)) << i;
        EXPECT_TRUE(findMoment(trace, moment).has_value()) << "moment " << i << " not in the run";
    }
    EXPECT_EQ(lessonStops(scenario, trace).size(), scenario.moments.size());
}

TEST_P(ClassroomPreset, EveryRightAnswerIsWhatTheTraceSaysAndNoWrongOneEqualsIt) {
    const Quiz quiz = makeQuiz(scenario, trace, scenario.seed);
    ASSERT_FALSE(quiz.questions.empty());
    for (std::size_t n = 0; n < quiz.questions.size(); ++n) {
        const Question& q = quiz.questions[n];
        SCOPED_TRACE("question " + std::to_string(n));
        ASSERT_LT(q.answer, q.choices.size());
        EXPECT_GE(q.choices.size(), 3U);
        const Choice& right = q.choices[q.answer];
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            if (i != q.answer) {
                EXPECT_NE(q.choices[i], right) << "choice " << i;
            }
        }
        switch (q.kind) {
        case QuestionKind::NextSegment: {
            // The first segment any socket of that host puts on the wire after the cursor.
            const auto next =
                std::find_if(trace.facts.begin(), trace.facts.end(), [&](const Fact& f) {
                    return f.at > q.askAt && isSending(trace, f) && f.host == q.host;
                });
            ASSERT_NE(next, trace.facts.end());
            EXPECT_EQ(right.flags, trace.segments[next->segment].segment.flags);
            EXPECT_EQ(trace.segments[next->segment].from, q.host);
            break;
        }
        case QuestionKind::StateNow:
            EXPECT_NE(stateAt(trace, q.socket, q.askAt), right.state);
            EXPECT_EQ(stateAt(trace, q.socket, quiz.stops[q.stop].at), right.state);
            break;
        case QuestionKind::TimeWaitEnd: {
            const auto left =
                std::find_if(trace.facts.begin(), trace.facts.end(), [&](const Fact& f) {
                    return f.at >= q.since && f.kind == FactKind::StateChanged &&
                           f.socket == q.socket && f.from == TcpState::TimeWait;
                });
            ASSERT_NE(left, trace.facts.end());
            EXPECT_EQ(q.since + right.after, left->at);
            break;
        }
        case QuestionKind::TimeWaitSide: {
            bool entered[2] = {false, false};
            for (const Fact& f : trace.facts) {
                const SocketInfo* info = trace.socket(f.socket);
                if (f.at > q.askAt && f.kind == FactKind::StateChanged &&
                    f.to == TcpState::TimeWait && info != nullptr &&
                    info->role != SocketRole::Listener) {
                    entered[0] = entered[0] || f.host == q.sides[0];
                    entered[1] = entered[1] || f.host == q.sides[1];
                }
            }
            const Side expected = entered[0] && entered[1] ? Side::Both
                                  : entered[0]             ? Side::First
                                  : entered[1]             ? Side::Second
                                                           : Side::Neither;
            EXPECT_EQ(right.side, expected);
            break;
        }
        }
    }
}

TEST_P(ClassroomPreset, TheQuizIsTheSameForTheSameSeedAndItsWrongAnswersMoveWithTheSeed) {
    const Quiz a = makeQuiz(scenario, trace, 7);
    const Quiz b = makeQuiz(scenario, trace, 7);
    ASSERT_EQ(a.questions.size(), b.questions.size());
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
        EXPECT_EQ(a.questions[i].choices, b.questions[i].choices);
        EXPECT_EQ(a.questions[i].answer, b.questions[i].answer);
    }
}

INSTANTIATE_TEST_SUITE_P(Presets, ClassroomPreset, ::testing::ValuesIn(classroomPresets()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(LessonStops, AScenarioWithoutMomentsPausesAtTheTurningPointsOfItsClose) {
    Scenario scenario = loadPreset("four-way-close");
    scenario.moments.clear();
    const Trace trace = simulate(scenario);
    std::vector<TcpState> entered;
    for (const LessonStop& stop : lessonStops(scenario, trace)) {
        EXPECT_EQ(stop.moment, LessonStop::kAutomatic);
        entered.push_back(trace.facts[stop.fact].to);
    }
    using enum TcpState;
    EXPECT_EQ(entered, (std::vector<TcpState>{FinWait1, CloseWait, LastAck, TimeWait}));
    EXPECT_FALSE(makeQuiz(scenario, trace, 1).questions.empty());
}

TEST(LessonStops, AMomentNamedByWhatHappensSurvivesAnEditThatMovesIt) {
    Scenario scenario = loadPreset("four-way-close");
    const Trace before = simulate(scenario);
    // The client closes a second later: every moment moves, and is still found.
    for (Action& action : scenario.actions) {
        if (action.call == AppCallKind::Close && action.host == "client") {
            action.time += std::chrono::seconds(1);
        }
    }
    const Trace after = simulate(scenario);
    const std::vector<LessonStop> a = lessonStops(scenario, before);
    const std::vector<LessonStop> b = lessonStops(scenario, after);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].moment, b[i].moment);
        EXPECT_EQ(b[i].at - a[i].at, std::chrono::seconds(1));
    }
}

TEST(InterviewQuestions, EachOneNamesAPresetAndAKeyMomentItsRunReaches) {
    const InterviewQuestionsResult loaded = loadInterviewQuestions(
        std::string(TDL_SCENARIOS_DIR) + "/../lessons/interview-questions.json");
    ASSERT_TRUE(std::holds_alternative<std::vector<InterviewQuestion>>(loaded))
        << std::get<std::string>(loaded);
    const auto& questions = std::get<std::vector<InterviewQuestion>>(loaded);
    EXPECT_GE(questions.size(), 9U);
    for (const InterviewQuestion& q : questions) {
        SCOPED_TRACE(q.id);
        EXPECT_TRUE(hasChinese(q.question.zh_CN));
        EXPECT_TRUE(hasChinese(q.answer.zh_CN));
        ASSERT_TRUE(std::filesystem::exists(presetPath(q.preset))) << q.preset;
        const Scenario scenario = loadPreset(q.preset);
        ASSERT_LT(q.moment, scenario.moments.size());
        EXPECT_TRUE(findMoment(simulate(scenario), scenario.moments[q.moment]).has_value());
    }
}

TEST(InterviewQuestions, ABadFileIsRefusedWithItsPointer) {
    const auto refusal = [](const std::string& text) {
        const InterviewQuestionsResult result = parseInterviewQuestions(text, "q.json");
        return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
    };
    const std::string head = R"({"format": "teardown-lab-interview-questions", "version": 1, )";
    EXPECT_EQ(
        refusal(head + R"("questions": [{"id": "a", "question": {"en": "Q", "zh_CN": "问"},
        "answer": {"en": "A"}, "preset": "p", "moment": 0}]})"),
        "q.json: /questions/0/answer: expected the key \"zh_CN\", found an object without it");
    EXPECT_EQ(
        refusal(head + R"("questions": [{"id": "a", "question": {"en": "Q", "zh_CN": "问"},
        "answer": {"en": "A", "zh_CN": "答"}, "preset": "p", "moment": -1}]})"),
        "q.json: /questions/0/moment: expected the index of a key moment (0, 1, ...), found -1");
    EXPECT_EQ(refusal(R"({"format": "x"})"),
              "q.json: /format: expected \"teardown-lab-interview-questions\", found \"x\"");
    EXPECT_EQ(refusal("{"), "q.json: expected JSON, found text that does not parse");
}

} // namespace
} // namespace tdl::test
