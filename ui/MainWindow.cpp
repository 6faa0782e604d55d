#include "MainWindow.h"

#include "AboutText.h"
#include "ActionText.h"
#include "CaptureReplayDock.h"
#include "CaptureRun.h"
#include "CauseCatalog.h"
#include "DataPaths.h"
#include "EventLogView.h"
#include "FaultRulePanel.h"
#include "HandoutPdf.h"
#include "InjectMenu.h"
#include "InspectorView.h"
#include "LessonPanel.h"
#include "LifelineCallMenu.h"
#include "LoadErrorText.h"
#include "LoadExplorer.h"
#include "PacketdrillOpen.h"
#include "PresentationMode.h"
#include "SandboxEdit.h"
#include "ScenarioLibraryView.h"
#include "ScriptVerdictOverlay.h"
#include "SequenceDiagramView.h"
#include "SideBySideView.h"
#include "StateMachineView.h"
#include "SysctlPanel.h"
#include "Theme.h"
#include "TransportBar.h"
#include "atomic_file.h"
#include "diagram_markup.h"
#include "packetdrill_writer.h"
#include "pcap_writer.h"
#include "scenario_json.h"
#include "trace_jsonl.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <sstream>

namespace tdl::ui {

namespace {
const QString kPresetPrefix = QStringLiteral("preset:");
constexpr int kStatusTimeoutMs = 6000;
// Raised when the docks' places change, so that a layout saved before is not restored over the
// new one (1: the sysctls moved beside the event log).
constexpr int kDockLayoutVersion = 1;

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QString exportSuffix(MainWindow::ExportFormat format) {
    switch (format) {
    case MainWindow::ExportFormat::Png:
        return QStringLiteral("png");
    case MainWindow::ExportFormat::Svg:
        return QStringLiteral("svg");
    case MainWindow::ExportFormat::TraceJsonl:
        return QStringLiteral("jsonl");
    case MainWindow::ExportFormat::Pcap:
        return QStringLiteral("pcap");
    case MainWindow::ExportFormat::Mermaid:
        return QStringLiteral("mmd");
    case MainWindow::ExportFormat::PlantUml:
        return QStringLiteral("puml");
    case MainWindow::ExportFormat::Handout:
        return QStringLiteral("pdf");
    case MainWindow::ExportFormat::Packetdrill:
        return QStringLiteral("pkt");
    }
    return {};
}

bool isInPresetFolder(const QString& path) {
    const QString presets = Settings::canonicalFilePath(presetDirectory());
    return Settings::canonicalFilePath(path).startsWith(presets + QLatin1Char('/'));
}

std::optional<QString> fromCore(const std::optional<std::string>& error) {
    if (!error) {
        return std::nullopt;
    }
    return QString::fromStdString(*error);
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , document_(new Document(this))
    , player_(new Player(this)) {
    translations_.setLanguage(settings_.language());
    Theme::apply(settings_.darkTheme());
    createActions();
    createMenus();
    createToolBars();
    createCentralWidget();
    createDocks();
    createStatusBar();
    connectParts();
    presentation_ =
        new PresentationMode({this, diagram_, document_, player_, transportToolBar_}, this);
    viewMenu_->insertAction(absoluteSeqAction_, presentation_->toggleAction());
    viewMenu_->insertMenu(absoluteSeqAction_, presentation_->keptPanelsMenu());
    viewMenu_->insertSeparator(absoluteSeqAction_);
    retranslateUi();
    readSettings();
    openInitialScenario();
}

MainWindow::~MainWindow() {
    // The document, a child deleted after this destructor has run, clears its undo stack on the
    // way out; the signals that sends (indexChanged, and the document's modifiedChanged) must
    // not reach slots of what is no longer a MainWindow (Qt asserts on it in debug builds).
    document_->undoStack()->disconnect(this);
    document_->disconnect(this);
    // QWidget's destructor hides the docks, which then say so (visibilityChanged).
    sysctlDock_->disconnect(this);
}

QAction* MainWindow::makeAction(const char* name, const QIcon& icon,
                                const QList<QKeySequence>& shortcuts) {
    auto* action = new QAction(icon, QString(), this);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    return action;
}

void MainWindow::createActions() {
    newAction_ = makeAction("new", {}, {QKeySequence::New});
    openAction_ = makeAction("open", icon("open"), {QKeySequence::Open});
    saveAction_ = makeAction("save", icon("save"), {QKeySequence::Save});
    // QKeySequence::SaveAs is empty on some platforms; Ctrl+Shift+S is what users expect.
    saveAsAction_ = makeAction("saveAs", {}, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    exportPngAction_ =
        makeAction("exportPng", icon("export"), {QKeySequence(Qt::CTRL | Qt::Key_E)});
    exportSvgAction_ =
        makeAction("exportSvg", {}, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    exportCursorAction_ = makeAction("exportCursor", {}, {});
    exportCursorAction_->setCheckable(true);
    exportMermaidAction_ = makeAction("exportMermaid", {}, {});
    exportPlantUmlAction_ = makeAction("exportPlantUml", {}, {});
    exportTraceAction_ = makeAction("exportTrace", {}, {});
    exportWireCaptureAction_ = makeAction("exportCapture", {}, {});
    // A handout is what one prints, so it takes the print shortcut.
    exportHandoutAction_ = makeAction("exportHandout", {}, {QKeySequence::Print});
    clearRecentAction_ = makeAction("clearRecent", {}, {});
    quitAction_ = makeAction("quit", {}, {QKeySequence::Quit});

    // Not QUndoStack::createUndoAction(): its "Undo %1" is fixed when the action is made and
    // would stay in the language of the start (updateUndoActions() words them instead).
    undoAction_ = makeAction("undo", icon("undo"), QKeySequence::keyBindings(QKeySequence::Undo));
    redoAction_ = makeAction(
        "redo", icon("redo"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    dropAction_ = makeAction("dropSegment", icon("drop"), {QKeySequence::Delete});
    delayAction_ = makeAction("delaySegment", icon("delay"), {QKeySequence(Qt::CTRL | Qt::Key_L)});
    duplicateAction_ =
        makeAction("duplicateSegment", icon("duplicate"), {QKeySequence(Qt::CTRL | Qt::Key_D)});
    restoreAction_ =
        makeAction("restoreSegment", icon("restore"), {QKeySequence(Qt::CTRL | Qt::Key_R)});
    resetAction_ = makeAction("resetToPreset", icon("reset"),
                              {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)});
    findPresetAction_ = makeAction("findPreset", {}, {QKeySequence::Find});

    absoluteSeqAction_ =
        makeAction("absoluteSeq", {}, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)});
    absoluteSeqAction_->setCheckable(true);
    showFutureAction_ =
        makeAction("showFuture", {}, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)});
    showFutureAction_->setCheckable(true);
    zoomInAction_ =
        makeAction("zoomIn", {}, {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOutAction_ = makeAction("zoomOut", {}, {QKeySequence::ZoomOut});
    zoomResetAction_ = makeAction("zoomReset", {}, {QKeySequence(Qt::CTRL | Qt::Key_0)});
    darkThemeAction_ = makeAction("darkTheme", {}, {});
    darkThemeAction_->setCheckable(true);
    loadExplorerAction_ =
        makeAction("loadExplorer", {}, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)});

    playAction_ = makeAction("play", icon("play"), {QKeySequence(Qt::Key_Space)});
    stepBackAction_ = makeAction("stepBack", icon("step-back"), {QKeySequence(Qt::Key_Left)});
    stepForwardAction_ =
        makeAction("stepForward", icon("step-forward"), {QKeySequence(Qt::Key_Right)});
    previousStateAction_ =
        makeAction("previousState", icon("state-previous"),
                   {QKeySequence(Qt::SHIFT | Qt::Key_Left), QKeySequence(Qt::Key_Up)});
    nextStateAction_ =
        makeAction("nextState", icon("state-next"),
                   {QKeySequence(Qt::SHIFT | Qt::Key_Right), QKeySequence(Qt::Key_Down)});
    toStartAction_ = makeAction("toStart", icon("to-start"), {QKeySequence(Qt::Key_Home)});
    toEndAction_ = makeAction("toEnd", icon("to-end"), {QKeySequence(Qt::Key_End)});
    fasterAction_ = makeAction("faster", {}, {QKeySequence(Qt::CTRL | Qt::Key_BracketRight)});
    slowerAction_ = makeAction("slower", {}, {QKeySequence(Qt::CTRL | Qt::Key_BracketLeft)});

    languageGroup_ = new QActionGroup(this);
    englishAction_ = makeAction("languageEnglish", {}, {});
    chineseAction_ = makeAction("languageChinese", {}, {});
    for (QAction* action : {englishAction_, chineseAction_}) {
        action->setCheckable(true);
        languageGroup_->addAction(action);
    }
    englishAction_->setData(QStringLiteral("en"));
    chineseAction_->setData(QStringLiteral("zh_CN"));

    shortcutsAction_ = makeAction("shortcuts", {}, {QKeySequence::HelpContents});
    aboutAction_ = makeAction("about", icon("app"), {});
    aboutQtAction_ = makeAction("aboutQt", {}, {});
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(newAction_);
    fileMenu_->addAction(openAction_);
    recentMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(saveAction_);
    fileMenu_->addAction(saveAsAction_);
    fileMenu_->addSeparator();
    exportMenu_ = fileMenu_->addMenu(QString());
    exportMenu_->setObjectName(QStringLiteral("exportMenu"));
    exportMenu_->addAction(exportPngAction_);
    exportMenu_->addAction(exportSvgAction_);
    exportMenu_->addAction(exportMermaidAction_);
    exportMenu_->addAction(exportPlantUmlAction_);
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportTraceAction_);
    captureMenu_ = exportMenu_->addMenu(QString());
    captureMenu_->setObjectName(QStringLiteral("captureMenu"));
    packetdrillMenu_ = exportMenu_->addMenu(QString());
    packetdrillMenu_->setObjectName(QStringLiteral("packetdrillMenu"));
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportHandoutAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(undoAction_);
    editMenu_->addAction(redoAction_);
    editMenu_->addSeparator();
    editMenu_->addAction(dropAction_);
    editMenu_->addAction(delayAction_);
    editMenu_->addAction(duplicateAction_);
    editMenu_->addAction(restoreAction_);
    editMenu_->addSeparator();
    editMenu_->addAction(resetAction_);
    editMenu_->addSeparator();
    editMenu_->addAction(findPresetAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(absoluteSeqAction_);
    viewMenu_->addAction(showFutureAction_);
    viewMenu_->addAction(exportCursorAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(zoomInAction_);
    viewMenu_->addAction(zoomOutAction_);
    viewMenu_->addAction(zoomResetAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(darkThemeAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(loadExplorerAction_);
    viewMenu_->addSeparator();
    panelsMenu_ = viewMenu_->addMenu(QString());

    playMenu_ = menuBar()->addMenu(QString());
    for (QAction* action : {playAction_, stepBackAction_, stepForwardAction_, previousStateAction_,
                            nextStateAction_, toStartAction_, toEndAction_}) {
        playMenu_->addAction(action);
    }
    playMenu_->addSeparator();
    playMenu_->addAction(fasterAction_);
    playMenu_->addAction(slowerAction_);

    languageMenu_ = menuBar()->addMenu(QString());
    languageMenu_->addAction(englishAction_);
    languageMenu_->addAction(chineseAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(shortcutsAction_);
    helpMenu_->addSeparator();
    helpMenu_->addAction(aboutAction_);
    helpMenu_->addAction(aboutQtAction_);
}

void MainWindow::createToolBars() {
    fileToolBar_ = addToolBar(QString());
    fileToolBar_->setObjectName(QStringLiteral("fileToolBar"));
    fileToolBar_->addAction(openAction_);
    fileToolBar_->addAction(saveAction_);
    fileToolBar_->addAction(exportPngAction_);
    fileToolBar_->addSeparator();
    fileToolBar_->addAction(undoAction_);
    fileToolBar_->addAction(redoAction_);
    fileToolBar_->addSeparator();
    fileToolBar_->addAction(loadExplorerAction_);

    whatIfToolBar_ = addToolBar(QString());
    whatIfToolBar_->setObjectName(QStringLiteral("whatIfToolBar"));
    whatIfToolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    whatIfToolBar_->addAction(dropAction_);
    whatIfToolBar_->addAction(delayAction_);
    whatIfToolBar_->addAction(duplicateAction_);
    whatIfToolBar_->addAction(restoreAction_);
    whatIfToolBar_->addSeparator();
    whatIfToolBar_->addAction(resetAction_);

    transportToolBar_ = new QToolBar(this);
    transportToolBar_->setObjectName(QStringLiteral("transportToolBar"));
    transport_ = new TransportBar(player_,
                                  {toStartAction_, previousStateAction_, stepBackAction_,
                                   playAction_, stepForwardAction_, nextStateAction_, toEndAction_},
                                  transportToolBar_);
    transportToolBar_->addWidget(transport_);
    addToolBar(Qt::BottomToolBarArea, transportToolBar_);
}

void MainWindow::createCentralWidget() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    banner_ = new QLabel(central);
    banner_->setObjectName(QStringLiteral("lessonBanner"));
    banner_->setWordWrap(true);
    banner_->setMargin(8);
    banner_->setTextFormat(Qt::RichText);
    banner_->setAutoFillBackground(true);
    banner_->setBackgroundRole(QPalette::AlternateBase);
    connect(banner_, &QLabel::linkActivated, this, &MainWindow::showLoadExplorer);
    layout->addWidget(banner_);
    // What the last edit changed, under the lesson text: a status bar message would be cut at
    // a narrow window's width, and gone before it is read.
    editSummary_ = new QLabel(central);
    editSummary_->setObjectName(QStringLiteral("editSummary"));
    editSummary_->setWordWrap(true);
    editSummary_->setMargin(6);
    editSummary_->setTextFormat(Qt::PlainText);
    editSummary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editSummary_->hide();
    layout->addWidget(editSummary_);
    diagram_ = new SequenceDiagramView(central);
    diagram_->setObjectName(QStringLiteral("sequenceDiagram"));
    scriptVerdict_ = new ScriptVerdictOverlay(diagram_);
    layout->addWidget(diagram_, 1);
    lifelineCalls_ = new LifelineCallMenu(document_, player_, this);
    sideBySide_ = new SideBySideView(document_, player_, &catalog_, central);
    layout->addWidget(sideBySide_, 1);
    sideBySide_->attach(this, diagram_);
    viewMenu_->insertAction(loadExplorerAction_, sideBySide_->toggleAction());
    setCentralWidget(central);
}

void MainWindow::createDocks() {
    const auto dock = [this](const char* name, QWidget* content, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(content);
        addDockWidget(area, d);
        panelsMenu_->addAction(d->toggleViewAction());
        return d;
    };
    library_ = new ScenarioLibraryView(&catalog_, this);
    libraryDock_ = dock("libraryDock", library_, Qt::LeftDockWidgetArea);
    inspector_ = new InspectorView(this);
    inspectorDock_ = dock("inspectorDock", inspector_, Qt::RightDockWidgetArea);
    sysctls_ = new SysctlPanel(document_, this);
    sysctlDock_ = dock("sysctlDock", sysctls_, Qt::BottomDockWidgetArea);
    stateMachine_ = new StateMachineView(this);
    stateDock_ = dock("stateMachineDock", stateMachine_, Qt::RightDockWidgetArea);
    log_ = new EventLogView(this);
    log_->setObjectName(QStringLiteral("eventLog"));
    logDock_ = dock("eventLogDock", log_, Qt::BottomDockWidgetArea);
    faultRules_ = new FaultRulePanel(document_, this);
    faultRulesDock_ = dock("faultRulesDock", faultRules_, Qt::LeftDockWidgetArea);
    // The sysctl table is wide (name, value and meaning, default, range) and long: it shares the
    // window's full width with the event log, and the right column is left to the inspector and
    // the state machine, which needs the height.
    tabifyDockWidget(logDock_, sysctlDock_);
    logDock_->raise();
    // The lesson reads best wide, under the diagram; it comes to the front at each key moment.
    lesson_ = new LessonPanel(document_, player_, this);
    lessonDock_ = dock("lessonDock", lesson_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(logDock_, lessonDock_);
    logDock_->raise();
    connect(player_, &Player::stopReached, lessonDock_, &QDockWidget::raise);
    // A capture replayed as Linux: its differences under the diagram, the action in File.
    replayDock_ = new CaptureReplayDock(document_, player_, diagram_, this);
    addDockWidget(Qt::BottomDockWidgetArea, replayDock_);
    tabifyDockWidget(logDock_, replayDock_);
    replayDock_->hide();
    panelsMenu_->addAction(replayDock_->toggleViewAction());
    fileMenu_->insertAction(saveAction_, replayDock_->replayAction());
    connect(replayDock_, &CaptureReplayDock::replayed, this,
            [this](const QString& summary) { statusBar()->showMessage(summary); });
    const InterviewQuestionsResult questions =
        loadInterviewQuestions(interviewQuestionsPath().toStdString());
    if (const auto* list = std::get_if<std::vector<InterviewQuestion>>(&questions)) {
        library_->setInterviewQuestions(*list);
    } else {
        statusBar()->showMessage(QString::fromStdString(std::get<std::string>(questions)));
    }
    connect(sysctlDock_, &QDockWidget::visibilityChanged, this, &MainWindow::sysctlTabShown);
    panelsMenu_->addSeparator();
    panelsMenu_->addAction(fileToolBar_->toggleViewAction());
    panelsMenu_->addAction(whatIfToolBar_->toggleViewAction());
    panelsMenu_->addAction(transportToolBar_->toggleViewAction());
}

void MainWindow::createStatusBar() {
    runSummary_ = new QLabel(this);
    runSummary_->setObjectName(QStringLiteral("runSummary"));
    statusBar()->addPermanentWidget(runSummary_);
}

void MainWindow::connectParts() {
    connect(newAction_, &QAction::triggered, this, &MainWindow::newScenario);
    connect(openAction_, &QAction::triggered, this, &MainWindow::open);
    connect(saveAction_, &QAction::triggered, this, &MainWindow::save);
    connect(saveAsAction_, &QAction::triggered, this, &MainWindow::saveAs);
    const auto exportAction = [this](QAction* action, ExportFormat format) {
        connect(action, &QAction::triggered, this, [this, format] { exportInteractively(format); });
    };
    exportAction(exportPngAction_, ExportFormat::Png);
    exportAction(exportSvgAction_, ExportFormat::Svg);
    exportAction(exportMermaidAction_, ExportFormat::Mermaid);
    exportAction(exportPlantUmlAction_, ExportFormat::PlantUml);
    exportAction(exportTraceAction_, ExportFormat::TraceJsonl);
    exportAction(exportWireCaptureAction_, ExportFormat::Pcap);
    exportAction(exportHandoutAction_, ExportFormat::Handout);
    connect(clearRecentAction_, &QAction::triggered, this, [this] {
        for (const QString& path : settings_.recentFiles()) {
            settings_.removeRecentFile(path);
        }
        updateRecentFiles();
    });
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    connect(dropAction_, &QAction::triggered, this, &MainWindow::dropSelected);
    connect(delayAction_, &QAction::triggered, this, &MainWindow::delaySelected);
    connect(duplicateAction_, &QAction::triggered, this, &MainWindow::duplicateSelected);
    connect(restoreAction_, &QAction::triggered, this, &MainWindow::restoreSelected);
    connect(resetAction_, &QAction::triggered, this, [this] {
        if (auto error = document_->resetToOriginal()) {
            showError(tr("Cannot reset"), *error);
        }
    });
    connect(findPresetAction_, &QAction::triggered, this, [this] {
        libraryDock_->show();
        libraryDock_->raise();
        library_->focusSearch();
    });

    connect(absoluteSeqAction_, &QAction::toggled, this, &MainWindow::applySeqMode);
    connect(showFutureAction_, &QAction::toggled, diagram_, &SequenceDiagramView::setShowFuture);
    connect(zoomInAction_, &QAction::triggered, diagram_, &SequenceDiagramView::zoomIn);
    connect(zoomOutAction_, &QAction::triggered, diagram_, &SequenceDiagramView::zoomOut);
    connect(zoomResetAction_, &QAction::triggered, this, [this] { diagram_->setZoom(1.0); });
    connect(loadExplorerAction_, &QAction::triggered, this, &MainWindow::showLoadExplorer);
    connect(darkThemeAction_, &QAction::toggled, this, [this](bool dark) {
        Theme::apply(dark);
        settings_.setDarkTheme(dark);
    });

    connect(playAction_, &QAction::triggered, player_, &Player::togglePlaying);
    connect(stepBackAction_, &QAction::triggered, player_, &Player::stepBackward);
    connect(stepForwardAction_, &QAction::triggered, player_, &Player::stepForward);
    connect(previousStateAction_, &QAction::triggered, player_, &Player::previousStateChange);
    connect(nextStateAction_, &QAction::triggered, player_, &Player::nextStateChange);
    connect(toStartAction_, &QAction::triggered, player_, [this] {
        player_->pause();
        player_->toStart();
    });
    connect(toEndAction_, &QAction::triggered, player_, &Player::toEnd);
    connect(fasterAction_, &QAction::triggered, player_, &Player::faster);
    connect(slowerAction_, &QAction::triggered, player_, &Player::slower);
    connect(languageGroup_, &QActionGroup::triggered, this,
            [this](QAction* action) { setLanguage(action->data().toString()); });
    connect(shortcutsAction_, &QAction::triggered, this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("<table>"
               "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
               "<tr><td><b>← →</b></td><td>previous / next event</td></tr>"
               "<tr><td><b>Shift+← Shift+→, ↑ ↓</b></td><td>previous / next state change</td></tr>"
               "<tr><td><b>Home End</b></td><td>start / end of the run</td></tr>"
               "<tr><td><b>Ctrl+[ Ctrl+]</b></td><td>slower / faster</td></tr>"
               "<tr><td><b>Delete</b></td><td>drop the selected segment</td></tr>"
               "<tr><td><b>Ctrl+L Ctrl+D Ctrl+R</b></td><td>delay / duplicate / restore "
               "it</td></tr>"
               "<tr><td><b>Ctrl+Z Ctrl+Shift+Z</b></td><td>undo / redo</td></tr>"
               "<tr><td><b>Ctrl+F</b></td><td>find a scenario</td></tr>"
               "<tr><td><b>Ctrl++ Ctrl+- Ctrl+0</b></td><td>zoom the diagram</td></tr>"
               "<tr><td><b>Ctrl+Shift+L</b></td><td>the load explorer</td></tr>"
               "<tr><td><b>Ctrl+E Ctrl+Shift+E Ctrl+P</b></td><td>export the diagram as PNG / "
               "SVG, a handout as PDF</td></tr>"
               "<tr><td colspan=2><i>In the load explorer:</i></td></tr>"
               "<tr><td><b>Ctrl+R Esc</b></td><td>run / cancel</td></tr>"
               "<tr><td><b>Ctrl+K</b></td><td>compare with one sysctl changed</td></tr>"
               "</table>"));
    });
    connect(aboutAction_, &QAction::triggered, this,
            [this] { QMessageBox::about(this, tr("About Teardown Lab"), AboutText::html()); });
    connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(document_, &Document::runChanged, this, &MainWindow::runChanged);
    connect(document_, &Document::opened, this, &MainWindow::documentOpened);
    // A script's verdict belongs to the run it judged: another scenario or an edit clears it.
    connect(document_, &Document::opened, scriptVerdict_,
            [this] { scriptVerdict_->setFailure({}); });
    connect(document_, &Document::edited, scriptVerdict_,
            [this] { scriptVerdict_->setFailure({}); });
    connect(document_, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document_->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
    // Undo and redo make the last summary stale; an edit's own summary comes right after.
    connect(document_->undoStack(), &QUndoStack::indexChanged, editSummary_, &QWidget::hide);
    connect(document_, &Document::edited, this, [this](const QString& summary) {
        editSummary_->setText(summary);
        editSummary_->show();
    });
    connect(undoAction_, &QAction::triggered, document_->undoStack(), &QUndoStack::undo);
    connect(redoAction_, &QAction::triggered, document_->undoStack(), &QUndoStack::redo);
    for (const auto changed : {&QUndoStack::undoTextChanged, &QUndoStack::redoTextChanged}) {
        connect(document_->undoStack(), changed, this, &MainWindow::updateUndoActions);
    }
    for (const auto changed : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged}) {
        connect(document_->undoStack(), changed, this, &MainWindow::updateUndoActions);
    }

    connect(player_, &Player::timeChanged, this, &MainWindow::timeChanged);
    connect(player_, &Player::playingChanged, this, &MainWindow::updateActions);
    connect(player_, &Player::speedChanged, this,
            [this](double speed) { settings_.setSpeed(speed); });

    connect(diagram_, &SequenceDiagramView::segmentClicked, this,
            [this](SegmentId id) { selectSegment(id); });
    connect(diagram_, &SequenceDiagramView::selectionCleared, this,
            [this] { selectSegment(std::nullopt); });
    connect(diagram_, &SequenceDiagramView::segmentContextMenuRequested, this,
            &MainWindow::showSegmentMenu);
    connect(diagram_, &SequenceDiagramView::lifelineContextMenuRequested, this,
            &MainWindow::showLifelineMenu);
    // Side by side, the right diagram is the document's run: it takes the same edits.
    connect(sideBySide_->right(), &SequenceDiagramView::segmentClicked, this,
            [this](SegmentId id) { selectSegment(id); });
    connect(sideBySide_->right(), &SequenceDiagramView::segmentContextMenuRequested, this,
            &MainWindow::showSegmentMenu);
    connect(sideBySide_->right(), &SequenceDiagramView::lifelineContextMenuRequested, this,
            &MainWindow::showLifelineMenu);
    connect(diagram_, &SequenceDiagramView::timeRequested, player_, &Player::seek);
    connect(library_, &ScenarioLibraryView::interviewQuestionActivated, this,
            [this](const QString& id, int moment) {
                if (openPreset(id)) {
                    lessonDock_->raise();
                    lesson_->goToMoment(static_cast<std::size_t>(moment));
                }
            });
    connect(log_, &EventLogView::timeRequested, player_, &Player::seek);
    connect(log_, &EventLogView::segmentRequested, this,
            [this](SegmentId id) { selectSegment(id); });
    connect(library_, &ScenarioLibraryView::presetActivated, this, &MainWindow::openPreset);
    connect(faultRules_, &FaultRulePanel::segmentRequested, this, [this](SegmentId id) {
        selectSegment(id);
        scrollToSegment(id);
    });
}

void MainWindow::retranslateUi() {
    const auto set = &setActionText;
    set(newAction_, tr("&New"),
        tr("Start a sandbox: two hosts and a listener; right-click a lifeline to add calls"));
    set(openAction_, tr("&Open…"), tr("Open a scenario file"));
    set(saveAction_, tr("&Save"), tr("Save the scenario with its what-if changes"));
    set(saveAsAction_, tr("Save &As…"), tr("Save the scenario to another file"));
    set(exportPngAction_, tr("Diagram as &PNG…"),
        tr("Write the whole sequence diagram, as it looks now, to a PNG image"));
    set(exportSvgAction_, tr("Diagram as S&VG…"),
        tr("Write the whole sequence diagram, as it looks now, to an SVG drawing"));
    set(exportCursorAction_, tr("Exported Images Show the Time &Cursor"),
        tr("Draw the time cursor in exported PNG and SVG images too"));
    set(exportMermaidAction_, tr("Sequence Diagram as &Mermaid…"),
        tr("Write the sequence diagram as Mermaid text, which Markdown pages and wikis draw"));
    set(exportPlantUmlAction_, tr("Sequence Diagram as P&lantUML…"),
        tr("Write the sequence diagram as PlantUML text"));
    set(exportTraceAction_, tr("&Trace as JSON Lines…"),
        tr("Write every fact of the run as one JSON object a line, for scripts"));
    set(exportWireCaptureAction_, tr("On the &Wire…"),
        tr("Write every segment as it was sent, lost ones too, as a capture for Wireshark"));
    set(exportHandoutAction_, tr("&Handout as PDF…"),
        tr("Write a handout to print: the title, the sequence diagram and every step "
           "explained"));
    set(clearRecentAction_, tr("&Clear the List"), tr("Forget the recently opened files"));
    set(quitAction_, tr("&Quit"), tr("Quit Teardown Lab"));
    undoAction_->setStatusTip(tr("Undo the last what-if change"));
    redoAction_->setStatusTip(tr("Redo the what-if change just undone"));
    updateUndoActions();
    set(dropAction_, tr("&Drop Segment"), tr("What if the selected segment were lost on the way?"));
    set(delayAction_, tr("De&lay Segment…"), tr("What if the selected segment arrived later?"));
    set(duplicateAction_, tr("D&uplicate Segment"),
        tr("What if the network delivered the selected segment twice?"));
    set(restoreAction_, tr("Re&store Segment"),
        tr("Remove the what-if that touched the selected segment"));
    set(resetAction_, tr("&Reset to Preset"),
        tr("Undo every what-if change and go back to the scenario as opened"));
    set(findPresetAction_, tr("&Find Scenario…"), tr("Search the scenario library"));
    set(absoluteSeqAction_, tr("&Absolute Sequence Numbers"),
        tr("Show seq and ack as sent instead of relative to the ISN"));
    set(showFutureAction_, tr("Show What Comes &Next"),
        tr("Draw the rest of the run faintly ahead of the cursor"));
    set(zoomInAction_, tr("Zoom &In"), tr("Stretch the diagram's time axis"));
    set(zoomOutAction_, tr("Zoom &Out"), tr("Shrink the diagram's time axis"));
    set(zoomResetAction_, tr("&Normal Size"), tr("Reset the diagram's zoom"));
    set(darkThemeAction_, tr("&Dark Theme"), tr("Use dark colours"));
    set(loadExplorerAction_, tr("&Load Explorer"),
        tr("Show the window of the load scenario opened last"));
    set(playAction_, player_->isPlaying() ? tr("&Pause") : tr("&Play"),
        tr("Play or pause the run"));
    set(stepBackAction_, tr("Previous &Event"), tr("Move the cursor to the previous event"));
    set(stepForwardAction_, tr("Next E&vent"), tr("Move the cursor to the next event"));
    set(previousStateAction_, tr("Previous &State Change"),
        tr("Move the cursor to the previous change of a TCP state"));
    set(nextStateAction_, tr("Next S&tate Change"),
        tr("Move the cursor to the next change of a TCP state"));
    set(toStartAction_, tr("&Start of Run"), tr("Move the cursor to the start"));
    set(toEndAction_, tr("E&nd of Run"), tr("Move the cursor to the end"));
    set(fasterAction_, tr("&Faster"), tr("Play faster (up to 8×)"));
    set(slowerAction_, tr("S&lower"), tr("Play slower (down to 0.25×)"));
    set(englishAction_, Translations::nativeName(QStringLiteral("en")),
        tr("Show the program in English"));
    set(chineseAction_, Translations::nativeName(QStringLiteral("zh_CN")),
        tr("Show the program in Simplified Chinese"));
    set(shortcutsAction_, tr("&Keyboard Shortcuts"), tr("List the keyboard shortcuts"));
    set(aboutAction_, tr("&About Teardown Lab"), tr("What this program is"));
    set(aboutQtAction_, tr("About &Qt"), tr("The Qt version this program uses"));

    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    exportMenu_->setTitle(tr("&Export"));
    captureMenu_->setTitle(tr("&Capture (pcap)"));
    packetdrillMenu_->setTitle(tr("packet&drill Script"));
    editMenu_->setTitle(tr("&Edit"));
    viewMenu_->setTitle(tr("&View"));
    panelsMenu_->setTitle(tr("&Panels"));
    playMenu_->setTitle(tr("&Play"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    fileToolBar_->setWindowTitle(tr("File"));
    whatIfToolBar_->setWindowTitle(tr("What-if"));
    transportToolBar_->setWindowTitle(tr("Player"));
    libraryDock_->setWindowTitle(tr("Scenario Library"));
    sysctlDock_->setWindowTitle(tr("Sysctls"));
    logDock_->setWindowTitle(tr("Event Log"));
    inspectorDock_->setWindowTitle(tr("Inspector"));
    stateDock_->setWindowTitle(tr("State Machine"));
    lessonDock_->setWindowTitle(tr("Lesson"));
    faultRulesDock_->setWindowTitle(tr("Fault Rules"));
    editSummary_->setAccessibleName(tr("What the last what-if edit changed"));
    // What a screen reader announces for the parts of the window that are not a panel's own.
    for (QDockWidget* dock : {libraryDock_, faultRulesDock_, sysctlDock_, logDock_, inspectorDock_,
                              stateDock_, lessonDock_}) {
        dock->setAccessibleName(dock->windowTitle());
        dock->toggleViewAction()->setStatusTip(
            tr("Show or hide the %1 panel").arg(dock->windowTitle()));
    }
    for (QToolBar* bar : {fileToolBar_, whatIfToolBar_, transportToolBar_}) {
        bar->setAccessibleName(bar->windowTitle());
        bar->toggleViewAction()->setStatusTip(
            tr("Show or hide the %1 tool bar").arg(bar->windowTitle()));
    }
    banner_->setAccessibleName(tr("What to watch"));
    log_->setAccessibleName(tr("Event log"));
    log_->setAccessibleDescription(
        tr("Every event of the run in time order; choose a row to move the cursor there"));
    log_->logModel()->retranslate();
    updateRecentFiles();
    updateCaptureMenu();
    updateBanner();
    updateTitle();
    updateActions();
}

void MainWindow::updateUndoActions() {
    const QUndoStack* stack = document_->undoStack();
    undoAction_->setEnabled(stack->canUndo());
    undoAction_->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    redoAction_->setEnabled(stack->canRedo());
    redoAction_->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void MainWindow::readSettings() {
    if (!restoreGeometry(settings_.geometry())) {
        // No larger than the screen: on a 1024x768 one the docks are sized for what is there.
        const QSize room = screen()->availableGeometry().size();
        resize(std::min(1500, room.width()), std::min(920, room.height()));
    }
    if (!restoreState(settings_.windowState(), kDockLayoutVersion)) {
        // The docks' first sizes, in proportion to the window once it has its size (before it
        // is shown, QMainWindow lays the docks out again from their size hints).
        QTimer::singleShot(0, this, &MainWindow::resizeDocksToDefault);
    }
    absoluteSeqAction_->setChecked(settings_.absoluteSeq());
    showFutureAction_->setChecked(settings_.showFuture());
    diagram_->setShowFuture(settings_.showFuture());
    darkThemeAction_->setChecked(settings_.darkTheme());
    player_->setSpeed(settings_.speed());
    (translations_.language() == QLatin1String("zh_CN") ? chineseAction_ : englishAction_)
        ->setChecked(true);
}

// The sysctl table is long and the bottom area short: while the Sysctls tab is in front, the area
// grows to show the whole table (up to two fifths of the window, as far as the docks beside it
// let it), and gives the event log back its height when its tab is in front again.
void MainWindow::sysctlTabShown(bool shown) {
    if (sysctlDock_->isFloating() || dockWidgetArea(sysctlDock_) != Qt::BottomDockWidgetArea) {
        return;
    }
    if (shown) {
        const int wanted = std::min(
            sysctls_->fullHeight() + sysctlDock_->height() - sysctls_->height(), height() * 2 / 5);
        if (sysctlDock_->height() < wanted) {
            bottomHeightBeforeSysctls_ = logDock_->height();
            resizeDocks({sysctlDock_}, {wanted}, Qt::Vertical);
        }
    } else if (bottomHeightBeforeSysctls_ > 0) {
        if (logDock_->isVisible() && !logDock_->isFloating()) {
            resizeDocks({logDock_}, {bottomHeightBeforeSysctls_}, Qt::Vertical);
        }
        bottomHeightBeforeSysctls_ = 0;
    }
}

void MainWindow::resizeDocksToDefault() {
    // The diagram in the middle keeps at least half of the width: on a projector's 1024x768 both
    // lifelines fit with their labels.
    resizeDocks({libraryDock_, inspectorDock_},
                {std::min(260, width() / 5), std::min(420, width() / 4)}, Qt::Horizontal);
    resizeDocks({libraryDock_, faultRulesDock_}, {height() * 3 / 5, height() / 4}, Qt::Vertical);
    resizeDocks({logDock_}, {std::min(280, height() / 4)}, Qt::Vertical);
    resizeDocks({inspectorDock_, stateDock_}, {height() / 5, height() / 2}, Qt::Vertical);
}

void MainWindow::writeSettings() {
    settings_.setGeometry(saveGeometry());
    settings_.setWindowState(saveState(kDockLayoutVersion));
    settings_.setAbsoluteSeq(absoluteSeqAction_->isChecked());
    settings_.setShowFuture(showFutureAction_->isChecked());
    // One connection of a load run cannot be reopened by name: the last scenario stays the one
    // opened before it.
    if (!document_->loadConnection()) {
        settings_.setLastScenario(presetId_.isEmpty() ? document_->filePath()
                                                      : kPresetPrefix + presetId_);
    }
}

void MainWindow::openInitialScenario() {
    for (const QString& error : catalog_.errors()) {
        statusBar()->showMessage(tr("A built-in scenario did not load: %1").arg(error));
    }
    const QString last = settings_.lastScenario();
    if (last.startsWith(kPresetPrefix) &&
        catalog_.find(last.mid(kPresetPrefix.size())) != nullptr) {
        openPreset(last.mid(kPresetPrefix.size()));
    } else if (!last.isEmpty() && !last.startsWith(kPresetPrefix) && QFileInfo::exists(last)) {
        openFile(last);
    }
    if (!document_->run()) {
        openPreset(QString::fromLatin1(PresetCatalog::kDefaultPreset));
    }
    if (!document_->run() && !catalog_.presets().empty()) {
        openPreset(QString::fromStdString(catalog_.presets().front().scenario.id));
    }
}

bool MainWindow::openPreset(const QString& id) {
    const PresetCatalog::Preset* preset = catalog_.find(id);
    if (preset != nullptr && preset->scenario.load) {
        openLoadScenario(preset->scenario, QString());
        return true;
    }
    if (preset == nullptr || !maybeKeepChanges()) {
        return false;
    }
    if (auto error = document_->open(preset->scenario, QString())) {
        showError(tr("Cannot open the scenario"),
                  tr("The built-in scenario \"%1\" does not run.").arg(id), *error);
        return false;
    }
    presetId_ = id;
    library_->setCurrentPreset(id);
    updateTitle();
    return true;
}

bool MainWindow::openFile(const QString& given) {
    // An absolute path: a relative one would name another file once the working directory
    // changed, in the recent files and as the last scenario.
    const QString path = Settings::canonicalFilePath(given);
    if (isPacketdrillPath(path)) {
        return openScript(path);
    }
    if (isCaptureFile(path)) {
        return openCaptureFile(path);
    }
    const LoadResult result = loadScenario(QFile::encodeName(path).toStdString());
    if (const auto* error = std::get_if<LoadError>(&result)) {
        showError(tr("Cannot open the scenario"),
                  tr("%1 is not a scenario Teardown Lab can read.").arg(QFileInfo(path).fileName()),
                  LoadErrorText::message(*error));
        return false;
    }
    if (std::get<Scenario>(result).load) {
        openLoadScenario(std::get<Scenario>(result), path);
        settings_.addRecentFile(path);
        updateRecentFiles();
        return true;
    }
    if (!maybeKeepChanges()) {
        return false;
    }
    if (auto error = document_->open(std::get<Scenario>(result), path)) {
        showError(tr("Cannot open the scenario"),
                  tr("%1 was read, but it does not run.").arg(QFileInfo(path).fileName()), *error);
        return false;
    }
    presetId_.clear();
    library_->setCurrentFile(path);
    settings_.addRecentFile(path);
    updateRecentFiles();
    updateTitle();
    return true;
}

// A packetdrill script plays as a scenario with no file of its own (Save asks where, and never
// writes JSON over the script); its failing line, if any, is marked on the diagram.
bool MainWindow::openScript(const QString& path) {
    auto opened = openPacketdrillScript(path);
    if (const auto* error = std::get_if<QString>(&opened)) {
        showError(tr("Cannot open the script"),
                  tr("%1 is not a packetdrill script Teardown Lab can play.")
                      .arg(QFileInfo(path).fileName()),
                  *error);
        return false;
    }
    if (!maybeKeepChanges()) {
        return false;
    }
    const auto& script = std::get<OpenedScript>(opened);
    if (auto error = document_->open(script.scenario, QString())) {
        showError(tr("Cannot open the script"),
                  tr("%1 was read, but it does not run.").arg(QFileInfo(path).fileName()), *error);
        return false;
    }
    scriptVerdict_->setFailure(script.failure);
    if (script.failure) {
        player_->seek(script.failure->expectedAt);
    }
    statusBar()->showMessage(script.failure
                                 ? tr("The script fails at line %1").arg(script.failure->line)
                                 : tr("The script passes"));
    presetId_.clear();
    library_->setCurrentPreset(QString());
    settings_.addRecentFile(path);
    updateRecentFiles();
    updateTitle();
    return true;
}

bool MainWindow::openCaptureFile(const QString& path) {
    auto opened = openCaptureRun(path);
    // More connections than a diagram shows: the load explorer reads it, off the GUI thread.
    if (std::holds_alternative<CaptureForTheLoadExplorer>(opened)) {
        makeLoadExplorer().openCapture(path);
        showLoadExplorer();
        updateActions();
        return true;
    }
    if (const auto* error = std::get_if<QString>(&opened)) {
        showError(tr("Cannot open the capture"),
                  tr("%1 cannot be shown as a sequence diagram.").arg(QFileInfo(path).fileName()),
                  *error);
        return false;
    }
    if (!maybeKeepChanges()) {
        return false;
    }
    const CaptureRun& capture = std::get<CaptureRun>(opened);
    document_->showCapture(capture.hosts, capture.run, path);
    presetId_.clear();
    updateTitle();
    statusBar()->showMessage(capture.notes.join(QLatin1Char(' ')));
    return true;
}

LoadExplorer& MainWindow::makeLoadExplorer() {
    if (!explorer_) {
        // A window of its own, not a child: the main window must be able to come in front of it
        // when a connection opens in the diagram.
        explorer_ = std::make_unique<LoadExplorer>(&catalog_);
        connect(explorer_.get(), &LoadExplorer::connectionOpened, this,
                &MainWindow::showLoadConnection);
        connect(explorer_.get(), &LoadExplorer::captureConnectionOpened, this,
                &MainWindow::showCaptureConnection);
    }
    return *explorer_;
}

void MainWindow::openLoadScenario(const Scenario& scenario, const QString& filePath) {
    makeLoadExplorer().open(scenario, filePath);
    showLoadExplorer();
    updateActions();
}

void MainWindow::showCaptureConnection(const QString& path, std::uint64_t index,
                                       const CaptureRun& run) {
    if (!maybeKeepChanges()) {
        return;
    }
    document_->showCapture(run.hosts, run.run, path);
    presetId_.clear();
    library_->setCurrentPreset(QString());
    updateTitle();
    statusBar()->showMessage(
        tr("Connection #%1 of %2, read from the capture. Read-only: what-if edits are off.")
            .arg(index)
            .arg(QFileInfo(path).fileName()),
        kStatusTimeoutMs);
    show();
    raise();
    activateWindow();
}

void MainWindow::showLoadExplorer() {
    if (!explorer_) {
        return;
    }
    explorer_->show();
    explorer_->raise();
    explorer_->activateWindow();
}

void MainWindow::showLoadConnection(const Scenario& load, std::uint64_t index, const RunPtr& run) {
    if (!maybeKeepChanges()) {
        return;
    }
    document_->showLoadConnection(load, index, run);
    presetId_.clear();
    library_->setCurrentPreset(QString());
    updateTitle();
    statusBar()->showMessage(
        tr("Connection #%1, re-simulated from the load run. Read-only: what-if edits are off.")
            .arg(index),
        kStatusTimeoutMs);
    show();
    raise();
    activateWindow();
}

// File > New: the sandbox, a scenario the student builds by right-clicking the lifelines.
void MainWindow::newScenario() {
    if (!maybeKeepChanges()) {
        return;
    }
    if (auto error = document_->open(SandboxEdit::blank(), QString())) {
        showError(tr("Cannot start a new scenario"), *error);
        return;
    }
    presetId_.clear();
    library_->setCurrentPreset(QString());
    updateTitle();
}

void MainWindow::open() {
    const QString dir = QFileInfo(document_->filePath()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Scenario"), dir,
                                     tr("Teardown Lab scenarios (*.json);;packetdrill scripts "
                                        "(*.pkt);;Captures (*.pcap *.pcapng "
                                        "*.cap);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

bool MainWindow::save() {
    // A preset's own file, opened with File > Open, is not written over: Save asks where.
    const QString& path = document_->filePath();
    return path.isEmpty() || isInPresetFolder(path) ? saveAs() : saveTo(path);
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"), suggestedSavePath(),
                                                tr("Teardown Lab scenarios (*.json)"));
    if (path.isEmpty()) {
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".json");
    }
    return saveTo(path);
}

QString MainWindow::suggestedSavePath() const {
    // Never the preset folder: one Enter in the dialog would overwrite a preset. A file of the
    // user's own stays in its folder.
    const QFileInfo current(document_->filePath());
    QString folder = current.absolutePath();
    if (document_->filePath().isEmpty() || isInPresetFolder(document_->filePath())) {
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (!QFileInfo(folder).isDir()) {
            folder = QDir::homePath();
        }
    }
    QString base = current.completeBaseName();
    if (base.isEmpty()) {
        base = QString::fromStdString(document_->scenario().id);
    }
    if (base.isEmpty()) {
        base = QStringLiteral("scenario");
    }
    if (document_->differsFromOriginal() && !base.endsWith(QLatin1String("-edited"))) {
        base += QStringLiteral("-edited");
    }
    // A new name: the dialog would otherwise offer to overwrite a file that is already there.
    const QDir dir(folder);
    QString path = dir.filePath(base + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path); ++n) {
        path = dir.filePath(QStringLiteral("%1-%2.json").arg(base).arg(n));
    }
    return path;
}

bool MainWindow::saveTo(const QString& path) {
    // QSaveFile writes a temporary file and renames it: the old file survives a failed save.
    QSaveFile file(path);
    const QByteArray text =
        QByteArray::fromStdString(serializeScenario(document_->scenarioToSave()));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        showError(tr("Cannot save the scenario"), tr("Writing %1 failed.").arg(path),
                  file.errorString());
        return false;
    }
    document_->savedAs(path);
    presetId_.clear();
    library_->setCurrentPreset(QString());
    settings_.addRecentFile(path);
    updateRecentFiles();
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(path), kStatusTimeoutMs);
    return true;
}

bool MainWindow::maybeKeepChanges() {
    if (!document_->isModified()) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("The scenario has what-if changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

QString MainWindow::suggestedExportPath(ExportFormat format, const QString& seenAtHost) const {
    // A documents folder that does not exist would leave the dialog in the working directory.
    QString folder = exportFolder_;
    if (folder.isEmpty()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (!QFileInfo(folder).isDir()) {
            folder = QDir::homePath();
        }
    }
    QString base = QString::fromStdString(document_->scenario().id);
    if (base.isEmpty()) {
        base = QFileInfo(document_->filePath()).completeBaseName();
    }
    if (base.isEmpty()) {
        base = QStringLiteral("teardown-lab");
    }
    if (const auto connection = document_->loadConnection()) {
        base += QStringLiteral("-connection-%1").arg(*connection);
    }
    if (!seenAtHost.isEmpty()) {
        base += QStringLiteral("-at-") + seenAtHost;
    }
    return QDir(folder).filePath(base + QLatin1Char('.') + exportSuffix(format));
}

std::optional<QString> MainWindow::exportTo(ExportFormat format, const QString& path,
                                            const QString& seenAtHost) {
    const RunPtr& run = document_->run();
    if (!run) {
        return tr("There is no run to export.");
    }
    const Trace& trace = run->trace();
    const std::string file = QFile::encodeName(path).toStdString();
    // The markup explains causes as the event log does, in the current language.
    TextDiagramOptions options;
    options.absoluteSequenceNumbers = absoluteSeqAction_->isChecked();
    options.explain = [](const Reason& reason) {
        return CauseCatalog::sentence(reason).toStdString();
    };
    // An image says what it shows, and leaves the time cursor out unless asked.
    SequenceDiagramView::ExportOptions imageOptions;
    imageOptions.title = PresetCatalog::localized(document_->scenario().title);
    if (imageOptions.title.isEmpty()) {
        imageOptions.title = tr("Untitled scenario");
    }
    imageOptions.cursor = exportCursorAction_->isChecked();
    switch (format) {
    case ExportFormat::Png:
        return diagram_->exportPng(path, imageOptions);
    case ExportFormat::Svg:
        return diagram_->exportSvg(path, imageOptions);
    case ExportFormat::TraceJsonl: {
        std::ostringstream lines;
        writeTraceJsonl(trace, lines);
        return fromCore(writeFileAtomically(file, lines.str()));
    }
    case ExportFormat::Pcap:
        return fromCore(writePcap(trace, file, seenAtHost.toStdString()));
    case ExportFormat::Mermaid:
        return fromCore(writeFileAtomically(file, renderMermaid(trace, options)));
    case ExportFormat::PlantUml:
        return fromCore(writeFileAtomically(file, renderPlantUml(trace, options)));
    case ExportFormat::Packetdrill: // seenAtHost is the kernel under test
        return fromCore(
            writePacketdrillScript(document_->scenario(), trace, seenAtHost.toStdString(), file));
    case ExportFormat::Handout:
        return writeHandoutPdf(
            handoutFor(document_->scenario(), run,
                       absoluteSeqAction_->isChecked() ? SeqMode::Absolute : SeqMode::Relative),
            path);
    }
    Q_UNREACHABLE(); // -Wswitch names any format the switch above forgets
}

void MainWindow::exportInteractively(ExportFormat format, const QString& seenAtHost) {
    QString title;
    QString filter;
    switch (format) {
    case ExportFormat::Png:
        title = tr("Export Diagram as PNG");
        filter = tr("PNG images (*.png)");
        break;
    case ExportFormat::Svg:
        title = tr("Export Diagram as SVG");
        filter = tr("SVG drawings (*.svg)");
        break;
    case ExportFormat::TraceJsonl:
        title = tr("Export the Trace as JSON Lines");
        filter = tr("JSON Lines (*.jsonl)");
        break;
    case ExportFormat::Pcap:
        title = seenAtHost.isEmpty() ? tr("Export the Capture on the Wire")
                                     : tr("Export the Capture as Seen at %1").arg(seenAtHost);
        filter = tr("pcap captures (*.pcap)");
        break;
    case ExportFormat::Mermaid:
        title = tr("Export the Sequence Diagram as Mermaid");
        filter = tr("Mermaid diagrams (*.mmd)");
        break;
    case ExportFormat::PlantUml:
        title = tr("Export the Sequence Diagram as PlantUML");
        filter = tr("PlantUML diagrams (*.puml)");
        break;
    case ExportFormat::Handout:
        title = tr("Export a Handout as PDF");
        filter = tr("PDF documents (*.pdf)");
        break;
    case ExportFormat::Packetdrill:
        title = tr("Export a packetdrill Script with %1 Under Test").arg(seenAtHost);
        filter = tr("packetdrill scripts (*.pkt)");
        break;
    }
    QString path =
        QFileDialog::getSaveFileName(this, title, suggestedExportPath(format, seenAtHost), filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + exportSuffix(format);
    }
    exportFolder_ = QFileInfo(path).absolutePath();
    if (auto error = exportTo(format, path, seenAtHost)) {
        showError(tr("Cannot export"),
                  tr("%1 was not written.").arg(QDir::toNativeSeparators(path)), *error);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)),
                             kStatusTimeoutMs);
}

// One entry per host of the run: the capture as tcpdump on that host would record it, and the
// packetdrill script with that host as the kernel under test.
void MainWindow::updateCaptureMenu() {
    captureMenu_->clear();
    packetdrillMenu_->clear();
    captureMenu_->addAction(exportWireCaptureAction_);
    const RunPtr& run = document_->run();
    if (!run) {
        return;
    }
    captureMenu_->addSeparator();
    for (const HostInfo& host : run->trace().hosts) {
        const QString name = QString::fromStdString(host.name);
        QAction* action = captureMenu_->addAction(tr("As Seen at %1…").arg(name));
        action->setObjectName(QStringLiteral("exportCaptureAt:") + name);
        action->setStatusTip(
            tr("Write the segments as tcpdump on %1 would record them: what it sends, and what "
               "reaches it when it arrives")
                .arg(name));
        connect(action, &QAction::triggered, this,
                [this, name] { exportInteractively(ExportFormat::Pcap, name); });
        QAction* script =
            packetdrillMenu_->addAction(tr("With %1 as the Kernel Under Test…").arg(name));
        script->setObjectName(QStringLiteral("exportPacketdrill:") + name);
        script->setStatusTip(
            tr("Write the run as a packetdrill script to run it on a real kernel: "
               "%1 is the kernel under test, the other host's segments are injected")
                .arg(name));
        connect(script, &QAction::triggered, this,
                [this, name] { exportInteractively(ExportFormat::Packetdrill, name); });
    }
}

void MainWindow::updateRecentFiles() {
    recentMenu_->clear();
    const QStringList files = settings_.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction* action = recentMenu_->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                settings_.removeRecentFile(path);
                updateRecentFiles();
                showError(tr("Cannot open the scenario"), tr("%1 no longer exists.").arg(path));
                return;
            }
            openFile(path);
        });
    }
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
    }
    recentMenu_->addAction(clearRecentAction_);
    clearRecentAction_->setEnabled(!files.isEmpty());
}

void MainWindow::showError(const QString& title, const QString& text, const QString& details) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    if (!details.isEmpty()) {
        box.setInformativeText(details);
    }
    box.exec();
}

void MainWindow::applyWhatIf(const std::optional<WhatIf::Edit>& edit) {
    if (!edit) {
        return;
    }
    if (auto error = document_->edit(edit->scenario, edit->description)) {
        showError(tr("The what-if cannot run"), edit->description, *error);
        return;
    }
    if (selected_) {
        // Once now, and once the window has laid itself out again: a longer banner or status
        // line resizes the diagram, whose resize brings the cursor back into view.
        const SegmentId id = *selected_;
        scrollToSegment(id);
        QTimer::singleShot(0, this, [this, id] { scrollToSegment(id); });
    }
}

// The new run keeps the segments sent before the edited one, and the edited one, under their
// ids; the diagram, which follows the cursor, would otherwise leave it for the cursor's place in
// the new run.
void MainWindow::scrollToSegment(SegmentId id) {
    const RunPtr& run = document_->run();
    if (!run || id >= run->trace().segments.size()) {
        return;
    }
    const DiagramLayout& layout = diagram_->layout();
    const SegmentRecord& record = run->trace().segments[id];
    const double top = layout.y(record.sentAt);
    const double bottom = layout.y(record.deliveredAt.value_or(record.sentAt));
    QScrollBar* bar = diagram_->verticalScrollBar();
    const int height = diagram_->viewport()->height();
    const double visibleTop = bar->value() + layout.headerHeight();
    if (top < visibleTop || bottom > bar->value() + height) {
        bar->setValue(static_cast<int>(top - layout.headerHeight() - height * 0.3));
    }
}

void MainWindow::dropSelected() {
    if (selected_ && document_->run()) {
        applyWhatIf(WhatIf::drop(document_->scenario(), *document_->run(), *selected_));
    }
}

void MainWindow::delaySelected() {
    if (!selected_ || !document_->run()) {
        return;
    }
    bool ok = false;
    const int ms = QInputDialog::getInt(this, tr("Delay Segment"),
                                        tr("Extra delay for this segment, in milliseconds:"),
                                        settings_.delayMs(), 1, 3'600'000, 10, &ok);
    if (!ok) {
        return;
    }
    settings_.setDelayMs(ms);
    applyWhatIf(WhatIf::delay(document_->scenario(), *document_->run(), *selected_,
                              std::chrono::milliseconds(ms)));
}

void MainWindow::duplicateSelected() {
    if (selected_ && document_->run()) {
        applyWhatIf(WhatIf::duplicate(document_->scenario(), *document_->run(), *selected_));
    }
}

void MainWindow::restoreSelected() {
    if (selected_ && document_->run()) {
        applyWhatIf(WhatIf::restore(document_->scenario(), *document_->run(), *selected_));
    }
}

void MainWindow::showSegmentMenu(SegmentId id, const QPoint& globalPos) {
    selectSegment(id);
    QMenu menu(this);
    menu.addSection(TraceText::segmentLabel(document_->run()->trace(), id,
                                            absoluteSeqAction_->isChecked() ? SeqMode::Absolute
                                                                            : SeqMode::Relative));
    menu.addAction(dropAction_);
    menu.addAction(delayAction_);
    menu.addAction(duplicateAction_);
    menu.addAction(restoreAction_);
    menu.exec(globalPos);
}

void MainWindow::showLifelineMenu(HostId host, SimTime time, const QPoint& globalPos) {
    QMenu menu(this);
    lifelineCalls_->addTo(&menu, host, time);
    // Held here: the inject entries refer to this run while the menu is open.
    if (const RunPtr run = document_->run()) {
        InjectMenu::addTo(&menu, document_->scenario(), *run, host, time, this,
                          [this](const std::optional<WhatIf::Edit>& edit) { applyWhatIf(edit); });
    }
    menu.exec(globalPos);
}

void MainWindow::selectSegment(std::optional<SegmentId> id) {
    if (id && (!document_->run() || *id >= document_->run()->trace().segments.size())) {
        id.reset();
    }
    selected_ = id;
    diagram_->setSelectedSegment(id);
    inspector_->setSegment(id);
    updateFocusSockets();
    updateActions();
}

void MainWindow::setLanguage(const QString& language) {
    if (!translations_.setLanguage(language)) {
        showError(tr("Cannot switch the language"),
                  tr("The translation for %1 could not be loaded.")
                      .arg(Translations::nativeName(language)));
    }
    settings_.setLanguage(translations_.language());
    (translations_.language() == QLatin1String("zh_CN") ? chineseAction_ : englishAction_)
        ->setChecked(true);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeKeepChanges()) {
        event->ignore();
        return;
    }
    player_->pause();
    presentation_->leave(); // the layout saved is the one to come back to
    writeSettings();
    if (explorer_) {
        explorer_->close();
    }
    event->accept();
}

void MainWindow::runChanged(const RunPtr& run) {
    player_->setRun(run);
    diagram_->setRun(run);
    log_->setRun(run);
    inspector_->setRun(run);
    stateMachine_->setRun(run);
    selectSegment(selected_);
    timeChanged(player_->time());
    updateTitle();
    updateBanner();
    updateCaptureMenu();
}

void MainWindow::documentOpened() {
    selectSegment(std::nullopt);
    editSummary_->hide();
    // A scenario opens with its whole diagram in view; Play starts it from the beginning.
    player_->toEnd();
    updateBanner();
}

void MainWindow::timeChanged(SimTime time) {
    if (!selected_) {
        updateFocusSockets(); // the state machine follows the connection in play
    }
    diagram_->setTime(time);
    log_->setTime(time);
    inspector_->setTime(time);
    stateMachine_->setTime(time);
}

void MainWindow::updateFocusSockets() {
    const RunPtr& run = document_->run();
    if (!run) {
        stateMachine_->setSockets(kNoSocket, kNoSocket);
        presentation_->board()->setSockets(kNoSocket, kNoSocket);
        return;
    }
    SocketId first = run->index().socketInPlay(player_->time());
    if (selected_) {
        const SocketId sender = run->trace().segments[*selected_].segment.sender;
        if (run->trace().socket(sender) != nullptr) {
            first = sender;
        }
    }
    SocketId second = run->index().peerOf(first);
    const SocketInfo* a = run->trace().socket(first);
    const SocketInfo* b = run->trace().socket(second);
    if (a != nullptr && b != nullptr && b->host < a->host) {
        std::swap(first, second);
    }
    stateMachine_->setSockets(first, second);
    presentation_->board()->setSockets(first, second);
}

void MainWindow::applySeqMode() {
    const SeqMode mode = absoluteSeqAction_->isChecked() ? SeqMode::Absolute : SeqMode::Relative;
    diagram_->setSeqMode(mode);
    log_->logModel()->setSeqMode(mode);
    inspector_->setSeqMode(mode);
    settings_.setAbsoluteSeq(absoluteSeqAction_->isChecked());
}

void MainWindow::updateActions() {
    const RunPtr& run = document_->run();
    // One connection of a load run is read-only: its scenario is the whole load.
    const bool readOnly = document_->isReadOnly();
    const bool selected = run && selected_ && !readOnly;
    const bool canFault = selected && WhatIf::canFault(*run, *selected_);
    dropAction_->setEnabled(canFault &&
                            run->index().segment(*selected_).fate != TraceIndex::Fate::Dropped);
    delayAction_->setEnabled(canFault);
    duplicateAction_->setEnabled(canFault);
    restoreAction_->setEnabled(selected && WhatIf::canRestore(*run, *selected_));
    resetAction_->setEnabled(document_->differsFromOriginal());
    saveAction_->setEnabled(run != nullptr && !readOnly);
    saveAsAction_->setEnabled(run != nullptr && !readOnly);
    sysctls_->setEnabled(!readOnly);
    const QString readOnlyTip =
        tr("Not for one connection of a load run: what-if edits change a whole scenario, and "
           "this one's scenario is the whole load.");
    for (QAction* action : {dropAction_, delayAction_, duplicateAction_, restoreAction_}) {
        action->setToolTip(readOnly ? readOnlyTip
                                    : QStringLiteral("%1 (%2)").arg(
                                          action->text().remove(QLatin1Char('&')),
                                          action->shortcut().toString(QKeySequence::NativeText)));
    }
    sysctls_->setToolTip(readOnly ? readOnlyTip : QString());
    loadExplorerAction_->setEnabled(explorer_ != nullptr);
    for (QAction* action :
         {exportPngAction_, exportSvgAction_, exportMermaidAction_, exportPlantUmlAction_,
          exportTraceAction_, exportWireCaptureAction_, exportHandoutAction_}) {
        action->setEnabled(run != nullptr);
    }
    captureMenu_->setEnabled(run != nullptr);
    packetdrillMenu_->setEnabled(run != nullptr);
    const bool playing = player_->isPlaying();
    playAction_->setIcon(icon(playing ? "pause" : "play"));
    playAction_->setText(playing ? tr("&Pause") : tr("&Play"));
    playAction_->setToolTip(
        QStringLiteral("%1 (%2)").arg(playAction_->text().remove(QLatin1Char('&')),
                                      playAction_->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::updateTitle() {
    const Scenario& s = document_->scenario();
    // An edited scenario is another story: its title is the one Save gives it.
    QString title = PresetCatalog::localized(document_->scenarioToSave().title);
    if (title.isEmpty()) {
        title = tr("Untitled scenario");
    }
    if (const auto connection = document_->loadConnection()) {
        title = tr("connection #%1 of %2").arg(*connection).arg(title);
    }
    if (!document_->filePath().isEmpty()) {
        title = QStringLiteral("%1 (%2)").arg(title, QFileInfo(document_->filePath()).fileName());
    }
    setWindowTitle(tr("%1[*] — Teardown Lab").arg(title));
    setWindowModified(document_->isModified());
    const RunPtr& run = document_->run();
    if (run) {
        const int segments = static_cast<int>(run->trace().segments.size());
        const int events = static_cast<int>(run->trace().facts.size());
        runSummary_->setText(
            tr("%1 · %2 · %3 · ends at %4")
                .arg(segments == 1 ? tr("%n segment", "", segments)
                                   : tr("%n segments", "", segments),
                     events == 1 ? tr("%n event", "", events) : tr("%n events", "", events),
                     faultRuleCount(s, *run), TraceText::duration(run->trace().end)));
    }
}

// "1 fault rule", "3 fault rules, 1 matching nothing". English needs its singular spelled out here
// (and for segments and events above): no English translation supplies plural forms. Chinese has
// none and translates both alike.
QString MainWindow::faultRuleCount(const Scenario& scenario, const Run& run) {
    const int rules = static_cast<int>(scenario.faults.size());
    QString count = rules == 1 ? tr("%n fault rule", "", rules) : tr("%n fault rules", "", rules);
    const auto actedOn = FaultRulePanel::segmentsActedOn(run.trace(), scenario.faults.size());
    const int idle = static_cast<int>(
        std::count_if(actedOn.begin(), actedOn.end(), [](const auto& s) { return s.empty(); }));
    if (idle > 0) {
        count = tr("%1, %n matching nothing", "", idle).arg(count);
    }
    return count;
}

void MainWindow::updateBanner() {
    const Scenario& s = document_->scenario();
    const QString title = PresetCatalog::localized(s.title);
    if (const auto connection = document_->loadConnection()) {
        banner_->setText(
            tr("<b>Connection #%1 of %2</b>, re-simulated alone from the load run. Read-only: "
               "what-if edits would change the whole load. <a href=\"explorer\">Back to the load "
               "explorer</a> (Ctrl+Shift+L)")
                .arg(*connection)
                .arg(title.toHtmlEscaped()));
        banner_->show();
        return;
    }
    const QString watch = PresetCatalog::localized(s.watch);
    if (title.isEmpty() && watch.isEmpty()) {
        banner_->hide();
        return;
    }
    if (watch.isEmpty()) {
        banner_->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    } else if (document_->differsFromOriginal()) {
        // The lesson text tells the story as opened; an edit may well tell another (setting
        // tcp_tw_reuse=0 in the stale-RST lesson makes connect() fail instead).
        banner_->setText(tr("<b>%1</b> — what to watch <i>in the original story; your what-if "
                            "edits may have changed it</i>: %2")
                             .arg(title.toHtmlEscaped(), watch.toHtmlEscaped()));
    } else {
        banner_->setText(
            tr("<b>%1</b> — what to watch: %2").arg(title.toHtmlEscaped(), watch.toHtmlEscaped()));
    }
    banner_->show();
}

} // namespace tdl::ui
