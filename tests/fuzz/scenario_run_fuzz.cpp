// The scenario loader on arbitrary bytes, then, for what it accepts, a bounded run and every trace
// writer. The loader must answer with a scenario or one message; a scenario it accepts must run
// without a crash, an exception or undefined behaviour.

#include "bounded_run.h"
#include "pcap_writer.h"
#include "scenario_json.h"
#include "text_diagram.h"
#include "trace_jsonl.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const tdl::LoadResult loaded = tdl::parseScenario(text, "fuzz.json");
    if (const auto* error = std::get_if<tdl::LoadError>(&loaded)) {
        // One message, one line.
        if (error->message().find('\n') != std::string::npos) {
            std::abort();
        }
        return 0;
    }
    const std::optional<tdl::Trace> trace = tdl::fuzz::boundedRun(std::get<tdl::Scenario>(loaded));
    if (!trace) {
        return 0;
    }
    std::ostringstream lines;
    tdl::writeTraceJsonl(*trace, lines);
    tdl::TextDiagramOptions ascii;
    ascii.asciiOnly = true;
    const std::string diagram =
        tdl::renderTextDiagram(*trace) + tdl::renderTextDiagram(*trace, ascii);
    // /dev/null is written directly (AtomicFile), so the capture is built in full and dropped.
    if (const auto error = tdl::writePcap(*trace, "/dev/null")) {
        // Only a segment too big for one IPv4 packet may be refused.
        if (error->find("more than one IPv4 packet can hold") == std::string::npos) {
            std::abort();
        }
    }
    if (lines.str().empty() || diagram.empty()) {
        std::abort();
    }
    return 0;
}
