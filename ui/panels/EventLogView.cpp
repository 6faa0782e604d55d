#include "EventLogView.h"

#include <QHeaderView>
#include <QScopedValueRollback>

namespace tdl::ui {

EventLogView::EventLogView(QWidget* parent)
    : QTableView(parent)
    , model_(new EventLogModel(this)) {
    setModel(model_);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setShowGrid(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionResizeMode(EventLogModel::TimeColumn,
                                             QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(EventLogModel::HostColumn, QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(EventLogModel::WhatColumn, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(EventLogModel::HostColumn,
                                      fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    horizontalHeader()->resizeSection(EventLogModel::WhatColumn,
                                      fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { rowChosen(current); });
}

void EventLogView::setRun(RunPtr run) {
    const QScopedValueRollback guard(following_, true);
    model_->setRun(std::move(run));
}

void EventLogView::setTime(SimTime time) {
    model_->setTime(time);
    const int row = model_->currentRow();
    const QModelIndex current = currentIndex();
    // A row the user chose at exactly this time stays chosen.
    if (current.isValid() && current.row() <= row && model_->timeOfRow(current.row()) == time) {
        return;
    }
    const QScopedValueRollback guard(following_, true);
    if (row < 0) {
        clearSelection();
        setCurrentIndex({});
        return;
    }
    const QModelIndex target = model_->index(row, 0);
    setCurrentIndex(target);
    selectRow(row);
    scrollTo(target, QAbstractItemView::EnsureVisible);
}

void EventLogView::rowChosen(const QModelIndex& current) {
    if (following_ || !current.isValid()) {
        return;
    }
    emit timeRequested(model_->timeOfRow(current.row()));
    const QVariant segment = model_->data(current, EventLogModel::SegmentRole);
    if (segment.toInt() >= 0) {
        emit segmentRequested(static_cast<SegmentId>(segment.toUInt()));
    }
}

} // namespace tdl::ui
