#include "Document.h"

#include "RunComparison.h"
#include "ScenarioEditCommand.h"
#include "ScenarioProblemText.h"
#include "scenario_check.h"
#include "simulator.h"

#include <exception>
#include <string>

namespace tdl::ui {

Document::Document(QObject* parent)
    : QObject(parent) {
    connect(&undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

RunPtr Document::simulate(const Scenario& scenario, QString* error) {
    if (scenario.load) {
        // A load run is thousands of connections: recording each of its segments would freeze
        // the window. It belongs to the load explorer, not to the sequence diagram.
        if (error != nullptr) {
            *error = tr("This is a load scenario (%1 connections). The sequence diagram shows one "
                        "connection at a time; open a single-connection scenario instead.")
                         .arg(scenario.load->connections());
        }
        return nullptr;
    }
    // A scenario built by hand (an edit) that names a host it lacks is told in the user's
    // language; the engine would refuse it too, in English.
    if (const std::optional<ScenarioProblem> problem = checkScenario(scenario)) {
        if (error != nullptr) {
            *error = ScenarioProblemText::message(*problem);
        }
        return nullptr;
    }
    try {
        return std::make_shared<const Run>(tdl::simulate(scenario));
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
    }
    return nullptr;
}

std::optional<QString> Document::open(const Scenario& scenario, const QString& filePath) {
    QString error;
    RunPtr run = simulate(scenario, &error);
    if (!run) {
        return error;
    }
    undoStack_.clear();
    original_ = scenario;
    filePath_ = filePath;
    loadConnection_.reset();
    capturePath_.clear();
    apply(scenario, run);
    emit filePathChanged(filePath_);
    emit opened();
    return std::nullopt;
}

void Document::showLoadConnection(const Scenario& load, std::uint64_t index, const RunPtr& run) {
    undoStack_.clear();
    original_ = load;
    filePath_.clear();
    loadConnection_ = index;
    capturePath_.clear();
    apply(load, run);
    emit filePathChanged(filePath_);
    emit opened();
}

void Document::showCapture(const Scenario& hosts, const RunPtr& run, const QString& capturePath) {
    undoStack_.clear();
    original_ = hosts;
    filePath_.clear();
    loadConnection_.reset();
    capturePath_ = capturePath;
    apply(hosts, run);
    emit filePathChanged(filePath_);
    emit opened();
}

namespace {

// A file holds every language's text at once, so the marks are written in each language here
// rather than through tr(), which would give only the one shown now.
void appendOnce(std::string& text, const std::string& mark) {
    if (!text.empty() && !text.ends_with(mark)) {
        text += mark;
    }
}

void prependOnce(std::string& text, const std::string& mark) {
    if (!text.empty() && !text.starts_with(mark)) {
        text = mark + text;
    }
}

} // namespace

Scenario Document::scenarioToSave() const {
    Scenario saved = scenario_;
    if (!differsFromOriginal()) {
        return saved;
    }
    appendOnce(saved.id, "-edited");
    appendOnce(saved.title.en, ", edited");
    appendOnce(saved.title.zh_CN, "（已修改）");
    prependOnce(saved.watch.en, "In the original story, before the what-if edits: ");
    prependOnce(saved.watch.zh_CN, "（以下说的是修改前的原始情形）");
    return saved;
}

void Document::savedAs(const QString& filePath) {
    if (filePath != filePath_) {
        filePath_ = filePath;
        emit filePathChanged(filePath_);
    }
    undoStack_.setClean();
}

std::optional<QString> Document::edit(const Scenario& changed, const QString& description) {
    if (changed == scenario_) {
        return std::nullopt;
    }
    if (!capturePath_.isEmpty()) {
        return tr("This is a capture: its states are inferred from the packets, and there is no "
                  "scenario to change.");
    }
    if (loadConnection_) {
        return tr("This is connection #%1 of a load run, re-simulated on its own: a what-if edit "
                  "would change the whole load. Open a single-connection scenario to try what-ifs.")
            .arg(*loadConnection_);
    }
    QString error;
    RunPtr run = simulate(changed, &error);
    if (!run) {
        return error;
    }
    const RunPtr before = run_;
    undoStack_.push(new ScenarioEditCommand(this, {scenario_, run_}, {changed, run}, description));
    emit edited(before ? RunComparison(before->trace(), run->trace()).summary(description)
                       : description);
    return std::nullopt;
}

std::optional<QString> Document::resetToOriginal() {
    return edit(original_, tr("Reset to preset"));
}

void Document::apply(const Scenario& scenario, const RunPtr& run) {
    scenario_ = scenario;
    run_ = run;
    emit runChanged(run_);
}

} // namespace tdl::ui
