#include "SysctlModel.h"

#include "Document.h"
#include "LoadErrorText.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <array>
#include <climits>
#include <string>

namespace tdl::ui {

namespace {

struct KnobSummary {
    std::string_view name;
    const char* text;
};

constexpr std::array<KnobSummary, 18> kSummaries = {{
    {"net.ipv4.tcp_tw_reuse",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Let connect() reuse a 4-tuple still in TIME_WAIT "
                                               "(1 everywhere, 2 loopback only)")},
    {"net.ipv4.tcp_tw_reuse_delay",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "How long a TIME_WAIT socket must exist before "
                                               "tcp_tw_reuse may take it")},
    {"net.ipv4.tcp_tw_recycle",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Short TIME_WAIT and per-peer timestamp checks on "
                                               "SYNs (breaks clients behind NAT)")},
    {"net.ipv4.tcp_timestamps",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "RFC 7323 timestamps: 0 off, 1 on with a random "
                                               "offset, 2 on without offset")},
    {"net.ipv4.tcp_max_tw_buckets",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Most TIME_WAIT sockets at once; beyond it a "
                                               "closing socket skips TIME_WAIT")},
    {"net.ipv4.tcp_orphan_retries",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Retransmission budget of a socket with no process "
                                               "(0 means 8)")},
    {"net.ipv4.tcp_max_orphans",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Most sockets with no process; beyond it close() "
                                               "resets the connection")},
    {"net.ipv4.tcp_fin_timeout",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "How long an orphaned socket stays in FIN-WAIT-2 "
                                               "(not TIME_WAIT!)")},
    {"net.ipv4.tcp_rfc1337",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Ignore RSTs in TIME_WAIT instead of letting them "
                                               "kill it (RFC 1337)")},
    {"net.ipv4.tcp_syn_retries",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "SYN retransmissions before connect() gives up")},
    {"net.ipv4.tcp_syn_linear_timeouts",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "SYN retransmissions 1 s apart before the backoff "
                                               "doubles")},
    {"net.ipv4.tcp_synack_retries",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "SYN,ACK retransmissions before a half-open "
                                               "connection is dropped")},
    {"net.ipv4.tcp_retries2",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Retransmission budget of a socket a process still "
                                               "holds (15: about 924.6 s)")},
    {"net.ipv4.tcp_sack",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Offer and accept selective acknowledgements "
                                               "(SACK-permitted on the SYN)")},
    {"net.ipv4.tcp_early_retrans",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "3 or 4: a tail loss probe resends the last "
                                               "segment before the RTO (needs SACK)")},
    {"net.ipv4.tcp_challenge_ack_limit",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Challenge ACKs per second (RFC 5961)")},
    {"net.ipv4.tcp_invalid_ratelimit",
     QT_TRANSLATE_NOOP("tdl::ui::SysctlModel", "Least time between duplicate ACKs for "
                                               "out-of-window segments")},
    {kPortRangeName, QT_TRANSLATE_NOOP("tdl::ui::SysctlModel",
                                       "Ephemeral ports connect() chooses from (low high)")},
}};

// What each value of an enumerated knob does, as the kernel reads it (a value not listed means
// what the nearest condition in the kernel makes of it: see meaning()).
struct EnumeratedKnob {
    std::string_view name;
    std::array<int, 3> values;
    int count;
};

constexpr std::array<EnumeratedKnob, 4> kEnumerations = {{
    {"net.ipv4.tcp_tw_reuse", {0, 1, 2}, 3},
    {"net.ipv4.tcp_tw_recycle", {0, 1, 0}, 2},
    {"net.ipv4.tcp_timestamps", {0, 1, 2}, 3},
    {"net.ipv4.tcp_rfc1337", {0, 1, 0}, 2},
}};

const EnumeratedKnob* enumeration(std::string_view name) {
    for (const EnumeratedKnob& knob : kEnumerations) {
        if (knob.name == name) {
            return &knob;
        }
    }
    return nullptr;
}

const SysctlKnob& knobAt(int row) {
    return sysctlKnobs()[static_cast<std::size_t>(row)];
}

} // namespace

SysctlModel::SysctlModel(Document* document, int host, QObject* parent)
    : QAbstractTableModel(parent)
    , document_(document)
    , host_(host) {
    connect(document_, &Document::runChanged, this, &SysctlModel::scenarioChanged);
}

QString SysctlModel::summary(std::string_view name) {
    for (const KnobSummary& s : kSummaries) {
        if (s.name == name) {
            return tr(s.text);
        }
    }
    const SysctlKnob* knob = findSysctl(name);
    return knob == nullptr ? QString()
                           : QString::fromUtf8(knob->summary.data(),
                                               static_cast<qsizetype>(knob->summary.size()));
}

bool SysctlModel::hasTranslatedSummary(std::string_view name) {
    for (const KnobSummary& s : kSummaries) {
        if (s.name == name) {
            return true;
        }
    }
    return false;
}

QString SysctlModel::profileName(KernelProfile profile) {
    switch (profile) {
    case KernelProfile::Linux6:
        return tr("Linux 6.14 and later");
    case KernelProfile::Linux4_19:
        return tr("Linux 4.19 – 6.13");
    case KernelProfile::Linux4_12:
        return tr("Linux 4.12 – 4.18");
    case KernelProfile::Linux3_10:
        return tr("Linux 3.10 – 4.11");
    case KernelProfile::Rfc9293:
        return tr("RFC 9293 textbook");
    }
    return {};
}

bool SysctlModel::isEnumeration(std::string_view name) {
    return enumeration(name) != nullptr;
}

QString SysctlModel::valueText(std::string_view name, int value) {
    QString meaning;
    if (name == "net.ipv4.tcp_tw_reuse") {
        // tcp_twsk_unique(): 2 limits reuse to loopback (since 4.19), 1 allows it everywhere.
        meaning = value == 0   ? tr("off")
                  : value == 1 ? tr("on, for every address")
                               : tr("loopback only");
    } else if (name == "net.ipv4.tcp_tw_recycle") {
        meaning = value == 0 ? tr("off") : tr("on (breaks clients behind NAT)");
    } else if (name == "net.ipv4.tcp_timestamps") {
        // tcp_syn_options() sends them unless 0; secure_tcp_ts_off() adds a random offset only
        // for 1.
        meaning = value == 0   ? tr("off")
                  : value == 1 ? tr("on, with a random offset")
                               : tr("on, without offset");
    } else if (name == "net.ipv4.tcp_rfc1337") {
        // tcp_timewait_state_process() tests it for zero only.
        meaning = value == 0 ? tr("off: a RST ends TIME-WAIT") : tr("on: TIME-WAIT ignores RSTs");
    } else {
        return QString::number(value);
    }
    return tr("%1 — %2", "a sysctl's value and what it means").arg(value).arg(meaning);
}

void SysctlModel::scenarioChanged() {
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void SysctlModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    scenarioChanged();
}

int SysctlModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(sysctlKnobs().size());
}

int SysctlModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags SysctlModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    const auto& hosts = document_->scenario().hosts;
    // The root (an invalid index) is no knob: knobAt() would read outside the table.
    if (!index.isValid() || host_ >= static_cast<int>(hosts.size())) {
        return flags;
    }
    if (!knobAt(index.row()).existsIn(hosts[static_cast<std::size_t>(host_)].profile)) {
        return flags & ~Qt::ItemIsEnabled;
    }
    if (index.column() == ValueColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant SysctlModel::data(const QModelIndex& index, int role) const {
    const auto& hosts = document_->scenario().hosts;
    if (!index.isValid() || host_ >= static_cast<int>(hosts.size())) {
        return {};
    }
    const HostConfig& host = hosts[static_cast<std::size_t>(host_)];
    const SysctlKnob& knob = knobAt(index.row());
    const QString name =
        QString::fromUtf8(knob.name.data(), static_cast<qsizetype>(knob.name.size()));
    const bool exists = knob.existsIn(host.profile);
    const QString value = QString::fromStdString(sysctlValueText(host.sysctls, knob.name));
    const QString fallback =
        QString::fromStdString(sysctlValueText(defaultSysctls(host.profile), knob.name));
    const QString unit =
        QString::fromUtf8(knob.unit.data(), static_cast<qsizetype>(knob.unit.size()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return QString(name).remove(QLatin1String("net.ipv4."));
        case ValueColumn:
            if (!exists) {
                return QStringLiteral("—");
            }
            return role == Qt::DisplayRole && isEnumeration(knob.name)
                       ? valueText(knob.name, value.toInt())
                       : value;
        case DefaultColumn:
            if (!exists) {
                return QStringLiteral("—");
            }
            return role == Qt::DisplayRole && isEnumeration(knob.name)
                       ? valueText(knob.name, fallback.toInt())
                       : fallback;
        case RangeColumn: {
            if (knob.name == kPortRangeName) {
                return tr("%1 – %2, low ≤ high").arg(knob.min).arg(knob.max);
            }
            QString range = knob.min == INT_MIN && knob.max == INT_MAX
                                ? tr("any integer")
                                : QStringLiteral("%1 – %2").arg(knob.min).arg(knob.max);
            return unit.isEmpty() ? range : QStringLiteral("%1 %2").arg(range, unit);
        }
        default:
            return {};
        }
    case KernelNameRole:
        return name;
    case ChoicesRole: {
        const EnumeratedKnob* choices = enumeration(knob.name);
        QVariantList values;
        if (choices == nullptr || !exists) {
            return values;
        }
        for (int i = 0; i < choices->count; ++i) {
            // Only what this kernel takes: tcp_tw_reuse = 2 is refused before 4.19.
            Sysctls attempt = host.sysctls;
            const int choice = choices->values[static_cast<std::size_t>(i)];
            if (!setSysctl(attempt, host.profile, knob.name, std::to_string(choice))) {
                values << choice;
            }
        }
        // A value set in the file that is none of the usual ones stays choosable.
        if (!values.contains(value.toInt())) {
            values << value.toInt();
        }
        return values;
    }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) {
            return QStringLiteral("<b>%1</b><br>%2").arg(name, summary(knob.name).toHtmlEscaped());
        }
        if (!exists) {
            return tr("%1 does not exist in the %2 profile.")
                .arg(QString::fromUtf8(knob.name.data(), static_cast<qsizetype>(knob.name.size())),
                     profileName(host.profile));
        }
        return summary(knob.name);
    case Qt::FontRole:
        if (index.column() == ValueColumn && exists && value != fallback) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

std::optional<QString> SysctlModel::setValue(int row, const QString& text) {
    if (row < 0 || row >= rowCount() ||
        host_ >= static_cast<int>(document_->scenario().hosts.size())) {
        return tr("No such sysctl.");
    }
    const SysctlKnob& knob = knobAt(row);
    Scenario changed = document_->scenario();
    HostConfig& host = changed.hosts[static_cast<std::size_t>(host_)];
    const QString name =
        QString::fromUtf8(knob.name.data(), static_cast<qsizetype>(knob.name.size()));
    if (auto error =
            setSysctl(host.sysctls, host.profile, knob.name, text.trimmed().toStdString())) {
        return tr("%1 refused: %2").arg(name, LoadErrorText::sysctlRefusal(*error));
    }
    const QString shown = QString::fromStdString(sysctlValueText(host.sysctls, knob.name));
    if (auto error = document_->edit(
            changed, tr("Set %1 = %2 on %3").arg(name, shown, QString::fromStdString(host.name)))) {
        return tr("The scenario does not run with this value: %1").arg(*error);
    }
    return std::nullopt;
}

bool SysctlModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != ValueColumn || role != Qt::EditRole) {
        return false;
    }
    if (auto error = setValue(index.row(), value.toString())) {
        emit refused(index.row(), *error);
        return false;
    }
    return true;
}

QVariant SysctlModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Sysctl (net.ipv4.)");
    case ValueColumn:
        return tr("Value");
    case DefaultColumn:
        return tr("Default");
    case RangeColumn:
        return tr("Valid range");
    default:
        return {};
    }
}

} // namespace tdl::ui
