// What a host does with an arriving segment: tcp_v4_rcv()'s lookup, then tcp_rcv_state_process()
// and its helpers from net/ipv4/tcp_input.c.

#include "input_verdict.h"
#include "tcp_stack.h"

#include <algorithm>
#include <cerrno>

namespace tdl {

void TcpStack::receive(HostId hostId, const Segment& segment, SegmentId id) {
    Host& host = ctx_.hosts[hostId];
    const FourTuple key{segment.dst, segment.src};
    if (const auto it = host.connections.find(key); it != host.connections.end()) {
        TcpSock& sock = sockets_[it->second];
        ctx_.deliveringTo(sock.id);
        if (sock.state == TcpState::SynSent) {
            synSentReceive(sock, segment, id);
        } else {
            establishedReceive(sock, segment, id);
        }
        return;
    }
    if (const auto it = host.timeWaits.find(key); it != host.timeWaits.end()) {
        ctx_.deliveringTo(timeWaits_[it->second].id);
        timeWaitReceive(it->second, segment, id);
        return;
    }
    if (const auto it = host.listeners.find(segment.dst.port); it != host.listeners.end()) {
        ctx_.deliveringTo(sockets_[it->second].id);
        listenerReceive(sockets_[it->second], segment, id, Seq(), false);
        return;
    }
    // A scripted peer has no sockets, so everything ends here: it answers nothing.
    if (host.scripted) {
        ctx_.delivered(hostId, kNoSocket, id, Reason(Cause::ScriptedPeer));
        return;
    }
    // tcp_v4_rcv() no_tcp_socket: answer with a RST (never to a RST).
    if (segment.has(flag::kRst)) {
        ctx_.delivered(hostId, kNoSocket, id, Reason(Cause::NotAcceptable));
        return;
    }
    ctx_.delivered(hostId, kNoSocket, id, Reason(Cause::RstNoSocket));
    sendResetFor(hostId, segment, kNoSocket, Reason(Cause::RstNoSocket));
}

// LISTEN: tcp_v4_conn_request() for a SYN; a stray ACK gets a RST.
void TcpStack::listenerReceive(TcpSock& listener, const Segment& segment, SegmentId id, Seq twIsn,
                               bool fromTimeWait) {
    const HostId hostId = listener.host;
    Host& host = ctx_.hosts[hostId];
    const std::uint32_t* peerStamp = nullptr;
    if (host.traits.hasTwRecycle && host.sysctls.tcp_tw_recycle != 0 && !fromTimeWait) {
        const auto peer = host.peerStamps.find(segment.src.address);
        if (peer != host.peerStamps.end() &&
            ctx_.nowSeconds(host) - peer->second.seconds <
                std::chrono::duration_cast<std::chrono::seconds>(kPawsMsl).count()) {
            peerStamp = &peer->second.tsval;
        }
    }
    if (const InputDecision d = tcpListenCheck(segment, peerStamp);
        d.verdict != InputVerdict::Accept) {
        carryOut(listener, segment, id, d);
        return;
    }
    const std::uint32_t listenerSlot = slotOf(listener);
    const std::uint32_t childReceiveBuffer = listener.childReceiveBuffer;
    const Duration userTimeout = listener.userTimeout;
    const std::uint32_t childClamp = listener.windowClamp;
    const Program program = listener.program;
    // inet_csk_clone_lock(): the child starts as its listener is, and RCV_SYN moves it on.
    const std::uint32_t slot =
        allocSocket(hostId, SocketRole::Passive, std::string(), TcpState::Listen);
    TcpSock& child = sockets_[slot];
    child.listenerSlot = listenerSlot;
    child.program = program;
    child.tuple = FourTuple{segment.dst, segment.src};
    child.receiveBuffer = childReceiveBuffer;
    child.userTimeout = userTimeout;
    child.irs = segment.seq;
    child.rcvNxt = segment.seq + 1;
    child.rcvWup = child.rcvNxt;
    child.iss = fromTimeWait ? twIsn : ctx_.secureIsn(host, child.tuple);
    isnChosen(child);
    child.sndUna = child.iss;
    child.sndWnd = segment.window;
    child.maxWindow = segment.window;
    child.sndWl1 = segment.seq;
    child.peerMss = segment.mss != 0 ? segment.mss : kMssDefault;
    child.peerIncarnation = segment.sender;
    child.timestamps = segment.hasTimestamp && host.sysctls.tcp_timestamps != 0;
    // tcp_parse_options() takes SACK-permitted only with tcp_sack on; tcp_openreq_init() keeps it
    // as ireq->sack_ok, which tcp_synack_options() answers with.
    child.sackOk = segment.sackPermitted && host.sysctls.tcp_sack != 0;
    if (child.timestamps) {
        child.tsOffset = ctx_.tsOffsetFor(host, child.tuple);
        child.tsRecent = segment.timestamp.value;
        child.tsRecentStamp = ctx_.nowSeconds(host);
    }
    // tcp_parse_options(): the SYN's window scale counts only if the sysctl allows; then
    // tcp_openreq_init_rwin(): the SYN,ACK's window, for an MSS less the timestamp option.
    child.wscaleOk = segment.windowScale >= 0 && host.sysctls.tcp_window_scaling != 0;
    child.sndWscale =
        child.wscaleOk ? static_cast<std::uint8_t>(std::min<int>(segment.windowScale, kMaxWscale))
                       : 0;
    initReceiveWindow(child, kDefaultMss - (child.timestamps ? kTimestampOptionLength : 0U),
                      childClamp);
    host.connections[child.tuple] = slot;
    publish(child);
    ctx_.delivered(hostId, child.id, id, Reason(Cause::RcvSyn));
    transition(child, TcpEvent::RcvSyn, Reason(Cause::RcvSyn), id);
}

// tcp_rcv_synsent_state_process().
void TcpStack::synSentReceive(TcpSock& sock, const Segment& segment, SegmentId id) {
    const HostId hostId = sock.host;
    Host& host = ctx_.hosts[hostId];
    if (const InputDecision d = tcpSynSentCheck(
            sock, segment, tcpTimeStampTs(host, sock.retransStamp), ctx_.tsNow(host));
        d.verdict != InputVerdict::Accept) {
        carryOut(sock, segment, id, d);
        return;
    }
    // A SYN,ACK that answers our SYN.
    sock.irs = segment.seq;
    sock.rcvNxt = segment.seq + 1;
    sock.rcvWup = sock.rcvNxt;
    sock.sndUna = segment.ack;
    sock.sndWnd = segment.window; // a SYN's window is never scaled
    sock.maxWindow = segment.window;
    // Window scaling holds only if both SYNs carried the option; else neither side scales and
    // our window stays within 16 bits.
    if (sock.wscaleOk && segment.windowScale >= 0) {
        sock.sndWscale = static_cast<std::uint8_t>(std::min<int>(segment.windowScale, kMaxWscale));
    } else {
        sock.wscaleOk = false;
        sock.sndWscale = 0;
        sock.rcvWscale = 0;
        sock.windowClamp = std::min(sock.windowClamp, kMaxWindow);
    }
    initBufferSpace(sock);
    sock.sndWl1 = segment.seq;
    sock.peerMss = segment.mss != 0 ? segment.mss : kMssDefault;
    sock.peerIncarnation = segment.sender;
    sock.timestamps = sock.timestamps && segment.hasTimestamp;
    // tcp_parse_options() on the SYN,ACK: SACK is on if it carries SACK-permitted and tcp_sack is.
    sock.sackOk = segment.sackPermitted && host.sysctls.tcp_sack != 0;
    if (sock.timestamps) {
        sock.tsRecent = segment.timestamp.value;
        sock.tsRecentStamp = ctx_.nowSeconds(host);
    }
    if (sock.rttPending && sock.retransmits == 0) {
        sampleRtt(sock, ctx_.now - sock.rttSentAt);
    }
    sock.rttPending = false;
    sock.retransmits = 0;
    sock.backoff = 0;
    publish(sock);
    ctx_.delivered(hostId, sock.id, id, Reason(Cause::RcvSynAck));
    cancelTimer(sock, TimerKind::Retransmit, Reason(Cause::AllAcked));
    transition(sock, TcpEvent::RcvSynAck, Reason(Cause::RcvSynAck), id);
}

void TcpStack::sampleRtt(TcpSock& sock, Duration rtt) {
    // tcp_rtt_estimator(), then tcp_set_rto().
    if (!sock.rttValid) {
        sock.srtt = rtt;
        sock.rttvar = rtt / 2;
        sock.rttValid = true;
    } else {
        const Duration delta = rtt > sock.srtt ? rtt - sock.srtt : sock.srtt - rtt;
        sock.rttvar = (sock.rttvar * 3 + delta) / 4;
        sock.srtt = (sock.srtt * 7 + rtt) / 8;
    }
    sock.rto = tcpSetRto(sock.srtt, sock.rttvar, ctx_.hosts[sock.host].hz);
}

// tcp_ack() for an ACK tcpAckCheck() accepted: an old duplicate is ignored (processing goes on);
// a new one moves snd_una, the window and the timers.
void TcpStack::processAck(TcpSock& sock, const Segment& segment) {
    const Seq ack = segment.ack;
    if (before(ack, sock.sndUna)) {
        return;
    }
    sock.probesOut = 0;
    // tcp_ack_update_window(): the peer's window in bytes (a SYN's is never scaled), then
    // tcp_may_update_window().
    const std::uint32_t window =
        segment.has(flag::kSyn) ? segment.window : std::uint32_t{segment.window} << sock.sndWscale;
    const bool advanced = after(ack, sock.sndUna);
    const bool windowUpdate = advanced || after(segment.seq, sock.sndWl1) ||
                              (segment.seq == sock.sndWl1 && window > sock.sndWnd);
    if (windowUpdate) {
        sock.sndWnd = window;
        sock.sndWl1 = segment.seq;
        sock.maxWindow = std::max(sock.maxWindow, window);
    }
    if (advanced) {
        sock.sndUna = ack;
        if (before(sock.sndNxt, sock.sndUna)) {
            sock.sndNxt = sock.sndUna;
        }
        if (sock.rttPending && !before(ack, sock.rttSeq)) {
            sampleRtt(sock, ctx_.now - sock.rttSentAt);
            sock.rttPending = false;
        } else if (sock.backoff > 0) {
            sock.rto = sock.rttValid ? tcpSetRto(sock.srtt, sock.rttvar, ctx_.hosts[sock.host].hz)
                                     : kTimeoutInit;
        }
        sock.retransmits = 0;
        sock.backoff = 0;
        sock.firstSentAt = ctx_.now;
        if (sock.sndUna == sock.sndMax) {
            sock.afterRto = false;
        }
    }
    // tcp_process_tlp_ack(): the probe is over when the ACK passes what it covered (it repaired a
    // loss: the kernel reduces a congestion window the engine does not model), or when a pure
    // duplicate ACK reaches it (original and probe both arrived). Every probe here re-sent data.
    if (sock.tlpOutstanding && !before(ack, sock.tlpHighSeq) &&
        (after(ack, sock.tlpHighSeq) ||
         (!advanced && !windowUpdate && segment.endSeq() == segment.seq))) {
        sock.tlpOutstanding = false;
    }
    if (advanced) {
        // tcp_set_xmit_timer(): a loss probe if one may go, else the RTO (tcp_rearm_rto(), which
        // stops the timer once nothing is in flight).
        if (!scheduleLossProbe(sock, true)) {
            rearmRto(sock, Reason(Cause::DataInFlight));
        }
    }
    // tcp_ack_probe(): an opened window stops the probes; a still-shut one re-arms them.
    if (sock.timerArmed(TimerKind::ZeroWindowProbe) && sock.sndNxt != sock.writeSeq()) {
        const Seq dataEnd = sock.iss + 1 + static_cast<std::uint32_t>(sock.bytesWritten);
        const Seq nextEnd =
            before(sock.sndNxt, dataEnd)
                ? sock.sndNxt + std::min<std::uint32_t>(
                                    sock.peerMss, static_cast<std::uint32_t>(dataEnd - sock.sndNxt))
                : sock.sndNxt + 1;
        if (!after(nextEnd, sock.sndUna + sock.sndWnd)) {
            sock.backoff = 0;
            sock.probesStamp.reset();
            cancelTimer(sock, TimerKind::ZeroWindowProbe, Reason(Cause::WindowOpened));
        } else {
            armTimer(sock, TimerKind::ZeroWindowProbe,
                     clampProbe0ToUserTimeout(sock, tcpProbe0When(sock.rto, sock.backoff), ctx_.now,
                                              ctx_.hosts[sock.host].hz),
                     Reason(Cause::WindowClosed));
        }
    }
}

// tcp_reset().
void TcpStack::resetSocket(TcpSock& sock, const Segment& segment, SegmentId id) {
    int error = ECONNRESET;
    if (sock.state == TcpState::SynSent) {
        error = ECONNREFUSED;
    } else if (sock.state == TcpState::CloseWait) {
        error = EPIPE;
    }
    ctx_.delivered(sock.host, sock.id, id, Reason(Cause::RcvRst, error));
    if (sock.state == TcpState::LastAck) {
        ctx_.anomaly(sock.host, sock.id, id, Reason(Cause::PeerResetInsteadOfAck));
    }
    // Socket ids grow with every incarnation: a RST from an older one than our peer is stale.
    if (segment.sender != kNoSocket && sock.peerIncarnation != kNoSocket &&
        segment.sender < sock.peerIncarnation) {
        ctx_.anomaly(sock.host, sock.id, id, Reason(Cause::KilledByStaleRst, segment.sender));
    }
    setSocketError(sock, error);
    if (done(sock, Reason(Cause::RcvRst, error), id)) {
        apps_.appEvent(sock, AppEvent::Error);
    }
}

// Carries out a verdict of the checks in tcp_validate.cpp (or TCPAbortOnData's): the one place
// that answers, resets or frees for them, as tcp_v4_do_rcv() does with its callees' "reset" and
// "discard". The socket may be gone afterwards; nothing reads it after this.
void TcpStack::carryOut(TcpSock& sock, const Segment& segment, SegmentId id,
                        const InputDecision& d) {
    const HostId hostId = sock.host;
    const SocketId sockId = sock.id; // for the RST after tcp_done() has freed an orphan
    switch (d.verdict) {
    case InputVerdict::Accept:
        break;
    case InputVerdict::Discard:
        ctx_.delivered(hostId, sockId, id, d.why);
        break;
    case InputVerdict::Ack:
        ctx_.delivered(hostId, sockId, id, d.why);
        sendAck(sock, d.why);
        break;
    case InputVerdict::ChallengeAck:
        challenge(sock, id, d.why.code);
        break;
    case InputVerdict::Reset:
        resetSocket(sock, segment, id);
        break;
    case InputVerdict::SendReset:
        ctx_.delivered(hostId, sockId, id, d.why);
        sendResetFor(hostId, segment, kNoSocket, d.why);
        break;
    case InputVerdict::ResendSynAck:
        ctx_.delivered(hostId, sockId, id, d.why);
        sendSegment(sock, flag::kSyn | flag::kAck, sock.iss, 0,
                    Reason(Cause::Retransmit, sock.retransmits));
        break;
    case InputVerdict::EmbryonicReset:
        ctx_.delivered(hostId, sockId, id, d.why);
        sendResetFor(hostId, segment, kNoSocket, d.why); // never to a RST
        if (done(sock, d.why, id)) {
            freeSocket(slotOf(sock)); // never accepted: no application holds it
        }
        break;
    case InputVerdict::AbortOnData:
        ctx_.delivered(hostId, sockId, id, d.why);
        done(sock, d.why, id);
        sendResetFor(hostId, segment, sockId, d.why);
        break;
    case InputVerdict::ResetStaleAck:
        ctx_.delivered(hostId, sockId, id, d.why);
        if (sock.retransmits == 0) {
            // tcp_rcv_synsent_state_process(): the SYN goes again TCP_TIMEOUT_MIN after the RST.
            armTimer(sock, TimerKind::Retransmit, tcpTimeoutMin(ctx_.hosts[hostId].hz), d.why);
        }
        sendResetFor(hostId, segment, sockId, d.why);
        break;
    case InputVerdict::ResetBadEcho:
        ctx_.delivered(hostId, sockId, id, d.why);
        sendResetFor(hostId, segment, sockId, d.why);
        break;
    case InputVerdict::RecycleReject:
        ctx_.delivered(hostId, sockId, id, d.why);
        ctx_.anomaly(hostId, sockId, id, Reason(Cause::SynSilentlyDropped));
        break;
    }
}

// tcp_rcv_state_process() for every state after SYN-SENT.
void TcpStack::establishedReceive(TcpSock& sock, const Segment& segment, SegmentId id) {
    const HostId hostId = sock.host;

    // Classify: the request socket's checks, tcp_validate_incoming(), an ACK at all, tcp_ack()'s.
    const Host& host = ctx_.hosts[hostId];
    const InputContext input{.now = ctx_.now,
                             .nowSeconds = ctx_.nowSeconds(host),
                             .invalidRateLimit =
                                 std::chrono::milliseconds(host.sysctls.tcp_invalid_ratelimit),
                             .hz = host.hz};
    if (sock.state == TcpState::SynReceived) {
        if (const InputDecision d = tcpCheckReq(sock, segment, input);
            d.verdict != InputVerdict::Accept) {
            carryOut(sock, segment, id, d);
            return;
        }
    }
    if (const InputDecision d = tcpValidateIncoming(sock, segment, input);
        d.verdict != InputVerdict::Accept) {
        carryOut(sock, segment, id, d);
        return;
    }
    if (!segment.has(flag::kAck)) {
        carryOut(sock, segment, id,
                 InputDecision{InputVerdict::Discard, Reason(Cause::NotAcceptable)});
        return;
    }
    if (const InputDecision d = tcpAckCheck(sock, segment); d.verdict != InputVerdict::Accept) {
        carryOut(sock, segment, id, d);
        return;
    }

    // Step 5: the ACK.
    processAck(sock, segment);
    const bool finAcked = sock.finQueued && sock.sndUna == sock.writeSeq();
    switch (sock.state) {
    case TcpState::SynReceived:
        initBufferSpace(sock);
        transition(sock, TcpEvent::RcvAckOfSyn, Reason(Cause::RcvAckOfSyn), id);
        break;
    case TcpState::FinWait1: {
        if (!finAcked) {
            break;
        }
        transition(sock, TcpEvent::RcvAckOfFin, Reason(Cause::RcvAckOfFin), id);
        if (!sock.orphan || !host.traits.orphanFinWait2Timeout) {
            break; // a socket the application holds waits in FIN-WAIT-2 for ever
        }
        if (newDataAfterClose(sock, segment)) {
            // New data for an orphan: nobody will read it.
            carryOut(sock, segment, id,
                     InputDecision{InputVerdict::AbortOnData, Reason(Cause::RstDataAfterClose)});
            return;
        }
        if (lingerInFinWait2(sock, segment.has(flag::kFin), Reason(Cause::RcvAckOfFin), id)) {
            return;
        }
        break;
    }
    case TcpState::Closing:
        if (finAcked) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::RcvAckOfFin));
            enterTimeWait(sock, TcpEvent::RcvAckOfFin, Reason(Cause::RcvAckOfFin), id);
            return;
        }
        break;
    case TcpState::LastAck:
        if (finAcked) {
            ctx_.delivered(hostId, sock.id, id, Reason(Cause::RcvAckOfFin));
            // LAST-ACK -> CLOSED, and tcp_done(): no TIME_WAIT for the passive closer.
            transition(sock, TcpEvent::RcvAckOfFin, Reason(Cause::RcvAckOfFin), id);
            done(sock, Reason(Cause::RcvAckOfFin), id);
            return;
        }
        break;
    default:
        break;
    }

    // Step 7: the data.
    const bool hasSpace = segment.length > 0 || segment.has(flag::kFin);
    if (hasSpace) {
        bool queue = true;
        switch (sock.state) {
        case TcpState::CloseWait:
        case TcpState::Closing:
        case TcpState::LastAck:
            if (!before(segment.seq, sock.rcvNxt)) {
                queue = false; // the peer already sent its FIN: nothing new can follow
                ctx_.delivered(hostId, sock.id, id, Reason(Cause::RcvDuplicateFin));
                if (segment.has(flag::kFin) || segment.length > 0) {
                    scheduleAck(sock, true, Reason(Cause::AckDuplicate));
                }
                break;
            }
            [[fallthrough]];
        case TcpState::FinWait1:
        case TcpState::FinWait2:
            // RFC 1122 §4.2.2.13: data after close() resets the connection.
            if ((sock.shutdownMask & kRcvShutdown) && newDataAfterClose(sock, segment) &&
                host.traits.rstOnDataAfterClose) {
                carryOut(
                    sock, segment, id,
                    InputDecision{InputVerdict::AbortOnData, Reason(Cause::RstDataAfterClose)});
                return;
            }
            break;
        default:
            break;
        }
        if (queue && !queueData(sock, segment, id)) {
            return;
        }
    }

    // tcp_data_snd_check() then tcp_ack_snd_check().
    TcpSock& current = sock;
    pushPending(current);
    if (current.ackPending) {
        // __tcp_ack_snd_check(): more than one full segment unacknowledged (and nothing unread,
        // or a window that does not shrink), or quickack mode, means an ACK now, whether or not
        // a delayed ACK is already waiting.
        const bool twoSegments =
            static_cast<std::uint32_t>(current.rcvNxt - current.rcvWup) > current.peerMss &&
            (current.unread == 0 || advertisedWindow(current) >= current.lastAdvertised);
        const bool quick = current.quickAcks > 0 && !current.pingpong;
        if (twoSegments) {
            sendAck(current, Reason(Cause::AckTwoSegments));
        } else if (quick) {
            sendAck(current, Reason(Cause::AckQuick));
        } else if (!current.timerArmed(TimerKind::DelayedAck)) {
            scheduleAck(current, false, Reason(Cause::AckScheduled));
        }
    }
}

// tcp_data_queue(): in-order data and the FIN; duplicates are ACKed at once; out-of-order
// segments are not kept (the sender resends them). False if the socket is gone (an orphan's FIN
// in FIN-WAIT-2 hands it over to a TIME_WAIT record).
bool TcpStack::queueData(TcpSock& sock, const Segment& segment, SegmentId id) {
    const Seq end = segment.endSeq();
    if (!after(end, sock.rcvNxt)) {
        ctx_.delivered(sock.host, sock.id, id, Reason(Cause::AckDuplicate));
        sock.quickAcks = std::max(sock.quickAcks, 1);
        scheduleAck(sock, true, Reason(Cause::AckDuplicate));
        return true;
    }
    if (after(segment.seq, sock.rcvNxt)) {
        const Reason why(Cause::AckOutOfOrder, static_cast<std::uint32_t>(sock.rcvNxt - sock.irs));
        ctx_.delivered(sock.host, sock.id, id, why);
        scheduleAck(sock, true, why);
        return true;
    }
    // In order (perhaps overlapping what we have): take the new part. A closed window drops new
    // data but not a bare FIN, which costs no memory (tcp_data_queue(): "tcp: accept bare FIN
    // packets under memory pressure").
    const Seq dataEnd = segment.seq + segment.length;
    const std::uint32_t fresh =
        after(dataEnd, sock.rcvNxt) ? static_cast<std::uint32_t>(dataEnd - sock.rcvNxt) : 0;
    if (fresh > 0) {
        if (tcpReceiveWindow(sock) == 0) {
            ctx_.delivered(sock.host, sock.id, id, Reason(Cause::ZeroWindow));
            scheduleAck(sock, true, Reason(Cause::ZeroWindow));
            return true;
        }
        ctx_.delivered(sock.host, sock.id, id, Reason(Cause::Accepted));
        if (segment.sender < sock.peerIncarnation && segment.sender != kNoSocket) {
            ctx_.anomaly(sock.host, sock.id, id,
                         Reason(Cause::StaleDataAccepted, segment.sender, fresh));
        }
        sock.rcvNxt += fresh;
        if (!sock.quickAckInitialised) {
            // tcp_event_data_recv(): the first data starts quickack mode (TCP_MAX_QUICKACKS,
            // at most half the window in full segments).
            sock.quickAckInitialised = true;
            sock.quickAcks = static_cast<int>(std::min<std::uint32_t>(
                kMaxQuickAcks, std::max<std::uint32_t>(1, sock.receiveBuffer / (2 * kDefaultMss))));
            sock.ato = kDelayedAckMin;
        }
        sock.lastDataReceived = ctx_.now;
        if (!sock.reading) {
            // A blocked read() returns with what arrived, up to what it asked for.
            const std::uint64_t taken = std::min<std::uint64_t>(fresh, sock.readWaiting);
            sock.readWaiting = 0;
            sock.unread += fresh - taken;
        }
        receiveWindowGrows(sock, segment.length);
        sock.ackPending = true;
        if (sock.program != Program::None) {
            apps_.appEvent(sock, AppEvent::Data);
        }
    } else {
        ctx_.delivered(sock.host, sock.id, id, Reason(Cause::RcvFin));
    }
    if (!segment.has(flag::kFin)) {
        return true;
    }
    // A full buffer fails tcp_try_rmem_schedule(), which sets ICSK_ACK_NOW: the FIN that is
    // queued anyway is ACKed at once, not after the delayed-ACK timer.
    const bool bufferFull = fresh == 0 && advertisedWindow(sock) == 0;
    if (!receiveFin(sock, segment, id)) {
        return false;
    }
    if (bufferFull && sock.ackPending) {
        sendAck(sock, Reason(Cause::ZeroWindow));
    }
    return true;
}

// tcp_fin(). False if the socket is gone: an orphan hands over to a TIME_WAIT record and is freed.
bool TcpStack::receiveFin(TcpSock& sock, const Segment& /*segment*/, SegmentId id) {
    sock.rcvNxt += 1;
    sock.shutdownMask |= kRcvShutdown;
    sock.finReceived = true;
    sock.readWaiting = 0; // a blocked read() returns 0
    sock.ackPending = true;
    const Reason why(Cause::RcvFin);
    switch (sock.state) {
    case TcpState::FinWait1:
        // Simultaneous close: ACK their FIN at once and wait for the ACK of ours in CLOSING.
        sendAck(sock, why);
        break;
    case TcpState::FinWait2: {
        sendAck(sock, why);
        const bool lives = !sock.orphan; // tcp_time_wait() and tcp_done() free only orphans
        enterTimeWait(sock, TcpEvent::RcvFin, why, id);
        return lives;
    }
    default:
        break;
    }
    transition(sock, TcpEvent::RcvFin, why, id);
    if (!sock.orphan && sock.reading && sock.unread == 0 && !sock.eofDelivered) {
        sock.eofDelivered = true;
        apps_.appEvent(sock, AppEvent::Eof);
    }
    return true;
}

// tcp_init_buffer_space() as the connection is established: the clamp no larger than the
// buffer, rcv_ssthresh within the clamp. (A 6.18 kernel offers the whole of rcv_ssthresh in
// its first ACK: no segment is held back for tcp_app_win.)
void TcpStack::initBufferSpace(TcpSock& sock) {
    sock.windowClamp = std::min(sock.windowClamp, sock.receiveBuffer);
    sock.rcvSsthresh = std::min(sock.rcvSsthresh, sock.windowClamp);
}

// Data arrived: tcp_measure_rcv_mss() learns the peer's segment size, and tcp_grow_window()
// lets the offered window grow toward what the buffer has room for, two segments at a time.
void TcpStack::receiveWindowGrows(TcpSock& sock, std::uint32_t length) {
    if (length >= sock.rcvMss) {
        sock.rcvMss = static_cast<std::uint16_t>(std::min(length, kDefaultMss));
    }
    const std::uint32_t limit = std::min(sock.windowClamp, tcpFreeSpace(sock));
    if (length >= 128 && sock.rcvSsthresh < limit) {
        const std::uint32_t increment = std::max(2 * kDefaultMss, 2 * length);
        sock.rcvSsthresh += std::min(limit - sock.rcvSsthresh, increment);
    }
}

} // namespace tdl
