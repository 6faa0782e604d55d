#include "LoadExplorer.h"

#include "ActionText.h"
#include "LoadCharts.h"
#include "LoadDocument.h"
#include "LoadErrorText.h"
#include "LoadLegend.h"
#include "PresetCatalog.h"
#include "ScenarioDiff.h"
#include "SocketTableView.h"
#include "TraceText.h"
#include "capture_trace.h"
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
#include <QScreen>
#include <QScrollArea>
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
    , catalog_(catalog)
    , document_(new LoadDocument(this)) {
    setObjectName(QStringLiteral("loadExplorer"));
    createActions();
    createToolBar();
    createCentralWidget();
    followDocument();
    retranslateUi();
    // As large as the charts want, within the screen it opens on.
    resize(QSize(1400, 900).boundedTo(screen()->availableSize()));
}

LoadExplorer::~LoadExplorer() {
    // Before the widgets its jobs' results would reach: it cancels and joins its workers.
    delete document_;
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
    progressLabel_->setObjectName(QStringLiteral("loadProgressText"));
    progressLabel_->setContentsMargins(8, 0, 8, 0);
    toolBar_->addWidget(progressLabel_);
}

void LoadExplorer::createCentralWidget() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    header_ = new QLabel(central);
    header_->setObjectName(QStringLiteral("loadHeader"));
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
    // The charts keep the height their axis titles need (LoadCharts): on a small screen they
    // scroll rather than squeeze. They get most of the height; the socket table is empty until a
    // chart is clicked.
    auto* chartsArea = new QScrollArea(splitter);
    chartsArea->setObjectName(QStringLiteral("loadChartsArea"));
    chartsArea->setWidgetResizable(true);
    chartsArea->setFrameShape(QFrame::NoFrame);
    chartsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    charts_ = new LoadCharts(document_, chartsArea);
    charts_->setObjectName(QStringLiteral("loadCharts"));
    chartsArea->setWidget(charts_);
    sockets_ = new SocketTableView(splitter);
    sockets_->setObjectName(QStringLiteral("socketTableView"));
    splitter->addWidget(chartsArea);
    splitter->addWidget(sockets_);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
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

void LoadExplorer::followDocument() {
    connect(document_, &LoadDocument::runCleared, this, [this] {
        updateHeader();
        updateLegend();
    });
    connect(document_, &LoadDocument::runRefused, this, [this](int run) {
        updateHeader();
        updateLegend();
        showMessage(refusalText(run, document_->refusal(run)));
    });
    connect(document_, &LoadDocument::samplesAppended, this, &LoadExplorer::updateState);
    connect(document_, &LoadDocument::busyChanged, this, &LoadExplorer::updateState);
    connect(document_, &LoadDocument::runFinished, this, &LoadExplorer::runFinished);
    connect(document_, &LoadDocument::runsCancelled, this, [this](const QList<int>& runs) {
        QStringList stopped;
        for (const int run : runs) {
            stopped << tr("run %1 ends at %2")
                           .arg(runName(run), TraceText::duration(document_->series(run).end));
        }
        showMessage(tr("Cancelled: %1 (truncated).").arg(stopped.join(QStringLiteral(", "))));
        updateLegend();
    });
    connect(document_, &LoadDocument::runFailed, this, [this](int run, const QString& message) {
        showFailure(tr("Run %1 failed").arg(runName(run)), message);
    });

    connect(document_, &LoadDocument::listingProgressed, this,
            [this](SimTime at, int run, double fraction) {
                sockets_->showProgress(listingText(at, run), fraction);
            });
    connect(document_, &LoadDocument::socketsListed, this, &LoadExplorer::socketsListed);
    connect(document_, &LoadDocument::listingCancelled, this,
            [this] { sockets_->setStatus(tr("Listing cancelled.")); });
    connect(document_, &LoadDocument::listingFailed, this, [this](const QString& message) {
        showFailure(tr("Listing the sockets failed"), message);
    });

    connect(document_, &LoadDocument::tracingProgressed, this,
            [this](std::uint64_t index, double fraction) {
                sockets_->showProgress(tracingText(index), fraction);
            });
    connect(document_, &LoadDocument::connectionTraced, this,
            [this](const Scenario& scenario, std::uint64_t index, const RunPtr& run) {
                sockets_->setOpeningEnabled(true);
                sockets_->setStatus(tr("Connection #%1 is open in the main window.").arg(index));
                emit connectionOpened(scenario, index, run);
            });
    connect(document_, &LoadDocument::captureConnectionTraced, this,
            [this](std::uint64_t index, const CaptureRun& run) {
                sockets_->setOpeningEnabled(true);
                sockets_->setStatus(tr("Connection #%1 is open in the main window.").arg(index));
                emit captureConnectionOpened(document_->capturePath(), index, run);
            });
    connect(document_, &LoadDocument::readProgressed, this, &LoadExplorer::updateState);
    connect(document_, &LoadDocument::captureRead, this, [this] {
        updateHeader();
        updateLegend();
        const OpenedCapture& capture = *document_->capture();
        showMessage(tr("Read %1: %2 connections.")
                        .arg(QFileInfo(document_->capturePath()).fileName(),
                             QLocale().toString(
                                 static_cast<qulonglong>(capture.inference.connections().size()))));
    });
    connect(document_, &LoadDocument::captureFailed, this, [this](const QString& message) {
        updateHeader();
        showFailure(tr("Reading the capture failed"), message);
    });
    connect(document_, &LoadDocument::captureReadCancelled, this, [this] {
        updateHeader();
        updateLegend();
        showMessage(tr("Reading cancelled: nothing of the capture is kept."));
    });
    connect(document_, &LoadDocument::tracingCancelled, this, [this] {
        sockets_->setStatus(tr("Tracing cancelled."));
        sockets_->setOpeningEnabled(true);
    });
    connect(document_, &LoadDocument::tracingFailed, this,
            [this](std::uint64_t index, const QString& message) {
                sockets_->setOpeningEnabled(true);
                showFailure(tr("Tracing connection #%1 failed").arg(index), message);
            });
}

QString LoadExplorer::runName(int run) {
    return QLatin1String(kRunNames[static_cast<std::size_t>(run)]);
}

QString LoadExplorer::listingText(SimTime at, int run) const {
    if (document_->isCapture()) {
        return tr("Listing the sockets at %1…").arg(TraceText::duration(at));
    }
    return tr("Simulating run %1 up to %2…").arg(runName(run), TraceText::duration(at));
}

QString LoadExplorer::tracingText(std::uint64_t index) const {
    if (document_->isCapture()) {
        return tr("Reading connection #%1 from the capture…").arg(index);
    }
    return tr("Tracing connection #%1…").arg(index);
}

QString LoadExplorer::refusalText(int run, const QString& refusal) {
    return tr("Run %1 is not started: %2").arg(runName(run), refusal);
}

bool LoadExplorer::refuseTableJob(int run) {
    const QString refusal = LoadDocument::refusal(document_->scenarioOf(run));
    if (refusal.isEmpty()) {
        return false;
    }
    sockets_->setStatus(refusalText(run, refusal));
    return true;
}

bool LoadExplorer::tableAvailable(int run) {
    if (document_->isCapture()) {
        return document_->capture() != nullptr;
    }
    return document_->scenarioOf(run).load && !refuseTableJob(run);
}

void LoadExplorer::openCapture(const QString& path) {
    document_->openCapture(path);
    tableAt_.reset();
    charts_->setCursorTime(std::nullopt);
    sockets_->clear();
    sockets_->setRunCount(1);
    statusBar()->clearMessage();
    updateHeader();
    updateLegend();
    updateState();
}

void LoadExplorer::open(const Scenario& scenario, const QString& filePath) {
    document_->open(scenario, filePath);
    tableAt_.reset();
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
    sockets_->setRunCount(2);
    if (sockets_->run() == 1) {
        forgetTable();
    }
    document_->compareWith(b);
    updateLegend();
    return true;
}

void LoadExplorer::stopComparing() {
    if (sockets_->run() == 1) {
        forgetTable();
    }
    document_->stopComparing();
    sockets_->setRunCount(1);
    updateLegend();
}

void LoadExplorer::forgetTable() {
    sockets_->clear();
    tableAt_.reset();
    charts_->setCursorTime(std::nullopt);
}

void LoadExplorer::run() {
    document_->run();
}

void LoadExplorer::runFinished(int run) {
    updateLegend();
    const LoadSeries& series = document_->series(run);
    const Scenario& scenario = document_->scenarioOf(run);
    showMessage(
        series.truncated
            ? tr("Run %1 stopped at the scenario's limit, %2.")
                  .arg(runName(run), TraceText::duration(series.end))
            : tr("Run %1 done: %2 connections, simulated to %3.")
                  .arg(runName(run),
                       QLocale().toString(static_cast<qulonglong>(scenario.load->connections())),
                       TraceText::duration(series.end)));
}

void LoadExplorer::cancel() {
    document_->cancel();
}

void LoadExplorer::showSocketsAt(SimTime at) {
    const int run = sockets_->run();
    if (!tableAvailable(run)) {
        return;
    }
    // The sample nearest the click: the table then counts what the charts show there.
    at = document_->nearestSample(run, at);
    tableAt_ = at;
    charts_->setCursorTime(at);
    sockets_->showProgress(listingText(at, run), 0);
    document_->listSockets(run, at);
}

void LoadExplorer::socketsListed(SimTime at, int run, const std::vector<SocketRow>& rows) {
    std::vector<HostInfo> hosts;
    for (const HostConfig& host : document_->scenarioOf(run).hosts) {
        hosts.push_back({host.name, host.address});
    }
    // A capture has one run: the caption names none.
    sockets_->setSockets(at, document_->isCapture() ? QString() : runName(run), std::move(hosts),
                         rows);
}

void LoadExplorer::openConnection(std::uint64_t index) {
    const int run = sockets_->run();
    if (!tableAvailable(run)) {
        return;
    }
    sockets_->setOpeningEnabled(false);
    sockets_->showProgress(tracingText(index), 0);
    document_->traceConnection(run, index);
}

void LoadExplorer::showFailure(const QString& what, const QString& message) {
    const QString text = tr("%1: %2").arg(what, message);
    sockets_->setStatus(text);
    showMessage(text);
}

void LoadExplorer::updateState() {
    cancelAction_->setEnabled(document_->isBusy());
    runAction_->setEnabled(document_->scenario().load.has_value() || document_->isCapture());
    stopComparingAction_->setEnabled(document_->comparison().has_value());
    compareButton_->setEnabled(!document_->isCapture());
    const bool running = document_->isRunning();
    const bool reading = document_->isReading();
    progressItem_->setVisible(running || reading);
    if (reading) {
        progress_->setValue(static_cast<int>(std::lround(1000 * document_->readFraction())));
        progressLabel_->setText(
            tr("Reading the capture… %1% (Esc cancels)")
                .arg(static_cast<int>(std::lround(100 * document_->readFraction()))));
    } else if (running) {
        double sum = 0;
        int count = 0;
        SimTime reached{};
        for (int r = 0; r < LoadDocument::kRuns; ++r) {
            // A run that is not running counts as done only when it is B.
            if (!document_->isRunning(r) && !(r == 1 && document_->isShown(r))) {
                continue;
            }
            sum += document_->isRunning(r) ? document_->fraction(r) : 1.0;
            ++count;
            const std::vector<SimTime>& times = document_->series(r).times;
            if (document_->isRunning(r) && !times.empty()) {
                reached = std::max(reached, times.back());
            }
        }
        progress_->setValue(static_cast<int>(std::lround(1000 * sum / std::max(count, 1))));
        progressLabel_->setText(
            tr("Simulating… %1 of simulated time (Esc cancels)").arg(TraceText::duration(reached)));
    } else {
        progressLabel_->setText(QString());
    }
}

void LoadExplorer::updateHeader() {
    const Scenario& a = document_->scenario();
    const QString title = PresetCatalog::localized(a.title);
    const QString shown = title.isEmpty() ? QFileInfo(document_->filePath()).fileName() : title;
    setWindowTitle(tr("%1 — Load Explorer — Teardown Lab").arg(shown));
    if (document_->isCapture()) {
        header_->setText(captureHeader());
        header_->setToolTip(QString());
        return;
    }
    if (!a.load) {
        header_->clear();
        return;
    }
    const LoadConfig& load = *a.load;
    const QString shape =
        tr("%1 connections per second from %2 to %3 for %4 (%5 connections); the %6 closes first.")
            .arg(QLocale().toString(load.rate), QString::fromStdString(load.client),
                 QString::fromStdString(load.server), TraceText::duration(load.duration),
                 QLocale().toString(static_cast<qulonglong>(load.connections())),
                 QString::fromStdString(load.closer == Closer::Client ? load.client : load.server));
    const QString watch = PresetCatalog::localized(a.watch);
    QString html =
        QStringLiteral("<b>%1</b> — %2").arg(shown.toHtmlEscaped(), shape.toHtmlEscaped());
    if (!watch.isEmpty()) {
        html += QStringLiteral("<br>") + tr("What to watch: %1").arg(watch.toHtmlEscaped());
    }
    // Where it stays in view, unlike a passing message: what to change to make it run.
    for (int run = 0; run < LoadDocument::kRuns; ++run) {
        if (document_->isShown(run) && !document_->refusal(run).isEmpty()) {
            html += QStringLiteral("<br><b>%1</b>")
                        .arg(refusalText(run, document_->refusal(run)).toHtmlEscaped());
        }
    }
    header_->setText(html);
    header_->setToolTip(PresetCatalog::localized(a.description));
}

QString LoadExplorer::captureHeader() const {
    const QString file = QFileInfo(document_->capturePath()).fileName().toHtmlEscaped();
    if (document_->isReading()) {
        return tr("<b>%1</b> — reading the capture…").arg(file);
    }
    const OpenedCapture* capture = document_->capture();
    if (capture == nullptr) {
        return tr("<b>%1</b> — not read (Run reads it again).").arg(file);
    }
    const QLocale locale;
    QString html =
        tr("<b>%1</b> — a capture: %2 TCP packets, %3 connections between %4 hosts. Each host's "
           "sockets per state are inferred from the packets, as an observer on the wire sees "
           "them; TIME-WAIT is held 60 s after its last ACK, by Linux's rule, so the charts "
           "end a minute after the capture. A side whose state the capture does not show (it "
           "started after that connection's SYN) is counted from its first packet.")
            .arg(file, locale.toString(static_cast<qulonglong>(capture->summary.tcpPackets)),
                 locale.toString(static_cast<qulonglong>(capture->inference.connections().size())),
                 locale.toString(static_cast<qulonglong>(document_->scenario().hosts.size())));
    QStringList notes;
    for (const std::string& note : capture->summary.notes) {
        notes << QString::fromStdString(note).toHtmlEscaped();
    }
    if (capture->summary.error) {
        notes << QString::fromStdString(*capture->summary.error).toHtmlEscaped();
    }
    if (!notes.isEmpty()) {
        html += QStringLiteral("<br>") + notes.join(QStringLiteral("<br>"));
    }
    return html;
}

void LoadExplorer::updateLegend() {
    // A run cut short says so for as long as it is shown, not only in a passing message.
    const auto cut = [this](int run, const QString& text) {
        if (!document_->refusal(run).isEmpty()) {
            return tr("%1 — not started: too large (see above)").arg(text);
        }
        const LoadSeries& series = document_->series(run);
        return series.truncated
                   ? tr("%1 — truncated at %2").arg(text, TraceText::duration(series.end))
                   : text;
    };
    if (document_->isCapture()) {
        legend_->setTexts(
            document_->capture() == nullptr
                ? QString()
                : tr("The capture's sockets (click a chart to list them at that time; a row "
                     "opens its connection in the sequence diagram)"),
            QString());
        return;
    }
    if (!document_->comparison()) {
        legend_->setTexts(cut(0, tr("A: %1 (click a chart to list its sockets at that time)")
                                     .arg(PresetCatalog::localized(document_->scenario().title))),
                          QString());
        return;
    }
    const ScenarioDiff diff(document_->scenario(), *document_->comparison());
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
            action->setEnabled(preset.scenario != document_->scenario());
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
        this, tr("Compare with a Load Scenario"), QFileInfo(document_->filePath()).absolutePath(),
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
    const Scenario& a = document_->scenario();
    if (!a.load || a.hosts.empty()) {
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Compare with One Sysctl Changed"));
    auto* form = new QFormLayout(&dialog);
    auto* intro = new QLabel(tr("Run B is this scenario with one knob set differently."), &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto* host = new QComboBox(&dialog);
    for (const HostConfig& h : a.hosts) {
        host->addItem(QString::fromStdString(h.name));
    }
    host->setCurrentIndex(std::max(0, a.hostIndex(a.load->client)));
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
        const HostConfig& h = a.hosts[static_cast<std::size_t>(host->currentIndex())];
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
        const HostConfig& h = a.hosts[static_cast<std::size_t>(host->currentIndex())];
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
    Scenario b = a;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        b = a;
        HostConfig& h = b.hosts[static_cast<std::size_t>(host->currentIndex())];
        if (auto refused = setSysctl(h.sysctls, h.profile, knob->currentText().toStdString(),
                                     value->text().trimmed().toStdString())) {
            error->setText(LoadErrorText::sysctlRefusal(*refused));
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
