#pragma once

#include "WhatIf.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdl::ui {

// The sandbox: a scenario a student builds by clicking. blank() is two hosts and a listener;
// add(), move() and remove() each turn one application call into an edited scenario, the same
// kind of edit WhatIf makes, so that it goes on the document's undo stack and re-runs at once.
class SandboxEdit {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::SandboxEdit)

public:
    // The calls a student can add on a lifeline.
    enum class Call : std::uint8_t {
        Connect,
        Send,
        ShutdownRead,
        ShutdownWrite,
        ShutdownBoth,
        Close,
        StopReading,
        ResumeReading,
        LingerZero,
    };
    static constexpr std::array<Call, 9> kCalls = {
        Call::Connect,       Call::Send,          Call::ShutdownRead,
        Call::ShutdownWrite, Call::ShutdownBoth,  Call::Close,
        Call::StopReading,   Call::ResumeReading, Call::LingerZero};

    static constexpr const char* kClient = "client";
    static constexpr const char* kServer = "server";
    static constexpr std::uint16_t kServerPort = 80;
    static constexpr std::uint64_t kDefaultSendBytes = 1000;

    // File > New: a client and a server on the default Linux 6 profile, 10 ms apart, and a
    // server listening on port 80 from the start. The run lasts long enough for TIME-WAIT (60 s)
    // to end.
    static Scenario blank();

    // The socket a call on this host acts on: for connect, a fresh name; otherwise the host's
    // latest connection (the one it connected, or else the one its listener accepts). "" when
    // there is none: a call needs a connection first, and connect() a listener on another host.
    static std::string socketFor(const Scenario& scenario, const std::string& host, Call call);
    static bool canAdd(const Scenario& scenario, const std::string& host, Call call) {
        return !socketFor(scenario, host, call).empty();
    }

    // `bytes` is for Send only.
    static std::optional<WhatIf::Edit> add(const Scenario& scenario, const std::string& host,
                                           Duration at, Call call,
                                           std::uint64_t bytes = kDefaultSendBytes);
    // Moves action `index` to an absolute time; a call that waited for an event (established,
    // end of file) then happens at that time instead.
    static std::optional<WhatIf::Edit> move(const Scenario& scenario, std::size_t index,
                                            Duration at);
    static std::optional<WhatIf::Edit> remove(const Scenario& scenario, std::size_t index);

    // The host's actions, in the scenario's order.
    static std::vector<std::size_t> actionsOn(const Scenario& scenario, const std::string& host);

    // "shutdown(SHUT_WR)", "send(1000 bytes)", "SO_LINGER 0"; for menus and undo texts.
    static QString callName(Call call);
    static QString actionName(const Action& action);
    // "at 250 ms", "50 ms after end of file"
    static QString whenText(const Action& action);
};

} // namespace tdl::ui
