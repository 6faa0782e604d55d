#include "LoadErrorText.h"

#include <QRegularExpression>

#include <array>

namespace tdl::ui {

namespace {

// The fixed phrases of core/io/scenario_json.cpp and core/sysctl.cpp, for "expected" and "found",
// marked for lupdate in this class's context.
constexpr std::array kPhrases{
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an object"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an empty object"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an empty array"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a binary value"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a string"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an integer"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "true or false"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an object without it"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a scenario object"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "valid JSON"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a JSON value"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a JSON object"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a JSON object key"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a JSON object separator"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a JSON array"),
    // The JSON parser's names of what it expected or found.
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "string literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "number literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "true literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "false literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "null literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "end of input"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "'[', '{', or a literal"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "each key once in an object"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a number a double can hold"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a scenario file"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a folder"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a readable scenario file"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a scenario file of at most 4 MiB"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a larger file"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a scenario (a JSON object)"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an empty file"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a probability from 0 to 1, such as 0.05"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a duration such as \"40ms\" or \"1.5s\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a duration such as \"40ms\" or \"1.5s\" (units us, ms, s, min, h)"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a duration that is not negative"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a duration that is a whole number of microseconds"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a duration long enough for one connection at this rate"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an object of sysctl names and values"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a sysctl this program models, such as net.ipv4.tcp_fin_timeout"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "two port numbers in a string, such as \"32768 60999\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "two port numbers \"low high\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "\"low high\" with 1024 <= low <= high <= 65535 (the kernel's range)"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "an integer in 0..1 (the kernel's range before 4.19)"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a value the kernel accepts"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a host name"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a host name of 1 to 32 letters, digits, '-', '_' or '.'"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a socket name of 1 to 32 letters, digits, '-', '_' or '.'"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a unicast IPv4 address such as \"10.0.0.1\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "the name of a host in /hosts"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "the name of a host in /hosts before the ':'"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a host other than the client"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a host other than \"from\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "\"client\" or \"server\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a host name and port such as \"server:80\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "a host name and port such as \"server:80\" with a port in 1..65535"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array of at least one host"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array of links"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array of actions"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array of fault rules"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an array of socket names"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "a socket that an action names"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "exactly one of \"at\" (a time) or \"on\" (an event)"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "\"after\" only together with \"on\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "an event: \"established\", \"eof\" or \"error\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "\"SHUT_RD\", \"SHUT_WR\" or \"SHUT_RDWR\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "\"drop\", \"delay\" or \"duplicate\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "\"delay\" only with the action \"delay\""),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText", "flags that \"flags\" does not also require"),
    QT_TRANSLATE_NOOP("tdl::ui::LoadErrorText",
                      "flags such as \"FIN,ACK\" (from SYN, ACK, FIN, RST, PSH)"),
};

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

QString LoadErrorText::location(const std::string& location) {
    if (location == "top level") {
        return tr("top level");
    }
    static const QRegularExpression byte(
        QStringLiteral("^byte (\\d+) \\(line (\\d+), column (\\d+)\\)$"));
    if (const QRegularExpressionMatch m = byte.match(fromStd(location)); m.hasMatch()) {
        return tr("byte %1 (line %2, column %3)").arg(m.captured(1), m.captured(2), m.captured(3));
    }
    return fromStd(location);
}

QString LoadErrorText::phrase(const std::string& phrase) {
    for (const char* known : kPhrases) {
        if (phrase == known) {
            return QCoreApplication::translate("tdl::ui::LoadErrorText", known);
        }
    }
    // The phrases with numbers or names in them.
    const QString text = fromStd(phrase);
    static const QRegularExpression range(
        QStringLiteral("^an integer in (-?\\d+)\\.\\.(-?\\d+)( \\(the kernel's range\\))?$"));
    if (const QRegularExpressionMatch m = range.match(text); m.hasMatch()) {
        return m.capturedLength(3) > 0
                   ? tr("an integer in %1..%2 (the kernel's range)")
                         .arg(m.captured(1), m.captured(2))
                   : tr("an integer in %1..%2").arg(m.captured(1), m.captured(2));
    }
    static const QRegularExpression key(QStringLiteral("^the key (\".*\")$"));
    if (const QRegularExpressionMatch m = key.match(text); m.hasMatch()) {
        return tr("the key %1").arg(m.captured(1));
    }
    static const QRegularExpression keys(QStringLiteral("^(one of the keys|only the key) (\".*)$"));
    if (const QRegularExpressionMatch m = keys.match(text); m.hasMatch()) {
        return m.captured(1).startsWith(QLatin1String("one"))
                   ? tr("one of the keys %1").arg(m.captured(2))
                   : tr("only the key %1").arg(m.captured(2));
    }
    static const QRegularExpression durations(QStringLiteral("^a duration from (\\S+) to (\\S+)$"));
    if (const QRegularExpressionMatch m = durations.match(text); m.hasMatch()) {
        return tr("a duration from %1 to %2").arg(m.captured(1), m.captured(2));
    }
    static const QRegularExpression invalid(QStringLiteral("^(\".*\") \\(invalid literal\\)$"));
    if (const QRegularExpressionMatch m = invalid.match(text); m.hasMatch()) {
        return tr("%1 (invalid literal)").arg(m.captured(1));
    }
    static const QRegularExpression profile(QStringLiteral("^a kernel profile \\((.*)\\)$"));
    if (const QRegularExpressionMatch m = profile.match(text); m.hasMatch()) {
        return tr("a kernel profile (%1)").arg(m.captured(1));
    }
    return text;
}

QString LoadErrorText::message(const LoadError& error) {
    const QString expected = phrase(error.expected);
    const QString found = phrase(error.found);
    const QString file = fromStd(error.file);
    if (error.location.empty()) {
        return file.isEmpty() ? tr("expected %1, found %2").arg(expected, found)
                              : tr("%1: expected %2, found %3").arg(file, expected, found);
    }
    const QString where = location(error.location);
    return file.isEmpty() ? tr("%1: expected %2, found %3").arg(where, expected, found)
                          : tr("%1: %2: expected %3, found %4").arg(file, where, expected, found);
}

QString LoadErrorText::sysctlRefusal(const std::string& refusal) {
    const QString text = fromStd(refusal);
    static const QRegularExpression expectedFound(QStringLiteral("^expected (.*), found (.*)$"));
    if (const QRegularExpressionMatch m = expectedFound.match(text); m.hasMatch()) {
        return tr("expected %1, found %2")
            .arg(phrase(m.captured(1).toStdString()), phrase(m.captured(2).toStdString()));
    }
    static const QRegularExpression unknown(QStringLiteral("^unknown sysctl (\".*\")$"));
    if (const QRegularExpressionMatch m = unknown.match(text); m.hasMatch()) {
        return tr("unknown sysctl %1").arg(m.captured(1));
    }
    static const QRegularExpression missing(
        QStringLiteral("^(\\S+) does not exist in the (\\S+) profile$"));
    if (const QRegularExpressionMatch m = missing.match(text); m.hasMatch()) {
        return tr("%1 does not exist in the %2 profile").arg(m.captured(1), m.captured(2));
    }
    return text;
}

} // namespace tdl::ui
