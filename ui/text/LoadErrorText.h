#pragma once

#include "scenario_json.h"

#include <QCoreApplication>
#include <QString>

namespace tdl::ui {

// A scenario file's refusal, or a sysctl value's, in the user's language. The loader reports its
// parts (file, JSON pointer or byte offset, what was expected, what was found) in English; this
// puts them in a translated frame and translates the phrases the loader uses, as CauseCatalog does
// for causes. A part it does not know (a quoted value from the file, a system error text) is shown
// as is.
class LoadErrorText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::LoadErrorText)

public:
    // "four-way.json: /hosts/0/address: expected …, found …", in the current language.
    static QString message(const LoadError& error);
    // What setSysctl() says when it refuses a value ("expected …, found …", an unknown name, a
    // knob the host's profile lacks), in the current language.
    static QString sysctlRefusal(const std::string& refusal);
    static QString location(const std::string& location);
    static QString phrase(const std::string& phrase);
};

} // namespace tdl::ui
