#pragma once

#include "EventLogModel.h"

#include <QTableView>

namespace tdl::ui {

// The event log: a table over the trace that follows the player's cursor (the last event at or
// before t is selected) and moves it (choosing a row asks for that row's time).
class EventLogView : public QTableView {
    Q_OBJECT

public:
    explicit EventLogView(QWidget* parent = nullptr);

    EventLogModel* logModel() const { return model_; }
    void setRun(RunPtr run);
    void setTime(SimTime time);

signals:
    void timeRequested(tdl::SimTime time);
    void segmentRequested(tdl::SegmentId id);

private:
    void rowChosen(const QModelIndex& current);

    EventLogModel* model_;
    bool following_ = false; // selecting a row because the cursor moved, not because of the user
};

} // namespace tdl::ui
