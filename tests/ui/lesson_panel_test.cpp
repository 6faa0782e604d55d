// Guided lessons in the window: the Player's stops, the Lesson dock's captions and quiz, the
// interview questions in the library, and the quiz's words in both languages.

#include "DataPaths.h"
#include "Document.h"
#include "LessonPanel.h"
#include "LessonText.h"
#include "Player.h"
#include "PresetCatalog.h"
#include "ScenarioLibraryView.h"
#include "Translations.h"
#include "handmade_trace.h"
#include "simulator.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(PlayerStops, PlayingPausesAtAStopAndSaysWhichOne) {
    Player player;
    player.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    player.setSpeed(8.0);
    player.setStops({15ms, 250ms});
    player.toStart();
    QSignalSpy reached(&player, &Player::stopReached);
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
    EXPECT_EQ(player.time(), 15ms);
    ASSERT_EQ(reached.count(), 1);
    EXPECT_EQ(reached.front().front().value<std::size_t>(), 0U);
}

TEST(PlayerStops, ALessonStepsBackwardAndForwardFromStopToStop) {
    Player player;
    player.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    player.setStops({250ms, 20ms, 200ms}); // sorted by the player
    EXPECT_EQ(player.stops(), (std::vector<SimTime>{20ms, 200ms, 250ms}));
    QSignalSpy reached(&player, &Player::stopReached);
    player.toEnd();
    player.previousStop();
    EXPECT_EQ(player.time(), 250ms);
    player.previousStop();
    EXPECT_EQ(player.time(), 200ms);
    player.previousStop();
    EXPECT_EQ(player.time(), 20ms);
    player.previousStop();
    EXPECT_EQ(player.time(), SimTime{});
    player.nextStop();
    EXPECT_EQ(player.time(), 20ms);
    ASSERT_EQ(reached.count(), 4);
    EXPECT_EQ(reached[2].front().value<std::size_t>(), 0U);
}

class LessonPanelTest : public testing::Test {
protected:
    void SetUp() override {
        const PresetCatalog::Preset* preset = catalog_.find(QStringLiteral("four-way-close"));
        ASSERT_NE(preset, nullptr);
        scenario_ = preset->scenario;
        ASSERT_FALSE(document_.open(scenario_, QString()).has_value());
        player_.setRun(document_.run());
    }
    PresetCatalog catalog_;
    Scenario scenario_;
    Document document_;
    Player player_;
    LessonPanel panel_{&document_, &player_};
};

TEST_F(LessonPanelTest, EachStopShowsItsCaptionAndSteppingBackShowsTheOneBefore) {
    ASSERT_EQ(player_.stops().size(), 4U);
    player_.toEnd();
    player_.previousStop();
    EXPECT_EQ(panel_.caption(), QString::fromStdString(scenario_.moments[3].caption.en));
    EXPECT_TRUE(panel_.heading().startsWith(QStringLiteral("Key moment 4 of 4")))
        << panel_.heading().toStdString();
    player_.previousStop();
    EXPECT_EQ(panel_.caption(), QString::fromStdString(scenario_.moments[2].caption.en));
    // Between moments the trace narrates: what happened since the last one, with its cause.
    player_.seek(250ms);
    EXPECT_TRUE(panel_.narration().contains(QStringLiteral("delayed-ACK timer fired")))
        << panel_.narration().toStdString();
}

TEST_F(LessonPanelTest, TheQuizAsksBeforeItShowsAndRevealsTheMomentAfterTheAnswers) {
    panel_.setQuizMode(true);
    player_.toStart();
    player_.nextStop();
    const Question* question = panel_.pendingQuestion();
    ASSERT_NE(question, nullptr);
    const SimTime asked = player_.time();
    const std::size_t stop = question->stop;
    EXPECT_LT(asked, panel_.quiz().stops[stop].at) << "the answer is not on the screen yet";
    int answers = 0;
    while (const Question* q = panel_.pendingQuestion()) {
        panel_.answer(q->answer);
        ++answers;
    }
    EXPECT_EQ(panel_.right(), answers);
    EXPECT_EQ(panel_.asked(), answers);
    EXPECT_EQ(player_.time(), panel_.quiz().stops[stop].at);
    EXPECT_TRUE(panel_.explanation().startsWith(QStringLiteral("Right. The answer is ")));
    const Settings::QuizScore kept = Settings().quizScore(QStringLiteral("four-way-close"));
    EXPECT_EQ(kept.right, answers);
    EXPECT_EQ(kept.asked, answers);
}

TEST_F(LessonPanelTest, AnInterviewQuestionOpensItsMoment) {
    panel_.goToMoment(1);
    EXPECT_EQ(panel_.caption(), QString::fromStdString(scenario_.moments[1].caption.en));
}

TEST(InterviewQuestionsInTheLibrary, SearchMatchesEitherLanguageAndActivationNamesTheMoment) {
    const InterviewQuestionsResult loaded =
        loadInterviewQuestions(interviewQuestionsPath().toStdString());
    ASSERT_TRUE(std::holds_alternative<std::vector<InterviewQuestion>>(loaded))
        << std::get<std::string>(loaded);
    const PresetCatalog catalog;
    ScenarioLibraryView view(&catalog);
    view.setInterviewQuestions(std::get<std::vector<InterviewQuestion>>(loaded));
    auto* tree = view.findChild<QTreeWidget*>();
    auto* search = view.findChild<QLineEdit*>(QStringLiteral("presetSearch"));
    ASSERT_NE(tree, nullptr);
    const auto visibleQuestions = [&] {
        QStringList shown;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* group = tree->topLevelItem(i);
            if (group->text(0) != QStringLiteral("Interview questions") || group->isHidden()) {
                continue;
            }
            for (int j = 0; j < group->childCount(); ++j) {
                if (!group->child(j)->isHidden()) {
                    shown << group->child(j)->text(0);
                }
            }
        }
        return shown;
    };
    search->setText(QStringLiteral("CLOSE-WAIT"));
    EXPECT_TRUE(visibleQuestions().contains(
        QStringLiteral("A server shows thousands of sockets in CLOSE-WAIT. What is wrong?")));
    search->setText(QStringLiteral("挑战 ACK")); // only in a Chinese answer
    EXPECT_EQ(visibleQuestions(),
              QStringList{QStringLiteral("And the second reason tcp_tw_reuse is risky?")});
    QSignalSpy opened(&view, &ScenarioLibraryView::interviewQuestionActivated);
    QTreeWidgetItem* item =
        tree->findItems(QStringLiteral("And the second reason tcp_tw_reuse is risky?"),
                        Qt::MatchExactly | Qt::MatchRecursive)
            .value(0);
    ASSERT_NE(item, nullptr);
    emit tree->itemActivated(item, 0);
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.front()[0].toString(), QStringLiteral("tw-reuse-lost-final-ack"));
    EXPECT_EQ(opened.front()[1].toInt(), 2);
}

TEST(LessonWords, TheQuizIsAskedInEnglishAndInChinese) {
    const PresetCatalog catalog;
    const Scenario& scenario = catalog.find(QStringLiteral("lost-final-ack"))->scenario;
    const Trace trace = simulate(scenario);
    const Quiz quiz = makeQuiz(scenario, trace, scenario.seed);
    ASSERT_FALSE(quiz.questions.empty());
    Translations translations;
    for (const Question& q : quiz.questions) {
        ASSERT_TRUE(translations.setLanguage(QStringLiteral("en")));
        const QString english = LessonText::question(trace, q);
        const QString englishWhy = LessonText::explanation(trace, q);
        ASSERT_TRUE(translations.setLanguage(QStringLiteral("zh_CN")));
        const QString chinese = LessonText::question(trace, q);
        const QString chineseWhy = LessonText::explanation(trace, q);
        EXPECT_NE(english, chinese);
        EXPECT_TRUE(chinese.contains(QRegularExpression(QStringLiteral("\\p{Han}"))))
            << chinese.toStdString();
        EXPECT_TRUE(chineseWhy.startsWith(QStringLiteral("答案是"))) << chineseWhy.toStdString();
        EXPECT_TRUE(englishWhy.startsWith(QStringLiteral("The answer is")));
    }
    ASSERT_TRUE(translations.setLanguage(QStringLiteral("en")));
}

} // namespace
} // namespace tdl::ui
