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

} // namespace tdl::test
