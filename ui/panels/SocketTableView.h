#pragma once

#include "sim_time.h"
#include "socket_table.h"
#include "trace.h"

#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tdl::ui {

class SocketFilterModel;
class SocketTableModel;

// The sockets alive at the instant picked on the charts, as `ss -tan` would list them, with a
// count per state above and a filter. A connection of the load can be opened from here in the
// sequence diagram (button, Enter or double-click). The explorer fills it; it only shows.
class SocketTableView : public QWidget {
    Q_OBJECT

public:
    explicit SocketTableView(QWidget* parent = nullptr);

    // Nothing picked yet, or the previous listing no longer applies.
    void clear();
    // Re-simulating up to `at` for the listing: fraction 0..1.
    void showProgress(const QString& what, double fraction);
    // The listing at `at` of run "A" or "B".
    void setSockets(SimTime at, const QString& run, std::vector<HostInfo> hosts,
                    std::vector<SocketRow> rows);
    // Tracing a connection, or its failure: a line under the table.
    void setStatus(const QString& text);
    // While a connection is traced, another cannot be asked for.
    void setOpeningEnabled(bool enabled);
    // Whether there is a run B to list instead of run A.
    void setRunCount(int runs);
    int run() const;

    SocketTableModel* model() const { return model_; }
    SocketFilterModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    QLineEdit* filter() const { return filter_; }
    QString summary() const;
    // The connection of the current row, if it belongs to one.
    std::optional<std::uint64_t> currentConnection() const;

signals:
    void connectionRequested(std::uint64_t index);
    // The user chose to list run 0 (A) or 1 (B).
    void runChosen(int run);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButton();
    void openCurrent();

    SocketTableModel* model_;
    SocketFilterModel* proxy_;
    QLabel* caption_;
    QComboBox* runs_;
    QLabel* summary_;
    QLineEdit* filter_;
    QTableView* table_;
    QProgressBar* progress_;
    QLabel* status_;
    QPushButton* open_;
    bool openingEnabled_ = true;
    std::optional<SimTime> at_;
    QString run_;
};

} // namespace tdl::ui
