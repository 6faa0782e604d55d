<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>tdl::ui::CauseCatalog</name>
        <message>
            <source>connection reset by peer</source>
            <translation>连接被对端重置</translation>
        </message>
        <message>
            <source>connection refused</source>
            <translation>连接被拒绝</translation>
        </message>
        <message>
            <source>broken pipe</source>
            <translation>管道已断开</translation>
        </message>
        <message>
            <source>connection timed out</source>
            <translation>连接超时</translation>
        </message>
        <message>
            <source>cannot assign requested address</source>
            <translation>无法分配请求的地址</translation>
        </message>
        <message>
            <source>address already in use</source>
            <translation>地址已被占用</translation>
        </message>
        <message>
            <source>socket is not connected</source>
            <translation>套接字未连接</translation>
        </message>
        <message>
            <source>invalid argument</source>
            <translation>参数无效</translation>
        </message>
        <message>
            <source>no route to host</source>
            <translation>没有到主机的路由</translation>
        </message>
        <message>
            <source>error %1</source>
            <translation>错误 %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>No cause recorded.</source>
            <translation>未记录原因。</translation>
        </message>
        <message>
            <source>The application called listen().</source>
            <translation>应用程序调用了 listen()。</translation>
        </message>
        <message>
            <source>The application called connect().</source>
            <translation>应用程序调用了 connect()。</translation>
        </message>
        <message>
            <source>The application wrote %1 bytes.</source>
            <translation>应用程序写入了 %1 字节。</translation>
        </message>
        <message>
            <source>The application called shutdown(%1).</source>
            <translation>应用程序调用了 shutdown(%1)。</translation>
        </message>
        <message>
            <source>The application called close().</source>
            <translation>应用程序调用了 close()。</translation>
        </message>
        <message>
            <source>The application stopped reading: arriving bytes pile up in the receive buffer.</source>
            <translation>应用程序停止读取：到达的数据堆积在接收缓冲区中。</translation>
        </message>
        <message>
            <source>The application reads again.</source>
            <translation>应用程序恢复读取。</translation>
        </message>
        <message>
            <source>The application set SO_LINGER (l_onoff = %1, l_linger = %2 s).</source>
            <translation>应用程序设置了 SO_LINGER（l_onoff = %1，l_linger = %2 秒）。</translation>
        </message>
        <message>
            <source>Every local port of ip_local_port_range (%1–%2) toward this server is taken: connect() fails with EADDRNOTAVAIL.</source>
            <translation>ip_local_port_range（%1–%2）中通往该服务器的本地端口已全部占用：connect() 以 EADDRNOTAVAIL 失败。</translation>
        </message>
        <message>
            <source>The socket is not connected (ENOTCONN).</source>
            <translation>套接字未连接（ENOTCONN）。</translation>
        </message>
        <message>
            <source>Port %1 is already in use (EADDRINUSE).</source>
            <translation>端口 %1 已被占用（EADDRINUSE）。</translation>
        </message>
        <message>
            <source>Active open: connect() sends a SYN.</source>
            <translation>主动打开：connect() 发送 SYN。</translation>
        </message>
        <message>
            <source>The listener received a SYN and answers with SYN,ACK.</source>
            <translation>监听套接字收到 SYN，回复 SYN,ACK。</translation>
        </message>
        <message>
            <source>The SYN,ACK acknowledges our SYN: the connection is established and we acknowledge it.</source>
            <translation>SYN,ACK 确认了我方的 SYN：连接建立，我方回复 ACK 确认。</translation>
        </message>
        <message>
            <source>The ACK acknowledges our SYN,ACK: the connection is established.</source>
            <translation>ACK 确认了我方的 SYN,ACK：连接建立。</translation>
        </message>
        <message>
            <source>Carries %1 bytes of data.</source>
            <translation>携带 %1 字节数据。</translation>
        </message>
        <message>
            <source>Quick-ACK mode: acknowledged at once.</source>
            <translation>快速 ACK 模式：立即确认。</translation>
        </message>
        <message>
            <source>The delayed-ACK timer fired: the ACK goes out now.</source>
            <translation>延迟 ACK 定时器到期：现在发出 ACK。</translation>
        </message>
        <message>
            <source>More than one full-sized segment is unacknowledged: ACK at once.</source>
            <translation>未确认的满长报文段超过一个：立即发送 ACK。</translation>
        </message>
        <message>
            <source>These bytes were already received: a duplicate ACK goes out at once.</source>
            <translation>这些字节早已收到：立即发送重复 ACK。</translation>
        </message>
        <message>
            <source>Out of order (expected seq %1): a duplicate ACK goes out at once.</source>
            <translation>乱序到达（期望 seq %1）：立即发送重复 ACK。</translation>
        </message>
        <message>
            <source>Window update: the receive window is now %1 bytes.</source>
            <translation>窗口更新：接收窗口现为 %1 字节。</translation>
        </message>
        <message>
            <source>The receiver accepted the segment.</source>
            <translation>接收方接受了该报文段。</translation>
        </message>
        <message>
            <source>The receive buffer is full: the advertised window is 0.</source>
            <translation>接收缓冲区已满：通告窗口为 0。</translation>
        </message>
        <message>
            <source>close() sends a FIN: this side has no more data to send.</source>
            <translation>close() 发送 FIN：本端不再发送数据。</translation>
        </message>
        <message>
            <source>shutdown(SHUT_WR) sends a FIN: a half-close, this side can still receive.</source>
            <translation>shutdown(SHUT_WR) 发送 FIN：半关闭，本端仍可接收数据。</translation>
        </message>
        <message>
            <source>The peer's FIN arrived: the peer has no more data (read() returns 0).</source>
            <translation>对端的 FIN 到达：对端不再发送数据（read() 返回 0）。</translation>
        </message>
        <message>
            <source>The ACK covers our FIN.</source>
            <translation>这个 ACK 确认了我方的 FIN。</translation>
        </message>
        <message>
            <source>A retransmitted FIN that was already received: acknowledge it again.</source>
            <translation>收到已接收过的重传 FIN：再次确认。</translation>
        </message>
        <message>
            <source>2MSL has passed: TIME_WAIT ends and the 4-tuple is free again.</source>
            <translation>2MSL 已过：TIME_WAIT 结束，四元组可以再次使用。</translation>
        </message>
        <message>
            <source>A retransmitted FIN in TIME_WAIT: acknowledge it again and restart the 2MSL timer.</source>
            <translation>TIME_WAIT 中收到重传的 FIN：再次确认，并重新开始 2MSL 计时。</translation>
        </message>
        <message>
            <source>The orphan stayed in FIN-WAIT-2 for tcp_fin_timeout (%1 s): it is closed.</source>
            <translation>孤儿套接字在 FIN-WAIT-2 中停留了 tcp_fin_timeout（%1 秒）：被关闭。</translation>
        </message>
        <message>
            <source>tcp_max_tw_buckets (%1) is reached: the socket skips TIME_WAIT and closes at once.</source>
            <translation>已达到 tcp_max_tw_buckets（%1）：套接字跳过 TIME_WAIT，立即关闭。</translation>
        </message>
        <message>
            <source>connect() took over this 4-tuple from a socket in TIME_WAIT (tcp_tw_reuse).</source>
            <translation>connect() 从处于 TIME_WAIT 的套接字接管了这个四元组（tcp_tw_reuse）。</translation>
        </message>
        <message>
            <source>A newer SYN ended TIME_WAIT and opens a new connection (new ISN %1).</source>
            <translation>一个更新的 SYN 结束了 TIME_WAIT，并建立新连接（新 ISN 为 %1）。</translation>
        </message>
        <message>
            <source>An in-window RST killed TIME_WAIT early (TIME-WAIT assassination, tcp_rfc1337 = 0).</source>
            <translation>窗口内的 RST 提前终结了 TIME_WAIT（TIME-WAIT 暗杀，tcp_rfc1337 = 0）。</translation>
        </message>
        <message>
            <source>tcp_rfc1337 = 1: the RST is ignored and TIME_WAIT goes on.</source>
            <translation>tcp_rfc1337 = 1：忽略该 RST，TIME_WAIT 继续。</translation>
        </message>
        <message>
            <source>The socket is released.</source>
            <translation>套接字被释放。</translation>
        </message>
        <message>
            <source>close() with %1 unread bytes: a RST instead of a FIN (RFC 2525).</source>
            <translation>close() 时还有 %1 字节未读：发送 RST 而不是 FIN（RFC 2525）。</translation>
        </message>
        <message>
            <source>SO_LINGER with l_linger = 0: close() aborts the connection with a RST.</source>
            <translation>SO_LINGER 的 l_linger = 0：close() 用 RST 中止连接。</translation>
        </message>
        <message>
            <source>Data arrived after close(): the answer is a RST.</source>
            <translation>close() 之后又收到数据：以 RST 回应。</translation>
        </message>
        <message>
            <source>No socket matches this segment: the stack answers with a RST.</source>
            <translation>没有套接字与该报文段匹配：协议栈以 RST 回应。</translation>
        </message>
        <message>
            <source>In SYN-SENT, the ACK does not acknowledge our SYN: the answer is a RST.</source>
            <translation>在 SYN-SENT 状态下，该 ACK 没有确认我方的 SYN：以 RST 回应。</translation>
        </message>
        <message>
            <source>In SYN-RECEIVED, a RST or a new SYN inside the window ends the connection attempt: the request is dropped, and a SYN gets a RST.</source>
            <translation>在 SYN-RECEIVED 状态下，窗口内的 RST 或新的 SYN 会终止这次连接尝试：连接请求被丢弃，若是 SYN 则以 RST 回应。</translation>
        </message>
        <message>
            <source>Too many orphaned sockets (%1, tcp_max_orphans = %2): close() sends a RST.</source>
            <translation>孤儿套接字过多（%1 个，tcp_max_orphans = %2）：close() 发送 RST。</translation>
        </message>
        <message>
            <source>New data arrived for an orphan in FIN-WAIT-2: the answer is a RST.</source>
            <translation>处于 FIN-WAIT-2 的孤儿套接字收到新数据：以 RST 回应。</translation>
        </message>
        <message>
            <source>A RST arrived: the connection is aborted and the application gets %1.</source>
            <translation>收到 RST：连接被中止，应用程序得到 %1。</translation>
        </message>
        <message>
            <source>The RST is outside the receive window: ignored.</source>
            <translation>该 RST 不在接收窗口内：忽略。</translation>
        </message>
        <message>
            <source>The RST is in the window but not exactly at rcv_nxt: challenge ACK (RFC 5961 §3.2).</source>
            <translation>该 RST 在窗口内但不恰好等于 rcv_nxt：回复挑战 ACK（RFC 5961 §3.2）。</translation>
        </message>
        <message>
            <source>A SYN on a synchronized connection: challenge ACK (RFC 5961 §4.2).</source>
            <translation>已同步的连接收到 SYN：回复挑战 ACK（RFC 5961 §4.2）。</translation>
        </message>
        <message>
            <source>The ACK acknowledges data never sent or too old: challenge ACK (RFC 5961 §5.2).</source>
            <translation>该 ACK 确认了从未发送或过旧的数据：回复挑战 ACK（RFC 5961 §5.2）。</translation>
        </message>
        <message>
            <source>The ACK acknowledges data never sent: in ESTABLISHED it is dropped without an answer.</source>
            <translation>该 ACK 确认了从未发送的数据：在 ESTABLISHED 状态下直接丢弃，不作回应。</translation>
        </message>
        <message>
            <source>The challenge ACK is suppressed by tcp_challenge_ack_limit.</source>
            <translation>挑战 ACK 被 tcp_challenge_ack_limit 限速而未发送。</translation>
        </message>
        <message>
            <source>PAWS: TSval %1 is older than ts_recent %2, so the segment is dropped (and answered with a duplicate ACK).</source>
            <translation>PAWS：TSval %1 比 ts_recent %2 更旧，报文段被丢弃（并回复重复 ACK）。</translation>
        </message>
        <message>
            <source>PAWS: a pure ACK with an old timestamp (TSval %1, ts_recent %2) is dropped.</source>
            <translation>PAWS：带旧时间戳的纯 ACK（TSval %1，ts_recent %2）被丢弃。</translation>
        </message>
        <message>
            <source>Outside the receive window (seq %1, rcv_nxt %2, window %3): dropped, answered with a duplicate ACK.</source>
            <translation>不在接收窗口内（seq %1，rcv_nxt %2，窗口 %3）：丢弃，并回复重复 ACK。</translation>
        </message>
        <message>
            <source>The duplicate ACK is suppressed by tcp_invalid_ratelimit.</source>
            <translation>重复 ACK 被 tcp_invalid_ratelimit 限速而未发送。</translation>
        </message>
        <message>
            <source>tcp_tw_recycle: the SYN's TSval %1 is older than the %2 cached for this peer, so the SYN is dropped without a word.</source>
            <translation>tcp_tw_recycle：SYN 的 TSval %1 比为该对端缓存的 %2 更旧，SYN 被悄悄丢弃。</translation>
        </message>
        <message>
            <source>Nothing in this state can take the segment: dropped.</source>
            <translation>当前状态无法处理该报文段：丢弃。</translation>
        </message>
        <message>
            <source>Retransmission timeout #%1 (RTO %2 ms).</source>
            <translation>第 %1 次重传超时（RTO %2 毫秒）。</translation>
        </message>
        <message>
            <source>Retransmission #%1.</source>
            <translation>第 %1 次重传。</translation>
        </message>
        <message>
            <source>The orphan gave up after %1 retransmissions (tcp_orphan_retries): the connection is aborted without a RST.</source>
            <translation>孤儿套接字在 %1 次重传后放弃（tcp_orphan_retries）：连接被中止，不发送 RST。</translation>
        </message>
        <message>
            <source>Gave up after %1 retransmissions (tcp_retries2): the connection is aborted and the application gets ETIMEDOUT.</source>
            <translation>%1 次重传后放弃（tcp_retries2）：连接被中止，应用程序得到 ETIMEDOUT。</translation>
        </message>
        <message>
            <source>Zero-window probe #%1.</source>
            <translation>第 %1 次零窗口探测。</translation>
        </message>
        <message>
            <source>A tail loss probe is scheduled (tcp_schedule_loss_probe): with no RTT sample yet its timeout is 1 s, or the RTO&apos;s time if that comes sooner.</source>
            <translation>安排了一次尾部丢失探测（tcp_schedule_loss_probe）：还没有 RTT 样本，探测超时为 1 秒；如果 RTO 更早到期，就取 RTO 的时间。</translation>
        </message>
        <message>
            <source>A tail loss probe is scheduled (tcp_schedule_loss_probe): 2 × srtt (%1) + %2 would come after the RTO, so the probe takes the RTO&apos;s time.</source>
            <translation>安排了一次尾部丢失探测（tcp_schedule_loss_probe）：2 × 平滑 RTT（%1）+ %2 会晚于 RTO，所以探测取 RTO 的时间。</translation>
        </message>
        <message>
            <source>A tail loss probe is scheduled (tcp_schedule_loss_probe): if nothing is acknowledged within 2 × srtt (%1) + %2, in whole jiffies, the last segment goes again before the RTO.</source>
            <translation>安排了一次尾部丢失探测（tcp_schedule_loss_probe）：如果在 2 × 平滑 RTT（%1）+ %2（取整到 jiffies）之内没有任何确认，就在 RTO 之前再发一次最后一个报文段。</translation>
        </message>
        <message>
            <source>Tail loss probe (tcp_send_loss_probe): nothing was acknowledged within the probe timeout, so the last segment goes again, sooner than an RTO would send it, to draw an ACK. The RTO timer then starts over from now.</source>
            <translation>尾部丢失探测（tcp_send_loss_probe）：探测超时之内没有收到任何确认，于是比 RTO 更早地再发一次最后一个报文段，以引出对端的 ACK。之后 RTO 定时器从此刻重新计时。</translation>
        </message>
        <message>
            <source>The window stayed closed after %1 probes (tcp_orphan_retries): the orphan is aborted without a word.</source>
            <translation>%1 次探测后窗口仍为零（tcp_orphan_retries）：孤儿套接字被悄悄中止。</translation>
        </message>
        <message>
            <source>Unacknowledged data or FIN in flight: the retransmission timer is armed.</source>
            <translation>有未确认的数据或 FIN 在途：启动重传定时器。</translation>
        </message>
        <message>
            <source>Everything is acknowledged: the retransmission timer is stopped.</source>
            <translation>所有数据都已确认：停止重传定时器。</translation>
        </message>
        <message>
            <source>An ACK is due: the delayed-ACK timer is armed.</source>
            <translation>需要发送 ACK：启动延迟 ACK 定时器。</translation>
        </message>
        <message>
            <source>An ACK went out: the delayed-ACK timer is no longer needed.</source>
            <translation>ACK 已发出：不再需要延迟 ACK 定时器。</translation>
        </message>
        <message>
            <source>The peer's window is 0: the zero-window probe timer is armed.</source>
            <translation>对端窗口为 0：启动零窗口探测定时器。</translation>
        </message>
        <message>
            <source>The peer's window opened: probing stops.</source>
            <translation>对端窗口已打开：停止探测。</translation>
        </message>
        <message>
            <source>The socket is gone: the timer no longer matters.</source>
            <translation>套接字已不存在：定时器不再有意义。</translation>
        </message>
        <message>
            <source>Crafted segment %1 of the scenario, injected as written (a what-if).</source>
            <translation>场景中的第 %1 个构造报文段，按所写内容注入（假设分析）。</translation>
        </message>
        <message>
            <source>A scripted peer took it: it sends only what the scenario injects and answers nothing.</source>
            <translation>脚本对端收下了它：它只发送场景注入的报文段，不作任何应答。</translation>
        </message>
        <message>
            <source>Crafted segment %1 was not sent: the socket it names does not exist yet.</source>
            <translation>第 %1 个构造报文段未发送：它指定的套接字尚不存在。</translation>
        </message>
        <message>
            <source>Crafted segment %1 was not sent: its relative sequence number has no ISN to count from.</source>
            <translation>第 %1 个构造报文段未发送：它的相对序号没有可作起点的 ISN。</translation>
        </message>
        <message>
            <source>Crafted segment %1 was dropped on arrival: no receiving socket&apos;s ISN to count its relative acknowledgement number from.</source>
            <translation>第 %1 个构造报文段到达时被丢弃：没有接收端套接字的 ISN 可作其相对确认号的起点。</translation>
        </message>
        <message>
            <source>Crafted segment %1 was dropped on arrival: no TSval of the receiving socket to count its relative TSecr from.</source>
            <translation>第 %1 个构造报文段到达时被丢弃：没有接收端套接字的 TSval 可作其相对 TSecr 的起点。</translation>
        </message>
        <message>
            <source>Crafted segment %1 could not be resolved.</source>
            <translation>第 %1 个构造报文段无法解析。</translation>
        </message>
        <message>
            <source>Dropped by fault rule %1 (a what-if).</source>
            <translation>被故障规则 %1 丢弃（假设推演）。</translation>
        </message>
        <message>
            <source>Held back %2 by fault rule %1 (a what-if).</source>
            <translation>被故障规则 %1 延迟了 %2（假设推演）。</translation>
        </message>
        <message>
            <source>Duplicated by fault rule %1 (a what-if).</source>
            <translation>被故障规则 %1 复制了一份（假设推演）。</translation>
        </message>
        <message>
            <source>Lost at random (loss rate %1%).</source>
            <translation>随机丢失（丢包率 %1%）。</translation>
        </message>
        <message>
            <source>No route to the destination: the segment is lost.</source>
            <translation>没有到目的地的路由：报文段丢失。</translation>
        </message>
        <message>
            <source>Data corruption: the new connection accepted %2 bytes sent by the old incarnation #%1.</source>
            <translation>数据损坏：新连接接受了旧连接实例 #%1 发送的 %2 字节。</translation>
        </message>
        <message>
            <source>A stale RST sent by the old incarnation #%1 killed the new connection.</source>
            <translation>旧连接实例 #%1 发出的过期 RST 终结了新连接。</translation>
        </message>
        <message>
            <source>The passive closer was ended by a RST instead of the final ACK: its application sees "connection reset by peer".</source>
            <translation>被动关闭方等来的不是最后的 ACK 而是 RST：其应用程序看到“connection reset by peer”（连接被对端重置）。</translation>
        </message>
        <message>
            <source>connect() failed with %1.</source>
            <translation>connect() 失败：%1。</translation>
        </message>
        <message>
            <source>The SYN was dropped without a word: the client will retransmit it.</source>
            <translation>SYN 被悄悄丢弃：客户端将重传它。</translation>
        </message>
        <message>
            <source>Unknown cause %1.</source>
            <translation>未知原因 %1。</translation>
        </message>
        <message>
            <source>Seen in the capture.</source>
            <translation>在抓包中看到。</translation>
        </message>
        <message>
            <source>Inferred from the capture: it sent a SYN, so it is in SYN-SENT.</source>
            <translation>由抓包推断：它发出了 SYN，因此处于 SYN-SENT。</translation>
        </message>
        <message>
            <source>Inferred from the capture: it answered a SYN with SYN,ACK, so it is in SYN-RECEIVED.</source>
            <translation>由抓包推断：它以 SYN,ACK 回应了 SYN，因此处于 SYN-RECEIVED。</translation>
        </message>
        <message>
            <source>Inferred from the capture: the SYN,ACK acknowledges its SYN, so it is ESTABLISHED.</source>
            <translation>由抓包推断：SYN,ACK 确认了它的 SYN，因此进入 ESTABLISHED。</translation>
        </message>
        <message>
            <source>Inferred from the capture: the ACK acknowledges its SYN,ACK, so it is ESTABLISHED.</source>
            <translation>由抓包推断：ACK 确认了它的 SYN,ACK，因此进入 ESTABLISHED。</translation>
        </message>
        <message>
            <source>Inferred from the capture: the capture starts after the handshake, so its state was unknown until this segment; an ACK without SYN shows the connection ESTABLISHED.</source>
            <translation>由抓包推断：抓包开始于握手之后，在此报文之前它的状态未知；不带 SYN 的 ACK 表明连接已 ESTABLISHED。</translation>
        </message>
        <message>
            <source>Inferred from the capture: it sent its FIN: it has no more data to send.</source>
            <translation>由抓包推断：它发出了 FIN：它没有更多数据要发送。</translation>
        </message>
        <message>
            <source>Inferred from the capture: the peer's FIN passed the capture point on its way here.</source>
            <translation>由抓包推断：对端的 FIN 经过抓包点发往这里。</translation>
        </message>
        <message>
            <source>Inferred from the capture: the peer acknowledged its FIN.</source>
            <translation>由抓包推断：对端确认了它的 FIN。</translation>
        </message>
        <message>
            <source>Inferred from the capture: it sent its FIN again, so the ACK of it seen earlier never reached it: it is still waiting for one.</source>
            <translation>由抓包推断：它再次发送了 FIN，说明先前看到的对它的 ACK 没有到达它：它仍在等待 ACK。</translation>
        </message>
        <message>
            <source>Inferred from the capture: it sent a RST, so it is closed.</source>
            <translation>由抓包推断：它发出了 RST，因此已关闭。</translation>
        </message>
        <message>
            <source>Inferred from the capture: an acceptable RST from the peer closed it.</source>
            <translation>由抓包推断：对端一个可接受的 RST 关闭了它。</translation>
        </message>
        <message>
            <source>Inferred from the capture: this RST is %1 bytes from the sequence number the receiver expects, outside its window of %2: Linux would not accept it.</source>
            <translation>由抓包推断：此 RST 距接收方期望的序号 %1 字节，超出其 %2 字节的窗口：Linux 不会接受它。</translation>
        </message>
        <message>
            <source>Inferred, not seen: TIME-WAIT ends %1 s after its last ACK, by Linux's rule (TCP_TIMEWAIT_LEN); a capture cannot show a timer.</source>
            <translation>推断而非看到：按 Linux 的规则（TCP_TIMEWAIT_LEN），TIME-WAIT 在其最后一个 ACK 之后 %1 秒结束；抓包无法显示定时器。</translation>
        </message>
        <message>
            <source>Inferred from the capture: a new SYN on the same 4-tuple ended TIME-WAIT and starts a new connection.</source>
            <translation>由抓包推断：同一四元组上的新 SYN 结束了 TIME-WAIT，开始一个新连接。</translation>
        </message>
        <message>
            <source>The capture shows it at %1; Linux (%3) with these settings would send it at %2.</source>
            <translation>抓包显示它在 %1；采用这些设置的 Linux（%3）会在 %2 发送它。</translation>
        </message>
        <message>
            <source>Linux (%2) with these settings would send a segment here, but with other %1.</source>
            <translation>采用这些设置的 Linux（%2）在此处也会发送一个报文段，但其 %1 不同。</translation>
        </message>
        <message>
            <source>Linux (%1) with these settings would have sent this segment; the capture has none.</source>
            <translation>采用这些设置的 Linux（%1）会发送这个报文段；抓包中没有它。</translation>
        </message>
        <message>
            <source>This captured segment has no counterpart in the run of Linux (%1) with these settings.</source>
            <translation>采用这些设置的 Linux（%1）的运行中没有与这个抓到的报文段对应的报文段。</translation>
        </message>
        <message>
            <source>The capture shows this RST ending the connection, but Linux would not accept it: %1</source>
            <translation>抓包显示这个 RST 结束了连接，但 Linux 不会接受它：%1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::DiagramPainter</name>
        <message>
            <source>%1 %2 left</source>
            <translation>%1 剩余 %2</translation>
        </message>
        <message>
            <source>… %1 …</source>
            <translation>… %1 …</translation>
        </message>
        <message>
            <source>(copy)</source>
            <translation>（副本）</translation>
        </message>
        <message>
            <source>(+%1)</source>
            <translation>（+%1）</translation>
        </message>
        <message numerus="yes">
            <source>%n segments: %1</source>
            <comment>a burst: the segments a host sent at the same instant, drawn as one arrow labelled with the first of them</comment>
            <translation>
                <numerusform>%n 个报文段：%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::Document</name>
        <message>
            <source>Reset to preset</source>
            <translation>恢复为预设</translation>
        </message>
        <message>
            <source>This is a load scenario (%1 connections). The sequence diagram shows one connection at a time; open a single-connection scenario instead.</source>
            <translation>这是一个负载场景（%1 个连接）。时序图一次只显示一个连接；请打开单连接的场景。</translation>
        </message>
        <message>
            <source>This is connection #%1 of a load run, re-simulated on its own: a what-if edit would change the whole load. Open a single-connection scenario to try what-ifs.</source>
            <translation>这是负载运行中的第 #%1 个连接，单独重新模拟而来：假设推演修改会改变整个负载。要尝试假设推演，请打开单连接场景。</translation>
        </message>
        <message>
            <source>This is a capture: its states are inferred from the packets, and there is no scenario to change.</source>
            <translation>这是一个抓包：其状态由报文推断而来，没有可修改的场景。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::EventLogModel</name>
        <message>
            <source>Time (s)</source>
            <translation>时间（秒）</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::InspectorView</name>
        <message>
            <source>&lt;p&gt;No scenario is open.&lt;/p&gt;</source>
            <translation>&lt;p&gt;没有打开的场景。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Not sent yet at the cursor.</source>
            <translation>在光标时刻尚未发送。</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来自</translation>
        </message>
        <message>
            <source>To</source>
            <translation>发往</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标志位</translation>
        </message>
        <message>
            <source>%1 relative, %2 absolute</source>
            <translation>相对 %1，绝对 %2</translation>
        </message>
        <message>
            <source>Sequence</source>
            <translation>序列号</translation>
        </message>
        <message>
            <source>Acknowledgement</source>
            <translation>确认号</translation>
        </message>
        <message>
            <source>none (no ACK flag)</source>
            <translation>无（未置 ACK 标志）</translation>
        </message>
        <message>
            <source>Payload</source>
            <translation>载荷</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <source>Timestamps</source>
            <translation>时间戳</translation>
        </message>
        <message>
            <source>TSval %1, TSecr %2</source>
            <translation>TSval %1，TSecr %2</translation>
        </message>
        <message>
            <source>no option</source>
            <translation>无此选项</translation>
        </message>
        <message>
            <source>MSS</source>
            <translation>MSS</translation>
        </message>
        <message>
            <source>Incarnation</source>
            <translation>连接实例</translation>
        </message>
        <message>
            <source>Stream offset</source>
            <translation>流内偏移</translation>
        </message>
        <message>
            <source>Copy of</source>
            <translation>副本来源</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>发送时间</translation>
        </message>
        <message>
            <source>arrived at %1</source>
            <translation>于 %1 到达</translation>
        </message>
        <message>
            <source>lost on the way</source>
            <translation>途中丢失</translation>
        </message>
        <message>
            <source>still in flight when the run ended</source>
            <translation>运行结束时仍在途中</translation>
        </message>
        <message>
            <source>Fate</source>
            <translation>去向</translation>
        </message>
        <message>
            <source>Why it was sent</source>
            <translation>为什么发送</translation>
        </message>
        <message>
            <source>On the way</source>
            <translation>途中</translation>
        </message>
        <message>
            <source>What the receiver did</source>
            <translation>接收方如何处理</translation>
        </message>
        <message>
            <source>What it caused</source>
            <translation>引发的后果</translation>
        </message>
        <message>
            <source>Click a segment in the diagram or a row of the event log to inspect it.</source>
            <translation>点击时序图中的报文段或事件日志中的一行来查看详情。</translation>
        </message>
        <message>
            <source>Sockets at %1</source>
            <translation>%1 时的套接字</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>检查器</translation>
        </message>
        <message>
            <source>No socket exists yet.</source>
            <translation>还没有任何套接字。</translation>
        </message>
        <message>
            <source>%1 (in units the handshake set, which is not in the trace)</source>
            <translation>%1（单位由握手确定，而握手不在此记录中）</translation>
        </message>
        <message>
            <source>%1 bytes (never scaled on a SYN)</source>
            <translation>%1 字节（SYN 上的窗口从不缩放）</translation>
        </message>
        <message>
            <source>%1 bytes (not scaled)</source>
            <translation>%1 字节（未缩放）</translation>
        </message>
        <message>
            <source>%1 (× %2 = %3 bytes)</source>
            <translation>%1（× %2 = %3 字节）</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LoadCharts</name>
        <message>
            <source>orphans (any state)</source>
            <translation>孤儿套接字（任意状态）</translation>
        </message>
        <message>
            <source>free ports</source>
            <translation>空闲端口</translation>
        </message>
        <message>
            <source>%1: connect() failures (EADDRNOTAVAIL)</source>
            <translation>%1：connect() 失败（EADDRNOTAVAIL）</translation>
        </message>
        <message>
            <source>%1: TIME_WAIT overflows</source>
            <translation>%1：TIME_WAIT 溢出</translation>
        </message>
        <message>
            <source>%1: RSTs sent</source>
            <translation>%1：发送的 RST</translation>
        </message>
        <message>
            <source>Sockets on %1 (%2), by state</source>
            <translation>%1（%2）上各状态的套接字数</translation>
        </message>
        <message>
            <source>sockets</source>
            <translation>套接字</translation>
        </message>
        <message>
            <source>Free ephemeral ports on %1</source>
            <translation>%1 上的空闲临时端口</translation>
        </message>
        <message>
            <source>ports</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Events per second</source>
            <translation>每秒事件数</translation>
        </message>
        <message>
            <source>per second</source>
            <translation>每秒</translation>
        </message>
        <message>
            <source>simulated time (s)</source>
            <translation>模拟时间（秒）</translation>
        </message>
        <message>
            <source>%1 (B)</source>
            <translation>%1（B）</translation>
        </message>
        <message>
            <source>Sockets on %1, by state</source>
            <translation>%1 上各状态的套接字数</translation>
        </message>
        <message>
            <source>time since the capture's first packet (s)</source>
            <translation>自抓包第一个数据包起的时间（秒）</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LoadDocument</name>
        <message>
            <source>%1 connections (%2 a second for %3) are more than the %4 a run may simulate: lower the load's "rate" or shorten its "duration".</source>
            <translation>%1 个连接（每秒 %2 个，持续 %3），超过了一次运行最多可模拟的 %4 个：请降低负载的“rate”或缩短其“duration”。</translation>
        </message>
        <message>
            <source>%1 samples (one every %2) of %3 bytes, about %4 GiB, are more than the %5 GiB a run may keep: sample less often (a longer "sample_every"), or shorten the load's "duration" or the scenario's "limit".</source>
            <translation>%1 个采样（每 %2 一个），每个 %3 字节，约 %4 GiB，超过了一次运行最多可保存的 %5 GiB：请降低采样频率（加大“sample_every”），或缩短负载的“duration”或场景的“limit”。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LoadExplorer</name>
        <message>
            <source>Cannot compare</source>
            <translation>无法对比</translation>
        </message>
        <message>
            <source>"%1" is not a load scenario: only two load runs can be overlaid.</source>
            <translation>“%1”不是负载场景：只有两次负载运行才能叠加对比。</translation>
        </message>
        <message>
            <source>Run %1 failed</source>
            <translation>运行 %1 失败</translation>
        </message>
        <message>
            <source>Run %1 is not started: %2</source>
            <translation>运行 %1 未启动：%2</translation>
        </message>
        <message>
            <source>%1 — not started: too large (see above)</source>
            <translation>%1 — 未启动：规模过大（见上方）</translation>
        </message>
        <message>
            <source>Run %1 stopped at the scenario's limit, %2.</source>
            <translation>运行 %1 在场景的时间上限 %2 处停止。</translation>
        </message>
        <message>
            <source>Run %1 done: %2 connections, simulated to %3.</source>
            <translation>运行 %1 完成：%2 个连接，模拟到 %3。</translation>
        </message>
        <message>
            <source>run %1 ends at %2</source>
            <translation>运行 %1 止于 %2</translation>
        </message>
        <message>
            <source>Listing cancelled.</source>
            <translation>已取消列出套接字。</translation>
        </message>
        <message>
            <source>Tracing cancelled.</source>
            <translation>已取消追踪连接。</translation>
        </message>
        <message>
            <source>Cancelled: %1 (truncated).</source>
            <translation>已取消：%1（数据被截断）。</translation>
        </message>
        <message>
            <source>Simulating run %1 up to %2…</source>
            <translation>正在把运行 %1 模拟到 %2…</translation>
        </message>
        <message>
            <source>Listing the sockets failed</source>
            <translation>列出套接字失败</translation>
        </message>
        <message>
            <source>Tracing connection #%1…</source>
            <translation>正在追踪连接 #%1…</translation>
        </message>
        <message>
            <source>Connection #%1 is open in the main window.</source>
            <translation>连接 #%1 已在主窗口中打开。</translation>
        </message>
        <message>
            <source>Tracing connection #%1 failed</source>
            <translation>追踪连接 #%1 失败</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Simulating… %1 of simulated time (Esc cancels)</source>
            <translation>模拟中… 已到模拟时间 %1（按 Esc 取消）</translation>
        </message>
        <message>
            <source>%1 — Load Explorer — Teardown Lab</source>
            <translation>%1 — 负载浏览器 — Teardown Lab</translation>
        </message>
        <message>
            <source>%1 connections per second from %2 to %3 for %4 (%5 connections); the %6 closes first.</source>
            <translation>%2 每秒向 %3 发起 %1 个连接，持续 %4（共 %5 个连接）；由 %6 先关闭。</translation>
        </message>
        <message>
            <source>What to watch: %1</source>
            <translation>观察要点：%1</translation>
        </message>
        <message>
            <source>A: %1 (click a chart to list its sockets at that time)</source>
            <translation>A：%1（点击图表，列出该时刻的套接字）</translation>
        </message>
        <message>
            <source>A: this scenario</source>
            <translation>A：本场景</translation>
        </message>
        <message>
            <source>B: the same scenario (nothing differs)</source>
            <translation>B：同一场景（没有任何差别）</translation>
        </message>
        <message>
            <source>Load presets</source>
            <translation>负载预设</translation>
        </message>
        <message>
            <source>Compare with a Load Scenario</source>
            <translation>与负载场景对比</translation>
        </message>
        <message>
            <source>Teardown Lab scenarios (*.json);;All files (*)</source>
            <translation>Teardown Lab 场景 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1 is not a scenario Teardown Lab can read.</source>
            <translation>%1 不是 Teardown Lab 能读取的场景。</translation>
        </message>
        <message>
            <source>Compare with One Sysctl Changed</source>
            <translation>与修改一个 sysctl 后的场景对比</translation>
        </message>
        <message>
            <source>Run B is this scenario with one knob set differently.</source>
            <translation>运行 B 就是本场景，只有一个参数取值不同。</translation>
        </message>
        <message>
            <source>Host:</source>
            <translation>主机：</translation>
        </message>
        <message>
            <source>Sysctl:</source>
            <translation>Sysctl：</translation>
        </message>
        <message>
            <source>Value in run B:</source>
            <translation>运行 B 中的取值：</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <source>Run the load again from the start (and run B, if compared)</source>
            <translation>从头重新运行负载（若在对比，也重新运行 B）</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Stop the simulations under way; what has been computed stays</source>
            <translation>停止正在进行的模拟；已算出的结果保留</translation>
        </message>
        <message>
            <source>Load Scenario &amp;File…</source>
            <translation>负载场景文件(&amp;F)…</translation>
        </message>
        <message>
            <source>Overlay the run of a load scenario file as run B</source>
            <translation>把一个负载场景文件的运行作为运行 B 叠加显示</translation>
        </message>
        <message>
            <source>This Scenario with One &amp;Sysctl Changed…</source>
            <translation>本场景修改一个 &amp;Sysctl 后…</translation>
        </message>
        <message>
            <source>Overlay this scenario with one knob set differently as run B</source>
            <translation>把只改了一个参数的本场景作为运行 B 叠加显示</translation>
        </message>
        <message>
            <source>&amp;Stop Comparing</source>
            <translation>停止对比(&amp;S)</translation>
        </message>
        <message>
            <source>Remove run B from the charts</source>
            <translation>从图表中移除运行 B</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Close the load explorer</source>
            <translation>关闭负载浏览器</translation>
        </message>
        <message>
            <source>Compare with…</source>
            <translation>对比…</translation>
        </message>
        <message>
            <source>Overlay a second run (dashed) to compare: another load preset or file, or this scenario with one sysctl changed</source>
            <translation>叠加第二次运行（虚线）进行对比：另一个负载预设或文件，或只修改了一个 sysctl 的本场景</translation>
        </message>
        <message>
            <source>Load Run</source>
            <translation>负载运行</translation>
        </message>
        <message>
            <source>%1 — truncated at %2</source>
            <translation>%1 — 截断于 %2</translation>
        </message>
        <message>
            <source>Read %1: %2 connections.</source>
            <translation>已读取 %1：%2 个连接。</translation>
        </message>
        <message>
            <source>Reading the capture failed</source>
            <translation>读取抓包失败</translation>
        </message>
        <message>
            <source>Reading cancelled: nothing of the capture is kept.</source>
            <translation>读取已取消：抓包的内容一概未保留。</translation>
        </message>
        <message>
            <source>Listing the sockets at %1…</source>
            <translation>正在列出 %1 时的套接字…</translation>
        </message>
        <message>
            <source>Reading connection #%1 from the capture…</source>
            <translation>正在从抓包中读取连接 #%1…</translation>
        </message>
        <message>
            <source>Reading the capture… %1% (Esc cancels)</source>
            <translation>正在读取抓包… %1%（按 Esc 取消）</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — reading the capture…</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — 正在读取抓包…</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — not read (Run reads it again).</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — 未读取（“运行”会重新读取）。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — a capture: %2 TCP packets, %3 connections between %4 hosts. Each host's sockets per state are inferred from the packets, as an observer on the wire sees them; TIME-WAIT is held 60 s after its last ACK, by Linux's rule, so the charts end a minute after the capture. A side whose state the capture does not show (it started after that connection's SYN) is counted from its first packet.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — 一份抓包：%2 个 TCP 包，%4 台主机之间的 %3 个连接。每台主机各状态的套接字数由数据包推断而来，如同线路上的观察者所见；按 Linux 的规则，TIME-WAIT 在其最后一个 ACK 之后保持 60 秒，因此图表在抓包结束一分钟后才结束。抓包未显示其状态的一端（抓包始于该连接的 SYN 之后）从它的第一个数据包起计数。</translation>
        </message>
        <message>
            <source>The capture's sockets (click a chart to list them at that time; a row opens its connection in the sequence diagram)</source>
            <translation>抓包中的套接字（点击图表列出该时刻的套接字；表中的一行可在时序图中打开其连接）</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::MainWindow</name>
        <message>
            <source>Cannot reset</source>
            <translation>无法恢复</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>About Teardown Lab</source>
            <translation>关于 Teardown Lab</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a scenario file</source>
            <translation>打开场景文件</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the scenario with its what-if changes</source>
            <translation>保存场景及其假设推演修改</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the scenario to another file</source>
            <translation>把场景保存到另一个文件</translation>
        </message>
        <message>
            <source>Write the whole sequence diagram, as it looks now, to a PNG image</source>
            <translation>把当前样子的完整时序图写入 PNG 图片</translation>
        </message>
        <message>
            <source>Write the whole sequence diagram, as it looks now, to an SVG drawing</source>
            <translation>把当前样子的完整时序图写入 SVG 矢量图</translation>
        </message>
        <message>
            <source>&amp;Clear the List</source>
            <translation>清空列表(&amp;C)</translation>
        </message>
        <message>
            <source>Forget the recently opened files</source>
            <translation>清除最近打开的文件记录</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Quit Teardown Lab</source>
            <translation>退出 Teardown Lab</translation>
        </message>
        <message>
            <source>Undo the last what-if change</source>
            <translation>撤销上一次假设推演修改</translation>
        </message>
        <message>
            <source>Redo the what-if change just undone</source>
            <translation>重做刚刚撤销的假设推演修改</translation>
        </message>
        <message>
            <source>&amp;Drop Segment</source>
            <translation>丢弃报文段(&amp;D)</translation>
        </message>
        <message>
            <source>What if the selected segment were lost on the way?</source>
            <translation>假如选中的报文段在途中丢失会怎样？</translation>
        </message>
        <message>
            <source>De&amp;lay Segment…</source>
            <translation>延迟报文段(&amp;L)…</translation>
        </message>
        <message>
            <source>What if the selected segment arrived later?</source>
            <translation>假如选中的报文段晚一些到达会怎样？</translation>
        </message>
        <message>
            <source>D&amp;uplicate Segment</source>
            <translation>复制报文段(&amp;U)</translation>
        </message>
        <message>
            <source>What if the network delivered the selected segment twice?</source>
            <translation>假如网络把选中的报文段投递了两次会怎样？</translation>
        </message>
        <message>
            <source>Re&amp;store Segment</source>
            <translation>恢复报文段(&amp;S)</translation>
        </message>
        <message>
            <source>Remove the what-if that touched the selected segment</source>
            <translation>移除作用于选中报文段的假设推演</translation>
        </message>
        <message>
            <source>&amp;Reset to Preset</source>
            <translation>恢复为预设(&amp;R)</translation>
        </message>
        <message>
            <source>Undo every what-if change and go back to the scenario as opened</source>
            <translation>撤销所有假设推演修改，回到刚打开时的场景</translation>
        </message>
        <message>
            <source>&amp;Find Scenario…</source>
            <translation>查找场景(&amp;F)…</translation>
        </message>
        <message>
            <source>Search the scenario library</source>
            <translation>在场景库中搜索</translation>
        </message>
        <message>
            <source>&amp;Absolute Sequence Numbers</source>
            <translation>绝对序列号(&amp;A)</translation>
        </message>
        <message>
            <source>Show seq and ack as sent instead of relative to the ISN</source>
            <translation>按实际发送的值显示 seq 和 ack，而不是相对于 ISN 的值</translation>
        </message>
        <message>
            <source>Show What Comes &amp;Next</source>
            <translation>显示后续内容(&amp;N)</translation>
        </message>
        <message>
            <source>Draw the rest of the run faintly ahead of the cursor</source>
            <translation>在光标之后淡淡地画出运行的剩余部分</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Stretch the diagram's time axis</source>
            <translation>拉长时序图的时间轴</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Shrink the diagram's time axis</source>
            <translation>压缩时序图的时间轴</translation>
        </message>
        <message>
            <source>&amp;Normal Size</source>
            <translation>原始大小(&amp;N)</translation>
        </message>
        <message>
            <source>Reset the diagram's zoom</source>
            <translation>重置时序图的缩放</translation>
        </message>
        <message>
            <source>&amp;Dark Theme</source>
            <translation>深色主题(&amp;D)</translation>
        </message>
        <message>
            <source>Use dark colours</source>
            <translation>使用深色配色</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <source>Play or pause the run</source>
            <translation>播放或暂停本次运行</translation>
        </message>
        <message>
            <source>Previous &amp;Event</source>
            <translation>上一个事件(&amp;E)</translation>
        </message>
        <message>
            <source>Move the cursor to the previous event</source>
            <translation>把光标移到上一个事件</translation>
        </message>
        <message>
            <source>Next E&amp;vent</source>
            <translation>下一个事件(&amp;V)</translation>
        </message>
        <message>
            <source>Move the cursor to the next event</source>
            <translation>把光标移到下一个事件</translation>
        </message>
        <message>
            <source>Previous &amp;State Change</source>
            <translation>上一次状态变化(&amp;S)</translation>
        </message>
        <message>
            <source>Move the cursor to the previous change of a TCP state</source>
            <translation>把光标移到上一次 TCP 状态变化</translation>
        </message>
        <message>
            <source>Next S&amp;tate Change</source>
            <translation>下一次状态变化(&amp;T)</translation>
        </message>
        <message>
            <source>Move the cursor to the next change of a TCP state</source>
            <translation>把光标移到下一次 TCP 状态变化</translation>
        </message>
        <message>
            <source>&amp;Start of Run</source>
            <translation>运行开头(&amp;S)</translation>
        </message>
        <message>
            <source>Move the cursor to the start</source>
            <translation>把光标移到开头</translation>
        </message>
        <message>
            <source>E&amp;nd of Run</source>
            <translation>运行结尾(&amp;N)</translation>
        </message>
        <message>
            <source>Move the cursor to the end</source>
            <translation>把光标移到结尾</translation>
        </message>
        <message>
            <source>&amp;Faster</source>
            <translation>加速(&amp;F)</translation>
        </message>
        <message>
            <source>Play faster (up to 8×)</source>
            <translation>加快播放（最高 8×）</translation>
        </message>
        <message>
            <source>S&amp;lower</source>
            <translation>减速(&amp;L)</translation>
        </message>
        <message>
            <source>Play slower (down to 0.25×)</source>
            <translation>放慢播放（最低 0.25×）</translation>
        </message>
        <message>
            <source>Show the program in English</source>
            <translation>以英文显示本程序</translation>
        </message>
        <message>
            <source>Show the program in Simplified Chinese</source>
            <translation>以简体中文显示本程序</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>List the keyboard shortcuts</source>
            <translation>列出键盘快捷键</translation>
        </message>
        <message>
            <source>&amp;About Teardown Lab</source>
            <translation>关于 Teardown Lab(&amp;A)</translation>
        </message>
        <message>
            <source>What this program is</source>
            <translation>本程序简介</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 &amp;Qt</translation>
        </message>
        <message>
            <source>The Qt version this program uses</source>
            <translation>本程序使用的 Qt 版本</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>面板(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>What-if</source>
            <translation>假设推演</translation>
        </message>
        <message>
            <source>Player</source>
            <translation>播放器</translation>
        </message>
        <message>
            <source>Scenario Library</source>
            <translation>场景库</translation>
        </message>
        <message>
            <source>Sysctls</source>
            <translation>内核参数</translation>
        </message>
        <message>
            <source>Event Log</source>
            <translation>事件日志</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>报文检查器</translation>
        </message>
        <message>
            <source>State Machine</source>
            <translation>状态机</translation>
        </message>
        <message>
            <source>A built-in scenario did not load: %1</source>
            <translation>有一个内置场景未能加载：%1</translation>
        </message>
        <message>
            <source>Cannot open the scenario</source>
            <translation>无法打开场景</translation>
        </message>
        <message>
            <source>The built-in scenario "%1" does not run.</source>
            <translation>内置场景“%1”无法运行。</translation>
        </message>
        <message>
            <source>%1 is not a scenario Teardown Lab can read.</source>
            <translation>%1 不是 Teardown Lab 能读取的场景文件。</translation>
        </message>
        <message>
            <source>%1 was read, but it does not run.</source>
            <translation>%1 已读取，但无法运行。</translation>
        </message>
        <message>
            <source>Open Scenario</source>
            <translation>打开场景</translation>
        </message>
        <message>
            <source>Save Scenario</source>
            <translation>保存场景</translation>
        </message>
        <message>
            <source>Teardown Lab scenarios (*.json)</source>
            <translation>Teardown Lab 场景 (*.json)</translation>
        </message>
        <message>
            <source>Cannot save the scenario</source>
            <translation>无法保存场景</translation>
        </message>
        <message>
            <source>Writing %1 failed.</source>
            <translation>写入 %1 失败。</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <source>The scenario has what-if changes that are not saved. Save them first?</source>
            <translation>场景中有尚未保存的假设推演修改。要先保存吗？</translation>
        </message>
        <message>
            <source>Export Diagram as SVG</source>
            <translation>导出时序图为 SVG</translation>
        </message>
        <message>
            <source>Export Diagram as PNG</source>
            <translation>导出时序图为 PNG</translation>
        </message>
        <message>
            <source>SVG drawings (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>已导出 %1</translation>
        </message>
        <message>
            <source>%1 no longer exists.</source>
            <translation>%1 已不存在。</translation>
        </message>
        <message>
            <source>The what-if cannot run</source>
            <translation>该假设推演无法运行</translation>
        </message>
        <message>
            <source>Delay Segment</source>
            <translation>延迟报文段</translation>
        </message>
        <message>
            <source>Extra delay for this segment, in milliseconds:</source>
            <translation>该报文段额外的延迟（毫秒）：</translation>
        </message>
        <message>
            <source>Cannot switch the language</source>
            <translation>无法切换语言</translation>
        </message>
        <message>
            <source>The translation for %1 could not be loaded.</source>
            <translation>无法加载 %1 的翻译。</translation>
        </message>
        <message>
            <source>Untitled scenario</source>
            <translation>未命名场景</translation>
        </message>
        <message>
            <source>%1[*] — Teardown Lab</source>
            <translation>%1[*] — Teardown Lab</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 · ends at %4</source>
            <translation>%1 · %2 · %3 · 结束于 %4</translation>
        </message>
        <message numerus="yes">
            <source>%n segment</source>
            <translation>
                <numerusform>%n 个报文段</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n segments</source>
            <translation>
                <numerusform>%n 个报文段</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n event</source>
            <translation>
                <numerusform>%n 个事件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n events</source>
            <translation>
                <numerusform>%n 个事件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fault rule</source>
            <translation>
                <numerusform>%n 条故障规则</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fault rules</source>
            <translation>
                <numerusform>%n 条故障规则</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1, %n matching nothing</source>
            <translation>
                <numerusform>%1，其中 %n 条没有匹配任何报文段</numerusform>
            </translation>
        </message>
        <message>
            <source>Fault Rules</source>
            <translation>故障规则</translation>
        </message>
        <message>
            <source>What the last what-if edit changed</source>
            <translation>上一次假设推演修改带来的变化</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — what to watch &lt;i&gt;in the original story; your what-if edits may have changed it&lt;/i&gt;: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; —— 观察要点&lt;i&gt;（说的是原始情形；你的假设推演可能已经改变了它）&lt;/i&gt;：%2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — what to watch: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; —— 观察要点：%2</translation>
        </message>
        <message>
            <source>&amp;Load Explorer</source>
            <translation>负载浏览器(&amp;L)</translation>
        </message>
        <message>
            <source>Show the window of the load scenario opened last</source>
            <translation>显示最近打开的负载场景的窗口</translation>
        </message>
        <message>
            <source>Connection #%1, re-simulated from the load run. Read-only: what-if edits are off.</source>
            <translation>连接 #%1，从负载运行中重新模拟而来。只读：假设推演已关闭。</translation>
        </message>
        <message>
            <source>Not for one connection of a load run: what-if edits change a whole scenario, and this one's scenario is the whole load.</source>
            <translation>不适用于负载运行中的单个连接：假设推演修改的是整个场景，而这个连接的场景是整个负载。</translation>
        </message>
        <message>
            <source>connection #%1 of %2</source>
            <translation>%2 的连接 #%1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Connection #%1 of %2&lt;/b&gt;, re-simulated alone from the load run. Read-only: what-if edits would change the whole load. &lt;a href="explorer"&gt;Back to the load explorer&lt;/a&gt; (Ctrl+Shift+L)</source>
            <translation>&lt;b&gt;%2 的连接 #%1&lt;/b&gt;，从负载运行中单独重新模拟而来。只读：假设推演会改变整个负载。&lt;a href="explorer"&gt;返回负载浏览器&lt;/a&gt;（Ctrl+Shift+L）</translation>
        </message>
        <message>
            <source>Diagram as &amp;PNG…</source>
            <translation>时序图导出为 PNG(&amp;P)…</translation>
        </message>
        <message>
            <source>Diagram as S&amp;VG…</source>
            <translation>时序图导出为 SVG(&amp;V)…</translation>
        </message>
        <message>
            <source>Sequence Diagram as &amp;Mermaid…</source>
            <translation>时序图导出为 Mermaid(&amp;M)…</translation>
        </message>
        <message>
            <source>Write the sequence diagram as Mermaid text, which Markdown pages and wikis draw</source>
            <translation>把时序图写成 Mermaid 文本，Markdown 页面和维基可以直接绘制</translation>
        </message>
        <message>
            <source>Sequence Diagram as P&amp;lantUML…</source>
            <translation>时序图导出为 PlantUML(&amp;L)…</translation>
        </message>
        <message>
            <source>Write the sequence diagram as PlantUML text</source>
            <translation>把时序图写成 PlantUML 文本</translation>
        </message>
        <message>
            <source>&amp;Trace as JSON Lines…</source>
            <translation>轨迹导出为 JSON Lines(&amp;T)…</translation>
        </message>
        <message>
            <source>Write every fact of the run as one JSON object a line, for scripts</source>
            <translation>把这次运行的每个事件写成每行一个 JSON 对象，供脚本处理</translation>
        </message>
        <message>
            <source>On the &amp;Wire…</source>
            <translation>线路上(&amp;W)…</translation>
        </message>
        <message>
            <source>Write every segment as it was sent, lost ones too, as a capture for Wireshark</source>
            <translation>把每个报文段按发送时的样子写成抓包文件（包括丢失的），供 Wireshark 打开</translation>
        </message>
        <message>
            <source>&amp;Handout as PDF…</source>
            <translation>讲义导出为 PDF(&amp;H)…</translation>
        </message>
        <message>
            <source>Write a handout to print: the title, the sequence diagram and every step explained</source>
            <translation>生成一份可打印的讲义：标题、时序图以及每一步的解释</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Capture (pcap)</source>
            <translation>抓包 (pcap)(&amp;C)</translation>
        </message>
        <message>
            <source>There is no run to export.</source>
            <translation>没有可导出的运行结果。</translation>
        </message>
        <message>
            <source>Export the Trace as JSON Lines</source>
            <translation>将轨迹导出为 JSON Lines</translation>
        </message>
        <message>
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines 文件 (*.jsonl)</translation>
        </message>
        <message>
            <source>Export the Capture on the Wire</source>
            <translation>导出线路上的抓包</translation>
        </message>
        <message>
            <source>Export the Capture as Seen at %1</source>
            <translation>导出在 %1 上看到的抓包</translation>
        </message>
        <message>
            <source>pcap captures (*.pcap)</source>
            <translation>pcap 抓包文件 (*.pcap)</translation>
        </message>
        <message>
            <source>Export the Sequence Diagram as Mermaid</source>
            <translation>将时序图导出为 Mermaid</translation>
        </message>
        <message>
            <source>Mermaid diagrams (*.mmd)</source>
            <translation>Mermaid 图 (*.mmd)</translation>
        </message>
        <message>
            <source>Export the Sequence Diagram as PlantUML</source>
            <translation>将时序图导出为 PlantUML</translation>
        </message>
        <message>
            <source>PlantUML diagrams (*.puml)</source>
            <translation>PlantUML 图 (*.puml)</translation>
        </message>
        <message>
            <source>Export a Handout as PDF</source>
            <translation>将讲义导出为 PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>无法导出</translation>
        </message>
        <message>
            <source>%1 was not written.</source>
            <translation>%1 未能写入。</translation>
        </message>
        <message>
            <source>As Seen at %1…</source>
            <translation>在 %1 上看到的…</translation>
        </message>
        <message>
            <source>Write the segments as tcpdump on %1 would record them: what it sends, and what reaches it when it arrives</source>
            <translation>按 %1 上的 tcpdump 记录的样子写出报文段：它发出的报文段，以及到达它的报文段（按到达时间）</translation>
        </message>
        <message>
            <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← →&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous / next event&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+← Shift+→, ↑ ↓&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous / next state change&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;start / end of the run&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+[ Ctrl+]&lt;/b&gt;&lt;/td&gt;&lt;td&gt;slower / faster&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;drop the selected segment&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L Ctrl+D Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;delay / duplicate / restore it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;find a scenario&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ Ctrl+- Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom the diagram&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the load explorer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E Ctrl+Shift+E Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export the diagram as PNG / SVG, a handout as PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=2&gt;&lt;i&gt;In the load explorer:&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;run / cancel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare with one sysctl changed&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
            <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;空格&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← →&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一个 / 下一个事件&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+← Shift+→，↑ ↓&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一次 / 下一次状态变化&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;运行的开头 / 结尾&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+[ Ctrl+]&lt;/b&gt;&lt;/td&gt;&lt;td&gt;减速 / 加速&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;丢弃选中的报文段&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L Ctrl+D Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;延迟 / 复制 / 恢复该报文段&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;撤销 / 重做&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;查找场景&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ Ctrl+- Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;缩放时序图&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;负载浏览器&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E Ctrl+Shift+E Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;把时序图导出为 PNG / SVG，把讲义导出为 PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=2&gt;&lt;i&gt;在负载浏览器中：&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;运行 / 取消&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;与修改一个 sysctl 后的场景对比&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
        </message>
        <message>
            <source>Exported Images Show the Time &amp;Cursor</source>
            <translation>导出的图片显示时间光标(&amp;C)</translation>
        </message>
        <message>
            <source>Draw the time cursor in exported PNG and SVG images too</source>
            <translation>在导出的 PNG 和 SVG 图片中也画出时间光标</translation>
        </message>
        <message>
            <source>Show or hide the %1 panel</source>
            <translation>显示或隐藏“%1”面板</translation>
        </message>
        <message>
            <source>Show or hide the %1 tool bar</source>
            <translation>显示或隐藏“%1”工具栏</translation>
        </message>
        <message>
            <source>What to watch</source>
            <translation>观察要点</translation>
        </message>
        <message>
            <source>Event log</source>
            <translation>事件日志</translation>
        </message>
        <message>
            <source>Every event of the run in time order; choose a row to move the cursor there</source>
            <translation>按时间顺序列出运行中的每个事件；选中一行即可把光标移到那里</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>撤销“%1”(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>重做“%1”(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <source>Start a sandbox: two hosts and a listener; right-click a lifeline to add calls</source>
            <translation>新建一个沙盒：两台主机和一个监听套接字；在生命线上单击右键即可加入调用</translation>
        </message>
        <message>
            <source>Cannot start a new scenario</source>
            <translation>无法新建场景</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>Cannot open the script</source>
            <translation>无法打开脚本</translation>
        </message>
        <message>
            <source>%1 is not a packetdrill script Teardown Lab can play.</source>
            <translation>%1 不是 Teardown Lab 能够运行的 packetdrill 脚本。</translation>
        </message>
        <message>
            <source>The script fails at line %1</source>
            <translation>脚本在第 %1 行未通过</translation>
        </message>
        <message>
            <source>The script passes</source>
            <translation>脚本通过</translation>
        </message>
        <message>
            <source>Teardown Lab scenarios (*.json);;packetdrill scripts (*.pkt);;Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
            <translation>Teardown Lab 场景 (*.json);;packetdrill 脚本 (*.pkt);;抓包文件 (*.pcap *.pcapng *.cap);;所有文件 (*)</translation>
        </message>
        <message>
            <source>packet&amp;drill Script</source>
            <translation>packetdrill 脚本(&amp;D)</translation>
        </message>
        <message>
            <source>With %1 as the Kernel Under Test…</source>
            <translation>以 %1 为被测内核…</translation>
        </message>
        <message>
            <source>Write the run as a packetdrill script to run it on a real kernel: %1 is the kernel under test, the other host's segments are injected</source>
            <translation>把这次运行写成 packetdrill 脚本，以便在真实内核上运行：%1 是被测内核，另一台主机的报文段由脚本注入</translation>
        </message>
        <message>
            <source>Export a packetdrill Script with %1 Under Test</source>
            <translation>导出以 %1 为被测内核的 packetdrill 脚本</translation>
        </message>
        <message>
            <source>packetdrill scripts (*.pkt)</source>
            <translation>packetdrill 脚本 (*.pkt)</translation>
        </message>
        <message>
            <source>Cannot open the capture</source>
            <translation>无法打开抓包文件</translation>
        </message>
        <message>
            <source>%1 cannot be shown as a sequence diagram.</source>
            <translation>%1 无法显示为时序图。</translation>
        </message>
        <message>
            <source>Connection #%1 of %2, read from the capture. Read-only: what-if edits are off.</source>
            <translation>%2 的连接 #%1，从抓包中读取。只读：假设推演已关闭。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::PresetCatalog</name>
        <message>
            <source>%1: cannot read: %2</source>
            <translation>%1：无法读取：%2</translation>
        </message>
        <message>
            <source>Closing a connection</source>
            <translation>关闭连接</translation>
        </message>
        <message>
            <source>Why TIME_WAIT exists</source>
            <translation>为什么需要 TIME_WAIT</translation>
        </message>
        <message>
            <source>Reusing TIME_WAIT</source>
            <translation>复用 TIME_WAIT</translation>
        </message>
        <message>
            <source>close() and shutdown()</source>
            <translation>close() 与 shutdown()</translation>
        </message>
        <message>
            <source>Orphan sockets</source>
            <translation>孤儿套接字</translation>
        </message>
        <message>
            <source>What the sysctls change</source>
            <translation>sysctl 改变了什么</translation>
        </message>
        <message>
            <source>Ports and TIME_WAIT</source>
            <translation>端口与 TIME_WAIT</translation>
        </message>
        <message>
            <source>Resets</source>
            <translation>RST 重置</translation>
        </message>
        <message>
            <source>Timestamps and PAWS</source>
            <translation>时间戳与 PAWS</translation>
        </message>
        <message>
            <source>Other scenarios</source>
            <translation>其他场景</translation>
        </message>
        <message>
            <source>Under load</source>
            <translation>负载下</translation>
        </message>
        <message>
            <source>%1: the preset folder is missing</source>
            <translation>%1：预设场景文件夹不存在</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ScenarioDiff</name>
        <message>
            <source>A</source>
            <translation>A</translation>
        </message>
        <message>
            <source>A: %1</source>
            <translation>A：%1</translation>
        </message>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>B: %1</source>
            <translation>B：%1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ScenarioLibraryView</name>
        <message>
            <source>Search scenarios (English or 中文)</source>
            <translation>搜索场景（中文或 English）</translation>
        </message>
        <message>
            <source>Double-click a scenario (or press Enter) to open it.</source>
            <translation>双击场景（或按回车）即可打开。</translation>
        </message>
        <message>
            <source>What to watch</source>
            <translation>观察要点</translation>
        </message>
        <message>
            <source>Scenario library</source>
            <translation>场景库</translation>
        </message>
        <message>
            <source>Search scenarios</source>
            <translation>搜索场景</translation>
        </message>
        <message>
            <source>Scenarios by lesson</source>
            <translation>按课程分组的场景</translation>
        </message>
        <message>
            <source>The selected scenario</source>
            <translation>选中的场景</translation>
        </message>
        <message>
            <source>Interview questions</source>
            <translation>面试题</translation>
        </message>
        <message>
            <source>Double-click to see it in &quot;%1&quot;, key moment %2.</source>
            <translation>双击即可在“%1”的第 %2 个关键时刻看到它。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SequenceDiagramView</name>
        <message>
            <source>Open a scenario to see its diagram.</source>
            <translation>打开一个场景即可看到它的时序图。</translation>
        </message>
        <message>
            <source>Sent at %1, arrived at %2.</source>
            <translation>%1 发送，%2 到达。</translation>
        </message>
        <message>
            <source>Sent at %1, lost on the way.</source>
            <translation>%1 发送，途中丢失。</translation>
        </message>
        <message>
            <source>Sent at %1, still in flight when the run ended.</source>
            <translation>%1 发送，运行结束时仍在途中。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 timer&lt;/b&gt; on %2&lt;br&gt;armed at %3 for %4</source>
            <translation>&lt;b&gt;%1 定时器&lt;/b&gt;（%2）&lt;br&gt;于 %3 启动，时长 %4</translation>
        </message>
        <message>
            <source>fired at %1</source>
            <translation>于 %1 到期</translation>
        </message>
        <message>
            <source>stopped at %1</source>
            <translation>于 %1 停止</translation>
        </message>
        <message>
            <source>re-armed at %1</source>
            <translation>于 %1 重新启动</translation>
        </message>
        <message>
            <source>still running when the run ended</source>
            <translation>运行结束时仍在计时</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; on %2&lt;br&gt;from %3 to %4&lt;br&gt;%5</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&lt;br&gt;从 %3 到 %4&lt;br&gt;%5</translation>
        </message>
        <message>
            <source>Anomaly</source>
            <translation>异常</translation>
        </message>
        <message>
            <source>%1 pass here with nothing on the wire; the diagram draws them short.</source>
            <translation>这里经过了 %1，线路上没有任何报文；时序图把这段时间画短了。</translation>
        </message>
        <message>
            <source>There is no diagram to export.</source>
            <translation>没有可导出的时序图。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Teardown Lab sequence diagram</source>
            <translation>Teardown Lab 时序图</translation>
        </message>
        <message>
            <source>Sequence diagram</source>
            <translation>时序图</translation>
        </message>
        <message>
            <source>Time runs down; each arrow is a segment between two hosts. Point at a segment, state or timer to have it described.</source>
            <translation>时间自上而下流逝；每个箭头是两台主机之间的一个报文段。把指针移到报文段、状态或定时器上，即可听到它的说明。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; on %2&lt;br&gt;%3</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&lt;br&gt;%3</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SocketTableModel</name>
        <message>
            <source>orphan</source>
            <translation>孤儿</translation>
        </message>
        <message>
            <source>no sockets</source>
            <translation>没有套接字</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>An orphan: the application has closed this socket, so no file descriptor refers to it any more; the kernel finishes the close alone.</source>
            <translation>孤儿套接字：应用已关闭这个套接字，已没有文件描述符指向它；由内核独自完成关闭过程。</translation>
        </message>
        <message>
            <source>A TIME_WAIT record (tcp_timewait_sock): the socket itself is gone, only its 4-tuple, sequence numbers and timer remain.</source>
            <translation>TIME_WAIT 记录（tcp_timewait_sock）：套接字本身已不存在，只剩下它的四元组、序列号和计时器。</translation>
        </message>
        <message>
            <source>Bytes received and not yet read; for a listener, connections waiting in accept()</source>
            <translation>已收到但尚未读取的字节数；对监听套接字而言，是等待 accept() 的连接数</translation>
        </message>
        <message>
            <source>Bytes written and not yet acknowledged</source>
            <translation>已写入但尚未被确认的字节数</translation>
        </message>
        <message>
            <source>The timer as ss -o prints it: (name, time left, retransmissions or probes)</source>
            <translation>ss -o 打印的计时器：（名称，剩余时间，重传或探测次数）</translation>
        </message>
        <message>
            <source>Which connection of the load run this socket belongs to (0 = the first). Double-click to open it in the sequence diagram.</source>
            <translation>这个套接字属于负载运行中的哪个连接（0 = 第一个）。双击可在时序图中打开它。</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Recv-Q</source>
            <translation>Recv-Q</translation>
        </message>
        <message>
            <source>Send-Q</source>
            <translation>Send-Q</translation>
        </message>
        <message>
            <source>Local Address:Port</source>
            <translation>本地地址:端口</translation>
        </message>
        <message>
            <source>Peer Address:Port</source>
            <translation>对端地址:端口</translation>
        </message>
        <message>
            <source>Timer</source>
            <translation>计时器</translation>
        </message>
        <message>
            <source>Orphan</source>
            <translation>孤儿</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>the retransmission timer (&quot;on&quot;)</source>
            <translation>重传定时器（“on”）</translation>
        </message>
        <message>
            <source>the keepalive timer, which an orphan in FIN-WAIT-2 uses for tcp_fin_timeout</source>
            <translation>保活定时器，处于 FIN-WAIT-2 的孤儿套接字借它来计 tcp_fin_timeout</translation>
        </message>
        <message>
            <source>the timer of a TIME-WAIT record (TIME-WAIT, or an orphan&apos;s FIN-WAIT-2)</source>
            <translation>TIME-WAIT 记录的定时器（TIME-WAIT，或孤儿套接字的 FIN-WAIT-2）</translation>
        </message>
        <message>
            <source>the zero-window probe timer (&quot;persist&quot;)</source>
            <translation>零窗口探测定时器（“persist”）</translation>
        </message>
        <message>
            <source>&lt;p&gt;%1: %2 left, %3 retransmissions or probes so far.&lt;/p&gt;&lt;p&gt;The time is written as ss -o writes it: &quot;3.785ms&quot; means 3 s and 785 ms (3.785 seconds), &quot;1min5sec&quot; one minute and five seconds.&lt;/p&gt;</source>
            <translation>&lt;p&gt;%1：还剩 %2，到目前为止已重传或探测 %3 次。&lt;/p&gt;&lt;p&gt;时间按 ss -o 的写法显示：“3.785ms”表示 3 秒 785 毫秒（即 3.785 秒），“1min5sec”表示 1 分 5 秒。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SocketTableView</name>
        <message>
            <source>Sockets alive at %1 in run %2: %3</source>
            <translation>运行 %2 在 %1 时存活的套接字：%3 个</translation>
        </message>
        <message>
            <source>Sockets</source>
            <translation>套接字</translation>
        </message>
        <message>
            <source>Click a chart at a point in time to list the sockets alive then, as ss -tan would.</source>
            <translation>在图表上点击某个时间点，即可像 ss -tan 那样列出当时存活的套接字。</translation>
        </message>
        <message>
            <source>Filter: state, host, port or #connection (time-wait :80)</source>
            <translation>筛选：状态、主机、端口或 #连接（如 time-wait :80）</translation>
        </message>
        <message>
            <source>Run A (solid)</source>
            <translation>运行 A（实线）</translation>
        </message>
        <message>
            <source>Run B (dashed)</source>
            <translation>运行 B（虚线）</translation>
        </message>
        <message>
            <source>Which run's sockets to list</source>
            <translation>列出哪次运行的套接字</translation>
        </message>
        <message>
            <source>Open in Sequence Diagram</source>
            <translation>在时序图中打开</translation>
        </message>
        <message>
            <source>Re-simulate the selected socket's connection and show it, segment by segment, in the main window (Enter or double-click)</source>
            <translation>重新模拟选中套接字所属的连接，并在主窗口中逐个报文段显示（回车或双击）</translation>
        </message>
        <message>
            <source>Sockets alive at %1: %2</source>
            <translation>%1 时存活的套接字：%2 个</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::StateMachineView</name>
        <message>
            <source>passive OPEN</source>
            <translation>被动打开</translation>
        </message>
        <message>
            <source>CLOSE</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>active OPEN / snd SYN</source>
            <translation>主动打开 / 发 SYN</translation>
        </message>
        <message>
            <source>rcv SYN / snd SYN,ACK</source>
            <translation>收 SYN / 发 SYN,ACK</translation>
        </message>
        <message>
            <source>SEND / snd SYN</source>
            <translation>SEND / 发 SYN</translation>
        </message>
        <message>
            <source>rcv SYN / snd ACK</source>
            <translation>收 SYN / 发 ACK</translation>
        </message>
        <message>
            <source>rcv ACK of SYN</source>
            <translation>收到 SYN 的 ACK</translation>
        </message>
        <message>
            <source>rcv SYN,ACK / snd ACK</source>
            <translation>收 SYN,ACK / 发 ACK</translation>
        </message>
        <message>
            <source>CLOSE / snd FIN</source>
            <translation>关闭 / 发 FIN</translation>
        </message>
        <message>
            <source>rcv FIN / snd ACK</source>
            <translation>收 FIN / 发 ACK</translation>
        </message>
        <message>
            <source>rcv ACK of FIN</source>
            <translation>收到 FIN 的 ACK</translation>
        </message>
        <message>
            <source>timeout = 2MSL</source>
            <translation>超时 = 2MSL</translation>
        </message>
        <message>
            <source>TCP state machine</source>
            <translation>TCP 状态机</translation>
        </message>
        <message>
            <source>The TCP state diagram of RFC 9293; no connection is shown.</source>
            <translation>RFC 9293 的 TCP 状态图；当前没有显示任何连接。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SysctlModel</name>
        <message>
            <source>Let connect() reuse a 4-tuple still in TIME_WAIT (1 everywhere, 2 loopback only)</source>
            <translation>允许 connect() 复用仍处于 TIME_WAIT 的四元组（1：全部允许，2：仅限回环）</translation>
        </message>
        <message>
            <source>How long a TIME_WAIT socket must exist before tcp_tw_reuse may take it</source>
            <translation>TIME_WAIT 套接字至少存在多久之后，tcp_tw_reuse 才能接管它</translation>
        </message>
        <message>
            <source>Short TIME_WAIT and per-peer timestamp checks on SYNs (breaks clients behind NAT)</source>
            <translation>缩短 TIME_WAIT，并按对端检查 SYN 的时间戳（会坑害 NAT 后面的客户端）</translation>
        </message>
        <message>
            <source>RFC 7323 timestamps: 0 off, 1 on with a random offset, 2 on without offset</source>
            <translation>RFC 7323 时间戳：0 关闭，1 开启并使用随机偏移，2 开启但不加偏移</translation>
        </message>
        <message>
            <source>Most TIME_WAIT sockets at once; beyond it a closing socket skips TIME_WAIT</source>
            <translation>同时存在的 TIME_WAIT 套接字上限；超过后，正在关闭的套接字直接跳过 TIME_WAIT</translation>
        </message>
        <message>
            <source>Retransmission budget of a socket with no process (0 means 8)</source>
            <translation>孤儿套接字（已无进程持有）的重传次数预算（0 表示 8）</translation>
        </message>
        <message>
            <source>Most sockets with no process; beyond it close() resets the connection</source>
            <translation>孤儿套接字的数量上限；超过后 close() 会用 RST 重置连接</translation>
        </message>
        <message>
            <source>How long an orphaned socket stays in FIN-WAIT-2 (not TIME_WAIT!)</source>
            <translation>孤儿套接字在 FIN-WAIT-2 中停留的时间（不是 TIME_WAIT！）</translation>
        </message>
        <message>
            <source>Ignore RSTs in TIME_WAIT instead of letting them kill it (RFC 1337)</source>
            <translation>在 TIME_WAIT 中忽略 RST，而不是让它终结 TIME_WAIT（RFC 1337）</translation>
        </message>
        <message>
            <source>SYN retransmissions before connect() gives up</source>
            <translation>connect() 放弃之前 SYN 的重传次数</translation>
        </message>
        <message>
            <source>SYN retransmissions 1 s apart before the backoff doubles</source>
            <translation>退避开始翻倍之前，间隔 1 秒的 SYN 重传次数</translation>
        </message>
        <message>
            <source>SYN,ACK retransmissions before a half-open connection is dropped</source>
            <translation>半连接被丢弃之前 SYN,ACK 的重传次数</translation>
        </message>
        <message>
            <source>Retransmission budget of a socket a process still holds (15: about 924.6 s)</source>
            <translation>仍被进程持有的套接字的重传预算（15 约为 924.6 秒）</translation>
        </message>
        <message>
            <source>Offer and accept selective acknowledgements (SACK-permitted on the SYN)</source>
            <translation>提供并接受选择性确认（SYN 上的 sackOK 选项）</translation>
        </message>
        <message>
            <source>3 or 4: a tail loss probe resends the last segment before the RTO (needs SACK)</source>
            <translation>3 或 4：尾部丢失探测在 RTO 之前重发最后一个报文段（需要选择性确认）</translation>
        </message>
        <message>
            <source>Challenge ACKs per second (RFC 5961)</source>
            <translation>每秒最多发送的挑战 ACK 数（RFC 5961）</translation>
        </message>
        <message>
            <source>Least time between duplicate ACKs for out-of-window segments</source>
            <translation>针对窗口外报文段的重复 ACK 之间的最小间隔</translation>
        </message>
        <message>
            <source>Ephemeral ports connect() chooses from (low high)</source>
            <translation>connect() 选用的临时端口范围（下限 上限）</translation>
        </message>
        <message>
            <source>Linux 6.14 and later</source>
            <translation>Linux 6.14 及以后</translation>
        </message>
        <message>
            <source>Linux 4.19 – 6.13</source>
            <translation>Linux 4.19 – 6.13</translation>
        </message>
        <message>
            <source>Linux 4.12 – 4.18</source>
            <translation>Linux 4.12 – 4.18</translation>
        </message>
        <message>
            <source>Linux 3.10 – 4.11</source>
            <translation>Linux 3.10 – 4.11</translation>
        </message>
        <message>
            <source>RFC 9293 textbook</source>
            <translation>RFC 9293 教科书</translation>
        </message>
        <message>
            <source>%1 – %2, low ≤ high</source>
            <translation>%1 – %2，下限 ≤ 上限</translation>
        </message>
        <message>
            <source>any integer</source>
            <translation>任意整数</translation>
        </message>
        <message>
            <source>%1 does not exist in the %2 profile.</source>
            <translation>%2 内核配置中没有 %1。</translation>
        </message>
        <message>
            <source>No such sysctl.</source>
            <translation>没有这个 sysctl。</translation>
        </message>
        <message>
            <source>%1 refused: %2</source>
            <translation>%1 拒绝了这个值：%2</translation>
        </message>
        <message>
            <source>Set %1 = %2 on %3</source>
            <translation>在 %3 上设置 %1 = %2</translation>
        </message>
        <message>
            <source>The scenario does not run with this value: %1</source>
            <translation>使用这个值时场景无法运行：%1</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Valid range</source>
            <translation>有效范围</translation>
        </message>
        <message>
            <source>Sysctl (net.ipv4.)</source>
            <translation>Sysctl（net.ipv4.）</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>on, for every address</source>
            <translation>开启，适用于所有地址</translation>
        </message>
        <message>
            <source>loopback only</source>
            <translation>仅限环回地址</translation>
        </message>
        <message>
            <source>on (breaks clients behind NAT)</source>
            <translation>开启（会让 NAT 后面的客户端出问题）</translation>
        </message>
        <message>
            <source>on, with a random offset</source>
            <translation>开启，带随机偏移</translation>
        </message>
        <message>
            <source>on, without offset</source>
            <translation>开启，不带偏移</translation>
        </message>
        <message>
            <source>off: a RST ends TIME-WAIT</source>
            <translation>关闭：RST 会结束 TIME-WAIT</translation>
        </message>
        <message>
            <source>on: TIME-WAIT ignores RSTs</source>
            <translation>开启：TIME-WAIT 忽略 RST</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <comment>a sysctl&apos;s value and what it means</comment>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>RFC 7323 window scaling: offer a window scale on SYNs (0 off)</source>
            <translation>RFC 7323 窗口缩放：在 SYN 中提供窗口缩放因子（0 为关闭）</translation>
        </message>
        <message>
            <source>Receive buffer of a socket (min default max); the max sets the window scale</source>
            <translation>套接字的接收缓冲区（最小 默认 最大）；最大值决定窗口缩放因子</translation>
        </message>
        <message>
            <source>Largest receive buffer SO_RCVBUF may ask for; also bounds the window scale</source>
            <translation>SO_RCVBUF 可请求的最大接收缓冲区；也限制窗口缩放因子</translation>
        </message>
        <message>
            <source>three values, each at least %1 %2</source>
            <translation>三个值，每个至少 %1 %2</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SysctlPanel</name>
        <message>
            <source>Kernel profile:</source>
            <translation>内核配置：</translation>
        </message>
        <message>
            <source>Which kernel this host runs: its defaults, and the few decisions that differ between versions</source>
            <translation>这台主机运行的内核：决定默认值，以及各版本之间少数不同的行为</translation>
        </message>
        <message>
            <source>Set the kernel profile of %1 to %2</source>
            <translation>把 %1 的内核配置设为 %2</translation>
        </message>
        <message>
            <source>Sysctls of every host</source>
            <translation>所有主机的 sysctl</translation>
        </message>
        <message>
            <source>Kernel profile of %1</source>
            <translation>%1 的内核配置</translation>
        </message>
        <message>
            <source>Sysctls of %1</source>
            <translation>%1 的 sysctl</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::TraceText</name>
        <message>
            <source>%1 µs</source>
            <translation>%1 微秒</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 毫秒</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 分 %2 秒</translation>
        </message>
        <message>
            <source>network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>stack</source>
            <translation>协议栈</translation>
        </message>
        <message>
            <source>RTO</source>
            <translation>重传（RTO）</translation>
        </message>
        <message>
            <source>delayed ACK</source>
            <translation>延迟 ACK</translation>
        </message>
        <message>
            <source>zero-window probe</source>
            <translation>零窗口探测</translation>
        </message>
        <message>
            <source>FIN-WAIT-2 timeout</source>
            <translation>FIN-WAIT-2 超时</translation>
        </message>
        <message>
            <source>TIME_WAIT 2MSL</source>
            <translation>TIME_WAIT（2MSL）</translation>
        </message>
        <message>
            <source>RTO</source>
            <comment>short timer name</comment>
            <translation>RTO</translation>
        </message>
        <message>
            <source>delayed ACK</source>
            <comment>short timer name</comment>
            <translation>延迟 ACK</translation>
        </message>
        <message>
            <source>probe</source>
            <comment>short timer name</comment>
            <translation>探测</translation>
        </message>
        <message>
            <source>stop reading</source>
            <translation>停止读取</translation>
        </message>
        <message>
            <source>resume reading</source>
            <translation>恢复读取</translation>
        </message>
        <message>
            <source>sends %1</source>
            <translation>发送 %1</translation>
        </message>
        <message>
            <source>receives %1</source>
            <translation>收到 %1</translation>
        </message>
        <message>
            <source>%1 is lost</source>
            <translation>%1 丢失</translation>
        </message>
        <message>
            <source>%1 is held back</source>
            <translation>%1 被延迟</translation>
        </message>
        <message>
            <source>%1 is duplicated</source>
            <translation>%1 被复制</translation>
        </message>
        <message>
            <source>arms the %1 timer (%2)</source>
            <translation>启动 %1 定时器（%2）</translation>
        </message>
        <message>
            <source>tail loss probe</source>
            <translation>尾部丢失探测</translation>
        </message>
        <message>
            <source>%1 timer fires</source>
            <translation>%1 定时器到期</translation>
        </message>
        <message>
            <source>stops the %1 timer</source>
            <translation>停止 %1 定时器</translation>
        </message>
        <message>
            <source>%1 fails: %2</source>
            <translation>%1 失败：%2</translation>
        </message>
        <message>
            <source>anomaly</source>
            <translation>异常</translation>
        </message>
        <message>
            <source>unknown until %1</source>
            <translation>%1之前未知</translation>
        </message>
        <message>
            <source>The capture started after this connection's SYN: this side's state before its first packet shows it is not known.</source>
            <translation>抓包始于该连接的 SYN 之后：在第一个能显示其状态的数据包之前，这一端的状态未知。</translation>
        </message>
        <message>
            <source>PTO</source>
            <comment>short timer name: the tail loss probe&apos;s timeout (RFC 8985), which Linux runs on the retransmission timer</comment>
            <translation>PTO</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::TransportBar</name>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Playback speed (Ctrl+] faster, Ctrl+[ slower)</source>
            <translation>播放速度（Ctrl+] 加速，Ctrl+[ 减速）</translation>
        </message>
        <message>
            <source>Virtual time at the cursor, and the length of the run</source>
            <translation>光标处的虚拟时间，以及运行的总时长</translation>
        </message>
        <message>
            <source>t = %1 s / %2 s</source>
            <translation>t = %1 秒 / %2 秒</translation>
        </message>
        <message>
            <source>Click or drag to move through the run; quiet stretches take little room.</source>
            <translation>单击或拖动以浏览整个运行过程；空闲的时段只占很小的位置。</translation>
        </message>
        <message>
            <source>Time cursor</source>
            <translation>时间光标</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>播放速度</translation>
        </message>
        <message>
            <source>Time at the cursor</source>
            <translation>光标处的时间</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::WhatIf</name>
        <message>
            <source>Drop %1</source>
            <translation>丢弃 %1</translation>
        </message>
        <message>
            <source>Delay %1 by %2</source>
            <translation>把 %1 延迟 %2</translation>
        </message>
        <message>
            <source>Duplicate %1</source>
            <translation>复制 %1</translation>
        </message>
        <message>
            <source>Restore %1</source>
            <translation>恢复 %1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::HandoutPdf</name>
        <message>
            <source>In the sequence diagram time runs down. Each arrow is a segment, labelled with its flags, sequence and acknowledgement numbers; the coloured band on each lifeline is that socket&apos;s TCP state. Long quiet stretches are drawn short and labelled with their real length. The steps after the diagram explain every event.</source>
            <translation>时序图中时间自上而下流动。每个箭头是一个报文段，标注了它的标志位、序号和确认号；每条生命线上的彩色色带表示该套接字的 TCP 状态。长时间的空闲会被画短，并标出实际时长。时序图之后的步骤逐一解释每个事件。</translation>
        </message>
        <message>
            <source>Step by step</source>
            <translation>逐步说明</translation>
        </message>
        <message>
            <source>Time (s)</source>
            <translation>时间（秒）</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>%1 — Teardown Lab %2</source>
            <translation>%1 — Teardown Lab %2</translation>
        </message>
        <message>
            <source>page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <source>There is no run to hand out.</source>
            <translation>没有可生成讲义的运行结果。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Cannot write %1: the PDF could not be painted.</source>
            <translation>无法写入 %1：无法绘制 PDF。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::AboutText</name>
        <message>
            <source>&lt;h3&gt;Teardown Lab %1&lt;/h3&gt;&lt;p&gt;Shows, step by step and faithfully to Linux, how a TCP connection is closed: the four-way close, TIME_WAIT, half-close, orphans, and what the sysctls change.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Teardown Lab %1&lt;/h3&gt;&lt;p&gt;按照 Linux 的真实行为，一步一步地展示 TCP 连接如何关闭：四次挥手、TIME_WAIT、半关闭、孤儿套接字，以及各个 sysctl 会改变什么。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Teardown Lab is free software under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It uses Qt, whose Qt Charts module is licensed under the GPL-3.0.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Teardown Lab 是自由软件，依据 GNU 通用公共许可证第 3 版或（由您选择）任何更新的版本（GPL-3.0-or-later）发布。它使用 Qt，其中 Qt Charts 模块以 GPL-3.0 许可证发布。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;This is version %1; the build does not record the Git commit of its source.&lt;/p&gt;</source>
            <translation>&lt;p&gt;这是 %1 版；此次构建没有记录其源代码的 Git 提交。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Built from the source at Git commit &lt;code&gt;%1&lt;/code&gt; (version %2).&lt;/p&gt;</source>
            <translation>&lt;p&gt;由 Git 提交 &lt;code&gt;%1&lt;/code&gt; 的源代码构建（%2 版）。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LoadErrorText</name>
        <message>
            <source>top level</source>
            <translation>顶层</translation>
        </message>
        <message>
            <source>byte %1 (line %2, column %3)</source>
            <translation>第 %1 字节（第 %2 行，第 %3 列）</translation>
        </message>
        <message>
            <source>an integer in %1..%2 (the kernel's range)</source>
            <translation>%1..%2 之间的整数（内核的取值范围）</translation>
        </message>
        <message>
            <source>an integer in %1..%2</source>
            <translation>%1..%2 之间的整数</translation>
        </message>
        <message>
            <source>the key %1</source>
            <translation>键 %1</translation>
        </message>
        <message>
            <source>one of the keys %1</source>
            <translation>以下键之一：%1</translation>
        </message>
        <message>
            <source>only the key %1</source>
            <translation>只有键 %1</translation>
        </message>
        <message>
            <source>a duration from %1 to %2</source>
            <translation>%1 到 %2 之间的时长</translation>
        </message>
        <message>
            <source>a kernel profile (%1)</source>
            <translation>内核配置（%1）</translation>
        </message>
        <message>
            <source>expected %1, found %2</source>
            <translation>应为%1，实为%2</translation>
        </message>
        <message>
            <source>%1: expected %2, found %3</source>
            <translation>%1：应为%2，实为%3</translation>
        </message>
        <message>
            <source>%1: %2: expected %3, found %4</source>
            <translation>%1：%2：应为%3，实为%4</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>an empty object</source>
            <translation>空对象</translation>
        </message>
        <message>
            <source>an array</source>
            <translation>数组</translation>
        </message>
        <message>
            <source>an empty array</source>
            <translation>空数组</translation>
        </message>
        <message>
            <source>a binary value</source>
            <translation>二进制值</translation>
        </message>
        <message>
            <source>a string</source>
            <translation>字符串</translation>
        </message>
        <message>
            <source>an integer</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true 或 false</translation>
        </message>
        <message>
            <source>an object without it</source>
            <translation>缺少该键的对象</translation>
        </message>
        <message>
            <source>a scenario object</source>
            <translation>场景对象</translation>
        </message>
        <message>
            <source>valid JSON</source>
            <translation>合法的 JSON</translation>
        </message>
        <message>
            <source>a JSON value</source>
            <translation>JSON 值</translation>
        </message>
        <message>
            <source>a JSON object</source>
            <translation>JSON 对象</translation>
        </message>
        <message>
            <source>a JSON object key</source>
            <translation>JSON 对象的键</translation>
        </message>
        <message>
            <source>a JSON object separator</source>
            <translation>JSON 对象的分隔符</translation>
        </message>
        <message>
            <source>a JSON array</source>
            <translation>JSON 数组</translation>
        </message>
        <message>
            <source>string literal</source>
            <translation>字符串字面量</translation>
        </message>
        <message>
            <source>number literal</source>
            <translation>数字字面量</translation>
        </message>
        <message>
            <source>true literal</source>
            <translation>true 字面量</translation>
        </message>
        <message>
            <source>false literal</source>
            <translation>false 字面量</translation>
        </message>
        <message>
            <source>null literal</source>
            <translation>null 字面量</translation>
        </message>
        <message>
            <source>end of input</source>
            <translation>输入结尾</translation>
        </message>
        <message>
            <source>'[', '{', or a literal</source>
            <translation>'['、'{' 或字面量</translation>
        </message>
        <message>
            <source>%1 (invalid literal)</source>
            <translation>%1（无效的字面量）</translation>
        </message>
        <message>
            <source>each key once in an object</source>
            <translation>对象中每个键只出现一次</translation>
        </message>
        <message>
            <source>a number a double can hold</source>
            <translation>double 能表示的数</translation>
        </message>
        <message>
            <source>a scenario file</source>
            <translation>场景文件</translation>
        </message>
        <message>
            <source>a folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>a readable scenario file</source>
            <translation>可读取的场景文件</translation>
        </message>
        <message>
            <source>a scenario file of at most 4 MiB</source>
            <translation>不超过 4 MiB 的场景文件</translation>
        </message>
        <message>
            <source>a larger file</source>
            <translation>更大的文件</translation>
        </message>
        <message>
            <source>a scenario (a JSON object)</source>
            <translation>场景（一个 JSON 对象）</translation>
        </message>
        <message>
            <source>an empty file</source>
            <translation>空文件</translation>
        </message>
        <message>
            <source>a probability from 0 to 1, such as 0.05</source>
            <translation>0 到 1 之间的概率，例如 0.05</translation>
        </message>
        <message>
            <source>a duration such as "40ms" or "1.5s"</source>
            <translation>时长，例如 "40ms" 或 "1.5s"</translation>
        </message>
        <message>
            <source>a duration such as "40ms" or "1.5s" (units us, ms, s, min, h)</source>
            <translation>时长，例如 "40ms" 或 "1.5s"（单位 us、ms、s、min、h）</translation>
        </message>
        <message>
            <source>a duration that is not negative</source>
            <translation>非负的时长</translation>
        </message>
        <message>
            <source>a duration that is a whole number of microseconds</source>
            <translation>整数微秒的时长</translation>
        </message>
        <message>
            <source>a duration long enough for one connection at this rate</source>
            <translation>在此速率下足够完成一个连接的时长</translation>
        </message>
        <message>
            <source>an object of sysctl names and values</source>
            <translation>由 sysctl 名称和值组成的对象</translation>
        </message>
        <message>
            <source>a sysctl this program models, such as net.ipv4.tcp_fin_timeout</source>
            <translation>本程序模拟的 sysctl，例如 net.ipv4.tcp_fin_timeout</translation>
        </message>
        <message>
            <source>two port numbers in a string, such as "32768 60999"</source>
            <translation>写在一个字符串里的两个端口号，例如 "32768 60999"</translation>
        </message>
        <message>
            <source>two port numbers "low high"</source>
            <translation>两个端口号 "low high"</translation>
        </message>
        <message>
            <source>"low high" with 1024 &lt;= low &lt;= high &lt;= 65535 (the kernel's range)</source>
            <translation>满足 1024 &lt;= low &lt;= high &lt;= 65535 的 "low high"（内核的取值范围）</translation>
        </message>
        <message>
            <source>an integer in 0..1 (the kernel's range before 4.19)</source>
            <translation>0..1 之间的整数（4.19 之前内核的取值范围）</translation>
        </message>
        <message>
            <source>a value the kernel accepts</source>
            <translation>内核接受的值</translation>
        </message>
        <message>
            <source>a host name of 1 to 32 letters, digits, '-', '_' or '.'</source>
            <translation>由 1 到 32 个字母、数字、'-'、'_' 或 '.' 组成的主机名</translation>
        </message>
        <message>
            <source>a socket name of 1 to 32 letters, digits, '-', '_' or '.'</source>
            <translation>由 1 到 32 个字母、数字、'-'、'_' 或 '.' 组成的套接字名</translation>
        </message>
        <message>
            <source>a unicast IPv4 address such as "10.0.0.1"</source>
            <translation>单播 IPv4 地址，例如 "10.0.0.1"</translation>
        </message>
        <message>
            <source>the name of a host in /hosts</source>
            <translation>/hosts 中某台主机的名称</translation>
        </message>
        <message>
            <source>the name of a host in /hosts before the ':'</source>
            <translation>':' 之前为 /hosts 中某台主机的名称</translation>
        </message>
        <message>
            <source>a host other than the client</source>
            <translation>客户端以外的主机</translation>
        </message>
        <message>
            <source>a host other than "from"</source>
            <translation>"from" 以外的主机</translation>
        </message>
        <message>
            <source>"client" or "server"</source>
            <translation>"client" 或 "server"</translation>
        </message>
        <message>
            <source>a host name and port such as "server:80"</source>
            <translation>主机名和端口，例如 "server:80"</translation>
        </message>
        <message>
            <source>a host name and port such as "server:80" with a port in 1..65535</source>
            <translation>主机名和端口，例如 "server:80"，端口在 1..65535 之间</translation>
        </message>
        <message>
            <source>an array of at least one host</source>
            <translation>至少包含一台主机的数组</translation>
        </message>
        <message>
            <source>an array of links</source>
            <translation>链路数组</translation>
        </message>
        <message>
            <source>an array of actions</source>
            <translation>动作数组</translation>
        </message>
        <message>
            <source>an array of fault rules</source>
            <translation>故障规则数组</translation>
        </message>
        <message>
            <source>an array of socket names</source>
            <translation>套接字名数组</translation>
        </message>
        <message>
            <source>a socket that an action names</source>
            <translation>某个动作所指定的套接字</translation>
        </message>
        <message>
            <source>exactly one of "at" (a time) or "on" (an event)</source>
            <translation>"at"（时间）与 "on"（事件）恰好其一</translation>
        </message>
        <message>
            <source>"after" only together with "on"</source>
            <translation>"after" 只能与 "on" 一起使用</translation>
        </message>
        <message>
            <source>an event: "established", "eof" or "error"</source>
            <translation>事件："established"、"eof" 或 "error"</translation>
        </message>
        <message>
            <source>"SHUT_RD", "SHUT_WR" or "SHUT_RDWR"</source>
            <translation>"SHUT_RD"、"SHUT_WR" 或 "SHUT_RDWR"</translation>
        </message>
        <message>
            <source>"drop", "delay" or "duplicate"</source>
            <translation>"drop"、"delay" 或 "duplicate"</translation>
        </message>
        <message>
            <source>"delay" only with the action "delay"</source>
            <translation>"delay" 只能用于动作 "delay"</translation>
        </message>
        <message>
            <source>flags that "flags" does not also require</source>
            <translation>"flags" 未同时要求的标志</translation>
        </message>
        <message>
            <source>flags such as "FIN,ACK" (from SYN, ACK, FIN, RST, PSH)</source>
            <translation>标志，例如 "FIN,ACK"（取自 SYN、ACK、FIN、RST、PSH）</translation>
        </message>
        <message>
            <source>unknown sysctl %1</source>
            <translation>未知的 sysctl %1</translation>
        </message>
        <message>
            <source>%1 does not exist in the %2 profile</source>
            <translation>%1 在 %2 内核配置中不存在</translation>
        </message>
        <message>
            <source>the key %1 twice</source>
            <translation>键 %1 出现了两次</translation>
        </message>
        <message>
            <source>%1 (invalid BOM; must be 0xEF 0xBB 0xBF if given)</source>
            <translation>%1（无效的 BOM：如果有，必须是 0xEF 0xBB 0xBF）</translation>
        </message>
        <message>
            <source>%1 (invalid number; expected digit after '-')</source>
            <translation>%1（无效的数字：'-' 之后应为数字）</translation>
        </message>
        <message>
            <source>%1 (invalid number; expected digit after '.')</source>
            <translation>%1（无效的数字：'.' 之后应为数字）</translation>
        </message>
        <message>
            <source>%1 (invalid number; expected digit after exponent sign)</source>
            <translation>%1（无效的数字：指数符号之后应为数字）</translation>
        </message>
        <message>
            <source>%1 (invalid string: '\u' must be followed by 4 hex digits)</source>
            <translation>%1（无效的字符串：'\u' 之后必须是 4 位十六进制数字）</translation>
        </message>
        <message>
            <source>%1 (invalid string: control character %2 must be escaped to %3)</source>
            <translation>%1（无效的字符串：控制字符 %2 必须转义为 %3）</translation>
        </message>
        <message>
            <source>%1 (invalid string: control character %2 must be escaped to %3 or %4)</source>
            <translation>%1（无效的字符串：控制字符 %2 必须转义为 %3 或 %4）</translation>
        </message>
        <message>
            <source>%1 (invalid string: forbidden character after backslash)</source>
            <translation>%1（无效的字符串：反斜杠之后是不允许的字符）</translation>
        </message>
        <message>
            <source>%1 (invalid string: ill-formed UTF-8 byte)</source>
            <translation>%1（无效的字符串：格式错误的 UTF-8 字节）</translation>
        </message>
        <message>
            <source>%1 (invalid string: missing closing quote)</source>
            <translation>%1（无效的字符串：缺少结尾的引号）</translation>
        </message>
        <message>
            <source>%1 (invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF)</source>
            <translation>%1（无效的字符串：代理项 U+D800..U+DBFF 之后必须紧跟 U+DC00..U+DFFF）</translation>
        </message>
        <message>
            <source>%1 (invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF)</source>
            <translation>%1（无效的字符串：代理项 U+DC00..U+DFFF 必须紧跟在 U+D800..U+DBFF 之后）</translation>
        </message>
        <message>
            <source>arrays and objects nested at most %1 deep</source>
            <translation>嵌套不超过 %1 层的数组和对象</translation>
        </message>
        <message>
            <source>one more level</source>
            <translation>多出的一层</translation>
        </message>
        <message>
            <source>the key "format": %1</source>
            <translation>键 "format"，值为 %1</translation>
        </message>
        <message>
            <source>%1 (the version this program reads)</source>
            <translation>%1（本程序读取的版本）</translation>
        </message>
        <message>
            <source>a host name not yet used (%1 has it)</source>
            <translation>尚未使用的主机名（%1 已经用了这个名字）</translation>
        </message>
        <message>
            <source>a sysctl that exists in the %1 profile</source>
            <translation>%1 内核配置中存在的 sysctl</translation>
        </message>
        <message>
            <source>one link per direction (%1 is already %2 to %3)</source>
            <translation>每个方向一条链路（%1 已经是 %2 到 %3）</translation>
        </message>
        <message>
            <source>a second one</source>
            <translation>第二条</translation>
        </message>
        <message>
            <source>a call (listen, connect, send, shutdown, close, stop_reading, resume_reading, set_linger)</source>
            <translation>一个调用（listen、connect、send、shutdown、close、stop_reading、resume_reading、set_linger）</translation>
        </message>
        <message>
            <source>both</source>
            <translation>两者都有</translation>
        </message>
        <message>
            <source>neither</source>
            <translation>两者都没有</translation>
        </message>
        <message>
            <source>it with "at"</source>
            <translation>它与 "at" 同时出现</translation>
        </message>
        <message>
            <source>"at": a %1 creates its socket, so no earlier event on it can trigger it</source>
            <translation>"at"：%1 会创建自己的套接字，在此之前该套接字上没有事件能触发它</translation>
        </message>
        <message>
            <source>another host than "%1" (no loopback here)</source>
            <translation>"%1" 以外的主机（这里不模拟回环）</translation>
        </message>
        <message>
            <source>true (only SO_LINGER on with a zero timeout is modelled)</source>
            <translation>true（只模拟开启 SO_LINGER 且超时为 0 的情况）</translation>
        </message>
        <message>
            <source>0 (only SO_LINGER on with a zero timeout is modelled)</source>
            <translation>0（只模拟开启 SO_LINGER 且超时为 0 的情况）</translation>
        </message>
        <message>
            <source>a socket name not yet used on host "%1" (%2 names it already)</source>
            <translation>主机 "%1" 上尚未使用的套接字名（%2 已经用了这个名字）</translation>
        </message>
        <message>
            <source>a socket that a connect or a listen's accept list on host "%1" names</source>
            <translation>主机 "%1" 上由 connect 或 listen 的 accept 列表指定的套接字</translation>
        </message>
        <message>
            <source>a socket that an action names on host "%1"</source>
            <translation>主机 "%1" 上某个动作所指定的套接字</translation>
        </message>
        <message>
            <source>it with %1</source>
            <translation>它与 %1 同时出现</translation>
        </message>
        <message>
            <source>at most %1 connections: a lower /load/rate or a shorter /load/duration</source>
            <translation>最多 %1 个连接：请调低 /load/rate 或缩短 /load/duration</translation>
        </message>
        <message>
            <source>%1 connections (%2 a second for %3)</source>
            <translation>%1 个连接（每秒 %2 个，持续 %3）</translation>
        </message>
        <message>
            <source>samples that fit in %1 GiB: a longer /load/sample_every, a shorter /load/duration or /limit</source>
            <translation>能装进 %1 GiB 的采样：请调大 /load/sample_every，或缩短 /load/duration 或 /limit</translation>
        </message>
        <message>
            <source>%1 samples (one every %2) of %3 bytes, about %4 GiB</source>
            <translation>%1 个采样（每 %2 一个），每个 %3 字节，共约 %4 GiB</translation>
        </message>
        <message>
            <source>a host that is not a scripted peer ("%1" has no sockets)</source>
            <translation>一台不是脚本对端的主机（"%1" 没有套接字）</translation>
        </message>
        <message>
            <source>an array of crafted segments</source>
            <translation>由构造报文段组成的数组</translation>
        </message>
        <message>
            <source>flags such as "RST,ACK" (from SYN, ACK, FIN, RST, PSH), or "" for none</source>
            <translation>诸如 "RST,ACK" 的标志（取自 SYN、ACK、FIN、RST、PSH），或用 "" 表示没有标志</translation>
        </message>
        <message>
            <source>an integer in 0..4294967295, or {"relative": n} with n in 0..4294967295</source>
            <translation>0..4294967295 之间的整数，或 {"relative": n}（n 在 0..4294967295 之间）</translation>
        </message>
        <message>
            <source>either "socket" or both "from_port" and "to_port"</source>
            <translation>要么给出 "socket"，要么同时给出 "from_port" 和 "to_port"</translation>
        </message>
        <message>
            <source>"step" only together with "at"</source>
            <translation>"step" 只能与 "at" 一起使用</translation>
        </message>
        <message>
            <source>No such file or directory</source>
            <translation>文件或目录不存在</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>权限不足</translation>
        </message>
        <message>
            <source>Is a directory</source>
            <translation>这是一个目录</translation>
        </message>
        <message>
            <source>Not a directory</source>
            <translation>不是目录</translation>
        </message>
        <message>
            <source>Too many levels of symbolic links</source>
            <translation>符号链接的层数过多</translation>
        </message>
        <message>
            <source>File name too long</source>
            <translation>文件名过长</translation>
        </message>
        <message>
            <source>Input/output error</source>
            <translation>输入/输出错误</translation>
        </message>
        <message>
            <source>Too many open files</source>
            <translation>打开的文件过多</translation>
        </message>
        <message>
            <source>Too many open files in system</source>
            <translation>系统中打开的文件过多</translation>
        </message>
        <message>
            <source>an array of key moments</source>
            <translation>由关键时刻组成的数组</translation>
        </message>
        <message>
            <source>exactly one of &quot;enters&quot;, &quot;sends&quot;, &quot;loses&quot; or &quot;fires&quot;</source>
            <translation>&quot;enters&quot;、&quot;sends&quot;、&quot;loses&quot;、&quot;fires&quot; 中恰好一个</translation>
        </message>
        <message>
            <source>a state: %1</source>
            <translation>一个状态：%1</translation>
        </message>
        <message>
            <source>a timer: %1</source>
            <translation>一个定时器：%1</translation>
        </message>
        <message>
            <source>a caption with English text</source>
            <translation>带有英文文字的说明</translation>
        </message>
        <message>
            <source>three integers "min default max", each at least 1 (the kernel's range)</source>
            <translation>三个整数 "min default max"，每个至少为 1（内核的取值范围）</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ScenarioProblemText</name>
        <message>
            <source>a scenario needs at least one host</source>
            <translation>场景至少需要一台主机</translation>
        </message>
        <message>
            <source>action %1 names host "%2", which the scenario does not have</source>
            <translation>第 %1 个动作指定了主机 "%2"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>action %1 connects to host "%2", which the scenario does not have</source>
            <translation>第 %1 个动作要连接主机 "%2"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>link %1 names host "%2", which the scenario does not have</source>
            <translation>第 %1 条链路指定了主机 "%2"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>the load's client is host "%1", which the scenario does not have</source>
            <translation>负载的客户端是主机 "%1"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>the load's server is host "%1", which the scenario does not have</source>
            <translation>负载的服务器是主机 "%1"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>the load needs a rate of at least one connection a second</source>
            <translation>负载的速率至少要达到每秒一个连接</translation>
        </message>
        <message>
            <source>the load needs at least one server port</source>
            <translation>负载至少需要一个服务器端口</translation>
        </message>
        <message>
            <source>the scenario has no load</source>
            <translation>场景中没有负载</translation>
        </message>
        <message>
            <source>action %1 runs on host "%2", a scripted peer, which has no sockets</source>
            <translation>第 %1 个动作在主机 "%2" 上执行，但它是脚本对端，没有套接字</translation>
        </message>
        <message>
            <source>the load runs on host "%1", a scripted peer, which has no sockets</source>
            <translation>负载运行在主机 "%1" 上，但它是脚本对端，没有套接字</translation>
        </message>
        <message>
            <source>crafted segment %1 names host "%2", which the scenario does not have</source>
            <translation>第 %1 个构造报文段指定了主机 "%2"，但场景中没有这台主机</translation>
        </message>
        <message>
            <source>crafted segment %1 names socket "%2" on host "%3", where no action connects or accepts a socket of that name</source>
            <translation>第 %1 个构造报文段指定了主机 "%3" 上的套接字 "%2"，但该主机上没有动作以这个名字发起连接或接受连接</translation>
        </message>
        <message>
            <source>crafted segment %1 names neither a socket nor both ports</source>
            <translation>第 %1 个构造报文段既没有指定套接字，也没有同时指定两个端口</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::FaultRulePanel</name>
        <message>
            <source>No fault rules. Right-click a segment in the diagram to drop, delay or duplicate it.</source>
            <translation>还没有故障规则。在图中右击一个报文段，即可丢弃、延迟或复制它。</translation>
        </message>
        <message>
            <source>Select a rule to show the segment it acted on.</source>
            <translation>选中一条规则，即可看到它作用的报文段。</translation>
        </message>
        <message>
            <source>&amp;Delete Rule</source>
            <translation>删除规则(&amp;D)</translation>
        </message>
        <message>
            <source>Fault rules</source>
            <translation>故障规则</translation>
        </message>
        <message>
            <source>The scenario&apos;s fault rules in words, each with what it did in this run; select one to show its segment</source>
            <translation>用文字列出本场景的故障规则，以及每条规则在本次运行中的作用；选中一条即显示它对应的报文段</translation>
        </message>
        <message>
            <source>Remove the selected fault rule (undoable)</source>
            <translation>删除选中的故障规则（可撤销）</translation>
        </message>
        <message>
            <source>De&amp;lay:</source>
            <translation>延迟(&amp;L)：</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <source>The selected delay rule's extra delay (undoable)</source>
            <translation>选中的延迟规则所加的额外延迟（可撤销）</translation>
        </message>
        <message>
            <source>matches nothing</source>
            <translation>没有匹配任何报文段</translation>
        </message>
        <message>
            <source>No segment of this run matches the rule: it changes nothing. An earlier edit may have moved the segment it picked.</source>
            <translation>本次运行中没有报文段匹配这条规则：它不起任何作用。之前的修改可能挪动了它所选的报文段。</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%2时的 %1</translation>
        </message>
        <message>
            <source>acted on %1</source>
            <translation>作用于 %1</translation>
        </message>
        <message numerus="yes">
            <source>acted on %n segments, first %1</source>
            <translation>
                <numerusform>作用于 %n 个报文段，第一个是 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete the rule "%1"</source>
            <translation>删除规则“%1”</translation>
        </message>
        <message>
            <source>Delay by %1 instead of %2: %3</source>
            <translation>延迟改为 %1（原为 %2）：%3</translation>
        </message>
        <message>
            <source>The what-if cannot run</source>
            <translation>该假设推演无法运行</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::FaultRuleText</name>
        <message>
            <source>first</source>
            <translation>第一个</translation>
        </message>
        <message>
            <source>second</source>
            <translation>第二个</translation>
        </message>
        <message>
            <source>third</source>
            <translation>第三个</translation>
        </message>
        <message>
            <source>%1st</source>
            <translation>第 %1 个</translation>
        </message>
        <message>
            <source>%1nd</source>
            <translation>第 %1 个</translation>
        </message>
        <message>
            <source>%1rd</source>
            <translation>第 %1 个</translation>
        </message>
        <message>
            <source>%1th</source>
            <translation>第 %1 个</translation>
        </message>
        <message>
            <source>segment #%1</source>
            <translation>报文段 #%1</translation>
        </message>
        <message>
            <source>pure ACK</source>
            <translation>纯 ACK</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>报文段</translation>
        </message>
        <message>
            <source>%1 without %2</source>
            <translation>不带 %2 的 %1</translation>
        </message>
        <message>
            <source>%1 with data</source>
            <translation>带数据的 %1</translation>
        </message>
        <message>
            <source>%1 without data</source>
            <translation>不带数据的 %1</translation>
        </message>
        <message>
            <source>every %1</source>
            <translation>每个 %1</translation>
        </message>
        <message>
            <source>every %1 from the %2</source>
            <translation>%2 发出的每个 %1</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>an ordinal and a segment: first FIN</comment>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>the %1</source>
            <comment>the first FIN</comment>
            <translation>%1</translation>
        </message>
        <message>
            <source>the %1's %2</source>
            <translation>%1 的%2</translation>
        </message>
        <message>
            <source>%1 to the %2</source>
            <translation>%1（发往 %2）</translation>
        </message>
        <message>
            <source>%1 on socket %2 to the %3</source>
            <translation>%1（套接字 %2，发往 %3）</translation>
        </message>
        <message>
            <source>%1 on socket %2</source>
            <translation>%1（套接字 %2）</translation>
        </message>
        <message>
            <source>drop %1</source>
            <translation>丢弃 %1</translation>
        </message>
        <message>
            <source>delay %1 by %2</source>
            <translation>将 %1 延迟 %2</translation>
        </message>
        <message>
            <source>duplicate %1</source>
            <translation>复制 %1</translation>
        </message>
        <message>
            <source>data segment</source>
            <translation>数据报文段</translation>
        </message>
        <message>
            <source>second transmission of its %1</source>
            <translation>第二次发送的 %1</translation>
        </message>
        <message>
            <source>third transmission of its %1</source>
            <translation>第三次发送的 %1</translation>
        </message>
        <message>
            <source>transmission %1 of its %2</source>
            <translation>第 %1 次发送的 %2</translation>
        </message>
        <message>
            <source>%1 at seq %2</source>
            <comment>a segment and its relative sequence number: pure ACK at seq 2</comment>
            <translation>seq 为 %2 的%1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::RunComparison</name>
        <message>
            <source>data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>data and FIN</source>
            <translation>数据和 FIN</translation>
        </message>
        <message>
            <source>ACK</source>
            <translation>ACK</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>the %1</source>
            <comment>a host: the client, the server</comment>
            <translation>%1</translation>
        </message>
        <message>
            <source>%1 no longer retransmits its %2</source>
            <translation>%1 不再重传它的 %2</translation>
        </message>
        <message>
            <source>%1 now retransmits its %2 once</source>
            <translation>%1 现在会重传它的 %2 一次</translation>
        </message>
        <message numerus="yes">
            <source>%1 now retransmits its %2 %n times</source>
            <translation>
                <numerusform>%1 现在会重传它的 %2 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>TIME-WAIT on %1 ends at %2 instead of %3</source>
            <translation>%1 的 TIME-WAIT 在 %2 结束，而不是 %3</translation>
        </message>
        <message>
            <source>%1 no longer enters TIME-WAIT</source>
            <translation>%1 不再进入 TIME-WAIT</translation>
        </message>
        <message>
            <source>%1 now enters TIME-WAIT, until %2</source>
            <translation>%1 现在会进入 TIME-WAIT，直到 %2</translation>
        </message>
        <message>
            <source>%1 now sends a RST</source>
            <translation>%1 现在会发送 RST</translation>
        </message>
        <message>
            <source>%1 no longer sends a RST</source>
            <translation>%1 不再发送 RST</translation>
        </message>
        <message>
            <source>%1 on %2 now fails with %3</source>
            <translation>%2 上的 %1 现在失败，错误为 %3</translation>
        </message>
        <message>
            <source>%1 on %2 no longer fails</source>
            <translation>%2 上的 %1 不再失败</translation>
        </message>
        <message>
            <source>socket %1 now ends in %2 instead of %3</source>
            <translation>套接字 %1 现在停在 %2，而不是 %3</translation>
        </message>
        <message>
            <source>the run now ends at %1 instead of %2</source>
            <translation>运行现在在 %1 结束，而不是 %2</translation>
        </message>
        <message>
            <source>the run now sends %1 segments instead of %2</source>
            <translation>运行现在发送 %1 个报文段，而不是 %2 个</translation>
        </message>
        <message>
            <source>only the timing of some events changes</source>
            <translation>只有部分事件的时间变了</translation>
        </message>
        <message>
            <source>No change: %1 leaves this run as it was</source>
            <translation>没有变化：%1 没有改变这次运行</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>; </source>
            <comment>between two changes</comment>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SandboxEdit</name>
        <message>
            <source>Add %1 on %2 at %3</source>
            <translation>在 %2 上于 %3 加入 %1</translation>
        </message>
        <message>
            <source>Move %1 on %2 to %3</source>
            <translation>把 %2 上的 %1 移到 %3</translation>
        </message>
        <message>
            <source>Remove %1 on %2 %3</source>
            <translation>删除 %2 上 %3 的 %1</translation>
        </message>
        <message>
            <source>send()…</source>
            <translation>send()…</translation>
        </message>
        <message>
            <source>stop reading</source>
            <translation>停止读取</translation>
        </message>
        <message>
            <source>resume reading</source>
            <translation>恢复读取</translation>
        </message>
        <message>
            <source>SO_LINGER 0 (close sends RST)</source>
            <translation>SO_LINGER 0（close 发送 RST）</translation>
        </message>
        <message>
            <source>send(%1 bytes)</source>
            <translation>send(%1 字节)</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>%1 时</translation>
        </message>
        <message>
            <source>%1 after the connection is established</source>
            <translation>连接建立后 %1</translation>
        </message>
        <message>
            <source>%1 after end of file</source>
            <translation>读到文件结束后 %1</translation>
        </message>
        <message>
            <source>%1 after an error</source>
            <translation>出错后 %1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::FirstDifference</name>
        <message>
            <source>First difference at %1: %2 has %3; %4 has nothing like it.</source>
            <translation>第一处不同在 %1：%2有 %3；%4没有对应的事件。</translation>
        </message>
        <message>
            <source>First difference at %1: %2 has %3, where %4 has %5.</source>
            <translation>第一处不同在 %1：%2有 %3，而%4有 %5。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LifelineCallMenu</name>
        <message>
            <source>%1 at %2</source>
            <translation>%1，%2 时</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>加入 %1</translation>
        </message>
        <message>
            <source>No other host listens: there is nowhere to connect to</source>
            <translation>没有别的主机在监听：无处可连</translation>
        </message>
        <message>
            <source>%1 has no connection yet: add connect() first</source>
            <translation>%1 还没有连接：请先加入 connect()</translation>
        </message>
        <message>
            <source>Calls on %1</source>
            <translation>%1 上的调用</translation>
        </message>
        <message>
            <source>Move to %1</source>
            <translation>移到 %1</translation>
        </message>
        <message>
            <source>Move to Another Time…</source>
            <translation>移到其他时刻…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Send Bytes</source>
            <translation>发送字节</translation>
        </message>
        <message>
            <source>How many bytes does %1 send at %2?</source>
            <translation>%1 在 %2 时发送多少字节？</translation>
        </message>
        <message>
            <source>Move Call</source>
            <translation>移动调用</translation>
        </message>
        <message>
            <source>When does %1 on %2 happen, in milliseconds from the start?</source>
            <translation>%2 上的 %1 在什么时刻发生（从开始算起的毫秒数）？</translation>
        </message>
        <message>
            <source>The edit cannot run</source>
            <translation>这次修改无法运行</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SideBySideView</name>
        <message>
            <source>The scenario as opened, before the what-if edits</source>
            <translation>打开时的场景（假设修改之前）</translation>
        </message>
        <message>
            <source>Preset: %1</source>
            <translation>预设：%1</translation>
        </message>
        <message>
            <source>Right: now, with your what-if edits</source>
            <translation>右侧：现在，含你的假设修改</translation>
        </message>
        <message>
            <source>Right: now (no what-if edits yet)</source>
            <translation>右侧：现在（尚无假设修改）</translation>
        </message>
        <message>
            <source>Left: %1</source>
            <translation>左侧：%1</translation>
        </message>
        <message>
            <source>first difference</source>
            <translation>第一处不同</translation>
        </message>
        <message>
            <source>The run to compare with cannot be shown: %1</source>
            <translation>无法显示用来对比的运行：%1</translation>
        </message>
        <message>
            <source>The two runs are the same. Make a what-if edit (drop a segment, change a sysctl, add a call) or compare with another preset.</source>
            <translation>两次运行完全相同。做一次假设修改（丢弃一个报文段、改一个 sysctl、加入一次调用），或与另一个预设对比。</translation>
        </message>
        <message>
            <source>the left run</source>
            <translation>左侧的运行</translation>
        </message>
        <message>
            <source>the right run</source>
            <translation>右侧的运行</translation>
        </message>
        <message>
            <source>&amp;Side by Side</source>
            <translation>并排对比(&amp;S)</translation>
        </message>
        <message>
            <source>Compare the run with another side by side: the scenario as opened, or a preset</source>
            <translation>把这次运行与另一次并排对比：打开时的场景，或某个预设</translation>
        </message>
        <message>
            <source>&amp;Compare with:</source>
            <translation>对比对象(&amp;C)：</translation>
        </message>
        <message>
            <source>Sequence diagram of the run compared with</source>
            <translation>用来对比的运行的时序图</translation>
        </message>
        <message>
            <source>Sequence diagram of the current run</source>
            <translation>当前运行的时序图</translation>
        </message>
        <message>
            <source>Where the two runs first differ</source>
            <translation>两次运行第一处不同的地方</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::PresentationMode</name>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen with large, high-contrast text for a class; Page Up/Down step through the key moments, S shows the state machine, Esc leaves</source>
            <translation>全屏、大字号、高对比度，供课堂演示；上下翻页键在关键时刻之间切换，S 键显示状态机，Esc 键退出</translation>
        </message>
        <message>
            <source>Panels Kept in Presentation Mode</source>
            <translation>演示模式中保留的面板</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::SlideText</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Teardown Lab sequence diagram at %1</source>
            <translation>Teardown Lab 时序图（%1 时）</translation>
        </message>
        <message>
            <source>Cannot write %1: the PNG encoder failed</source>
            <translation>无法写入 %1：PNG 编码失败</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LessonText</name>
        <message>
            <source>%1  %2: %3 — %4</source>
            <translation>%1  %2：%3 —— %4</translation>
        </message>
        <message>
            <source>What does %1 send next?</source>
            <translation>%1 接下来发送什么？</translation>
        </message>
        <message>
            <source>What state is %1 (socket %2) in now?</source>
            <translation>%1（套接字 %2）现在处于什么状态？</translation>
        </message>
        <message>
            <source>%1 (socket %2) has just entered TIME-WAIT. When does TIME-WAIT end?</source>
            <translation>%1（套接字 %2）刚刚进入 TIME-WAIT。TIME-WAIT 什么时候结束？</translation>
        </message>
        <message>
            <source>Which side is left in TIME-WAIT once the close is over?</source>
            <translation>关闭完成后，哪一方会停留在 TIME-WAIT？</translation>
        </message>
        <message>
            <source>%1 later, at %2 s</source>
            <translation>%1 之后，即 %2 秒时</translation>
        </message>
        <message>
            <source>%1 only</source>
            <translation>只有 %1</translation>
        </message>
        <message>
            <source>both</source>
            <translation>双方都会</translation>
        </message>
        <message>
            <source>neither</source>
            <translation>双方都不会</translation>
        </message>
        <message>
            <source>The answer is %1) %2. The trace shows it: %3</source>
            <translation>答案是 %1) %2。运行记录中可以看到：%3</translation>
        </message>
        <message>
            <source>Right. %1</source>
            <translation>答对了。%1</translation>
        </message>
        <message>
            <source>Not quite. %1</source>
            <translation>不对。%1</translation>
        </message>
        <message>
            <source>Score: %1 of %2</source>
            <translation>得分：%2 题中答对 %1 题</translation>
        </message>
        <message>
            <source>Standard input ended before the answer.</source>
            <translation>标准输入在作答之前就结束了。</translation>
        </message>
        <message>
            <source>Expected a letter from a to %1, or q, found &quot;%2&quot;.</source>
            <translation>应输入 a 到 %1 之间的字母或 q，实际输入的是 &quot;%2&quot;。</translation>
        </message>
        <message numerus="yes">
            <source>Quiz: %1 (%n question(s)). Type the letter of your answer; q ends the quiz.</source>
            <translation>
                <numerusform>测验：%1（共 %n 题）。输入答案的字母；输入 q 结束测验。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::LessonPanel</name>
        <message>
            <source>No lesson: open a scenario.</source>
            <translation>没有课程：请打开一个场景。</translation>
        </message>
        <message>
            <source>This run has no key moments.</source>
            <translation>这次运行没有关键时刻。</translation>
        </message>
        <message>
            <source>Key moment %1 of %2, at %3</source>
            <translation>关键时刻 %1/%2（%3）</translation>
        </message>
        <message>
            <source>Last quiz: %1 of %2</source>
            <translation>上次测验：%2 题中答对 %1 题</translation>
        </message>
        <message>
            <source>◀ Previous moment</source>
            <translation>◀ 上一个时刻</translation>
        </message>
        <message>
            <source>Step the lesson back to the key moment before this one</source>
            <translation>让课程退回到上一个关键时刻</translation>
        </message>
        <message>
            <source>Continue ▶</source>
            <translation>继续 ▶</translation>
        </message>
        <message>
            <source>Play on to the next key moment (Space)</source>
            <translation>继续播放到下一个关键时刻（空格键）</translation>
        </message>
        <message>
            <source>Quiz me</source>
            <translation>考考我</translation>
        </message>
        <message>
            <source>Ask what happens before each key moment shows it, and keep the score</source>
            <translation>在每个关键时刻显示之前先提问，并记录得分</translation>
        </message>
        <message numerus="yes">
            <source>Play to reach the first of %n key moment(s).</source>
            <translation>
                <numerusform>播放以到达 %n 个关键时刻中的第一个。</numerusform>
            </translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>What happened since the key moment</source>
            <translation>关键时刻之后发生了什么</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ScriptVerdictOverlay</name>
        <message>
            <source>Script line %1 expected: %2</source>
            <translation>脚本第 %1 行期望：%2</translation>
        </message>
        <message>
            <source>The host did: %1</source>
            <translation>主机实际：%1</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::CaptureRun</name>
        <message>
            <source>%1 holds %2 TCP connections, more than the %3 a sequence diagram shows. teardown-cli --from-capture sums it up and shows one connection with --connection N.</source>
            <translation>%1 包含 %2 个 TCP 连接，超过时序图可显示的 %3 个。teardown-cli --from-capture 可汇总它，并用 --connection N 显示其中一个连接。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::InjectWhatIf</name>
        <message>
            <source>Blind in-window RST</source>
            <translation>盲注窗口内 RST</translation>
        </message>
        <message>
            <source>Old duplicate SYN</source>
            <translation>旧的重复 SYN</translation>
        </message>
        <message>
            <source>Stale FIN</source>
            <translation>过期的 FIN</translation>
        </message>
        <message>
            <source>Custom segment</source>
            <translation>自定义报文段</translation>
        </message>
        <message>
            <source>%1&apos;s %2</source>
            <translation>%1 的 %2</translation>
        </message>
        <message>
            <source>Inject a blind in-window RST into %1 at %2</source>
            <translation>在 %2 向 %1 注入一个盲注窗口内 RST</translation>
        </message>
        <message>
            <source>Inject an old duplicate SYN into %1 at %2</source>
            <translation>在 %2 向 %1 注入一个旧的重复 SYN</translation>
        </message>
        <message>
            <source>Inject a stale FIN into %1 at %2</source>
            <translation>在 %2 向 %1 注入一个过期的 FIN</translation>
        </message>
        <message>
            <source>Inject a crafted %1 into %2 at %3</source>
            <translation>在 %3 向 %2 注入一个构造的 %1 报文段</translation>
        </message>
        <message>
            <source>Inject a crafted segment without flags into %1 at %2</source>
            <translation>在 %2 向 %1 注入一个不带标志的构造报文段</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::InjectMenu</name>
        <message>
            <source>Inject a segment on %1 at %2</source>
            <translation>在 %1 上 %2 处注入报文段</translation>
        </message>
        <message>
            <source>Inject into %1 at %2</source>
            <translation>在 %2 向 %1 注入</translation>
        </message>
        <message>
            <source>No connection of this host to inject into at this time</source>
            <translation>此刻这台主机没有可注入的连接</translation>
        </message>
        <message>
            <source>Custom segment…</source>
            <translation>自定义报文段…</translation>
        </message>
        <message>
            <source>From %1 into %2 at %3</source>
            <translation>在 %3 从 %1 注入 %2</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::CraftedSegmentDialog</name>
        <message>
            <source>Custom Segment</source>
            <translation>自定义报文段</translation>
        </message>
        <message>
            <source>Flags:</source>
            <translation>标志：</translation>
        </message>
        <message>
            <source>relative to the sender&apos;s ISN</source>
            <translation>相对于发送方的 ISN</translation>
        </message>
        <message>
            <source>Sequence number:</source>
            <translation>序号：</translation>
        </message>
        <message>
            <source>relative to the receiver&apos;s ISN</source>
            <translation>相对于接收方的 ISN</translation>
        </message>
        <message>
            <source>Acknowledgement number:</source>
            <translation>确认号：</translation>
        </message>
        <message>
            <source>Window (bytes):</source>
            <translation>窗口（字节）：</translation>
        </message>
        <message>
            <source>Payload length (bytes):</source>
            <translation>载荷长度（字节）：</translation>
        </message>
        <message>
            <source>MSS</source>
            <translation>MSS</translation>
        </message>
        <message>
            <source>SACK permitted</source>
            <translation>允许 SACK</translation>
        </message>
        <message>
            <source>Window scale</source>
            <translation>窗口缩放</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>选项：</translation>
        </message>
        <message>
            <source>Timestamps: TSval</source>
            <translation>时间戳：TSval</translation>
        </message>
        <message>
            <source>TSecr</source>
            <translation>TSecr</translation>
        </message>
        <message>
            <source>relative to the receiver&apos;s first TSval</source>
            <translation>相对于接收方的第一个 TSval</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::CaptureReplayDock</name>
        <message>
            <source>Differences from Linux</source>
            <translation>与 Linux 的差异</translation>
        </message>
        <message>
            <source>Show or hide where the replayed capture differs from Linux</source>
            <translation>显示或隐藏重放的抓包与 Linux 不同之处</translation>
        </message>
        <message>
            <source>Cannot replay the capture</source>
            <translation>无法重放抓包</translation>
        </message>
        <message>
            <source>No capture is open.</source>
            <translation>没有打开的抓包。</translation>
        </message>
        <message>
            <source>%1 cannot be replayed: %2</source>
            <translation>%1 无法重放：%2</translation>
        </message>
        <message>
            <source>Replayed with %1 as %2. Differences from Linux: %3.</source>
            <translation>已将 %1 作为 %2 重放。与 Linux 的差异：%3 处。</translation>
        </message>
        <message>
            <source>Replay Differences</source>
            <translation>重放差异</translation>
        </message>
        <message>
            <source>Re&amp;play as Linux…</source>
            <translation>作为 Linux 重放(&amp;P)…</translation>
        </message>
        <message>
            <source>Replay the capture with one side simulated as Linux, and mark where the captured host did otherwise</source>
            <translation>将抓包的一端模拟为 Linux 重放，并标出被抓包主机与之不同的地方</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ReplayDialog</name>
        <message>
            <source>Replay as Linux</source>
            <translation>作为 Linux 重放</translation>
        </message>
        <message>
            <source>One side of the capture becomes a simulated Linux host; the other side's packets are sent to it at their capture times. Every place where the captured host did not do what Linux would is marked on the diagram and listed.</source>
            <translation>抓包的一端成为模拟的 Linux 主机；另一端的数据包按抓包时间发送给它。被抓包主机凡是与 Linux 的做法不同之处，都会在时序图上标出并列出。</translation>
        </message>
        <message>
            <source>The server (the side that answered the SYN)</source>
            <translation>服务器（应答 SYN 的一端）</translation>
        </message>
        <message>
            <source>The client (the side that sent the SYN)</source>
            <translation>客户端（发送 SYN 的一端）</translation>
        </message>
        <message>
            <source>One a line, as sysctl -w takes it:
net.ipv4.tcp_fin_timeout = 30</source>
            <translation>每行一项，写法同 sysctl -w：
net.ipv4.tcp_fin_timeout = 30</translation>
        </message>
        <message>
            <source>Linux host:</source>
            <translation>Linux 主机：</translation>
        </message>
        <message>
            <source>Kernel profile:</source>
            <translation>内核配置：</translation>
        </message>
        <message>
            <source>Sysctls changed:</source>
            <translation>修改的 sysctl：</translation>
        </message>
        <message>
            <source>Replay</source>
            <translation>重放</translation>
        </message>
        <message>
            <source>Line %1: expected "name = value", found "%2".</source>
            <translation>第 %1 行：应为“名称 = 值”，实际为“%2”。</translation>
        </message>
        <message>
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ReplayDifferenceList</name>
        <message>
            <source>timing</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>fields</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>missing from the capture</source>
            <translation>抓包中缺失</translation>
        </message>
        <message>
            <source>not sent by Linux</source>
            <translation>Linux 不会发送</translation>
        </message>
        <message>
            <source>RST Linux would not accept</source>
            <translation>Linux 不会接受的 RST</translation>
        </message>
        <message>
            <source>%1 · %2: %3</source>
            <translation>%1 · %2：%3</translation>
        </message>
        <message>
            <source>No difference: the captured host did what Linux would.</source>
            <translation>没有差异：被抓包主机的行为与 Linux 一致。</translation>
        </message>
    </context>
    <context>
        <name>tdl::ui::ReplayDifferenceOverlay</name>
        <message>
            <source>Linux would send it at %1</source>
            <translation>Linux 会在 %1 发送它</translation>
        </message>
        <message>
            <source>Linux would send nothing here</source>
            <translation>Linux 在此不会发送任何东西</translation>
        </message>
        <message>
            <source>The capture shows it at %1</source>
            <translation>抓包显示它在 %1</translation>
        </message>
        <message>
            <source>The capture has no such packet</source>
            <translation>抓包中没有这个数据包</translation>
        </message>
    </context>
</TS>
