#include "CauseCatalog.h"

#include "TraceText.h"
#include "scenario.h"

namespace tdl::ui {

namespace {

QString shutdownHow(std::int64_t how) {
    switch (how) {
    case 0:
        return QStringLiteral("SHUT_RD");
    case 2:
        return QStringLiteral("SHUT_RDWR");
    default:
        return QStringLiteral("SHUT_WR");
    }
}

// "linux-6", the profile a replay ran; "?" for a value that names none.
QString profileText(std::int64_t profile) {
    if (profile < 0 || profile >= kKernelProfileCount) {
        return QStringLiteral("?");
    }
    return QString::fromLatin1(profileKey(static_cast<KernelProfile>(profile)));
}

// "seq, ack": the fields a replay found different (replay_field bits).
QString replayFields(std::int64_t bits) {
    QStringList names;
    const std::pair<std::int64_t, const char*> fields[] = {
        {0x01, "flags"}, {0x02, "seq"}, {0x04, "ack"}, {0x08, "length"}};
    for (const auto& [bit, name] : fields) {
        if ((bits & bit) != 0) {
            names << QString::fromLatin1(name);
        }
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString CauseCatalog::errnoText(int error) {
    const QString name = QString::fromLatin1(errnoName(error));
    if (error == 0) {
        return {};
    }
    QString meaning;
    if (name == QLatin1String("ECONNRESET")) {
        meaning = tr("connection reset by peer");
    } else if (name == QLatin1String("ECONNREFUSED")) {
        meaning = tr("connection refused");
    } else if (name == QLatin1String("EPIPE")) {
        meaning = tr("broken pipe");
    } else if (name == QLatin1String("ETIMEDOUT")) {
        meaning = tr("connection timed out");
    } else if (name == QLatin1String("EADDRNOTAVAIL")) {
        meaning = tr("cannot assign requested address");
    } else if (name == QLatin1String("EADDRINUSE")) {
        meaning = tr("address already in use");
    } else if (name == QLatin1String("ENOTCONN")) {
        meaning = tr("socket is not connected");
    } else if (name == QLatin1String("EINVAL")) {
        meaning = tr("invalid argument");
    } else if (name == QLatin1String("EHOSTUNREACH")) {
        meaning = tr("no route to host");
    } else {
        return tr("error %1").arg(error);
    }
    return tr("%1 (%2)").arg(name, meaning);
}

QString CauseCatalog::sentence(const Reason& reason) {
    const auto& a = reason.args;
    switch (reason.code) {
    case Cause::None:
        return tr("No cause recorded.");
    case Cause::AppListen:
        return tr("The application called listen().");
    case Cause::AppConnect:
        return tr("The application called connect().");
    case Cause::AppSend:
        return tr("The application wrote %1 bytes.").arg(a[0]);
    case Cause::AppShutdown:
        return tr("The application called shutdown(%1).").arg(shutdownHow(a[0]));
    case Cause::AppClose:
        return tr("The application called close().");
    case Cause::AppStopReading:
        return tr("The application stopped reading: arriving bytes pile up in the receive buffer.");
    case Cause::AppResumeReading:
        return tr("The application reads again.");
    case Cause::AppSetLinger:
        return tr("The application set SO_LINGER (l_onoff = %1, l_linger = %2 s).")
            .arg(a[0])
            .arg(a[1]);
    case Cause::PortsExhausted:
        return tr("Every local port of ip_local_port_range (%1–%2) toward this server is taken: "
                  "connect() fails with EADDRNOTAVAIL.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::NotConnected:
        return tr("The socket is not connected (ENOTCONN).");
    case Cause::AddressInUse:
        return tr("Port %1 is already in use (EADDRINUSE).").arg(a[0]);
    case Cause::Syn:
        return tr("Active open: connect() sends a SYN.");
    case Cause::RcvSyn:
        return tr("The listener received a SYN and answers with SYN,ACK.");
    case Cause::RcvSynAck:
        return tr("The SYN,ACK acknowledges our SYN: the connection is established and we "
                  "acknowledge it.");
    case Cause::RcvAckOfSyn:
        return tr("The ACK acknowledges our SYN,ACK: the connection is established.");
    case Cause::Data:
        return tr("Carries %1 bytes of data.").arg(a[0]);
    case Cause::AckQuick:
        return tr("Quick-ACK mode: acknowledged at once.");
    case Cause::AckDelayed:
        return tr("The delayed-ACK timer fired: the ACK goes out now.");
    case Cause::AckTwoSegments:
        return tr("More than one full-sized segment is unacknowledged: ACK at once.");
    case Cause::AckDuplicate:
        return tr("These bytes were already received: a duplicate ACK goes out at once.");
    case Cause::AckOutOfOrder:
        return tr("Out of order (expected seq %1): a duplicate ACK goes out at once.").arg(a[0]);
    case Cause::WindowUpdate:
        return tr("Window update: the receive window is now %1 bytes.").arg(a[0]);
    case Cause::Accepted:
        return tr("The receiver accepted the segment.");
    case Cause::ZeroWindow:
        return tr("The receive buffer is full: the advertised window is 0.");
    case Cause::FinOnClose:
        return tr("close() sends a FIN: this side has no more data to send.");
    case Cause::FinOnShutdown:
        return tr("shutdown(SHUT_WR) sends a FIN: a half-close, this side can still receive.");
    case Cause::RcvFin:
        return tr("The peer's FIN arrived: the peer has no more data (read() returns 0).");
    case Cause::RcvAckOfFin:
        return tr("The ACK covers our FIN.");
    case Cause::RcvDuplicateFin:
        return tr("A retransmitted FIN that was already received: acknowledge it again.");
    case Cause::TimeWaitExpired:
        return tr("2MSL has passed: TIME_WAIT ends and the 4-tuple is free again.");
    case Cause::TimeWaitRestarted:
        return tr("A retransmitted FIN in TIME_WAIT: acknowledge it again and restart the 2MSL "
                  "timer.");
    case Cause::FinWait2Timeout:
        return tr("The orphan stayed in FIN-WAIT-2 for tcp_fin_timeout (%1 s): it is closed.")
            .arg(a[0]);
    case Cause::TimeWaitBucketsFull:
        return tr("tcp_max_tw_buckets (%1) is reached: the socket skips TIME_WAIT and closes at "
                  "once.")
            .arg(a[0]);
    case Cause::TimeWaitReused:
        return tr("connect() took over this 4-tuple from a socket in TIME_WAIT (tcp_tw_reuse).");
    case Cause::TimeWaitSynAccepted:
        return tr("A newer SYN ended TIME_WAIT and opens a new connection (new ISN %1).").arg(a[0]);
    case Cause::TimeWaitAssassinated:
        return tr("An in-window RST killed TIME_WAIT early (TIME-WAIT assassination, "
                  "tcp_rfc1337 = 0).");
    case Cause::Rfc1337IgnoredRst:
        return tr("tcp_rfc1337 = 1: the RST is ignored and TIME_WAIT goes on.");
    case Cause::SocketDone:
        return tr("The socket is released.");
    case Cause::RstUnreadData:
        return tr("close() with %1 unread bytes: a RST instead of a FIN (RFC 2525).").arg(a[0]);
    case Cause::RstLingerZero:
        return tr("SO_LINGER with l_linger = 0: close() aborts the connection with a RST.");
    case Cause::RstDataAfterClose:
        return tr("Data arrived after close(): the answer is a RST.");
    case Cause::RstNoSocket:
        return tr("No socket matches this segment: the stack answers with a RST.");
    case Cause::RstBadAckInSynSent:
        return tr("In SYN-SENT, the ACK does not acknowledge our SYN: the answer is a RST.");
    case Cause::EmbryonicReset:
        return tr(
            "In SYN-RECEIVED, a RST or a new SYN inside the window ends the connection attempt: "
            "the request is dropped, and a SYN gets a RST.");
    case Cause::RstTooManyOrphans:
        return tr("Too many orphaned sockets (%1, tcp_max_orphans = %2): close() sends a RST.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::RstNewDataInFinWait2:
        return tr("New data arrived for an orphan in FIN-WAIT-2: the answer is a RST.");
    case Cause::RcvRst:
        return tr("A RST arrived: the connection is aborted and the application gets %1.")
            .arg(errnoText(static_cast<int>(a[0])));
    case Cause::RstOutOfWindow:
        return tr("The RST is outside the receive window: ignored.");
    case Cause::ChallengeAckForRst:
        return tr("The RST is in the window but not exactly at rcv_nxt: challenge ACK "
                  "(RFC 5961 §3.2).");
    case Cause::ChallengeAckForSyn:
        return tr("A SYN on a synchronized connection: challenge ACK (RFC 5961 §4.2).");
    case Cause::ChallengeAckForAck:
        return tr("The ACK acknowledges data never sent or too old: challenge ACK "
                  "(RFC 5961 §5.2).");
    case Cause::AckOfUnsentData:
        return tr("The ACK acknowledges data never sent: in ESTABLISHED it is dropped without "
                  "an answer.");
    case Cause::ChallengeAckRateLimited:
        return tr("The challenge ACK is suppressed by tcp_challenge_ack_limit.");
    case Cause::PawsReject:
        return tr("PAWS: TSval %1 is older than ts_recent %2, so the segment is dropped (and "
                  "answered with a duplicate ACK).")
            .arg(a[0])
            .arg(a[1]);
    case Cause::PawsOldAck:
        return tr("PAWS: a pure ACK with an old timestamp (TSval %1, ts_recent %2) is dropped.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::OutOfWindow:
        return tr("Outside the receive window (seq %1, rcv_nxt %2, window %3): dropped, answered "
                  "with a duplicate ACK.")
            .arg(a[0])
            .arg(a[1])
            .arg(a[2]);
    case Cause::DupAckRateLimited:
        return tr("The duplicate ACK is suppressed by tcp_invalid_ratelimit.");
    case Cause::SynRecycleReject:
        return tr("tcp_tw_recycle: the SYN's TSval %1 is older than the %2 cached for this peer, "
                  "so the SYN is dropped without a word.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::NotAcceptable:
        return tr("Nothing in this state can take the segment: dropped.");
    case Cause::RtoExpired:
        return tr("Retransmission timeout #%1 (RTO %2 ms).").arg(a[0]).arg(a[1]);
    case Cause::Retransmit:
        return tr("Retransmission #%1.").arg(a[0]);
    case Cause::RetriesExhausted:
        if (a[1] != 0) {
            return tr("The orphan gave up after %1 retransmissions (tcp_orphan_retries): the "
                      "connection is aborted without a RST.")
                .arg(a[0]);
        }
        return tr("Gave up after %1 retransmissions (tcp_retries2): the connection is aborted "
                  "and the application gets ETIMEDOUT.")
            .arg(a[0]);
    case Cause::ZeroWindowProbe:
        return tr("Zero-window probe #%1.").arg(a[0]);
    case Cause::ProbesExhausted:
        return tr("The window stayed closed after %1 probes (tcp_orphan_retries): the orphan is "
                  "aborted without a word.")
            .arg(a[0]);
    case Cause::DataInFlight:
        return tr("Unacknowledged data or FIN in flight: the retransmission timer is armed.");
    case Cause::AllAcked:
        return tr("Everything is acknowledged: the retransmission timer is stopped.");
    case Cause::AckScheduled:
        return tr("An ACK is due: the delayed-ACK timer is armed.");
    case Cause::AckSent:
        return tr("An ACK went out: the delayed-ACK timer is no longer needed.");
    case Cause::WindowClosed:
        return tr("The peer's window is 0: the zero-window probe timer is armed.");
    case Cause::WindowOpened:
        return tr("The peer's window opened: probing stops.");
    case Cause::SocketClosed:
        return tr("The socket is gone: the timer no longer matters.");
    case Cause::Crafted:
        return tr("Crafted segment %1 of the scenario, injected as written (a what-if).").arg(a[0]);
    case Cause::ScriptedPeer:
        return tr("A scripted peer took it: it sends only what the scenario injects and answers "
                  "nothing.");
    case Cause::CraftedUnresolved:
        switch (static_cast<CraftedField>(a[1])) {
        case CraftedField::Socket:
            return tr("Crafted segment %1 was not sent: the socket it names does not exist yet.")
                .arg(a[0]);
        case CraftedField::Seq:
            return tr("Crafted segment %1 was not sent: its relative sequence number has no ISN "
                      "to count from.")
                .arg(a[0]);
        case CraftedField::Ack:
            return tr("Crafted segment %1 was dropped on arrival: no receiving socket's ISN to "
                      "count its relative acknowledgement number from.")
                .arg(a[0]);
        case CraftedField::Echo:
            return tr("Crafted segment %1 was dropped on arrival: no TSval of the receiving socket "
                      "to count its relative TSecr from.")
                .arg(a[0]);
        }
        return tr("Crafted segment %1 could not be resolved.").arg(a[0]);
    case Cause::FaultDrop:
        return tr("Dropped by fault rule %1 (a what-if).").arg(a[0]);
    case Cause::FaultDelay:
        return tr("Held back %2 by fault rule %1 (a what-if).")
            .arg(a[0])
            .arg(TraceText::duration(Duration(a[1])));
    case Cause::FaultDuplicate:
        return tr("Duplicated by fault rule %1 (a what-if).").arg(a[0]);
    case Cause::RandomLoss:
        return tr("Lost at random (loss rate %1%).").arg(static_cast<double>(a[0]) / 1e4);
    case Cause::NoRoute:
        return tr("No route to the destination: the segment is lost.");
    case Cause::Captured:
        return tr("Seen in the capture.");
    case Cause::InferredSyn:
        return tr("Inferred from the capture: it sent a SYN, so it is in SYN-SENT.");
    case Cause::InferredSynAck:
        return tr(
            "Inferred from the capture: it answered a SYN with SYN,ACK, so it is in SYN-RECEIVED.");
    case Cause::InferredSynAckSeen:
        return tr(
            "Inferred from the capture: the SYN,ACK acknowledges its SYN, so it is ESTABLISHED.");
    case Cause::InferredHandshakeAck:
        return tr(
            "Inferred from the capture: the ACK acknowledges its SYN,ACK, so it is ESTABLISHED.");
    case Cause::InferredMidConnection:
        return tr(
            "Inferred from the capture: the capture starts after the handshake, so its state was "
            "unknown until this segment; an ACK without SYN shows the connection ESTABLISHED.");
    case Cause::InferredFinSent:
        return tr("Inferred from the capture: it sent its FIN: it has no more data to send.");
    case Cause::InferredFinReceived:
        return tr(
            "Inferred from the capture: the peer's FIN passed the capture point on its way here.");
    case Cause::InferredFinAcked:
        return tr("Inferred from the capture: the peer acknowledged its FIN.");
    case Cause::InferredFinResent:
        return tr("Inferred from the capture: it sent its FIN again, so the ACK of it seen earlier "
                  "never reached it: it is still waiting for one.");
    case Cause::InferredRstSent:
        return tr("Inferred from the capture: it sent a RST, so it is closed.");
    case Cause::InferredRstReceived:
        return tr("Inferred from the capture: an acceptable RST from the peer closed it.");
    case Cause::InferredRstOutOfWindow:
        return tr("Inferred from the capture: this RST is %1 bytes from the sequence number the "
                  "receiver expects, outside its window of %2: Linux would not accept it.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::InferredTimeWaitOver:
        return tr("Inferred, not seen: TIME-WAIT ends %1 s after its last ACK, by Linux's rule "
                  "(TCP_TIMEWAIT_LEN); a capture cannot show a timer.")
            .arg(a[0]);
    case Cause::InferredTimeWaitReused:
        return tr("Inferred from the capture: a new SYN on the same 4-tuple ended TIME-WAIT and "
                  "starts a new connection.");
    case Cause::ReplayTimeDiffers:
        return tr("The capture shows it at %1; Linux (%3) with these settings would send it at %2.")
            .arg(TraceText::duration(Duration(a[0])), TraceText::duration(Duration(a[1])),
                 profileText(a[2]));
    case Cause::ReplayFieldsDiffer:
        return tr("Linux (%2) with these settings would send a segment here, but with other %1.")
            .arg(replayFields(a[0]), profileText(a[1]));
    case Cause::ReplayMissing:
        return tr("Linux (%1) with these settings would have sent this segment; the capture has "
                  "none.")
            .arg(profileText(a[0]));
    case Cause::ReplayUnexpected:
        return tr("This captured segment has no counterpart in the run of Linux (%1) with these "
                  "settings.")
            .arg(profileText(a[0]));
    case Cause::ReplayRstNotAccepted: {
        const bool known = a[0] >= 0 && a[0] < static_cast<std::int64_t>(kCauseCount) &&
                           a[0] != static_cast<std::int64_t>(Cause::ReplayRstNotAccepted);
        return tr("The capture shows this RST ending the connection, but Linux would not accept "
                  "it: %1")
            .arg(known ? sentence(Reason(static_cast<Cause>(a[0]))) : QStringLiteral("?"));
    }
    case Cause::StaleDataAccepted:
        return tr("Data corruption: the new connection accepted %2 bytes sent by the old "
                  "incarnation #%1.")
            .arg(a[0])
            .arg(a[1]);
    case Cause::KilledByStaleRst:
        return tr("A stale RST sent by the old incarnation #%1 killed the new connection.")
            .arg(a[0]);
    case Cause::PeerResetInsteadOfAck:
        return tr("The passive closer was ended by a RST instead of the final ACK: its "
                  "application sees \"connection reset by peer\".");
    case Cause::ConnectFailed:
        return tr("connect() failed with %1.").arg(errnoText(static_cast<int>(a[0])));
    case Cause::SynSilentlyDropped:
        return tr("The SYN was dropped without a word: the client will retransmit it.");
    }
    return tr("Unknown cause %1.").arg(static_cast<int>(reason.code));
}

} // namespace tdl::ui
