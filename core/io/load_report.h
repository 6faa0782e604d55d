#pragma once

#include "load_run.h"

#include <string>

namespace tdl {

// A table a person reads after a load run: per host, the peaks and totals that tell the story
// (TIME_WAIT, orphans, free ports, connect() failures, TIME_WAIT overflows, RSTs).
std::string renderLoadSummary(const Scenario& scenario, const LoadSeries& series);

// The time series as CSV, one row per sample and host, with a header row.
std::string loadSeriesCsv(const LoadSeries& series);

} // namespace tdl
