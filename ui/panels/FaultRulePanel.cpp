#include "FaultRulePanel.h"

#include "Document.h"
#include "FaultRuleText.h"
#include "TraceText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <chrono>

namespace tdl::ui {

FaultRulePanel::FaultRulePanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , help_(new QLabel(this))
    , rules_(new QListWidget(this))
    , delete_(new QPushButton(this))
    , delayLabel_(new QLabel(this))
    , delay_(new QSpinBox(this)) {
    help_->setWordWrap(true);
    help_->setMargin(4);
    rules_->setObjectName(QStringLiteral("faultRules"));
    // The words wrap at the dock's width, and wrap again when it is resized.
    rules_->setWordWrap(true);
    rules_->setResizeMode(QListView::Adjust);
    rules_->setTextElideMode(Qt::ElideNone);
    rules_->setSpacing(2);
    // In a short dock the words above must keep their lines; the list scrolls instead.
    rules_->setMinimumHeight(40);
    delete_->setObjectName(QStringLiteral("deleteFaultRule"));
    delay_->setObjectName(QStringLiteral("faultRuleDelay"));
    delay_->setRange(1, 3'600'000);
    delay_->setSingleStep(10);
    delay_->setKeyboardTracking(false);
    delayLabel_->setBuddy(delay_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(delete_);
    buttons->addStretch(1);
    buttons->addWidget(delayLabel_);
    buttons->addWidget(delay_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Both stay shown, the words changing: hiding one would re-lay out the window at once.
    layout->addWidget(help_);
    layout->addWidget(rules_, 1);
    layout->addLayout(buttons);

    connect(document_, &Document::runChanged, this, &FaultRulePanel::refresh);
    connect(rules_, &QListWidget::itemSelectionChanged, this, &FaultRulePanel::selectionChanged);
    connect(delete_, &QPushButton::clicked, this, &FaultRulePanel::deleteSelected);
    connect(delay_, &QSpinBox::valueChanged, this, &FaultRulePanel::applyDelay);
    retranslateUi();
}

std::vector<std::vector<SegmentId>> FaultRulePanel::segmentsActedOn(const Trace& trace,
                                                                    std::size_t ruleCount) {
    std::vector<std::vector<SegmentId>> actedOn(ruleCount);
    for (const Fact& fact : trace.facts) {
        const Cause code = fact.reason.code;
        if (code != Cause::FaultDrop && code != Cause::FaultDelay &&
            code != Cause::FaultDuplicate) {
            continue;
        }
        const auto rule = fact.reason.args[0];
        if (rule < 1 || static_cast<std::size_t>(rule) > ruleCount ||
            fact.segment >= trace.segments.size()) {
            continue;
        }
        const SegmentId copyOf = trace.segments[fact.segment].duplicateOf;
        const SegmentId segment = copyOf == kNoSegment ? fact.segment : copyOf;
        std::vector<SegmentId>& segments = actedOn[static_cast<std::size_t>(rule - 1)];
        if (segments.empty() || segments.back() != segment) {
            segments.push_back(segment);
        }
    }
    return actedOn;
}

std::optional<std::size_t> FaultRulePanel::selectedRule() const {
    const QList<QListWidgetItem*> items = rules_->selectedItems();
    if (items.isEmpty()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(rules_->row(items.front()));
}

void FaultRulePanel::selectRule(std::size_t rule) {
    if (QListWidgetItem* item = rules_->item(static_cast<int>(rule))) {
        rules_->setCurrentItem(item);
    }
}

void FaultRulePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void FaultRulePanel::retranslateUi() {
    setAccessibleName(tr("Fault rules"));
    rules_->setAccessibleName(tr("Fault rules"));
    rules_->setAccessibleDescription(
        tr("The scenario's fault rules in words, each with what it did in this run; select one "
           "to show its segment"));
    delete_->setText(tr("&Delete Rule"));
    delete_->setToolTip(tr("Remove the selected fault rule (undoable)"));
    delayLabel_->setText(tr("De&lay:"));
    delay_->setSuffix(tr(" ms"));
    delay_->setToolTip(tr("The selected delay rule's extra delay (undoable)"));
    refresh();
}

void FaultRulePanel::refresh() {
    const std::optional<std::size_t> selected = selectedRule();
    const Scenario& scenario = document_->scenario();
    const RunPtr& run = document_->run();
    actedOn_ = run ? segmentsActedOn(run->trace(), scenario.faults.size())
                   : std::vector<std::vector<SegmentId>>(scenario.faults.size());
    const QSignalBlocker blocker(rules_);
    rules_->clear();
    for (std::size_t i = 0; i < scenario.faults.size(); ++i) {
        const std::vector<SegmentId>& segments = actedOn_[i];
        auto* item = new QListWidgetItem(rules_);
        const QString words = FaultRuleText::describe(scenario.faults[i]);
        if (segments.empty() || !run) {
            // Two lines in one column: the dock is narrow, and the words wrap there.
            item->setText(words + QLatin1Char('\n') + tr("matches nothing"));
            item->setToolTip(tr("No segment of this run matches the rule: it changes nothing. "
                                "An earlier edit may have moved the segment it picked."));
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            continue;
        }
        const QString first =
            tr("%1 at %2")
                .arg(TraceText::segmentLabel(run->trace(), segments.front(), SeqMode::Relative),
                     TraceText::duration(run->trace().segments[segments.front()].sentAt));
        const QString actedOn = segments.size() == 1 ? tr("acted on %1").arg(first)
                                                     : tr("acted on %n segments, first %1", "",
                                                          static_cast<int>(segments.size()))
                                                           .arg(first);
        item->setText(words + QLatin1Char('\n') + actedOn);
        item->setToolTip(item->text());
    }
    help_->setText(
        scenario.faults.empty()
            ? tr("No fault rules. Right-click a segment in the diagram to drop, delay or "
                 "duplicate it.")
            : tr("Select a rule to show the segment it acted on."));
    if (selected && *selected < scenario.faults.size()) {
        rules_->item(static_cast<int>(*selected))->setSelected(true);
    }
    setEnabled(!document_->isReadOnly());
    updateButtons();
}

void FaultRulePanel::updateButtons() {
    const std::optional<std::size_t> rule = selectedRule();
    const Scenario& scenario = document_->scenario();
    delete_->setEnabled(rule.has_value());
    const bool isDelay = rule && scenario.faults[*rule].action == FaultAction::Delay;
    delay_->setEnabled(isDelay);
    if (isDelay) {
        const QSignalBlocker blocker(delay_);
        delay_->setValue(static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(scenario.faults[*rule].delay)
                .count()));
    }
}

void FaultRulePanel::selectionChanged() {
    updateButtons();
    const std::optional<std::size_t> rule = selectedRule();
    if (rule && !actedOn_[*rule].empty()) {
        emit segmentRequested(actedOn_[*rule].front());
    }
}

bool FaultRulePanel::deleteSelected() {
    const std::optional<std::size_t> rule = selectedRule();
    if (!rule) {
        return false;
    }
    Scenario changed = document_->scenario();
    const QString words = FaultRuleText::describe(changed.faults[*rule]);
    changed.faults.erase(changed.faults.begin() + static_cast<std::ptrdiff_t>(*rule));
    edit(changed, tr("Delete the rule \"%1\"").arg(words));
    return true;
}

bool FaultRulePanel::setSelectedDelay(Duration delay) {
    const std::optional<std::size_t> rule = selectedRule();
    const Scenario& scenario = document_->scenario();
    if (!rule || scenario.faults[*rule].action != FaultAction::Delay ||
        scenario.faults[*rule].delay == delay || delay <= Duration::zero()) {
        return false;
    }
    Scenario changed = scenario;
    changed.faults[*rule].delay = delay;
    edit(changed,
         tr("Delay by %1 instead of %2: %3")
             .arg(TraceText::duration(delay), TraceText::duration(scenario.faults[*rule].delay),
                  FaultRuleText::describe(scenario.faults[*rule])));
    return true;
}

void FaultRulePanel::applyDelay() {
    setSelectedDelay(std::chrono::milliseconds(delay_->value()));
}

void FaultRulePanel::edit(const Scenario& changed, const QString& description) {
    if (auto error = document_->edit(changed, description)) {
        QMessageBox::warning(this, tr("The what-if cannot run"), *error);
        refresh();
    }
}

} // namespace tdl::ui
