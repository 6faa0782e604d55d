#pragma once

#include "capture_replay.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace tdl::ui {

// "Replay as Linux…": which side of the capture becomes the Linux host, with which kernel profile
// and sysctls (one "name = value" a line, checked as `sysctl -w` checks them).
class ReplayDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReplayDialog(QWidget* parent = nullptr);

    // The options chosen; valid once the dialog is accepted.
    const ReplayOptions& options() const { return options_; }

    // For tests: the widgets.
    QComboBox* side() const { return side_; }
    QComboBox* profile() const { return profile_; }
    QPlainTextEdit* sysctls() const { return sysctls_; }
    QLabel* error() const { return error_; }

    // Reads the fields into options(); the refusal, in the user's language, if a line is wrong.
    std::optional<QString> read();

private:
    void accept() override;

    ReplayOptions options_;
    QComboBox* side_;
    QComboBox* profile_;
    QPlainTextEdit* sysctls_;
    QLabel* error_;
};

} // namespace tdl::ui
