#pragma once

#include "Document.h"
#include "Player.h"
#include "Settings.h"
#include "quiz.h"

#include <QWidget>

#include <array>
#include <cstddef>
#include <set>
#include <vector>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tdl::ui {

// A guided lesson beside the diagram: playing pauses at each key moment of the scenario and this
// panel shows its caption; between moments it narrates the trace's own cause sentences. With
// "Quiz me" it asks before it shows: the player stops just before the moment, the question and
// its choices appear here, and after the answer the moment is shown with the explanation.
class LessonPanel : public QWidget {
    Q_OBJECT

public:
    LessonPanel(Document* document, Player* player, QWidget* parent = nullptr);

    // Shows the scenario's key moment `moment` (an index into Scenario::moments), if the run
    // reaches it.
    void goToMoment(std::size_t moment);

    bool quizMode() const;
    void setQuizMode(bool on);

    const Quiz& quiz() const { return quiz_; }
    // The question on show, if one waits for an answer.
    const Question* pendingQuestion() const;
    void answer(std::size_t choice);
    int right() const { return right_; }
    int asked() const { return asked_; }

    QString heading() const;
    QString caption() const;
    QString narration() const;
    QString explanation() const;

    // Modest: the lesson shares the bottom area with the event log, which sets its height.
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void stopReached(std::size_t index);
    void timeChanged(SimTime time);
    void askNext();
    void showQuestion();
    void retranslateUi();
    void updateScore();

    Document* document_;
    Player* player_;
    Settings settings_;
    Quiz quiz_;
    // The lesson stops each player stop shows: more than one when they happen at one instant.
    std::vector<std::vector<std::size_t>> stopsAt_;
    std::vector<std::size_t> pending_; // questions of the current stop still to ask
    std::set<std::size_t> answered_;
    std::size_t revealStop_ = 0; // the lesson stop to show once its questions are answered
    int right_ = 0;
    int asked_ = 0;

    QLabel* heading_;
    QLabel* caption_;
    QPlainTextEdit* narration_;
    QLabel* question_;
    std::array<QPushButton*, kChoicesPerQuestion> choices_{};
    QLabel* explanation_;
    QPushButton* previous_;
    QPushButton* continue_;
    QCheckBox* quizMode_;
    QLabel* score_;
};

} // namespace tdl::ui
