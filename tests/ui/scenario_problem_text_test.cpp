// Why a scenario built by hand cannot run, as the GUI says it: in English the engine's own words,
// in Chinese every kind translated, with the host and the action or link number kept.

#include "ScenarioProblemText.h"
#include "Translations.h"
#include "scenario_check.h"

#include <gtest/gtest.h>

#include <set>

namespace tdl::ui {
namespace {

using Kind = ScenarioProblem::Kind;

// One problem of every kind, with a host name and a number that no template contains.
std::vector<ScenarioProblem> everyKind() {
    std::vector<ScenarioProblem> out;
    for (int k = 0; k < ScenarioProblem::kKindCount; ++k) {
        out.push_back({static_cast<Kind>(k), 6, "edge"});
    }
    return out;
}

bool namesAHost(Kind kind) {
    return kind != Kind::NoHost && kind != Kind::LoadRate && kind != Kind::LoadPorts &&
           kind != Kind::NoLoad && kind != Kind::CraftedPorts;
}

bool numbered(Kind kind) {
    return kind == Kind::ActionHost || kind == Kind::ActionPeer || kind == Kind::LinkHost ||
           kind == Kind::ScriptedAction || kind == Kind::CraftedHost ||
           kind == Kind::CraftedSocket || kind == Kind::CraftedPorts;
}

bool hasHan(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.script() == QChar::Script_Han; });
}

class ScenarioProblemTextTest : public testing::Test {
protected:
    void TearDown() override { translations_.setLanguage(QStringLiteral("en")); }
    Translations translations_;
};

TEST_F(ScenarioProblemTextTest, EnglishIsTheEnginesOwnMessage) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    for (const ScenarioProblem& problem : everyKind()) {
        EXPECT_EQ(ScenarioProblemText::message(problem).toStdString(), problem.message());
    }
}

TEST_F(ScenarioProblemTextTest, EveryKindIsTranslatedWithItsValues) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    std::set<QString> seen;
    for (const ScenarioProblem& problem : everyKind()) {
        const QString chinese = ScenarioProblemText::message(problem);
        const QString english = QString::fromStdString(problem.message());
        EXPECT_FALSE(chinese.isEmpty());
        // tr() gives back its English source when the translation lacks it.
        EXPECT_NE(chinese.toStdString(), english.toStdString());
        EXPECT_TRUE(hasHan(chinese)) << chinese.toStdString();
        EXPECT_TRUE(seen.insert(chinese).second) << chinese.toStdString();
        EXPECT_EQ(chinese.contains(QStringLiteral("\"edge\"")), namesAHost(problem.kind))
            << chinese.toStdString();
        // Actions and links are numbered from 1 for people, as in English: index 6 is number 7.
        EXPECT_EQ(chinese.contains(QLatin1Char('7')), numbered(problem.kind))
            << chinese.toStdString();
    }
}

} // namespace
} // namespace tdl::ui
