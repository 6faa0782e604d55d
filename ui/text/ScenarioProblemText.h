#pragma once

#include "scenario_check.h"

#include <QCoreApplication>
#include <QString>

namespace tdl::ui {

// Why a scenario cannot run (scenario_check.h), in the user's language: the GUI shows it when a
// scenario built by hand, such as a what-if edit, names a host that does not exist. In English
// it reads as ScenarioProblem::message().
class ScenarioProblemText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::ScenarioProblemText)

public:
    static QString message(const ScenarioProblem& problem);
};

} // namespace tdl::ui
