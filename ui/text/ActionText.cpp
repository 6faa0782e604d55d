#include "ActionText.h"

#include <QAction>
#include <QKeySequence>

namespace tdl::ui {

void setActionText(QAction* action, const QString& text, const QString& tip) {
    action->setText(text);
    action->setStatusTip(tip);
    const QString plain = QString(text).remove(QLatin1Char('&'));
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? plain : QStringLiteral("%1 (%2)").arg(plain, keys));
}

} // namespace tdl::ui
