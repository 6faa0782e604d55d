#include "Run.h"

namespace tdl::ui {

Run::Run(Trace trace)
    : trace_(std::move(trace))
    , index_(trace_)
    , axis_(trace_, index_) {}

} // namespace tdl::ui
