#include "SocketTableView.h"

#include "SocketFilterModel.h"
#include "SocketTableModel.h"
#include "TraceText.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tdl::ui {

SocketTableView::SocketTableView(QWidget* parent)
    : QWidget(parent)
    , model_(new SocketTableModel(this))
    , proxy_(new SocketFilterModel(model_, this))
    , caption_(new QLabel(this))
    , runs_(new QComboBox(this))
    , summary_(new QLabel(this))
    , filter_(new QLineEdit(this))
    , table_(new QTableView(this))
    , progress_(new QProgressBar(this))
    , status_(new QLabel(this))
    , open_(new QPushButton(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    QFont bold = caption_->font();
    bold.setBold(true);
    caption_->setFont(bold);
    top->addWidget(caption_, 1);
    runs_->setObjectName(QStringLiteral("socketRun"));
    runs_->addItems({QString(), QString()});
    runs_->hide();
    top->addWidget(runs_);
    filter_->setObjectName(QStringLiteral("socketFilter"));
    filter_->setClearButtonEnabled(true);
    filter_->setMinimumWidth(260);
    top->addWidget(filter_);
    layout->addLayout(top);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    table_->setObjectName(QStringLiteral("socketTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder); // the engine's order until a header is clicked
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(SocketTableModel::TimerColumn,
                                                     QHeaderView::Stretch);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    table_->setFont(mono);
    const int digit = QFontMetrics(mono).horizontalAdvance(QLatin1Char('0'));
    const int widths[] = {8, 12, 8, 8, 22, 22, 26, 8, 10};
    for (int column = 0; column < SocketTableModel::ColumnCount; ++column) {
        table_->setColumnWidth(column, widths[column] * digit + 12);
    }
    layout->addWidget(table_, 1);

    auto* bottom = new QHBoxLayout;
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(220);
    progress_->hide();
    bottom->addWidget(progress_);
    status_->setWordWrap(true);
    bottom->addWidget(status_, 1);
    open_->setObjectName(QStringLiteral("openConnection"));
    bottom->addWidget(open_);
    layout->addLayout(bottom);

    connect(filter_, &QLineEdit::textChanged, proxy_, &SocketFilterModel::setFilterWords);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SocketTableView::updateButton);
    connect(table_, &QTableView::activated, this, &SocketTableView::openCurrent);
    connect(open_, &QPushButton::clicked, this, &SocketTableView::openCurrent);
    connect(runs_, &QComboBox::activated, this, &SocketTableView::runChosen);
    retranslateUi();
    clear();
}

void SocketTableView::clear() {
    model_->clear();
    at_.reset();
    progress_->hide();
    status_->clear();
    retranslateUi();
    updateButton();
}

void SocketTableView::showProgress(const QString& what, double fraction) {
    progress_->setValue(static_cast<int>(fraction * 1000));
    progress_->show();
    status_->setText(what);
}

void SocketTableView::setSockets(SimTime at, const QString& run, std::vector<HostInfo> hosts,
                                 std::vector<SocketRow> rows) {
    at_ = at;
    run_ = run;
    model_->setSockets(std::move(hosts), std::move(rows));
    progress_->hide();
    status_->clear();
    retranslateUi();
    updateButton();
}

void SocketTableView::setStatus(const QString& text) {
    progress_->hide();
    status_->setText(text);
}

void SocketTableView::setOpeningEnabled(bool enabled) {
    openingEnabled_ = enabled;
    updateButton();
}

void SocketTableView::setRunCount(int runs) {
    if (runs < 2) {
        runs_->setCurrentIndex(0);
    }
    runs_->setVisible(runs > 1);
}

int SocketTableView::run() const {
    return runs_->currentIndex();
}

QString SocketTableView::summary() const {
    return summary_->text();
}

std::optional<std::uint64_t> SocketTableView::currentConnection() const {
    const QModelIndex current = proxy_->mapToSource(table_->currentIndex());
    if (!current.isValid()) {
        return std::nullopt;
    }
    return model_->socket(current.row()).connection;
}

void SocketTableView::updateButton() {
    open_->setEnabled(openingEnabled_ && currentConnection().has_value());
}

void SocketTableView::openCurrent() {
    if (const auto connection = currentConnection(); connection && openingEnabled_) {
        emit connectionRequested(*connection);
    }
}

void SocketTableView::retranslateUi() {
    caption_->setText(
        !at_ ? tr("Sockets")
        : run_.isEmpty()
            ? tr("Sockets alive at %1: %2")
                  .arg(TraceText::duration(*at_), QLocale().toString(model_->rowCount()))
            : tr("Sockets alive at %1 in run %2: %3")
                  .arg(TraceText::duration(*at_), run_, QLocale().toString(model_->rowCount())));
    summary_->setText(!at_ ? tr("Click a chart at a point in time to list the sockets alive then, "
                                "as ss -tan would.")
                           : model_->summary());
    filter_->setPlaceholderText(tr("Filter: state, host, port or #connection (time-wait :80)"));
    runs_->setItemText(0, tr("Run A (solid)"));
    runs_->setItemText(1, tr("Run B (dashed)"));
    runs_->setToolTip(tr("Which run's sockets to list"));
    open_->setText(tr("Open in Sequence Diagram"));
    open_->setToolTip(tr("Re-simulate the selected socket's connection and show it, segment by "
                         "segment, in the main window (Enter or double-click)"));
}

void SocketTableView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        // A finished job's message ("Connection #7 is open in the main window.") was worded in
        // the language before and is not worded again: it goes rather than stay in that
        // language. A running job's progress is reworded by its next step.
        if (progress_->isHidden()) {
            status_->clear();
        }
        retranslateUi();
    }
}

} // namespace tdl::ui
