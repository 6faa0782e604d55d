// The packetdrill player: walks the script's events in order, turns them into the scenario's
// crafted segments and actions, runs the engine when it needs to see what the kernel did, and
// judges each line as packetdrill would (run.c: run_script(), adjust_relative_event_times()).

#include "script_player.h"

#include "script_judge.h"
#include "simulator.h"
#include "sysctl.h"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <map>

namespace tdl::pd {

std::string ScriptFailure::message() const {
    return "line " + std::to_string(line) + ": expected " + expected + ", got " + actual;
}

namespace {

// packetdrill's defaults (--local_ip, --remote_ip as the Linux selftests pass them).
constexpr Ipv4 kLocalIp = (192U << 24) | (168U << 16) | 1U;
constexpr Ipv4 kRemoteIp = (192U << 24) | (2U << 8) | 1U;
// The port the script's side uses for connections it opens to a listener.
constexpr std::uint16_t kRemotePort = 47000;
// How long packetdrill waits for an expected segment after its time (sniff_outbound_live_packet()).
constexpr Duration kSniffTimeout = 2s;
constexpr int kFirstFd = 3;

// Sysctls that the engine does not model but the kernel's test setups set (defaults.sh): they are
// accepted, and each one becomes a note, so that nothing is skipped in silence.
constexpr std::string_view kUnmodelledSysctls[] = {
    "net.ipv4.tcp_wmem",
    "net.ipv4.tcp_sack",
    "net.ipv4.tcp_frto",
    "net.ipv4.tcp_dsack",
    "net.ipv4.tcp_fack",
    "net.ipv4.tcp_reordering",
    "net.ipv4.tcp_congestion_control",
    "net.ipv4.tcp_slow_start_after_idle",
    "net.ipv4.tcp_early_retrans",
    "net.ipv4.tcp_recovery",
    "net.ipv4.tcp_tso_win_divisor",
    "net.ipv4.tcp_ecn",
    "net.ipv4.tcp_ecn_option",
    "net.ipv4.tcp_pacing_ss_ratio",
    "net.ipv4.tcp_pacing_ca_ratio",
    "net.ipv4.tcp_notsent_lowat",
    "net.ipv4.tcp_fastopen",
    "net.ipv4.tcp_fastopen_key",
    "net.ipv4.tcp_syncookies",
};

std::string errnoText(int error) {
    return std::string(errnoName(error));
}

std::string resultText(std::int64_t result, const std::string& errnoName) {
    return errnoName.empty() ? std::to_string(result) : "-1 " + errnoName;
}

const char* callName(SyscallName name) {
    switch (name) {
    case SyscallName::Socket:
        return "socket";
    case SyscallName::Setsockopt:
        return "setsockopt";
    case SyscallName::Getsockopt:
        return "getsockopt";
    case SyscallName::Bind:
        return "bind";
    case SyscallName::Listen:
        return "listen";
    case SyscallName::Accept:
        return "accept";
    case SyscallName::Connect:
        return "connect";
    case SyscallName::Read:
        return "read";
    case SyscallName::Write:
        return "write";
    case SyscallName::Shutdown:
        return "shutdown";
    case SyscallName::Close:
        return "close";
    case SyscallName::Fcntl:
        return "fcntl";
    }
    return "";
}

bool hasSymbol(const SyscallArg& arg, std::string_view symbol) {
    return arg.kind == SyscallArg::Kind::Symbols &&
           std::ranges::find(arg.symbols, symbol) != arg.symbols.end();
}

std::string symbolText(const SyscallArg& arg) {
    switch (arg.kind) {
    case SyscallArg::Kind::Ellipsis:
        return "...";
    case SyscallArg::Kind::Number:
        return std::to_string(arg.number);
    case SyscallArg::Kind::Symbols: {
        std::string text;
        for (const std::string& s : arg.symbols) {
            if (!text.empty()) {
                text += '|';
            }
            text += s;
        }
        return text;
    }
    case SyscallArg::Kind::List:
        return "[...]";
    case SyscallArg::Kind::Struct:
        return "{...}";
    }
    return {};
}

// The integer an option's value gives: `[1]`, `1`.
std::optional<std::int64_t> intValue(const SyscallArg& arg) {
    if (arg.kind == SyscallArg::Kind::Number) {
        return arg.number;
    }
    if (arg.kind == SyscallArg::Kind::List && arg.items.size() == 1 &&
        arg.items[0].kind == SyscallArg::Kind::Number) {
        return arg.items[0].number;
    }
    return std::nullopt;
}

// IP_LOCAL_PORT_RANGE by name, or by its number (51, include/uapi/linux/in.h) at level SOL_IP:
// packetdrill knows no symbol for it, so a script that runs on the live kernel writes 51.
bool isLocalPortRange(const SyscallArg& level, const SyscallArg& name) {
    if (hasSymbol(name, "IP_LOCAL_PORT_RANGE")) {
        return true;
    }
    const bool ipLevel = hasSymbol(level, "SOL_IP") || hasSymbol(level, "IPPROTO_IP") ||
                         (level.kind == SyscallArg::Kind::Number && level.number == 0);
    return ipLevel && name.kind == SyscallArg::Kind::Number && name.number == 51;
}

// What the application holds for one file descriptor.
struct Fd {
    std::string name; // the engine's socket name
    bool listener = false;
    bool connecting = false; // connect() was called
    bool accepted = false;
    bool nonBlocking = false;
    bool bound = false;
    bool lingerZero = false;
    std::uint32_t receiveBuffer = 0;
    Duration userTimeout{};
    std::uint32_t localPortRange = 0; // IP_LOCAL_PORT_RANGE, (high << 16) | low
    std::size_t listenAction = 0;
    std::size_t openAction = 0; // connect: its action; accepted: its listener's listen action
    bool shutRead = false;
    std::uint64_t consumed = 0; // bytes read()
};

// A system call whose result the next run of the engine tells.
struct PendingCall {
    const ScriptEvent* event = nullptr;
    SimTime at{};       // when the engine makes it
    SimTime scriptAt{}; // when the script says it starts
    std::string fd;     // the engine's socket name
    int fdNumber = -1;  // accept: the descriptor the call returns
    bool nonBlocking = false;
    std::uint64_t consumedBefore = 0; // read: bytes read before this call
    bool shutRead = false;            // read: shutdown(SHUT_RD or SHUT_RDWR) came before
    // Among the kernel's calls of the same kind at `at`, how many come before it: the engine's
    // app_call facts at one instant are in step order.
    std::size_t rank = 0;
};

class Player {
public:
    explicit Player(const Script& script)
        : script_(script)
        , options_(script.options) {}

    PlayOutcome play() {
        buildHosts();
        for (const CommandSpec& command : script_.setup) {
            if (auto error = applySysctls(command)) {
                return *error;
            }
        }
        for (const ScriptEvent& event : script_.events) {
            if (std::optional<ScriptError> error = playEvent(event)) {
                return *error;
            }
            if (failure_) {
                break;
            }
        }
        ensureRun();
        judgePending(failure_ ? failure_->line : std::numeric_limits<int>::max(), true);
        result_.scenario = scenario_;
        result_.trace = std::move(trace_);
        result_.failure = failure_;
        return std::move(result_);
    }

private:
    void buildHosts() {
        scenario_.id = "packetdrill";
        scenario_.title.en = script_.file;
        scenario_.title.zh_CN = script_.file;
        HostConfig kernel;
        kernel.name = std::string(kKernelHost);
        kernel.address = kLocalIp;
        kernel.profile = KernelProfile::Linux6;
        kernel.sysctls = defaultSysctls(kernel.profile);
        HostConfig peer;
        peer.name = std::string(kPeerHost);
        peer.address = kRemoteIp;
        peer.sysctls = defaultSysctls(peer.profile);
        peer.scripted = true;
        scenario_.hosts = {kernel, peer};
        scenario_.network.delay = Duration{0}; // packetdrill's tun device
    }

    std::optional<ScriptError> applySysctls(const CommandSpec& command) {
        HostConfig& kernel = scenario_.hosts[0];
        std::string unmodelled;
        for (const SysctlSetting& setting : command.sysctls) {
            if (findSysctl(setting.name) != nullptr || setting.name == kPortRangeName) {
                if (auto refusal =
                        setSysctl(kernel.sysctls, kernel.profile, setting.name, setting.value)) {
                    return ScriptError{
                        script_.file, command.line, setting.name + " " + *refusal, {}};
                }
            } else if (std::ranges::find(kUnmodelledSysctls, setting.name) !=
                       std::end(kUnmodelledSysctls)) {
                if (!unmodelled.empty()) {
                    unmodelled += ", ";
                }
                unmodelled += setting.name + "=" + setting.value;
            } else {
                return ScriptError{script_.file, command.line,
                                   "a sysctl the engine models (net.ipv4.tcp_fin_timeout, "
                                   "net.ipv4.tcp_tw_reuse...)",
                                   "'" + setting.name + "'"};
            }
        }
        if (!unmodelled.empty()) {
            result_.notes.push_back(
                "line " + std::to_string(command.line) +
                ": not modelled by the engine, which behaves as without them: " + unmodelled);
        }
        return std::nullopt;
    }

    ScriptError refuse(const ScriptEvent& event, std::string expected, std::string found) const {
        return ScriptError{script_.file, event.line, std::move(expected), std::move(found)};
    }

    // adjust_relative_event_times(): a relative time counts from the moment the previous event
    // finished, except that consecutive inbound segments count from each other's script times.
    SimTime scriptTimeOf(const ScriptEvent& event, bool inbound) const {
        switch (event.time.kind) {
        case TimeKind::Absolute:
            return event.time.start;
        case TimeKind::Any:
            return now_;
        case TimeKind::Relative:
            break;
        }
        const SimTime base = previousInbound_ && inbound ? previousScriptTime_ : now_;
        return base + event.time.start;
    }
    std::optional<SimTime> scriptEndOf(const ScriptEvent& event, SimTime start) const {
        if (!event.time.rangeEnd) {
            return std::nullopt;
        }
        return start + (*event.time.rangeEnd - event.time.start);
    }

    // The engine's time for an event the script starts at `scriptAt`: never before what the
    // engine already did. Lines at one instant stay at it: the scenario's step order keeps them
    // in the script's order, each after everything the line before caused.
    SimTime engineTimeFor(SimTime scriptAt) {
        const SimTime at = std::max(scriptAt, lastEngineTime_);
        lastEngineTime_ = at;
        return at;
    }

    std::optional<ScriptError> playEvent(const ScriptEvent& event) {
        const auto* packet = std::get_if<PacketSpec>(&event.what);
        const bool inbound = packet != nullptr && !packet->outbound;
        const SimTime scriptAt = scriptTimeOf(event, inbound);
        const std::optional<SimTime> scriptEnd = scriptEndOf(event, scriptAt);
        const Duration slack = tolerance(options_, scriptAt - previousScriptTime_);
        if (packet != nullptr && packet->outbound) {
            expectPacket(event, *packet, scriptAt, scriptEnd, slack);
        } else {
            // wait_for_event(): an event whose time has passed by more than the tolerance fails.
            if (event.time.kind != TimeKind::Any && now_ > scriptAt + slack) {
                fail(event.line, "the event at " + secondsText(scriptAt),
                     "the previous event ending at " + secondsText(now_), scriptAt, now_);
                return std::nullopt;
            }
            now_ = std::max(now_, scriptAt);
            if (inbound) {
                if (auto error = inject(event, *packet, now_)) {
                    return error;
                }
            } else if (const auto* call = std::get_if<SyscallSpec>(&event.what)) {
                if (auto error = syscall(event, *call, now_)) {
                    return error;
                }
            } else {
                const auto& command = std::get<CommandSpec>(event.what);
                if (!fds_.empty()) {
                    return refuse(event,
                                  "a command before the first socket() (the engine sets "
                                  "sysctls when a run starts)",
                                  "'" + command.source + "'");
                }
                if (auto error = applySysctls(command)) {
                    return error;
                }
            }
        }
        previousInbound_ = inbound;
        previousScriptTime_ = scriptAt;
        return std::nullopt;
    }

    void fail(int line, std::string expected, std::string actual, SimTime expectedAt,
              std::optional<SimTime> actualAt) {
        if (!failure_ || line < failure_->line) {
            failure_ =
                ScriptFailure{line, std::move(expected), std::move(actual), expectedAt, actualAt};
        }
    }

    // --- the engine

    void run() {
        trace_ = simulate(scenario_);
        ++result_.runs;
        dirty_ = false;
    }
    void ensureRun() {
        if (dirty_) {
            run();
        }
    }
    HostId kernelId() const { return 0; }

    const SocketInfo* socketNamed(const std::string& name) const {
        const SocketInfo* found = nullptr;
        for (const SocketInfo& info : trace_.sockets) {
            if (info.host == kernelId() && info.name == name) {
                found = &info;
            }
        }
        return found;
    }

    // The kernel's ISN for the connection a segment it sent belongs to: the newest socket with
    // that 4-tuple.
    std::optional<Seq> kernelIsn(const Segment& segment) const {
        std::optional<Seq> isn;
        for (const SocketInfo& info : trace_.sockets) {
            if (info.host == kernelId() && info.role != SocketRole::Listener &&
                info.tuple.local == segment.src && info.tuple.remote == segment.dst) {
                isn = info.isn;
            }
        }
        return isn;
    }

    // --- `<`: a crafted segment from the scripted peer

    std::optional<ScriptError> inject(const ScriptEvent& event, const PacketSpec& packet,
                                      SimTime scriptAt) {
        CraftedSegment crafted;
        crafted.time = engineTimeFor(scriptAt);
        crafted.from = std::string(kPeerHost);
        crafted.to = std::string(kKernelHost);
        if (!flowSocket_.empty()) {
            crafted.socket = flowSocket_;
        } else if (listening_) {
            crafted.fromPort = kRemotePort;
            crafted.toPort = options_.bindPort;
        } else {
            return refuse(event, "a listen() or connect() before the first inbound segment",
                          "'<' with no socket to go to");
        }
        crafted.flags = packet.flags;
        crafted.seq = CraftedNumber{packet.seq, false};
        // map_inbound_packet(): the ack counts from the kernel's ISN.
        crafted.ack = CraftedNumber{packet.ack.value_or(0), packet.ack.has_value()};
        crafted.window = *packet.window;
        crafted.length = packet.length;
        for (const TcpOptionSpec& option : packet.options) {
            switch (option.kind) {
            case OptionKind::Mss:
                crafted.mss = static_cast<std::uint16_t>(option.value);
                break;
            case OptionKind::SackPermitted:
                crafted.sackPermitted = true;
                break;
            case OptionKind::WindowScale:
                crafted.windowScale = static_cast<std::int8_t>(std::min(option.value, 14U));
                break;
            case OptionKind::Timestamp: {
                CraftedTimestamp ts;
                ts.value = option.value;
                ts.echo = CraftedNumber{option.echo, false};
                if ((packet.flags & flag::kAck) != 0) {
                    // The script's ecr names a TS val the kernel sent, in the script's clock.
                    const auto live = tsMap_.liveEcr(option.echo, options_.tsEcrScaled);
                    if (!live) {
                        fail(event.line,
                             "a TS ecr that names an earlier outbound TS val (ecr " +
                                 std::to_string(option.echo) + ")",
                             "no outbound segment with that TS val", scriptAt, std::nullopt);
                        return std::nullopt;
                    }
                    ts.echo.value = *live;
                }
                crafted.timestamp = ts;
                break;
            }
            case OptionKind::Nop:
            case OptionKind::Eol:
                break;
            }
        }
        crafted.step = ++steps_;
        scenario_.crafted.push_back(std::move(crafted));
        dirty_ = true;
        return std::nullopt;
    }

    // --- `>`: the next segment the kernel sends

    void expectPacket(const ScriptEvent& event, const PacketSpec& packet, SimTime scriptAt,
                      std::optional<SimTime> scriptEnd, Duration slack) {
        ensureRun();
        judgePending(event.line);
        if (failure_) {
            return;
        }
        const SegmentRecord* next = nextOutbound();
        const std::string expected =
            packetText(packet) +
            (event.time.kind == TimeKind::Any
                 ? std::string()
                 : " at " + secondsText(scriptAt) +
                       (scriptEnd ? "~" + secondsText(*scriptEnd) : std::string()));
        const SimTime deadline = std::max(scriptAt, scriptEnd.value_or(scriptAt)) + kSniffTimeout;
        if (next == nullptr || (event.time.kind != TimeKind::Any && next->sentAt > deadline)) {
            fail(event.line, expected,
                 "nothing (no segment within " + secondsText(kSniffTimeout) + ")", scriptAt,
                 std::nullopt);
            return;
        }
        ++consumed_;
        const Segment& segment = next->segment;
        const std::optional<Seq> isn = kernelIsn(segment);
        ActualPacket actual = scriptView(segment, isn.value_or(Seq(0)));
        if (!packet.anyOptions && segment.hasTimestamp) {
            const auto scripted =
                std::ranges::find(packet.options, OptionKind::Timestamp, &TcpOptionSpec::kind);
            if (scripted != packet.options.end()) {
                const std::uint32_t mapped = tsMap_.map(scripted->value, segment.timestamp.value);
                for (TcpOptionSpec& option : actual.options) {
                    if (option.kind == OptionKind::Timestamp) {
                        option.value = mapped;
                    }
                }
            }
        }
        const SimTime at = next->sentAt;
        const std::string got = actualText(actual, packet) + " at " + secondsText(at);
        const Duration tsSlack = tolerance(options_, at);
        if (auto field = packetMismatch(packet, actual, options_, tsSlack)) {
            fail(event.line, expected, got + " (" + *field + " differ)", scriptAt, at);
            return;
        }
        if (event.time.kind != TimeKind::Any && !onTime(at, scriptAt, scriptEnd, slack)) {
            fail(event.line, expected, got, scriptAt, at);
            return;
        }
        now_ = std::max(now_, at);
        lastEngineTime_ = std::max(lastEngineTime_, at);
    }

    const SegmentRecord* nextOutbound() const {
        std::size_t seen = 0;
        for (const SegmentRecord& record : trace_.segments) {
            if (record.from != kernelId() || record.duplicateOf != kNoSegment) {
                continue;
            }
            if (seen++ == consumed_) {
                return &record;
            }
        }
        return nullptr;
    }

    // --- system calls

    int lowestFreeFd() const {
        int fd = kFirstFd;
        while (fds_.contains(fd)) {
            ++fd;
        }
        return fd;
    }

    // The descriptor a new socket gets. packetdrill checks only that socket() and accept()
    // return a descriptor (end_syscall(..., CHECK_FD, ...)) and names the live socket by the
    // number the script wrote (socket->script.fd), so the script's number is the socket's
    // name whatever the kernel returned. A call the script expects to fail gets the lowest free
    // number, which the judge then reports as an unexpected success.
    std::variant<int, ScriptError> newFd(const ScriptEvent& event, const SyscallSpec& call) {
        if (!call.errnoName.empty() || call.result < 0 ||
            call.result > std::numeric_limits<int>::max()) {
            return lowestFreeFd();
        }
        const auto fd = static_cast<int>(call.result);
        if (fds_.contains(fd)) {
            return refuse(event,
                          std::string("a descriptor not already open as ") + callName(call.name) +
                              "()'s result",
                          "fd " + std::to_string(fd) + ", still open");
        }
        return fd;
    }

    std::string freshName(int fd) {
        const int use = ++nameUses_[fd];
        return "fd" + std::to_string(fd) + (use > 1 ? "." + std::to_string(use) : std::string());
    }

    Action actionFor(AppCallKind call, const std::string& socket, SimTime at) const {
        Action action;
        action.trigger = Trigger::At;
        action.time = at;
        action.host = std::string(kKernelHost);
        action.socket = socket;
        action.call = call;
        return action;
    }
    void addAction(Action action) {
        action.step = ++steps_;
        scenario_.actions.push_back(std::move(action));
        dirty_ = true;
    }

    // The descriptor a call names, or a ScriptError.
    std::variant<Fd*, ScriptError> fdArg(const ScriptEvent& event, const SyscallSpec& call) {
        if (call.args.empty() || call.args[0].kind != SyscallArg::Kind::Number) {
            return refuse(
                event,
                std::string("a file descriptor as ") + callName(call.name) + "()'s first argument",
                call.args.empty() ? "no arguments" : "'" + symbolText(call.args[0]) + "'");
        }
        const auto it = fds_.find(static_cast<int>(call.args[0].number));
        if (it == fds_.end()) {
            return refuse(event, "a descriptor that socket() or accept() returned",
                          "fd " + std::to_string(call.args[0].number));
        }
        return &it->second;
    }

    void expectResult(const ScriptEvent& event, const SyscallSpec& call, std::int64_t result,
                      int error, SimTime scriptAt) {
        const std::string got = error == 0 ? std::to_string(result) : "-1 " + errnoText(error);
        const std::string want = resultText(call.result, call.errnoName);
        if (got != want) {
            fail(event.line, std::string(callName(call.name)) + "() = " + want,
                 std::string(callName(call.name)) + "() = " + got, scriptAt, scriptAt);
        }
    }

    std::optional<ScriptError> syscall(const ScriptEvent& event, const SyscallSpec& call,
                                       SimTime scriptAt) {
        if (call.name == SyscallName::Socket) {
            if (call.args.size() != 3 || !hasSymbol(call.args[1], "SOCK_STREAM")) {
                return refuse(event, "socket(..., SOCK_STREAM, IPPROTO_TCP)",
                              "another kind of socket");
            }
            const auto fdOrError = newFd(event, call);
            if (const auto* error = std::get_if<ScriptError>(&fdOrError)) {
                return *error;
            }
            const int fd = std::get<int>(fdOrError);
            fds_[fd].name = freshName(fd);
            expectResult(event, call, fd, 0, scriptAt);
            return std::nullopt;
        }
        auto fdOrError = fdArg(event, call);
        if (auto* error = std::get_if<ScriptError>(&fdOrError)) {
            return *error;
        }
        Fd& fd = *std::get<Fd*>(fdOrError);
        const auto fdNumber = static_cast<int>(call.args[0].number);
        if (call.blockingEnd && call.name != SyscallName::Connect &&
            call.name != SyscallName::Accept && call.name != SyscallName::Read) {
            return refuse(event, "a blocking time 'start...end' only on connect, accept or read",
                          std::string(callName(call.name)) + "()");
        }
        switch (call.name) {
        case SyscallName::Socket:
            break;
        case SyscallName::Setsockopt:
            return setsockopt(event, call, fd, scriptAt);
        case SyscallName::Getsockopt:
            return getsockopt(event, call, fd, scriptAt);
        case SyscallName::Fcntl:
            if (call.args.size() != 3 || !hasSymbol(call.args[1], "F_SETFL")) {
                return refuse(event, "fcntl(fd, F_SETFL, flags)", "another fcntl");
            }
            fd.nonBlocking = hasSymbol(call.args[2], "O_NONBLOCK");
            expectResult(event, call, 0, 0, scriptAt);
            return std::nullopt;
        case SyscallName::Bind:
            fd.bound = true;
            expectResult(event, call, 0, 0, scriptAt);
            return std::nullopt;
        case SyscallName::Listen: {
            Action action = actionFor(AppCallKind::Listen, fd.name, engineTimeFor(scriptAt));
            action.port = options_.bindPort;
            action.receiveBuffer = fd.receiveBuffer;
            action.userTimeout = fd.userTimeout;
            fd.listener = true;
            fd.listenAction = scenario_.actions.size();
            addAction(std::move(action));
            listening_ = true;
            flowSocket_.clear();
            PendingCall pending{&event, lastEngineTime_, scriptAt, fd.name};
            pending.rank = rankOfLatest(AppCallKind::Listen, pending.at);
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Accept: {
            if (!fd.listener) {
                return refuse(event, "accept() on a listening socket",
                              "fd " + std::to_string(fdNumber));
            }
            const auto childOrError = newFd(event, call);
            if (const auto* error = std::get_if<ScriptError>(&childOrError)) {
                return *error;
            }
            const int child = std::get<int>(childOrError);
            Fd& accepted = fds_[child];
            accepted.name = freshName(child);
            accepted.accepted = true;
            accepted.lingerZero = fds_[fdNumber].lingerZero;
            accepted.userTimeout = fds_[fdNumber].userTimeout;
            accepted.openAction = fds_[fdNumber].listenAction;
            scenario_.actions[fds_[fdNumber].listenAction].accept.push_back(accepted.name);
            dirty_ = true;
            const SimTime at = engineTimeFor(scriptAt);
            // A script's socket reads only when it calls read().
            addAction(actionFor(AppCallKind::StopReading, accepted.name, at));
            if (accepted.lingerZero) {
                addAction(actionFor(AppCallKind::SetLinger, accepted.name, at));
            }
            PendingCall pending{&event,        at,    scriptAt,
                                accepted.name, child, fds_[fdNumber].nonBlocking};
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Connect: {
            Action action = actionFor(AppCallKind::Connect, fd.name, engineTimeFor(scriptAt));
            action.peer = std::string(kPeerHost);
            action.peerPort = options_.connectPort;
            action.port = fd.bound ? options_.bindPort : 0;
            action.receiveBuffer = fd.receiveBuffer;
            action.userTimeout = fd.userTimeout;
            action.localPortRange = fd.localPortRange;
            fd.openAction = scenario_.actions.size();
            const SimTime at = action.time;
            addAction(std::move(action));
            addAction(actionFor(AppCallKind::StopReading, fd.name, at));
            if (fd.lingerZero) {
                addAction(actionFor(AppCallKind::SetLinger, fd.name, at));
            }
            fd.connecting = true;
            flowSocket_ = fd.name;
            PendingCall pending{&event, at, scriptAt, fd.name, -1, fd.nonBlocking};
            pending.rank = rankOfLatest(AppCallKind::Connect, pending.at);
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Write: {
            if (call.args.size() != 3 || call.args[2].kind != SyscallArg::Kind::Number ||
                call.args[2].number < 0) {
                return refuse(event, "write(fd, ..., bytes)", "other arguments");
            }
            Action action = actionFor(AppCallKind::Send, fd.name, engineTimeFor(scriptAt));
            action.bytes = static_cast<std::uint64_t>(call.args[2].number);
            addAction(std::move(action));
            PendingCall pending{&event, lastEngineTime_, scriptAt, fd.name};
            pending.rank = rankOfLatest(AppCallKind::Send, pending.at);
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Read: {
            if (call.args.size() != 3 || call.args[2].kind != SyscallArg::Kind::Number ||
                call.args[2].number < 0) {
                return refuse(event, "read(fd, ..., bytes)", "other arguments");
            }
            if (call.args[2].number == 0) {
                expectResult(event, call, 0, 0, scriptAt);
                return std::nullopt;
            }
            const SimTime at = engineTimeFor(scriptAt);
            // One read() of at most n bytes; what is left stays queued and keeps the window
            // small. A blocking one that finds nothing takes what arrives next.
            Action read = actionFor(AppCallKind::ResumeReading, fd.name, at);
            read.bytes = static_cast<std::uint64_t>(call.args[2].number);
            read.wait = !fd.nonBlocking;
            addAction(std::move(read));
            PendingCall pending{&event,         at,          scriptAt,   fd.name, -1,
                                fd.nonBlocking, fd.consumed, fd.shutRead};
            pending.rank = rankOfLatest(AppCallKind::ResumeReading, at);
            if (call.result > 0) {
                fd.consumed += static_cast<std::uint64_t>(call.result);
            }
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Shutdown: {
            if (call.args.size() != 2) {
                return refuse(event, "shutdown(fd, SHUT_RD|SHUT_WR|SHUT_RDWR)", "other arguments");
            }
            int how = -1;
            if (hasSymbol(call.args[1], "SHUT_RD")) {
                how = 0;
            } else if (hasSymbol(call.args[1], "SHUT_WR")) {
                how = 1;
            } else if (hasSymbol(call.args[1], "SHUT_RDWR")) {
                how = 2;
            } else {
                return refuse(event, "SHUT_RD, SHUT_WR or SHUT_RDWR",
                              "'" + symbolText(call.args[1]) + "'");
            }
            Action action = actionFor(AppCallKind::Shutdown, fd.name, engineTimeFor(scriptAt));
            action.how = how;
            addAction(std::move(action));
            fd.shutRead = fd.shutRead || how != 1;
            PendingCall pending{&event, lastEngineTime_, scriptAt, fd.name};
            pending.rank = rankOfLatest(AppCallKind::Shutdown, pending.at);
            pending_.push_back(pending);
            return std::nullopt;
        }
        case SyscallName::Close: {
            addAction(actionFor(AppCallKind::Close, fd.name, engineTimeFor(scriptAt)));
            fds_.erase(fdNumber);
            expectResult(event, call, 0, 0, scriptAt);
            return std::nullopt;
        }
        }
        return std::nullopt;
    }

    std::optional<ScriptError> setsockopt(const ScriptEvent& event, const SyscallSpec& call, Fd& fd,
                                          SimTime scriptAt) {
        if (call.args.size() != 5) {
            return refuse(event, "setsockopt(fd, level, name, value, length)", "other arguments");
        }
        const SyscallArg& name = call.args[2];
        const SyscallArg& value = call.args[3];
        if (hasSymbol(name, "SO_REUSEADDR") || hasSymbol(name, "IP_BIND_ADDRESS_NO_PORT")) {
            // The engine's ports: a listener's port is free again when its last socket is.
            // IP_BIND_ADDRESS_NO_PORT changes only a bind() to port 0, and a script's bind()
            // names --bind_port; a connect() without bind() picks its port at connect() time.
        } else if (hasSymbol(name, "SO_LINGER")) {
            if (value.kind != SyscallArg::Kind::Struct || value.items.size() != 2 ||
                value.items[0].number != 1 || value.items[1].number != 0) {
                return refuse(event, "SO_LINGER {l_onoff=1, l_linger=0} (an abortive close)",
                              "another linger setting");
            }
            fd.lingerZero = true;
            if (fd.connecting || fd.accepted) {
                addAction(actionFor(AppCallKind::SetLinger, fd.name, engineTimeFor(scriptAt)));
            }
        } else if (hasSymbol(name, "SO_RCVBUF")) {
            const auto bytes = intValue(value);
            if (!bytes || *bytes <= 0 || fd.connecting || fd.accepted || fd.listener) {
                return refuse(event, "SO_RCVBUF [bytes] before listen() or connect()",
                              "'" + symbolText(value) + "'");
            }
            fd.receiveBuffer = static_cast<std::uint32_t>(*bytes);
        } else if (hasSymbol(name, "TCP_USER_TIMEOUT")) {
            const auto ms = intValue(value);
            if (!ms || *ms < 0 || *ms > std::numeric_limits<int>::max()) {
                return refuse(event, "TCP_USER_TIMEOUT [milliseconds, 0 or more]",
                              "'" + symbolText(value) + "'");
            }
            fd.userTimeout = std::chrono::milliseconds(*ms);
            if (fd.connecting || fd.accepted) {
                // The engine takes socket options when the socket is made: set later, it holds
                // from the connection's start (an accepted one's: from its listener's).
                scenario_.actions[fd.openAction].userTimeout = fd.userTimeout;
                dirty_ = true;
                result_.notes.push_back("line " + std::to_string(event.line) +
                                        ": TCP_USER_TIMEOUT holds in the engine from the "
                                        "connection's start" +
                                        (fd.accepted ? " (set on its listener)" : ""));
            }
        } else if (isLocalPortRange(call.args[1], name)) {
            const auto range = intValue(value);
            if (!range || *range < 0 || *range > std::numeric_limits<std::uint32_t>::max()) {
                return refuse(event, "IP_LOCAL_PORT_RANGE [(high << 16) | low]",
                              "'" + symbolText(value) + "'");
            }
            const auto packed = static_cast<std::uint32_t>(*range);
            const std::uint32_t low = packed & 0xffffU;
            const std::uint32_t high = packed >> 16;
            if (low != 0 && high != 0 && low > high) {
                // do_ip_setsockopt(): a range whose low bound passes its high one.
                expectResult(event, call, -1, EINVAL, scriptAt);
                return std::nullopt;
            }
            // Read by connect() (port_search.h): set after it, it changes nothing.
            fd.localPortRange = packed;
        } else {
            return refuse(event,
                          "SO_REUSEADDR, SO_LINGER, SO_RCVBUF, TCP_USER_TIMEOUT, "
                          "IP_BIND_ADDRESS_NO_PORT or IP_LOCAL_PORT_RANGE",
                          "'" + symbolText(name) + "'");
        }
        expectResult(event, call, 0, 0, scriptAt);
        return std::nullopt;
    }

    std::optional<ScriptError> getsockopt(const ScriptEvent& event, const SyscallSpec& call, Fd& fd,
                                          SimTime scriptAt) {
        if (call.args.size() != 5 || !hasSymbol(call.args[2], "SO_ERROR") ||
            !intValue(call.args[3])) {
            return refuse(event, "getsockopt(fd, SOL_SOCKET, SO_ERROR, [value], [4])",
                          "another option");
        }
        pending_.push_back(PendingCall{&event, engineTimeFor(scriptAt), scriptAt, fd.name});
        return std::nullopt;
    }

    // --- judging calls from the trace

    // Judges the calls before `beforeLine`. A blocking call returns while later lines play, so it
    // is judged once the whole script has been played (`atEnd`).
    void judgePending(int beforeLine, bool atEnd = false) {
        std::vector<PendingCall> later;
        for (const PendingCall& pending : pending_) {
            const bool blocking =
                std::get<SyscallSpec>(pending.event->what).blockingEnd.has_value();
            if (pending.event->line < beforeLine && (atEnd || !blocking)) {
                judgeCall(pending);
            } else {
                later.push_back(pending);
            }
        }
        pending_ = std::move(later);
    }

    // The engine's fact for the call a pending one made.
    const Fact* appCallOf(AppCallKind kind, const PendingCall& pending) const {
        std::size_t rank = 0;
        for (const Fact& fact : trace_.facts) {
            if (fact.kind == FactKind::AppCall && fact.host == kernelId() && fact.call == kind &&
                fact.at == pending.at && rank++ == pending.rank) {
                return &fact;
            }
        }
        return nullptr;
    }
    // How many of the kernel's calls of this kind the scenario makes at `at` before its latest.
    std::size_t rankOfLatest(AppCallKind kind, SimTime at) const {
        const auto same = std::ranges::count_if(scenario_.actions, [&](const Action& action) {
            return action.call == kind && action.trigger == Trigger::At && action.time == at;
        });
        return static_cast<std::size_t>(std::max<std::ptrdiff_t>(same - 1, 0));
    }

    // When the socket's connection was established, and when it ended with which errno.
    struct Lifetime {
        std::optional<SimTime> established;
        std::optional<SimTime> ended;
        int error = 0;
    };
    Lifetime lifetimeOf(SocketId id) const {
        Lifetime life;
        for (const Fact& fact : trace_.facts) {
            if (fact.kind != FactKind::StateChanged || fact.socket != id) {
                continue;
            }
            if (fact.to == TcpState::Established && !life.established) {
                life.established = fact.at;
            }
            if (fact.to == TcpState::Closed && !life.ended) {
                life.ended = fact.at;
                if (fact.reason.code == Cause::RcvRst) {
                    life.error = static_cast<int>(fact.reason.args[0]);
                } else if (fact.reason.code == Cause::RetriesExhausted ||
                           fact.reason.code == Cause::ProbesExhausted) {
                    life.error = ETIMEDOUT;
                }
            }
        }
        return life;
    }

    // What read() sees after the first `end` facts: the bytes that arrived in order and whether
    // the FIN came after them.
    struct Received {
        std::uint64_t bytes = 0;
        bool fin = false;
    };
    Received receivedBefore(const SocketInfo& socket, std::size_t end) const {
        Received received;
        Seq next = socket.peerIsn + 1U;
        for (std::size_t i = 0; i < end; ++i) {
            const Fact& fact = trace_.facts[i];
            if (fact.kind != FactKind::SegmentDelivered || fact.socket != socket.id ||
                fact.segment == kNoSegment) {
                continue;
            }
            if (fact.reason.code != Cause::Accepted && fact.reason.code != Cause::RcvFin) {
                continue;
            }
            const Segment& segment = trace_.segments[fact.segment].segment;
            const Seq start = segment.has(flag::kSyn) ? segment.seq + 1U : segment.seq;
            const Seq end = start + segment.length;
            if (!after(start, next) && after(end, next)) {
                received.bytes += static_cast<std::uint32_t>(end - next);
                next = end;
            }
            if (segment.has(flag::kFin) && end == next) {
                received.fin = true;
            }
        }
        return received;
    }

    void judgeCall(const PendingCall& pending) {
        const ScriptEvent& event = *pending.event;
        const auto& call = std::get<SyscallSpec>(event.what);
        switch (call.name) {
        case SyscallName::Listen:
        case SyscallName::Write:
        case SyscallName::Shutdown: {
            const AppCallKind kind = call.name == SyscallName::Listen  ? AppCallKind::Listen
                                     : call.name == SyscallName::Write ? AppCallKind::Send
                                                                       : AppCallKind::Shutdown;
            const Fact* fact = appCallOf(kind, pending);
            const int error = fact != nullptr ? fact->error : EBADF;
            const std::int64_t result = call.name == SyscallName::Write ? call.args[2].number : 0;
            expectResult(event, call, result, error, pending.scriptAt);
            return;
        }
        case SyscallName::Connect:
            judgeConnect(pending, call);
            return;
        case SyscallName::Accept:
            judgeAccept(pending, call);
            return;
        case SyscallName::Read:
            judgeRead(pending, call);
            return;
        case SyscallName::Getsockopt: {
            const SocketInfo* socket = socketNamed(pending.fd);
            int error = 0;
            if (socket != nullptr) {
                const Lifetime life = lifetimeOf(socket->id);
                if (life.ended && *life.ended <= pending.at) {
                    error = life.error;
                }
            }
            const std::int64_t want = *intValue(call.args[3]);
            if (want != error) {
                fail(event.line, "getsockopt(SO_ERROR) = [" + std::to_string(want) + "]",
                     "[" + std::to_string(error) + "]", pending.scriptAt, pending.at);
            }
            return;
        }
        default:
            return;
        }
    }

    void judgeConnect(const PendingCall& pending, const SyscallSpec& call) {
        const ScriptEvent& event = *pending.event;
        const Fact* fact = appCallOf(AppCallKind::Connect, pending);
        if (fact != nullptr && fact->error != 0) {
            expectResult(event, call, -1, fact->error, pending.scriptAt);
            return;
        }
        if (pending.nonBlocking) {
            expectResult(event, call, -1, EINPROGRESS, pending.scriptAt);
            return;
        }
        const SocketInfo* socket = socketNamed(pending.fd);
        const Lifetime life = socket != nullptr ? lifetimeOf(socket->id) : Lifetime{};
        std::optional<SimTime> returned;
        int error = 0;
        if (life.established && (!life.ended || *life.established <= *life.ended)) {
            returned = life.established;
        } else if (life.ended) {
            returned = life.ended;
            error = life.error != 0 ? life.error : ECONNREFUSED;
        }
        judgeBlocking(pending, call, returned, error == 0 ? 0 : -1, error);
    }

    void judgeAccept(const PendingCall& pending, const SyscallSpec& call) {
        const SocketInfo* socket = socketNamed(pending.fd);
        const Lifetime life = socket != nullptr ? lifetimeOf(socket->id) : Lifetime{};
        std::optional<SimTime> returned;
        if (life.established) {
            returned = std::max(*life.established, pending.at);
        }
        if (pending.nonBlocking && (!returned || *returned > pending.at)) {
            expectResult(*pending.event, call, -1, EAGAIN, pending.scriptAt);
            return;
        }
        judgeBlocking(pending, call, returned, pending.fdNumber, 0);
    }

    void judgeRead(const PendingCall& pending, const SyscallSpec& call) {
        const SocketInfo* socket = socketNamed(pending.fd);
        if (socket == nullptr) {
            expectResult(*pending.event, call, -1, ENOTCONN, pending.scriptAt);
            return;
        }
        // The engine's read() reports sk_err (ECONNRESET after a RST, ETIMEDOUT...) once.
        const Fact* engineRead = appCallOf(AppCallKind::ResumeReading, pending);
        if (engineRead != nullptr && engineRead->error != 0 && engineRead->error != EAGAIN) {
            judgeBlocking(pending, call, pending.at, -1, engineRead->error);
            return;
        }
        const auto wanted = static_cast<std::uint64_t>(call.args[2].number);
        const bool shutRead = pending.shutRead;
        const Lifetime life = lifetimeOf(socket->id);
        // The first moment read() has something to return: bytes, or 0 at end of stream or on
        // a connection that is gone (tcp_done() shut both directions). It sees what the first
        // `end` facts delivered, `at` being the last one's time.
        const auto answerAfter = [&](std::size_t end, SimTime at) -> std::optional<std::int64_t> {
            const Received received = receivedBefore(*socket, end);
            if (received.bytes > pending.consumedBefore) {
                return static_cast<std::int64_t>(
                    std::min(wanted, received.bytes - pending.consumedBefore));
            }
            if (received.fin || shutRead || (life.ended && *life.ended <= at)) {
                return 0;
            }
            return std::nullopt;
        };
        // Where the call is among the facts: lines at one instant run in script order.
        const std::size_t callIndex =
            engineRead != nullptr
                ? static_cast<std::size_t>(engineRead - trace_.facts.data())
                : static_cast<std::size_t>(
                      std::ranges::find_if(trace_.facts,
                                           [&](const Fact& fact) { return fact.at > pending.at; }) -
                      trace_.facts.begin());
        if (auto now = answerAfter(callIndex, pending.at)) {
            judgeBlocking(pending, call, pending.at, *now, 0);
            return;
        }
        if (pending.nonBlocking) {
            expectResult(*pending.event, call, -1, EAGAIN, pending.scriptAt);
            return;
        }
        std::optional<SimTime> returned;
        std::int64_t result = 0;
        int error = 0;
        for (std::size_t i = callIndex; i < trace_.facts.size(); ++i) {
            const Fact& fact = trace_.facts[i];
            if (fact.socket != socket->id) {
                continue;
            }
            if (life.ended && fact.at >= *life.ended) {
                // tcp_recvmsg() wakes up on tcp_done() and takes sk_err (setSocketError()).
                returned = life.ended;
                error = life.error;
                break;
            }
            if (fact.kind == FactKind::SegmentDelivered) {
                if (auto answer = answerAfter(i + 1, fact.at)) {
                    returned = fact.at;
                    result = *answer;
                    break;
                }
            }
        }
        judgeBlocking(pending, call, returned, error == 0 ? result : -1, error);
    }

    // A call that may block: its result, and its return time against `start...end` (or against
    // its start, for a call the script does not expect to block).
    void judgeBlocking(const PendingCall& pending, const SyscallSpec& call,
                       std::optional<SimTime> returned, std::int64_t result, int error) {
        const ScriptEvent& event = *pending.event;
        const std::string name = std::string(callName(call.name)) + "()";
        const SimTime expectedEnd = call.blockingEnd
                                        ? pending.scriptAt + (*call.blockingEnd - event.time.start)
                                        : pending.scriptAt;
        const std::string want = name + " = " + resultText(call.result, call.errnoName) +
                                 " returning at " + secondsText(expectedEnd);
        if (!returned) {
            fail(event.line, want, name + " still blocked when the run ended", expectedEnd,
                 std::nullopt);
            return;
        }
        const std::string gotResult =
            error == 0 ? std::to_string(result) : "-1 " + errnoText(error);
        const std::string got =
            name + " = " + gotResult + " returning at " + secondsText(*returned);
        const Duration slack = tolerance(options_, expectedEnd - pending.scriptAt);
        if (gotResult != resultText(call.result, call.errnoName) ||
            !onTime(*returned, expectedEnd, std::nullopt, slack)) {
            fail(event.line, want, got, expectedEnd, *returned);
        }
    }

    const Script& script_;
    const ScriptOptions& options_;
    Scenario scenario_;
    Trace trace_;
    PlayResult result_;
    std::optional<ScriptFailure> failure_;
    bool dirty_ = true;
    std::map<int, Fd> fds_;
    std::map<int, int> nameUses_;
    std::vector<PendingCall> pending_;
    std::string flowSocket_; // the connect()ed socket inbound segments go to
    bool listening_ = false;
    SimTime now_{};                // when the previous event finished
    SimTime previousScriptTime_{}; // the previous event's script time
    bool previousInbound_ = false;
    SimTime lastEngineTime_{-1}; // the engine time of the last scheduled or seen event
    std::size_t consumed_ = 0;   // outbound segments the script has taken
    std::uint32_t steps_ = 0;    // the scenario's steps so far, in script order
    TsValMap tsMap_;
};

} // namespace

PlayOutcome playScript(const Script& script) {
    return Player(script).play();
}

} // namespace tdl::pd
