#include "capture_load.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace tdl {

namespace {

// Host ids by address, in order of first appearance among the connections' ends.
struct HostIndex {
    std::vector<HostInfo> hosts;
    absl::flat_hash_map<Ipv4, HostId> byAddress;
    std::vector<std::array<HostId, 2>> ofConnection;

    explicit HostIndex(const StateInference& inference) {
        ofConnection.reserve(inference.connections().size());
        for (const CaptureConnection& connection : inference.connections()) {
            std::array<HostId, 2> ids{};
            for (std::size_t side = 0; side < 2; ++side) {
                const Ipv4 address = connection.ends[side].address;
                auto [found, inserted] =
                    byAddress.try_emplace(address, static_cast<HostId>(hosts.size()));
                if (inserted) {
                    hosts.push_back(HostInfo{formatIpv4(address), address});
                }
                ids[side] = found->second;
            }
            ofConnection.push_back(ids);
        }
    }
};

} // namespace

std::vector<HostInfo> captureHosts(const StateInference& inference) {
    return HostIndex(inference).hosts;
}

LoadSeries captureSeries(const StateInference& inference, std::size_t samples) {
    const HostIndex index(inference);
    LoadSeries series;
    series.hosts = index.hosts;
    if (inference.connections().empty()) {
        return series;
    }
    SimTime start = inference.connections().front().first;
    SimTime end = start;
    for (const CaptureConnection& connection : inference.connections()) {
        start = std::min(start, connection.first);
        end = std::max(end, connection.last);
    }
    for (const InferredChange& change : inference.changes()) {
        end = std::max(end, change.at);
    }
    series.end = end;
    const std::size_t hosts = series.hosts.size();
    // Memory grows with samples × hosts: a capture of many addresses gets fewer samples.
    constexpr std::size_t kMaxCounters = 200'000;
    samples =
        std::clamp<std::size_t>(std::min(samples, kMaxCounters / std::max<std::size_t>(hosts, 1)),
                                2, std::max<std::size_t>(samples, 2));
    const std::int64_t span = std::max<std::int64_t>((end - start).count(), 1);
    // Sample k is at start + span·k/(samples-1); a change counts from the first sample at or
    // after it. Deltas per sample, then running sums: one pass, no sorting.
    const auto sampleOf = [&](SimTime at) {
        const std::int64_t offset = (at - start).count();
        const auto step = static_cast<std::int64_t>(samples - 1);
        return static_cast<std::size_t>((offset * step + span - 1) / span);
    };
    std::vector<std::array<std::int64_t, kTcpStateCount>> delta(samples * hosts);
    std::vector<std::uint64_t> resets(samples * hosts);
    for (const InferredChange& change : inference.changes()) {
        const HostId host = index.ofConnection[change.connection][change.side];
        auto& counts = delta[sampleOf(change.at) * hosts + host];
        if (change.from != TcpState::Closed) {
            --counts[static_cast<std::size_t>(change.from)];
        }
        if (change.to != TcpState::Closed) {
            ++counts[static_cast<std::size_t>(change.to)];
        }
        if (change.cause == Cause::InferredRstSent) {
            ++resets[sampleOf(change.at) * hosts + host];
        }
    }
    series.times.reserve(samples);
    series.samples.reserve(samples);
    std::vector<HostCounters> running(hosts);
    for (std::size_t k = 0; k < samples; ++k) {
        series.times.push_back(start + Duration(span * static_cast<std::int64_t>(k) /
                                                static_cast<std::int64_t>(samples - 1)));
        for (std::size_t h = 0; h < hosts; ++h) {
            for (int s = 0; s < kTcpStateCount; ++s) {
                running[h].sockets[static_cast<std::size_t>(s)] +=
                    delta[k * hosts + h][static_cast<std::size_t>(s)];
            }
            running[h].resetsSent += resets[k * hosts + h];
        }
        series.samples.push_back(running);
    }
    return series;
}

std::vector<SocketRow> captureSocketsAt(const StateInference& inference, SimTime at) {
    const HostIndex index(inference);
    const std::size_t connections = inference.connections().size();
    // Each side's state at `at`, and when its next change comes (for TIME-WAIT's time left).
    std::vector<std::array<TcpState, 2>> state(connections, {TcpState::Closed, TcpState::Closed});
    std::vector<std::array<SimTime, 2>> next(connections, {SimTime::max(), SimTime::max()});
    for (const InferredChange& change : inference.changes()) {
        if (change.at <= at) {
            state[change.connection][change.side] = change.to;
        } else {
            SimTime& upcoming = next[change.connection][change.side];
            upcoming = std::min(upcoming, change.at);
        }
    }
    std::vector<SocketRow> rows;
    for (std::uint32_t c = 0; c < connections; ++c) {
        const CaptureConnection& connection = inference.connections()[c];
        for (std::uint8_t side = 0; side < 2; ++side) {
            if (state[c][side] == TcpState::Closed) {
                continue;
            }
            SocketRow row;
            row.host = index.ofConnection[c][side];
            row.socket = static_cast<SocketId>(2 * c + 1 + side);
            row.state = state[c][side];
            row.tuple = FourTuple{connection.ends[side], connection.ends[1 - side]};
            if (row.state == TcpState::TimeWait) {
                row.timeWaitRecord = true;
                row.timer = SsTimer::TimeWait;
                row.timerLeft =
                    next[c][side] == SimTime::max() ? Duration::zero() : next[c][side] - at;
            }
            row.connection = c;
            rows.push_back(row);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const SocketRow& a, const SocketRow& b) {
        const auto key = [](const SocketRow& r) {
            return std::tuple(r.host, r.tuple.local.address, r.tuple.local.port,
                              r.tuple.remote.address, r.tuple.remote.port, r.connection);
        };
        return key(a) < key(b);
    });
    return rows;
}

} // namespace tdl

namespace tdl {

std::string renderCaptureSummary(const StateInference& inference, const LoadSeries& series) {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%u TCP packets, %zu connections between %zu hosts.\n\n",
                  inference.packetCount(), inference.connections().size(), series.hosts.size());
    out += line;
    static constexpr std::array kColumns{
        TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait,
        TcpState::LastAck,     TcpState::Closing,  TcpState::TimeWait};
    std::snprintf(line, sizeof line, "%-15s", "host (peak)");
    out += line;
    for (const TcpState state : kColumns) {
        std::snprintf(line, sizeof line, " %11s", std::string(stateName(state)).c_str());
        out += line;
    }
    out += "   RST sent\n";
    for (std::size_t h = 0; h < series.hosts.size(); ++h) {
        std::snprintf(line, sizeof line, "%-15s", series.hosts[h].name.c_str());
        out += line;
        for (const TcpState state : kColumns) {
            std::int64_t peak = 0;
            for (const auto& sample : series.samples) {
                peak = std::max(peak, sample[h].sockets[static_cast<std::size_t>(state)]);
            }
            std::snprintf(line, sizeof line, " %11lld", static_cast<long long>(peak));
            out += line;
        }
        const std::uint64_t resets =
            series.samples.empty() ? 0 : series.samples.back()[h].resetsSent;
        std::snprintf(line, sizeof line, " %10llu\n", static_cast<unsigned long long>(resets));
        out += line;
    }
    return out;
}

} // namespace tdl
