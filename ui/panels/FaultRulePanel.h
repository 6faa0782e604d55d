#pragma once

#include "Run.h"
#include "scenario.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class QListWidget;

namespace tdl::ui {

class Document;

// The scenario's fault rules, one row each: the rule in words (FaultRuleText) and, on a second
// line, what it did in the current run — the segment it acted on, or that it matches nothing.
// Selecting a rule asks for its segment to be shown; Delete removes the rule and the delay box
// changes a delay rule's delay, both as what-if edits on the document's undo stack.
class FaultRulePanel : public QWidget {
    Q_OBJECT

public:
    explicit FaultRulePanel(Document* document, QWidget* parent = nullptr);

    // For each of `ruleCount` rules, the segments the trace says it acted on (dropped, delayed,
    // duplicated), in the order it acted; a copy counts as its original.
    static std::vector<std::vector<SegmentId>> segmentsActedOn(const Trace& trace,
                                                               std::size_t ruleCount);

    // The row selected, as an index into the scenario's rules.
    std::optional<std::size_t> selectedRule() const;
    void selectRule(std::size_t rule);
    bool deleteSelected();
    // Sets the selected delay rule's delay; false if no delay rule is selected or nothing
    // changed.
    bool setSelectedDelay(Duration delay);

signals:
    void segmentRequested(tdl::SegmentId id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslateUi();
    void selectionChanged();
    void updateButtons();
    void applyDelay();
    void edit(const Scenario& changed, const QString& description);

    Document* document_;
    QLabel* help_;
    QListWidget* rules_;
    QPushButton* delete_;
    QLabel* delayLabel_;
    QSpinBox* delay_;
    std::vector<std::vector<SegmentId>> actedOn_;
};

} // namespace tdl::ui
