#include "scenario_fields.h"

#include "load_fields.h"
#include "scenario_format.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <span>
#include <utility>

namespace tdl::scenario_io {

using Id = LoadPhrase::Id;

namespace {

// A send bigger than this would make a trace nobody can read, and a run that takes seconds.
constexpr std::int64_t kMaxSendBytes = 64 * 1024 * 1024;

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

std::uint8_t readFlags(const Node& node, Id expected = Id::Flags) {
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
            refuse(node.pointer, phrase(expected), verbatim(jsonQuoted(text)));
        }
        flags |= known->second;
        start = comma + 1;
    }
    return flags;
}

void readSysctls(const Node& node, HostConfig& host) {
    if (!node.value.is_object()) {
        refuse(node.pointer, phrase(Id::SysctlObject), describe(node.value));
    }
    for (const auto& [name, value] : node.value.items()) {
        const Node entry = node.at(name);
        const SysctlKnob* knob = findSysctl(name);
        if (knob == nullptr) {
            refuse(entry.pointer, phrase(Id::ModelledSysctl), phrase(Id::Key, {jsonQuoted(name)}));
        }
        if (!knob->existsIn(host.profile)) {
            refuse(entry.pointer,
                   phrase(Id::SysctlInProfile, {std::string(profileKey(host.profile))}),
                   phrase(Id::Key, {jsonQuoted(name)}));
        }
        std::string text;
        if (sysctlTakesList(name)) {
            if (!value.is_string()) {
                refuse(entry.pointer,
                       name == kPortRangeName
                           ? phrase(Id::PortRangeString)
                           : phrase(Id::SysctlExpectation,
                                    {"three integers \"min default max\", each at least 1 (the "
                                     "kernel's range)"}),
                       describe(value));
            }
            text = value.get<std::string>();
        } else {
            if (!value.is_number_integer()) {
                refuse(entry.pointer, phrase(Id::Integer), describe(value));
            }
            text = value.dump();
        }
        if (std::optional<std::string> problem =
                setSysctl(host.sysctls, host.profile, name, text, host.hz)) {
            // setSysctl() says "expected ..., found ..."; its expectation carries the kernel's
            // range, and the found part is replaced by the JSON value as the file spells it.
            const std::string_view expectedPrefix = "expected ";
            const std::size_t foundAt = problem->rfind(", found ");
            if (problem->starts_with(expectedPrefix) && foundAt != std::string::npos) {
                refuse(entry.pointer,
                       phrase(Id::SysctlExpectation,
                              {problem->substr(expectedPrefix.size(),
                                               foundAt - expectedPrefix.size())}),
                       describe(value));
            }
            refuse(entry.pointer, phrase(Id::KernelValue), phrase(Id::SysctlRefusal, {*problem}));
        }
    }
}

HostConfig readHost(const Node& node) {
    const Fields fields(node, {"name", "address", "profile", "hz", "sysctls", "scripted"});
    HostConfig host;
    host.name = readName(fields.required("name"), Id::HostName);
    const Node address = fields.required("address");
    const std::string addressText = readString(address);
    // 0.0.0.0 is "any" and 224.0.0.0 and above are multicast or reserved: none can be a TCP
    // endpoint.
    if (!parseIpv4(addressText, host.address) || host.address == 0 || host.address >= 0xE0000000U) {
        refuse(address.pointer, phrase(Id::UnicastAddress), verbatim(jsonQuoted(addressText)));
    }
    if (auto profile = fields.optional("profile")) {
        const std::string key = readString(*profile);
        if (!parseProfileKey(key, host.profile)) {
            std::string names;
            for (int i = 0; i < kKernelProfileCount; ++i) {
                names +=
                    (i == 0 ? "" : ", ") + std::string(profileKey(static_cast<KernelProfile>(i)));
            }
            refuse(profile->pointer, phrase(Id::KernelProfile, {names}), verbatim(jsonQuoted(key)));
        }
    }
    if (auto hz = fields.optional("hz")) {
        // CONFIG_HZ: the values the engine models.
        host.hz = static_cast<int>(readIntegerIn(*hz, 250, 1000));
        if (!isModelledHz(host.hz)) {
            refuse(hz->pointer, verbatim("{250, 1000}"), verbatim(std::to_string(host.hz)));
        }
    }
    host.sysctls = defaultSysctls(host.profile);
    if (auto sysctls = fields.optional("sysctls")) {
        readSysctls(*sysctls, host);
    }
    if (auto scripted = fields.optional("scripted")) {
        host.scripted = readBool(*scripted);
    }
    return host;
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
            refuse(links->pointer, phrase(Id::LinkArray), describe(links->value));
        }
        for (std::size_t i = 0; i < links->value.size(); ++i) {
            const Fields link(links->at(i), {"from", "to", "delay", "loss"});
            LinkConfig config;
            config.from = readHostName(hosts, link.required("from"));
            const Node to = link.required("to");
            config.to = readHostName(hosts, to);
            if (config.to == config.from) {
                refuse(to.pointer, phrase(Id::HostOtherThanFrom), verbatim(jsonQuoted(config.to)));
            }
            config.delay = readDuration(link.required("delay"));
            if (auto loss = link.optional("loss")) {
                config.loss = readProbability(*loss);
            }
            for (std::size_t j = 0; j < network.links.size(); ++j) {
                if (network.links[j].from == config.from && network.links[j].to == config.to) {
                    refuse(links->at(i).pointer,
                           phrase(Id::OneLinkPerDirection,
                                  {links->at(j).pointer, config.from, config.to}),
                           phrase(Id::SecondOne));
                }
            }
            network.links.push_back(std::move(config));
        }
    }
    return network;
}

// The keys an action of this call may have.
std::span<const std::string_view> callKeys(AppCallKind call) {
    static constexpr std::array<std::string_view, 7> kCommon = {"host", "socket", "call", "at",
                                                                "on",   "after",  "step"};
    static constexpr std::array<std::string_view, 10> kListen = {
        "host", "socket", "call", "at", "on", "after", "step", "port", "accept", "receive_buffer"};
    static constexpr std::array<std::string_view, 10> kConnect = {
        "host",  "socket", "call", "at",         "on",
        "after", "step",   "to",   "local_port", "receive_buffer"};
    static constexpr std::array<std::string_view, 8> kSend = {"host", "socket", "call", "at",
                                                              "on",   "after",  "step", "bytes"};
    static constexpr std::array<std::string_view, 8> kShutdown = {"host", "socket", "call", "at",
                                                                  "on",   "after",  "step", "how"};
    static constexpr std::array<std::string_view, 9> kSetLinger = {
        "host", "socket", "call", "at", "on", "after", "step", "onoff", "seconds"};
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

// A place in the scenario's step order (Scenario::actions' and crafted's `step`); 0 means none.
std::uint32_t readStep(const Node& node) {
    return static_cast<std::uint32_t>(
        readIntegerIn(node, 1, std::numeric_limits<std::uint32_t>::max()));
}

std::uint32_t readReceiveBuffer(const Node& node) {
    // SO_RCVBUF takes a positive int; the kernel clamps rather than refuses.
    return static_cast<std::uint32_t>(readIntegerIn(node, 1, std::numeric_limits<int>::max()));
}

Action readAction(const Node& node, const std::vector<HostConfig>& hosts) {
    if (!node.value.is_object()) {
        refuse(node.pointer, phrase(Id::Object), describe(node.value));
    }
    Action action;
    {
        // The call decides which other keys are allowed, so it is read first.
        if (!node.value.contains("call")) {
            refuse(node.pointer, phrase(Id::Key, {"\"call\""}), phrase(Id::ObjectWithoutIt));
        }
        const Node call = node.at("call");
        const std::string key = readString(call);
        if (!parseAppCallKey(key, action.call)) {
            refuse(call.pointer, phrase(Id::Call), verbatim(jsonQuoted(key)));
        }
    }
    const Fields fields(node, callKeys(action.call));
    const Node host = fields.required("host");
    action.host = readString(host);
    if (std::none_of(hosts.begin(), hosts.end(),
                     [&](const HostConfig& h) { return h.name == action.host; })) {
        refuse(host.pointer, phrase(Id::HostInHosts), verbatim(jsonQuoted(action.host)));
    }
    action.socket = readName(fields.required("socket"), Id::SocketName);

    const bool opensSocket =
        action.call == AppCallKind::Listen || action.call == AppCallKind::Connect;
    if (fields.has("at") == fields.has("on")) {
        refuse(fields.pointer(), phrase(Id::AtOrOn),
               phrase(fields.has("at") ? Id::Both : Id::Neither));
    }
    if (auto at = fields.optional("at")) {
        if (fields.has("after")) {
            refuse(fields.pointer() + "/after", phrase(Id::AfterOnlyWithOn), phrase(Id::ItWithAt));
        }
        action.time = readDuration(*at);
        if (auto step = fields.optional("step")) {
            action.step = readStep(*step);
        }
    } else {
        if (fields.has("step")) {
            refuse(fields.pointer() + "/step", phrase(Id::StepOnlyWithAt),
                   phrase(Id::ItWith, {"\"on\""}));
        }
        const Node on = fields.required("on");
        const std::string key = readString(on);
        if (!parseTriggerKey(key, action.trigger) || action.trigger == Trigger::At) {
            refuse(on.pointer, phrase(Id::Event), verbatim(jsonQuoted(key)));
        }
        if (opensSocket) {
            refuse(on.pointer, phrase(Id::AtForOpeningCall, {std::string(appCallKey(action.call))}),
                   verbatim(jsonQuoted(key)));
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
                refuse(accept->pointer, phrase(Id::SocketNameArray), describe(accept->value));
            }
            for (std::size_t i = 0; i < accept->value.size(); ++i) {
                action.accept.push_back(readName(accept->at(i), Id::SocketName));
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
        if (colon == std::string::npos) {
            refuse(to.pointer, phrase(Id::HostAndPort), verbatim(jsonQuoted(target)));
        }
        action.peer = target.substr(0, colon);
        const std::string portText = target.substr(colon + 1);
        const bool digitsOnly = !portText.empty() && portText.size() <= 5 &&
                                std::all_of(portText.begin(), portText.end(), isDigit);
        const int port = digitsOnly ? std::stoi(portText) : 0;
        if (port < 1 || port > 65535) {
            refuse(to.pointer, phrase(Id::HostAndPortInRange), verbatim(jsonQuoted(target)));
        }
        action.peerPort = static_cast<std::uint16_t>(port);
        if (std::none_of(hosts.begin(), hosts.end(),
                         [&](const HostConfig& h) { return h.name == action.peer; })) {
            refuse(to.pointer, phrase(Id::HostBeforeColon), verbatim(jsonQuoted(target)));
        }
        if (action.peer == action.host) {
            refuse(to.pointer, phrase(Id::NoLoopback, {action.host}), verbatim(jsonQuoted(target)));
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
            refuse(how.pointer, phrase(Id::ShutdownHow), verbatim(jsonQuoted(key)));
        }
        action.how = static_cast<int>(known - kShutdownNames.begin());
        break;
    }
    case AppCallKind::SetLinger: {
        const Node onoff = fields.required("onoff");
        if (!readBool(onoff)) {
            refuse(onoff.pointer, phrase(Id::LingerOn), verbatim("false"));
        }
        const Node seconds = fields.required("seconds");
        readInteger(seconds, 0, 0, phrase(Id::LingerZeroSeconds));
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
            refuse(pointer, phrase(Id::UnusedSocketName, {host, existing->second}),
                   verbatim(jsonQuoted(name)));
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
                   phrase(Id::SocketDefinedOnHost, {action.host}),
                   verbatim(jsonQuoted(action.socket)));
        }
    }
    return defined;
}

FaultRule readFault(const Node& node, const std::vector<HostConfig>& hosts,
                    const SocketDefinitions& sockets) {
    const Fields fields(node, {"match", "action", "delay"});
    FaultRule rule;
    const Fields match(fields.required("match"), {"from", "to", "socket", "flags", "not_flags",
                                                  "data", "nth", "ordinal", "seq"});
    if (auto from = match.optional("from")) {
        rule.from = readHostName(hosts, *from);
    }
    if (auto to = match.optional("to")) {
        rule.to = readHostName(hosts, *to);
    }
    if (auto socket = match.optional("socket")) {
        rule.socket = readName(*socket, Id::SocketName);
        const bool known = std::any_of(sockets.begin(), sockets.end(), [&](const auto& entry) {
            return entry.first.second == rule.socket &&
                   (rule.from.empty() || entry.first.first == rule.from);
        });
        if (!known) {
            refuse(socket->pointer,
                   rule.from.empty() ? phrase(Id::SocketOfAction)
                                     : phrase(Id::SocketOfActionOnHost, {rule.from}),
                   verbatim(jsonQuoted(rule.socket)));
        }
    }
    if (auto flags = match.optional("flags")) {
        rule.flags = readFlags(*flags);
    }
    if (auto notFlags = match.optional("not_flags")) {
        rule.notFlags = readFlags(*notFlags);
        if ((rule.notFlags & rule.flags) != 0) {
            refuse(notFlags->pointer, phrase(Id::FlagsNotRequired),
                   verbatim(jsonQuoted(formatFlags(rule.notFlags & rule.flags))));
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
    if (auto seq = match.optional("seq")) {
        // Relative to the sender's ISN, modulo 2^32 like any sequence number: 0 is the SYN.
        rule.seq = static_cast<std::uint32_t>(readIntegerIn(*seq, 0, kMaxCount));
    }
    const Node action = fields.required("action");
    const std::string key = readString(action);
    if (!parseFaultActionKey(key, rule.action)) {
        refuse(action.pointer, phrase(Id::FaultAction), verbatim(jsonQuoted(key)));
    }
    if (rule.action == FaultAction::Delay) {
        rule.delay = readDuration(fields.required("delay"), 1us);
    } else if (fields.has("delay")) {
        refuse(fields.pointer() + "/delay", phrase(Id::DelayOnlyWithDelay),
               phrase(Id::ItWith, {jsonQuoted(key)}));
    }
    return rule;
}

// A crafted segment's seq or ack (or TSecr): an absolute 32-bit number, or {"relative": n}.
CraftedNumber readCraftedNumber(const Node& node) {
    constexpr std::int64_t kMax = std::numeric_limits<std::uint32_t>::max();
    const LoadPhrase expected = phrase(Id::SequenceNumber);
    if (node.value.is_object()) {
        const Fields fields(node, {"relative"});
        return CraftedNumber{
            static_cast<std::uint32_t>(readInteger(fields.required("relative"), 0, kMax, expected)),
            true};
    }
    if (!node.value.is_number_integer()) {
        refuse(node.pointer, expected, describe(node.value));
    }
    return CraftedNumber{static_cast<std::uint32_t>(readInteger(node, 0, kMax, expected)), false};
}

void readCraftedOptions(const Node& node, CraftedSegment& crafted) {
    const Fields fields(node, {"mss", "sack_permitted", "window_scale", "timestamp"});
    if (auto mss = fields.optional("mss")) {
        crafted.mss = static_cast<std::uint16_t>(readIntegerIn(*mss, 1, 65535));
    }
    if (auto sack = fields.optional("sack_permitted")) {
        crafted.sackPermitted = readBool(*sack);
    }
    if (auto scale = fields.optional("window_scale")) {
        // The option's byte may say more, but RFC 7323 §2.3 caps the shift at 14.
        crafted.windowScale = static_cast<std::int8_t>(readIntegerIn(*scale, 0, 14));
    }
    if (auto timestamp = fields.optional("timestamp")) {
        const Fields ts(*timestamp, {"val", "ecr"});
        CraftedTimestamp option;
        option.value = static_cast<std::uint32_t>(
            readIntegerIn(ts.required("val"), 0, std::numeric_limits<std::uint32_t>::max()));
        option.echo = readCraftedNumber(ts.required("ecr"));
        crafted.timestamp = option;
    }
}

CraftedSegment readCrafted(const Node& node, const std::vector<HostConfig>& hosts,
                           const std::vector<Action>& actions) {
    const Fields fields(node, {"at", "from", "to", "socket", "from_port", "to_port", "flags", "seq",
                               "ack", "window", "length", "options", "step"});
    CraftedSegment crafted;
    crafted.time = readDuration(fields.required("at"));
    crafted.from = readHostName(hosts, fields.required("from"));
    const Node to = fields.required("to");
    crafted.to = readHostName(hosts, to);
    if (crafted.to == crafted.from) {
        refuse(to.pointer, phrase(Id::HostOtherThanFrom), verbatim(jsonQuoted(crafted.to)));
    }
    const bool bySocket = fields.has("socket");
    const bool byPorts = fields.has("from_port") || fields.has("to_port");
    if (bySocket == byPorts) {
        refuse(fields.pointer(), phrase(Id::SocketOrPorts),
               phrase(bySocket ? Id::Both : Id::Neither));
    }
    if (bySocket) {
        const Node socket = fields.required("socket");
        crafted.socket = readName(socket, Id::SocketName);
        // A connection's socket on the receiving host: a listener has no connection to join.
        const bool known = std::any_of(actions.begin(), actions.end(), [&](const Action& a) {
            return a.host == crafted.to &&
                   ((a.call == AppCallKind::Connect && a.socket == crafted.socket) ||
                    std::find(a.accept.begin(), a.accept.end(), crafted.socket) != a.accept.end());
        });
        if (!known) {
            refuse(socket.pointer, phrase(Id::SocketDefinedOnHost, {crafted.to}),
                   verbatim(jsonQuoted(crafted.socket)));
        }
    } else {
        crafted.fromPort =
            static_cast<std::uint16_t>(readIntegerIn(fields.required("from_port"), 1, 65535));
        crafted.toPort =
            static_cast<std::uint16_t>(readIntegerIn(fields.required("to_port"), 1, 65535));
    }
    const Node flags = fields.required("flags");
    if (!flags.value.is_string()) {
        refuse(flags.pointer, phrase(Id::CraftedFlags), describe(flags.value));
    }
    if (!flags.value.get<std::string>().empty()) {
        crafted.flags = readFlags(flags, Id::CraftedFlags);
    }
    crafted.seq = readCraftedNumber(fields.required("seq"));
    if (auto ack = fields.optional("ack")) {
        crafted.ack = readCraftedNumber(*ack);
    }
    if (auto window = fields.optional("window")) {
        crafted.window = static_cast<std::uint16_t>(readIntegerIn(*window, 0, 65535));
    }
    if (auto length = fields.optional("length")) {
        crafted.length = static_cast<std::uint32_t>(readIntegerIn(*length, 0, 65535));
    }
    if (auto options = fields.optional("options")) {
        readCraftedOptions(*options, crafted);
    }
    if (auto step = fields.optional("step")) {
        crafted.step = readStep(*step);
    }
    return crafted;
}

// Actions and a load on a scripted peer: it has no sockets.
void refuseSocketsOnScripted(const Node& actions, const Scenario& scenario,
                             const std::optional<Node>& load) {
    const auto scripted = [&](const std::string& name) {
        return scenario.hosts[static_cast<std::size_t>(scenario.hostIndex(name))].scripted;
    };
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        const std::string& host = scenario.actions[i].host;
        if (scripted(host)) {
            refuse(actions.pointer + '/' + std::to_string(i) + "/host",
                   phrase(Id::NotScriptedHost, {host}), verbatim(jsonQuoted(host)));
        }
    }
    if (load && scenario.load) {
        for (const std::string_view key : {"client", "server"}) {
            const std::string& host =
                key == "client" ? scenario.load->client : scenario.load->server;
            if (scripted(host)) {
                refuse(load->pointer + '/' + std::string(key), phrase(Id::NotScriptedHost, {host}),
                       verbatim(jsonQuoted(host)));
            }
        }
    }
}

std::string keyList(std::size_t count, const auto& keyOf) {
    std::string names;
    for (std::size_t i = 0; i < count; ++i) {
        names += (i == 0 ? "\"" : ", \"") + std::string(keyOf(i)) + '"';
    }
    return names;
}

KeyMoment readMoment(const Node& node, const std::vector<HostConfig>& hosts,
                     const SocketDefinitions& sockets) {
    static constexpr std::array<std::string_view, 4> kEvents = {"enters", "sends", "loses",
                                                                "fires"};
    const Fields fields(node,
                        {"host", "socket", "enters", "sends", "loses", "fires", "nth", "caption"});
    KeyMoment moment;
    moment.host = readHostName(hosts, fields.required("host"));
    if (auto socket = fields.optional("socket")) {
        moment.socket = readName(*socket, Id::SocketName);
        if (!sockets.contains({moment.host, moment.socket})) {
            refuse(socket->pointer, phrase(Id::SocketOfActionOnHost, {moment.host}),
                   verbatim(jsonQuoted(moment.socket)));
        }
    }
    const auto given = std::count_if(kEvents.begin(), kEvents.end(),
                                     [&](std::string_view key) { return fields.has(key); });
    if (given != 1) {
        refuse(fields.pointer(), phrase(Id::MomentEvent),
               given == 0 ? phrase(Id::Neither) : verbatim(std::to_string(given) + " of them"));
    }
    if (auto enters = fields.optional("enters")) {
        moment.event = MomentEvent::Enters;
        const std::string key = readString(*enters);
        if (!parseStateKey(key, moment.state)) {
            refuse(enters->pointer,
                   phrase(Id::StateKey, {keyList(kTcpStateCount,
                                                 [](std::size_t i) {
                                                     return stateKey(static_cast<TcpState>(i));
                                                 })}),
                   verbatim(jsonQuoted(key)));
        }
    } else if (auto sends = fields.optional("sends")) {
        moment.event = MomentEvent::Sends;
        moment.flags = readFlags(*sends);
    } else if (auto loses = fields.optional("loses")) {
        moment.event = MomentEvent::Loses;
        moment.flags = readFlags(*loses);
    } else {
        const Node fires = fields.required("fires");
        moment.event = MomentEvent::TimerFires;
        const std::string key = readString(fires);
        bool known = false;
        for (int i = 0; i < kTimerKindCount && !known; ++i) {
            if (timerKindKey(static_cast<TimerKind>(i)) == key) {
                moment.timer = static_cast<TimerKind>(i);
                known = true;
            }
        }
        if (!known) {
            refuse(fires.pointer,
                   phrase(Id::TimerKey, {keyList(kTimerKindCount,
                                                 [](std::size_t i) {
                                                     return timerKindKey(static_cast<TimerKind>(i));
                                                 })}),
                   verbatim(jsonQuoted(key)));
        }
    }
    if (auto nth = fields.optional("nth")) {
        moment.nth = static_cast<std::uint32_t>(readIntegerIn(*nth, 1, 1000));
    }
    const Node caption = fields.required("caption");
    moment.caption = readLocalizedText(caption);
    if (moment.caption.en.empty()) {
        refuse(caption.pointer, phrase(Id::Caption), describe(caption.value));
    }
    return moment;
}

} // namespace

std::string readHostName(const std::vector<HostConfig>& hosts, const Node& name) {
    const std::string text = readString(name);
    if (std::none_of(hosts.begin(), hosts.end(),
                     [&](const HostConfig& host) { return host.name == text; })) {
        refuse(name.pointer, phrase(Id::HostInHosts), verbatim(jsonQuoted(text)));
    }
    return text;
}

Scenario readScenario(const Node& root) {
    if (!root.value.is_object()) {
        refuse(root.pointer, phrase(Id::ScenarioObject), describe(root.value));
    }
    // Format and version first: for some other JSON file "not a scenario" is the useful message.
    if (!root.value.contains("format")) {
        refuse(root.pointer, phrase(Id::FormatKey, {'"' + std::string(kFormatName) + '"'}),
               phrase(Id::ObjectWithoutIt));
    }
    const Node format = root.at("format");
    if (!format.value.is_string() || format.value.get<std::string>() != kFormatName) {
        refuse(format.pointer, verbatim('"' + std::string(kFormatName) + '"'),
               describe(format.value));
    }
    if (!root.value.contains("version")) {
        refuse(root.pointer, phrase(Id::Key, {"\"version\""}), phrase(Id::ObjectWithoutIt));
    }
    readInteger(root.at("version"), kScenarioFormatVersion, kScenarioFormatVersion,
                phrase(Id::FormatVersion, {std::to_string(kScenarioFormatVersion)}));

    const Fields fields(root, {"format", "version", "id", "lesson", "title", "description", "watch",
                               "seed", "limit", "hosts", "network", "actions", "faults", "crafted",
                               "load", "moments"});
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
            refuse(seed->pointer,
                   phrase(Id::IntegerIn,
                          {"0", std::to_string(std::numeric_limits<std::uint64_t>::max())}),
                   describe(seed->value));
        }
        scenario.seed = seed->value.get<std::uint64_t>();
    }
    if (auto limit = fields.optional("limit")) {
        scenario.limit = readDuration(*limit, 1us);
    }

    const Node hosts = fields.required("hosts");
    if (!hosts.value.is_array() || hosts.value.empty()) {
        refuse(hosts.pointer, phrase(Id::HostArray), describe(hosts.value));
    }
    // Several hosts may share an address: that is how a NAT looks from the other side.
    for (std::size_t i = 0; i < hosts.value.size(); ++i) {
        const Node node = hosts.at(i);
        HostConfig host = readHost(node);
        for (std::size_t j = 0; j < scenario.hosts.size(); ++j) {
            if (scenario.hosts[j].name == host.name) {
                refuse(node.pointer + "/name", phrase(Id::UnusedHostName, {hosts.at(j).pointer}),
                       verbatim(jsonQuoted(host.name)));
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
        refuse(actions.pointer, phrase(Id::ActionArray), describe(actions.value));
    }
    for (std::size_t i = 0; i < actions.value.size(); ++i) {
        scenario.actions.push_back(readAction(actions.at(i), scenario.hosts));
    }
    const SocketDefinitions sockets = defineSockets(actions, scenario.actions);

    if (auto faults = fields.optional("faults")) {
        if (!faults->value.is_array()) {
            refuse(faults->pointer, phrase(Id::FaultArray), describe(faults->value));
        }
        for (std::size_t i = 0; i < faults->value.size(); ++i) {
            scenario.faults.push_back(readFault(faults->at(i), scenario.hosts, sockets));
        }
    }
    if (auto crafted = fields.optional("crafted")) {
        if (!crafted->value.is_array()) {
            refuse(crafted->pointer, phrase(Id::CraftedArray), describe(crafted->value));
        }
        for (std::size_t i = 0; i < crafted->value.size(); ++i) {
            scenario.crafted.push_back(
                readCrafted(crafted->at(i), scenario.hosts, scenario.actions));
        }
    }
    const std::optional<Node> load = fields.optional("load");
    if (load) {
        scenario.load = readLoad(*load, scenario.hosts);
    }
    refuseSocketsOnScripted(actions, scenario, load);
    if (load) {
        refuseUnboundedLoad(*load, scenario);
    }
    if (auto moments = fields.optional("moments")) {
        if (!moments->value.is_array()) {
            refuse(moments->pointer, phrase(Id::MomentArray), describe(moments->value));
        }
        for (std::size_t i = 0; i < moments->value.size(); ++i) {
            scenario.moments.push_back(readMoment(moments->at(i), scenario.hosts, sockets));
        }
    }
    return scenario;
}

} // namespace tdl::scenario_io
