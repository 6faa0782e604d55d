#include "LoadExplorer.h"

#include "ActionText.h"
#include "LoadCharts.h"
#include "LoadErrorText.h"
#include "LoadJob.h"
#include "LoadLegend.h"
#include "PresetCatalog.h"
#include "ScenarioDiff.h"
#include "SocketTableView.h"
#include "TraceText.h"
#include "scenario_json.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tdl::ui {

namespace {
constexpr int kStatusTimeoutMs = 8000;
const char* const kRunNames[] = {"A", "B"};

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

LoadExplorer::LoadExplorer(const PresetCatalog* catalog, QWidget* parent)
    : QMainWindow(parent)
    , catalog_(catalog) {
    setObjectName(QStringLiteral("loadExplorer"));
    createActions();
    createToolBar();
    createCentralWidget();
    retranslateUi();
    resize(1400, 900);
}

LoadExplorer::~LoadExplorer() {
    // Before the members the jobs' results would touch: each one cancels and joins its worker.
    qDeleteAll(findChildren<LoadJob*>(QString(), Qt::FindDirectChildrenOnly));
}

void LoadExplorer::createActions() {
    runAction_ = new QAction(icon("play"), QString(), this);
    runAction_->setObjectName(QStringLiteral("loadRun"));
    runAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    connect(runAction_, &QAction::triggered, this, &LoadExplorer::run);
    cancelAction_ = new QAction(this);
    cancelAction_->setObjectName(QStringLiteral("loadCancel"));
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(cancelAction_, &QAction::triggered, this, &LoadExplorer::cancel);
    compareFileAction_ = new QAction(this);
    connect(compareFileAction_, &QAction::triggered, this, &LoadExplorer::compareWithFile);
    compareSysctlAction_ = new QAction(this);
    compareSysctlAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(compareSysctlAction_, &QAction::triggered, this, &LoadExplorer::compareWithSysctl);
    stopComparingAction_ = new QAction(this);
    connect(stopComparingAction_, &QAction::triggered, this, &LoadExplorer::stopComparing);
    closeAction_ = new QAction(this);
    closeAction_->setShortcut(QKeySequence::Close);
    connect(closeAction_, &QAction::triggered, this, &QWidget::close);
    for (QAction* action : {runAction_, cancelAction_, compareSysctlAction_, closeAction_}) {
        addAction(action);
    }
}

void LoadExplorer::createToolBar() {
    toolBar_ = addToolBar(QString());
    toolBar_->setObjectName(QStringLiteral("loadToolBar"));
    toolBar_->setMovable(false);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->addAction(runAction_);
    toolBar_->addAction(cancelAction_);
    toolBar_->addSeparator();
    compareMenu_ = new QMenu(this);
    connect(compareMenu_, &QMenu::aboutToShow, this, &LoadExplorer::fillCompareMenu);
    compareButton_ = new QToolButton(this);
    compareButton_->setObjectName(QStringLiteral("loadCompare"));
    compareButton_->setMenu(compareMenu_);
    compareButton_->setPopupMode(QToolButton::InstantPopup);
    compareButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->addWidget(compareButton_);
    toolBar_->addSeparator();
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("loadProgress"));
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(260);
    progressItem_ = toolBar_->addWidget(progress_);
    progressLabel_ = new QLabel(this);
    progressLabel_->setContentsMargins(8, 0, 8, 0);
    toolBar_->addWidget(progressLabel_);
}

void LoadExplorer::createCentralWidget() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    header_ = new QLabel(central);
    header_->setWordWrap(true);
    header_->setMargin(8);
    header_->setTextFormat(Qt::RichText);
    header_->setAutoFillBackground(true);
    header_->setBackgroundRole(QPalette::AlternateBase);
    layout->addWidget(header_);
    legend_ = new LoadLegend(central);
    legend_->setObjectName(QStringLiteral("loadLegend"));
    layout->addWidget(legend_);

    auto* splitter = new QSplitter(Qt::Vertical, central);
    charts_ = new LoadCharts(splitter);
    charts_->setObjectName(QStringLiteral("loadCharts"));
    sockets_ = new SocketTableView(splitter);
    sockets_->setObjectName(QStringLiteral("socketTableView"));
    splitter->addWidget(charts_);
    splitter->addWidget(sockets_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(charts_, &LoadCharts::timeClicked, this, &LoadExplorer::showSocketsAt);
    connect(sockets_, &SocketTableView::connectionRequested, this, &LoadExplorer::openConnection);
    connect(sockets_, &SocketTableView::runChosen, this, [this] {
        if (tableAt_) {
            showSocketsAt(*tableAt_);
        }
    });
}

void LoadExplorer::open(const Scenario& scenario, const QString& filePath) {
    cancel();
    a_ = scenario;
    b_.reset();
    filePath_ = filePath;
    tableAt_.reset();
    charts_->setScenario(a_);
    charts_->setCursorTime(std::nullopt);
    sockets_->clear();
    sockets_->setRunCount(1);
    statusBar()->clearMessage();
    updateHeader();
    updateLegend();
    run();
}

bool LoadExplorer::compareWith(const Scenario& b) {
    if (!b.load) {
        QMessageBox::warning(this, tr("Cannot compare"),
                             tr("\"%1\" is not a load scenario: only two load runs can be "
                                "overlaid.")
                                 .arg(PresetCatalog::localized(b.title)));
        return false;
    }
    b_ = b;
    charts_->setRunShown(1, true);
    sockets_->setRunCount(2);
    if (sockets_->run() == 1) {
        sockets_->clear();
        tableAt_.reset();
        charts_->setCursorTime(std::nullopt);
    }
    updateLegend();
    startRun(1);
    if (!runJobs_[0] && charts_->series(0).times.empty()) {
        startRun(0);
    }
    updateState();
    return true;
}

void LoadExplorer::stopComparing() {
    if (runJobs_[1] != nullptr) {
        runJobs_[1]->abandon();
        runJobs_[1] = nullptr;
    }
    if (sockets_->run() == 1) {
        sockets_->clear();
        tableAt_.reset();
        charts_->setCursorTime(std::nullopt);
    }
    b_.reset();
    charts_->clearRun(1, SimTime{});
    charts_->setRunShown(1, false);
    sockets_->setRunCount(1);
    updateLegend();
    updateState();
}

const Scenario& LoadExplorer::scenarioOf(int run) const {
    return run == 1 && b_ ? *b_ : a_;
}

void LoadExplorer::run() {
    if (!a_.load) {
        return;
    }
    startRun(0);
    if (b_) {
        startRun(1);
    }
    updateState();
}

void LoadExplorer::startRun(int run) {
    const auto r = static_cast<std::size_t>(run);
    if (runJobs_[r] != nullptr) {
        runJobs_[r]->abandon();
    }
    const Scenario scenario = scenarioOf(run);
    charts_->clearRun(run, LoadCharts::expectedEnd(scenario));
    fractions_[r] = 0;
    updateLegend();
    auto* job = new LoadJob(
        [this, scenario, run](const LoadProgress& progress) -> LoadJob::Deliver {
            auto series = std::make_shared<const LoadSeries>(runLoad(scenario, progress));
            return [this, run, series] { runFinished(run, *series); };
        },
        this);
    runJobs_[r] = job;
    connect(job, &LoadJob::progressed, this, [this, run](const LoadBatch& batch) {
        charts_->append(run, batch.times, batch.samples);
        fractions_[static_cast<std::size_t>(run)] = batch.fraction;
        updateState();
    });
    connect(job, &LoadJob::failed, this, [this, r](const QString& message) {
        jobFailed(runJobs_[r], tr("Run %1 failed").arg(QLatin1String(kRunNames[r])), message);
    });
    job->start();
}

void LoadExplorer::runFinished(int run, const LoadSeries& series) {
    const auto r = static_cast<std::size_t>(run);
    charts_->finish(run, series);
    runJobs_[r]->abandon();
    runJobs_[r] = nullptr;
    updateLegend();
    const Scenario& scenario = scenarioOf(run);
    showMessage(
        series.truncated
            ? tr("Run %1 stopped at the scenario's limit, %2.")
                  .arg(QLatin1String(kRunNames[r]), TraceText::duration(series.end))
            : tr("Run %1 done: %2 connections, simulated to %3.")
                  .arg(QLatin1String(kRunNames[r]),
                       QLocale().toString(static_cast<qulonglong>(scenario.load->connections())),
                       TraceText::duration(series.end)));
    updateState();
}

void LoadExplorer::cancel() {
    QStringList stopped;
    for (std::size_t r = 0; r < runJobs_.size(); ++r) {
        if (runJobs_[r] != nullptr) {
            runJobs_[r]->abandon();
            runJobs_[r] = nullptr;
            charts_->markTruncated(static_cast<int>(r));
            const LoadSeries& series = charts_->series(static_cast<int>(r));
            stopped << tr("run %1 ends at %2")
                           .arg(QLatin1String(kRunNames[r]), TraceText::duration(series.end));
        }
    }
    if (tableJob_ != nullptr) {
        tableJob_->abandon();
        tableJob_ = nullptr;
        sockets_->setStatus(tr("Listing cancelled."));
    }
    if (traceJob_ != nullptr) {
        traceJob_->abandon();
        traceJob_ = nullptr;
        sockets_->setStatus(tr("Tracing cancelled."));
        sockets_->setOpeningEnabled(true);
    }
    if (!stopped.isEmpty()) {
        showMessage(tr("Cancelled: %1 (truncated).").arg(stopped.join(QStringLiteral(", "))));
        updateLegend();
    }
    updateState();
}

void LoadExplorer::showSocketsAt(SimTime at) {
    const int run = sockets_->run();
    const Scenario& scenario = scenarioOf(run);
    if (!scenario.load) {
        return;
    }
    // The sample nearest the click: the table then counts what the charts show there.
    const std::vector<SimTime>& times = charts_->series(run).times;
    if (!times.empty()) {
        const auto after = std::lower_bound(times.begin(), times.end(), at);
        if (after == times.end()) {
            at = times.back();
        } else if (after != times.begin() && at - *(after - 1) < *after - at) {
            at = *(after - 1);
        } else {
            at = *after;
        }
    }
    tableAt_ = at;
    charts_->setCursorTime(at);
    if (tableJob_ != nullptr) {
        tableJob_->abandon();
    }
    const QString what = tr("Simulating run %1 up to %2…")
                             .arg(QLatin1String(kRunNames[run]), TraceText::duration(at));
    sockets_->showProgress(what, 0);
    auto* job = new LoadJob(
        [this, scenario, at, run](const LoadProgress& progress) -> LoadJob::Deliver {
            auto rows = std::make_shared<std::optional<std::vector<SocketRow>>>(
                socketsAt(scenario, at, progress));
            return [this, at, run, rows] {
                if (*rows) {
                    socketsListed(at, run, std::move(**rows));
                }
            };
        },
        this);
    tableJob_ = job;
    connect(job, &LoadJob::progressed, this, [this, what, at](const LoadBatch& batch) {
        if (!batch.times.empty() && at > SimTime{}) {
            sockets_->showProgress(what,
                                   std::min(1.0, static_cast<double>(batch.times.back().count()) /
                                                     static_cast<double>(at.count())));
        }
    });
    connect(job, &LoadJob::failed, this, [this](const QString& message) {
        jobFailed(tableJob_, tr("Listing the sockets failed"), message);
    });
    job->start();
    updateState();
}

void LoadExplorer::socketsListed(SimTime at, int run, std::vector<SocketRow> rows) {
    tableJob_->abandon();
    tableJob_ = nullptr;
    std::vector<HostInfo> hosts;
    for (const HostConfig& host : scenarioOf(run).hosts) {
        hosts.push_back({host.name, host.address});
    }
    sockets_->setSockets(at, QLatin1String(kRunNames[run]), std::move(hosts), std::move(rows));
    updateState();
}

void LoadExplorer::openConnection(std::uint64_t index) {
    const int run = sockets_->run();
    const Scenario scenario = scenarioOf(run);
    if (!scenario.load) {
        return;
    }
    if (traceJob_ != nullptr) {
        traceJob_->abandon();
    }
    tracing_ = index;
    sockets_->setOpeningEnabled(false);
    const QString what = tr("Tracing connection #%1…").arg(index);
    sockets_->showProgress(what, 0);
    auto* job = new LoadJob(
        [this, scenario, index](const LoadProgress& progress) -> LoadJob::Deliver {
            auto traced =
                std::make_shared<const Run>(traceLoadConnection(scenario, index, progress));
            return [this, scenario, index, traced] {
                traceJob_->abandon();
                traceJob_ = nullptr;
                sockets_->setOpeningEnabled(true);
                sockets_->setStatus(tr("Connection #%1 is open in the main window.").arg(index));
                updateState();
                emit connectionOpened(scenario, index, traced);
            };
        },
        this);
    traceJob_ = job;
    connect(job, &LoadJob::progressed, this,
            [this, what](const LoadBatch& batch) { sockets_->showProgress(what, batch.fraction); });
    connect(job, &LoadJob::failed, this, [this](const QString& message) {
        sockets_->setOpeningEnabled(true);
        jobFailed(traceJob_, tr("Tracing connection #%1 failed").arg(tracing_), message);
    });
    job->start();
    updateState();
}

void LoadExplorer::jobFailed(LoadJob*& job, const QString& what, const QString& message) {
    if (job != nullptr) {
        job->abandon();
        job = nullptr;
    }
    const QString text = tr("%1: %2").arg(what, message);
    sockets_->setStatus(text);
    showMessage(text);
    updateState();
}

bool LoadExplorer::isRunning() const {
    return runJobs_[0] != nullptr || runJobs_[1] != nullptr;
}

bool LoadExplorer::isBusy() const {
    return isRunning() || tableJob_ != nullptr || traceJob_ != nullptr;
}

int LoadExplorer::workers() const {
    const QList<LoadJob*> jobs = findChildren<LoadJob*>(QString(), Qt::FindDirectChildrenOnly);
    return static_cast<int>(std::count_if(jobs.begin(), jobs.end(),
                                          [](const LoadJob* job) { return !job->isFinished(); }));
}

void LoadExplorer::updateState() {
    cancelAction_->setEnabled(isBusy());
    runAction_->setEnabled(a_.load.has_value());
    stopComparingAction_->setEnabled(b_.has_value());
    const bool running = isRunning();
    progressItem_->setVisible(running);
    if (running) {
        double sum = 0;
        int count = 0;
        for (std::size_t r = 0; r < runJobs_.size(); ++r) {
            if (runJobs_[r] != nullptr || (r == 1 && b_)) {
                sum += runJobs_[r] != nullptr ? fractions_[r] : 1.0;
                ++count;
            }
        }
        progress_->setValue(static_cast<int>(std::lround(1000 * sum / std::max(count, 1))));
        SimTime reached{};
        for (int r = 0; r < 2; ++r) {
            if (runJobs_[static_cast<std::size_t>(r)] != nullptr &&
                !charts_->series(r).times.empty()) {
                reached = std::max(reached, charts_->series(r).times.back());
            }
        }
        progressLabel_->setText(
            tr("Simulating… %1 of simulated time (Esc cancels)").arg(TraceText::duration(reached)));
    } else {
        progressLabel_->setText(QString());
    }
}

void LoadExplorer::updateHeader() {
    const QString title = PresetCatalog::localized(a_.title);
    const QString shown = title.isEmpty() ? QFileInfo(filePath_).fileName() : title;
    setWindowTitle(tr("%1 — Load Explorer — Teardown Lab").arg(shown));
    if (!a_.load) {
        header_->clear();
        return;
    }
    const LoadConfig& load = *a_.load;
    const QString shape =
        tr("%1 connections per second from %2 to %3 for %4 (%5 connections); the %6 closes first.")
            .arg(QLocale().toString(load.rate), QString::fromStdString(load.client),
                 QString::fromStdString(load.server), TraceText::duration(load.duration),
                 QLocale().toString(static_cast<qulonglong>(load.connections())),
                 QString::fromStdString(load.closer == Closer::Client ? load.client : load.server));
    const QString watch = PresetCatalog::localized(a_.watch);
    QString html =
        QStringLiteral("<b>%1</b> — %2").arg(shown.toHtmlEscaped(), shape.toHtmlEscaped());
    if (!watch.isEmpty()) {
        html += QStringLiteral("<br>") + tr("What to watch: %1").arg(watch.toHtmlEscaped());
    }
    header_->setText(html);
    header_->setToolTip(PresetCatalog::localized(a_.description));
}

void LoadExplorer::updateLegend() {
    // A run cut short says so for as long as it is shown, not only in a passing message.
    const auto cut = [this](int run, const QString& text) {
        const LoadSeries& series = charts_->series(run);
        return series.truncated
                   ? tr("%1 — truncated at %2").arg(text, TraceText::duration(series.end))
                   : text;
    };
    if (!b_) {
        legend_->setTexts(cut(0, tr("A: %1 (click a chart to list its sockets at that time)")
                                     .arg(PresetCatalog::localized(a_.title))),
                          QString());
        return;
    }
    const ScenarioDiff diff(a_, *b_);
    if (diff.same()) {
        legend_->setTexts(cut(0, tr("A: this scenario")),
                          cut(1, tr("B: the same scenario (nothing differs)")));
        return;
    }
    legend_->setTexts(cut(0, diff.legendA()), cut(1, diff.legendB()));
}

void LoadExplorer::fillCompareMenu() {
    compareMenu_->clear();
    compareMenu_->addSection(tr("Load presets"));
    if (catalog_ != nullptr) {
        for (const PresetCatalog::Preset& preset : catalog_->presets()) {
            if (!preset.scenario.load) {
                continue;
            }
            QAction* action =
                compareMenu_->addAction(PresetCatalog::localized(preset.scenario.title));
            action->setEnabled(preset.scenario != a_);
            const Scenario scenario = preset.scenario;
            connect(action, &QAction::triggered, this, [this, scenario] { compareWith(scenario); });
        }
    }
    compareMenu_->addSeparator();
    compareMenu_->addAction(compareSysctlAction_);
    compareMenu_->addAction(compareFileAction_);
    compareMenu_->addSeparator();
    compareMenu_->addAction(stopComparingAction_);
}

void LoadExplorer::compareWithFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Compare with a Load Scenario"), QFileInfo(filePath_).absolutePath(),
        tr("Teardown Lab scenarios (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const LoadResult result = loadScenario(QFile::encodeName(path).toStdString());
    if (const auto* error = std::get_if<LoadError>(&result)) {
        QMessageBox::warning(
            this, tr("Cannot compare"),
            tr("%1 is not a scenario Teardown Lab can read.").arg(QFileInfo(path).fileName()) +
                QLatin1Char('\n') + LoadErrorText::message(*error));
        return;
    }
    compareWith(std::get<Scenario>(result));
}

void LoadExplorer::compareWithSysctl() {
    if (!a_.load || a_.hosts.empty()) {
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Compare with One Sysctl Changed"));
    auto* form = new QFormLayout(&dialog);
    auto* intro = new QLabel(tr("Run B is this scenario with one knob set differently."), &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto* host = new QComboBox(&dialog);
    for (const HostConfig& h : a_.hosts) {
        host->addItem(QString::fromStdString(h.name));
    }
    host->setCurrentIndex(std::max(0, a_.hostIndex(a_.load->client)));
    auto* knob = new QComboBox(&dialog);
    auto* value = new QLineEdit(&dialog);
    auto* error = new QLabel(&dialog);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: palette(bright-text);"));
    form->addRow(tr("Host:"), host);
    form->addRow(tr("Sysctl:"), knob);
    form->addRow(tr("Value in run B:"), value);
    form->addRow(error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);

    const auto fillKnobs = [&] {
        const QString previous = knob->currentText();
        knob->clear();
        const HostConfig& h = a_.hosts[static_cast<std::size_t>(host->currentIndex())];
        for (const SysctlKnob& k : sysctlKnobs()) {
            if (k.existsIn(h.profile)) {
                knob->addItem(
                    QString::fromUtf8(k.name.data(), static_cast<qsizetype>(k.name.size())));
            }
        }
        const int keep =
            knob->findText(previous.isEmpty() ? QStringLiteral("net.ipv4.tcp_tw_reuse") : previous);
        knob->setCurrentIndex(std::max(0, keep));
    };
    const auto fillValue = [&] {
        const HostConfig& h = a_.hosts[static_cast<std::size_t>(host->currentIndex())];
        value->setText(
            QString::fromStdString(sysctlValueText(h.sysctls, knob->currentText().toStdString())));
        value->selectAll();
        error->clear();
    };
    connect(host, &QComboBox::currentIndexChanged, &dialog, [&] {
        fillKnobs();
        fillValue();
    });
    connect(knob, &QComboBox::currentIndexChanged, &dialog, fillValue);
    fillKnobs();
    fillValue();
    Scenario b = a_;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        b = a_;
        HostConfig& h = b.hosts[static_cast<std::size_t>(host->currentIndex())];
        if (auto refused = setSysctl(h.sysctls, h.profile, knob->currentText().toStdString(),
                                     value->text().trimmed().toStdString())) {
            error->setText(QString::fromStdString(*refused));
            return;
        }
        dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    value->setFocus();
    if (dialog.exec() == QDialog::Accepted) {
        compareWith(b);
    }
}

void LoadExplorer::showMessage(const QString& text) {
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

void LoadExplorer::retranslateUi() {
    const auto set = &setActionText;
    set(runAction_, tr("&Run"), tr("Run the load again from the start (and run B, if compared)"));
    set(cancelAction_, tr("&Cancel"),
        tr("Stop the simulations under way; what has been computed stays"));
    set(compareFileAction_, tr("Load Scenario &File…"),
        tr("Overlay the run of a load scenario file as run B"));
    set(compareSysctlAction_, tr("This Scenario with One &Sysctl Changed…"),
        tr("Overlay this scenario with one knob set differently as run B"));
    set(stopComparingAction_, tr("&Stop Comparing"), tr("Remove run B from the charts"));
    set(closeAction_, tr("&Close"), tr("Close the load explorer"));
    compareButton_->setText(tr("Compare with…"));
    compareButton_->setToolTip(
        tr("Overlay a second run (dashed) to compare: another load preset or file, or this "
           "scenario with one sysctl changed"));
    toolBar_->setWindowTitle(tr("Load Run"));
    updateHeader();
    updateLegend();
    updateState();
}

void LoadExplorer::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void LoadExplorer::closeEvent(QCloseEvent* event) {
    cancel();
    event->accept();
}

} // namespace tdl::ui
