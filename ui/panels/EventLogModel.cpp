#include "EventLogModel.h"

#include "CauseCatalog.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace tdl::ui {

EventLogModel::EventLogModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EventLogModel::setRun(RunPtr run) {
    beginResetModel();
    run_ = std::move(run);
    happened_ = run_ ? run_->index().factsUpTo(time_) : 0;
    endResetModel();
}

void EventLogModel::setTime(SimTime time) {
    time_ = time;
    const std::size_t happened = run_ ? run_->index().factsUpTo(time) : 0;
    if (happened == happened_) {
        return;
    }
    const std::size_t first = std::min(happened, happened_);
    const std::size_t last = std::max(happened, happened_);
    happened_ = happened;
    emit dataChanged(index(static_cast<int>(first), 0),
                     index(static_cast<int>(last) - 1, ColumnCount - 1),
                     {Qt::ForegroundRole, FutureRole});
}

void EventLogModel::setSeqMode(SeqMode mode) {
    if (mode == seqMode_) {
        return;
    }
    seqMode_ = mode;
    if (rowCount() > 0) {
        emit dataChanged(index(0, WhatColumn), index(rowCount() - 1, WhatColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void EventLogModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

SimTime EventLogModel::timeOfRow(int row) const {
    if (!run_ || row < 0 || row >= rowCount()) {
        return {};
    }
    return run_->trace().facts[static_cast<std::size_t>(row)].at;
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !run_ ? 0 : static_cast<int>(run_->trace().facts.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!run_ || !index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const std::size_t row = static_cast<std::size_t>(index.row());
    const Trace& trace = run_->trace();
    const Fact& fact = trace.facts[row];
    const bool future = row >= happened_;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return TraceText::timestamp(fact.at);
        case HostColumn:
            return fact.socket == kNoSocket
                       ? TraceText::hostName(trace, fact.host)
                       : QStringLiteral("%1 · %2").arg(TraceText::hostName(trace, fact.host),
                                                       TraceText::socketName(trace, fact.socket));
        case WhatColumn:
            return TraceText::what(trace, fact, seqMode_);
        case WhyColumn:
            return fact.reason.code == Cause::None ? QString()
                                                   : CauseCatalog::sentence(fact.reason);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if (future) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::BackgroundRole:
        if (fact.kind == FactKind::Anomaly) {
            return QBrush(QColor(230, 60, 60, 70));
        }
        if (fact.kind == FactKind::SegmentDropped) {
            return QBrush(QColor(230, 140, 40, 50));
        }
        return {};
    case Qt::FontRole:
        if (fact.kind == FactKind::StateChanged) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case SegmentRole:
        return fact.segment == kNoSegment ? QVariant(-1)
                                          : QVariant(static_cast<uint>(fact.segment));
    case FutureRole:
        return future;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time (s)");
    case HostColumn:
        return tr("Host");
    case WhatColumn:
        return tr("What");
    case WhyColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace tdl::ui
