#include "ReplayDifferenceList.h"

#include "CauseCatalog.h"
#include "TraceText.h"

#include <QEvent>

namespace tdl::ui {

ReplayDifferenceList::ReplayDifferenceList(QWidget* parent)
    : QListWidget(parent) {
    setObjectName(QStringLiteral("replayDifferences"));
    setWordWrap(true);
    setAlternatingRowColors(true);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && static_cast<std::size_t>(row) < differences_.size()) {
            emit differenceChosen(row, timeOf(differences_[static_cast<std::size_t>(row)]));
        }
    });
}

void ReplayDifferenceList::setDifferences(std::vector<ReplayDifference> differences) {
    differences_ = std::move(differences);
    fill();
}

SimTime ReplayDifferenceList::timeOf(const ReplayDifference& difference) {
    return difference.linuxAt.value_or(difference.capturedAt.value_or(SimTime{}));
}

QString ReplayDifferenceList::kindName(ReplayDifferenceKind kind) {
    switch (kind) {
    case ReplayDifferenceKind::Timing:
        return tr("timing");
    case ReplayDifferenceKind::Fields:
        return tr("fields");
    case ReplayDifferenceKind::Missing:
        return tr("missing from the capture");
    case ReplayDifferenceKind::Unexpected:
        return tr("not sent by Linux");
    case ReplayDifferenceKind::RstNotAccepted:
        return tr("RST Linux would not accept");
    }
    return {};
}

QString ReplayDifferenceList::text(const ReplayDifference& difference) {
    return tr("%1 · %2: %3")
        .arg(TraceText::duration(timeOf(difference)), kindName(difference.kind),
             CauseCatalog::sentence(difference.reason));
}

void ReplayDifferenceList::fill() {
    const QSignalBlocker quiet(this);
    clear();
    for (const ReplayDifference& difference : differences_) {
        addItem(text(difference));
    }
    if (differences_.empty()) {
        addItem(tr("No difference: the captured host did what Linux would."));
        item(0)->setFlags(Qt::NoItemFlags);
    }
}

void ReplayDifferenceList::changeEvent(QEvent* event) {
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        const int row = currentRow();
        fill();
        const QSignalBlocker quiet(this);
        setCurrentRow(row);
    }
}

} // namespace tdl::ui
