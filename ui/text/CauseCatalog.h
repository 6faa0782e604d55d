#pragma once

#include "cause.h"

#include <QCoreApplication>
#include <QString>

namespace tdl::ui {

// Turns a cause code and its arguments into one translated sentence. The engine never writes
// prose; this is the only place where a cause becomes words, for the GUI and the CLI alike, so it
// depends on Qt Core only.
class CauseCatalog {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::CauseCatalog)

public:
    static QString sentence(const Reason& reason);
    // "ECONNRESET (connection reset by peer)"; "" for 0.
    static QString errnoText(int error);
};

} // namespace tdl::ui
