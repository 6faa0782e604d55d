#pragma once

#include "PresetCatalog.h"
#include "interview_questions.h"

#include <QWidget>

#include <vector>

class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace tdl::ui {

// The preset library: scenarios grouped by lesson, searchable in both languages, with the
// selected one's description and "what to watch". Activating one asks for it to be opened.
class ScenarioLibraryView : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioLibraryView(const PresetCatalog* catalog, QWidget* parent = nullptr);

    // Marks the preset that is open (by id), "" for none.
    void setCurrentPreset(const QString& id);
    // Marks the preset whose file this is, or a copy of (a preset opened with File > Open or from
    // the command line), none if it is not one.
    void setCurrentFile(const QString& path);
    // The order the library lists the presets in.
    static std::vector<const PresetCatalog::Preset*>
    libraryOrder(const std::vector<PresetCatalog::Preset>& presets);
    // Puts the keyboard focus in the search field (Find Preset).
    void focusSearch();

    // The interview questions listed after the presets, each opening its preset at a moment.
    void setInterviewQuestions(std::vector<InterviewQuestion> questions);

signals:
    void presetActivated(const QString& id);
    // An interview question was opened: its preset, at its key moment (an index into the
    // preset's moments).
    void interviewQuestionActivated(const QString& presetId, int moment);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyFilter();
    void showDetails();
    static bool matches(const Scenario& scenario, const QString& needle);
    static bool matches(const InterviewQuestion& question, const QString& needle);

    const PresetCatalog* catalog_;
    QLineEdit* search_;
    QTreeWidget* tree_;
    QTextBrowser* details_;
    QString current_;
    std::vector<InterviewQuestion> questions_;
};

} // namespace tdl::ui
