#include "trace_jsonl.h"

#include <nlohmann/json.hpp>

namespace tdl {

namespace {

using OrderedJson = nlohmann::ordered_json;

std::string endpointText(const Endpoint& endpoint) {
    return formatIpv4(endpoint.address) + ':' + std::to_string(endpoint.port);
}

OrderedJson hostName(const Trace& trace, HostId host) {
    if (host >= trace.hosts.size()) {
        return nullptr;
    }
    return trace.hosts[host].name;
}

OrderedJson headerJson(const Trace& trace) {
    OrderedJson header;
    header["format"] = std::string(kTraceFormatName);
    header["version"] = kTraceFormatVersion;
    header["end_us"] = trace.end.count();
    header["truncated"] = trace.truncated;
    header["hosts"] = OrderedJson::array();
    for (std::size_t i = 0; i < trace.hosts.size(); ++i) {
        OrderedJson host;
        host["id"] = i;
        host["name"] = trace.hosts[i].name;
        host["address"] = formatIpv4(trace.hosts[i].address);
        header["hosts"].push_back(std::move(host));
    }
    header["sockets"] = OrderedJson::array();
    for (const SocketInfo& info : trace.sockets) {
        OrderedJson socket;
        socket["id"] = info.id;
        socket["host"] = hostName(trace, info.host);
        socket["name"] = info.name;
        socket["role"] = std::string(socketRoleKey(info.role));
        socket["local"] = endpointText(info.tuple.local);
        socket["remote"] = endpointText(info.tuple.remote);
        socket["isn"] = info.isn.value();
        socket["peer_isn"] = info.peerIsn.value();
        header["sockets"].push_back(std::move(socket));
    }
    header["segments"] = trace.segments.size();
    header["facts"] = trace.facts.size();
    return header;
}

void addSegmentFields(const Trace& trace, SegmentId id, OrderedJson& line) {
    line["segment"] = id;
    if (id >= trace.segments.size()) {
        return;
    }
    const SegmentRecord& record = trace.segments[id];
    const Segment& segment = record.segment;
    line["from"] = hostName(trace, record.from);
    line["to"] = hostName(trace, record.to);
    line["src"] = endpointText(segment.src);
    line["dst"] = endpointText(segment.dst);
    line["flags"] = formatFlags(segment.flags);
    line["seq"] = segment.seq.value();
    line["ack"] = segment.ack.value();
    line["len"] = segment.length;
    line["win"] = segment.window;
    if (segment.hasTimestamp) {
        line["tsval"] = segment.timestamp.value;
        line["tsecr"] = segment.timestamp.echo;
    }
    if (segment.mss != 0) {
        line["mss"] = segment.mss;
    }
    if (segment.sackPermitted) {
        line["sack_ok"] = true;
    }
    if (segment.windowScale >= 0) {
        line["wscale"] = segment.windowScale;
    }
    line["sender"] = segment.sender;
    line["stream_offset"] = segment.streamOffset;
    if (record.duplicateOf != kNoSegment) {
        line["duplicate_of"] = record.duplicateOf;
    }
    line["sent_us"] = record.sentAt.count();
    line["delivered_us"] =
        record.deliveredAt ? OrderedJson(record.deliveredAt->count()) : OrderedJson(nullptr);
}

bool isSegmentFact(FactKind kind) {
    switch (kind) {
    case FactKind::SegmentSent:
    case FactKind::SegmentDelivered:
    case FactKind::SegmentDropped:
    case FactKind::SegmentDelayed:
    case FactKind::SegmentDuplicated:
        return true;
    default:
        return false;
    }
}

OrderedJson factJson(const Trace& trace, const Fact& fact) {
    OrderedJson line;
    line["t_us"] = fact.at.count();
    line["kind"] = std::string(factKindKey(fact.kind));
    line["host"] = hostName(trace, fact.host);
    line["socket"] = fact.socket;
    line["cause"] = std::string(causeKey(fact.reason.code));
    line["args"] = fact.reason.args;
    if (isSegmentFact(fact.kind)) {
        addSegmentFields(trace, fact.segment, line);
    } else if (fact.segment != kNoSegment) {
        line["segment"] = fact.segment;
    }
    switch (fact.kind) {
    case FactKind::StateChanged:
        line["from_state"] = std::string(stateKey(fact.from));
        line["to_state"] = std::string(stateKey(fact.to));
        break;
    case FactKind::TimerArmed:
        line["timer"] = std::string(timerKindKey(fact.timer));
        line["deadline_us"] = fact.deadline.count();
        break;
    case FactKind::TimerFired:
    case FactKind::TimerCancelled:
        line["timer"] = std::string(timerKindKey(fact.timer));
        break;
    case FactKind::AppCall:
        line["call"] = std::string(appCallKey(fact.call));
        line["error"] = fact.error;
        line["errno"] = fact.error == 0 ? OrderedJson(nullptr)
                                        : OrderedJson(std::string(errnoName(fact.error)));
        break;
    default:
        break;
    }
    return line;
}

void writeLine(const OrderedJson& line, std::ostream& out) {
    // Names come from scenario files; should one hold invalid UTF-8, it is replaced rather than
    // allowed to abort the whole trace.
    out << line.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
}

} // namespace

void writeTraceJsonl(const Trace& trace, std::ostream& out) {
    writeLine(headerJson(trace), out);
    for (const Fact& fact : trace.facts) {
        writeLine(factJson(trace, fact), out);
    }
}

} // namespace tdl
