#include "ReplayDialog.h"

#include "LoadErrorText.h"
#include "SysctlModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace tdl::ui {

ReplayDialog::ReplayDialog(QWidget* parent)
    : QDialog(parent)
    , side_(new QComboBox(this))
    , profile_(new QComboBox(this))
    , sysctls_(new QPlainTextEdit(this))
    , error_(new QLabel(this)) {
    setObjectName(QStringLiteral("replayDialog"));
    setWindowTitle(tr("Replay as Linux"));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("One side of the capture becomes a simulated Linux host; the "
                                "other side's packets are sent to it at their capture times. "
                                "Every place where the captured host did not do what Linux "
                                "would is marked on the diagram and listed."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    side_->setObjectName(QStringLiteral("replaySide"));
    side_->addItem(tr("The server (the side that answered the SYN)"),
                   static_cast<int>(ReplaySide::Kind::Server));
    side_->addItem(tr("The client (the side that sent the SYN)"),
                   static_cast<int>(ReplaySide::Kind::Client));
    profile_->setObjectName(QStringLiteral("replayProfile"));
    for (int p = 0; p < kKernelProfileCount; ++p) {
        profile_->addItem(SysctlModel::profileName(static_cast<KernelProfile>(p)), p);
    }
    sysctls_->setObjectName(QStringLiteral("replaySysctls"));
    sysctls_->setPlaceholderText(tr("One a line, as sysctl -w takes it:\n"
                                    "net.ipv4.tcp_fin_timeout = 30"));
    sysctls_->setTabChangesFocus(true);
    sysctls_->setFixedHeight(sysctls_->fontMetrics().height() * 5);
    error_->setObjectName(QStringLiteral("replayError"));
    error_->setWordWrap(true);
    // The overlays' red: readable on the light and the dark theme alike.
    error_->setStyleSheet(QStringLiteral("color: #d02121;"));
    form->addRow(tr("Linux host:"), side_);
    form->addRow(tr("Kernel profile:"), profile_);
    form->addRow(tr("Sysctls changed:"), sysctls_);
    form->addRow(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Replay"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReplayDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(520);
}

std::optional<QString> ReplayDialog::read() {
    ReplayOptions options;
    options.side.kind = static_cast<ReplaySide::Kind>(side_->currentData().toInt());
    options.profile = static_cast<KernelProfile>(profile_->currentData().toInt());
    options.sysctls = defaultSysctls(options.profile);
    const QStringList lines = sysctls_->toPlainText().split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return tr("Line %1: expected \"name = value\", found \"%2\".").arg(i + 1).arg(line);
        }
        if (auto refused = setSysctl(options.sysctls, options.profile,
                                     line.left(equals).trimmed().toStdString(),
                                     line.mid(equals + 1).trimmed().toStdString())) {
            return tr("Line %1: %2").arg(i + 1).arg(LoadErrorText::sysctlRefusal(*refused));
        }
    }
    options_ = options;
    return std::nullopt;
}

void ReplayDialog::accept() {
    if (auto refusal = read()) {
        error_->setText(*refusal);
        return;
    }
    error_->clear();
    QDialog::accept();
}

} // namespace tdl::ui
