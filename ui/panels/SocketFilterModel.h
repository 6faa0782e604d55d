#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace tdl::ui {

class SocketTableModel;

// Sorts the socket table by its numeric keys and keeps the rows that match every word of a
// filter: a state ("time-wait", "TIME_WAIT", "estab"), a host name, a port (":80" or "80",
// local or peer), a connection ("#42") or "orphan".
class SocketFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit SocketFilterModel(SocketTableModel* source, QObject* parent = nullptr);

    void setFilterWords(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    // Compares the rows' numbers directly: through QVariant, sorting 30,000 rows took 30 ms.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool matches(int sourceRow, const QString& word) const;

    SocketTableModel* source_;
    QStringList words_;
};

} // namespace tdl::ui
