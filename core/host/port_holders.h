#pragma once

#include <cstdint>
#include <vector>

namespace tdl {

// How many sockets and TIME_WAIT records hold each local port, and how many ports are held. A
// table by port, not a hash map: a busy client touches a random one of them per connection.
class PortHolders {
public:
    bool contains(std::uint16_t port) const { return holders_[port] != 0; }
    void add(std::uint16_t port) { held_ += holders_[port]++ == 0 ? 1 : 0; }
    void remove(std::uint16_t port) {
        if (holders_[port] != 0) {
            held_ -= --holders_[port] == 0 ? 1 : 0;
        }
    }
    std::uint32_t held() const { return held_; }

private:
    std::vector<std::uint32_t> holders_ = std::vector<std::uint32_t>(65536);
    std::uint32_t held_ = 0;
};

} // namespace tdl
