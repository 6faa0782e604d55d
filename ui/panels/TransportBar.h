#pragma once

#include "Player.h"

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;

namespace tdl::ui {

class ScrubSlider;

// The player's controls: buttons for the window's transport actions, a scrubber over the whole
// run (along the compressed axis, like the diagram), the virtual time and the speed.
class TransportBar : public QWidget {
    Q_OBJECT

public:
    TransportBar(Player* player, const QList<QAction*>& actions, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showTime();
    void showSpeed();

    Player* player_;
    ScrubSlider* scrubber_;
    QLabel* time_;
    QLabel* speedLabel_;
    QComboBox* speed_;
    static constexpr int kStepsPerUnit = 4; // scrubber resolution along the axis
};

} // namespace tdl::ui
