#pragma once

#include "Run.h"
#include "scenario.h"

#include <QUndoCommand>

namespace tdl::ui {

class Document;

// One what-if edit on the undo stack. Both runs are kept, so undo and redo swap the trace at
// once without simulating again (the engine is deterministic: it would give the same trace).
class ScenarioEditCommand : public QUndoCommand {
public:
    struct Version {
        Scenario scenario;
        RunPtr run;
    };

    ScenarioEditCommand(Document* document, Version before, Version after, const QString& text);

    void undo() override;
    void redo() override;

private:
    Document* document_;
    Version before_;
    Version after_;
};

} // namespace tdl::ui
