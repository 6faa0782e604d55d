#pragma once

#include "Run.h"
#include "TraceText.h"

#include <QTextBrowser>

#include <optional>

namespace tdl::ui {

// The packet inspector: the selected segment's header fields, its fate, and what the receiver
// did with it and why. With nothing selected it lists every socket's state at the cursor.
class InspectorView : public QTextBrowser {
    Q_OBJECT

public:
    explicit InspectorView(QWidget* parent = nullptr);

    void setRun(RunPtr run);
    void setTime(SimTime time);
    void setSegment(std::optional<SegmentId> id);
    void setSeqMode(SeqMode mode);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    // What the text depends on besides the run and the selection: whether the segment has been
    // sent yet, or how many facts have happened. The text is rebuilt only when it changes.
    std::size_t timeKey() const;
    QString segmentHtml(SegmentId id) const;
    QString windowText(SegmentId id) const;
    QString socketsHtml() const;

    RunPtr run_;
    SimTime time_{};
    std::optional<SegmentId> segment_;
    SeqMode seqMode_ = SeqMode::Relative;
    std::size_t shownKey_ = 0;
};

} // namespace tdl::ui
