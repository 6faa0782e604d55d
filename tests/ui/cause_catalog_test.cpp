#include "CauseCatalog.h"
#include "SysctlModel.h"
#include "TraceText.h"
#include "Translations.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <cerrno>

namespace tdl::ui {
namespace {

bool hasHan(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.script() == QChar::Script_Han; });
}

// Every placeholder of a sentence must have been filled.
bool hasPlaceholder(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    return text.contains(placeholder);
}

class CauseCatalogTest : public testing::Test {
protected:
    void TearDown() override { translations_.setLanguage(QStringLiteral("en")); }
    Translations translations_;
};

TEST_F(CauseCatalogTest, EveryCauseHasAnEnglishSentence) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    for (std::size_t i = 0; i < kCauseCount; ++i) {
        const Cause cause = static_cast<Cause>(i);
        const QString sentence = CauseCatalog::sentence(Reason(cause, 1, 2, 3));
        EXPECT_FALSE(sentence.trimmed().isEmpty()) << causeKey(cause);
        EXPECT_FALSE(hasPlaceholder(sentence)) << causeKey(cause) << ": " << sentence.toStdString();
        EXPECT_FALSE(hasHan(sentence)) << causeKey(cause);
    }
}

TEST_F(CauseCatalogTest, EveryCauseIsTranslatedIntoChinese) {
    std::vector<QString> english;
    for (std::size_t i = 0; i < kCauseCount; ++i) {
        english.push_back(CauseCatalog::sentence(Reason(static_cast<Cause>(i), 1, 2, 3)));
    }
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    for (std::size_t i = 0; i < kCauseCount; ++i) {
        const Cause cause = static_cast<Cause>(i);
        const QString sentence = CauseCatalog::sentence(Reason(cause, 1, 2, 3));
        EXPECT_NE(sentence, english[i]) << causeKey(cause) << " is not translated";
        EXPECT_TRUE(hasHan(sentence)) << causeKey(cause) << ": " << sentence.toStdString();
        EXPECT_FALSE(hasPlaceholder(sentence)) << causeKey(cause) << ": " << sentence.toStdString();
    }
}

TEST_F(CauseCatalogTest, ArgumentsAppearInTheSentence) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    EXPECT_TRUE(CauseCatalog::sentence(Reason(Cause::RcvRst, ECONNRESET))
                    .contains(QLatin1String("ECONNRESET")));
    EXPECT_TRUE(CauseCatalog::sentence(Reason(Cause::ConnectFailed, EADDRNOTAVAIL))
                    .contains(QLatin1String("EADDRNOTAVAIL")));
    EXPECT_TRUE(CauseCatalog::sentence(Reason(Cause::FaultDelay, 2, 200'000))
                    .contains(QLatin1String("200 ms")));
    EXPECT_TRUE(
        CauseCatalog::sentence(Reason(Cause::FinWait2Timeout, 60)).contains(QLatin1String("60 s")));
    const QString retries = CauseCatalog::sentence(Reason(Cause::RetriesExhausted, 8, 1));
    EXPECT_TRUE(retries.contains(QLatin1String("tcp_orphan_retries"))) << retries.toStdString();
    EXPECT_TRUE(CauseCatalog::sentence(Reason(Cause::RetriesExhausted, 15, 0))
                    .contains(QLatin1String("tcp_retries2")));
}

TEST_F(CauseCatalogTest, TimersDurationsAndSysctlSummariesAreTranslated) {
    std::vector<QString> english;
    for (int t = 0; t < kTimerKindCount; ++t) {
        english.push_back(TraceText::timerName(static_cast<TimerKind>(t)));
    }
    const QString seconds = TraceText::duration(Duration(1'250'000));
    EXPECT_EQ(seconds, QStringLiteral("1.25 s"));
    std::vector<QString> summaries;
    for (const SysctlKnob& knob : sysctlKnobs()) {
        EXPECT_TRUE(SysctlModel::hasTranslatedSummary(knob.name)) << knob.name;
        summaries.push_back(SysctlModel::summary(knob.name));
    }
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    for (int t = 0; t < kTimerKindCount; ++t) {
        EXPECT_NE(TraceText::timerName(static_cast<TimerKind>(t)),
                  english[static_cast<std::size_t>(t)]);
    }
    EXPECT_EQ(TraceText::duration(Duration(1'250'000)), QStringLiteral("1.25 秒"));
    std::size_t i = 0;
    for (const SysctlKnob& knob : sysctlKnobs()) {
        EXPECT_TRUE(hasHan(SysctlModel::summary(knob.name))) << knob.name;
        EXPECT_NE(SysctlModel::summary(knob.name), summaries[i++]) << knob.name;
    }
}

TEST_F(CauseCatalogTest, UnknownLanguageIsRefusedAndEnglishStays) {
    EXPECT_FALSE(translations_.setLanguage(QStringLiteral("xx")));
    EXPECT_EQ(translations_.language(), QStringLiteral("en"));
}

} // namespace
} // namespace tdl::ui
