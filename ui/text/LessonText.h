#pragma once

#include "quiz.h"
#include "scenario.h"
#include "trace.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>

namespace tdl::ui {

// The words of a guided lesson and of its quiz: the caption at a stop, the narration between
// stops (the trace's own cause sentences, so that an edited scenario still narrates correctly)
// and the questions, choices and explanations. Qt Core only, shared by the GUI and the CLI.
class LessonText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::LessonText)

public:
    // The text in the current language (QLocale's default), English when there is none.
    static QString localized(const LocalizedText& text);

    // The scenario's caption for the stop, or for a derived stop what happened and why.
    static QString caption(const Scenario& scenario, const Trace& trace, const LessonStop& stop);
    // What facts [begin, end) tell, one line per fact that a person would notice (segments
    // sent, state changes, losses, fired timers, calls, anomalies).
    static QStringList narration(const Trace& trace, std::size_t begin, std::size_t end);
    // "0.210 s  server: sends FIN,ACK seq=201 ack=102 — the application closed the socket".
    static QString factLine(const Trace& trace, std::size_t fact);

    static QString question(const Trace& trace, const Question& question);
    static QString choice(const Trace& trace, const Question& question, std::size_t index);
    // Why the right answer is right, from the fact that shows it and its cause.
    static QString explanation(const Trace& trace, const Question& question);
    // "a", "b", ... for choice 0, 1, ...
    static QString letter(std::size_t index);
    // "Right." or "Not quite.", then the explanation.
    static QString verdict(bool right, const Trace& trace, const Question& question);
    static QString score(int right, int asked);
};

} // namespace tdl::ui
