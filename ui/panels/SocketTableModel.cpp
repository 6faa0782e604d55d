#include "SocketTableModel.h"

#include "TraceText.h"
#include "socket_table_text.h"

#include <QLocale>

#include <algorithm>
#include <array>

namespace tdl::ui {

SocketTableModel::SocketTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void SocketTableModel::setSockets(std::vector<HostInfo> hosts, std::vector<SocketRow> rows) {
    beginResetModel();
    hosts_ = std::move(hosts);
    rows_ = std::move(rows);
    endResetModel();
}

void SocketTableModel::clear() {
    setSockets({}, {});
}

QString SocketTableModel::hostName(HostId host) const {
    return host < hosts_.size() ? QString::fromStdString(hosts_[host].name) : QString();
}

QString SocketTableModel::summary() const {
    std::vector<std::array<std::int64_t, kTcpStateCount>> counts(hosts_.size());
    for (const SocketRow& row : rows_) {
        if (row.host < counts.size()) {
            ++counts[row.host][static_cast<std::size_t>(row.state)];
        }
    }
    const QLocale locale;
    QStringList perHost;
    for (std::size_t host = 0; host < counts.size(); ++host) {
        QStringList states;
        for (int s = 0; s < kTcpStateCount; ++s) {
            if (const std::int64_t n = counts[host][static_cast<std::size_t>(s)]; n > 0) {
                states << QStringLiteral("%1 %2").arg(ssState(static_cast<TcpState>(s)),
                                                      locale.toString(n));
            }
        }
        if (states.isEmpty()) {
            states << tr("no sockets");
        }
        perHost << tr("%1: %2").arg(hostName(static_cast<HostId>(host)),
                                    states.join(QStringLiteral(" · ")));
    }
    return perHost.join(QStringLiteral("   "));
}

QString SocketTableModel::ssState(TcpState state) {
    return QString::fromUtf8(ssStateName(state));
}

namespace {

// One number to sort an endpoint by: address, then port.
qlonglong endpointKey(const Endpoint& e) {
    return static_cast<qlonglong>((std::uint64_t{e.address} << 16) | e.port);
}

} // namespace

qlonglong SocketTableModel::sortKey(const SocketRow& row, int column) {
    switch (column) {
    case HostColumn:
        return row.host;
    case StateColumn:
        return static_cast<qlonglong>(row.state);
    case RecvQColumn:
        return static_cast<qlonglong>(row.recvQ);
    case SendQColumn:
        return static_cast<qlonglong>(row.sendQ);
    case LocalColumn:
        return endpointKey(row.tuple.local);
    case PeerColumn:
        return endpointKey(row.tuple.remote);
    case TimerColumn:
        return row.timer == SsTimer::Off ? -1 : static_cast<qlonglong>(row.timerLeft.count());
    case OrphanColumn:
        return row.orphan ? 1 : 0;
    case ConnectionColumn:
        return row.connection ? static_cast<qlonglong>(*row.connection) : -1;
    default:
        return 0;
    }
}

QString SocketTableModel::ssTimer(const SocketRow& row) {
    return QString::fromStdString(ssTimerText(row));
}

QString SocketTableModel::timerToolTip(const SocketRow& row) {
    QString timer;
    switch (row.timer) {
    case SsTimer::On:
        timer = tr("the retransmission timer (\"on\")");
        break;
    case SsTimer::Keepalive:
        timer = tr("the keepalive timer, which an orphan in FIN-WAIT-2 uses for tcp_fin_timeout");
        break;
    case SsTimer::TimeWait:
        timer = tr("the timer of a TIME-WAIT record (TIME-WAIT, or an orphan's FIN-WAIT-2)");
        break;
    case SsTimer::Persist:
        timer = tr("the zero-window probe timer (\"persist\")");
        break;
    case SsTimer::Off:
        return {};
    }
    // ss's print_ms_timer() writes 3 s 785 ms as "3.785ms": the unit is that of the last part.
    return tr("<p>%1: %2 left, %3 retransmissions or probes so far.</p><p>The time is written as "
              "ss -o writes it: \"3.785ms\" means 3 s and 785 ms (3.785 seconds), "
              "\"1min5sec\" one minute and five seconds.</p>")
        .arg(
            timer,
            tr("%1 s").arg(QString::number(
                static_cast<double>(std::max<std::int64_t>(
                    0,
                    std::chrono::duration_cast<std::chrono::milliseconds>(row.timerLeft).count())) /
                    1000.0,
                'f', 3)))
        .arg(row.retransmits);
}

QString SocketTableModel::endpoint(const Endpoint& e) {
    const QString address = QString::fromStdString(formatIpv4(e.address));
    return e.port == 0 ? address + QStringLiteral(":*")
                       : QStringLiteral("%1:%2").arg(address).arg(e.port);
}

int SocketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SocketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocketTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const SocketRow& row = socket(index.row());
    if (role == SortRole) {
        return sortKey(row, index.column());
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == RecvQColumn || index.column() == SendQColumn ||
                            index.column() == ConnectionColumn;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == TimerColumn && row.timer != SsTimer::Off) {
            return timerToolTip(row);
        }
        if (row.orphan) {
            return tr("An orphan: the application has closed this socket, so no file descriptor "
                      "refers to it any more; the kernel finishes the close alone.");
        }
        if (row.timeWaitRecord) {
            return tr("A TIME_WAIT record (tcp_timewait_sock): the socket itself is gone, only "
                      "its 4-tuple, sequence numbers and timer remain.");
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case HostColumn:
        return hostName(row.host);
    case StateColumn:
        return ssState(row.state);
    case RecvQColumn:
        return qulonglong{row.recvQ};
    case SendQColumn:
        return qulonglong{row.sendQ};
    case LocalColumn:
        return endpoint(row.tuple.local);
    case PeerColumn:
        return endpoint(row.tuple.remote);
    case TimerColumn:
        return ssTimer(row);
    case OrphanColumn:
        return row.orphan ? tr("orphan") : QString();
    case ConnectionColumn:
        return row.connection ? QStringLiteral("#%1").arg(*row.connection) : QString();
    default:
        return {};
    }
}

QVariant SocketTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RecvQColumn:
            return tr("Bytes received and not yet read; for a listener, connections waiting in "
                      "accept()");
        case SendQColumn:
            return tr("Bytes written and not yet acknowledged");
        case TimerColumn:
            return tr("The timer as ss -o prints it: (name, time left, retransmissions or probes)");
        case ConnectionColumn:
            return tr("Which connection of the load run this socket belongs to (0 = the first). "
                      "Double-click to open it in the sequence diagram.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case RecvQColumn:
        return tr("Recv-Q");
    case SendQColumn:
        return tr("Send-Q");
    case LocalColumn:
        return tr("Local Address:Port");
    case PeerColumn:
        return tr("Peer Address:Port");
    case TimerColumn:
        return tr("Timer");
    case OrphanColumn:
        return tr("Orphan");
    case ConnectionColumn:
        return tr("Connection");
    default:
        return {};
    }
}

} // namespace tdl::ui
