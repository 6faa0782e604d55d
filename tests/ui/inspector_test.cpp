#include "CauseCatalog.h"
#include "Document.h"
#include "InspectorView.h"
#include "PresetCatalog.h"
#include "handmade_trace.h"

#include <QLocale>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(Inspector, ShowsTheHeadersAndWhatTheReceiverDidWithTheSegment) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(300ms);
    view.setSegment(5); // the client's FIN
    const QString text = view.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("FIN,ACK · #6"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("101 relative, 1101 absolute"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("TSval"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("What the receiver did")));
    EXPECT_TRUE(text.contains(CauseCatalog::sentence(Reason(Cause::RcvFin))));
    // What the FIN caused at the server: CLOSE-WAIT.
    EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED → CLOSE-WAIT"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QLatin1String("Not sent yet")));
    view.setTime(100ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("Not sent yet")));
}

// Since window scaling the field is in units of 2^shift bytes, the shift the sender announced on
// its SYN: the inspector shows the field, the unit and the bytes; a SYN's field is bytes.
TEST(Inspector, AScaledWindowIsShownAsTheFieldTimesItsUnitInBytes) {
    const PresetCatalog presets;
    const RunPtr run =
        Document::simulate(presets.find(QStringLiteral("four-way-close"))->scenario, nullptr);
    ASSERT_TRUE(run);
    const Trace& trace = run->trace();
    // The client's SYN and its first segment after the handshake, as the wire has them.
    const SegmentRecord& syn = trace.segments.front();
    ASSERT_TRUE(syn.segment.has(flag::kSyn) && !syn.segment.has(flag::kAck));
    ASSERT_GT(syn.segment.windowScale, 0) << "the preset's hosts scale their windows";
    SegmentId after = kNoSegment;
    for (SegmentId id = 1; id < trace.segments.size() && after == kNoSegment; ++id) {
        if (trace.segments[id].from == syn.from && !trace.segments[id].segment.has(flag::kSyn)) {
            after = id;
        }
    }
    ASSERT_NE(after, kNoSegment);
    const Segment& s = trace.segments[after].segment;
    const std::uint64_t unit = std::uint64_t{1} << syn.segment.windowScale;
    const QLocale locale;

    InspectorView view;
    view.setRun(run);
    view.setTime(trace.end);
    view.setSegment(after);
    const QString text = view.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("%1 (× %2 = %3 bytes)")
                                  .arg(s.window)
                                  .arg(locale.toString(static_cast<qulonglong>(unit)),
                                       locale.toString(static_cast<qulonglong>(s.window * unit)))))
        << text.toStdString();
    view.setSegment(0);
    EXPECT_TRUE(view.toPlainText().contains(QStringLiteral("%1 bytes (never scaled on a SYN)")
                                                .arg(locale.toString(syn.segment.window))))
        << view.toPlainText().toStdString();
}

// Without the option on both SYNs nothing is scaled; without the handshake the unit is unknown.
TEST(Inspector, AWindowIsBytesWithoutScalingAndItsUnitUnknownWithoutTheHandshake) {
    Trace trace = test::handmadeFourWayClose();
    ASSERT_TRUE(trace.segments[0].segment.has(flag::kSyn));
    ASSERT_LT(trace.segments[1].segment.windowScale, 0) << "the SYN,ACK has no window scale";
    trace.segments[0].segment.windowScale = 7;
    const auto shown = [](Trace t, SegmentId id) {
        InspectorView view;
        view.setRun(std::make_shared<const ui::Run>(std::move(t)));
        view.setTime(400ms);
        view.setSegment(id);
        return view.toPlainText();
    };
    const std::uint16_t window = trace.segments[2].segment.window;
    EXPECT_TRUE(shown(trace, 2).contains(
        QStringLiteral("%1 bytes (not scaled)").arg(QLocale().toString(window))))
        << shown(trace, 2).toStdString();
    // A capture that starts after the handshake.
    trace.segments[0].segment.flags = flag::kAck;
    trace.segments[1].segment.flags = flag::kAck;
    EXPECT_TRUE(shown(trace, 2).contains(
        QStringLiteral("%1 (in units the handshake set, which is not in the trace)").arg(window)))
        << shown(trace, 2).toStdString();
}

TEST(Inspector, WithNothingSelectedListsTheSocketsStatesAtTheCursor) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(215ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("CLOSE-WAIT")));
    // The heading names the cursor's time, not that of the event before it (210 ms).
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("Sockets at 215 ms")))
        << view.toPlainText().toStdString();
    view.setTime(275ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("TIME-WAIT")));
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("LAST-ACK")));
}

TEST(Inspector, AtTheStartListsOnlyTheSocketsThatExistAlready) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(0ms);
    const QString start = view.toPlainText();
    // The listener listens and the client connects at 0 ms; the server's connection socket is
    // born at 10 ms, when the SYN arrives: it is not shown as CLOSED before that.
    EXPECT_TRUE(start.contains(QLatin1String("LISTEN"))) << start.toStdString();
    EXPECT_TRUE(start.contains(QLatin1String("SYN-SENT"))) << start.toStdString();
    EXPECT_FALSE(start.contains(QLatin1String("CLOSED"))) << start.toStdString();
    EXPECT_EQ(start.count(QStringLiteral(" · ")), 2) << start.toStdString();
    view.setTime(10ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("SYN-RECEIVED")))
        << view.toPlainText().toStdString();
}

} // namespace
} // namespace tdl::ui
