#pragma once

#include "Run.h"
#include "scenario.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <cstdint>
#include <optional>

namespace tdl::ui {

// The open scenario, its current run and its undo stack. Every change is a what-if edit: it
// replaces the scenario, re-runs the simulator and swaps the run; the views follow runChanged().
class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);

    // Runs a scenario once; on failure returns nullptr and the engine's message in *error. A
    // load scenario is refused: its trace would be far too large to record and draw.
    static RunPtr simulate(const Scenario& scenario, QString* error);

    // Starts over with another scenario: a fresh undo stack, and this scenario as the original
    // that "Reset to preset" returns to. filePath is "" for a built-in preset. Returns the error
    // and keeps the current document if the scenario does not run.
    std::optional<QString> open(const Scenario& scenario, const QString& filePath);

    // Shows one connection of a load run, as the load explorer traced it: its run, with the load
    // scenario for the hosts and their sysctls. Read-only: edit() refuses, since the scenario is
    // the whole load and not this connection. A fresh undo stack, like open().
    void showLoadConnection(const Scenario& load, std::uint64_t index, const RunPtr& run);
    // The connection shown, when the document is one connection of a load run.
    std::optional<std::uint64_t> loadConnection() const { return loadConnection_; }

    // Shows a capture: its run (states inferred from the packets) with a scenario naming its
    // hosts. Read-only, like a load connection: there is no scenario to edit.
    void showCapture(const Scenario& hosts, const RunPtr& run, const QString& capturePath);
    // The capture shown, or "" when the document is a scenario.
    const QString& capturePath() const { return capturePath_; }
    // A load connection or a capture: what-if edits are refused.
    bool isReadOnly() const { return loadConnection_.has_value() || !capturePath_.isEmpty(); }

    const Scenario& scenario() const { return scenario_; }
    const RunPtr& run() const { return run_; }
    QUndoStack* undoStack() { return &undoStack_; }

    const QString& filePath() const { return filePath_; }
    // After a successful save: the document now lives in that file and is unmodified.
    void savedAs(const QString& filePath);
    bool isModified() const { return !undoStack_.isClean(); }
    // The scenario as opened, before any what-if edit.
    const Scenario& original() const { return original_; }
    bool differsFromOriginal() const { return scenario_ != original_; }
    // The scenario as Save writes it. Once edited it tells another story than the one opened,
    // and says so: its title gains ", edited", its id "-edited", and its "what to watch" is
    // marked as the original story's. Unedited, it is scenario().
    Scenario scenarioToSave() const;

    // Replaces the scenario with an edited copy, on the undo stack, and says what that changed
    // in the run (edited()). Refused (with the engine's message) if the edited scenario does not
    // run; nothing changes then.
    std::optional<QString> edit(const Scenario& changed, const QString& description);
    std::optional<QString> resetToOriginal();

    // For ScenarioEditCommand: makes this scenario and its run the current ones.
    void apply(const Scenario& scenario, const RunPtr& run);

signals:
    void runChanged(const tdl::ui::RunPtr& run);
    void opened();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);
    // After an edit: the edit and what it changed in the run, in one line (RunComparison).
    void edited(const QString& summary);

private:
    Scenario scenario_;
    Scenario original_;
    RunPtr run_;
    QString filePath_;
    std::optional<std::uint64_t> loadConnection_;
    QString capturePath_;
    QUndoStack undoStack_;
};

} // namespace tdl::ui
