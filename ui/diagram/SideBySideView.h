#pragma once

#include "FirstDifference.h"
#include "Run.h"
#include "scenario.h"

#include <QByteArray>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMainWindow;

namespace tdl::ui {

class Document;
class Player;
class PresetCatalog;
class SequenceDiagramView;

// Two runs side by side: on the left a variant to compare with (the scenario as opened, before
// the what-if edits, or another preset), on the right the document's run as it is now. Both
// diagrams follow the one player, so their time cursors move together, and the first point where
// the runs differ is marked on both, with a sentence that says what differs (FirstDifference).
//
// It stands in the window in place of the single diagram while active; entering hides the side
// panels to give the two diagrams room, and leaving restores the window's layout as it was.
class SideBySideView : public QWidget {
    Q_OBJECT

public:
    SideBySideView(Document* document, Player* player, const PresetCatalog* catalog,
                   QWidget* parent = nullptr);

    // The View menu's toggle (checkable, with its shortcut). `window` is the main window whose
    // layout is saved and restored, `single` the diagram this view takes the place of.
    void attach(QMainWindow* window, QWidget* single);
    QAction* toggleAction() const { return toggle_; }
    bool isActive() const { return active_; }
    void setActive(bool active);

    // Which run the left side shows: 0 the scenario as opened, 1.. the presets in catalog order.
    void setBaseline(int choice);
    int baseline() const;

    SequenceDiagramView* left() const { return left_; }
    SequenceDiagramView* right() const { return right_; }
    const RunPtr& leftRun() const { return leftRun_; }
    const std::optional<FirstDifference>& difference() const { return difference_; }
    QString differenceText() const;

    // Re-runs the left side's scenario if it changed, shows the document's current run on the
    // right and finds the first difference again. Called on every change while active.
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void fillBaselines();
    std::optional<Scenario> baselineScenario() const;
    void showDifference();
    // Half a 1024-pixel window is narrower than a diagram likes to be: the diagrams' text is
    // made smaller (down to kSmallestFontScale) until both lifelines fit, rather than leave the
    // server's off-screen.
    void fitFonts();
    static constexpr double kSmallestFontScale = 0.7;

    Document* document_;
    Player* player_;
    const PresetCatalog* catalog_;
    QMainWindow* window_ = nullptr;
    QWidget* single_ = nullptr;
    QByteArray savedLayout_;
    bool active_ = false;

    QAction* toggle_;
    QLabel* compareLabel_;
    QComboBox* baselines_;
    QLabel* differenceLabel_;
    QLabel* leftCaption_;
    QLabel* rightCaption_;
    SequenceDiagramView* left_;
    SequenceDiagramView* right_;
    QWidget* leftMarker_;
    QWidget* rightMarker_;

    std::optional<Scenario> leftScenario_;
    RunPtr leftRun_;
    QString leftError_;
    std::optional<FirstDifference> difference_;
};

} // namespace tdl::ui
