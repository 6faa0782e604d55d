#include "LoadErrorText.h"
#include "Translations.h"
#include "scenario_json.h"
#include "sysctl.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <tuple>

namespace tdl::ui {
namespace {

// One scenario file wrong in one way each: a syntax error, a wrong type, an unknown key, a
// missing key, a value out of range, a sysctl the kernel would refuse, a bad duration.
const std::vector<std::string>& badFiles() {
    static const std::vector<std::string> files{
        R"({"format": "teardown-lab-scenario", "version": 1,)",
        R"([1, 2])",
        R"({"a": tru})",
        R"({"format": "teardown-lab-scenario", "version": 1, "colour": "red"})",
        R"({"version": 1})",
        R"({"format": "teardown-lab-scenario", "version": 1, "seed": -1})",
        R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [{"name": "a",
            "address": "10.0.0.1", "sysctls": {"net.ipv4.tcp_tw_reuse": 5}}]})",
        R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [{"name": "a",
            "address": "10.0.0.1"}], "network": {"delay": "forty"}})",
        "",
        // A day sampled every millisecond: about 27 GiB of samples.
        R"({"format": "teardown-lab-scenario", "version": 1, "limit": "24h", "hosts": [{"name":
            "c", "address": "10.0.0.1"}, {"name": "s", "address": "10.0.0.2"}], "load": {"client":
            "c", "server": "s", "rate": 1, "duration": "24h", "sample_every": "1ms"}})",
        // A million connections a second for an hour.
        R"({"format": "teardown-lab-scenario", "version": 1, "limit": "2h", "hosts": [{"name":
            "c", "address": "10.0.0.1"}, {"name": "s", "address": "10.0.0.2"}], "load": {"client":
            "c", "server": "s", "rate": 1000000, "duration": "1h"}})",
        std::string(100, '[') + std::string(100, ']'),
        "{\"a\": \"line\nbreak\"}",
        R"({"format": "teardown-lab-scenario", "version": 1, "hosts": [{"name": "a",
            "address": "10.0.0.1"}], "actions": [{"host": "a", "socket": "x", "call": "connect",
            "on": "eof", "to": "a:80"}]})",
    };
    return files;
}

// English words of the loader's frame and of its common phrases; none may reach a Chinese user.
// Quoted text is the file's own and stays as it is.
bool hasEnglishWords(QString text) {
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
    text.remove(quoted);
    // JSON pointers such as /load/sample_every name fields of the file.
    static const QRegularExpression pointer(QStringLiteral("/[\\w/.~-]*"));
    text.remove(pointer);
    static const QRegularExpression words(QStringLiteral(
        "\\b(expected|found|byte|line|column|top level|an?|the|of|or|and|only|object|array|string|"
        "integer|key|file|with|to|from|such|as|at|most|not|must|be|that|for|names?|hosts?|"
        "sockets?|duration|connections?|samples?|second|links?|actions?|value|number|than|per|"
        "already|deep|level|literal|invalid|fit|lower|longer|shorter|about|bytes|every)\\b"));
    return text.contains(words);
}

bool hasHan(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.script() == QChar::Script_Han; });
}

class LoadErrorTextTest : public testing::Test {
protected:
    void TearDown() override { translations_.setLanguage(QStringLiteral("en")); }

    // What loading each bad file says; the file is named "bad.json" in a temporary folder, so
    // that its name holds no English word.
    std::vector<LoadError> errors() const {
        std::vector<LoadError> out;
        for (const std::string& text : badFiles()) {
            const std::string path = dir_.filePath(QStringLiteral("bad.json")).toStdString();
            std::ofstream(path, std::ios::binary) << text;
            const LoadResult result = loadScenario(path);
            EXPECT_TRUE(std::holds_alternative<LoadError>(result)) << text;
            if (const auto* error = std::get_if<LoadError>(&result)) {
                out.push_back(*error);
            }
        }
        return out;
    }

    Translations translations_;
    QTemporaryDir dir_;
};

TEST_F(LoadErrorTextTest, EnglishIsTheLoadersOwnMessage) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    for (const LoadError& error : errors()) {
        EXPECT_EQ(LoadErrorText::message(error).toStdString(), error.message());
    }
}

TEST_F(LoadErrorTextTest, AChineseUserReadsABadFileInChinese) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    const std::vector<LoadError> all = errors();
    ASSERT_EQ(all.size(), badFiles().size());
    for (const LoadError& error : all) {
        const QString message = LoadErrorText::message(error);
        EXPECT_TRUE(hasHan(message)) << message.toStdString();
        ASSERT_TRUE(message.startsWith(QString::fromStdString(error.file)))
            << message.toStdString();
        EXPECT_FALSE(hasEnglishWords(message.mid(static_cast<qsizetype>(error.file.size()))))
            << error.message() << "\n  became: " << message.toStdString();
    }
}

// What setSysctl() says for a value the kernel would refuse, an unknown name and a knob the
// profile lacks.
std::vector<std::string> sysctlRefusals() {
    std::vector<std::string> out;
    for (const auto& [profile, name, value] :
         {std::tuple{KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse", "5"},
          std::tuple{KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "9"},
          std::tuple{KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "80 70"},
          std::tuple{KernelProfile::Linux4_12, "net.ipv4.tcp_tw_reuse", "2"},
          std::tuple{KernelProfile::Linux6, "net.ipv4.tcp_nonsense", "1"},
          std::tuple{KernelProfile::Linux6, "net.ipv4.tcp_tw_recycle", "1"}}) {
        Sysctls sysctls = defaultSysctls(profile);
        const std::optional<std::string> refusal = setSysctl(sysctls, profile, name, value);
        EXPECT_TRUE(refusal.has_value()) << name << '=' << value;
        if (refusal) {
            out.push_back(*refusal);
        }
    }
    return out;
}

TEST_F(LoadErrorTextTest, ARefusedSysctlValueIsTranslatedToo) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    const std::vector<std::string> refusals = sysctlRefusals();
    for (const std::string& refusal : refusals) {
        EXPECT_EQ(LoadErrorText::sysctlRefusal(refusal).toStdString(), refusal);
    }
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    for (const std::string& refusal : refusals) {
        const QString message = LoadErrorText::sysctlRefusal(refusal);
        EXPECT_TRUE(hasHan(message)) << message.toStdString();
        EXPECT_FALSE(hasEnglishWords(message))
            << refusal << "\n  became: " << message.toStdString();
    }
}

TEST_F(LoadErrorTextTest, ValuesFromTheFileAreKeptAsTheyAre) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    const LoadError error{"x.json", LoadLocation::at("/hosts/0/address"),
                          phrase(LoadPhrase::Id::UnicastAddress), verbatim("\"10.0.0\"")};
    const QString message = LoadErrorText::message(error);
    EXPECT_TRUE(message.startsWith(QStringLiteral("x.json：/hosts/0/address：")))
        << message.toStdString();
    EXPECT_TRUE(message.endsWith(QStringLiteral("\"10.0.0\""))) << message.toStdString();
    EXPECT_EQ(LoadErrorText::phrase(phrase(LoadPhrase::Id::IntegerIn, {"1", "65535"})),
              QStringLiteral("1..65535 之间的整数"));
    // A value is put in once: a "%2" typed in the file is not a place for the next value.
    EXPECT_EQ(LoadErrorText::phrase(
                  phrase(LoadPhrase::Id::OneLinkPerDirection, {"/network/links/%2", "a", "b"})),
              QStringLiteral("每个方向一条链路（/network/links/%2 已经是 a 到 b）"));
}

// Values no pattern contains, one per placeholder, free of English words.
std::vector<std::string> sampleValues(const std::string& pattern) {
    std::vector<std::string> values;
    for (int n = 1; n <= 9; ++n) {
        if (pattern.find('%' + std::to_string(n)) != std::string::npos) {
            values.push_back("<" + std::to_string(100 + n) + ">");
        }
    }
    return values;
}

// The ids whose text is their value: a value from the file, or setSysctl()'s own words, which
// ARefusedSysctlValueIsTranslatedToo covers.
bool isValueItself(LoadPhrase::Id id) {
    return id == LoadPhrase::Id::Verbatim || id == LoadPhrase::Id::SysctlExpectation ||
           id == LoadPhrase::Id::SysctlRefusal || id == LoadPhrase::Id::SystemError;
}

TEST_F(LoadErrorTextTest, EveryPhraseIsTheLoadersOwnEnglish) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    for (int i = 0; i < LoadPhrase::kIdCount; ++i) {
        const auto id = static_cast<LoadPhrase::Id>(i);
        EXPECT_EQ(LoadErrorText::pattern(id).toStdString(), englishTemplate(id)) << i;
        const LoadPhrase sample = phrase(id, sampleValues(englishTemplate(id)));
        EXPECT_EQ(LoadErrorText::phrase(sample).toStdString(), sample.text()) << i;
    }
}

TEST_F(LoadErrorTextTest, EveryPhraseIsTranslatedWithItsValues) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    for (int i = 0; i < LoadPhrase::kIdCount; ++i) {
        const auto id = static_cast<LoadPhrase::Id>(i);
        if (isValueItself(id)) {
            continue;
        }
        const std::string english = englishTemplate(id);
        const QString pattern = LoadErrorText::pattern(id);
        // tr() gives back its English source when the translation lacks it.
        EXPECT_NE(pattern.toStdString(), english) << "untranslated: " << english;
        EXPECT_TRUE(hasHan(pattern)) << english << "\n  became: " << pattern.toStdString();
        const std::vector<std::string> values = sampleValues(english);
        const QString text = LoadErrorText::phrase(phrase(id, values));
        for (const std::string& value : values) {
            EXPECT_TRUE(text.contains(QString::fromStdString(value)))
                << english << "\n  became: " << text.toStdString() << "\n  without " << value;
        }
        EXPECT_FALSE(hasEnglishWords(text)) << english << "\n  became: " << text.toStdString();
    }
}

TEST_F(LoadErrorTextTest, WhyAFileCannotBeReadIsTranslated) {
    const std::vector<int> reasons{ENOENT, EACCES,       EISDIR, ENOTDIR, ELOOP,
                                   EIO,    ENAMETOOLONG, EMFILE, ENFILE};
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("en")));
    for (const int error : reasons) {
        // The English is the system's, as the CLI prints it.
        EXPECT_EQ(LoadErrorText::phrase(systemError(error)).toStdString(), std::strerror(error));
    }
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    for (const int error : reasons) {
        const QString text = LoadErrorText::phrase(systemError(error));
        EXPECT_TRUE(hasHan(text)) << std::strerror(error) << "\n  became: " << text.toStdString();
    }
    const std::string missing = dir_.filePath(QStringLiteral("missing.json")).toStdString();
    const LoadResult result = loadScenario(missing);
    ASSERT_TRUE(std::holds_alternative<LoadError>(result));
    const QString message = LoadErrorText::message(std::get<LoadError>(result));
    EXPECT_FALSE(hasEnglishWords(message.mid(static_cast<qsizetype>(missing.size()))))
        << message.toStdString();
    // Another reason keeps the system's words.
    EXPECT_EQ(LoadErrorText::phrase(systemError(EBUSY)).toStdString(), std::strerror(EBUSY));
}

TEST_F(LoadErrorTextTest, ALoadThatCannotFitIsRefusedInChinese) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    int bounds = 0;
    for (const LoadError& error : errors()) {
        const bool samples = error.expected.id == LoadPhrase::Id::SampleBudget;
        const bool connections = error.expected.id == LoadPhrase::Id::ConnectionBudget;
        if (!samples && !connections) {
            continue;
        }
        ++bounds;
        const QString message = LoadErrorText::message(error);
        // The estimate's numbers and the fields to change are all there.
        for (const std::string& value : error.found.args) {
            EXPECT_TRUE(message.contains(QString::fromStdString(value))) << message.toStdString();
        }
        EXPECT_TRUE(message.contains(samples ? QStringLiteral("/load/sample_every")
                                             : QStringLiteral("/load/rate")))
            << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("/load/duration"))) << message.toStdString();
    }
    EXPECT_EQ(bounds, 2);
}

} // namespace
} // namespace tdl::ui
