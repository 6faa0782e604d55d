#include "socket_table_text.h"

#include <array>
#include <cstdio>
#include <map>
#include <sstream>

namespace tdl {

namespace {

// ss.c print_ms_timer().
std::string msTimerText(std::int64_t timeoutMs) {
    std::int64_t secs = timeoutMs / 1000;
    const std::int64_t minutes = secs / 60;
    secs %= 60;
    std::int64_t msecs = timeoutMs % 1000;
    std::string out;
    if (minutes != 0) {
        msecs = 0;
        out += std::to_string(minutes) + "min";
        if (minutes > 9) {
            secs = 0;
        }
    }
    if (secs != 0) {
        if (secs > 9) {
            msecs = 0;
        }
        out += std::to_string(secs) + (msecs != 0 ? "." : "sec");
    }
    if (msecs != 0) {
        std::array<char, 8> digits{};
        std::snprintf(digits.data(), digits.size(), "%03d", static_cast<int>(msecs));
        out += std::string(digits.data()) + "ms";
    }
    return out;
}

std::string endpointText(const Endpoint& e, bool anyPort) {
    return formatIpv4(e.address) + ':' + (anyPort ? std::string("*") : std::to_string(e.port));
}

} // namespace

std::string_view ssStateName(TcpState state) {
    switch (state) {
    case TcpState::Closed:
        return "UNCONN";
    case TcpState::Listen:
        return "LISTEN";
    case TcpState::SynSent:
        return "SYN-SENT";
    case TcpState::SynReceived:
        return "SYN-RECV";
    case TcpState::Established:
        return "ESTAB";
    case TcpState::FinWait1:
        return "FIN-WAIT-1";
    case TcpState::FinWait2:
        return "FIN-WAIT-2";
    case TcpState::CloseWait:
        return "CLOSE-WAIT";
    case TcpState::Closing:
        return "CLOSING";
    case TcpState::LastAck:
        return "LAST-ACK";
    case TcpState::TimeWait:
        return "TIME-WAIT";
    }
    return "UNKNOWN";
}

std::string ssTimerText(const SocketRow& row) {
    // ss.c tmr_name[], indexed by inet_diag's timer_active.
    static constexpr std::array<std::string_view, 5> kNames = {"off", "on", "keepalive", "timewait",
                                                               "persist"};
    if (row.timer == SsTimer::Off) {
        return {};
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(row.timerLeft).count();
    return "timer:(" + std::string(kNames[static_cast<std::size_t>(row.timer)]) + ',' +
           msTimerText(ms < 0 ? 0 : ms) + ',' + std::to_string(row.retransmits) + ')';
}

std::string renderSocketTable(const std::vector<HostInfo>& hosts,
                              const std::vector<SocketRow>& rows) {
    std::ostringstream out;
    for (std::size_t h = 0; h < hosts.size(); ++h) {
        std::map<std::string_view, std::size_t> perState;
        std::size_t count = 0;
        for (const SocketRow& row : rows) {
            if (row.host == h) {
                ++perState[ssStateName(row.state)];
                ++count;
            }
        }
        out << hosts[h].name << " (" << formatIpv4(hosts[h].address) << "): " << count
            << (count == 1 ? " socket" : " sockets");
        for (const auto& [state, n] : perState) {
            out << "  " << state << ' ' << n;
        }
        out << '\n';
        if (count == 0) {
            out << '\n';
            continue;
        }
        std::array<char, 160> line{};
        const auto emit = [&] {
            std::string text(line.data());
            text.erase(text.find_last_not_of(' ') + 1);
            out << text << '\n';
        };
        std::snprintf(line.data(), line.size(), "%-11s %-6s %-6s %-21s %-21s %-28s %s", "State",
                      "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port", "Timer",
                      "Connection");
        emit();
        for (const SocketRow& row : rows) {
            if (row.host != h) {
                continue;
            }
            const bool listener = row.state == TcpState::Listen;
            std::string note = row.connection ? '#' + std::to_string(*row.connection) : "";
            if (row.orphan) {
                note += note.empty() ? "orphan" : " orphan";
            }
            std::snprintf(line.data(), line.size(), "%-11s %-6llu %-6llu %-21s %-21s %-28s %s",
                          std::string(ssStateName(row.state)).c_str(),
                          static_cast<unsigned long long>(row.recvQ),
                          static_cast<unsigned long long>(row.sendQ),
                          endpointText(row.tuple.local, false).c_str(),
                          endpointText(row.tuple.remote, listener).c_str(),
                          ssTimerText(row).c_str(), note.c_str());
            emit();
        }
        out << '\n';
    }
    return out.str();
}

} // namespace tdl
