#include "PresetCatalog.h"
#include "cause.h"

#include <QRegularExpression>

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

// The cause keys a reader could mistake for prose are the ones that are not plain words:
// "rst_unread_data" and its kind. "data" or "syn" are words a lesson may well use.
QStringList rawCauseKeys() {
    QStringList keys;
    for (std::size_t i = 0; i < kCauseCount; ++i) {
        const std::string_view key = causeKey(static_cast<Cause>(i));
        if (key.find('_') != std::string_view::npos) {
            keys << QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
        }
    }
    return keys;
}

QStringList keysIn(const std::string& text, const QStringList& keys) {
    const QString words = QString::fromStdString(text);
    QStringList found;
    for (const QString& key : keys) {
        // A key only counts as a whole token: tcp_tw_reuse is a sysctl, not the key tw_reuse….
        const QRegularExpression token(QStringLiteral("(?<![A-Za-z0-9_])%1(?![A-Za-z0-9_])")
                                           .arg(QRegularExpression::escape(key)));
        if (words.contains(token)) {
            found << key;
        }
    }
    return found;
}

TEST(LessonText, TheKeyFinderSeesAKeyAsAWordButNotInsideASysctlName) {
    const QStringList keys = rawCauseKeys();
    ASSERT_TRUE(keys.contains(QStringLiteral("tw_reused")));
    EXPECT_EQ(keysIn("a TIME-WAIT (tw_reused): its", keys), QStringList{"tw_reused"});
    EXPECT_EQ(keysIn("出现 rcv_rst ECONNRESET", keys), QStringList{"rcv_rst"});
    EXPECT_TRUE(keysIn("tcp_tw_reuse = 2 and tcp_max_tw_buckets_full", keys).isEmpty());
}

TEST(LessonText, NoPresetTextShowsARawCauseKeyInEitherLanguage) {
    const PresetCatalog catalog;
    ASSERT_GE(catalog.presets().size(), 15U);
    const QStringList keys = rawCauseKeys();
    for (const PresetCatalog::Preset& preset : catalog.presets()) {
        const Scenario& s = preset.scenario;
        std::vector<std::pair<std::string, const LocalizedText*>> texts = {
            {"title", &s.title}, {"description", &s.description}, {"watch", &s.watch}};
        for (std::size_t i = 0; i < s.moments.size(); ++i) {
            texts.emplace_back("moment " + std::to_string(i), &s.moments[i].caption);
        }
        for (const auto& [field, text] : texts) {
            EXPECT_TRUE(keysIn(text->en, keys).isEmpty())
                << s.id << ' ' << field
                << " (en): " << keysIn(text->en, keys).join(u' ').toStdString();
            EXPECT_TRUE(keysIn(text->zh_CN, keys).isEmpty())
                << s.id << ' ' << field
                << " (zh_CN): " << keysIn(text->zh_CN, keys).join(u' ').toStdString();
        }
    }
}

} // namespace
} // namespace tdl::ui
