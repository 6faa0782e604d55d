#pragma once

// The programs that drive the sockets: the scenario's actions (at a time, or waiting for a
// socket's event), the names the application gives its sockets, the load generator and the fixed
// reactions of its clients and servers, and the load's periodic counters. They make socket calls
// on the TCP stack and hear back through appEvent(), as a process wakes up from poll().

#include "sim_context.h"
#include "tcp_sock.h"

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tdl {

class TcpStack;

class Applications {
public:
    Applications(SimContext& ctx, TcpStack& tcp)
        : ctx_(ctx)
        , tcp_(tcp) {}

    // The scenario's action `index`: at its time, or when its trigger fires.
    void addAction(std::size_t index);
    // The load: its server listens on its ports, its first connection and sample are scheduled.
    void startLoad(HostId client, HostId server);

    // --- sim/app_calls.cpp: the scenario's actions and what the application hears back
    void runAction(std::size_t index);
    // accept(): the scenario's next name for its listener's connections goes to this one.
    void nameAccepted(TcpSock& sock);
    void appEvent(TcpSock& sock, AppEvent event);

    // --- sim/load_program.cpp: the load generator and its programs
    void loadTick();
    // The programs woken by the event just handled, once the stack is done with it.
    void runWokenPrograms() {
        if (!woken_.empty()) {
            runWoken();
        }
    }
    void runProgram(std::uint32_t slot, AppEvent event);
    void sample();
    // The sink asked the run to stop (a load's sample was refused).
    bool cancelled() const { return cancelled_; }

private:
    void readOnce(TcpSock& sock, HostId hostId, const Action& action);
    void notifyApp(TcpSock& sock, Trigger trigger);
    void runWoken();
    static std::string actionKey(const std::string& host, const std::string& socket,
                                 Trigger trigger);

    SimContext& ctx_;
    TcpStack& tcp_;
    // Actions waiting for an event: by host, socket name and trigger.
    std::unordered_map<std::string, std::vector<std::size_t>> triggered_;
    // A listener's names for the connections it accepts, in order, and how many it has given.
    struct AcceptNames {
        std::vector<std::string> names;
        std::size_t given = 0;
    };
    absl::flat_hash_map<SocketId, AcceptNames> acceptNames_;
    std::uint64_t loadStarted_ = 0;
    bool cancelled_ = false;
    HostId loadClient_ = kNoHost;
    HostId loadServer_ = kNoHost;
    struct Woken {
        std::uint32_t slot;
        SocketId id;
        AppEvent event;
    };
    std::vector<Woken> woken_; // load programs to run when the current event is done
};

} // namespace tdl
