#pragma once

#include "Document.h"
#include "Player.h"
#include "PresetCatalog.h"
#include "Settings.h"
#include "Translations.h"
#include "WhatIf.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;

namespace tdl::ui {

class CaptureReplayDock;
class EventLogView;
class FaultRulePanel;
class InspectorView;
class LifelineCallMenu;
struct CaptureRun;
class LoadExplorer;
class PresentationMode;
class ScenarioLibraryView;
class ScriptVerdictOverlay;
class SequenceDiagramView;
class SideBySideView;
class StateMachineView;
class LessonPanel;
class SysctlPanel;
class TransportBar;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // What File > Export writes.
    enum class ExportFormat { Png, Svg, TraceJsonl, Pcap, Mermaid, PlantUml, Handout, Packetdrill };

    Document* document() const { return document_; }
    Player* player() const { return player_; }
    SequenceDiagramView* diagram() const { return diagram_; }
    SideBySideView* sideBySide() const { return sideBySide_; }
    EventLogView* eventLog() const { return log_; }
    FaultRulePanel* faultRules() const { return faultRules_; }
    const PresetCatalog& presets() const { return catalog_; }
    std::optional<SegmentId> selectedSegment() const { return selected_; }
    PresentationMode* presentation() const { return presentation_; }
    // The window of load scenarios, once one has been opened.
    LoadExplorer* loadExplorer() const { return explorer_.get(); }

    // Opening replaces the document; both report failures to the user and return false. A load
    // scenario opens in the load explorer instead, and the document stays.
    bool openPreset(const QString& id);
    bool openFile(const QString& path);
    bool openScript(const QString& path);
    // Shows one connection of a load run, traced by the load explorer, read-only.
    void showLoadConnection(const Scenario& load, std::uint64_t index, const RunPtr& run);
    void showCaptureConnection(const QString& path, std::uint64_t index, const CaptureRun& run);
    void selectSegment(std::optional<SegmentId> id);
    void setLanguage(const QString& language);
    // Writes the open run in a format, atomically; returns an error message naming the file on
    // failure. seenAtHost: for a capture, the host whose tcpdump it imitates ("" = on the wire).
    std::optional<QString> exportTo(ExportFormat format, const QString& path,
                                    const QString& seenAtHost = {});
    // Where the export dialog starts: the folder of the last export (at first the user's
    // documents folder, or home if there is none) and a name made from the scenario's.
    QString suggestedExportPath(ExportFormat format, const QString& seenAtHost = {}) const;
    // Where Save As starts: never the preset folder (the user's documents folder instead, or
    // home), and a name no file has yet, "-edited" when the scenario has what-if edits.
    QString suggestedSavePath() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // The table of contents.
    void createActions();
    void createMenus();
    void createToolBars();
    void createCentralWidget();
    void createDocks();
    void createStatusBar();
    void connectParts();
    void retranslateUi();
    void updateUndoActions();
    void resizeDocksToDefault();
    void sysctlTabShown(bool shown);
    void readSettings();
    void writeSettings();
    void openInitialScenario();
    void openLoadScenario(const Scenario& scenario, const QString& filePath);
    // The load explorer, made on first use.
    LoadExplorer& makeLoadExplorer();
    // A pcap or pcapng file: its connections, states inferred, read-only in the diagram.
    bool openCaptureFile(const QString& path);
    void showLoadExplorer();

    QAction* makeAction(const char* name, const QIcon& icon, const QList<QKeySequence>& shortcuts);

    // File
    void newScenario();
    void open();
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    bool maybeKeepChanges();
    void exportInteractively(ExportFormat format, const QString& seenAtHost = {});
    void updateCaptureMenu();
    void updateRecentFiles();
    void showError(const QString& title, const QString& text, const QString& details = {});

    // What-if
    void applyWhatIf(const std::optional<WhatIf::Edit>& edit);
    void dropSelected();
    void delaySelected();
    void duplicateSelected();
    void restoreSelected();
    void showSegmentMenu(SegmentId id, const QPoint& globalPos);
    void showLifelineMenu(HostId host, SimTime time, const QPoint& globalPos);
    void scrollToSegment(SegmentId id);

    // Keeping the views in step
    void runChanged(const RunPtr& run);
    void documentOpened();
    void timeChanged(SimTime time);
    void updateActions();
    void updateTitle();
    void updateBanner();
    static QString faultRuleCount(const Scenario& scenario, const Run& run);
    void updateFocusSockets();
    void applySeqMode();

    Settings settings_;
    Translations translations_;
    PresetCatalog catalog_;
    Document* document_;
    Player* player_;
    QString presetId_; // the open preset, "" for a file
    std::optional<SegmentId> selected_;

    SequenceDiagramView* diagram_ = nullptr;
    SideBySideView* sideBySide_ = nullptr;
    LifelineCallMenu* lifelineCalls_ = nullptr;
    ScriptVerdictOverlay* scriptVerdict_ = nullptr; // a packetdrill script's failing line
    QLabel* banner_ = nullptr;
    QLabel* editSummary_ = nullptr;
    TransportBar* transport_ = nullptr;
    EventLogView* log_ = nullptr;
    InspectorView* inspector_ = nullptr;
    StateMachineView* stateMachine_ = nullptr;
    LessonPanel* lesson_ = nullptr;
    QDockWidget* lessonDock_ = nullptr;
    CaptureReplayDock* replayDock_ = nullptr;
    SysctlPanel* sysctls_ = nullptr;
    ScenarioLibraryView* library_ = nullptr;
    QLabel* runSummary_ = nullptr;
    FaultRulePanel* faultRules_ = nullptr;
    std::unique_ptr<LoadExplorer> explorer_;
    PresentationMode* presentation_ = nullptr;

    QDockWidget* libraryDock_ = nullptr;
    QDockWidget* sysctlDock_ = nullptr;
    int bottomHeightBeforeSysctls_ = 0; // the bottom area's height the Sysctls tab grew from
    QDockWidget* logDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QDockWidget* stateDock_ = nullptr;
    QDockWidget* faultRulesDock_ = nullptr;
    QToolBar* fileToolBar_ = nullptr;
    QToolBar* whatIfToolBar_ = nullptr;
    QToolBar* transportToolBar_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMenu* captureMenu_ = nullptr;
    QMenu* packetdrillMenu_ = nullptr; // one entry per host: the kernel under test
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* panelsMenu_ = nullptr;
    QMenu* playMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;

    QAction* newAction_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* exportPngAction_ = nullptr;
    QAction* exportSvgAction_ = nullptr;
    QAction* exportCursorAction_ = nullptr;
    QAction* exportTraceAction_ = nullptr;
    QAction* exportWireCaptureAction_ = nullptr;
    QAction* exportMermaidAction_ = nullptr;
    QAction* exportPlantUmlAction_ = nullptr;
    QAction* exportHandoutAction_ = nullptr;
    QString exportFolder_; // where the last export went
    QAction* clearRecentAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* dropAction_ = nullptr;
    QAction* delayAction_ = nullptr;
    QAction* duplicateAction_ = nullptr;
    QAction* restoreAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* findPresetAction_ = nullptr;
    QAction* absoluteSeqAction_ = nullptr;
    QAction* showFutureAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomResetAction_ = nullptr;
    QAction* darkThemeAction_ = nullptr;
    QAction* loadExplorerAction_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* stepBackAction_ = nullptr;
    QAction* stepForwardAction_ = nullptr;
    QAction* previousStateAction_ = nullptr;
    QAction* nextStateAction_ = nullptr;
    QAction* toStartAction_ = nullptr;
    QAction* toEndAction_ = nullptr;
    QAction* fasterAction_ = nullptr;
    QAction* slowerAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    QAction* englishAction_ = nullptr;
    QAction* chineseAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
};

} // namespace tdl::ui
