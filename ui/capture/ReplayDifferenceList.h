#pragma once

#include "capture_replay.h"

#include <QListWidget>

#include <vector>

namespace tdl::ui {

// The differences of a replay, one a row: when, which kind, and the sentence that says it
// ("the server re-sent its FIN at +0.216 s; Linux would at +0.432 s"). Choosing one says where it
// is on the run's time axis.
class ReplayDifferenceList : public QListWidget {
    Q_OBJECT

public:
    explicit ReplayDifferenceList(QWidget* parent = nullptr);

    void setDifferences(std::vector<ReplayDifference> differences);
    const std::vector<ReplayDifference>& differences() const { return differences_; }

    // Where a difference is drawn: Linux's time, or the capture's when Linux sent nothing.
    static SimTime timeOf(const ReplayDifference& difference);
    static QString kindName(ReplayDifferenceKind kind);
    static QString text(const ReplayDifference& difference);

signals:
    void differenceChosen(int index, tdl::SimTime at);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    std::vector<ReplayDifference> differences_;
};

} // namespace tdl::ui
