#include "TransportBar.h"

#include "ScrubSlider.h"
#include "TraceText.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

#include <cmath>

namespace tdl::ui {

TransportBar::TransportBar(Player* player, const QList<QAction*>& actions, QWidget* parent)
    : QWidget(parent)
    , player_(player)
    , scrubber_(new ScrubSlider(this))
    , time_(new QLabel(this))
    , speedLabel_(new QLabel(this))
    , speed_(new QComboBox(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(button);
    }
    scrubber_->setFocusPolicy(Qt::NoFocus);
    scrubber_->setObjectName(QStringLiteral("scrubber"));
    layout->addWidget(scrubber_, 1);
    time_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    time_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(time_);
    layout->addWidget(speedLabel_);
    for (const double speed : Player::kSpeeds) {
        speed_->addItem(QStringLiteral("%1×").arg(speed), speed);
    }
    speed_->setFocusPolicy(Qt::NoFocus);
    speed_->setObjectName(QStringLiteral("speed"));
    layout->addWidget(speed_);

    connect(scrubber_, &QSlider::valueChanged, this, [this](int value) {
        player_->seekPosition(static_cast<double>(value) / kStepsPerUnit);
    });
    connect(speed_, &QComboBox::activated, this,
            [this](int index) { player_->setSpeed(speed_->itemData(index).toDouble()); });
    connect(player_, &Player::timeChanged, this, &TransportBar::showTime);
    connect(player_, &Player::speedChanged, this, &TransportBar::showSpeed);
    retranslateUi();
    showSpeed();
    showTime();
}

void TransportBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void TransportBar::retranslateUi() {
    scrubber_->setToolTip(
        tr("Click or drag to move through the run; quiet stretches take little room."));
    speedLabel_->setText(tr("Speed"));
    scrubber_->setAccessibleName(tr("Time cursor"));
    speed_->setAccessibleName(tr("Playback speed"));
    time_->setAccessibleName(tr("Time at the cursor"));
    speed_->setToolTip(tr("Playback speed (Ctrl+] faster, Ctrl+[ slower)"));
    time_->setToolTip(tr("Virtual time at the cursor, and the length of the run"));
    showTime();
}

void TransportBar::showTime() {
    const RunPtr& run = player_->run();
    const double length = run ? run->axis().length() : 0.0;
    {
        const QSignalBlocker blocker(scrubber_);
        scrubber_->setRange(0, static_cast<int>(std::ceil(length * kStepsPerUnit)));
        scrubber_->setValue(static_cast<int>(std::lround(player_->position() * kStepsPerUnit)));
    }
    const SimTime end = run ? run->axis().end() : SimTime{};
    time_->setText(tr("t = %1 s / %2 s")
                       .arg(TraceText::timestamp(player_->time()), TraceText::timestamp(end)));
}

void TransportBar::showSpeed() {
    const int index = speed_->findData(player_->speed());
    if (index >= 0) {
        speed_->setCurrentIndex(index);
    }
}

} // namespace tdl::ui
