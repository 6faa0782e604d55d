#include "LoadErrorText.h"

#include <QRegularExpression>

#include <cerrno>
#include <cstdlib>
#include <vector>

namespace tdl::ui {

namespace {

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

QString LoadErrorText::pattern(LoadPhrase::Id id) {
    using Id = LoadPhrase::Id;
    switch (id) {
    case Id::Verbatim:
    case Id::SysctlExpectation:
    case Id::SysctlRefusal:
    case Id::SystemError:
        break;
    case Id::Object:
        return tr("an object");
    case Id::EmptyObject:
        return tr("an empty object");
    case Id::Array:
        return tr("an array");
    case Id::EmptyArray:
        return tr("an empty array");
    case Id::BinaryValue:
        return tr("a binary value");
    case Id::String:
        return tr("a string");
    case Id::Integer:
        return tr("an integer");
    case Id::IntegerIn:
        return tr("an integer in %1..%2");
    case Id::TrueOrFalse:
        return tr("true or false");
    case Id::Key:
        return tr("the key %1");
    case Id::KeyTwice:
        return tr("the key %1 twice");
    case Id::OnlyKey:
        return tr("only the key %1");
    case Id::OneOfKeys:
        return tr("one of the keys %1");
    case Id::ObjectWithoutIt:
        return tr("an object without it");
    case Id::EachKeyOnce:
        return tr("each key once in an object");
    case Id::ValidJson:
        return tr("valid JSON");
    case Id::JsonValue:
        return tr("a JSON value");
    case Id::JsonObject:
        return tr("a JSON object");
    case Id::JsonObjectKey:
        return tr("a JSON object key");
    case Id::JsonObjectSeparator:
        return tr("a JSON object separator");
    case Id::JsonArray:
        return tr("a JSON array");
    case Id::StringLiteral:
        return tr("string literal");
    case Id::NumberLiteral:
        return tr("number literal");
    case Id::TrueLiteral:
        return tr("true literal");
    case Id::FalseLiteral:
        return tr("false literal");
    case Id::NullLiteral:
        return tr("null literal");
    case Id::EndOfInput:
        return tr("end of input");
    case Id::BracketOrLiteral:
        return tr("'[', '{', or a literal");
    case Id::InvalidLiteral:
        return tr("%1 (invalid literal)");
    case Id::InvalidByteOrderMark:
        return tr("%1 (invalid BOM; must be 0xEF 0xBB 0xBF if given)");
    case Id::DigitAfterMinus:
        return tr("%1 (invalid number; expected digit after '-')");
    case Id::DigitAfterPoint:
        return tr("%1 (invalid number; expected digit after '.')");
    case Id::DigitAfterExponent:
        return tr("%1 (invalid number; expected digit after exponent sign)");
    case Id::UnicodeEscape:
        return tr("%1 (invalid string: '\\u' must be followed by 4 hex digits)");
    case Id::ControlCharacter:
        return tr("%1 (invalid string: control character %2 must be escaped to %3)");
    case Id::ControlCharacterWithShortEscape:
        return tr("%1 (invalid string: control character %2 must be escaped to %3 or %4)");
    case Id::BackslashEscape:
        return tr("%1 (invalid string: forbidden character after backslash)");
    case Id::IllFormedUtf8:
        return tr("%1 (invalid string: ill-formed UTF-8 byte)");
    case Id::MissingClosingQuote:
        return tr("%1 (invalid string: missing closing quote)");
    case Id::HighSurrogate:
        return tr(
            "%1 (invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF)");
    case Id::LowSurrogate:
        return tr("%1 (invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF)");
    case Id::NestingDepth:
        return tr("arrays and objects nested at most %1 deep");
    case Id::OneMoreLevel:
        return tr("one more level");
    case Id::DoubleNumber:
        return tr("a number a double can hold");
    case Id::ScenarioFile:
        return tr("a scenario file");
    case Id::Folder:
        return tr("a folder");
    case Id::ReadableFile:
        return tr("a readable scenario file");
    case Id::SmallFile:
        return tr("a scenario file of at most 4 MiB");
    case Id::LargerFile:
        return tr("a larger file");
    case Id::JsonObjectFile:
        return tr("a scenario (a JSON object)");
    case Id::EmptyFile:
        return tr("an empty file");
    case Id::ScenarioObject:
        return tr("a scenario object");
    case Id::FormatKey:
        return tr("the key \"format\": %1");
    case Id::FormatVersion:
        return tr("%1 (the version this program reads)");
    case Id::HostArray:
        return tr("an array of at least one host");
    case Id::UnusedHostName:
        return tr("a host name not yet used (%1 has it)");
    case Id::HostName:
        return tr("a host name of 1 to 32 letters, digits, '-', '_' or '.'");
    case Id::UnicastAddress:
        return tr("a unicast IPv4 address such as \"10.0.0.1\"");
    case Id::KernelProfile:
        return tr("a kernel profile (%1)");
    case Id::SysctlObject:
        return tr("an object of sysctl names and values");
    case Id::ModelledSysctl:
        return tr("a sysctl this program models, such as net.ipv4.tcp_fin_timeout");
    case Id::SysctlInProfile:
        return tr("a sysctl that exists in the %1 profile");
    case Id::PortRangeString:
        return tr("two port numbers in a string, such as \"32768 60999\"");
    case Id::KernelValue:
        return tr("a value the kernel accepts");
    case Id::Probability:
        return tr("a probability from 0 to 1, such as 0.05");
    case Id::Duration:
        return tr("a duration such as \"40ms\" or \"1.5s\"");
    case Id::DurationWithUnits:
        return tr("a duration such as \"40ms\" or \"1.5s\" (units us, ms, s, min, h)");
    case Id::DurationNotNegative:
        return tr("a duration that is not negative");
    case Id::DurationWholeMicroseconds:
        return tr("a duration that is a whole number of microseconds");
    case Id::DurationRange:
        return tr("a duration from %1 to %2");
    case Id::LinkArray:
        return tr("an array of links");
    case Id::HostInHosts:
        return tr("the name of a host in /hosts");
    case Id::HostOtherThanFrom:
        return tr("a host other than \"from\"");
    case Id::OneLinkPerDirection:
        return tr("one link per direction (%1 is already %2 to %3)");
    case Id::SecondOne:
        return tr("a second one");
    case Id::ActionArray:
        return tr("an array of actions");
    case Id::Call:
        return tr("a call (listen, connect, send, shutdown, close, stop_reading, resume_reading, "
                  "set_linger)");
    case Id::SocketName:
        return tr("a socket name of 1 to 32 letters, digits, '-', '_' or '.'");
    case Id::AtOrOn:
        return tr("exactly one of \"at\" (a time) or \"on\" (an event)");
    case Id::Both:
        return tr("both");
    case Id::Neither:
        return tr("neither");
    case Id::AfterOnlyWithOn:
        return tr("\"after\" only together with \"on\"");
    case Id::ItWithAt:
        return tr("it with \"at\"");
    case Id::Event:
        return tr("an event: \"established\", \"eof\" or \"error\"");
    case Id::AtForOpeningCall:
        return tr("\"at\": a %1 creates its socket, so no earlier event on it can trigger it");
    case Id::SocketNameArray:
        return tr("an array of socket names");
    case Id::HostAndPort:
        return tr("a host name and port such as \"server:80\"");
    case Id::HostAndPortInRange:
        return tr("a host name and port such as \"server:80\" with a port in 1..65535");
    case Id::HostBeforeColon:
        return tr("the name of a host in /hosts before the ':'");
    case Id::NoLoopback:
        return tr("another host than \"%1\" (no loopback here)");
    case Id::ShutdownHow:
        return tr("\"SHUT_RD\", \"SHUT_WR\" or \"SHUT_RDWR\"");
    case Id::LingerOn:
        return tr("true (only SO_LINGER on with a zero timeout is modelled)");
    case Id::LingerZeroSeconds:
        return tr("0 (only SO_LINGER on with a zero timeout is modelled)");
    case Id::UnusedSocketName:
        return tr("a socket name not yet used on host \"%1\" (%2 names it already)");
    case Id::SocketDefinedOnHost:
        return tr("a socket that a connect or a listen's accept list on host \"%1\" names");
    case Id::FaultArray:
        return tr("an array of fault rules");
    case Id::SocketOfAction:
        return tr("a socket that an action names");
    case Id::SocketOfActionOnHost:
        return tr("a socket that an action names on host \"%1\"");
    case Id::Flags:
        return tr("flags such as \"FIN,ACK\" (from SYN, ACK, FIN, RST, PSH)");
    case Id::FlagsNotRequired:
        return tr("flags that \"flags\" does not also require");
    case Id::FaultAction:
        return tr("\"drop\", \"delay\" or \"duplicate\"");
    case Id::DelayOnlyWithDelay:
        return tr("\"delay\" only with the action \"delay\"");
    case Id::ItWith:
        return tr("it with %1");
    case Id::MomentArray:
        return tr("an array of key moments");
    case Id::MomentEvent:
        return tr("exactly one of \"enters\", \"sends\", \"loses\" or \"fires\"");
    case Id::StateKey:
        return tr("a state: %1");
    case Id::TimerKey:
        return tr("a timer: %1");
    case Id::Caption:
        return tr("a caption with English text");
    case Id::HostOtherThanClient:
        return tr("a host other than the client");
    case Id::ClientOrServer:
        return tr("\"client\" or \"server\"");
    case Id::DurationForOneConnection:
        return tr("a duration long enough for one connection at this rate");
    case Id::ConnectionBudget:
        return tr("at most %1 connections: a lower /load/rate or a shorter /load/duration");
    case Id::Connections:
        return tr("%1 connections (%2 a second for %3)");
    case Id::SampleBudget:
        return tr("samples that fit in %1 GiB: a longer /load/sample_every, a shorter "
                  "/load/duration or /limit");
    case Id::Samples:
        return tr("%1 samples (one every %2) of %3 bytes, about %4 GiB");
    case Id::NotScriptedHost:
        return tr("a host that is not a scripted peer (\"%1\" has no sockets)");
    case Id::CraftedArray:
        return tr("an array of crafted segments");
    case Id::CraftedFlags:
        return tr("flags such as \"RST,ACK\" (from SYN, ACK, FIN, RST, PSH), or \"\" for none");
    case Id::SequenceNumber:
        return tr("an integer in 0..4294967295, or {\"relative\": n} with n in 0..4294967295");
    case Id::SocketOrPorts:
        return tr("either \"socket\" or both \"from_port\" and \"to_port\"");
    case Id::StepOnlyWithAt:
        return tr("\"step\" only together with \"at\"");
    }
    return QStringLiteral("%1");
}

QString LoadErrorText::phrase(const LoadPhrase& phrase) {
    using Id = LoadPhrase::Id;
    const std::string first = phrase.args.empty() ? std::string() : phrase.args.front();
    switch (phrase.id) {
    case Id::SysctlExpectation:
        return sysctlPhrase(first);
    case Id::SysctlRefusal:
        return sysctlRefusal(first);
    case Id::SystemError:
        return systemError(phrase.args.size() > 1 ? std::atoi(phrase.args[1].c_str()) : 0, first);
    default:
        break;
    }
    // The arguments are values from the file, numbers and names: never translated. One arg()
    // call fills them all, so that a "%1" inside a value stays as it is.
    const QString text = pattern(phrase.id);
    std::vector<QString> args;
    for (const std::string& arg : phrase.args) {
        args.push_back(fromStd(arg));
    }
    switch (args.size()) {
    case 0:
        return text;
    case 1:
        return text.arg(args[0]);
    case 2:
        return text.arg(args[0], args[1]);
    case 3:
        return text.arg(args[0], args[1], args[2]);
    default:
        return text.arg(args[0], args[1], args[2], args[3]);
    }
}

QString LoadErrorText::location(const LoadLocation& location) {
    using Kind = LoadLocation::Kind;
    switch (location.kind) {
    case Kind::File:
        break;
    case Kind::TopLevel:
        return tr("top level");
    case Kind::Pointer:
        return fromStd(location.pointer);
    case Kind::Byte:
        return tr("byte %1 (line %2, column %3)")
            .arg(QString::number(location.byte), QString::number(location.line),
                 QString::number(location.column));
    }
    return {};
}

QString LoadErrorText::systemError(int error, const std::string& text) {
    // The reasons a scenario file cannot be read; any other keeps the system's own words.
    switch (error) {
    case ENOENT:
        return tr("No such file or directory");
    case EACCES:
        return tr("Permission denied");
    case EISDIR:
        return tr("Is a directory");
    case ENOTDIR:
        return tr("Not a directory");
    case ELOOP:
        return tr("Too many levels of symbolic links");
    case ENAMETOOLONG:
        return tr("File name too long");
    case EIO:
        return tr("Input/output error");
    case EMFILE:
        return tr("Too many open files");
    case ENFILE:
        return tr("Too many open files in system");
    default:
        return fromStd(text);
    }
}

QString LoadErrorText::sysctlPhrase(const std::string& phrase) {
    // What setSysctl() (core/host/sysctl.cpp) says it expected.
    const QString text = fromStd(phrase);
    if (text == QLatin1String("an integer")) {
        return tr("an integer");
    }
    if (text == QLatin1String("two port numbers \"low high\"")) {
        return tr("two port numbers \"low high\"");
    }
    if (text ==
        QLatin1String("\"low high\" with 1024 <= low <= high <= 65535 (the kernel's range)")) {
        return tr("\"low high\" with 1024 <= low <= high <= 65535 (the kernel's range)");
    }
    if (text == QLatin1String("three integers \"min default max\", each at least 1 (the "
                              "kernel's range)")) {
        return tr("three integers \"min default max\", each at least 1 (the kernel's range)");
    }
    if (text == QLatin1String("an integer in 0..1 (the kernel's range before 4.19)")) {
        return tr("an integer in 0..1 (the kernel's range before 4.19)");
    }
    static const QRegularExpression range(
        QStringLiteral("^an integer in (-?\\d+)\\.\\.(-?\\d+) \\(the kernel's range\\)$"));
    if (const QRegularExpressionMatch m = range.match(text); m.hasMatch()) {
        return tr("an integer in %1..%2 (the kernel's range)").arg(m.captured(1), m.captured(2));
    }
    // The value as the user typed it, quoted.
    return text;
}

QString LoadErrorText::message(const LoadError& error) {
    const QString expected = phrase(error.expected);
    const QString found = phrase(error.found);
    const QString file = fromStd(error.file);
    if (error.location.kind == LoadLocation::Kind::File) {
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
            .arg(sysctlPhrase(m.captured(1).toStdString()), m.captured(2));
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
