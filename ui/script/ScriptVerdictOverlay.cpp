#include "ScriptVerdictOverlay.h"

namespace tdl::ui {

ScriptVerdictOverlay::ScriptVerdictOverlay(SequenceDiagramView* diagram)
    : DiagramMarkOverlay(diagram, QStringLiteral("scriptVerdict"), LabelEdge::Left) {}

void ScriptVerdictOverlay::setFailure(std::optional<pd::ScriptFailure> failure) {
    failure_ = std::move(failure);
    setVisible(failure_.has_value());
    setAccessibleDescription(failure_ ? expectedLabel() + QLatin1Char('\n') + actualLabel()
                                      : QString());
    update();
}

QString ScriptVerdictOverlay::expectedLabel() const {
    if (!failure_) {
        return {};
    }
    return tr("Script line %1 expected: %2")
        .arg(failure_->line)
        .arg(QString::fromStdString(failure_->expected));
}

QString ScriptVerdictOverlay::actualLabel() const {
    if (!failure_) {
        return {};
    }
    return tr("The host did: %1").arg(QString::fromStdString(failure_->actual));
}

DiagramMarkOverlay::Marks ScriptVerdictOverlay::marks() const {
    if (!failure_) {
        return {};
    }
    Marks marks;
    marks.lines.push_back({failure_->expectedAt, Qt::SolidLine});
    const bool apart = failure_->actualAt && *failure_->actualAt != failure_->expectedAt;
    if (apart) {
        marks.lines.push_back({*failure_->actualAt, Qt::DashLine});
    }
    marks.labels = {{failure_->expectedAt, expectedLabel(), true},
                    {apart ? *failure_->actualAt : failure_->expectedAt, actualLabel(), false}};
    return marks;
}

} // namespace tdl::ui
