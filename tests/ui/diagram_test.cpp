#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "Document.h"
#include "PresetCatalog.h"
#include "QtWarningGuard.h"
#include "SequenceDiagramView.h"
#include "handmade_trace.h"
#include "load_run.h"
#include "scenario_builder.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

class DiagramTest : public testing::Test {
protected:
    RunPtr run_ = std::make_shared<const ui::Run>(test::handmadeFourWayClose());
    DiagramLayout layout_{run_, QApplication::font(), 900, 1.0};
};

// A point just above the middle of a segment's arrow, where its label is.
QPointF onArrow(const DiagramLayout& layout, SegmentId id, double at = 0.5) {
    return layout.arrow(id).pointAt(at);
}

TEST_F(DiagramTest, EveryArrowMapsBackToItsSegment) {
    for (SegmentId id = 0; id < run_->trace().segments.size(); ++id) {
        const auto hit = layout_.segmentAt(onArrow(layout_, id, 0.3), run_->trace().end, false);
        ASSERT_TRUE(hit.has_value()) << id;
        EXPECT_EQ(*hit, id);
    }
}

TEST_F(DiagramTest, NothingIsHitFarFromTheArrows) {
    const QPointF between(layout_.size().width() / 2, layout_.y(120ms));
    EXPECT_FALSE(layout_.segmentAt(between, run_->trace().end, true).has_value());
    EXPECT_FALSE(layout_.segmentAt(QPointF(2, 2), run_->trace().end, true).has_value());
}

TEST_F(DiagramTest, SegmentsInTheFutureAreHitOnlyWhenShown) {
    const SegmentId fin = 5; // the client's FIN at 200 ms
    ASSERT_TRUE(run_->trace().segments[fin].segment.has(flag::kFin));
    const QPointF p = onArrow(layout_, fin, 0.3);
    EXPECT_FALSE(layout_.segmentAt(p, 100ms, false).has_value());
    EXPECT_EQ(layout_.segmentAt(p, 100ms, true), fin);
    // Half-way through its flight, only the drawn half can be hit.
    EXPECT_EQ(layout_.segmentAt(onArrow(layout_, fin, 0.2), 205ms, false), fin);
    EXPECT_FALSE(layout_.segmentAt(onArrow(layout_, fin, 0.9), 205ms, false).has_value());
}

TEST_F(DiagramTest, ArrowsGoFromSenderToReceiverAndALossEndsHalfWay) {
    const RunPtr faulty = std::make_shared<const ui::Run>(test::handmadeFaultyClose());
    const DiagramLayout layout(faulty, QApplication::font(), 900, 1.0);
    const double client = layout.lifelineX(0);
    const double server = layout.lifelineX(1);
    for (SegmentId id = 0; id < faulty->trace().segments.size(); ++id) {
        const QLineF arrow = layout.arrow(id);
        const bool fromClient = faulty->trace().segments[id].from == 0;
        EXPECT_LT(std::abs(arrow.x1() - (fromClient ? client : server)), 20) << id;
        EXPECT_GE(arrow.y2(), arrow.y1());
        if (faulty->index().segment(id).fate == TraceIndex::Fate::Dropped) {
            EXPECT_NEAR(arrow.x2(), (client + server) / 2, 20) << id;
        } else {
            EXPECT_LT(std::abs(arrow.x2() - (fromClient ? server : client)), 20) << id;
        }
    }
}

TEST_F(DiagramTest, ProgressFollowsTheAxis) {
    const SegmentId fin = 5;
    EXPECT_EQ(layout_.progress(fin, 199ms), 0.0);
    EXPECT_NEAR(layout_.progress(fin, 205ms), 0.5, 0.01);
    EXPECT_EQ(layout_.progress(fin, 210ms), 1.0);
}

TEST_F(DiagramTest, PaintingDrawsSomethingAndWarnsAboutNothing) {
    const test::QtWarningGuard guard;
    QImage image(layout_.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    const DiagramColors colors(QApplication::palette());
    DiagramFrame frame;
    frame.time = 205ms;
    frame.selected = 5;
    {
        QPainter painter(&image);
        DiagramPainter(layout_, colors, frame).paint(painter, QRectF(QPointF(), layout_.size()), 0);
    }
    // The FIN's arrow has a coloured pixel half-way along its drawn part.
    const QPoint p = onArrow(layout_, 5, 0.25).toPoint();
    EXPECT_NE(image.pixelColor(p), colors.background());
    EXPECT_TRUE(guard.messages().empty()) << guard.report().toStdString();
}

TEST_F(DiagramTest, ViewExportsPngAndSvg) {
    SequenceDiagramView view;
    view.resize(900, 600);
    view.setRun(run_);
    view.setTime(205ms);
    const QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("d.png"));
    const QString svg = dir.filePath(QStringLiteral("d.svg"));
    EXPECT_FALSE(view.exportPng(png, {}).has_value());
    EXPECT_FALSE(view.exportSvg(svg, {}).has_value());
    QImage image(png);
    EXPECT_EQ(image.width(), static_cast<int>(view.layout().size().width() * 2));
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.contains("<svg"));
    EXPECT_TRUE(text.contains("FIN,ACK"));
    EXPECT_TRUE(view.exportPng(dir.filePath(QStringLiteral("missing/d.png")), {}).has_value());
}

// The rows of an image where the time cursor's colour fills most of the gutter's pill.
int cursorRows(const QImage& image, const QColor& cursor, int gutter) {
    int rows = 0;
    for (int y = 0; y < image.height(); ++y) {
        int hits = 0;
        for (int x = 0; x < gutter; ++x) {
            hits += image.pixelColor(x, y).rgb() == cursor.rgb() ? 1 : 0;
        }
        rows += hits > gutter / 3 ? 1 : 0;
    }
    return rows;
}

TEST_F(DiagramTest, AnExportedImageHasATitleAndNoCursorUnlessAsked) {
    SequenceDiagramView view;
    view.resize(900, 600);
    view.setRun(run_);
    view.setTime(205ms);
    const QTemporaryDir dir;
    const QString bare = dir.filePath(QStringLiteral("bare.png"));
    const QString titled = dir.filePath(QStringLiteral("titled.png"));
    const QString cursor = dir.filePath(QStringLiteral("cursor.png"));
    ASSERT_FALSE(view.exportPng(bare, {}).has_value());
    ASSERT_FALSE(view.exportPng(titled, {QStringLiteral("The four-way close"), false}).has_value());
    ASSERT_FALSE(view.exportPng(cursor, {QStringLiteral("The four-way close"), true}).has_value());
    const QImage bareImage(bare);
    const QImage titledImage(titled);
    const QImage cursorImage(cursor);
    const SequenceDiagramView::ExportOptions withTitle{QStringLiteral("x"), false};
    EXPECT_GT(view.exportTitleHeight(withTitle), 0);
    EXPECT_EQ(titledImage.height(),
              qRound((view.layout().size().height() + view.exportTitleHeight(withTitle)) * 2));
    EXPECT_EQ(bareImage.height(), qRound(view.layout().size().height() * 2));
    // The cursor's pill sits in the time gutter: present only when asked for.
    const QColor ink = DiagramColors(view.palette()).cursor();
    const int gutter = qRound(view.layout().gutterWidth() * 2);
    EXPECT_EQ(cursorRows(titledImage, ink, gutter), 0);
    EXPECT_GT(cursorRows(cursorImage, ink, gutter), 10);
    const QString svg = dir.filePath(QStringLiteral("titled.svg"));
    ASSERT_FALSE(view.exportSvg(svg, {QStringLiteral("The four-way close"), false}).has_value());
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().contains("The four-way close"));
}

TEST_F(DiagramTest, LossesDelaysCopiesAndRetransmissionsAreMarked) {
    SequenceDiagramView view;
    view.resize(900, 600);
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFaultyClose()));
    view.setTime(SimTime(520ms));
    const QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("faulty.svg"));
    ASSERT_FALSE(view.exportSvg(svg, {}).has_value());
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("(copy)")));
    EXPECT_TRUE(text.contains(QStringLiteral("×2")));
    EXPECT_TRUE(text.contains(QStringLiteral("(+100 ms)")));
    EXPECT_TRUE(text.contains(QStringLiteral("↻ FIN,ACK")));
    EXPECT_TRUE(text.contains(QStringLiteral("Data corruption")));
}

TEST_F(DiagramTest, ClickingSelectsAndReportsTheSegment) {
    SequenceDiagramView view;
    view.resize(900, 2000);
    view.show();
    view.setRun(run_);
    view.setTime(run_->trace().end);
    QSignalSpy clicked(&view, &SequenceDiagramView::segmentClicked);
    QSignalSpy cleared(&view, &SequenceDiagramView::selectionCleared);
    const QPointF content = onArrow(view.layout(), 5, 0.3);
    const QPoint pos =
        (content - QPointF(view.horizontalScrollBar()->value(), view.verticalScrollBar()->value()))
            .toPoint();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pos);
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.at(0).at(0).value<SegmentId>(), 5U);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(3, view.viewport()->height() - 3));
    EXPECT_EQ(cleared.count(), 1);
}

TEST_F(DiagramTest, ZoomStretchesTheTimeAxisWithinLimits) {
    SequenceDiagramView view;
    view.resize(900, 600);
    view.setRun(run_);
    const double height = view.layout().size().height();
    view.setZoom(2.0);
    EXPECT_DOUBLE_EQ(view.zoom(), 2.0);
    EXPECT_NEAR(view.layout().size().height() - view.layout().headerHeight(),
                2 * (height - view.layout().headerHeight()), 0.6 * height);
    EXPECT_GT(view.layout().size().height(), 1.5 * height);
    for (int i = 0; i < 20; ++i) {
        view.zoomIn();
    }
    EXPECT_LE(view.zoom(), 6.0);
    for (int i = 0; i < 40; ++i) {
        view.zoomOut();
    }
    EXPECT_GE(view.zoom(), 0.25);
}

TEST(DiagramLabels, NeverOverlapAndStayNearTheirPlace) {
    // Many small writes: hundreds of segments, state changes and RTO timers close together.
    test::ScenarioBuilder builder = test::connectedPair();
    for (int i = 0; i < 60; ++i) {
        builder.send(100ms + i * 2ms, "client", "c", 300);
    }
    const RunPtr run = Document::simulate(builder.close(1s, "client", "c").build(), nullptr);
    ASSERT_TRUE(run);
    const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
    const double line = layout.metrics().height();
    std::vector<DiagramLayout::Label> labels = layout.labels();
    ASSERT_FALSE(labels.empty());
    std::sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) {
        return a.host != b.host ? a.host < b.host : a.y < b.y;
    });
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_LE(std::abs(labels[i].y + line / 2 - labels[i].anchorY), 2 * line + 0.01);
        if (i > 0 && labels[i].host == labels[i - 1].host) {
            EXPECT_GE(labels[i].y - labels[i - 1].y, line - 0.02) << labels[i].text.toStdString();
        }
    }
    // Every state the client goes through is labelled.
    const SocketId client = run->index().firstActiveSocket();
    const auto states = run->index().stateSpans(client);
    const auto labelled = std::count_if(labels.begin(), labels.end(), [&](const auto& label) {
        return label.kind == DiagramLayout::Label::Kind::State &&
               run->index().stateSpans()[label.item].socket == client;
    });
    EXPECT_EQ(static_cast<std::size_t>(labelled), states.size());
}

// Where a run's segment labels overlap when it is drawn at the default zoom in a view `width`
// pixels wide: each pair as "label | label". With onlySentTogether, only pairs of segments that
// one host sent at the same instant count.
std::vector<std::string> overlappingLabels(const RunPtr& run, double width,
                                           bool onlySentTogether = false) {
    const DiagramLayout layout(run, QApplication::font(), width, 1.0);
    const DiagramColors colors(QApplication::palette());
    DiagramFrame frame;
    frame.time = run->trace().end;
    const DiagramPainter painter(layout, colors, frame);
    struct Outline {
        SegmentId id;
        QPolygonF polygon;
        QRectF bounds;
    };
    std::vector<Outline> outlines;
    for (SegmentId id = 0; id < run->trace().segments.size(); ++id) {
        const QPolygonF polygon = painter.segmentLabelOutline(id);
        outlines.push_back({id, polygon, polygon.boundingRect()});
    }
    std::sort(outlines.begin(), outlines.end(),
              [](const Outline& a, const Outline& b) { return a.bounds.top() < b.bounds.top(); });
    const auto together = [&](SegmentId a, SegmentId b) {
        const SegmentRecord& x = run->trace().segments[a];
        const SegmentRecord& y = run->trace().segments[b];
        return x.from == y.from && x.sentAt == y.sentAt;
    };
    std::vector<std::string> overlaps;
    for (std::size_t i = 0; i < outlines.size(); ++i) {
        for (std::size_t j = i + 1;
             j < outlines.size() && outlines[j].bounds.top() < outlines[i].bounds.bottom(); ++j) {
            const SegmentId a = outlines[i].id;
            const SegmentId b = outlines[j].id;
            if ((!onlySentTogether || together(a, b)) &&
                outlines[i].polygon.intersects(outlines[j].polygon)) {
                overlaps.push_back((painter.segmentLabel(a).text + QStringLiteral(" | ") +
                                    painter.segmentLabel(b).text)
                                       .toStdString());
            }
        }
    }
    return overlaps;
}

std::string describe(const std::vector<std::string>& overlaps) {
    return overlaps.empty()
               ? std::string()
               : std::to_string(overlaps.size()) + " overlaps, first " + overlaps.front();
}

// The pairs of segments one host sends at the same instant.
std::vector<std::pair<SegmentId, SegmentId>> sentTogether(const Trace& trace) {
    std::vector<std::pair<SegmentId, SegmentId>> pairs;
    for (SegmentId a = 0; a < trace.segments.size(); ++a) {
        for (SegmentId b = a + 1; b < trace.segments.size(); ++b) {
            if (trace.segments[a].from == trace.segments[b].from &&
                trace.segments[a].sentAt == trace.segments[b].sentAt) {
                pairs.emplace_back(a, b);
            }
        }
    }
    return pairs;
}

// Connection #42 of a load preset, as "Open in Sequence Diagram" shows it.
RunPtr loadConnection(const QString& preset) {
    const PresetCatalog presets;
    const PresetCatalog::Preset* found = presets.find(preset);
    return found == nullptr
               ? nullptr
               : std::make_shared<const ui::Run>(traceLoadConnection(found->scenario, 42));
}

TEST(DiagramRows, ALoadConnectionsLabelsKeepApartAndWholeAtTheDefaultZoom) {
    // Loopback-like, 1 ms each way: the ACK that ends the handshake and the request leave
    // together, and so do the server's ACK, its answer and maybe its FIN.
    const PresetCatalog presets;
    for (const PresetCatalog::Preset& preset : presets.presets()) {
        if (!preset.scenario.load) {
            continue;
        }
        SCOPED_TRACE(preset.scenario.id);
        const RunPtr run =
            std::make_shared<const ui::Run>(traceLoadConnection(preset.scenario, 42));
        ASSERT_GT(run->trace().segments.size(), 8U);
        EXPECT_FALSE(sentTogether(run->trace()).empty());
        for (const double width : {700.0, 900.0, 1400.0}) {
            EXPECT_EQ(describe(overlappingLabels(run, width)), "") << width;
        }
        const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
        const DiagramColors colors(QApplication::palette());
        const DiagramFrame frame;
        const DiagramPainter painter(layout, colors, frame);
        for (SegmentId id = 0; id < run->trace().segments.size(); ++id) {
            const QString text = painter.segmentLabel(id).text;
            EXPECT_FALSE(text.contains(QChar(0x2026))) << text.toStdString() << " is elided";
        }
    }
}

TEST(DiagramRows, SegmentsSentTogetherLeaveARowApartInTheOrderSent) {
    const RunPtr run = loadConnection(QStringLiteral("load/loopback-tw-reuse-0"));
    ASSERT_TRUE(run);
    const Trace& trace = run->trace();
    const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
    const auto pairs = sentTogether(trace);
    ASSERT_FALSE(pairs.empty());
    for (const auto& [a, b] : pairs) {
        const QLineF first = layout.arrow(a);
        const QLineF second = layout.arrow(b);
        // Segment ids follow the order of sending: the later one a row lower, a label high
        // across the arrows, and still at its instant.
        const double across =
            (second.y1() - first.y1()) * std::abs(std::cos(first.angle() * std::numbers::pi / 180));
        EXPECT_GE(across, layout.metrics().height()) << a << " " << b;
        EXPECT_EQ(layout.timeAt(second.y1()), trace.segments[b].sentAt) << a << " " << b;
    }
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        EXPECT_GE(layout.arrow(id).y2(), layout.arrow(id).y1());
        EXPECT_EQ(layout.timeAt(layout.arrow(id).y2()), run->index().segment(id).endAt) << id;
    }
    // An answer leaves from where what it answers arrived: the server's ACK of the request
    // starts at the request's arrow head, a row below the handshake's last ACK.
    const auto request =
        std::find_if(trace.segments.begin(), trace.segments.end(),
                     [](const SegmentRecord& r) { return r.from == 0 && r.segment.length > 0; });
    ASSERT_NE(request, trace.segments.end());
    const auto id = static_cast<SegmentId>(request - trace.segments.begin());
    const auto answer =
        std::find_if(trace.segments.begin(), trace.segments.end(), [&](const SegmentRecord& r) {
            return r.from == 1 && r.sentAt == request->deliveredAt;
        });
    ASSERT_NE(answer, trace.segments.end());
    EXPECT_DOUBLE_EQ(layout.arrow(static_cast<SegmentId>(answer - trace.segments.begin())).y1(),
                     layout.arrow(id).y2());
    EXPECT_GT(layout.arrow(id).y2(), layout.arrow(id - 1).y2());
}

TEST(DiagramRows, ADuplicatesCopyHasAnArrowAndALabelOfItsOwn) {
    FaultRule duplicateFin;
    duplicateFin.from = "client";
    duplicateFin.flags = flag::kFin;
    duplicateFin.nth = 1;
    duplicateFin.action = FaultAction::Duplicate;
    const RunPtr run = Document::simulate(
        test::connectedPair().close(1s, "client", "c").fault(duplicateFin).build(), nullptr);
    ASSERT_TRUE(run);
    const Trace& trace = run->trace();
    const auto copy =
        std::find_if(trace.segments.begin(), trace.segments.end(),
                     [](const SegmentRecord& r) { return r.duplicateOf != kNoSegment; });
    ASSERT_NE(copy, trace.segments.end());
    const auto copyId = static_cast<SegmentId>(copy - trace.segments.begin());
    const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
    const QLineF original = layout.arrow(copy->duplicateOf);
    const QLineF copied = layout.arrow(copyId);
    // A row apart at both ends, a label high across the arrows, and still at its instants.
    const double across = (copied.y1() - original.y1()) *
                          std::abs(std::cos(original.angle() * std::numbers::pi / 180));
    EXPECT_GE(across, layout.metrics().height());
    EXPECT_GT(copied.y2(), original.y2());
    EXPECT_EQ(layout.timeAt(copied.y1()), copy->sentAt);
    EXPECT_TRUE(overlappingLabels(run, 900).empty()) << describe(overlappingLabels(run, 900));
}

TEST(DiagramRows, ABurstIsOneArrowLabelledOnceWithItsSize) {
    // The client never reads: the server answers with a window's worth of segments at once.
    const RunPtr run = loadConnection(QStringLiteral("load/slow-reader-orphans"));
    ASSERT_TRUE(run);
    const Trace& trace = run->trace();
    const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
    const DiagramColors colors(QApplication::palette());
    const DiagramFrame frame;
    const DiagramPainter painter(layout, colors, frame);
    std::map<std::pair<HostId, SimTime>, std::vector<SegmentId>> sends;
    for (SegmentId id = 0; id < trace.segments.size(); ++id) {
        sends[{trace.segments[id].from, trace.segments[id].sentAt}].push_back(id);
    }
    int bursts = 0;
    for (const auto& [when, ids] : sends) {
        if (ids.size() <= static_cast<std::size_t>(DiagramLayout::kLongestGroup)) {
            for (const SegmentId id : ids) {
                EXPECT_EQ(layout.burst(id), 1U);
            }
            continue;
        }
        ++bursts;
        EXPECT_EQ(layout.burst(ids.front()), ids.size());
        EXPECT_TRUE(painter.segmentLabel(ids.front())
                        .text.startsWith(QStringLiteral("%1 segments: ").arg(ids.size())))
            << painter.segmentLabel(ids.front()).text.toStdString();
        for (std::size_t i = 1; i < ids.size(); ++i) {
            EXPECT_EQ(layout.burst(ids[i]), 0U);
            EXPECT_TRUE(painter.segmentLabelOutline(ids[i]).isEmpty());
            EXPECT_EQ(layout.arrow(ids[i]), layout.arrow(ids.front()));
        }
    }
    EXPECT_GT(bursts, 0);
}

TEST(DiagramRows, ClassroomPresetsKeepTheirScaleAndSegmentsSentTogetherApart) {
    const PresetCatalog presets;
    for (const PresetCatalog::Preset& preset : presets.presets()) {
        if (preset.scenario.load) {
            continue;
        }
        SCOPED_TRACE(preset.scenario.id);
        const RunPtr run = Document::simulate(preset.scenario, nullptr);
        ASSERT_TRUE(run);
        EXPECT_EQ(describe(overlappingLabels(run, 900, true)), "");
        if (!sentTogether(run->trace()).empty()) {
            continue;
        }
        // Nothing sent together: the diagram is the time axis alone, as it always was.
        const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
        for (const SimTime t : run->index().eventTimes()) {
            EXPECT_DOUBLE_EQ(layout.y(t) - layout.y(SimTime{}), run->axis().position(t));
        }
    }
    const RunPtr fourWay =
        Document::simulate(presets.find(QStringLiteral("four-way-close"))->scenario, nullptr);
    EXPECT_TRUE(sentTogether(fourWay->trace()).empty());
    EXPECT_EQ(describe(overlappingLabels(fourWay, 900)), "");
}

} // namespace
} // namespace tdl::ui

namespace tdl::ui {
namespace {

RunPtr presetRun(const char* id) {
    const PresetCatalog presets;
    const PresetCatalog::Preset* preset = presets.find(QLatin1String(id));
    return preset == nullptr ? nullptr : Document::simulate(preset->scenario, nullptr);
}

TEST(DiagramLabels, StatesAndTimersOfOneInstantAreStackedApart) {
    // At 1.25 ms the client enters FIN-WAIT-2 (with its timer) and at once TIME-WAIT (with 2MSL).
    const RunPtr run = presetRun("tw-reuse-stale-rst");
    ASSERT_TRUE(run);
    const DiagramLayout layout(run, QApplication::font(), 1200, 1.0);
    const double line = layout.metrics().height();
    std::map<std::pair<HostId, double>, std::vector<const DiagramLayout::Label*>> instants;
    for (const DiagramLayout::Label& label : layout.labels()) {
        instants[{label.host, label.anchorY}].push_back(&label);
    }
    std::size_t largest = 0;
    for (const auto& [where, labels] : instants) {
        largest = std::max(largest, labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                EXPECT_GE(std::abs(labels[i]->y - labels[j]->y), line - 0.02)
                    << labels[i]->text.toStdString() << " | " << labels[j]->text.toStdString();
            }
        }
    }
    EXPECT_GE(largest, 3U); // the case above is there
}

TEST(DiagramLabels, ASteepArrowsLabelIsWrittenLevel) {
    // The RST held up for 3 ms crosses many rows: its arrow is almost vertical.
    const RunPtr run = presetRun("tw-reuse-stale-rst");
    ASSERT_TRUE(run);
    const DiagramLayout layout(run, QApplication::font(), 1200, 1.0);
    const DiagramColors colors(QApplication::palette());
    DiagramFrame frame;
    frame.time = run->trace().end;
    const DiagramPainter painter(layout, colors, frame);
    int steep = 0;
    for (SegmentId id = 0; id < run->trace().segments.size(); ++id) {
        const QTransform t = painter.segmentLabel(id).frame;
        const double tilt = std::abs(std::atan2(t.m12(), t.m11())) * 180 / std::numbers::pi;
        EXPECT_LE(tilt, DiagramPainter::kMaxLabelTilt + 0.01) << id;
        const QLineF arrow = layout.arrow(id);
        const double arrowTilt = std::abs(std::atan2(std::abs(arrow.dy()), std::abs(arrow.dx()))) *
                                 180 / std::numbers::pi;
        if (arrowTilt > DiagramPainter::kMaxLabelTilt) {
            ++steep;
            EXPECT_NEAR(tilt, 0, 0.01) << id;
        }
    }
    EXPECT_GT(steep, 0);
}

// The retransmission timer also runs the tail loss probe: armed for the probe (its reason says
// so, tcp_schedule_loss_probe), the bracket is labelled as the probe's timeout, not as an RTO.
TEST(DiagramLabels, ATailLossProbesTimerIsLabelledPtoNotRto) {
    const RunPtr run = presetRun("lost-final-ack");
    ASSERT_TRUE(run);
    const Trace& trace = run->trace();
    const DiagramLayout layout(run, QApplication::font(), 900, 1.0);
    const auto timers = run->index().timers();
    int probes = 0;
    for (const DiagramLayout::Label& label : layout.labels()) {
        if (label.kind != DiagramLayout::Label::Kind::Timer) {
            continue;
        }
        const TraceIndex::TimerSpan& timer = timers[label.item];
        ASSERT_LT(timer.armedFact, trace.facts.size());
        const Fact& armed = trace.facts[timer.armedFact];
        EXPECT_EQ(armed.kind, FactKind::TimerArmed);
        if (armed.reason.code == Cause::LossProbeArmed) {
            ++probes;
            EXPECT_TRUE(label.text.startsWith(QLatin1String("PTO "))) << label.text.toStdString();
            EXPECT_EQ(layout.timerName(label.item), QStringLiteral("tail loss probe"));
        } else if (timer.kind == TimerKind::Retransmit) {
            EXPECT_TRUE(label.text.startsWith(QLatin1String("RTO "))) << label.text.toStdString();
        }
    }
    EXPECT_EQ(probes, 1) << "the server's FIN, probed once";
}

} // namespace
} // namespace tdl::ui
