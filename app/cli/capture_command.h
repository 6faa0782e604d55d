#pragma once

#include "cli_options.h"

namespace tdl::cli {

// teardown-cli --from-capture FILE: the capture read, its connections' states inferred, shown as
// a scenario run is (diagram, --trace, --pcap), or for many connections as a summary, --csv or
// --sockets-at. Returns the exit status.
int runFromCapture(const Options& options);

} // namespace tdl::cli
