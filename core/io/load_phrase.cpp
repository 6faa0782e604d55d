#include "load_phrase.h"

#include <cstring>
#include <string_view>
#include <utility>

namespace tdl {

const char* englishTemplate(LoadPhrase::Id id) {
    using Id = LoadPhrase::Id;
    switch (id) {
    case Id::Verbatim:
        return "%1";
    case Id::Object:
        return "an object";
    case Id::EmptyObject:
        return "an empty object";
    case Id::Array:
        return "an array";
    case Id::EmptyArray:
        return "an empty array";
    case Id::BinaryValue:
        return "a binary value";
    case Id::String:
        return "a string";
    case Id::Integer:
        return "an integer";
    case Id::IntegerIn:
        return "an integer in %1..%2";
    case Id::TrueOrFalse:
        return "true or false";
    case Id::Key:
        return "the key %1";
    case Id::KeyTwice:
        return "the key %1 twice";
    case Id::OnlyKey:
        return "only the key %1";
    case Id::OneOfKeys:
        return "one of the keys %1";
    case Id::ObjectWithoutIt:
        return "an object without it";
    case Id::EachKeyOnce:
        return "each key once in an object";
    case Id::ValidJson:
        return "valid JSON";
    case Id::JsonValue:
        return "a JSON value";
    case Id::JsonObject:
        return "a JSON object";
    case Id::JsonObjectKey:
        return "a JSON object key";
    case Id::JsonObjectSeparator:
        return "a JSON object separator";
    case Id::JsonArray:
        return "a JSON array";
    case Id::StringLiteral:
        return "string literal";
    case Id::NumberLiteral:
        return "number literal";
    case Id::TrueLiteral:
        return "true literal";
    case Id::FalseLiteral:
        return "false literal";
    case Id::NullLiteral:
        return "null literal";
    case Id::EndOfInput:
        return "end of input";
    case Id::BracketOrLiteral:
        return "'[', '{', or a literal";
    case Id::InvalidLiteral:
        return "%1 (invalid literal)";
    case Id::InvalidByteOrderMark:
        return "%1 (invalid BOM; must be 0xEF 0xBB 0xBF if given)";
    case Id::DigitAfterMinus:
        return "%1 (invalid number; expected digit after '-')";
    case Id::DigitAfterPoint:
        return "%1 (invalid number; expected digit after '.')";
    case Id::DigitAfterExponent:
        return "%1 (invalid number; expected digit after exponent sign)";
    case Id::UnicodeEscape:
        return "%1 (invalid string: '\\u' must be followed by 4 hex digits)";
    case Id::ControlCharacter:
        return "%1 (invalid string: control character %2 must be escaped to %3)";
    case Id::ControlCharacterWithShortEscape:
        return "%1 (invalid string: control character %2 must be escaped to %3 or %4)";
    case Id::BackslashEscape:
        return "%1 (invalid string: forbidden character after backslash)";
    case Id::IllFormedUtf8:
        return "%1 (invalid string: ill-formed UTF-8 byte)";
    case Id::MissingClosingQuote:
        return "%1 (invalid string: missing closing quote)";
    case Id::HighSurrogate:
        return "%1 (invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF)";
    case Id::LowSurrogate:
        return "%1 (invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF)";
    case Id::NestingDepth:
        return "arrays and objects nested at most %1 deep";
    case Id::OneMoreLevel:
        return "one more level";
    case Id::DoubleNumber:
        return "a number a double can hold";
    case Id::ScenarioFile:
        return "a scenario file";
    case Id::Folder:
        return "a folder";
    case Id::ReadableFile:
        return "a readable scenario file";
    case Id::SystemError:
        return "%1";
    case Id::SmallFile:
        return "a scenario file of at most 4 MiB";
    case Id::LargerFile:
        return "a larger file";
    case Id::JsonObjectFile:
        return "a scenario (a JSON object)";
    case Id::EmptyFile:
        return "an empty file";
    case Id::ScenarioObject:
        return "a scenario object";
    case Id::FormatKey:
        return "the key \"format\": %1";
    case Id::FormatVersion:
        return "%1 (the version this program reads)";
    case Id::HostArray:
        return "an array of at least one host";
    case Id::UnusedHostName:
        return "a host name not yet used (%1 has it)";
    case Id::HostName:
        return "a host name of 1 to 32 letters, digits, '-', '_' or '.'";
    case Id::UnicastAddress:
        return "a unicast IPv4 address such as \"10.0.0.1\"";
    case Id::KernelProfile:
        return "a kernel profile (%1)";
    case Id::SysctlObject:
        return "an object of sysctl names and values";
    case Id::ModelledSysctl:
        return "a sysctl this program models, such as net.ipv4.tcp_fin_timeout";
    case Id::SysctlInProfile:
        return "a sysctl that exists in the %1 profile";
    case Id::PortRangeString:
        return "two port numbers in a string, such as \"32768 60999\"";
    case Id::KernelValue:
        return "a value the kernel accepts";
    case Id::SysctlExpectation:
        return "%1";
    case Id::SysctlRefusal:
        return "%1";
    case Id::Probability:
        return "a probability from 0 to 1, such as 0.05";
    case Id::Duration:
        return "a duration such as \"40ms\" or \"1.5s\"";
    case Id::DurationWithUnits:
        return "a duration such as \"40ms\" or \"1.5s\" (units us, ms, s, min, h)";
    case Id::DurationNotNegative:
        return "a duration that is not negative";
    case Id::DurationWholeMicroseconds:
        return "a duration that is a whole number of microseconds";
    case Id::DurationRange:
        return "a duration from %1 to %2";
    case Id::LinkArray:
        return "an array of links";
    case Id::HostInHosts:
        return "the name of a host in /hosts";
    case Id::HostOtherThanFrom:
        return "a host other than \"from\"";
    case Id::OneLinkPerDirection:
        return "one link per direction (%1 is already %2 to %3)";
    case Id::SecondOne:
        return "a second one";
    case Id::ActionArray:
        return "an array of actions";
    case Id::Call:
        return "a call (listen, connect, send, shutdown, close, stop_reading, resume_reading, "
               "set_linger)";
    case Id::SocketName:
        return "a socket name of 1 to 32 letters, digits, '-', '_' or '.'";
    case Id::AtOrOn:
        return "exactly one of \"at\" (a time) or \"on\" (an event)";
    case Id::Both:
        return "both";
    case Id::Neither:
        return "neither";
    case Id::AfterOnlyWithOn:
        return "\"after\" only together with \"on\"";
    case Id::ItWithAt:
        return "it with \"at\"";
    case Id::Event:
        return "an event: \"established\", \"eof\" or \"error\"";
    case Id::AtForOpeningCall:
        return "\"at\": a %1 creates its socket, so no earlier event on it can trigger it";
    case Id::SocketNameArray:
        return "an array of socket names";
    case Id::HostAndPort:
        return "a host name and port such as \"server:80\"";
    case Id::HostAndPortInRange:
        return "a host name and port such as \"server:80\" with a port in 1..65535";
    case Id::HostBeforeColon:
        return "the name of a host in /hosts before the ':'";
    case Id::NoLoopback:
        return "another host than \"%1\" (no loopback here)";
    case Id::ShutdownHow:
        return "\"SHUT_RD\", \"SHUT_WR\" or \"SHUT_RDWR\"";
    case Id::LingerOn:
        return "true (only SO_LINGER on with a zero timeout is modelled)";
    case Id::LingerZeroSeconds:
        return "0 (only SO_LINGER on with a zero timeout is modelled)";
    case Id::UnusedSocketName:
        return "a socket name not yet used on host \"%1\" (%2 names it already)";
    case Id::SocketDefinedOnHost:
        return "a socket that a connect or a listen's accept list on host \"%1\" names";
    case Id::FaultArray:
        return "an array of fault rules";
    case Id::SocketOfAction:
        return "a socket that an action names";
    case Id::SocketOfActionOnHost:
        return "a socket that an action names on host \"%1\"";
    case Id::Flags:
        return "flags such as \"FIN,ACK\" (from SYN, ACK, FIN, RST, PSH)";
    case Id::FlagsNotRequired:
        return "flags that \"flags\" does not also require";
    case Id::FaultAction:
        return "\"drop\", \"delay\" or \"duplicate\"";
    case Id::DelayOnlyWithDelay:
        return "\"delay\" only with the action \"delay\"";
    case Id::ItWith:
        return "it with %1";
    case Id::MomentArray:
        return "an array of key moments";
    case Id::MomentEvent:
        return "exactly one of \"enters\", \"sends\", \"loses\" or \"fires\"";
    case Id::StateKey:
        return "a state: %1";
    case Id::TimerKey:
        return "a timer: %1";
    case Id::Caption:
        return "a caption with English text";
    case Id::HostOtherThanClient:
        return "a host other than the client";
    case Id::ClientOrServer:
        return "\"client\" or \"server\"";
    case Id::DurationForOneConnection:
        return "a duration long enough for one connection at this rate";
    case Id::ConnectionBudget:
        return "at most %1 connections: a lower /load/rate or a shorter /load/duration";
    case Id::Connections:
        return "%1 connections (%2 a second for %3)";
    case Id::SampleBudget:
        return "samples that fit in %1 GiB: a longer /load/sample_every, a shorter /load/duration "
               "or /limit";
    case Id::Samples:
        return "%1 samples (one every %2) of %3 bytes, about %4 GiB";
    case Id::NotScriptedHost:
        return "a host that is not a scripted peer (\"%1\" has no sockets)";
    case Id::CraftedArray:
        return "an array of crafted segments";
    case Id::CraftedFlags:
        return "flags such as \"RST,ACK\" (from SYN, ACK, FIN, RST, PSH), or \"\" for none";
    case Id::SequenceNumber:
        return "an integer in 0..4294967295, or {\"relative\": n} with n in 0..4294967295";
    case Id::SocketOrPorts:
        return "either \"socket\" or both \"from_port\" and \"to_port\"";
    case Id::StepOnlyWithAt:
        return "\"step\" only together with \"at\"";
    }
    return "%1";
}

std::string LoadPhrase::text() const {
    // One pass over the template, so that a "%2" inside an argument stays as it is.
    const std::string_view pattern = englishTemplate(id);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const bool placeholder = pattern[i] == '%' && i + 1 < pattern.size() &&
                                 pattern[i + 1] >= '1' && pattern[i + 1] <= '9';
        if (!placeholder) {
            out += pattern[i];
            continue;
        }
        const auto arg = static_cast<std::size_t>(pattern[++i] - '1');
        if (arg < args.size()) {
            out += args[arg];
        }
    }
    return out;
}

LoadPhrase verbatim(std::string text) {
    return LoadPhrase{LoadPhrase::Id::Verbatim, {std::move(text)}};
}

LoadPhrase phrase(LoadPhrase::Id id, std::vector<std::string> args) {
    return LoadPhrase{id, std::move(args)};
}

LoadPhrase systemError(int error) {
    return LoadPhrase{LoadPhrase::Id::SystemError, {std::strerror(error), std::to_string(error)}};
}

} // namespace tdl
