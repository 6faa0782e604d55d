#pragma once

#include "DiagramMarkOverlay.h"
#include "script_player.h"

#include <optional>

namespace tdl::ui {

class SequenceDiagramView;

// Marks a packetdrill script's failing line on the sequence diagram: a red line at the time the
// script expected, labelled with the line and what it expected, and a dashed one at the time of
// what the host did instead.
class ScriptVerdictOverlay : public DiagramMarkOverlay {
    Q_OBJECT

public:
    explicit ScriptVerdictOverlay(SequenceDiagramView* diagram);

    void setFailure(std::optional<pd::ScriptFailure> failure);
    const std::optional<pd::ScriptFailure>& failure() const { return failure_; }

    // The labels as painted, for tests and the accessible description.
    QString expectedLabel() const;
    QString actualLabel() const;

protected:
    Marks marks() const override;

private:
    std::optional<pd::ScriptFailure> failure_;
};

} // namespace tdl::ui
