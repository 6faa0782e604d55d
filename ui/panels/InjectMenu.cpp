#include "InjectMenu.h"

#include "CraftedSegmentDialog.h"
#include "TraceText.h"

#include <QAction>
#include <QMenu>

namespace tdl::ui {

void InjectMenu::addTo(QMenu* menu, const Scenario& scenario, const Run& run, HostId host,
                       SimTime at, QWidget* parent,
                       const std::function<void(const std::optional<WhatIf::Edit>&)>& apply) {
    const std::vector<InjectWhatIf::Target> targets = InjectWhatIf::targetsAt(run, host, at);
    // One connection: its kinds under one heading; several: one submenu each.
    const QString time = TraceText::duration(at);
    menu->addSection(
        targets.size() == 1
            ? tr("Inject into %1 at %2").arg(targets.front().label, time)
            : tr("Inject a segment on %1 at %2").arg(TraceText::hostName(run.trace(), host), time));
    if (targets.empty()) {
        menu->addAction(tr("No connection of this host to inject into at this time"))
            ->setEnabled(false);
        return;
    }
    constexpr std::array<InjectWhatIf::Kind, 4> kKinds = {
        InjectWhatIf::Kind::BlindRst, InjectWhatIf::Kind::OldDuplicateSyn,
        InjectWhatIf::Kind::StaleFin, InjectWhatIf::Kind::Custom};
    for (const InjectWhatIf::Target& target : targets) {
        QMenu* into = targets.size() == 1 ? menu : menu->addMenu(target.label);
        for (const InjectWhatIf::Kind kind : kKinds) {
            const QString text = kind == InjectWhatIf::Kind::Custom ? tr("Custom segment…")
                                                                    : InjectWhatIf::kindName(kind);
            QObject::connect(
                into->addAction(text), &QAction::triggered, menu, [=, &scenario, &run] {
                    CraftedSegment segment = InjectWhatIf::prefill(run, target, kind, at);
                    if (kind == InjectWhatIf::Kind::Custom) {
                        CraftedSegmentDialog dialog(segment,
                                                    tr("From %1 into %2 at %3")
                                                        .arg(QString::fromStdString(segment.from),
                                                             target.label, TraceText::duration(at)),
                                                    parent);
                        if (dialog.exec() != QDialog::Accepted) {
                            return;
                        }
                        segment = dialog.segment();
                    }
                    apply(InjectWhatIf::inject(scenario, run, segment, kind));
                });
        }
    }
}

} // namespace tdl::ui
