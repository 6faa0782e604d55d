#include "SocketFilterModel.h"

#include "SocketTableModel.h"

namespace tdl::ui {

namespace {

// "TIME_WAIT", "time-wait" and "timewait" all name the same state.
QString normalized(QString word) {
    return word.remove(QLatin1Char('-')).remove(QLatin1Char('_')).toLower();
}

} // namespace

SocketFilterModel::SocketFilterModel(SocketTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , source_(source) {
    setSourceModel(source);
    setSortRole(SocketTableModel::SortRole);
}

void SocketFilterModel::setFilterWords(const QString& text) {
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == words_) {
        return;
    }
    words_ = words;
    invalidateFilter();
}

bool SocketFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    for (const QString& word : words_) {
        if (!matches(sourceRow, word)) {
            return false;
        }
    }
    return true;
}

bool SocketFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    return SocketTableModel::sortKey(source_->socket(left.row()), left.column()) <
           SocketTableModel::sortKey(source_->socket(right.row()), right.column());
}

bool SocketFilterModel::matches(int sourceRow, const QString& word) const {
    const SocketRow& row = source_->socket(sourceRow);
    if (word.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const qulonglong connection = word.mid(1).toULongLong(&ok);
        return ok && row.connection && *row.connection == connection;
    }
    bool isPort = false;
    const uint port = (word.startsWith(QLatin1Char(':')) ? word.mid(1) : word).toUInt(&isPort);
    if (isPort) {
        return row.tuple.local.port == port || row.tuple.remote.port == port;
    }
    const QString needle = normalized(word);
    if (normalized(SocketTableModel::ssState(row.state)).startsWith(needle)) {
        return true;
    }
    // The RFC's spellings too: "established", "syn-received".
    const std::string_view rfcName = stateName(row.state);
    if (normalized(QString::fromLatin1(rfcName.data(), static_cast<qsizetype>(rfcName.size())))
            .startsWith(needle)) {
        return true;
    }
    if (row.orphan && (QStringLiteral("orphan").startsWith(needle) ||
                       SocketTableModel::tr("orphan").startsWith(word))) {
        return true;
    }
    return source_->hostName(row.host).compare(word, Qt::CaseInsensitive) == 0;
}

} // namespace tdl::ui
