#include "segment.h"

namespace tdl {

std::string formatFlags(std::uint8_t flags) {
    std::string out;
    const auto add = [&](std::uint8_t f, const char* name) {
        if (flags & f) {
            if (!out.empty()) {
                out += ',';
            }
            out += name;
        }
    };
    add(flag::kFin, "FIN");
    add(flag::kSyn, "SYN");
    add(flag::kRst, "RST");
    add(flag::kPsh, "PSH");
    add(flag::kAck, "ACK");
    return out;
}

} // namespace tdl
