#pragma once

#include "sim_time.h"

#include <QString>
#include <QWidget>

#include <vector>

namespace tdl::ui {

class SequenceDiagramView;

// Red marks across the sequence diagram at given times, each a line from the time gutter to the
// right edge, with labels above or below them: where a packetdrill script's failing line and a
// capture replay's differences are shown. A transparent layer over the diagram's viewport that
// lets the mouse through and follows its size; the diagram itself knows nothing of it. A
// subclass says what to mark.
class DiagramMarkOverlay : public QWidget {
    Q_OBJECT

public:
    // Where the labels stand: beside the time gutter, or at the right edge (clear of the
    // lifelines' labels and the diagram's anomaly marks).
    enum class LabelEdge { Left, Right };

protected:
    DiagramMarkOverlay(SequenceDiagramView* diagram, const QString& objectName, LabelEdge edge);

    struct Line {
        SimTime at{};
        Qt::PenStyle style = Qt::SolidLine; // solid: expected; dashed: what happened
        double width = 2;
        double opacity = 1;
    };
    struct Label {
        SimTime at{};
        QString text;
        bool above = true; // above the line at `at`, or below it
    };
    struct Marks {
        std::vector<Line> lines;
        std::vector<Label> labels;
    };
    // What to paint now.
    virtual Marks marks() const = 0;

    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    SequenceDiagramView* diagram_;
    LabelEdge edge_;
};

} // namespace tdl::ui
