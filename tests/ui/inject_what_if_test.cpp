// "Inject a segment here": each kind filled from the trace at that moment, run through the
// engine as an undoable what-if, and the custom segment dialog's fields.

#include "CraftedSegmentDialog.h"
#include "Document.h"
#include "InjectWhatIf.h"
#include "ScenarioDiff.h"
#include "scenario_builder.h"
#include "trace_query.h"
#include "wire.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;
using Kind = InjectWhatIf::Kind;

// The classroom connection, closed by the client at 300 ms: at 100 ms both sides are
// ESTABLISHED with the request and the response exchanged.
Scenario classroom() {
    return test::connectedPair().close(300ms, "client", "c").close(330ms, "server", "s").build();
}

// The server's connection "s" as a target at `at`.
InjectWhatIf::Target serverTarget(const Run& run, SimTime at) {
    const auto server = static_cast<HostId>(test::TraceQuery(run.trace()).host("server"));
    const auto targets = InjectWhatIf::targetsAt(run, server, at);
    EXPECT_EQ(targets.size(), 1U);
    return targets.empty() ? InjectWhatIf::Target{} : targets.front();
}

// The edit of `kind` into the server's "s" at 100 ms, applied to a document, with undo and redo
// checked; returns the edited run's trace.
Trace injectIntoServer(Kind kind, const std::function<void(CraftedSegment&)>& adjust = {}) {
    Document document;
    const Scenario original = classroom();
    EXPECT_FALSE(document.open(original, QString()).has_value());
    const RunPtr before = document.run();
    CraftedSegment segment =
        InjectWhatIf::prefill(*before, serverTarget(*before, 100ms), kind, 100ms);
    if (adjust) {
        adjust(segment);
    }
    const auto edit = InjectWhatIf::inject(document.scenario(), *before, segment, kind);
    EXPECT_TRUE(edit.has_value());
    if (!edit) {
        return before->trace();
    }
    EXPECT_EQ(edit->scenario.crafted.size(), 1U);
    QSignalSpy edited(&document, &Document::edited);
    EXPECT_FALSE(document.edit(edit->scenario, edit->description).has_value());
    EXPECT_EQ(edited.count(), 1);
    // The summary line names the edit.
    EXPECT_TRUE(edited.count() == 1 &&
                edited.front().front().toString().startsWith(edit->description))
        << edit->description.toStdString();
    const RunPtr after = document.run();
    EXPECT_EQ(document.undoStack()->count(), 1);
    EXPECT_EQ(document.undoStack()->undoText(), edit->description);
    document.undoStack()->undo();
    EXPECT_EQ(document.scenario(), original);
    EXPECT_EQ(document.run(), before);
    document.undoStack()->redo();
    EXPECT_EQ(document.scenario(), edit->scenario);
    EXPECT_EQ(document.run(), after);
    return after->trace();
}

TEST(InjectWhatIf, TargetsAreTheNamedConnectionsAliveThen) {
    Document document;
    ASSERT_FALSE(document.open(classroom(), QString()).has_value());
    const ui::Run& run = *document.run();
    const auto server = static_cast<HostId>(test::TraceQuery(run.trace()).host("server"));
    const auto client = static_cast<HostId>(test::TraceQuery(run.trace()).host("client"));
    const auto atServer = InjectWhatIf::targetsAt(run, server, 100ms);
    ASSERT_EQ(atServer.size(), 1U) << "the accepted connection, not the listener";
    EXPECT_EQ(atServer[0].socket, test::TraceQuery(run.trace()).socket("server", "s"));
    EXPECT_EQ(atServer[0].peer, test::TraceQuery(run.trace()).socket("client", "c"));
    EXPECT_TRUE(atServer[0].label.contains(QLatin1String("ESTABLISHED")))
        << atServer[0].label.toStdString();
    // Before the SYN arrives (10 ms) the server has only its listener; in TIME-WAIT the
    // client's socket is still there.
    EXPECT_TRUE(InjectWhatIf::targetsAt(run, server, 5ms).empty());
    const auto inTimeWait = InjectWhatIf::targetsAt(run, client, 10s);
    ASSERT_EQ(inTimeWait.size(), 1U);
    EXPECT_TRUE(inTimeWait[0].label.contains(QLatin1String("TIME-WAIT")))
        << inTimeWait[0].label.toStdString();
}

TEST(InjectWhatIf, BlindInWindowRst_ChallengeAckedUndoably) {
    const Trace trace = injectIntoServer(Kind::BlindRst);
    const test::TraceQuery q(trace);
    const auto rst = test::sentWithCause(trace, "client", Cause::Crafted);
    ASSERT_EQ(rst.size(), 1U) << q.dump();
    EXPECT_EQ(rst[0]->segment.flags, flag::kRst);
    EXPECT_EQ(rst[0]->sentAt, 100ms);
    // In the window, not at rcv_nxt: RFC 5961's challenge ACK, and the connection lives.
    const auto challenges = test::sentWithCause(trace, "server", Cause::ChallengeAckForRst);
    ASSERT_EQ(challenges.size(), 1U) << q.dump();
    EXPECT_NE(test::stateChange(trace, q.socket("server", "s"), TcpState::LastAck), nullptr)
        << "the server's connection lives on and closes second as before";
}

// The server's window field counts units of its window scale: the blind RST goes half-way into
// the window in bytes, well past the field's value, and still gets the challenge ACK.
TEST(InjectWhatIf, BlindInWindowRst_LandsHalfWayIntoTheScaledWindowInBytes) {
    const Trace trace = injectIntoServer(Kind::BlindRst);
    const test::TraceQuery q(trace);
    const SocketInfo* server = trace.socket(q.socket("server", "s"));
    ASSERT_NE(server, nullptr);
    // What the server said last before 100 ms, and the scale both SYNs agreed on.
    const SegmentRecord* last = nullptr;
    std::int8_t scale = -1;
    bool clientScales = false;
    for (const SegmentRecord& record : trace.segments) {
        if (record.sentAt > 100ms) {
            break;
        }
        if (record.segment.has(flag::kSyn)) {
            if (record.segment.sender == server->id) {
                scale = record.segment.windowScale;
            } else {
                clientScales = record.segment.windowScale >= 0;
            }
        }
        if (record.segment.sender == server->id) {
            last = &record;
        }
    }
    ASSERT_NE(last, nullptr);
    ASSERT_TRUE(clientScales);
    ASSERT_GT(scale, 0) << "the classroom hosts scale their windows";
    const std::uint64_t bytes = std::uint64_t{last->segment.window} << scale;
    const auto rst = test::sentWithCause(trace, "client", Cause::Crafted);
    ASSERT_EQ(rst.size(), 1U) << q.dump();
    // rcv_nxt: the client's SYN and its 100 bytes.
    const auto offset = static_cast<std::uint32_t>(rst[0]->segment.seq - (server->peerIsn + 101));
    EXPECT_EQ(offset, bytes / 2);
    EXPECT_GT(offset, last->segment.window) << "past the raw field: the field is not bytes";
    EXPECT_EQ(test::sentWithCause(trace, "server", Cause::ChallengeAckForRst).size(), 1U)
        << q.dump();
}

TEST(InjectWhatIf, OldDuplicateSyn_IsTheClientsIsnAgain) {
    const Trace trace = injectIntoServer(Kind::OldDuplicateSyn);
    const test::TraceQuery q(trace);
    const auto syn = test::sentWithCause(trace, "client", Cause::Crafted);
    ASSERT_EQ(syn.size(), 1U);
    EXPECT_EQ(syn[0]->segment.flags, flag::kSyn);
    EXPECT_EQ(syn[0]->segment.seq, trace.socket(q.socket("client", "c"))->isn);
    // tcp_validate_incoming(): a SYN in a synchronized state gets a challenge ACK.
    EXPECT_EQ(test::sentWithCause(trace, "server", Cause::ChallengeAckForSyn).size(), 1U)
        << q.dump();
}

TEST(InjectWhatIf, StaleFin_IsAckedAsADuplicate) {
    const Trace trace = injectIntoServer(Kind::StaleFin);
    const test::TraceQuery q(trace);
    const auto fin = test::sentWithCause(trace, "client", Cause::Crafted);
    ASSERT_EQ(fin.size(), 1U);
    EXPECT_EQ(fin[0]->segment.flags, flag::kFin | flag::kAck);
    // One below rcv_nxt (the client's 100 bytes: rcv_nxt = ISN + 101).
    const SocketInfo* server = trace.socket(q.socket("server", "s"));
    EXPECT_EQ(fin[0]->segment.seq, server->peerIsn + 100);
    EXPECT_EQ(test::deliveryCause(trace, *fin[0]), Cause::AckDuplicate) << q.dump();
    EXPECT_EQ(test::stateChange(trace, q.socket("server", "s"), TcpState::CloseWait)->at, 310ms)
        << "the stale FIN did not close the server's side; the client's real FIN did";
}

TEST(InjectWhatIf, CustomSegment_TheDialogsFieldsBecomeTheSegment) {
    Document document;
    ASSERT_FALSE(document.open(classroom(), QString()).has_value());
    const ui::Run& run = *document.run();
    const CraftedSegment start =
        InjectWhatIf::prefill(run, serverTarget(run, 100ms), Kind::Custom, 100ms);
    EXPECT_EQ(start.flags, flag::kAck);
    EXPECT_EQ(start.seq, (CraftedNumber{101, true}));
    EXPECT_EQ(start.ack, (CraftedNumber{201, true}));

    CraftedSegmentDialog dialog(start, QStringLiteral("into s"), nullptr);
    EXPECT_EQ(dialog.segment(), start) << "untouched, the dialog gives back what it was given";
    dialog.findChild<QCheckBox*>(QStringLiteral("flagACK"))->setChecked(false);
    dialog.findChild<QCheckBox*>(QStringLiteral("flagPSH"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("seq"))->setText(QStringLiteral("4000000000"));
    dialog.findChild<QCheckBox*>(QStringLiteral("seqRelative"))->setChecked(false);
    dialog.findChild<QSpinBox*>(QStringLiteral("length"))->setValue(10);
    dialog.findChild<QCheckBox*>(QStringLiteral("hasWindowScale"))->setChecked(true);
    dialog.findChild<QSpinBox*>(QStringLiteral("windowScale"))->setValue(7);
    dialog.findChild<QCheckBox*>(QStringLiteral("hasTimestamp"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("tsVal"))->setText(QStringLiteral("12345"));
    dialog.findChild<QCheckBox*>(QStringLiteral("ecrRelative"))->setChecked(true);
    const CraftedSegment custom = dialog.segment();
    EXPECT_EQ(custom.flags, flag::kPsh);
    EXPECT_EQ(custom.seq, (CraftedNumber{4000000000U, false}));
    EXPECT_EQ(custom.length, 10U);
    EXPECT_EQ(custom.windowScale, 7);
    ASSERT_TRUE(custom.timestamp.has_value());
    EXPECT_EQ(custom.timestamp->value, 12345U);
    EXPECT_TRUE(custom.timestamp->echo.relative);
    EXPECT_EQ(custom.time, start.time);
    EXPECT_EQ(custom.socket, start.socket);

    // A number that is not one keeps OK disabled.
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled());
    dialog.findChild<QLineEdit*>(QStringLiteral("ack"))->setText(QStringLiteral("4294967296"));
    EXPECT_FALSE(ok->isEnabled());
}

TEST(InjectWhatIf, CustomDataWithoutAck_DiscardedUndoably) {
    // tcp_rcv_state_process(): data without ACK is discarded.
    const Trace trace = injectIntoServer(Kind::Custom, [](CraftedSegment& segment) {
        segment.flags = flag::kPsh;
        segment.length = 10;
    });
    const auto data = test::sentWithCause(trace, "client", Cause::Crafted);
    ASSERT_EQ(data.size(), 1U);
    EXPECT_EQ(test::deliveryCause(trace, *data[0]), Cause::NotAcceptable);
}

TEST(InjectWhatIf, TheSameSegmentTwiceIsNoSecondEdit) {
    Document document;
    ASSERT_FALSE(document.open(classroom(), QString()).has_value());
    const ui::Run& run = *document.run();
    const CraftedSegment segment =
        InjectWhatIf::prefill(run, serverTarget(run, 100ms), Kind::BlindRst, 100ms);
    const auto edit = InjectWhatIf::inject(document.scenario(), run, segment, Kind::BlindRst);
    ASSERT_TRUE(edit.has_value());
    EXPECT_FALSE(InjectWhatIf::inject(edit->scenario, run, segment, Kind::BlindRst).has_value());
    // An overlay's legend tells the two runs apart by it.
    const ScenarioDiff diff(document.scenario(), edit->scenario);
    EXPECT_EQ(diff.a(), QStringList{QStringLiteral("crafted=0")});
    EXPECT_EQ(diff.b(), QStringList{QStringLiteral("crafted=1")});
}

} // namespace
} // namespace tdl::ui
