#pragma once

#include <QString>

class QAction;

namespace tdl::ui {

// Sets an action's text and status tip, and a tooltip that repeats the text with its shortcut
// ("Run (Ctrl+R)"), so that a retranslation refreshes all three together.
void setActionText(QAction* action, const QString& text, const QString& tip);

} // namespace tdl::ui
