#include "CaptureReplayDock.h"

#include "ActionText.h"
#include "Document.h"
#include "Player.h"
#include "ReplayDialog.h"
#include "ReplayDifferenceList.h"
#include "ReplayDifferenceOverlay.h"
#include "SequenceDiagramView.h"
#include "SysctlModel.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QMessageBox>

namespace tdl::ui {

CaptureReplayDock::CaptureReplayDock(Document* document, Player* player,
                                     SequenceDiagramView* diagram, QWidget* parent)
    : QDockWidget(parent)
    , document_(document)
    , player_(player)
    , list_(new ReplayDifferenceList(this))
    , marks_(new ReplayDifferenceOverlay(diagram))
    , replayAction_(new QAction(this)) {
    setObjectName(QStringLiteral("replayDock"));
    setWidget(list_);
    replayAction_->setObjectName(QStringLiteral("replayAsLinux"));
    connect(replayAction_, &QAction::triggered, this, &CaptureReplayDock::askAndReplay);
    connect(list_, &ReplayDifferenceList::differenceChosen, this, &CaptureReplayDock::choose);
    connect(document_, &Document::opened, this, [this] {
        if (!showing_) {
            clear();
        }
        updateAction();
    });
    retranslateUi();
    updateAction();
}

void CaptureReplayDock::updateAction() {
    replayAction_->setEnabled(!document_->capturePath().isEmpty());
}

void CaptureReplayDock::clear() {
    list_->setDifferences({});
    marks_->setDifferences({});
    hide();
}

void CaptureReplayDock::askAndReplay() {
    ReplayDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (auto error = replay(dialog.options())) {
        QMessageBox::warning(parentWidget(), tr("Cannot replay the capture"), *error);
    }
}

std::optional<QString> CaptureReplayDock::replay(const ReplayOptions& options) {
    const QString path = document_->capturePath();
    if (path.isEmpty()) {
        return tr("No capture is open.");
    }
    auto outcome = replayCaptureFile(path, options);
    if (auto* error = std::get_if<QString>(&outcome)) {
        return tr("%1 cannot be replayed: %2").arg(QFileInfo(path).fileName(), *error);
    }
    ReplayRun& replay = std::get<ReplayRun>(outcome);
    showing_ = true;
    document_->showCapture(replay.scenario, replay.run, path);
    showing_ = false;
    const std::size_t count = replay.differences.size();
    list_->setDifferences(replay.differences);
    marks_->setDifferences(std::move(replay.differences));
    show();
    raise();
    emit replayed(tr("Replayed with %1 as %2. Differences from Linux: %3.")
                      .arg(replay.linuxHost, SysctlModel::profileName(options.profile))
                      .arg(count));
    if (count != 0) {
        list_->setCurrentRow(0);
    }
    return std::nullopt;
}

void CaptureReplayDock::choose(int index, SimTime at) {
    marks_->setChosen(index);
    player_->seek(at);
}

void CaptureReplayDock::retranslateUi() {
    setWindowTitle(tr("Replay Differences"));
    setAccessibleName(windowTitle());
    list_->setAccessibleName(tr("Differences from Linux"));
    toggleViewAction()->setStatusTip(
        tr("Show or hide where the replayed capture differs from Linux"));
    setActionText(replayAction_, tr("Re&play as Linux…"),
                  tr("Replay the capture with one side simulated as Linux, and mark where the "
                     "captured host did otherwise"));
}

void CaptureReplayDock::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

} // namespace tdl::ui
