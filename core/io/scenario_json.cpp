#include "scenario_json.h"

#include "atomic_file.h"
#include "duration_text.h"
#include "load_run.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <utility>

namespace tdl {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view kFormatName = "teardown-lab-scenario";
// A scenario is a page of text; anything this big is the wrong file, and reading stops here so
// that a device or a huge file cannot make the loader hang.
constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;
// A day of virtual time is far beyond any teardown story (the longest Linux timer involved,
// tcp_retries2's 924.6 s, is a quarter of an hour) and keeps runs short.
constexpr Duration kMaxDuration = 24h;
// A send bigger than this would make a trace nobody can read, and a run that takes seconds.
constexpr std::int64_t kMaxSendBytes = 64 * 1024 * 1024;
// Found values are quoted in messages; a long string is cut so the message stays one line.
constexpr std::size_t kMaxQuotedBytes = 60;
// A scenario nests five levels deep (/actions/0/accept/0). The parser keeps a frame per open
// level, so without a bound four million "[" inside the size limit cost hundreds of megabytes and
// seconds before any message.
constexpr int kMaxNesting = 64;

// The loader stops at the first problem; this carries it to parseScenario().
struct Refusal {
    std::string location;
    std::string expected;
    std::string found;
};

[[noreturn]] void refuse(const std::string& pointer, std::string expected, std::string found) {
    throw Refusal{pointer.empty() ? std::string("top level") : pointer, std::move(expected),
                  std::move(found)};
}

// RFC 6901: "~" and "/" inside a key are escaped. A pointer is only ever shown in a one-line
// message, so control characters are written as JSON escapes ("\n", "\u0001") too.
std::string pointerToken(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            const std::string escaped = Json(std::string(1, c)).dump();
            token += escaped.substr(1, escaped.size() - 2);
        } else {
            token += c;
        }
    }
    return token;
}

// JSON string syntax, so that quotes and control characters in a value cannot break the
// one-line message; invalid UTF-8 becomes U+FFFD.
std::string jsonQuoted(std::string_view text) {
    std::string cut(text.substr(0, std::min(text.size(), kMaxQuotedBytes)));
    const bool shortened = cut.size() < text.size();
    if (shortened) {
        // Do not split a UTF-8 sequence: drop continuation bytes and the lead byte they follow.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) {
            cut.pop_back();
        }
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) {
            cut.pop_back();
        }
    }
    std::string out = Json(cut).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (shortened) {
        out.insert(out.size() - 1, "…");
    }
    return out;
}

// What a person should read for "found ...". Containers are named, not printed: they may be
// large, and printing them would recurse as deep as the file nests.
std::string describe(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return value.dump();
    case Json::value_t::string:
        return jsonQuoted(value.get_ref<const std::string&>());
    case Json::value_t::array:
        return value.empty() ? "an empty array" : "an array";
    case Json::value_t::object:
        return value.empty() ? "an empty object" : "an object";
    default:
        return "a binary value";
    }
}

std::string listOfKeys(std::span<const std::string_view> keys) {
    std::string out;
    for (const std::string_view key : keys) {
        out += out.empty() ? "" : ", ";
        out += '"' + std::string(key) + '"';
    }
    return out;
}

// A value in the document and where it is.
struct Node {
    const Json& value;
    std::string pointer;

    Node at(std::string_view key) const {
        return {value.at(std::string(key)), pointer + '/' + pointerToken(key)};
    }
    Node at(std::size_t index) const {
        return {value.at(index), pointer + '/' + std::to_string(index)};
    }
};

// An object whose keys are all known; refuses any other key at once, since a misspelt key is
// the likeliest reason a required one seems to be missing.
class Fields {
public:
    Fields(const Node& node, std::initializer_list<std::string_view> known)
        : Fields(node, std::span(known.begin(), known.size())) {}

    Fields(const Node& node, std::span<const std::string_view> known)
        : node_(node) {
        if (!node.value.is_object()) {
            refuse(node.pointer, "an object", describe(node.value));
        }
        for (const auto& [key, value] : node.value.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                refuse(node.pointer + '/' + pointerToken(key),
                       known.size() == 1 ? "only the key " + listOfKeys(known)
                                         : "one of the keys " + listOfKeys(known),
                       "the key " + jsonQuoted(key));
            }
        }
    }

    bool has(std::string_view key) const { return node_.value.contains(key); }

    Node required(std::string_view key) const {
        if (!has(key)) {
            refuse(node_.pointer, "the key \"" + std::string(key) + '"', "an object without it");
        }
        return node_.at(key);
    }

    std::optional<Node> optional(std::string_view key) const {
        if (!has(key)) {
            return std::nullopt;
        }
        return node_.at(key);
    }

    const std::string& pointer() const { return node_.pointer; }

private:
    Node node_;
};

std::string readString(const Node& node) {
    if (!node.value.is_string()) {
        refuse(node.pointer, "a string", describe(node.value));
    }
    return node.value.get<std::string>();
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// Host and socket names appear in diagrams, on the command line and in "host:port", so they
// are plain words.
std::string readName(const Node& node, std::string_view what) {
    const std::string name = readString(node);
    const bool plain = !name.empty() && name.size() <= 32 &&
                       std::all_of(name.begin(), name.end(), isNameCharacter);
    if (!plain) {
        refuse(node.pointer, std::string(what) + " of 1 to 32 letters, digits, '-', '_' or '.'",
               jsonQuoted(name));
    }
    return name;
}

std::int64_t readInteger(const Node& node, std::int64_t min, std::int64_t max,
                         const std::string& expected) {
    if (node.value.is_number_integer() && !node.value.is_number_unsigned()) {
        const auto value = node.value.get<std::int64_t>();
        if (value >= min && value <= max) {
            return value;
        }
    } else if (node.value.is_number_unsigned()) {
        const auto value = node.value.get<std::uint64_t>();
        if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) &&
            static_cast<std::int64_t>(value) >= min && static_cast<std::int64_t>(value) <= max) {
            return static_cast<std::int64_t>(value);
        }
    }
    refuse(node.pointer, expected, describe(node.value));
}

std::int64_t readIntegerIn(const Node& node, std::int64_t min, std::int64_t max) {
    return readInteger(node, min, max,
                       "an integer in " + std::to_string(min) + ".." + std::to_string(max));
}

bool readBool(const Node& node) {
    if (!node.value.is_boolean()) {
        refuse(node.pointer, "true or false", describe(node.value));
    }
    return node.value.get<bool>();
}

double readProbability(const Node& node) {
    if (node.value.is_number()) {
        const auto value = node.value.get<double>();
        if (value >= 0.0 && value <= 1.0) {
            return value;
        }
    }
    refuse(node.pointer, "a probability from 0 to 1, such as 0.05", describe(node.value));
}

// "1.0000001s" is a duration in the right form whose value falls between two microseconds: the
// same text without its fraction parses.
bool wellFormedButInexact(const std::string& text) {
    const std::size_t point = text.find('.');
    if (point == std::string::npos) {
        return false;
    }
    std::size_t unitStart = point + 1;
    while (unitStart < text.size() && isDigit(text[unitStart])) {
        ++unitStart;
    }
    return unitStart > point + 1 &&
           parseDurationText(text.substr(0, point) + text.substr(unitStart)).has_value();
}

Duration readDuration(const Node& node, Duration min = Duration::zero()) {
    const std::string expected = "a duration such as \"40ms\" or \"1.5s\"";
    if (!node.value.is_string()) {
        refuse(node.pointer, expected, describe(node.value));
    }
    const std::string& text = node.value.get_ref<const std::string&>();
    const std::optional<Duration> duration = parseDurationText(text);
    if (!duration) {
        if (!text.empty() && text.front() == '-') {
            refuse(node.pointer, "a duration that is not negative", jsonQuoted(text));
        }
        if (wellFormedButInexact(text)) {
            refuse(node.pointer, "a duration that is a whole number of microseconds",
                   jsonQuoted(text));
        }
        refuse(node.pointer, expected + " (units us, ms, s, min, h)", jsonQuoted(text));
    }
    if (*duration < min || *duration > kMaxDuration) {
        refuse(node.pointer,
               "a duration from " + durationText(min) + " to " + durationText(kMaxDuration),
               jsonQuoted(text));
    }
    return *duration;
}

LocalizedText readLocalizedText(const Node& node) {
    const Fields fields(node, {"en", "zh_CN"});
    LocalizedText text;
    if (auto en = fields.optional("en")) {
        text.en = readString(*en);
    }
    if (auto zh = fields.optional("zh_CN")) {
        text.zh_CN = readString(*zh);
    }
    return text;
}

std::uint8_t readFlags(const Node& node) {
    static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 5> kFlagNames = {{
        {"FIN", flag::kFin},
        {"SYN", flag::kSyn},
        {"RST", flag::kRst},
        {"PSH", flag::kPsh},
        {"ACK", flag::kAck},
    }};
    const std::string text = readString(node);
    std::uint8_t flags = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view name = std::string_view(text).substr(start, comma - start);
        const auto known = std::find_if(kFlagNames.begin(), kFlagNames.end(),
                                        [&](const auto& entry) { return entry.first == name; });
        if (known == kFlagNames.end()) {
            refuse(node.pointer, "flags such as \"FIN,ACK\" (from SYN, ACK, FIN, RST, PSH)",
                   jsonQuoted(text));
        }
        flags |= known->second;
        start = comma + 1;
    }
    return flags;
}

void readSysctls(const Node& node, HostConfig& host) {
    if (!node.value.is_object()) {
        refuse(node.pointer, "an object of sysctl names and values", describe(node.value));
    }
    for (const auto& [name, value] : node.value.items()) {
        const Node entry = node.at(name);
        const SysctlKnob* knob = findSysctl(name);
        if (knob == nullptr) {
            refuse(entry.pointer, "a sysctl this program models, such as net.ipv4.tcp_fin_timeout",
                   "the key " + jsonQuoted(name));
        }
        if (!knob->existsIn(host.profile)) {
            refuse(entry.pointer,
                   "a sysctl that exists in the " + std::string(profileKey(host.profile)) +
                       " profile",
                   "the key " + jsonQuoted(name));
        }
        std::string text;
        if (name == kPortRangeName) {
            if (!value.is_string()) {
                refuse(entry.pointer, "two port numbers in a string, such as \"32768 60999\"",
                       describe(value));
            }
            text = value.get<std::string>();
        } else {
            if (!value.is_number_integer()) {
                refuse(entry.pointer, "an integer", describe(value));
            }
            text = value.dump();
        }
        if (std::optional<std::string> problem =
                setSysctl(host.sysctls, host.profile, name, text)) {
            // setSysctl() says "expected ..., found ..."; its expectation carries the kernel's
            // range, and the found part is replaced by the JSON value as the file spells it.
            const std::string_view expectedPrefix = "expected ";
            const std::size_t foundAt = problem->rfind(", found ");
            if (problem->starts_with(expectedPrefix) && foundAt != std::string::npos) {
                refuse(entry.pointer,
                       problem->substr(expectedPrefix.size(), foundAt - expectedPrefix.size()),
                       describe(value));
            }
            refuse(entry.pointer, "a value the kernel accepts", *problem);
        }
    }
}

HostConfig readHost(const Node& node) {
    const Fields fields(node, {"name", "address", "profile", "sysctls"});
    HostConfig host;
    host.name = readName(fields.required("name"), "a host name");
    const Node address = fields.required("address");
    const std::string addressText = readString(address);
    // 0.0.0.0 is "any" and 224.0.0.0 and above are multicast or reserved: none can be a TCP
    // endpoint.
    if (!parseIpv4(addressText, host.address) || host.address == 0 || host.address >= 0xE0000000U) {
        refuse(address.pointer, "a unicast IPv4 address such as \"10.0.0.1\"",
               jsonQuoted(addressText));
    }
    if (auto profile = fields.optional("profile")) {
        const std::string key = readString(*profile);
        if (!parseProfileKey(key, host.profile)) {
            std::string names;
            for (int i = 0; i < kKernelProfileCount; ++i) {
                names +=
                    (i == 0 ? "" : ", ") + std::string(profileKey(static_cast<KernelProfile>(i)));
            }
            refuse(profile->pointer, "a kernel profile (" + names + ")", jsonQuoted(key));
        }
    }
    host.sysctls = defaultSysctls(host.profile);
    if (auto sysctls = fields.optional("sysctls")) {
        readSysctls(*sysctls, host);
    }
    return host;
}

// A reference to a host of the scenario, by name.
std::string readHostName(const std::vector<HostConfig>& hosts, const Node& name) {
    const std::string text = readString(name);
    if (std::none_of(hosts.begin(), hosts.end(),
                     [&](const HostConfig& host) { return host.name == text; })) {
        refuse(name.pointer, "the name of a host in /hosts", jsonQuoted(text));
    }
    return text;
}

LoadConfig readLoad(const Node& node, const std::vector<HostConfig>& hosts) {
    const Fields fields(node, {"client", "server", "port", "port_count", "rate", "duration",
                               "request_bytes", "response_bytes", "server_delay", "closer",
                               "sample_every", "client_reads"});
    LoadConfig load;
    load.client = readHostName(hosts, fields.required("client"));
    const Node server = fields.required("server");
    load.server = readHostName(hosts, server);
    if (load.server == load.client) {
        refuse(server.pointer, "a host other than the client", jsonQuoted(load.server));
    }
    if (auto port = fields.optional("port")) {
        load.port = static_cast<std::uint16_t>(readIntegerIn(*port, 1, 65535));
    }
    if (auto count = fields.optional("port_count")) {
        load.portCount = static_cast<std::uint16_t>(readIntegerIn(*count, 1, 65536 - load.port));
    }
    if (auto rate = fields.optional("rate")) {
        load.rate = static_cast<std::uint32_t>(readIntegerIn(*rate, 1, 1'000'000));
    }
    if (auto duration = fields.optional("duration")) {
        load.duration = readDuration(*duration, 1us);
    }
    if (auto bytes = fields.optional("request_bytes")) {
        load.requestBytes = static_cast<std::uint64_t>(readIntegerIn(*bytes, 1, 64 << 20));
    }
    if (auto bytes = fields.optional("response_bytes")) {
        load.responseBytes = static_cast<std::uint64_t>(readIntegerIn(*bytes, 1, 64 << 20));
    }
    if (auto delay = fields.optional("server_delay")) {
        load.serverDelay = readDuration(*delay);
    }
    if (auto closer = fields.optional("closer")) {
        const std::string text = readString(*closer);
        if (!parseCloserKey(text, load.closer)) {
            refuse(closer->pointer, "\"client\" or \"server\"", jsonQuoted(text));
        }
    }
    if (auto every = fields.optional("sample_every")) {
        load.sampleEvery = readDuration(*every, 1ms);
    }
    if (auto reads = fields.optional("client_reads")) {
        if (!reads->value.is_boolean()) {
            refuse(reads->pointer, "true or false", describe(reads->value));
        }
        load.clientReads = reads->value.get<bool>();
    }
    if (load.connections() == 0) {
        refuse(node.pointer + "/duration", "a duration long enough for one connection at this rate",
               jsonQuoted(durationText(load.duration)));
    }
    return load;
}

// A load that would not fit in memory, or would run for hours, is refused before it runs.
void refuseUnboundedLoad(const Node& node, const Scenario& scenario) {
    const LoadEstimate estimate = estimateLoad(scenario);
    const LoadConfig& load = *scenario.load;
    if (estimate.connections > kMaxLoadConnections) {
        refuse(node.pointer + "/rate",
               "at most " + std::to_string(kMaxLoadConnections) +
                   " connections: a lower /load/rate or a shorter /load/duration",
               std::to_string(estimate.connections) + " connections (" + std::to_string(load.rate) +
                   " a second for " + durationText(load.duration) + ")");
    }
    if (estimate.bytes() > kLoadMemoryBudget) {
        const std::uint64_t tenthsOfGib = estimate.bytes() * 10 / (1ULL << 30);
        refuse(node.pointer + "/sample_every",
               "samples that fit in " + std::to_string(kLoadMemoryBudget >> 30) +
                   " GiB: a longer /load/sample_every, a shorter /load/duration or /limit",
               std::to_string(estimate.samples) + " samples (one every " +
                   durationText(load.sampleEvery) + ") of " +
                   std::to_string(estimate.bytesPerSample) + " bytes, about " +
                   std::to_string(tenthsOfGib / 10) + "." + std::to_string(tenthsOfGib % 10) +
                   " GiB");
    }
}

NetworkConfig readNetwork(const Node& node, const std::vector<HostConfig>& hosts) {
    const Fields fields(node, {"delay", "loss", "links"});
    NetworkConfig network;
    if (auto delay = fields.optional("delay")) {
        network.delay = readDuration(*delay);
    }
    if (auto loss = fields.optional("loss")) {
        network.loss = readProbability(*loss);
    }
    if (auto links = fields.optional("links")) {
        if (!links->value.is_array()) {
            refuse(links->pointer, "an array of links", describe(links->value));
        }
        for (std::size_t i = 0; i < links->value.size(); ++i) {
            const Fields link(links->at(i), {"from", "to", "delay", "loss"});
            LinkConfig config;
            config.from = readHostName(hosts, link.required("from"));
            const Node to = link.required("to");
            config.to = readHostName(hosts, to);
            if (config.to == config.from) {
                refuse(to.pointer, "a host other than \"from\"", jsonQuoted(config.to));
            }
            config.delay = readDuration(link.required("delay"));
            if (auto loss = link.optional("loss")) {
                config.loss = readProbability(*loss);
            }
            for (std::size_t j = 0; j < network.links.size(); ++j) {
                if (network.links[j].from == config.from && network.links[j].to == config.to) {
                    refuse(links->at(i).pointer,
                           "one link per direction (" + links->at(j).pointer + " is already " +
                               config.from + " to " + config.to + ")",
                           "a second one");
                }
            }
            network.links.push_back(std::move(config));
        }
    }
    return network;
}

// The keys an action of this call may have.
std::span<const std::string_view> callKeys(AppCallKind call) {
    static constexpr std::array<std::string_view, 6> kCommon = {"host", "socket", "call",
                                                                "at",   "on",     "after"};
    static constexpr std::array<std::string_view, 9> kListen = {
        "host", "socket", "call", "at", "on", "after", "port", "accept", "receive_buffer"};
    static constexpr std::array<std::string_view, 9> kConnect = {
        "host", "socket", "call", "at", "on", "after", "to", "local_port", "receive_buffer"};
    static constexpr std::array<std::string_view, 7> kSend = {"host", "socket", "call", "at",
                                                              "on",   "after",  "bytes"};
    static constexpr std::array<std::string_view, 7> kShutdown = {"host", "socket", "call", "at",
                                                                  "on",   "after",  "how"};
    static constexpr std::array<std::string_view, 8> kSetLinger = {
        "host", "socket", "call", "at", "on", "after", "onoff", "seconds"};
    switch (call) {
    case AppCallKind::Listen:
        return kListen;
    case AppCallKind::Connect:
        return kConnect;
    case AppCallKind::Send:
        return kSend;
    case AppCallKind::Shutdown:
        return kShutdown;
    case AppCallKind::SetLinger:
        return kSetLinger;
    case AppCallKind::Close:
    case AppCallKind::StopReading:
    case AppCallKind::ResumeReading:
        break;
    }
    return kCommon;
}

constexpr std::array<std::string_view, 3> kShutdownNames = {"SHUT_RD", "SHUT_WR", "SHUT_RDWR"};

std::uint32_t readReceiveBuffer(const Node& node) {
    // SO_RCVBUF takes a positive int; the kernel clamps rather than refuses.
    return static_cast<std::uint32_t>(readIntegerIn(node, 1, std::numeric_limits<int>::max()));
}

Action readAction(const Node& node, const std::vector<HostConfig>& hosts) {
    if (!node.value.is_object()) {
        refuse(node.pointer, "an object", describe(node.value));
    }
    Action action;
    {
        // The call decides which other keys are allowed, so it is read first.
        if (!node.value.contains("call")) {
            refuse(node.pointer, "the key \"call\"", "an object without it");
        }
        const Node call = node.at("call");
        const std::string key = readString(call);
        if (!parseAppCallKey(key, action.call)) {
            refuse(call.pointer,
                   "a call (listen, connect, send, shutdown, close, stop_reading, "
                   "resume_reading, set_linger)",
                   jsonQuoted(key));
        }
    }
    const Fields fields(node, callKeys(action.call));
    const Node host = fields.required("host");
    action.host = readString(host);
    if (std::none_of(hosts.begin(), hosts.end(),
                     [&](const HostConfig& h) { return h.name == action.host; })) {
        refuse(host.pointer, "the name of a host in /hosts", jsonQuoted(action.host));
    }
    action.socket = readName(fields.required("socket"), "a socket name");

    const bool opensSocket =
        action.call == AppCallKind::Listen || action.call == AppCallKind::Connect;
    if (fields.has("at") == fields.has("on")) {
        refuse(fields.pointer(), "exactly one of \"at\" (a time) or \"on\" (an event)",
               fields.has("at") ? "both" : "neither");
    }
    if (auto at = fields.optional("at")) {
        if (fields.has("after")) {
            refuse(fields.pointer() + "/after", "\"after\" only together with \"on\"",
                   "it with \"at\"");
        }
        action.time = readDuration(*at);
    } else {
        const Node on = fields.required("on");
        const std::string key = readString(on);
        if (!parseTriggerKey(key, action.trigger) || action.trigger == Trigger::At) {
            refuse(on.pointer, "an event: \"established\", \"eof\" or \"error\"", jsonQuoted(key));
        }
        if (opensSocket) {
            refuse(on.pointer,
                   "\"at\": a " + std::string(appCallKey(action.call)) +
                       " creates its socket, so no earlier event on it can trigger it",
                   jsonQuoted(key));
        }
        if (auto after = fields.optional("after")) {
            action.time = readDuration(*after);
        }
    }

    switch (action.call) {
    case AppCallKind::Listen: {
        action.port = static_cast<std::uint16_t>(readIntegerIn(fields.required("port"), 1, 65535));
        if (auto accept = fields.optional("accept")) {
            if (!accept->value.is_array()) {
                refuse(accept->pointer, "an array of socket names", describe(accept->value));
            }
            for (std::size_t i = 0; i < accept->value.size(); ++i) {
                action.accept.push_back(readName(accept->at(i), "a socket name"));
            }
        }
        if (auto buffer = fields.optional("receive_buffer")) {
            action.receiveBuffer = readReceiveBuffer(*buffer);
        }
        break;
    }
    case AppCallKind::Connect: {
        const Node to = fields.required("to");
        const std::string target = readString(to);
        const std::size_t colon = target.rfind(':');
        const std::string expected = "a host name and port such as \"server:80\"";
        if (colon == std::string::npos) {
            refuse(to.pointer, expected, jsonQuoted(target));
        }
        action.peer = target.substr(0, colon);
        const std::string portText = target.substr(colon + 1);
        const bool digitsOnly = !portText.empty() && portText.size() <= 5 &&
                                std::all_of(portText.begin(), portText.end(), isDigit);
        const int port = digitsOnly ? std::stoi(portText) : 0;
        if (port < 1 || port > 65535) {
            refuse(to.pointer, expected + " with a port in 1..65535", jsonQuoted(target));
        }
        action.peerPort = static_cast<std::uint16_t>(port);
        if (std::none_of(hosts.begin(), hosts.end(),
                         [&](const HostConfig& h) { return h.name == action.peer; })) {
            refuse(to.pointer, "the name of a host in /hosts before the ':'", jsonQuoted(target));
        }
        if (action.peer == action.host) {
            refuse(to.pointer, "another host than \"" + action.host + "\" (no loopback here)",
                   jsonQuoted(target));
        }
        if (auto localPort = fields.optional("local_port")) {
            action.port = static_cast<std::uint16_t>(readIntegerIn(*localPort, 1, 65535));
        }
        if (auto buffer = fields.optional("receive_buffer")) {
            action.receiveBuffer = readReceiveBuffer(*buffer);
        }
        break;
    }
    case AppCallKind::Send:
        action.bytes =
            static_cast<std::uint64_t>(readIntegerIn(fields.required("bytes"), 1, kMaxSendBytes));
        break;
    case AppCallKind::Shutdown: {
        const Node how = fields.required("how");
        const std::string key = readString(how);
        const auto known = std::find(kShutdownNames.begin(), kShutdownNames.end(), key);
        if (known == kShutdownNames.end()) {
            refuse(how.pointer, "\"SHUT_RD\", \"SHUT_WR\" or \"SHUT_RDWR\"", jsonQuoted(key));
        }
        action.how = static_cast<int>(known - kShutdownNames.begin());
        break;
    }
    case AppCallKind::SetLinger: {
        const Node onoff = fields.required("onoff");
        if (!readBool(onoff)) {
            refuse(onoff.pointer, "true (only SO_LINGER on with a zero timeout is modelled)",
                   "false");
        }
        const Node seconds = fields.required("seconds");
        readInteger(seconds, 0, 0, "0 (only SO_LINGER on with a zero timeout is modelled)");
        break;
    }
    case AppCallKind::Close:
    case AppCallKind::StopReading:
    case AppCallKind::ResumeReading:
        break;
    }
    return action;
}

// Which (host, socket) names the actions create, and where: a connect or a listen names its
// socket, and a listen's accept list names the connections it will accept.
using SocketDefinitions = std::map<std::pair<std::string, std::string>, std::string>;

SocketDefinitions defineSockets(const Node& actionsNode, const std::vector<Action>& actions) {
    SocketDefinitions defined;
    const auto define = [&](const std::string& host, const std::string& name,
                            const std::string& pointer) {
        const auto [existing, inserted] = defined.emplace(std::pair{host, name}, pointer);
        if (!inserted) {
            refuse(pointer,
                   "a socket name not yet used on host \"" + host + "\" (" + existing->second +
                       " names it already)",
                   jsonQuoted(name));
        }
    };
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const Action& action = actions[i];
        const std::string pointer = actionsNode.pointer + '/' + std::to_string(i);
        if (action.call == AppCallKind::Connect || action.call == AppCallKind::Listen) {
            define(action.host, action.socket, pointer + "/socket");
        }
        for (std::size_t j = 0; j < action.accept.size(); ++j) {
            define(action.host, action.accept[j], pointer + "/accept/" + std::to_string(j));
        }
    }
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const Action& action = actions[i];
        if (!defined.contains({action.host, action.socket})) {
            refuse(actionsNode.pointer + '/' + std::to_string(i) + "/socket",
                   "a socket that a connect or a listen's accept list on host \"" + action.host +
                       "\" names",
                   jsonQuoted(action.socket));
        }
    }
    return defined;
}

FaultRule readFault(const Node& node, const std::vector<HostConfig>& hosts,
                    const SocketDefinitions& sockets) {
    const Fields fields(node, {"match", "action", "delay"});
    FaultRule rule;
    const Fields match(fields.required("match"),
                       {"from", "to", "socket", "flags", "not_flags", "data", "nth", "ordinal"});
    if (auto from = match.optional("from")) {
        rule.from = readHostName(hosts, *from);
    }
    if (auto to = match.optional("to")) {
        rule.to = readHostName(hosts, *to);
    }
    if (auto socket = match.optional("socket")) {
        rule.socket = readName(*socket, "a socket name");
        const bool known = std::any_of(sockets.begin(), sockets.end(), [&](const auto& entry) {
            return entry.first.second == rule.socket &&
                   (rule.from.empty() || entry.first.first == rule.from);
        });
        if (!known) {
            refuse(socket->pointer,
                   rule.from.empty() ? "a socket that an action names"
                                     : "a socket that an action names on host \"" + rule.from + '"',
                   jsonQuoted(rule.socket));
        }
    }
    if (auto flags = match.optional("flags")) {
        rule.flags = readFlags(*flags);
    }
    if (auto notFlags = match.optional("not_flags")) {
        rule.notFlags = readFlags(*notFlags);
        if ((rule.notFlags & rule.flags) != 0) {
            refuse(notFlags->pointer, "flags that \"flags\" does not also require",
                   jsonQuoted(formatFlags(rule.notFlags & rule.flags)));
        }
    }
    if (auto data = match.optional("data")) {
        rule.data = readBool(*data) ? 1 : 0;
    }
    constexpr std::int64_t kMaxCount = std::numeric_limits<std::uint32_t>::max();
    if (auto nth = match.optional("nth")) {
        rule.nth = static_cast<std::uint32_t>(readIntegerIn(*nth, 1, kMaxCount));
    }
    if (auto ordinal = match.optional("ordinal")) {
        rule.ordinal = static_cast<std::uint32_t>(readIntegerIn(*ordinal, 1, kMaxCount));
    }
    const Node action = fields.required("action");
    const std::string key = readString(action);
    if (!parseFaultActionKey(key, rule.action)) {
        refuse(action.pointer, "\"drop\", \"delay\" or \"duplicate\"", jsonQuoted(key));
    }
    if (rule.action == FaultAction::Delay) {
        rule.delay = readDuration(fields.required("delay"), 1us);
    } else if (fields.has("delay")) {
        refuse(fields.pointer() + "/delay", "\"delay\" only with the action \"delay\"",
               "it with " + jsonQuoted(key));
    }
    return rule;
}

Scenario readScenario(const Node& root) {
    if (!root.value.is_object()) {
        refuse(root.pointer, "a scenario object", describe(root.value));
    }
    // Format and version first: for some other JSON file "not a scenario" is the useful message.
    if (!root.value.contains("format")) {
        refuse(root.pointer, "the key \"format\": \"" + std::string(kFormatName) + '"',
               "an object without it");
    }
    const Node format = root.at("format");
    if (!format.value.is_string() || format.value.get<std::string>() != kFormatName) {
        refuse(format.pointer, '"' + std::string(kFormatName) + '"', describe(format.value));
    }
    if (!root.value.contains("version")) {
        refuse(root.pointer, "the key \"version\"", "an object without it");
    }
    readInteger(root.at("version"), kScenarioFormatVersion, kScenarioFormatVersion,
                std::to_string(kScenarioFormatVersion) + " (the version this program reads)");

    const Fields fields(root, {"format", "version", "id", "lesson", "title", "description", "watch",
                               "seed", "limit", "hosts", "network", "actions", "faults", "load"});
    Scenario scenario;
    if (auto id = fields.optional("id")) {
        scenario.id = readString(*id);
    }
    if (auto lesson = fields.optional("lesson")) {
        scenario.lesson = readString(*lesson);
    }
    if (auto title = fields.optional("title")) {
        scenario.title = readLocalizedText(*title);
    }
    if (auto description = fields.optional("description")) {
        scenario.description = readLocalizedText(*description);
    }
    if (auto watch = fields.optional("watch")) {
        scenario.watch = readLocalizedText(*watch);
    }
    if (auto seed = fields.optional("seed")) {
        if (!seed->value.is_number_unsigned()) {
            refuse(seed->pointer, "an integer in 0..18446744073709551615", describe(seed->value));
        }
        scenario.seed = seed->value.get<std::uint64_t>();
    }
    if (auto limit = fields.optional("limit")) {
        scenario.limit = readDuration(*limit, 1us);
    }

    const Node hosts = fields.required("hosts");
    if (!hosts.value.is_array() || hosts.value.empty()) {
        refuse(hosts.pointer, "an array of at least one host", describe(hosts.value));
    }
    // Several hosts may share an address: that is how a NAT looks from the other side.
    for (std::size_t i = 0; i < hosts.value.size(); ++i) {
        const Node node = hosts.at(i);
        HostConfig host = readHost(node);
        for (std::size_t j = 0; j < scenario.hosts.size(); ++j) {
            if (scenario.hosts[j].name == host.name) {
                refuse(node.pointer + "/name",
                       "a host name not yet used (" + hosts.at(j).pointer + " has it)",
                       jsonQuoted(host.name));
            }
        }
        scenario.hosts.push_back(std::move(host));
    }

    if (auto network = fields.optional("network")) {
        scenario.network = readNetwork(*network, scenario.hosts);
    }

    const Json emptyArray = Json::array();
    const Node actions =
        fields.has("actions") ? fields.required("actions") : Node{emptyArray, "/actions"};
    if (!actions.value.is_array()) {
        refuse(actions.pointer, "an array of actions", describe(actions.value));
    }
    for (std::size_t i = 0; i < actions.value.size(); ++i) {
        scenario.actions.push_back(readAction(actions.at(i), scenario.hosts));
    }
    const SocketDefinitions sockets = defineSockets(actions, scenario.actions);

    if (auto faults = fields.optional("faults")) {
        if (!faults->value.is_array()) {
            refuse(faults->pointer, "an array of fault rules", describe(faults->value));
        }
        for (std::size_t i = 0; i < faults->value.size(); ++i) {
            scenario.faults.push_back(readFault(faults->at(i), scenario.hosts, sockets));
        }
    }
    if (auto load = fields.optional("load")) {
        scenario.load = readLoad(*load, scenario.hosts);
        refuseUnboundedLoad(*load, scenario);
    }
    return scenario;
}

// Thrown from the parser callback to stop at the first array or object nested too deep.
struct TooDeep {};

// The byte offset of the "[" or "{" that opens nesting level `level` (1 = the outermost), strings
// skipped; text.size() if there is none.
std::size_t openingOfLevel(const std::string& text, int level) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth == level) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return text.size();
}

// nlohmann's parser keeps the last of two equal keys without a word. A parser callback tracks
// where the parser is, so that a repeated key can be refused with its JSON pointer.
class DuplicateKeyWatch {
public:
    bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            // `depth` counts the levels already open around this one.
            if (depth >= kMaxNesting) {
                throw TooDeep{};
            }
            countElement();
            frames_.push_back({event == Json::parse_event_t::array_start, 0, {}, {}});
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end:
            frames_.pop_back();
            break;
        case Json::parse_event_t::key: {
            Frame& frame = frames_.back();
            frame.currentKey = parsed.get<std::string>();
            if (!frame.keys.insert(frame.currentKey).second && !duplicate_) {
                duplicate_ = Refusal{pointer(), "each key once in an object",
                                     "the key " + jsonQuoted(frame.currentKey) + " twice"};
            }
            break;
        }
        case Json::parse_event_t::value:
            countElement();
            break;
        }
        return true;
    }

    const std::optional<Refusal>& duplicate() const { return duplicate_; }

private:
    struct Frame {
        bool isArray;
        std::size_t elements;
        std::set<std::string> keys;
        std::string currentKey;
    };

    void countElement() {
        if (!frames_.empty() && frames_.back().isArray) {
            ++frames_.back().elements;
        }
    }

    std::string pointer() const {
        std::string out;
        for (const Frame& frame : frames_) {
            out += '/';
            out +=
                frame.isArray ? std::to_string(frame.elements - 1) : pointerToken(frame.currentKey);
        }
        return out;
    }

    std::vector<Frame> frames_;
    std::optional<Refusal> duplicate_;
};

// "byte 57 (line 3, column 5)": the byte offset nlohmann reports, with the line and column an
// editor shows.
std::string byteLocation(const std::string& text, std::size_t byte) {
    const std::size_t end = std::min(byte, text.size());
    std::size_t line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i + 1 < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const std::size_t column = end > lineStart ? end - lineStart : 1;
    return "byte " + std::to_string(byte) + " (line " + std::to_string(line) + ", column " +
           std::to_string(column) + ')';
}

// nlohmann says "syntax error while parsing object - unexpected '}'; expected string literal";
// this splits that into what was expected and what was found.
Refusal syntaxRefusal(const Json::parse_error& error, const std::string& text) {
    std::string detail = error.what();
    if (const std::size_t column = detail.find(", column "); column != std::string::npos) {
        if (const std::size_t colon = detail.find(": ", column); colon != std::string::npos) {
            detail = detail.substr(colon + 2);
        }
    }
    Refusal refusal{byteLocation(text, error.byte), "valid JSON", detail};
    const std::string_view prefix = "syntax error while parsing ";
    const std::size_t dash = detail.find(" - ");
    if (!detail.starts_with(prefix) || dash == std::string::npos) {
        return refusal;
    }
    const std::string context = detail.substr(prefix.size(), dash - prefix.size());
    std::string problem = detail.substr(dash + 3);
    refusal.expected = "a JSON " + context;
    if (const std::size_t expected = problem.find("; expected "); expected != std::string::npos) {
        refusal.expected = problem.substr(expected + 11);
        problem.resize(expected);
    }
    if (problem.starts_with("invalid literal")) {
        // nlohmann's "last read" for a literal runs from the end of the previous string token
        // ("\"hosts\": tru}"), so the word is found in the text instead: the letters that end at
        // or just before the byte where the lexer stopped, and what follows them up to the next
        // delimiter, as an editor would select it.
        const auto isLetter = [](char c) { return c >= 'a' && c <= 'z'; };
        std::size_t start = std::min(error.byte, text.size());
        if (start > 0 && !isLetter(text[start - 1])) {
            --start;
        }
        while (start > 0 && isLetter(text[start - 1])) {
            --start;
        }
        std::size_t end = start;
        while (end < text.size() &&
               std::string_view(" \t\r\n,:[]{}\"").find(text[end]) == std::string_view::npos) {
            ++end;
        }
        if (end == start && start < text.size()) {
            ++end;
        }
        refusal.location = byteLocation(text, start + 1);
        refusal.found = jsonQuoted(text.substr(start, end - start)) + " (invalid literal)";
        return refusal;
    }
    if (const std::size_t lastRead = problem.find("; last read: '");
        lastRead != std::string::npos) {
        std::string token = problem.substr(lastRead + 14);
        if (!token.empty() && token.back() == '\'') {
            token.pop_back();
        }
        problem = jsonQuoted(token) + " (" + problem.substr(0, lastRead) + ')';
    } else if (problem.starts_with("unexpected ")) {
        problem = problem.substr(11);
    }
    refusal.found = problem;
    return refusal;
}

OrderedJson localizedJson(const LocalizedText& text) {
    OrderedJson out = OrderedJson::object();
    out["en"] = text.en;
    out["zh_CN"] = text.zh_CN;
    return out;
}

OrderedJson hostJson(const HostConfig& host) {
    OrderedJson out;
    out["name"] = host.name;
    out["address"] = formatIpv4(host.address);
    out["profile"] = std::string(profileKey(host.profile));
    const Sysctls defaults = defaultSysctls(host.profile);
    OrderedJson sysctls = OrderedJson::object();
    for (const SysctlKnob& knob : sysctlKnobs()) {
        const std::string name(knob.name);
        if (sysctlValueText(host.sysctls, name) == sysctlValueText(defaults, name)) {
            continue;
        }
        if (knob.name == kPortRangeName) {
            sysctls[name] = sysctlValueText(host.sysctls, name);
        } else {
            sysctls[name] = host.sysctls.*(knob.field);
        }
    }
    if (!sysctls.empty()) {
        out["sysctls"] = std::move(sysctls);
    }
    return out;
}

OrderedJson loadJson(const LoadConfig& load) {
    const LoadConfig defaults;
    OrderedJson out;
    out["client"] = load.client;
    out["server"] = load.server;
    out["port"] = load.port;
    out["port_count"] = load.portCount;
    out["rate"] = load.rate;
    out["duration"] = durationText(load.duration);
    out["request_bytes"] = load.requestBytes;
    out["response_bytes"] = load.responseBytes;
    if (load.serverDelay != defaults.serverDelay) {
        out["server_delay"] = durationText(load.serverDelay);
    }
    out["closer"] = std::string(closerKey(load.closer));
    if (load.sampleEvery != defaults.sampleEvery) {
        out["sample_every"] = durationText(load.sampleEvery);
    }
    if (load.clientReads != defaults.clientReads) {
        out["client_reads"] = load.clientReads;
    }
    return out;
}

OrderedJson networkJson(const NetworkConfig& network) {
    OrderedJson out;
    out["delay"] = durationText(network.delay);
    out["loss"] = network.loss;
    if (!network.links.empty()) {
        OrderedJson links = OrderedJson::array();
        for (const LinkConfig& link : network.links) {
            OrderedJson entry;
            entry["from"] = link.from;
            entry["to"] = link.to;
            entry["delay"] = durationText(link.delay);
            entry["loss"] = link.loss;
            links.push_back(std::move(entry));
        }
        out["links"] = std::move(links);
    }
    return out;
}

OrderedJson actionJson(const Action& action) {
    OrderedJson out;
    out["host"] = action.host;
    out["socket"] = action.socket;
    out["call"] = std::string(appCallKey(action.call));
    if (action.trigger == Trigger::At) {
        out["at"] = durationText(action.time);
    } else {
        out["on"] = std::string(triggerKey(action.trigger));
        if (action.time != Duration::zero()) {
            out["after"] = durationText(action.time);
        }
    }
    switch (action.call) {
    case AppCallKind::Listen:
        out["port"] = action.port;
        if (!action.accept.empty()) {
            out["accept"] = action.accept;
        }
        break;
    case AppCallKind::Connect:
        out["to"] = action.peer + ':' + std::to_string(action.peerPort);
        if (action.port != 0) {
            out["local_port"] = action.port;
        }
        break;
    case AppCallKind::Send:
        out["bytes"] = action.bytes;
        break;
    case AppCallKind::Shutdown:
        out["how"] = std::string(kShutdownNames.at(static_cast<std::size_t>(action.how)));
        break;
    case AppCallKind::SetLinger:
        out["onoff"] = true;
        out["seconds"] = 0;
        break;
    case AppCallKind::Close:
    case AppCallKind::StopReading:
    case AppCallKind::ResumeReading:
        break;
    }
    if (action.receiveBuffer != 0) {
        out["receive_buffer"] = action.receiveBuffer;
    }
    return out;
}

OrderedJson faultJson(const FaultRule& rule) {
    OrderedJson match = OrderedJson::object();
    if (!rule.from.empty()) {
        match["from"] = rule.from;
    }
    if (!rule.to.empty()) {
        match["to"] = rule.to;
    }
    if (!rule.socket.empty()) {
        match["socket"] = rule.socket;
    }
    if (rule.flags != 0) {
        match["flags"] = formatFlags(rule.flags);
    }
    if (rule.notFlags != 0) {
        match["not_flags"] = formatFlags(rule.notFlags);
    }
    if (rule.data >= 0) {
        match["data"] = rule.data == 1;
    }
    if (rule.nth != 0) {
        match["nth"] = rule.nth;
    }
    if (rule.ordinal != 0) {
        match["ordinal"] = rule.ordinal;
    }
    OrderedJson out;
    out["match"] = std::move(match);
    out["action"] = std::string(faultActionKey(rule.action));
    if (rule.action == FaultAction::Delay) {
        out["delay"] = durationText(rule.delay);
    }
    return out;
}

std::string compact(const OrderedJson& value) {
    // The same separators a person types: ", " and ": ".
    if (value.is_object()) {
        if (value.empty()) {
            return "{}";
        }
        std::string out = "{";
        for (auto it = value.begin(); it != value.end(); ++it) {
            out += (it == value.begin() ? "" : ", ") + OrderedJson(it.key()).dump() + ": " +
                   compact(it.value());
        }
        return out + '}';
    }
    if (value.is_array()) {
        if (value.empty()) {
            return "[]";
        }
        std::string out = "[";
        for (std::size_t i = 0; i < value.size(); ++i) {
            out += (i == 0 ? "" : ", ") + compact(value[i]);
        }
        return out + ']';
    }
    return value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

std::size_t displayWidth(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Two-space indentation, but an object or array that fits on its line stays on one line, so
// that each host, action and fault reads as one row. Rows are wider than code lines: an action
// with its timing and arguments is about 110 columns.
void writePretty(const OrderedJson& value, std::size_t indent, std::size_t usedColumns,
                 bool topLevel, std::string& out) {
    constexpr std::size_t kLineWidth = 120;
    const std::string oneLine = compact(value);
    if (!value.is_structured() || value.empty() ||
        (!topLevel && usedColumns + displayWidth(oneLine) + 1 <= kLineWidth)) {
        out += oneLine;
        return;
    }
    const std::string inner(indent + 2, ' ');
    out += value.is_object() ? "{\n" : "[\n";
    std::size_t index = 0;
    for (auto it = value.begin(); it != value.end(); ++it, ++index) {
        out += inner;
        std::size_t used = inner.size();
        if (value.is_object()) {
            const std::string key = OrderedJson(it.key()).dump() + ": ";
            out += key;
            used += displayWidth(key);
        }
        writePretty(it.value(), indent + 2, used, false, out);
        out += index + 1 < value.size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + (value.is_object() ? '}' : ']');
}

} // namespace

std::string LoadError::message() const {
    std::string out;
    if (!file.empty()) {
        out += file + ": ";
    }
    if (!location.empty()) {
        out += location + ": ";
    }
    return out + "expected " + expected + ", found " + found;
}

LoadResult parseScenario(const std::string& jsonText, const std::string& fileName) {
    DuplicateKeyWatch watch;
    Json document;
    try {
        document = Json::parse(jsonText, std::ref(watch));
    } catch (const TooDeep&) {
        return LoadError{
            fileName, byteLocation(jsonText, openingOfLevel(jsonText, kMaxNesting + 1) + 1),
            "arrays and objects nested at most " + std::to_string(kMaxNesting) + " deep",
            "one more level"};
    } catch (const Json::parse_error& error) {
        const Refusal refusal = syntaxRefusal(error, jsonText);
        return LoadError{fileName, refusal.location, refusal.expected, refusal.found};
    } catch (const Json::exception& error) {
        // A number too large for a double ("1e999") is refused after the parse error path,
        // without a byte offset; its text is in the message, so it is found again here.
        std::string detail = error.what();
        std::string token;
        if (const std::size_t open = detail.find('\''); open != std::string::npos) {
            token = detail.substr(open + 1, detail.rfind('\'') - open - 1);
        }
        const std::size_t offset = token.empty() ? std::string::npos : jsonText.find(token);
        return LoadError{fileName,
                         offset == std::string::npos ? std::string("top level")
                                                     : byteLocation(jsonText, offset + 1),
                         "a number a double can hold", token.empty() ? detail : token};
    }
    if (const std::optional<Refusal>& duplicate = watch.duplicate()) {
        return LoadError{fileName, duplicate->location, duplicate->expected, duplicate->found};
    }
    try {
        return readScenario(Node{document, ""});
    } catch (const Refusal& refusal) {
        return LoadError{fileName, refusal.location, refusal.expected, refusal.found};
    }
}

LoadResult loadScenario(const std::string& path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        return LoadError{path, "", "a scenario file", "a folder"};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return LoadError{path, "", "a readable scenario file", std::strerror(errno)};
    }
    std::string text(kMaxFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        return LoadError{path, "", "a readable scenario file", std::strerror(errno)};
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) {
        return LoadError{path, "", "a scenario file of at most 4 MiB", "a larger file"};
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return LoadError{path, "", "a scenario (a JSON object)", "an empty file"};
    }
    return parseScenario(text, path);
}

std::string serializeScenario(const Scenario& scenario) {
    OrderedJson out;
    out["format"] = std::string(kFormatName);
    out["version"] = kScenarioFormatVersion;
    out["id"] = scenario.id;
    out["lesson"] = scenario.lesson;
    out["title"] = localizedJson(scenario.title);
    out["description"] = localizedJson(scenario.description);
    out["watch"] = localizedJson(scenario.watch);
    out["seed"] = scenario.seed;
    out["limit"] = durationText(scenario.limit);
    out["hosts"] = OrderedJson::array();
    for (const HostConfig& host : scenario.hosts) {
        out["hosts"].push_back(hostJson(host));
    }
    out["network"] = networkJson(scenario.network);
    out["actions"] = OrderedJson::array();
    for (const Action& action : scenario.actions) {
        out["actions"].push_back(actionJson(action));
    }
    out["faults"] = OrderedJson::array();
    for (const FaultRule& rule : scenario.faults) {
        out["faults"].push_back(faultJson(rule));
    }
    if (scenario.load) {
        out["load"] = loadJson(*scenario.load);
    }
    std::string text;
    writePretty(out, 0, 0, true, text);
    return text + '\n';
}

std::optional<std::string> saveScenario(const Scenario& scenario, const std::string& path) {
    return writeFileAtomically(path, serializeScenario(scenario));
}

} // namespace tdl
