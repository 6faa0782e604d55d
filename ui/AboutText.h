#pragma once

#include <QCoreApplication>
#include <QString>

#include <string_view>

namespace tdl::ui {

// The About box's text: what the program is, its version, its licence, and the source it was
// built from (the Git commit, when the build knew it). Translated.
class AboutText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::AboutText)

public:
    // For this build: tdl::kVersion and tdl::kSourceRevision.
    static QString html();
    // revision is "" when the build did not come from a Git checkout.
    static QString html(std::string_view version, std::string_view revision);
};

} // namespace tdl::ui
