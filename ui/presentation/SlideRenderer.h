#pragma once

#include "Run.h"
#include "TraceText.h"

#include <QSize>
#include <QString>

#include <optional>

class QPainter;

namespace tdl::ui {

// A slide: the sequence diagram as presentation mode paints it (the same layout and painter, at a
// presentation scale, in high contrast), at one instant, in an image of a given size, for a slide
// deck made without opening the window. Needs a QGuiApplication (the offscreen platform will do).
struct Slide {
    RunPtr run;
    SimTime at{};
    // The time cursor's line and pill: a slide "at 1.2 s" shows where that is.
    bool cursor = true;
    double scale = 1.5;
    QSize size{1920, 1080};
    SeqMode seqMode = SeqMode::Relative;
    bool dark = false;
};

// Paints the slide into a painter whose device is slide.size big. Scrolled as the window scrolls
// to keep the cursor in view when the diagram is taller than the slide; the hosts' header stays
// at the top.
void paintSlide(QPainter& painter, const Slide& slide);

// Writes the slide as PNG (at its size in pixels) or SVG, by the file name's ending, atomically;
// returns an error message naming the file on failure.
std::optional<QString> writeSlide(const Slide& slide, const QString& path);

} // namespace tdl::ui
