#pragma once

#include "CaptureRun.h"
#include "Run.h"
#include "load_run.h"
#include "scenario.h"

#include <QMainWindow>

#include <cstdint>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QToolBar;
class QToolButton;

namespace tdl::ui {

class LoadCharts;
class LoadDocument;
class LoadLegend;
class PresetCatalog;
class SocketTableView;

// The window of a load scenario: its counters over simulated time as charts, optionally overlaid
// with a second run to compare (B: another load preset or file, or the same scenario with one
// sysctl changed), the sockets alive at a picked instant as `ss -tan` lists them, and a way to
// open any one connection in the sequence diagram.
//
// The window shows a LoadDocument, which holds the runs and runs every simulation (the runs, a
// listing, a connection's trace) on a worker thread: the charts fill in as the run goes, Esc
// cancels, and closing the window mid-run cancels and joins the workers.
class LoadExplorer : public QMainWindow {
    Q_OBJECT

public:
    explicit LoadExplorer(const PresetCatalog* catalog, QWidget* parent = nullptr);
    ~LoadExplorer() override;

    // Shows a load scenario as run A (filePath "" for a preset), forgets the comparison, clears
    // the socket table and runs it.
    void open(const Scenario& scenario, const QString& filePath);

    // Shows a capture of many connections: reads it on a worker, with progress and Cancel (Esc),
    // then each host's sockets per state inferred from its packets. No run B.
    void openCapture(const QString& path);

    // Overlays run B and runs it; a scenario without a load is refused with a message.
    bool compareWith(const Scenario& b);
    void stopComparing();

    // Runs A, and B if there is one, again from the start.
    void run();
    // Stops everything under way: runs (their series end where they are, marked truncated), a
    // listing, a connection's trace. Returns at once; the workers end on their own.
    void cancel();
    // Lists the sockets of the table's run (A unless B is chosen) at the sample nearest `at`.
    void showSocketsAt(SimTime at);
    // Traces connection `index` (0-based) of the table's run; connectionOpened() follows.
    void openConnection(std::uint64_t index);

    const LoadDocument* document() const { return document_; }
    LoadCharts* charts() const { return charts_; }
    SocketTableView* sockets() const { return sockets_; }
    LoadLegend* legend() const { return legend_; }

signals:
    void connectionOpened(const tdl::Scenario& scenario, std::uint64_t index,
                          const tdl::ui::RunPtr& run);
    // A connection of a capture, read again with its packets for the sequence diagram.
    void captureConnectionOpened(const QString& path, std::uint64_t index,
                                 const tdl::ui::CaptureRun& run);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createToolBar();
    void createCentralWidget();
    void retranslateUi();

    void followDocument();
    static QString runName(int run);
    QString listingText(SimTime at, int run) const;
    QString tracingText(std::uint64_t index) const;
    static QString refusalText(int run, const QString& refusal);
    // A listing or a trace of a run whose scenario is refused is not started either: says so in
    // the socket table and returns true.
    bool refuseTableJob(int run);
    // Whether the table's run can list its sockets and trace its connections: a load scenario
    // that is not refused, or a capture read.
    bool tableAvailable(int run);
    QString captureHeader() const;
    void runFinished(int run);
    void socketsListed(SimTime at, int run, const std::vector<SocketRow>& rows);
    void showFailure(const QString& what, const QString& message);
    // Empties the socket table and hides the charts' cursor.
    void forgetTable();
    void fillCompareMenu();
    void compareWithFile();
    void compareWithSysctl();
    void updateState();
    void updateHeader();
    void updateLegend();
    void showMessage(const QString& text);

    const PresetCatalog* catalog_;
    LoadDocument* document_;
    std::optional<SimTime> tableAt_; // the instant the socket table lists

    QLabel* header_ = nullptr;
    LoadLegend* legend_ = nullptr;
    LoadCharts* charts_ = nullptr;
    SocketTableView* sockets_ = nullptr;
    QToolBar* toolBar_ = nullptr;
    QToolButton* compareButton_ = nullptr;
    QMenu* compareMenu_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QAction* progressItem_ = nullptr; // the tool bar's handle: it shows and hides the bar
    QLabel* progressLabel_ = nullptr;

    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* compareFileAction_ = nullptr;
    QAction* compareSysctlAction_ = nullptr;
    QAction* stopComparingAction_ = nullptr;
    QAction* closeAction_ = nullptr;
};

} // namespace tdl::ui
