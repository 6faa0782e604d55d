#include "scenario_json.h"

#include "atomic_file.h"
#include "duration_text.h"
#include "scenario_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <utility>

namespace tdl {

namespace {

using OrderedJson = nlohmann::ordered_json;
using scenario_io::kFormatName;
using scenario_io::kShutdownNames;

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
    if (host.hz != kDefaultHz) {
        out["hz"] = host.hz;
    }
    const Sysctls defaults = defaultSysctls(host.profile);
    OrderedJson sysctls = OrderedJson::object();
    for (const SysctlKnob& knob : sysctlKnobs()) {
        const std::string name(knob.name);
        if (sysctlValueText(host.sysctls, name) == sysctlValueText(defaults, name)) {
            continue;
        }
        if (sysctlTakesList(knob.name)) {
            sysctls[name] = sysctlValueText(host.sysctls, name);
        } else {
            sysctls[name] = host.sysctls.*(knob.field);
        }
    }
    if (!sysctls.empty()) {
        out["sysctls"] = std::move(sysctls);
    }
    if (host.scripted) {
        out["scripted"] = true;
    }
    return out;
}

OrderedJson momentJson(const KeyMoment& moment) {
    OrderedJson out;
    out["host"] = moment.host;
    if (!moment.socket.empty()) {
        out["socket"] = moment.socket;
    }
    const std::string event(momentEventKey(moment.event));
    switch (moment.event) {
    case MomentEvent::Enters:
        out[event] = std::string(stateKey(moment.state));
        break;
    case MomentEvent::Sends:
    case MomentEvent::Loses:
        out[event] = formatFlags(moment.flags);
        break;
    case MomentEvent::TimerFires:
        out[event] = std::string(timerKindKey(moment.timer));
        break;
    }
    if (moment.nth != 1) {
        out["nth"] = moment.nth;
    }
    out["caption"] = localizedJson(moment.caption);
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
        if (action.step != 0) {
            out["step"] = action.step;
        }
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
    if (rule.seq) {
        match["seq"] = *rule.seq;
    }
    OrderedJson out;
    out["match"] = std::move(match);
    out["action"] = std::string(faultActionKey(rule.action));
    if (rule.action == FaultAction::Delay) {
        out["delay"] = durationText(rule.delay);
    }
    return out;
}

OrderedJson craftedNumberJson(const CraftedNumber& number) {
    if (!number.relative) {
        return number.value;
    }
    OrderedJson out;
    out["relative"] = number.value;
    return out;
}

OrderedJson craftedJson(const CraftedSegment& crafted) {
    OrderedJson out;
    out["at"] = durationText(crafted.time);
    out["from"] = crafted.from;
    out["to"] = crafted.to;
    if (!crafted.socket.empty()) {
        out["socket"] = crafted.socket;
    } else {
        out["from_port"] = crafted.fromPort;
        out["to_port"] = crafted.toPort;
    }
    out["flags"] = formatFlags(crafted.flags);
    out["seq"] = craftedNumberJson(crafted.seq);
    out["ack"] = craftedNumberJson(crafted.ack);
    out["window"] = crafted.window;
    out["length"] = crafted.length;
    OrderedJson options = OrderedJson::object();
    if (crafted.mss != 0) {
        options["mss"] = crafted.mss;
    }
    if (crafted.sackPermitted) {
        options["sack_permitted"] = true;
    }
    if (crafted.windowScale >= 0) {
        options["window_scale"] = crafted.windowScale;
    }
    if (crafted.timestamp) {
        OrderedJson timestamp;
        timestamp["val"] = crafted.timestamp->value;
        timestamp["ecr"] = craftedNumberJson(crafted.timestamp->echo);
        options["timestamp"] = std::move(timestamp);
    }
    if (!options.empty()) {
        out["options"] = std::move(options);
    }
    if (crafted.step != 0) {
        out["step"] = crafted.step;
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
    if (!scenario.crafted.empty()) {
        out["crafted"] = OrderedJson::array();
        for (const CraftedSegment& crafted : scenario.crafted) {
            out["crafted"].push_back(craftedJson(crafted));
        }
    }
    if (scenario.load) {
        out["load"] = loadJson(*scenario.load);
    }
    if (!scenario.moments.empty()) {
        out["moments"] = OrderedJson::array();
        for (const KeyMoment& moment : scenario.moments) {
            out["moments"].push_back(momentJson(moment));
        }
    }
    std::string text;
    writePretty(out, 0, 0, true, text);
    return text + '\n';
}

std::optional<std::string> saveScenario(const Scenario& scenario, const std::string& path) {
    return writeFileAtomically(path, serializeScenario(scenario));
}

} // namespace tdl
