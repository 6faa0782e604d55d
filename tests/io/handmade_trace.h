#pragma once

#include "trace.h"

namespace tdl::test {

// Traces written fact by fact, so that the writers can be checked against known values without
// the engine. Client 10.0.0.1:40000 (ISN 1000) and server 10.0.0.2:80 (ISN 5000), 10 ms apart.

// Handshake, 100 bytes from the client, then the four-way close started by the client at
// 200 ms and TIME_WAIT until 60.270 s. Nine segments.
Trace handmadeFourWayClose();

// The same connection's close with the network interfering: the client's FIN is dropped by fault
// rule 1 and retransmitted 200 ms later, the server's ACK is delayed 100 ms by rule 2 and
// duplicated by rule 3, and the server notes an anomaly.
Trace handmadeFaultyClose();

// The close with every segment accounted for at both ends, for captures taken at a host. Segments
// 0..4 as above; then the client's FIN (5) is dropped by rule 1 at 200 ms and retransmitted (6) at
// 400 ms, arriving at 410 ms; the server's ACK (7) at 410 ms is duplicated by rule 3 (the copy is
// 8) and both arrive at 420 ms; the server's FIN (9) at 460 ms is delayed 100 ms by rule 2 and
// arrives at 570 ms, when the client answers with the last ACK (10), which arrives at 580 ms.
Trace handmadeLostDoubledAndLateClose();

} // namespace tdl::test
