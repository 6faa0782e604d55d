#pragma once

// May connect() take over a 4-tuple a TIME_WAIT record holds? tcp_twsk_unique() and tcp_tw_reuse.

#include "host.h"
#include "sim_time.h"
#include "time_wait_sock.h"

namespace tdl {

// tcp_twsk_unique() for one record.
bool tcpTwskUnique(const Host& host, const TimeWaitSock& tw, bool explicitBind, SimTime now);
// Could tcp_twsk_unique() let connect() take over any TIME_WAIT toward this peer?
bool anyTimeWaitReusable(const Host& host, const FourTuple& tuple);

} // namespace tdl
