#include "LifelineCallMenu.h"

#include "Document.h"
#include "Player.h"
#include "TraceText.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>

#include <chrono>

namespace tdl::ui {

LifelineCallMenu::LifelineCallMenu(Document* document, Player* player, QWidget* dialogParent)
    : QObject(dialogParent)
    , document_(document)
    , player_(player)
    , dialogParent_(dialogParent) {}

Duration LifelineCallMenu::roundedTime(SimTime time) {
    return std::chrono::duration_cast<Duration>(
        std::chrono::round<std::chrono::milliseconds>(std::max(time, SimTime{})));
}

void LifelineCallMenu::addTo(QMenu* menu, HostId host, SimTime time) {
    const RunPtr& run = document_->run();
    if (!run || host >= run->trace().hosts.size()) {
        return;
    }
    const std::string name = run->trace().hosts[host].name;
    const QString hostName = QString::fromStdString(name);
    const Duration at = roundedTime(time);
    const Scenario& scenario = document_->scenario();
    // One connection of a load run is read-only: its scenario is the whole load.
    const bool editable = !document_->loadConnection().has_value();

    menu->addSection(tr("%1 at %2").arg(hostName, TraceText::duration(at)));
    for (const SandboxEdit::Call call : SandboxEdit::kCalls) {
        QAction* action = menu->addAction(tr("Add %1").arg(SandboxEdit::callName(call)));
        action->setObjectName(QStringLiteral("addCall%1").arg(static_cast<int>(call)));
        const bool possible = SandboxEdit::canAdd(scenario, name, call);
        action->setEnabled(editable && possible);
        if (!possible) {
            action->setStatusTip(
                call == SandboxEdit::Call::Connect
                    ? tr("No other host listens: there is nowhere to connect to")
                    : tr("%1 has no connection yet: add connect() first").arg(hostName));
        }
        connect(action, &QAction::triggered, this,
                [this, name, at, call] { addCall(name, at, call); });
    }

    const std::vector<std::size_t> calls = SandboxEdit::actionsOn(scenario, name);
    if (calls.empty()) {
        return;
    }
    QMenu* existing = menu->addMenu(tr("Calls on %1").arg(hostName));
    existing->setObjectName(QStringLiteral("hostCalls"));
    existing->setEnabled(editable);
    for (const std::size_t index : calls) {
        const Action& call = scenario.actions[index];
        QMenu* one = existing->addMenu(QStringLiteral("%1 %2").arg(SandboxEdit::actionName(call),
                                                                   SandboxEdit::whenText(call)));
        QAction* here = one->addAction(tr("Move to %1").arg(TraceText::duration(at)));
        here->setObjectName(QStringLiteral("moveHere"));
        connect(here, &QAction::triggered, this,
                [this, index, at] { apply(SandboxEdit::move(document_->scenario(), index, at)); });
        QAction* move = one->addAction(tr("Move to Another Time…"));
        move->setObjectName(QStringLiteral("moveTo"));
        connect(move, &QAction::triggered, this, [this, index] { moveInteractively(index); });
        QAction* remove = one->addAction(tr("Remove"));
        remove->setObjectName(QStringLiteral("remove"));
        connect(remove, &QAction::triggered, this,
                [this, index] { apply(SandboxEdit::remove(document_->scenario(), index)); });
    }
}

void LifelineCallMenu::addCall(const std::string& host, Duration at, SandboxEdit::Call call) {
    std::uint64_t bytes = SandboxEdit::kDefaultSendBytes;
    if (call == SandboxEdit::Call::Send) {
        bool ok = false;
        bytes = static_cast<std::uint64_t>(QInputDialog::getInt(
            dialogParent_, tr("Send Bytes"),
            tr("How many bytes does %1 send at %2?")
                .arg(QString::fromStdString(host), TraceText::duration(at)),
            static_cast<int>(SandboxEdit::kDefaultSendBytes), 1, 100'000'000, 100, &ok));
        if (!ok) {
            return;
        }
    }
    apply(SandboxEdit::add(document_->scenario(), host, at, call, bytes));
}

void LifelineCallMenu::moveInteractively(std::size_t index) {
    const Scenario& scenario = document_->scenario();
    if (index >= scenario.actions.size()) {
        return;
    }
    const Action& action = scenario.actions[index];
    bool ok = false;
    const double limitMs = static_cast<double>(scenario.limit.count()) / 1e3;
    const double ms = QInputDialog::getDouble(
        dialogParent_, tr("Move Call"),
        tr("When does %1 on %2 happen, in milliseconds from the start?")
            .arg(SandboxEdit::actionName(action), QString::fromStdString(action.host)),
        static_cast<double>(action.time.count()) / 1e3, 0.0, limitMs, 3, &ok);
    if (ok) {
        apply(SandboxEdit::move(scenario, index,
                                Duration(static_cast<std::int64_t>(ms * 1e3 + 0.5))));
    }
}

void LifelineCallMenu::apply(const std::optional<WhatIf::Edit>& edit) {
    if (!edit) {
        return;
    }
    const bool atEnd = player_->atEnd();
    if (auto error = document_->edit(edit->scenario, edit->description)) {
        QMessageBox::warning(dialogParent_, tr("The edit cannot run"),
                             edit->description + QStringLiteral("\n\n") + *error);
    } else if (atEnd) {
        player_->toEnd();
    }
}

} // namespace tdl::ui
