// The verdicts of the checks an arriving segment passes before the ACK, the data and the FIN, one
// test per rule: tcp_check_req() for SYN-RECEIVED, tcp_validate_incoming() and tcp_ack()'s first
// checks, tcp_rcv_synsent_state_process()'s checks and a listener's (core/tcp/input_verdict.h).

#include "input_verdict.h"

#include <gtest/gtest.h>

#include <optional>

namespace tdl {
namespace {

constexpr std::uint32_t kIrs = 999;
constexpr std::uint32_t kRcvNxt = kIrs + 1;
constexpr std::uint32_t kIss = 4999;
constexpr std::uint32_t kSndNxt = kIss + 1;
constexpr std::uint32_t kTsRecent = 100;
constexpr std::uint16_t kWindow = 65535;
constexpr std::uint32_t kBeyondWindow = kRcvNxt + 70'000;

TcpSock socketIn(TcpState state) {
    TcpSock sock;
    sock.id = 7;
    sock.state = state;
    sock.irs = Seq(kIrs);
    sock.rcvNxt = Seq(kRcvNxt);
    sock.rcvWup = Seq(kRcvNxt);
    sock.lastAdvertised = kWindow;
    sock.iss = Seq(kIss);
    sock.sndUna = Seq(kSndNxt);
    sock.sndNxt = Seq(kSndNxt);
    sock.sndMax = Seq(kSndNxt);
    sock.sndWnd = kWindow;
    sock.maxWindow = kWindow;
    sock.timestamps = true;
    sock.tsRecent = kTsRecent;
    sock.tsRecentStamp = 10'000;
    return sock;
}

Segment segment(std::uint8_t flags, std::uint32_t seq, std::uint32_t length = 0,
                std::optional<std::uint32_t> tsval = kTsRecent + 1) {
    Segment s;
    s.flags = flags;
    s.seq = Seq(seq);
    s.ack = (flags & flag::kAck) != 0 ? Seq(kSndNxt) : Seq();
    s.window = kWindow;
    s.length = length;
    if (tsval) {
        s.hasTimestamp = true;
        s.timestamp.value = *tsval;
    }
    return s;
}

Segment withAck(Segment s, std::uint32_t ack) {
    s.ack = Seq(ack);
    return s;
}

constexpr InputContext kContext{
    .now = SimTime(1s), .nowSeconds = 10'001, .invalidRateLimit = 500ms};

// --- tcp_validate_incoming()

class ValidateIncoming : public ::testing::Test {
protected:
    InputDecision decide(const Segment& s) { return tcpValidateIncoming(sock_, s, kContext); }
    TcpSock sock_ = socketIn(TcpState::Established);
};

TEST_F(ValidateIncoming, Established_InWindowSegment_IsAcceptedAndTakesItsTsval) {
    EXPECT_EQ(decide(segment(flag::kAck, kRcvNxt, 10)).verdict, InputVerdict::Accept);
    EXPECT_EQ(sock_.tsRecent, kTsRecent + 1); // tcp_replace_ts_recent()
    EXPECT_EQ(sock_.tsRecentStamp, kContext.nowSeconds);
}

TEST_F(ValidateIncoming, Established_RstAtRcvNxt_ResetsTheConnection) {
    EXPECT_EQ(decide(segment(flag::kRst, kRcvNxt)).verdict, InputVerdict::Reset);
}

TEST_F(ValidateIncoming, Established_InWindowRstNotAtRcvNxt_DrawsChallengeAck) {
    // RFC 5961 §3.2
    const InputDecision d = decide(segment(flag::kRst, kRcvNxt + 500));
    EXPECT_EQ(d.verdict, InputVerdict::ChallengeAck);
    EXPECT_EQ(d.why.code, Cause::ChallengeAckForRst);
}

TEST_F(ValidateIncoming, Established_OutOfWindowRst_IsDiscarded) {
    const InputDecision d = decide(segment(flag::kRst, kBeyondWindow));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::RstOutOfWindow);
}

TEST_F(ValidateIncoming, CloseWait_RstJustBeforeRcvNxt_ResetsTheConnection) {
    // tcp_reset_check(): the RST a peer sends right after its FIN
    sock_ = socketIn(TcpState::CloseWait);
    EXPECT_EQ(decide(segment(flag::kRst, kRcvNxt - 1)).verdict, InputVerdict::Reset);
}

TEST_F(ValidateIncoming, Established_RstJustBeforeRcvNxt_IsDiscarded) {
    EXPECT_EQ(decide(segment(flag::kRst, kRcvNxt - 1)).verdict, InputVerdict::Discard);
}

TEST_F(ValidateIncoming, Established_Syn_DrawsChallengeAck) {
    // RFC 5961 §4.2
    const InputDecision d = decide(segment(flag::kSyn, kRcvNxt));
    EXPECT_EQ(d.verdict, InputVerdict::ChallengeAck);
    EXPECT_EQ(d.why.code, Cause::ChallengeAckForSyn);
}

TEST_F(ValidateIncoming, Established_OutOfWindowData_IsAckedWithWhereItLies) {
    const InputDecision d = decide(segment(flag::kAck, kBeyondWindow, 10));
    EXPECT_EQ(d.verdict, InputVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::OutOfWindow);
    EXPECT_EQ(d.why.args[0], kBeyondWindow - kIrs);
}

TEST_F(ValidateIncoming, Established_SecondOldPureAckWithinRateLimit_IsDiscarded) {
    // tcp_oow_rate_limited(): one answer per tcp_invalid_ratelimit to a segment without data
    EXPECT_EQ(decide(segment(flag::kAck, kRcvNxt - 500)).verdict, InputVerdict::Ack);
    const InputDecision second = decide(segment(flag::kAck, kRcvNxt - 500));
    EXPECT_EQ(second.verdict, InputVerdict::Discard);
    EXPECT_EQ(second.why.code, Cause::DupAckRateLimited);
}

TEST_F(ValidateIncoming, Established_PawsRejectedData_IsAckedAndSaysPaws) {
    const InputDecision d = decide(segment(flag::kAck, kRcvNxt, 10, kTsRecent - 50));
    EXPECT_EQ(d.verdict, InputVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::PawsReject);
    EXPECT_EQ(sock_.tsRecent, kTsRecent);
}

TEST_F(ValidateIncoming, Established_PawsRejectedPureAckWithinRateLimit_IsDiscardedButSaysPaws) {
    Segment ack = segment(flag::kAck, kRcvNxt, 0, kTsRecent - 50);
    ack.window = kWindow - 1; // not a duplicate ACK: tcp_disordered_ack_check() does not forgive it
    EXPECT_EQ(decide(ack).verdict, InputVerdict::Ack);
    const InputDecision second = decide(ack);
    EXPECT_EQ(second.verdict, InputVerdict::Discard);
    EXPECT_EQ(second.why.code, Cause::PawsReject);
}

TEST_F(ValidateIncoming, Established_DisorderedDuplicateAck_IsForgivenByPaws) {
    // tcp_disordered_ack_check(): same ACK, same window, TSval within tcp_tsval_replay()
    EXPECT_EQ(decide(segment(flag::kAck, kRcvNxt, 0, kTsRecent - 50)).verdict,
              InputVerdict::Accept);
    EXPECT_EQ(sock_.tsRecent, kTsRecent); // an older TSval is not taken
}

TEST_F(ValidateIncoming, Established_OldPureAckFailingPaws_IsDiscardedAsOldAck) {
    const InputDecision d = decide(segment(flag::kAck, kRcvNxt - 100, 0, kTsRecent - 50));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::PawsOldAck);
}

// --- tcp_check_req()

class CheckReq : public ::testing::Test {
protected:
    InputDecision decide(const Segment& s) { return tcpCheckReq(sock_, s, kContext); }
    TcpSock sock_ = socketIn(TcpState::SynReceived);
};

TEST_F(CheckReq, SynReceived_AckOfOurSynAck_IsAccepted) {
    EXPECT_EQ(decide(segment(flag::kAck, kRcvNxt)).verdict, InputVerdict::Accept);
}

TEST_F(CheckReq, SynReceived_PeerSynAgain_ResendsSynAck) {
    // inet_rtx_syn_ack()
    EXPECT_EQ(decide(segment(flag::kSyn, kIrs)).verdict, InputVerdict::ResendSynAck);
}

TEST_F(CheckReq, SynReceived_PeerSynAgainWithinRateLimit_IsDiscarded) {
    EXPECT_EQ(decide(segment(flag::kSyn, kIrs)).verdict, InputVerdict::ResendSynAck);
    const InputDecision second = decide(segment(flag::kSyn, kIrs));
    EXPECT_EQ(second.verdict, InputVerdict::Discard);
    EXPECT_EQ(second.why.code, Cause::DupAckRateLimited);
}

TEST_F(CheckReq, SynReceived_AckOfSomethingElse_ListenerSendsReset) {
    const InputDecision d = decide(withAck(segment(flag::kAck, kRcvNxt), kSndNxt + 100));
    EXPECT_EQ(d.verdict, InputVerdict::SendReset);
    EXPECT_EQ(d.why.code, Cause::RstNoSocket);
}

TEST_F(CheckReq, SynReceived_RstWithAckOfSomethingElse_IsDiscarded) {
    const InputDecision d =
        decide(withAck(segment(flag::kRst | flag::kAck, kRcvNxt), kSndNxt + 100));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::NotAcceptable);
}

TEST_F(CheckReq, SynReceived_OutOfWindowSegment_IsAcked) {
    const InputDecision d = decide(segment(flag::kAck, kBeyondWindow, 10));
    EXPECT_EQ(d.verdict, InputVerdict::Ack);
    EXPECT_EQ(d.why.code, Cause::OutOfWindow);
}

TEST_F(CheckReq, SynReceived_OutOfWindowRst_IsDiscarded) {
    const InputDecision d = decide(segment(flag::kRst, kBeyondWindow));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::RstOutOfWindow);
}

TEST_F(CheckReq, SynReceived_InWindowRst_IsEmbryonicReset) {
    EXPECT_EQ(decide(segment(flag::kRst, kRcvNxt)).verdict, InputVerdict::EmbryonicReset);
}

TEST_F(CheckReq, SynReceived_NewSynInWindow_IsEmbryonicReset) {
    EXPECT_EQ(decide(segment(flag::kSyn, kRcvNxt + 500)).verdict, InputVerdict::EmbryonicReset);
}

TEST_F(CheckReq, SynReceived_DataWithoutAck_IsDiscarded) {
    const InputDecision d = decide(segment(0, kRcvNxt, 10));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::NotAcceptable);
}

// --- tcp_ack()'s first checks

TEST(AckCheck, Established_AckOfUnsentData_IsDiscarded) {
    // tcp_rcv_established() drops it without a word
    const InputDecision d = tcpAckCheck(socketIn(TcpState::Established),
                                        withAck(segment(flag::kAck, kRcvNxt), kSndNxt + 1));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::AckOfUnsentData);
}

TEST(AckCheck, FinWait1_AckOfUnsentData_DrawsChallengeAck) {
    // tcp_rcv_state_process() answers it
    const InputDecision d = tcpAckCheck(socketIn(TcpState::FinWait1),
                                        withAck(segment(flag::kAck, kRcvNxt), kSndNxt + 1));
    EXPECT_EQ(d.verdict, InputVerdict::ChallengeAck);
    EXPECT_EQ(d.why.code, Cause::ChallengeAckForAck);
}

TEST(AckCheck, Established_AckOlderThanTheWindowAllows_DrawsChallengeAck) {
    const InputDecision d =
        tcpAckCheck(socketIn(TcpState::Established),
                    withAck(segment(flag::kAck, kRcvNxt), kSndNxt - kWindow - 1));
    EXPECT_EQ(d.verdict, InputVerdict::ChallengeAck);
    EXPECT_EQ(d.why.code, Cause::ChallengeAckForAck);
}

TEST(AckCheck, Established_OldDuplicateAck_IsAccepted) {
    // ignored by tcp_ack(), but the segment's data and FIN still count
    EXPECT_EQ(tcpAckCheck(socketIn(TcpState::Established),
                          withAck(segment(flag::kAck, kRcvNxt), kSndNxt - 10))
                  .verdict,
              InputVerdict::Accept);
}

// --- TCPAbortOnData

TEST(NewDataAfterClose, DataBeyondRcvNxt_IsNew) {
    EXPECT_TRUE(newDataAfterClose(socketIn(TcpState::FinWait1), segment(flag::kAck, kRcvNxt, 1)));
}

TEST(NewDataAfterClose, RetransmittedDataOrABareFin_IsNot) {
    const TcpSock sock = socketIn(TcpState::FinWait1);
    EXPECT_FALSE(newDataAfterClose(sock, segment(flag::kAck, kRcvNxt - 10, 10)));
    EXPECT_FALSE(newDataAfterClose(sock, segment(flag::kAck | flag::kFin, kRcvNxt)));
}

// --- tcp_rcv_synsent_state_process()

class SynSentCheck : public ::testing::Test {
protected:
    static constexpr std::uint32_t kSentTs = 5'000;
    static constexpr std::uint32_t kTsNow = 5'040;
    SynSentCheck() {
        sock_.sndUna = Seq(kIss);
        sock_.sndNxt = Seq(kSndNxt);
        sock_.sndMax = Seq(kSndNxt);
    }
    InputDecision decide(const Segment& s) { return tcpSynSentCheck(sock_, s, kSentTs, kTsNow); }
    static Segment synAck(std::uint32_t echo) {
        Segment s = segment(flag::kSyn | flag::kAck, kIrs);
        s.timestamp.echo = echo;
        return s;
    }
    TcpSock sock_ = socketIn(TcpState::SynSent);
};

TEST_F(SynSentCheck, SynAckThatAnswersOurSyn_IsAccepted) {
    EXPECT_EQ(decide(synAck(kSentTs + 10)).verdict, InputVerdict::Accept);
}

TEST_F(SynSentCheck, AckOfSomethingElse_ResetsItAndRetriesTheSyn) {
    const InputDecision d = decide(withAck(segment(flag::kAck, kIrs), kIss + 1000));
    EXPECT_EQ(d.verdict, InputVerdict::ResetStaleAck);
    EXPECT_EQ(d.why.code, Cause::RstBadAckInSynSent);
}

TEST_F(SynSentCheck, AckOfOurIssItself_IsNotAnAnswer) {
    EXPECT_EQ(decide(withAck(segment(flag::kAck, kIrs), kIss)).verdict,
              InputVerdict::ResetStaleAck);
}

TEST_F(SynSentCheck, RstWithAckOfSomethingElse_IsDiscarded) {
    const InputDecision d = decide(withAck(segment(flag::kRst | flag::kAck, kIrs), kIss + 1000));
    EXPECT_EQ(d.verdict, InputVerdict::Discard);
    EXPECT_EQ(d.why.code, Cause::NotAcceptable);
}

TEST_F(SynSentCheck, SynAckEchoingATsvalWeNeverSent_IsResetAsPawsActiveRejected) {
    const InputDecision d = decide(synAck(kSentTs - 1));
    EXPECT_EQ(d.verdict, InputVerdict::ResetBadEcho);
    EXPECT_EQ(d.why.code, Cause::PawsReject);
    EXPECT_EQ(decide(synAck(kTsNow + 1)).verdict, InputVerdict::ResetBadEcho);
}

TEST_F(SynSentCheck, RstThatAcksOurSyn_RefusesTheConnection) {
    EXPECT_EQ(decide(segment(flag::kRst | flag::kAck, kIrs)).verdict, InputVerdict::Reset);
}

TEST_F(SynSentCheck, AckWithoutSyn_IsDiscarded) {
    EXPECT_EQ(decide(segment(flag::kAck, kIrs)).verdict, InputVerdict::Discard);
}

TEST_F(SynSentCheck, SegmentWithoutAck_IsDiscarded) {
    EXPECT_EQ(decide(segment(flag::kSyn, kIrs)).verdict, InputVerdict::Discard);
    EXPECT_EQ(decide(segment(flag::kRst, kIrs)).verdict, InputVerdict::Discard);
}

// --- a listener: tcp_v4_rcv() and tcp_v4_conn_request()

TEST(ListenCheck, Syn_IsAccepted) {
    EXPECT_EQ(tcpListenCheck(segment(flag::kSyn, kIrs), nullptr).verdict, InputVerdict::Accept);
}

TEST(ListenCheck, StrayAck_GetsAResetFromNoSocket) {
    const InputDecision d = tcpListenCheck(segment(flag::kAck, kIrs), nullptr);
    EXPECT_EQ(d.verdict, InputVerdict::SendReset);
    EXPECT_EQ(d.why.code, Cause::RstNoSocket);
}

TEST(ListenCheck, RstOrSynFinOrBareData_IsDiscarded) {
    EXPECT_EQ(tcpListenCheck(segment(flag::kRst, kIrs), nullptr).verdict, InputVerdict::Discard);
    EXPECT_EQ(tcpListenCheck(segment(flag::kSyn | flag::kFin, kIrs), nullptr).verdict,
              InputVerdict::Discard);
    EXPECT_EQ(tcpListenCheck(segment(0, kIrs, 10), nullptr).verdict, InputVerdict::Discard);
}

TEST(ListenCheck, TwRecycleSynOlderThanThePeersLastTsval_IsDroppedSilently) {
    const std::uint32_t remembered = 1'000;
    const InputDecision d =
        tcpListenCheck(segment(flag::kSyn, kIrs, 0, remembered - 2), &remembered);
    EXPECT_EQ(d.verdict, InputVerdict::RecycleReject);
    EXPECT_EQ(d.why.code, Cause::SynRecycleReject);
}

TEST(ListenCheck, TwRecycleSynWithinThePawsWindow_IsAccepted) {
    const std::uint32_t remembered = 1'000;
    EXPECT_EQ(tcpListenCheck(segment(flag::kSyn, kIrs, 0, remembered - 1), &remembered).verdict,
              InputVerdict::Accept);
    EXPECT_EQ(tcpListenCheck(segment(flag::kSyn, kIrs, 0, std::nullopt), &remembered).verdict,
              InputVerdict::Accept);
}

} // namespace
} // namespace tdl
