// tcp_timewait_state_process()'s verdicts, one test per rule: what a TIME_WAIT record, and an
// orphan's FIN_WAIT2 record, decide for an arriving segment (core/time_wait_verdict.h).

#include "time_wait_verdict.h"

#include <gtest/gtest.h>

#include <optional>

namespace tdl {
namespace {

constexpr std::uint32_t kRcvNxt = 1000;
constexpr std::uint32_t kSndNxt = 5000;
constexpr std::uint32_t kTsRecent = 100;

TimeWaitSock record(TcpState substate) {
    TimeWaitSock tw;
    tw.id = 7;
    tw.host = 0;
    tw.substate = substate;
    tw.rcvWnd = 65535;
    tw.sndNxt = Seq(kSndNxt);
    tw.rcvNxt = Seq(kRcvNxt);
    tw.tsRecent = kTsRecent;
    tw.tsRecentStamp = 10'000;
    return tw;
}

Segment segment(std::uint8_t flags, std::uint32_t seq, std::uint32_t length = 0,
                std::optional<std::uint32_t> tsval = kTsRecent + 1) {
    Segment s;
    s.flags = flags;
    s.seq = Seq(seq);
    s.ack = (flags & flag::kAck) != 0 ? Seq(kSndNxt) : Seq();
    s.length = length;
    if (tsval) {
        s.hasTimestamp = true;
        s.timestamp.value = *tsval;
    }
    return s;
}

TwContext context() {
    return TwContext{.now = SimTime(1s),
                     .nowSeconds = 10'001,
                     .rfc1337 = 0,
                     .acceptsNewerSyn = true,
                     .invalidRateLimit = 500ms};
}

class TimeWaitVerdict : public ::testing::Test {
protected:
    TwDecision decide(const Segment& s, const TwContext& ctx = context()) {
        return tcpTimewaitStateProcess(tw_, s, ctx);
    }
    TimeWaitSock tw_ = record(TcpState::TimeWait);
};

class FinWait2RecordVerdict : public TimeWaitVerdict {
protected:
    FinWait2RecordVerdict() { tw_ = record(TcpState::FinWait2); }
};

// --- TIME_WAIT

TEST_F(TimeWaitVerdict, TimeWait_RetransmittedFin_ReAcksAndRestartsTimer) {
    const TwDecision d = decide(segment(flag::kFin | flag::kAck, kRcvNxt - 1));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::TimeWaitRestarted);
    EXPECT_TRUE(d.restart);
    EXPECT_EQ(d.restartCause, Cause::TimeWaitRestarted);
    EXPECT_FALSE(d.kill);
}

TEST_F(TimeWaitVerdict, TimeWait_InWindowAck_RestartsTimerWithoutAnswer) {
    const TwDecision d = decide(segment(flag::kAck, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::Accepted);
    EXPECT_TRUE(d.restart);
    EXPECT_TRUE(d.takeTimestamp);
    EXPECT_FALSE(d.kill);
}

TEST_F(TimeWaitVerdict, TimeWait_InWindowRst_AssassinatesRecord) {
    const TwDecision d = decide(segment(flag::kRst, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::TimeWaitAssassinated);
    EXPECT_TRUE(d.kill);
}

TEST_F(TimeWaitVerdict, TimeWait_InWindowRstWithRfc1337_IsIgnored) {
    TwContext ctx = context();
    ctx.rfc1337 = 1;
    const TwDecision d = decide(segment(flag::kRst, kRcvNxt), ctx);
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::Rfc1337IgnoredRst);
    EXPECT_FALSE(d.kill);
    EXPECT_FALSE(d.restart);
    EXPECT_TRUE(d.takeTimestamp);
}

TEST_F(TimeWaitVerdict, TimeWait_OutOfWindowRst_IsDropped) {
    const TwDecision d = decide(segment(flag::kRst, kRcvNxt + 500));
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::RstOutOfWindow);
    EXPECT_FALSE(d.kill);
    EXPECT_FALSE(d.restart);
}

TEST_F(TimeWaitVerdict, TimeWait_NewerSyn_GoesToListenerWithIsnBeyondOldConnection) {
    const TwDecision d = decide(segment(flag::kSyn, kRcvNxt + 1000));
    EXPECT_EQ(d.verdict, TwVerdict::Syn);
    EXPECT_TRUE(d.kill);
    EXPECT_EQ(d.isn, Seq(kSndNxt + 65535 + 2));
    EXPECT_EQ(d.why.code, Cause::TimeWaitSynAccepted);
}

TEST_F(TimeWaitVerdict, TimeWait_SynWithNewerTimestampButOldSeq_GoesToListener) {
    const TwDecision d = decide(segment(flag::kSyn, kRcvNxt - 10, 0, kTsRecent + 5));
    EXPECT_EQ(d.verdict, TwVerdict::Syn);
}

TEST_F(TimeWaitVerdict, TimeWait_NewerSynWhereProfileRefusesIt_IsAckedWithoutRestart) {
    TwContext ctx = context();
    ctx.acceptsNewerSyn = false;
    const TwDecision d = decide(segment(flag::kSyn, kRcvNxt + 1000), ctx);
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::OutOfWindow);
    EXPECT_FALSE(d.restart); // a bare SYN re-arms nothing
    EXPECT_FALSE(d.kill);
}

TEST_F(TimeWaitVerdict, TimeWait_OldSyn_IsAckedWithoutRestart) {
    const TwDecision d = decide(segment(flag::kSyn, kRcvNxt - 10, 0, std::nullopt));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::OutOfWindow);
    EXPECT_FALSE(d.restart);
}

TEST_F(TimeWaitVerdict, TimeWait_PawsRejectedSegment_IsAckedAndRestartsTimer) {
    const TwDecision d = decide(segment(flag::kAck, kRcvNxt, 0, kTsRecent - 1));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::PawsReject);
    EXPECT_TRUE(d.restart);
    EXPECT_EQ(d.restartCause, Cause::None);
}

TEST_F(TimeWaitVerdict, TimeWait_SecondOutOfWindowAckWithinRateLimit_IsNotAnswered) {
    const Segment old = segment(flag::kAck, kRcvNxt - 10);
    EXPECT_EQ(decide(old).verdict, TwVerdict::Ack);
    const TwDecision again = decide(old);
    EXPECT_EQ(again.verdict, TwVerdict::Success);
    EXPECT_EQ(again.why.code, Cause::DupAckRateLimited);
    EXPECT_TRUE(again.restart); // the timer still restarts
    TwContext later = context();
    later.now = SimTime(1500ms);
    EXPECT_EQ(decide(old, later).verdict, TwVerdict::Ack);
}

TEST_F(TimeWaitVerdict, TimeWait_NoSynListener_FallsThroughToRateLimitedAck) {
    const Segment syn = segment(flag::kSyn, kRcvNxt + 1000);
    EXPECT_EQ(timeWaitOowAck(tw_, syn, context(), Reason(Cause::NotAcceptable)).verdict,
              TwVerdict::Ack);
    EXPECT_EQ(timeWaitOowAck(tw_, syn, context(), Reason(Cause::NotAcceptable)).verdict,
              TwVerdict::Success);
}

TEST(TimeWaitSuccessorIsn, IsBeyondOldSendSequenceAndNeverZero) {
    TimeWaitSock tw;
    tw.sndNxt = Seq(kSndNxt);
    EXPECT_EQ(timeWaitSuccessorIsn(tw), Seq(kSndNxt + 65537));
    tw.sndNxt = Seq(0) - 65537U;
    EXPECT_EQ(timeWaitSuccessorIsn(tw), Seq(1));
}

// --- An orphan's FIN_WAIT2 record

TEST_F(FinWait2RecordVerdict, FinWait2Record_Fin_EntersTimeWaitAcksAndArmsTimeWaitLen) {
    const TwDecision d = decide(segment(flag::kFin | flag::kAck, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::RcvFin);
    EXPECT_TRUE(d.toTimeWait);
    EXPECT_TRUE(d.restart);
    EXPECT_TRUE(d.takeTimestamp);
    EXPECT_FALSE(d.kill);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_InWindowRst_KillsRecordSilently) {
    const TwDecision d = decide(segment(flag::kRst, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::RcvRst);
    EXPECT_TRUE(d.kill);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_NewSyn_ResetsAndKills) {
    const TwDecision d = decide(segment(flag::kSyn, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Rst);
    EXPECT_EQ(d.why.code, Cause::RstNoSocket);
    EXPECT_TRUE(d.kill);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_NewData_ResetsAndKills) {
    const TwDecision d = decide(segment(flag::kAck, kRcvNxt, 10));
    EXPECT_EQ(d.verdict, TwVerdict::Rst);
    EXPECT_EQ(d.why.code, Cause::RstNewDataInFinWait2);
    EXPECT_TRUE(d.kill);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_DuplicateAck_IsConsumed) {
    const TwDecision d = decide(segment(flag::kAck, kRcvNxt));
    EXPECT_EQ(d.verdict, TwVerdict::Success);
    EXPECT_EQ(d.why.code, Cause::AckDuplicate);
    EXPECT_FALSE(d.kill);
    EXPECT_FALSE(d.restart);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_OutOfWindowSegment_IsAcked) {
    const TwDecision d = decide(segment(flag::kAck, kRcvNxt - 100, 10));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::OutOfWindow);
    EXPECT_FALSE(d.kill);
}

TEST_F(FinWait2RecordVerdict, FinWait2Record_PawsRejectedSegment_IsAcked) {
    const TwDecision d = decide(segment(flag::kFin | flag::kAck, kRcvNxt, 0, kTsRecent - 1));
    EXPECT_EQ(d.verdict, TwVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::PawsReject);
    EXPECT_FALSE(d.toTimeWait);
}

} // namespace
} // namespace tdl
