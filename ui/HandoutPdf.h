#pragma once

#include "Run.h"
#include "TraceText.h"
#include "scenario.h"

#include <QString>

#include <optional>

namespace tdl::ui {

// What a handout shows: a run and the words that introduce it.
struct Handout {
    QString title;
    QString description;
    RunPtr run;
    SeqMode seqMode = SeqMode::Relative;
};

// A scenario's handout in the current language (its title and description as the scenario file
// gives them for that language).
Handout handoutFor(const Scenario& scenario, RunPtr run, SeqMode seqMode = SeqMode::Relative);

// Writes the handout as a paged A4 PDF for a class: the title and description, the sequence
// diagram painted as the window paints it (light colours whatever the theme, split over as many
// pages as it needs, the hosts' names repeated at the top of each), then every fact of the run
// with what happened and why, in the current language. Needs a QGuiApplication (the offscreen
// platform will do) but no window. The file is written atomically; returns an error message
// naming the file on failure.
std::optional<QString> writeHandoutPdf(const Handout& handout, const QString& path);

} // namespace tdl::ui
