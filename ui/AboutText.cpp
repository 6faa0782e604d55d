#include "AboutText.h"

#include "version.h"

namespace tdl::ui {

namespace {
QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).toHtmlEscaped();
}
} // namespace

QString AboutText::html() {
    return html(kVersion, kSourceRevision);
}

QString AboutText::html(std::string_view version, std::string_view revision) {
    QString text =
        tr("<h3>Teardown Lab %1</h3><p>Shows, step by step and faithfully to Linux, how a TCP "
           "connection is closed: the four-way close, TIME_WAIT, half-close, orphans, and what "
           "the sysctls change.</p>")
            .arg(fromView(version));
    text += tr("<p>Teardown Lab is free software under the GNU General Public License, version 3 "
               "or (at your option) any later version (GPL-3.0-or-later). It uses Qt, whose Qt "
               "Charts module is licensed under the GPL-3.0.</p>");
    text += revision.empty()
                ? tr("<p>This is version %1; the build does not record the Git commit of its "
                     "source.</p>")
                      .arg(fromView(version))
                : tr("<p>Built from the source at Git commit <code>%1</code> (version %2).</p>")
                      .arg(fromView(revision), fromView(version));
    return text;
}

} // namespace tdl::ui
