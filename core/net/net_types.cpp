#include "net_types.h"

#include <charconv>

namespace tdl {

std::string formatIpv4(Ipv4 address) {
    return std::to_string(address >> 24) + '.' + std::to_string((address >> 16) & 0xff) + '.' +
           std::to_string((address >> 8) & 0xff) + '.' + std::to_string(address & 0xff);
}

bool parseIpv4(const std::string& text, Ipv4& out) {
    Ipv4 result = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (p == end || *p != '.') {
                return false;
            }
            ++p;
        }
        unsigned value = 0;
        auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || next == p || next - p > 3 || value > 255) {
            return false;
        }
        result = (result << 8) | value;
        p = next;
    }
    if (p != end) {
        return false;
    }
    out = result;
    return true;
}

} // namespace tdl
