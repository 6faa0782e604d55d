#include "InjectMenu.h"

#include "CraftedSegmentDialog.h"
#include "TraceText.h"

#include <QAction>
#include <QMenu>

namespace tdl::ui {

std::optional<WhatIf::Edit> InjectMenu::exec(const Scenario& scenario, const Run& run, HostId host,
                                             SimTime at, const QPoint& globalPos, QWidget* parent) {
    QMenu menu(parent);
    const std::vector<InjectWhatIf::Target> targets = InjectWhatIf::targetsAt(run, host, at);
    // One connection: its kinds under one heading; several: one submenu each.
    const QString time = TraceText::duration(at);
    menu.addSection(
        targets.size() == 1
            ? tr("Inject into %1 at %2").arg(targets.front().label, time)
            : tr("Inject a segment on %1 at %2").arg(TraceText::hostName(run.trace(), host), time));
    if (targets.empty()) {
        menu.addAction(tr("No connection of this host to inject into at this time"))
            ->setEnabled(false);
        menu.exec(globalPos);
        return std::nullopt;
    }
    struct Choice {
        QAction* action;
        std::size_t target;
        InjectWhatIf::Kind kind;
    };
    std::vector<Choice> choices;
    constexpr std::array<InjectWhatIf::Kind, 4> kKinds = {
        InjectWhatIf::Kind::BlindRst, InjectWhatIf::Kind::OldDuplicateSyn,
        InjectWhatIf::Kind::StaleFin, InjectWhatIf::Kind::Custom};
    for (std::size_t t = 0; t < targets.size(); ++t) {
        QMenu* into = targets.size() == 1 ? &menu : menu.addMenu(targets[t].label);
        for (const InjectWhatIf::Kind kind : kKinds) {
            const QString text = kind == InjectWhatIf::Kind::Custom ? tr("Custom segment…")
                                                                    : InjectWhatIf::kindName(kind);
            choices.push_back(Choice{into->addAction(text), t, kind});
        }
    }
    const QAction* chosen = menu.exec(globalPos);
    for (const Choice& choice : choices) {
        if (choice.action != chosen) {
            continue;
        }
        const InjectWhatIf::Target& target = targets[choice.target];
        CraftedSegment segment = InjectWhatIf::prefill(run, target, choice.kind, at);
        if (choice.kind == InjectWhatIf::Kind::Custom) {
            CraftedSegmentDialog dialog(segment,
                                        tr("From %1 into %2 at %3")
                                            .arg(QString::fromStdString(segment.from), target.label,
                                                 TraceText::duration(at)),
                                        parent);
            if (dialog.exec() != QDialog::Accepted) {
                return std::nullopt;
            }
            segment = dialog.segment();
        }
        return InjectWhatIf::inject(scenario, run, segment, choice.kind);
    }
    return std::nullopt;
}

} // namespace tdl::ui
