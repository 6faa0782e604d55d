#pragma once

#include "scenario.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace tdl::ui {

// "Custom segment…": every field of a crafted segment (scenario.h) — flags, seq and ack each
// relative or absolute, window, length, and the options — starting from the values it is given.
// The time, the hosts and the connection stay as given.
class CraftedSegmentDialog : public QDialog {
    Q_OBJECT

public:
    CraftedSegmentDialog(const CraftedSegment& start, const QString& where, QWidget* parent);

    // The segment as the fields say; valid while the OK button is enabled.
    CraftedSegment segment() const;

private:
    void updateEnabled();

    CraftedSegment start_;
    std::array<QCheckBox*, 5> flags_{};
    QLineEdit* seq_ = nullptr;
    QCheckBox* seqRelative_ = nullptr;
    QLineEdit* ack_ = nullptr;
    QCheckBox* ackRelative_ = nullptr;
    QSpinBox* window_ = nullptr;
    QSpinBox* length_ = nullptr;
    QCheckBox* hasMss_ = nullptr;
    QSpinBox* mss_ = nullptr;
    QCheckBox* sackPermitted_ = nullptr;
    QCheckBox* hasWindowScale_ = nullptr;
    QSpinBox* windowScale_ = nullptr;
    QCheckBox* hasTimestamp_ = nullptr;
    QLineEdit* tsVal_ = nullptr;
    QLineEdit* tsEcr_ = nullptr;
    QCheckBox* ecrRelative_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace tdl::ui
