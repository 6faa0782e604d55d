#include "SideBySideView.h"

#include "ActionText.h"
#include "DiagramLayout.h"
#include "Document.h"
#include "Player.h"
#include "PresetCatalog.h"
#include "SequenceDiagramView.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace tdl::ui {

namespace {

// A dashed line across a diagram at the first difference, drawn over the diagram's viewport so
// that the diagram's own painting stays as it is.
class DifferenceMarker : public QWidget {
public:
    explicit DifferenceMarker(SequenceDiagramView* view)
        : QWidget(view->viewport())
        , view_(view) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        view->viewport()->installEventFilter(this);
        for (QScrollBar* bar : {view->verticalScrollBar(), view->horizontalScrollBar()}) {
            connect(bar, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
        }
        setGeometry(view->viewport()->rect());
    }

    void setMark(std::optional<SimTime> at, const QString& label) {
        at_ = at;
        label_ = label;
        update();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == view_->viewport() && event->type() == QEvent::Resize) {
            setGeometry(view_->viewport()->rect());
        }
        return false;
    }

    void paintEvent(QPaintEvent*) override {
        if (!at_) {
            return;
        }
        const double y = view_->layout().y(*at_) - view_->verticalScrollBar()->value();
        if (y < 0 || y > height()) {
            return;
        }
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor color(214, 54, 32);
        painter.setPen(QPen(color, 2, Qt::DashLine));
        // Right of the time gutter: the cursor's pill there stays readable when the cursor is at
        // the difference.
        const double left =
            std::max(0.0, view_->layout().gutterWidth() - view_->horizontalScrollBar()->value());
        painter.drawLine(QPointF(left, y), QPointF(width(), y));
        const QFontMetricsF metrics(font());
        // At the right edge: the time cursor's pill sits at the left, in the time gutter.
        const double boxWidth = metrics.horizontalAdvance(label_) + 10;
        const QRectF box(width() - boxWidth - 4, y - metrics.height() - 4, boxWidth,
                         metrics.height() + 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, label_);
    }

private:
    SequenceDiagramView* view_;
    std::optional<SimTime> at_;
    QString label_;
};

DifferenceMarker* marker(QWidget* widget) {
    return static_cast<DifferenceMarker*>(widget);
}

std::optional<SegmentId> segmentOf(const RunPtr& run, std::size_t fact) {
    if (!run || fact == FirstDifference::kNone) {
        return std::nullopt;
    }
    const SegmentId id = run->trace().facts[fact].segment;
    return id < run->trace().segments.size() ? std::optional(id) : std::nullopt;
}

} // namespace

SideBySideView::SideBySideView(Document* document, Player* player, const PresetCatalog* catalog,
                               QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , player_(player)
    , catalog_(catalog)
    , toggle_(new QAction(this))
    , compareLabel_(new QLabel(this))
    , baselines_(new QComboBox(this))
    , differenceLabel_(new QLabel(this))
    , leftCaption_(new QLabel(this))
    , rightCaption_(new QLabel(this))
    , left_(new SequenceDiagramView(this))
    , right_(new SequenceDiagramView(this))
    , leftMarker_(new DifferenceMarker(left_))
    , rightMarker_(new DifferenceMarker(right_)) {
    setObjectName(QStringLiteral("sideBySide"));
    toggle_->setObjectName(QStringLiteral("sideBySide"));
    toggle_->setCheckable(true);
    toggle_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    left_->setObjectName(QStringLiteral("leftDiagram"));
    right_->setObjectName(QStringLiteral("rightDiagram"));
    baselines_->setObjectName(QStringLiteral("baselines"));
    baselines_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    baselines_->setMinimumContentsLength(16);
    differenceLabel_->setObjectName(QStringLiteral("firstDifference"));
    differenceLabel_->setWordWrap(true);
    differenceLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    compareLabel_->setBuddy(baselines_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 0);
    layout->setSpacing(4);
    auto* top = new QHBoxLayout;
    top->addWidget(compareLabel_);
    top->addWidget(baselines_, 1);
    layout->addLayout(top);
    layout->addWidget(differenceLabel_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    for (auto [caption, view] :
         {std::pair{leftCaption_, left_}, std::pair{rightCaption_, right_}}) {
        auto* pane = new QWidget(splitter);
        auto* column = new QVBoxLayout(pane);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        caption->setParent(pane);
        caption->setWordWrap(true);
        QFont bold = caption->font();
        bold.setBold(true);
        caption->setFont(bold);
        view->setParent(pane);
        column->addWidget(caption);
        column->addWidget(view, 1);
        splitter->addWidget(pane);
    }
    layout->addWidget(splitter, 1);
    connect(splitter, &QSplitter::splitterMoved, this, &SideBySideView::fitFonts);
    hide();

    fillBaselines();
    retranslate();

    connect(toggle_, &QAction::toggled, this, &SideBySideView::setActive);
    connect(baselines_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(document_, &Document::runChanged, this, [this] { refresh(); });
    connect(player_, &Player::timeChanged, this, [this](SimTime time) {
        if (active_) {
            left_->setTime(time);
            right_->setTime(time);
        }
    });
    for (SequenceDiagramView* view : {left_, right_}) {
        connect(view, &SequenceDiagramView::timeRequested, player_, &Player::seek);
        connect(view, &SequenceDiagramView::segmentClicked, view,
                [view](SegmentId id) { view->setSelectedSegment(id); });
        connect(view, &SequenceDiagramView::selectionCleared, view,
                [view] { view->setSelectedSegment(std::nullopt); });
    }
}

void SideBySideView::attach(QMainWindow* window, QWidget* single) {
    window_ = window;
    single_ = single;
    window_->addAction(toggle_);
}

void SideBySideView::setActive(bool active) {
    if (active == active_ || window_ == nullptr) {
        toggle_->setChecked(active_);
        return;
    }
    active_ = active;
    toggle_->setChecked(active);
    if (active) {
        // Two diagrams need the width the side panels take; the bottom ones (the event log,
        // the sysctls to make a variant with) stay.
        savedLayout_ = window_->saveState();
        for (QDockWidget* dock : window_->findChildren<QDockWidget*>()) {
            const Qt::DockWidgetArea area = window_->dockWidgetArea(dock);
            if (!dock->isFloating() &&
                (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea)) {
                dock->hide();
            }
        }
        single_->hide();
        show();
        refresh();
    } else {
        hide();
        single_->show();
        window_->restoreState(savedLayout_);
    }
}

void SideBySideView::fillBaselines() {
    const QString current = baselines_->currentData().toString();
    const QSignalBlocker blocker(baselines_);
    baselines_->clear();
    baselines_->addItem(tr("The scenario as opened, before the what-if edits"), QString());
    for (const PresetCatalog::Preset& preset : catalog_->presets()) {
        if (!preset.scenario.load) {
            baselines_->addItem(
                tr("Preset: %1").arg(PresetCatalog::localized(preset.scenario.title)),
                QString::fromStdString(preset.scenario.id));
        }
    }
    baselines_->setCurrentIndex(std::max(0, baselines_->findData(current)));
}

void SideBySideView::setBaseline(int choice) {
    baselines_->setCurrentIndex(choice);
}

int SideBySideView::baseline() const {
    return baselines_->currentIndex();
}

std::optional<Scenario> SideBySideView::baselineScenario() const {
    const QString id = baselines_->currentData().toString();
    if (id.isEmpty()) {
        return document_->original();
    }
    const PresetCatalog::Preset* preset = catalog_->find(id);
    return preset != nullptr ? std::optional(preset->scenario) : std::nullopt;
}

void SideBySideView::refresh() {
    if (!active_) {
        return;
    }
    const std::optional<Scenario> wanted = baselineScenario();
    if (wanted != leftScenario_ || !leftRun_) {
        leftScenario_ = wanted;
        leftError_.clear();
        leftRun_ = wanted ? Document::simulate(*wanted, &leftError_) : nullptr;
        left_->setRun(leftRun_);
    }
    right_->setRun(document_->run());
    left_->setTime(player_->time());
    right_->setTime(player_->time());
    rightCaption_->setText(document_->differsFromOriginal()
                               ? tr("Right: now, with your what-if edits")
                               : tr("Right: now (no what-if edits yet)"));
    leftCaption_->setText(tr("Left: %1").arg(baselines_->currentText()));
    showDifference();
    fitFonts();
}

void SideBySideView::fitFonts() {
    const QFont base = font();
    for (auto [view, run] : {std::pair{left_, leftRun_}, std::pair{right_, document_->run()}}) {
        QFont fitted = base;
        if (run) {
            const double needed = DiagramLayout(run, base, 0, view->zoom()).size().width();
            const double room = view->viewport()->width();
            if (needed > room && needed > 0) {
                fitted.setPointSizeF(base.pointSizeF() *
                                     std::max(kSmallestFontScale, room / needed));
            }
        }
        if (view->font() != fitted) {
            view->setFont(fitted);
        }
    }
}

void SideBySideView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (active_) {
        fitFonts();
    }
}

void SideBySideView::showDifference() {
    const RunPtr& rightRun = document_->run();
    difference_.reset();
    if (leftRun_ && rightRun) {
        difference_ = FirstDifference::find(leftRun_->trace(), rightRun->trace());
    }
    const QString label = tr("first difference");
    marker(leftMarker_)
        ->setMark(difference_ ? std::optional(difference_->at()) : std::nullopt, label);
    marker(rightMarker_)
        ->setMark(difference_ ? std::optional(difference_->at()) : std::nullopt, label);
    left_->setSelectedSegment(difference_ ? segmentOf(leftRun_, difference_->factA())
                                          : std::nullopt);
    right_->setSelectedSegment(difference_ ? segmentOf(rightRun, difference_->factB())
                                           : std::nullopt);
    differenceLabel_->setText(differenceText());
}

QString SideBySideView::differenceText() const {
    if (!leftRun_) {
        return tr("The run to compare with cannot be shown: %1").arg(leftError_);
    }
    if (!document_->run()) {
        return {};
    }
    if (!difference_) {
        return tr("The two runs are the same. Make a what-if edit (drop a segment, change a "
                  "sysctl, add a call) or compare with another preset.");
    }
    return difference_->sentence(leftRun_->trace(), document_->run()->trace(), tr("the left run"),
                                 tr("the right run"));
}

void SideBySideView::retranslate() {
    setActionText(toggle_, tr("&Side by Side"),
                  tr("Compare the run with another side by side: the scenario as opened, or a "
                     "preset"));
    compareLabel_->setText(tr("&Compare with:"));
    fillBaselines();
    left_->setAccessibleName(tr("Sequence diagram of the run compared with"));
    right_->setAccessibleName(tr("Sequence diagram of the current run"));
    differenceLabel_->setAccessibleName(tr("Where the two runs first differ"));
    if (active_) {
        refresh();
    }
}

void SideBySideView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
}

} // namespace tdl::ui
