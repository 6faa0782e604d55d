#include "load_run.h"

#include "simulator.h"

#include <algorithm>
#include <stdexcept>

namespace tdl {

namespace {

class SeriesRecorder final : public TraceSink {
public:
    SeriesRecorder(LoadSeries& series, const std::function<bool(double)>& progress,
                   Duration expected)
        : series_(series)
        , progress_(progress)
        , expected_(expected) {}

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
    bool sampled(SimTime at, const std::vector<HostCounters>& hosts) override {
        series_.times.push_back(at);
        series_.samples.push_back(hosts);
        if (!progress_) {
            return true;
        }
        const double fraction =
            std::min(1.0, static_cast<double>(at.count()) / static_cast<double>(expected_.count()));
        return progress_(fraction);
    }

private:
    LoadSeries& series_;
    const std::function<bool(double)>& progress_;
    Duration expected_;
};

// Records like TraceRecorder, but only what concerns one load connection: the client's
// index-th active socket, the server socket that answers it (same 4-tuple, reversed) and the
// segments between them. The two sockets become sockets 1 and 2 of the trace.
class ConnectionRecorder final : public TraceSink {
public:
    ConnectionRecorder(HostId client, std::uint64_t index)
        : client_(client)
        , wanted_(index) {}

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
        const bool ours = clientInfo_.id != kNoSocket && ((s.src == t.local && s.dst == t.remote) ||
                                                          (s.src == t.remote && s.dst == t.local));
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
        if (socket != kNoSocket || f.segment != kNoSegment) {
            Fact kept = f;
            kept.socket = socket;
            inner_.fact(kept);
        }
    }
    void finished(SimTime end, bool truncated) override { inner_.finished(end, truncated); }

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
};

} // namespace

LoadSeries runLoad(const Scenario& scenario, const std::function<bool(double)>& progress) {
    if (!scenario.load) {
        throw std::invalid_argument("the scenario has no load");
    }
    LoadSeries series;
    // Connections start during `duration`, and the last ones linger through TIME_WAIT.
    const Duration expected = scenario.load->duration + 61s;
    SeriesRecorder recorder(series, progress, expected);
    Simulator simulator(scenario, recorder);
    simulator.run();
    return series;
}

Trace traceLoadConnection(const Scenario& scenario, std::uint64_t index) {
    if (!scenario.load) {
        throw std::invalid_argument("the scenario has no load");
    }
    const int client = scenario.hostIndex(scenario.load->client);
    ConnectionRecorder recorder(static_cast<HostId>(client), index);
    Simulator simulator(scenario, recorder);
    simulator.run();
    return recorder.take();
}

} // namespace tdl
