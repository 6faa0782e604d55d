#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace tdl {

// Why something happened. Core never writes prose: a fact carries a cause code and up to three
// integer arguments, and the views (and the CLI) turn it into a translated sentence. The key is
// the stable name used in JSON; the comment says what the arguments are.
#define TDL_CAUSES(X)                                                                              \
    X(None, "none")                                                                                \
    /* application calls */                                                                        \
    X(AppListen, "app_listen")                                                                     \
    X(AppConnect, "app_connect")                                                                   \
    X(AppSend, "app_send")         /* arg0: bytes */                                               \
    X(AppShutdown, "app_shutdown") /* arg0: how, 0 SHUT_RD 1 SHUT_WR 2 SHUT_RDWR */                \
    X(AppClose, "app_close")                                                                       \
    X(AppStopReading, "app_stop_reading")                                                          \
    X(AppResumeReading, "app_resume_reading")                                                      \
    X(AppSetLinger, "app_set_linger")    /* arg0: l_onoff, arg1: l_linger seconds */               \
    X(PortsExhausted, "ports_exhausted") /* arg0: low, arg1: high of ip_local_port_range */        \
    X(NotConnected, "not_connected")                                                               \
    X(AddressInUse, "address_in_use") /* arg0: port */                                             \
    /* handshake */                                                                                \
    X(Syn, "syn")        /* active open sends SYN */                                               \
    X(RcvSyn, "rcv_syn") /* listener answers with SYN,ACK */                                       \
    X(RcvSynAck, "rcv_syn_ack")                                                                    \
    X(RcvAckOfSyn, "rcv_ack_of_syn")                                                               \
    /* data and acknowledgements */                                                                \
    X(Data, "data")                       /* arg0: bytes */                                        \
    X(AckQuick, "ack_quick")              /* quickack mode: ACK at once */                         \
    X(AckDelayed, "ack_delayed")          /* delayed-ACK timer fired */                            \
    X(AckTwoSegments, "ack_two_segments") /* more than one full segment unacknowledged */          \
    X(AckDuplicate, "ack_duplicate")      /* segment already received: ACK at once */              \
    X(AckOutOfOrder, "ack_out_of_order")  /* arg0: expected seq (relative) */                      \
    X(WindowUpdate, "window_update")      /* arg0: new window */                                   \
    X(Accepted, "accepted")               /* the receiver processed the segment */                 \
    X(ZeroWindow, "zero_window")          /* receive buffer full: window 0 */                      \
    /* teardown */                                                                                 \
    X(FinOnClose, "fin_on_close")                                                                  \
    X(FinOnShutdown, "fin_on_shutdown")                                                            \
    X(RcvFin, "rcv_fin")                                                                           \
    X(RcvAckOfFin, "rcv_ack_of_fin")                                                               \
    X(RcvDuplicateFin, "rcv_duplicate_fin")                                                        \
    X(TimeWaitExpired, "time_wait_expired")                                                        \
    X(TimeWaitRestarted, "time_wait_restarted") /* a retransmitted FIN re-arms 2MSL */             \
    X(FinWait2Timeout, "fin_wait2_timeout")     /* arg0: tcp_fin_timeout seconds */                \
    X(TimeWaitBucketsFull, "tw_buckets_full")   /* arg0: tcp_max_tw_buckets */                     \
    X(TimeWaitReused, "tw_reused")              /* connect() took over this TIME_WAIT 4-tuple */   \
    X(TimeWaitSynAccepted, "tw_syn_accepted")   /* a new SYN ended TIME_WAIT (arg0: new ISN) */    \
    X(TimeWaitAssassinated, "tw_assassinated") /* an in-window RST killed TIME_WAIT (rfc1337=0) */ \
    X(Rfc1337IgnoredRst, "rfc1337_ignored_rst")                                                    \
    X(SocketDone, "socket_done") /* the full socket is released */                                 \
    /* resets */                                                                                   \
    X(RstUnreadData, "rst_unread_data") /* arg0: unread bytes */                                   \
    X(RstLingerZero, "rst_linger_zero")                                                            \
    X(RstDataAfterClose, "rst_data_after_close")                                                   \
    X(RstNoSocket, "rst_no_socket")                                                                \
    X(RstBadAckInSynSent, "rst_bad_ack_in_syn_sent")                                               \
    X(EmbryonicReset, "embryonic_reset") /* SYN-RECEIVED: an in-window RST or new SYN ends it */   \
    X(RstTooManyOrphans, "rst_too_many_orphans") /* arg0: orphans, arg1: tcp_max_orphans */        \
    X(RstNewDataInFinWait2, "rst_new_data_in_fin_wait2")                                           \
    X(RcvRst, "rcv_rst") /* arg0: errno reported to the application */                             \
    X(RstOutOfWindow, "rst_out_of_window")                                                         \
    X(ChallengeAckForRst, "challenge_ack_rst") /* RFC 5961 §3.2 */                                \
    X(ChallengeAckForSyn, "challenge_ack_syn") /* RFC 5961 §4.2 */                                \
    X(ChallengeAckForAck, "challenge_ack_ack") /* RFC 5961 §5.2: ACK of unsent or too old data */ \
    X(AckOfUnsentData, "ack_unsent_data")      /* ESTABLISHED drops it without a word */           \
    X(ChallengeAckRateLimited, "challenge_ack_rate_limited")                                       \
    X(PawsReject, "paws_reject")    /* arg0: TSval, arg1: ts_recent */                             \
    X(PawsOldAck, "paws_old_ack")   /* arg0: TSval, arg1: ts_recent */                             \
    X(OutOfWindow, "out_of_window") /* arg0: seq, arg1: rcv_nxt, arg2: window */                   \
    X(DupAckRateLimited, "dup_ack_rate_limited")                                                   \
    X(SynRecycleReject, "syn_recycle_reject") /* tcp_tw_recycle: arg0 TSval, arg1 cached TSval */  \
    X(NotAcceptable, "not_acceptable")        /* arrived where nothing can take it */              \
    /* retransmission */                                                                           \
    X(RtoExpired, "rto_expired")             /* arg0: retransmission number, arg1: RTO in ms */    \
    X(Retransmit, "retransmit")              /* arg0: retransmission number */                     \
    X(RetriesExhausted, "retries_exhausted") /* arg0: retries limit, arg1: 1 if orphan */          \
    X(ZeroWindowProbe, "zero_window_probe")  /* arg0: probes sent */                               \
    X(ProbesExhausted, "probes_exhausted")   /* arg0: tcp_orphan_retries in force */               \
    X(DataInFlight, "data_in_flight")        /* retransmission timer armed */                      \
    X(AllAcked, "all_acked")                 /* retransmission timer no longer needed */           \
    X(AckScheduled, "ack_scheduled")                                                               \
    X(AckSent, "ack_sent")                                                                         \
    X(WindowClosed, "window_closed") /* probe timer armed */                                       \
    X(WindowOpened, "window_opened")                                                               \
    X(SocketClosed, "socket_closed") /* a timer is moot: the socket is gone */                     \
    /* crafted segments and scripted peers */                                                      \
    X(Crafted, "crafted")            /* arg0: the scenario's crafted segment (1-based) */          \
    X(ScriptedPeer, "scripted_peer") /* a scripted peer takes it and answers nothing */            \
    /* arg0: crafted segment (1-based), arg1: what has no value: CraftedField */                   \
    X(CraftedUnresolved, "crafted_unresolved")                                                     \
    /* the network */                                                                              \
    X(FaultDrop, "fault_drop")           /* arg0: fault rule index (1-based) */                    \
    X(FaultDelay, "fault_delay")         /* arg0: fault rule index, arg1: extra delay µs */       \
    X(FaultDuplicate, "fault_duplicate") /* arg0: fault rule index */                              \
    X(RandomLoss, "random_loss")         /* arg0: loss in parts per million */                     \
    X(NoRoute, "no_route")                                                                         \
    /* inferred from a capture: what an observer on the wire can tell from the packets alone */    \
    X(Captured, "captured")                             /* the segment as the capture shows it */  \
    X(InferredSyn, "inferred_syn")                      /* it sent a SYN */                        \
    X(InferredSynAck, "inferred_syn_ack")               /* it sent a SYN,ACK */                    \
    X(InferredSynAckSeen, "inferred_syn_ack_seen")      /* a SYN,ACK acked its SYN */              \
    X(InferredHandshakeAck, "inferred_handshake_ack")   /* an ACK acked its SYN,ACK */             \
    X(InferredMidConnection, "inferred_mid_connection") /* the capture starts after the SYNs */    \
    X(InferredFinSent, "inferred_fin_sent")                                                        \
    X(InferredFinReceived, "inferred_fin_received")                                                \
    X(InferredFinAcked, "inferred_fin_acked")                                                      \
    X(InferredFinResent, "inferred_fin_resent") /* its FIN again: the ACK seen never reached it */ \
    X(InferredRstSent, "inferred_rst_sent")                                                        \
    X(InferredRstReceived, "inferred_rst_received")                                                \
    X(InferredRstOutOfWindow, "inferred_rst_out_of_window") /* arg0: seq - rcv_nxt, arg1: win */   \
    X(InferredTimeWaitOver, "inferred_time_wait_over")      /* arg0: seconds after its last ACK */ \
    X(InferredTimeWaitReused, "inferred_time_wait_reused")  /* a new SYN took the 4-tuple */       \
    /* a capture replayed: where the captured host did not do what Linux would */                  \
    /* arg0: captured time µs, arg1: Linux's time µs (both seen at the capture point), */        \
    /* arg2: the KernelProfile */                                                                  \
    X(ReplayTimeDiffers, "replay_time_differs")                                                    \
    X(ReplayFieldsDiffer, "replay_fields_differ") /* arg0: replay_field bits, arg1: profile */     \
    X(ReplayMissing, "replay_missing")            /* arg0: the KernelProfile */                    \
    X(ReplayUnexpected, "replay_unexpected")      /* arg0: the KernelProfile */                    \
    X(ReplayRstNotAccepted, "replay_rst_not_accepted") /* arg0: the run's verdict, a Cause */      \
    /* anomalies */                                                                                \
    X(StaleDataAccepted, "stale_data_accepted") /* arg0: old incarnation, arg1: bytes */           \
    X(KilledByStaleRst, "killed_by_stale_rst")  /* arg0: incarnation that sent the RST */          \
    X(PeerResetInsteadOfAck, "peer_reset_instead_of_ack")                                          \
    X(ConnectFailed, "connect_failed") /* arg0: errno */                                           \
    X(SynSilentlyDropped, "syn_silently_dropped")

enum class Cause : std::uint16_t {
#define TDL_CAUSE_ENUM(name, key) name,
    TDL_CAUSES(TDL_CAUSE_ENUM)
#undef TDL_CAUSE_ENUM
};

inline constexpr std::size_t kCauseCount = [] {
    std::size_t n = 0;
#define TDL_CAUSE_COUNT(name, key) ++n;
    TDL_CAUSES(TDL_CAUSE_COUNT)
#undef TDL_CAUSE_COUNT
    return n;
}();

std::string_view causeKey(Cause cause);
bool parseCauseKey(std::string_view key, Cause& out);

// A cause with its arguments, as carried by every fact.
struct Reason {
    Cause code = Cause::None;
    std::array<std::int64_t, 3> args{};

    Reason() = default;
    Reason(Cause c, std::int64_t a0 = 0, std::int64_t a1 = 0, std::int64_t a2 = 0)
        : code(c)
        , args{a0, a1, a2} {}
    friend bool operator==(const Reason&, const Reason&) = default;
};

// Linux errno values the engine reports, by name ("ECONNRESET"); "" for 0.
std::string_view errnoName(int error);

} // namespace tdl
