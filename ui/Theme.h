#pragma once

namespace tdl::ui {

// The application's look: Qt's Fusion style with a light or a dark palette. Every view takes its
// colours from the palette, so switching is immediate.
class Theme {
public:
    static void apply(bool dark);
};

} // namespace tdl::ui
