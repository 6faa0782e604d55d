#pragma once

#include "Run.h"
#include "TraceText.h"

#include <QAbstractTableModel>

namespace tdl::ui {

// The trace as a table: one row per fact (time, host, what, why). Rows after the player's time
// are "in the future" and look it; the model tells its views which rows changed when the cursor
// moves, so they repaint only those.
class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, HostColumn, WhatColumn, WhyColumn, ColumnCount };
    enum Role {
        SegmentRole = Qt::UserRole + 1, // SegmentId as uint, or -1
        FutureRole,                     // bool: happens after the cursor
    };

    explicit EventLogModel(QObject* parent = nullptr);

    void setRun(RunPtr run);
    void setTime(SimTime time);
    void setSeqMode(SeqMode mode);
    // After a language change: every text and header changes.
    void retranslate();

    // The last row at or before the cursor, -1 if none.
    int currentRow() const { return static_cast<int>(happened_) - 1; }
    SimTime timeOfRow(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RunPtr run_;
    SimTime time_{};
    std::size_t happened_ = 0; // facts at or before time_
    SeqMode seqMode_ = SeqMode::Relative;
};

} // namespace tdl::ui
