#include "ReplayDifferenceOverlay.h"

#include "CauseCatalog.h"
#include "TraceText.h"

namespace tdl::ui {

ReplayDifferenceOverlay::ReplayDifferenceOverlay(SequenceDiagramView* diagram)
    : DiagramMarkOverlay(diagram, QStringLiteral("replayDifferenceMarks"), LabelEdge::Right) {}

void ReplayDifferenceOverlay::setDifferences(std::vector<ReplayDifference> differences) {
    differences_ = std::move(differences);
    chosen_ = differences_.empty() ? -1 : 0;
    setVisible(!differences_.empty());
    update();
}

void ReplayDifferenceOverlay::setChosen(int index) {
    chosen_ = index;
    setAccessibleDescription(expectedLabel() + QLatin1Char('\n') + actualLabel());
    update();
}

// Short: the full sentence is in the list and on the diagram's own anomaly mark.
QString ReplayDifferenceOverlay::expectedLabel() const {
    if (chosen_ < 0 || static_cast<std::size_t>(chosen_) >= differences_.size()) {
        return {};
    }
    const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
    return d.linuxAt ? tr("Linux would send it at %1").arg(TraceText::duration(*d.linuxAt))
                     : tr("Linux would send nothing here");
}

QString ReplayDifferenceOverlay::actualLabel() const {
    if (chosen_ < 0 || static_cast<std::size_t>(chosen_) >= differences_.size()) {
        return {};
    }
    const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
    return d.capturedAt ? tr("The capture shows it at %1").arg(TraceText::duration(*d.capturedAt))
                        : tr("The capture has no such packet");
}

DiagramMarkOverlay::Marks ReplayDifferenceOverlay::marks() const {
    Marks marks;
    for (std::size_t i = 0; i < differences_.size(); ++i) {
        const ReplayDifference& d = differences_[i];
        const bool chosen = static_cast<int>(i) == chosen_;
        const double width = chosen ? 2 : 1;
        const double opacity = chosen ? 1.0 : 0.45;
        if (d.linuxAt) {
            marks.lines.push_back({*d.linuxAt, Qt::SolidLine, width, opacity});
        }
        if (d.capturedAt && d.capturedAt != d.linuxAt) {
            marks.lines.push_back({*d.capturedAt, Qt::DashLine, width, opacity});
        }
    }
    if (chosen_ < 0 || static_cast<std::size_t>(chosen_) >= differences_.size()) {
        return marks;
    }
    const ReplayDifference& d = differences_[static_cast<std::size_t>(chosen_)];
    const SimTime expected = d.linuxAt.value_or(d.capturedAt.value_or(SimTime{}));
    const bool apart = d.capturedAt && d.linuxAt && *d.capturedAt != *d.linuxAt;
    marks.labels = {{expected, expectedLabel(), true},
                    apart ? Label{*d.capturedAt, actualLabel(), true}
                          : Label{expected, actualLabel(), false}};
    return marks;
}

} // namespace tdl::ui
