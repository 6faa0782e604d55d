#include "load_run.h"

#include "scenario_check.h"
#include "simulator.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <tuple>

namespace tdl {

namespace {

// Keeps a run's samples and tells the caller's progress about each one.
class SampleKeeper {
public:
    SampleKeeper(LoadSeries& series, const LoadProgress& progress, Duration expected)
        : series_(series)
        , progress_(progress)
        , expected_(expected) {}

    bool sampled(SimTime at, const std::vector<HostCounters>& hosts) {
        series_.times.push_back(at);
        series_.samples.push_back(hosts);
        if (!progress_) {
            return true;
        }
        const double fraction =
            std::min(1.0, static_cast<double>(at.count()) / static_cast<double>(expected_.count()));
        return progress_(series_, fraction);
    }

private:
    LoadSeries& series_;
    const LoadProgress& progress_;
    Duration expected_;
};

// Connections start during `duration`, and the last ones linger through TIME_WAIT.
Duration expectedLength(const Scenario& scenario) {
    return scenario.load->duration + 61s;
}

class SeriesRecorder final : public TraceSink {
public:
    SeriesRecorder(LoadSeries& series, const LoadProgress& progress, Duration expected)
        : series_(series)
        , keeper_(series, progress, expected) {}

    void hostAdded(const HostInfo& host) override { series_.hosts.push_back(host); }
    void socketAdded(const SocketInfo&) override {}
    void socketUpdated(const SocketInfo&) override {}
    SegmentId segmentSent(const SegmentRecord&) override { return kNoSegment; }
    void segmentDelivered(SegmentId, SimTime) override {}
    void fact(const Fact&) override {}
    void finished(SimTime end, bool truncated) override {
        series_.end = end;
        series_.truncated = truncated;
    }
    bool wantsFacts() const override { return false; }
    bool wantsSockets() const override { return false; }
    bool sampled(SimTime at, const std::vector<HostCounters>& hosts) override {
        return keeper_.sampled(at, hosts);
    }

private:
    LoadSeries& series_;
    SampleKeeper keeper_;
};

// Records like TraceRecorder, but only what concerns one load connection: the client's
// index-th active socket, the server socket that answers it (same 4-tuple, reversed) and the
// segments between them. The two sockets become sockets 1 and 2 of the trace. Once both are
// closed, the run stops at the next sample: nothing later concerns them.
class ConnectionRecorder final : public TraceSink {
public:
    ConnectionRecorder(HostId client, std::uint64_t index, const LoadProgress& progress,
                       Duration expected)
        : client_(client)
        , wanted_(index)
        , keeper_(ignored_, progress, expected) {}

    void hostAdded(const HostInfo& host) override { inner_.hostAdded(host); }
    void socketAdded(const SocketInfo& socket) override {
        if (socket.host == client_ && socket.role == SocketRole::Active &&
            activeSeen_++ == wanted_) {
            clientInfo_ = socket;
        }
    }
    void socketUpdated(const SocketInfo& socket) override {
        if (socket.id == clientInfo_.id) {
            clientInfo_ = socket;
        } else if (clientInfo_.id != kNoSocket && serverInfo_.id == kNoSocket &&
                   socket.role == SocketRole::Passive &&
                   socket.tuple.local == clientInfo_.tuple.remote &&
                   socket.tuple.remote == clientInfo_.tuple.local) {
            serverInfo_ = socket;
        } else if (socket.id == serverInfo_.id) {
            serverInfo_ = socket;
        }
    }
    SegmentId segmentSent(const SegmentRecord& record) override {
        const Segment& s = record.segment;
        const FourTuple& t = clientInfo_.tuple;
        // Once both are closed, the same 4-tuple may already carry the next connection.
        const bool ours =
            clientInfo_.id != kNoSocket && !bothDone() &&
            ((s.src == t.local && s.dst == t.remote) || (s.src == t.remote && s.dst == t.local));
        if (!ours) {
            return kNoSegment;
        }
        SegmentRecord kept = record;
        kept.segment.sender = renumber(s.sender);
        return inner_.segmentSent(kept);
    }
    void segmentDelivered(SegmentId id, SimTime at) override {
        if (id != kNoSegment) {
            inner_.segmentDelivered(id, at);
        }
    }
    void fact(const Fact& f) override {
        const SocketId socket = renumber(f.socket);
        if (socket == kNoSocket && f.segment == kNoSegment) {
            return;
        }
        Fact kept = f;
        kept.socket = socket;
        inner_.fact(kept);
        lastFact_ = f.at;
        const bool closed = f.kind == FactKind::StateChanged && f.to == TcpState::Closed;
        const bool failed =
            f.kind == FactKind::AppCall && f.call == AppCallKind::Connect && f.error != 0;
        if (socket == 1 && (closed || failed)) {
            clientDone_ = true;
        } else if (socket == 2 && closed) {
            serverDone_ = true;
        }
    }
    bool sampled(SimTime at, const std::vector<HostCounters>& hosts) override {
        if (bothDone()) {
            stoppedEarly_ = true;
            return false;
        }
        return keeper_.sampled(at, hosts);
    }
    void finished(SimTime end, bool truncated) override {
        if (stoppedEarly_) {
            inner_.finished(lastFact_, false);
        } else {
            inner_.finished(end, truncated);
        }
    }

    Trace take() {
        SocketInfo client = clientInfo_;
        client.id = 1;
        inner_.socketAdded(client);
        SocketInfo server = serverInfo_;
        server.id = 2;
        inner_.socketAdded(server);
        return inner_.take();
    }

private:
    bool bothDone() const { return clientDone_ && (serverDone_ || serverInfo_.id == kNoSocket); }

    SocketId renumber(SocketId id) const {
        if (id != kNoSocket && id == clientInfo_.id) {
            return 1;
        }
        if (id != kNoSocket && id == serverInfo_.id) {
            return 2;
        }
        return kNoSocket;
    }

    TraceRecorder inner_;
    HostId client_;
    std::uint64_t wanted_;
    std::uint64_t activeSeen_ = 0;
    SocketInfo clientInfo_;
    SocketInfo serverInfo_;
    LoadSeries ignored_; // the samples, which a single connection's trace does not keep
    SampleKeeper keeper_;
    SimTime lastFact_{};
    bool clientDone_ = false;
    bool serverDone_ = false;
    bool stoppedEarly_ = false;
};

// Numbers a load's connections as traceLoadConnection() counts them: the client's n-th active
// socket is connection n, and so is the server socket that answers it (same 4-tuple, reversed).
class ConnectionNumbers {
public:
    explicit ConnectionNumbers(HostId client)
        : client_(client) {}

    void added(const SocketInfo& socket) {
        if (socket.host == client_ && socket.role == SocketRole::Active) {
            set(socket.id, started_++);
        }
    }
    void updated(const SocketInfo& socket) {
        const std::optional<std::uint64_t> known = of(socket.id);
        if (socket.host == client_ && known) {
            byTuple_[socket.tuple] = *known;
        } else if (socket.role == SocketRole::Passive && !known) {
            const auto client = byTuple_.find(FourTuple{socket.tuple.remote, socket.tuple.local});
            if (client != byTuple_.end()) {
                set(socket.id, client->second);
            }
        }
    }
    std::optional<std::uint64_t> of(SocketId id) const {
        if (id >= bySocket_.size() || bySocket_[id] == kNone) {
            return std::nullopt;
        }
        return bySocket_[id];
    }

private:
    static constexpr std::uint64_t kNone = UINT64_MAX;
    void set(SocketId id, std::uint64_t connection) {
        if (id >= bySocket_.size()) {
            bySocket_.resize(std::max<std::size_t>(id + 1, bySocket_.size() * 2), kNone);
        }
        bySocket_[id] = connection;
    }

    HostId client_;
    std::uint64_t started_ = 0;
    std::vector<std::uint64_t> bySocket_; // socket ids are dense, from 1
    absl::flat_hash_map<FourTuple, std::uint64_t, FourTupleHash> byTuple_;
};

// Runs up to an instant for its socket table: counts only, plus the connection numbers.
class SocketTableRecorder final : public TraceSink {
public:
    SocketTableRecorder(LoadSeries& series, ConnectionNumbers& numbers,
                        const LoadProgress& progress, Duration expected)
        : numbers_(numbers)
        , keeper_(series, progress, expected) {}

    void hostAdded(const HostInfo&) override {}
    void socketAdded(const SocketInfo& socket) override { numbers_.added(socket); }
    void socketUpdated(const SocketInfo& socket) override { numbers_.updated(socket); }
    SegmentId segmentSent(const SegmentRecord&) override { return kNoSegment; }
    void segmentDelivered(SegmentId, SimTime) override {}
    void fact(const Fact&) override {}
    void finished(SimTime, bool) override {}
    bool wantsFacts() const override { return false; }
    bool sampled(SimTime at, const std::vector<HostCounters>& hosts) override {
        cancelled_ = !keeper_.sampled(at, hosts);
        return !cancelled_;
    }
    bool cancelled() const { return cancelled_; }

private:
    ConnectionNumbers& numbers_;
    SampleKeeper keeper_;
    bool cancelled_ = false;
};

} // namespace

LoadEstimate estimateLoad(const Scenario& scenario) {
    requireLoad(scenario);
    const LoadConfig& load = *scenario.load;
    // The run samples at 0 and every sampleEvery until it ends, at the limit at the latest.
    const Duration length = std::min(scenario.limit, expectedLength(scenario));
    // Each sample: its time and a vector of one HostCounters per host, which malloc gives a
    // 16-byte chunk header. With two hosts, 336 bytes: a 24 h run measured about 330.
    constexpr std::uint64_t kMallocChunkHeader = 16;
    LoadEstimate estimate;
    estimate.samples = static_cast<std::uint64_t>(length / load.sampleEvery) + 1;
    estimate.bytesPerSample = sizeof(SimTime) + sizeof(std::vector<HostCounters>) +
                              scenario.hosts.size() * sizeof(HostCounters) + kMallocChunkHeader;
    estimate.connections = static_cast<std::uint64_t>(
        std::min(load.duration, scenario.limit).count() * load.rate / 1'000'000);
    return estimate;
}

LoadSeries runLoad(const Scenario& scenario, const LoadProgress& progress) {
    requireLoad(scenario);
    LoadSeries series;
    SeriesRecorder recorder(series, progress, expectedLength(scenario));
    Simulator simulator(scenario, recorder);
    simulator.run();
    return series;
}

Trace traceLoadConnection(const Scenario& scenario, std::uint64_t index,
                          const LoadProgress& progress) {
    requireLoad(scenario);
    const int client = scenario.hostIndex(scenario.load->client);
    ConnectionRecorder recorder(static_cast<HostId>(client), index, progress,
                                expectedLength(scenario));
    Simulator simulator(scenario, recorder);
    simulator.run();
    return recorder.take();
}

std::optional<std::vector<SocketRow>> socketsAt(const Scenario& scenario, SimTime at,
                                                const LoadProgress& progress) {
    requireLoad(scenario);
    Scenario until = scenario;
    until.limit = std::min(scenario.limit, at);
    LoadSeries series;
    ConnectionNumbers numbers(static_cast<HostId>(scenario.hostIndex(scenario.load->client)));
    SocketTableRecorder recorder(series, numbers, progress, std::max(at - SimTime{}, Duration{1}));
    Simulator simulator(until, recorder);
    simulator.run();
    if (recorder.cancelled()) {
        return std::nullopt;
    }
    std::vector<SocketRow> rows = simulator.socketTable(at);
    for (SocketRow& row : rows) {
        row.connection = numbers.of(row.socket);
    }
    std::sort(rows.begin(), rows.end(), [](const SocketRow& a, const SocketRow& b) {
        const auto key = [](const SocketRow& r) {
            return std::tuple(r.host, r.tuple.local.address, r.tuple.local.port,
                              r.tuple.remote.address, r.tuple.remote.port, r.socket);
        };
        return key(a) < key(b);
    });
    return rows;
}

} // namespace tdl
