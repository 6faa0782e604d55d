#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tdl {

// One side of a load error, what the loader expected or what it found, as an id and the values
// in it ("an integer in %1..%2" with 1 and 65535), so that it can be said in English here and in
// the user's language by ui/text/LoadErrorText, as causes are (cause.h, CauseCatalog). Values
// from the file, numbers and names are arguments and are never translated.
struct LoadPhrase {
    enum class Id : std::uint8_t {
        Verbatim, // %1 as it is: a value from the file, a number, a system error text
        // JSON values
        Object,
        EmptyObject,
        Array,
        EmptyArray,
        BinaryValue,
        String,
        Integer,
        IntegerIn,
        TrueOrFalse,
        Key,
        KeyTwice,
        OnlyKey,
        OneOfKeys,
        ObjectWithoutIt,
        EachKeyOnce,
        // JSON syntax, as nlohmann's parser names it
        ValidJson,
        JsonValue,
        JsonObject,
        JsonObjectKey,
        JsonObjectSeparator,
        JsonArray,
        StringLiteral,
        NumberLiteral,
        TrueLiteral,
        FalseLiteral,
        NullLiteral,
        EndOfInput,
        BracketOrLiteral,
        InvalidLiteral,
        InvalidByteOrderMark,
        DigitAfterMinus,
        DigitAfterPoint,
        DigitAfterExponent,
        UnicodeEscape,
        ControlCharacter,
        ControlCharacterWithShortEscape,
        BackslashEscape,
        IllFormedUtf8,
        MissingClosingQuote,
        HighSurrogate,
        LowSurrogate,
        NestingDepth,
        OneMoreLevel,
        DoubleNumber,
        // the file
        ScenarioFile,
        Folder,
        ReadableFile,
        SystemError, // %1 is strerror()'s text, %2 the errno value it is for
        SmallFile,
        LargerFile,
        JsonObjectFile,
        EmptyFile,
        // the scenario's fields
        ScenarioObject,
        FormatKey,
        FormatVersion,
        HostArray,
        UnusedHostName,
        HostName,
        UnicastAddress,
        KernelProfile,
        SysctlObject,
        ModelledSysctl,
        SysctlInProfile,
        PortRangeString,
        KernelValue,
        SysctlExpectation, // %1 is what setSysctl() expects, in its English (sysctl.cpp)
        SysctlRefusal,     // %1 is setSysctl()'s whole refusal, in its English
        Probability,
        Duration,
        DurationWithUnits,
        DurationNotNegative,
        DurationWholeMicroseconds,
        DurationRange,
        LinkArray,
        HostInHosts,
        HostOtherThanFrom,
        OneLinkPerDirection,
        SecondOne,
        ActionArray,
        Call,
        SocketName,
        AtOrOn,
        Both,
        Neither,
        AfterOnlyWithOn,
        ItWithAt,
        Event,
        AtForOpeningCall,
        SocketNameArray,
        HostAndPort,
        HostAndPortInRange,
        HostBeforeColon,
        NoLoopback,
        ShutdownHow,
        LingerOn,
        LingerZeroSeconds,
        UnusedSocketName,
        SocketDefinedOnHost,
        FaultArray,
        SocketOfAction,
        SocketOfActionOnHost,
        Flags,
        FlagsNotRequired,
        FaultAction,
        DelayOnlyWithDelay,
        ItWith,
        // key moments
        MomentArray,
        MomentEvent,
        StateKey,
        TimerKey,
        Caption,
        // the load
        HostOtherThanClient,
        ClientOrServer,
        DurationForOneConnection,
        ConnectionBudget,
        Connections,
        SampleBudget,
        Samples,
        // crafted segments and scripted peers
        NotScriptedHost,
        CraftedArray,
        CraftedFlags,
        SequenceNumber,
        SocketOrPorts,
        StepOnlyWithAt,
    };
    static constexpr int kIdCount = static_cast<int>(Id::StepOnlyWithAt) + 1;

    Id id = Id::Verbatim;
    std::vector<std::string> args; // %1, %2, ... in order

    // The phrase in English, its arguments in place.
    std::string text() const;
    bool operator==(const LoadPhrase&) const = default;
};

// The phrase's English, with %1, %2, ... where its arguments go.
const char* englishTemplate(LoadPhrase::Id id);

// Shorthands: a value shown as it is, a phrase with arguments, and why the system refused (an
// errno value).
LoadPhrase verbatim(std::string text);
LoadPhrase phrase(LoadPhrase::Id id, std::vector<std::string> args = {});
LoadPhrase systemError(int error);

} // namespace tdl
