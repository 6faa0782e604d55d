#include "load_fields.h"

#include "duration_text.h"
#include "load_run.h"
#include "scenario_fields.h"

namespace tdl::scenario_io {

using Id = LoadPhrase::Id;

LoadConfig readLoad(const Node& node, const std::vector<HostConfig>& hosts) {
    const Fields fields(node, {"client", "server", "port", "port_count", "rate", "duration",
                               "request_bytes", "response_bytes", "server_delay", "closer",
                               "sample_every", "client_reads"});
    LoadConfig load;
    load.client = readHostName(hosts, fields.required("client"));
    const Node server = fields.required("server");
    load.server = readHostName(hosts, server);
    if (load.server == load.client) {
        refuse(server.pointer, phrase(Id::HostOtherThanClient), verbatim(jsonQuoted(load.server)));
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
            refuse(closer->pointer, phrase(Id::ClientOrServer), verbatim(jsonQuoted(text)));
        }
    }
    if (auto every = fields.optional("sample_every")) {
        load.sampleEvery = readDuration(*every, 1ms);
    }
    if (auto reads = fields.optional("client_reads")) {
        if (!reads->value.is_boolean()) {
            refuse(reads->pointer, phrase(Id::TrueOrFalse), describe(reads->value));
        }
        load.clientReads = reads->value.get<bool>();
    }
    if (load.connections() == 0) {
        refuse(node.pointer + "/duration", phrase(Id::DurationForOneConnection),
               verbatim(jsonQuoted(durationText(load.duration))));
    }
    return load;
}

void refuseUnboundedLoad(const Node& node, const Scenario& scenario) {
    const LoadEstimate estimate = estimateLoad(scenario);
    const LoadConfig& load = *scenario.load;
    if (estimate.connections > kMaxLoadConnections) {
        refuse(node.pointer + "/rate",
               phrase(Id::ConnectionBudget, {std::to_string(kMaxLoadConnections)}),
               phrase(Id::Connections, {std::to_string(estimate.connections),
                                        std::to_string(load.rate), durationText(load.duration)}));
    }
    if (estimate.bytes() > kLoadMemoryBudget) {
        const std::uint64_t tenthsOfGib = estimate.bytes() * 10 / (1ULL << 30);
        refuse(node.pointer + "/sample_every",
               phrase(Id::SampleBudget, {std::to_string(kLoadMemoryBudget >> 30)}),
               phrase(Id::Samples,
                      {std::to_string(estimate.samples), durationText(load.sampleEvery),
                       std::to_string(estimate.bytesPerSample),
                       std::to_string(tenthsOfGib / 10) + "." + std::to_string(tenthsOfGib % 10)}));
    }
}

} // namespace tdl::scenario_io
