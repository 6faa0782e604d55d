#include "ScenarioEditCommand.h"

#include "Document.h"

namespace tdl::ui {

ScenarioEditCommand::ScenarioEditCommand(Document* document, Version before, Version after,
                                         const QString& text)
    : QUndoCommand(text)
    , document_(document)
    , before_(std::move(before))
    , after_(std::move(after)) {}

void ScenarioEditCommand::undo() {
    document_->apply(before_.scenario, before_.run);
}

void ScenarioEditCommand::redo() {
    document_->apply(after_.scenario, after_.run);
}

} // namespace tdl::ui
