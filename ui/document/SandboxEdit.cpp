#include "SandboxEdit.h"

#include "TraceText.h"

#include <algorithm>

namespace tdl::ui {

namespace {

AppCallKind appCall(SandboxEdit::Call call) {
    switch (call) {
    case SandboxEdit::Call::Connect:
        return AppCallKind::Connect;
    case SandboxEdit::Call::Send:
        return AppCallKind::Send;
    case SandboxEdit::Call::ShutdownRead:
    case SandboxEdit::Call::ShutdownWrite:
    case SandboxEdit::Call::ShutdownBoth:
        return AppCallKind::Shutdown;
    case SandboxEdit::Call::Close:
        return AppCallKind::Close;
    case SandboxEdit::Call::StopReading:
        return AppCallKind::StopReading;
    case SandboxEdit::Call::ResumeReading:
        return AppCallKind::ResumeReading;
    case SandboxEdit::Call::LingerZero:
        return AppCallKind::SetLinger;
    }
    return AppCallKind::Close;
}

// shutdown()'s `how`: SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2.
int shutdownHow(SandboxEdit::Call call) {
    switch (call) {
    case SandboxEdit::Call::ShutdownRead:
        return 0;
    case SandboxEdit::Call::ShutdownBoth:
        return 2;
    default:
        return 1;
    }
}

bool socketNameTaken(const Scenario& scenario, const std::string& host, const std::string& name) {
    return std::any_of(scenario.actions.begin(), scenario.actions.end(), [&](const Action& a) {
        const bool accepted = std::find(a.accept.begin(), a.accept.end(), name) != a.accept.end();
        return a.host == host && (a.socket == name || accepted);
    });
}

// "c", then "c2", "c3"... : the first name the host does not use yet.
std::string freshName(const Scenario& scenario, const std::string& host, const std::string& stem) {
    std::string name = stem;
    for (int n = 2; socketNameTaken(scenario, host, name); ++n) {
        name = stem + std::to_string(n);
    }
    return name;
}

// The first listen() on another host: where connect() goes.
const Action* listenerFor(const Scenario& scenario, const std::string& host) {
    for (const Action& action : scenario.actions) {
        if (action.call == AppCallKind::Listen && action.host != host) {
            return &action;
        }
    }
    return nullptr;
}

// The blank sandbox's "what to watch" is how to use it; once the student has added a call it has
// done its job, and the banner would otherwise call it "the original story".
Scenario withoutHint(Scenario scenario) {
    if (scenario.watch == SandboxEdit::blank().watch) {
        scenario.watch = {};
    }
    return scenario;
}

QString hostText(const std::string& host) {
    return QString::fromStdString(host);
}

} // namespace

Scenario SandboxEdit::blank() {
    Scenario s;
    s.id = "sandbox";
    s.lesson = "sandbox";
    s.title = {"Sandbox", "沙盒"};
    s.description = {
        "Two hosts and a listener. Right-click a lifeline to add an application call "
        "there: connect, send, shutdown, close, stop or resume reading, SO_LINGER 0.",
        "两台主机和一个监听套接字。在生命线上单击右键，即可在那个时刻加入一次应用调用："
        "connect、send、shutdown、close、停止或恢复读取、SO_LINGER 0。"};
    s.watch = {"Right-click a lifeline at a time to add a call there; right-click again to move "
               "or remove it. Start with connect() on the client.",
               "在生命线上某个时刻单击右键，即可在那里加入一次调用；再次右键可移动或删除它。"
               "先在客户端上加入 connect()。"};
    s.seed = 1;
    s.limit = 2min;
    s.hosts = {{kClient, 0x0A000001, KernelProfile::Linux6, defaultSysctls(KernelProfile::Linux6)},
               {kServer, 0x0A000002, KernelProfile::Linux6, defaultSysctls(KernelProfile::Linux6)}};
    s.network.delay = 10ms;
    Action listen;
    listen.host = kServer;
    listen.socket = "listener";
    listen.call = AppCallKind::Listen;
    listen.port = kServerPort;
    listen.accept = {"s"};
    s.actions.push_back(listen);
    return s;
}

std::string SandboxEdit::socketFor(const Scenario& scenario, const std::string& host, Call call) {
    if (scenario.hostIndex(host) < 0) {
        return {};
    }
    if (call == Call::Connect) {
        return listenerFor(scenario, host) != nullptr ? freshName(scenario, host, "c")
                                                      : std::string();
    }
    for (auto action = scenario.actions.rbegin(); action != scenario.actions.rend(); ++action) {
        if (action->host == host && action->call == AppCallKind::Connect) {
            return action->socket;
        }
    }
    // The connection the host's listener accepted last: the n-th connect() to it has the n-th
    // accept name.
    for (auto action = scenario.actions.rbegin(); action != scenario.actions.rend(); ++action) {
        if (action->host != host || action->call != AppCallKind::Listen || action->accept.empty()) {
            continue;
        }
        const auto connects = static_cast<std::size_t>(
            std::count_if(scenario.actions.begin(), scenario.actions.end(), [&](const Action& a) {
                return a.call == AppCallKind::Connect && a.peer == host &&
                       a.peerPort == action->port;
            }));
        if (connects > 0) {
            return action->accept[std::min(connects, action->accept.size()) - 1];
        }
    }
    return {};
}

std::optional<WhatIf::Edit> SandboxEdit::add(const Scenario& scenario, const std::string& host,
                                             Duration at, Call call, std::uint64_t bytes) {
    const std::string socket = socketFor(scenario, host, call);
    if (socket.empty() || at < Duration::zero()) {
        return std::nullopt;
    }
    Scenario edited = withoutHint(scenario);
    Action action;
    action.trigger = Trigger::At;
    action.time = at;
    action.host = host;
    action.socket = socket;
    action.call = appCall(call);
    if (call == Call::Connect) {
        const Action& listener = *listenerFor(scenario, host);
        action.peer = listener.host;
        action.peerPort = listener.port;
        // The server names each connection it accepts; a second client connection gets a name
        // of its own there, so that calls can pick it.
        const std::size_t connects = static_cast<std::size_t>(
            std::count_if(scenario.actions.begin(), scenario.actions.end(), [&](const Action& a) {
                return a.call == AppCallKind::Connect && a.peer == listener.host &&
                       a.peerPort == listener.port;
            }));
        auto found = std::find(edited.actions.begin(), edited.actions.end(), listener);
        if (found->accept.size() <= connects) {
            found->accept.push_back(freshName(edited, listener.host, "s"));
        }
    } else if (call == Call::Send) {
        action.bytes = std::max<std::uint64_t>(bytes, 1);
    } else if (action.call == AppCallKind::Shutdown) {
        action.how = shutdownHow(call);
    }
    edited.actions.push_back(action);
    return WhatIf::Edit{
        std::move(edited),
        tr("Add %1 on %2 at %3").arg(actionName(action), hostText(host), TraceText::duration(at))};
}

std::optional<WhatIf::Edit> SandboxEdit::move(const Scenario& scenario, std::size_t index,
                                              Duration at) {
    if (index >= scenario.actions.size() || at < Duration::zero()) {
        return std::nullopt;
    }
    Scenario edited = withoutHint(scenario);
    Action& action = edited.actions[index];
    if (action.trigger == Trigger::At && action.time == at) {
        return std::nullopt;
    }
    action.trigger = Trigger::At;
    action.time = at;
    return WhatIf::Edit{std::move(edited), tr("Move %1 on %2 to %3")
                                               .arg(actionName(action), hostText(action.host),
                                                    TraceText::duration(at))};
}

std::optional<WhatIf::Edit> SandboxEdit::remove(const Scenario& scenario, std::size_t index) {
    if (index >= scenario.actions.size()) {
        return std::nullopt;
    }
    Scenario edited = withoutHint(scenario);
    const Action removed = edited.actions[index];
    edited.actions.erase(edited.actions.begin() + static_cast<std::ptrdiff_t>(index));
    return WhatIf::Edit{std::move(edited),
                        tr("Remove %1 on %2 %3")
                            .arg(actionName(removed), hostText(removed.host), whenText(removed))};
}

std::vector<std::size_t> SandboxEdit::actionsOn(const Scenario& scenario, const std::string& host) {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < scenario.actions.size(); ++i) {
        if (scenario.actions[i].host == host) {
            indices.push_back(i);
        }
    }
    return indices;
}

QString SandboxEdit::callName(Call call) {
    switch (call) {
    case Call::Connect:
        return QStringLiteral("connect()");
    case Call::Send:
        return tr("send()…");
    case Call::ShutdownRead:
        return QStringLiteral("shutdown(SHUT_RD)");
    case Call::ShutdownWrite:
        return QStringLiteral("shutdown(SHUT_WR)");
    case Call::ShutdownBoth:
        return QStringLiteral("shutdown(SHUT_RDWR)");
    case Call::Close:
        return QStringLiteral("close()");
    case Call::StopReading:
        return tr("stop reading");
    case Call::ResumeReading:
        return tr("resume reading");
    case Call::LingerZero:
        return tr("SO_LINGER 0 (close sends RST)");
    }
    return {};
}

QString SandboxEdit::actionName(const Action& action) {
    switch (action.call) {
    case AppCallKind::Send:
        return tr("send(%1 bytes)").arg(action.bytes);
    case AppCallKind::Shutdown:
        return action.how == 0   ? QStringLiteral("shutdown(SHUT_RD)")
               : action.how == 2 ? QStringLiteral("shutdown(SHUT_RDWR)")
                                 : QStringLiteral("shutdown(SHUT_WR)");
    case AppCallKind::SetLinger:
        return QStringLiteral("SO_LINGER 0");
    case AppCallKind::Connect:
        return QStringLiteral("connect(%1:%2)")
            .arg(QString::fromStdString(action.peer))
            .arg(action.peerPort);
    case AppCallKind::Listen:
        return QStringLiteral("listen(%1)").arg(action.port);
    default:
        return TraceText::callName(action.call);
    }
}

QString SandboxEdit::whenText(const Action& action) {
    const QString time = TraceText::duration(action.time);
    switch (action.trigger) {
    case Trigger::At:
        return tr("at %1").arg(time);
    case Trigger::Established:
        return tr("%1 after the connection is established").arg(time);
    case Trigger::Eof:
        return tr("%1 after end of file").arg(time);
    case Trigger::Error:
        return tr("%1 after an error").arg(time);
    }
    return time;
}

} // namespace tdl::ui
