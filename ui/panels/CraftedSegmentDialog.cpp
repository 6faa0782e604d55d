#include "CraftedSegmentDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <optional>

namespace tdl::ui {

namespace {

constexpr std::array<std::pair<const char*, std::uint8_t>, 5> kFlags = {{
    {"SYN", flag::kSyn},
    {"ACK", flag::kAck},
    {"FIN", flag::kFin},
    {"RST", flag::kRst},
    {"PSH", flag::kPsh},
}};

// A 32-bit number from a line edit, or nothing if it is not one.
std::optional<std::uint32_t> number(const QLineEdit* edit) {
    bool ok = false;
    const qulonglong value = edit->text().trimmed().toULongLong(&ok);
    if (!ok || value > 0xFFFFFFFFULL) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(value);
}

QLineEdit* numberEdit(std::uint32_t value, const QString& name, QWidget* parent) {
    auto* edit = new QLineEdit(QString::number(value), parent);
    edit->setObjectName(name);
    return edit;
}

QSpinBox* spinBox(int min, int max, int value, const QString& name, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setObjectName(name);
    return box;
}

QWidget* row(QWidget* parent, std::initializer_list<QWidget*> widgets) {
    auto* holder = new QWidget(parent);
    auto* layout = new QHBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : widgets) {
        layout->addWidget(widget);
    }
    layout->addStretch();
    return holder;
}

} // namespace

CraftedSegmentDialog::CraftedSegmentDialog(const CraftedSegment& start, const QString& where,
                                           QWidget* parent)
    : QDialog(parent)
    , start_(start) {
    setWindowTitle(tr("Custom Segment"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(where, this));
    auto* form = new QFormLayout;
    layout->addLayout(form);

    auto* flagRow = new QWidget(this);
    auto* flagLayout = new QHBoxLayout(flagRow);
    flagLayout->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < kFlags.size(); ++i) {
        flags_[i] = new QCheckBox(QString::fromLatin1(kFlags[i].first), flagRow);
        flags_[i]->setObjectName(QStringLiteral("flag") + QString::fromLatin1(kFlags[i].first));
        flags_[i]->setChecked((start.flags & kFlags[i].second) != 0);
        flagLayout->addWidget(flags_[i]);
    }
    flagLayout->addStretch();
    form->addRow(tr("Flags:"), flagRow);

    seq_ = numberEdit(start.seq.value, QStringLiteral("seq"), this);
    seqRelative_ = new QCheckBox(tr("relative to the sender's ISN"), this);
    seqRelative_->setObjectName(QStringLiteral("seqRelative"));
    seqRelative_->setChecked(start.seq.relative);
    form->addRow(tr("Sequence number:"), row(this, {seq_, seqRelative_}));

    ack_ = numberEdit(start.ack.value, QStringLiteral("ack"), this);
    ackRelative_ = new QCheckBox(tr("relative to the receiver's ISN"), this);
    ackRelative_->setObjectName(QStringLiteral("ackRelative"));
    ackRelative_->setChecked(start.ack.relative);
    form->addRow(tr("Acknowledgement number:"), row(this, {ack_, ackRelative_}));

    window_ = spinBox(0, 65535, start.window, QStringLiteral("window"), this);
    form->addRow(tr("Window (bytes):"), window_);
    length_ = spinBox(0, 65535, static_cast<int>(start.length), QStringLiteral("length"), this);
    form->addRow(tr("Payload length (bytes):"), length_);

    hasMss_ = new QCheckBox(tr("MSS"), this);
    hasMss_->setObjectName(QStringLiteral("hasMss"));
    hasMss_->setChecked(start.mss != 0);
    mss_ = spinBox(1, 65535, start.mss != 0 ? start.mss : 1460, QStringLiteral("mss"), this);
    sackPermitted_ = new QCheckBox(tr("SACK permitted"), this);
    sackPermitted_->setObjectName(QStringLiteral("sackPermitted"));
    sackPermitted_->setChecked(start.sackPermitted);
    hasWindowScale_ = new QCheckBox(tr("Window scale"), this);
    hasWindowScale_->setObjectName(QStringLiteral("hasWindowScale"));
    hasWindowScale_->setChecked(start.windowScale >= 0);
    windowScale_ =
        spinBox(0, 14, std::max<int>(start.windowScale, 0), QStringLiteral("windowScale"), this);
    form->addRow(tr("Options:"),
                 row(this, {hasMss_, mss_, sackPermitted_, hasWindowScale_, windowScale_}));

    hasTimestamp_ = new QCheckBox(tr("Timestamps: TSval"), this);
    hasTimestamp_->setObjectName(QStringLiteral("hasTimestamp"));
    hasTimestamp_->setChecked(start.timestamp.has_value());
    const CraftedTimestamp ts = start.timestamp.value_or(CraftedTimestamp{});
    tsVal_ = numberEdit(ts.value, QStringLiteral("tsVal"), this);
    tsEcr_ = numberEdit(ts.echo.value, QStringLiteral("tsEcr"), this);
    for (QLineEdit* edit : {tsVal_, tsEcr_}) {
        // Room for a 32-bit number.
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("4294967295 ")));
    }
    ecrRelative_ = new QCheckBox(tr("relative to the receiver's first TSval"), this);
    ecrRelative_->setObjectName(QStringLiteral("ecrRelative"));
    ecrRelative_->setChecked(ts.echo.relative);
    form->addRow(QString(), row(this, {hasTimestamp_, tsVal_, new QLabel(tr("TSecr"), this), tsEcr_,
                                       ecrRelative_}));

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {seq_, ack_, tsVal_, tsEcr_}) {
        connect(edit, &QLineEdit::textChanged, this, &CraftedSegmentDialog::updateEnabled);
    }
    for (QCheckBox* box : {hasMss_, hasWindowScale_, hasTimestamp_}) {
        connect(box, &QCheckBox::toggled, this, &CraftedSegmentDialog::updateEnabled);
    }
    updateEnabled();
}

void CraftedSegmentDialog::updateEnabled() {
    mss_->setEnabled(hasMss_->isChecked());
    windowScale_->setEnabled(hasWindowScale_->isChecked());
    for (QWidget* widget : std::initializer_list<QWidget*>{tsVal_, tsEcr_, ecrRelative_}) {
        widget->setEnabled(hasTimestamp_->isChecked());
    }
    bool valid = number(seq_) && number(ack_);
    if (hasTimestamp_->isChecked()) {
        valid = valid && number(tsVal_) && number(tsEcr_);
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

CraftedSegment CraftedSegmentDialog::segment() const {
    CraftedSegment out = start_;
    out.flags = 0;
    for (std::size_t i = 0; i < kFlags.size(); ++i) {
        if (flags_[i]->isChecked()) {
            out.flags |= kFlags[i].second;
        }
    }
    out.seq = CraftedNumber{number(seq_).value_or(0), seqRelative_->isChecked()};
    out.ack = CraftedNumber{number(ack_).value_or(0), ackRelative_->isChecked()};
    out.window = static_cast<std::uint16_t>(window_->value());
    out.length = static_cast<std::uint32_t>(length_->value());
    out.mss = hasMss_->isChecked() ? static_cast<std::uint16_t>(mss_->value()) : 0;
    out.sackPermitted = sackPermitted_->isChecked();
    out.windowScale =
        hasWindowScale_->isChecked() ? static_cast<std::int8_t>(windowScale_->value()) : -1;
    out.timestamp.reset();
    if (hasTimestamp_->isChecked()) {
        out.timestamp =
            CraftedTimestamp{number(tsVal_).value_or(0),
                             CraftedNumber{number(tsEcr_).value_or(0), ecrRelative_->isChecked()}};
    }
    return out;
}

} // namespace tdl::ui
