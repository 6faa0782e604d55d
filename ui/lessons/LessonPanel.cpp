#include "LessonPanel.h"

#include "LessonText.h"
#include "TraceText.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace tdl::ui {

namespace {

// Narration is the last few facts: enough to read what led here, short enough for a projector.
constexpr qsizetype kNarrationLines = 6;

QLabel* wrappedLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LessonPanel::LessonPanel(Document* document, Player* player, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , player_(player) {
    // The panel scrolls rather than squeezing a caption when the dock is short (1024x768).
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 4, 4);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    scroll->setMinimumHeight(fontMetrics().lineSpacing());
    auto* layout = new QVBoxLayout(content);
    // A waiting question comes first, where the eye is; the moment's caption below it.
    QFont bold = font();
    bold.setBold(true);
    question_ = wrappedLabel(this);
    question_->setObjectName(QStringLiteral("quizQuestion"));
    question_->setFont(bold);
    layout->addWidget(question_);
    for (std::size_t i = 0; i < choices_.size(); ++i) {
        choices_[i] = new QPushButton(this);
        choices_[i]->setObjectName(QStringLiteral("quizChoice%1").arg(i));
        choices_[i]->setStyleSheet(QStringLiteral("text-align: left; padding: 3px 6px;"));
        connect(choices_[i], &QPushButton::clicked, this, [this, i] { answer(i); });
        layout->addWidget(choices_[i]);
    }
    explanation_ = wrappedLabel(this);
    explanation_->setObjectName(QStringLiteral("quizExplanation"));
    layout->addWidget(explanation_);
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("lessonHeading"));
    heading_->setFont(bold);
    layout->addWidget(heading_);
    caption_ = wrappedLabel(this);
    caption_->setObjectName(QStringLiteral("lessonCaption"));
    layout->addWidget(caption_);
    narration_ = new QPlainTextEdit(this);
    narration_->setObjectName(QStringLiteral("lessonNarration"));
    narration_->setReadOnly(true);
    narration_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    layout->addWidget(narration_, 1);
    auto* buttons = new QHBoxLayout;
    previous_ = new QPushButton(this);
    continue_ = new QPushButton(this);
    buttons->addWidget(previous_);
    buttons->addWidget(continue_);
    // The buttons stay in view below the scrolling text, in one row to leave the text its room.
    quizMode_ = new QCheckBox(this);
    quizMode_->setObjectName(QStringLiteral("quizMode"));
    score_ = new QLabel(this);
    buttons->addWidget(quizMode_);
    buttons->addStretch();
    buttons->addWidget(score_);
    outer->addLayout(buttons);

    connect(previous_, &QPushButton::clicked, player_, &Player::previousStop);
    connect(continue_, &QPushButton::clicked, player_, &Player::play);
    connect(quizMode_, &QCheckBox::toggled, this, &LessonPanel::rebuild);
    connect(document_, &Document::runChanged, this, &LessonPanel::rebuild);
    connect(player_, &Player::stopReached, this, &LessonPanel::stopReached);
    connect(player_, &Player::timeChanged, this, &LessonPanel::timeChanged);
    retranslateUi();
    rebuild();
}

void LessonPanel::goToMoment(std::size_t moment) {
    for (const LessonStop& stop : quiz_.stops) {
        if (stop.moment == moment) {
            player_->pause();
            player_->seek(stop.at);
            return;
        }
    }
}

QSize LessonPanel::sizeHint() const {
    return {fontMetrics().averageCharWidth() * 60, fontMetrics().lineSpacing() * 6};
}

bool LessonPanel::quizMode() const {
    return quizMode_->isChecked();
}

void LessonPanel::setQuizMode(bool on) {
    quizMode_->setChecked(on);
}

const Question* LessonPanel::pendingQuestion() const {
    return pending_.empty() ? nullptr : &quiz_.questions[pending_.front()];
}

QString LessonPanel::heading() const {
    return heading_->text();
}
QString LessonPanel::caption() const {
    return caption_->text();
}
QString LessonPanel::narration() const {
    return narration_->toPlainText();
}
QString LessonPanel::explanation() const {
    return explanation_->text();
}

void LessonPanel::rebuild() {
    pending_.clear();
    answered_.clear();
    right_ = 0;
    asked_ = 0;
    stopsAt_.clear();
    const RunPtr& run = document_->run();
    if (!run) {
        quiz_ = {};
        player_->setStops({});
        showQuestion();
        updateScore();
        return;
    }
    const Scenario& scenario = document_->scenario();
    quiz_ = makeQuiz(scenario, run->trace(), scenario.seed);
    // In a quiz the player stops where the stop's first question is asked, before the answer is
    // on the screen; otherwise at the moment itself.
    std::vector<std::pair<SimTime, std::size_t>> times;
    for (std::size_t s = 0; s < quiz_.stops.size(); ++s) {
        SimTime at = quiz_.stops[s].at;
        if (quizMode()) {
            for (const Question& q : quiz_.questions) {
                if (q.stop == s) {
                    at = std::min(at, q.askAt);
                }
            }
        }
        times.emplace_back(at, s);
    }
    std::sort(times.begin(), times.end());
    std::vector<SimTime> stops;
    for (const auto& [at, s] : times) {
        if (stops.empty() || stops.back() != at) {
            stops.push_back(at);
            stopsAt_.emplace_back();
        }
        stopsAt_.back().push_back(s);
    }
    player_->setStops(std::move(stops));
    showQuestion();
    timeChanged(player_->time());
    updateScore();
}

void LessonPanel::stopReached(std::size_t index) {
    if (index >= stopsAt_.size()) {
        return;
    }
    pending_.clear();
    explanation_->clear();
    revealStop_ = stopsAt_[index].back();
    if (quizMode()) {
        for (std::size_t q = 0; q < quiz_.questions.size(); ++q) {
            const std::size_t stop = quiz_.questions[q].stop;
            if (std::find(stopsAt_[index].begin(), stopsAt_[index].end(), stop) !=
                    stopsAt_[index].end() &&
                !answered_.contains(q)) {
                pending_.push_back(q);
            }
        }
    }
    showQuestion();
}

void LessonPanel::answer(std::size_t choice) {
    const Question* q = pendingQuestion();
    if (q == nullptr || choice >= q->choices.size()) {
        return;
    }
    const RunPtr& run = document_->run();
    const bool correct = choice == q->answer;
    right_ += correct ? 1 : 0;
    ++asked_;
    answered_.insert(pending_.front());
    explanation_->setText(LessonText::verdict(correct, run->trace(), *q));
    pending_.erase(pending_.begin());
    settings_.setQuizScore(QString::fromStdString(document_->scenario().id), {right_, asked_});
    updateScore();
    if (pending_.empty()) {
        // Every question of the stop is answered: now show the moment itself.
        player_->seek(quiz_.stops[revealStop_].at);
    }
    showQuestion();
}

void LessonPanel::showQuestion() {
    const Question* q = pendingQuestion();
    const RunPtr& run = document_->run();
    question_->setVisible(q != nullptr);
    for (std::size_t i = 0; i < choices_.size(); ++i) {
        const bool shown = q != nullptr && i < q->choices.size();
        choices_[i]->setVisible(shown);
        if (shown) {
            choices_[i]->setText(QStringLiteral("%1) %2").arg(
                LessonText::letter(i), LessonText::choice(run->trace(), *q, i)));
        }
    }
    if (q != nullptr) {
        question_->setText(LessonText::question(run->trace(), *q));
    }
    explanation_->setVisible(!explanation_->text().isEmpty());
    continue_->setEnabled(q == nullptr);
}

void LessonPanel::timeChanged(SimTime time) {
    const RunPtr& run = document_->run();
    if (!run) {
        heading_->setText(tr("No lesson: open a scenario."));
        caption_->clear();
        narration_->clear();
        return;
    }
    const Trace& trace = run->trace();
    const Scenario& scenario = document_->scenario();
    // The last stop the cursor has passed, and what happened since.
    std::size_t passed = quiz_.stops.size();
    for (std::size_t s = 0; s < quiz_.stops.size() && quiz_.stops[s].at <= time; ++s) {
        passed = s;
    }
    const std::size_t shownFacts = run->index().factsUpTo(time);
    if (passed == quiz_.stops.size()) {
        heading_->setText(quiz_.stops.empty() ? tr("This run has no key moments.")
                                              : tr("Play to reach the first of %n key moment(s).",
                                                   nullptr, static_cast<int>(quiz_.stops.size())));
        caption_->setText(LessonText::localized(scenario.watch));
    } else {
        heading_->setText(tr("Key moment %1 of %2, at %3")
                              .arg(passed + 1)
                              .arg(quiz_.stops.size())
                              .arg(TraceText::duration(quiz_.stops[passed].at)));
        caption_->setText(LessonText::caption(scenario, trace, quiz_.stops[passed]));
    }
    const std::size_t from = passed == quiz_.stops.size() ? 0 : quiz_.stops[passed].fact + 1;
    QStringList lines = LessonText::narration(trace, from, shownFacts);
    if (lines.size() > kNarrationLines) {
        lines = lines.mid(lines.size() - kNarrationLines);
    }
    narration_->setPlainText(lines.join(u'\n'));
    if (pending_.empty() && player_->isPlaying()) {
        explanation_->clear();
        explanation_->hide();
    }
}

void LessonPanel::updateScore() {
    const Settings::QuizScore last =
        settings_.quizScore(QString::fromStdString(document_->scenario().id));
    if (asked_ > 0 || last.asked == 0) {
        score_->setText(quizMode() ? LessonText::score(right_, asked_) : QString());
    } else {
        score_->setText(tr("Last quiz: %1 of %2").arg(last.right).arg(last.asked));
    }
}

void LessonPanel::retranslateUi() {
    setAccessibleName(tr("Lesson"));
    narration_->setAccessibleName(tr("What happened since the key moment"));
    previous_->setText(tr("◀ Previous moment"));
    previous_->setToolTip(tr("Step the lesson back to the key moment before this one"));
    continue_->setText(tr("Continue ▶"));
    continue_->setToolTip(tr("Play on to the next key moment (Space)"));
    quizMode_->setText(tr("Quiz me"));
    quizMode_->setToolTip(
        tr("Ask what happens before each key moment shows it, and keep the score"));
    if (document_->run()) {
        timeChanged(player_->time());
    }
    showQuestion();
    updateScore();
}

void LessonPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

} // namespace tdl::ui
