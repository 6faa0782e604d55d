#pragma once

#include "socket_table.h"
#include "trace.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace tdl::ui {

// The sockets alive at one instant of a load run, one row each, as `ss -tano` prints them on
// their host: state, queues, endpoints, timer; plus whether it is an orphan and which of the
// run's connections it belongs to. Tens of thousands of rows: texts are made only when a view
// asks for them, and sorting uses numeric keys (SortRole).
class SocketTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        StateColumn,
        RecvQColumn,
        SendQColumn,
        LocalColumn,
        PeerColumn,
        TimerColumn,
        OrphanColumn,
        ConnectionColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit SocketTableModel(QObject* parent = nullptr);

    void setSockets(std::vector<HostInfo> hosts, std::vector<SocketRow> rows);
    void clear();
    const std::vector<SocketRow>& sockets() const { return rows_; }
    const SocketRow& socket(int row) const { return rows_[static_cast<std::size_t>(row)]; }
    QString hostName(HostId host) const;

    // "TIME-WAIT 28,232 · ESTAB 12" for each host, states in RFC order.
    QString summary() const;

    // What a column sorts by, a number for every column (also as SortRole).
    static qlonglong sortKey(const SocketRow& row, int column);

    // ss's spellings: "ESTAB", "TIME-WAIT", "SYN-RECV"...
    static QString ssState(TcpState state);
    // ss -o's timer field, "timer:(timewait,42sec,0)"; "" when no timer runs.
    static QString ssTimer(const SocketRow& row);
    // That timer in words, with how to read ss's time ("3.785ms" is 3.785 s).
    static QString timerToolTip(const SocketRow& row);
    // "10.0.0.1:40158"; a listener's unset peer is "0.0.0.0:*".
    static QString endpoint(const Endpoint& endpoint);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<HostInfo> hosts_;
    std::vector<SocketRow> rows_;
};

} // namespace tdl::ui
