#pragma once

#include "load_phrase.h"
#include "scenario_json.h"

#include <QCoreApplication>
#include <QString>

namespace tdl::ui {

// A scenario file's refusal, or a sysctl value's, in the user's language. The loader gives what
// it expected and what it found as phrase ids with their values (load_phrase.h); this is their
// catalog, as CauseCatalog is for causes. Values from the file, numbers and names are shown as
// they are.
class LoadErrorText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::LoadErrorText)

public:
    // "four-way.json: /hosts/0/address: expected …, found …", in the current language.
    static QString message(const LoadError& error);
    // What setSysctl() says when it refuses a value ("expected …, found …", an unknown name, a
    // knob the host's profile lacks), in the current language.
    static QString sysctlRefusal(const std::string& refusal);
    // "top level", a JSON pointer (kept as it is) or "byte 12 (line 2, column 3)"; "" for the
    // file as a whole.
    static QString location(const LoadLocation& location);
    static QString phrase(const LoadPhrase& phrase);
    // The phrase's pattern in the current language, %1, %2, ... where its values go; "%1" for the
    // ids whose text is their value.
    static QString pattern(LoadPhrase::Id id);

private:
    static QString sysctlPhrase(const std::string& phrase);
    // strerror()'s `text` for `error`, in the current language when it is a reason a file
    // cannot be read.
    static QString systemError(int error, const std::string& text);
};

} // namespace tdl::ui
