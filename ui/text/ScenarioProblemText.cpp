#include "ScenarioProblemText.h"

namespace tdl::ui {

QString ScenarioProblemText::message(const ScenarioProblem& problem) {
    using Kind = ScenarioProblem::Kind;
    const QString host = QString::fromStdString(problem.host);
    const auto number = static_cast<qulonglong>(problem.index + 1);
    switch (problem.kind) {
    case Kind::NoHost:
        return tr("a scenario needs at least one host");
    case Kind::ActionHost:
        return tr("action %1 names host \"%2\", which the scenario does not have")
            .arg(number)
            .arg(host);
    case Kind::ActionPeer:
        return tr("action %1 connects to host \"%2\", which the scenario does not have")
            .arg(number)
            .arg(host);
    case Kind::LinkHost:
        return tr("link %1 names host \"%2\", which the scenario does not have")
            .arg(number)
            .arg(host);
    case Kind::LoadClient:
        return tr("the load's client is host \"%1\", which the scenario does not have").arg(host);
    case Kind::LoadServer:
        return tr("the load's server is host \"%1\", which the scenario does not have").arg(host);
    case Kind::LoadRate:
        return tr("the load needs a rate of at least one connection a second");
    case Kind::LoadPorts:
        return tr("the load needs at least one server port");
    case Kind::NoLoad:
        return tr("the scenario has no load");
    case Kind::ScriptedAction:
        return tr("action %1 runs on host \"%2\", a scripted peer, which has no sockets")
            .arg(number)
            .arg(host);
    case Kind::ScriptedLoad:
        return tr("the load runs on host \"%1\", a scripted peer, which has no sockets").arg(host);
    case Kind::CraftedHost:
        return tr("crafted segment %1 names host \"%2\", which the scenario does not have")
            .arg(number)
            .arg(host);
    case Kind::CraftedSocket:
        return tr("crafted segment %1 names socket \"%2\" on host \"%3\", where no action "
                  "connects or accepts a socket of that name")
            .arg(number)
            .arg(QString::fromStdString(problem.socket), host);
    case Kind::CraftedPorts:
        return tr("crafted segment %1 names neither a socket nor both ports").arg(number);
    }
    return {};
}

} // namespace tdl::ui
