#pragma once

#include <QSettings>
#include <QStringList>

namespace tdl::ui {

// What presentation mode remembers, with its keys and defaults in one place: the panels the
// teacher keeps beside the diagram (by object name) and how much larger or smaller than the
// default the teacher wants the text.
class PresentationSettings {
public:
    QStringList keptPanels() const;
    void setKeptPanels(const QStringList& names);
    // A factor on the default presentation scale (1: the default).
    double scaleAdjustment() const;
    void setScaleAdjustment(double factor);

private:
    mutable QSettings settings_;
};

} // namespace tdl::ui
