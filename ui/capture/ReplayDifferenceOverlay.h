#pragma once

#include "DiagramMarkOverlay.h"
#include "capture_replay.h"

#include <vector>

namespace tdl::ui {

class SequenceDiagramView;

// Marks a replay's differences on the sequence diagram as the packetdrill verdict marks a failing
// line: for each, a red line at the time Linux sent it (what was expected) and a dashed one at
// the time the capture shows (what the host did); the chosen difference is labelled with its
// sentence (at the right edge).
class ReplayDifferenceOverlay : public DiagramMarkOverlay {
    Q_OBJECT

public:
    explicit ReplayDifferenceOverlay(SequenceDiagramView* diagram);

    void setDifferences(std::vector<ReplayDifference> differences);
    void setChosen(int index);
    const std::vector<ReplayDifference>& differences() const { return differences_; }
    int chosen() const { return chosen_; }

    // The labels of the chosen difference as painted, for tests.
    QString expectedLabel() const;
    QString actualLabel() const;

protected:
    Marks marks() const override;

private:
    std::vector<ReplayDifference> differences_;
    int chosen_ = -1;
};

} // namespace tdl::ui
