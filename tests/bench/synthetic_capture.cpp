#include "synthetic_capture.h"

#include <pcap/pcap.h>

#include <array>
#include <vector>

namespace tdl::bench {

namespace {

void put16(std::uint8_t* p, std::uint32_t v) {
    p[0] = static_cast<std::uint8_t>(v >> 8);
    p[1] = static_cast<std::uint8_t>(v);
}
void put32(std::uint8_t* p, std::uint32_t v) {
    put16(p, v >> 16);
    put16(p + 2, v);
}

struct Packet {
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint32_t payload = 0;
};

// IPv4 (20) + TCP (20) + NOP NOP TS (12) + payload; checksums are left 0: the reader does not
// check them, as tcpdump's own captures with offloads often have them wrong.
std::size_t build(const Packet& p, std::uint32_t tsval, std::vector<std::uint8_t>& out) {
    const std::size_t size = 52 + p.payload;
    out.assign(size, 'x');
    std::uint8_t* ip = out.data();
    ip[0] = 0x45;
    ip[1] = 0;
    put16(ip + 2, static_cast<std::uint32_t>(size));
    put16(ip + 4, 0);
    put16(ip + 6, 0x4000);
    ip[8] = 64;
    ip[9] = 6;
    put16(ip + 10, 0);
    put32(ip + 12, p.src);
    put32(ip + 16, p.dst);
    std::uint8_t* tcp = ip + 20;
    put16(tcp, p.sport);
    put16(tcp + 2, p.dport);
    put32(tcp + 4, p.seq);
    put32(tcp + 8, p.ack);
    tcp[12] = 8 << 4;
    tcp[13] = p.flags;
    put16(tcp + 14, 502);
    put16(tcp + 16, 0);
    put16(tcp + 18, 0);
    tcp[20] = 1;
    tcp[21] = 1;
    tcp[22] = 8;
    tcp[23] = 10;
    put32(tcp + 24, tsval);
    put32(tcp + 28, 0);
    return size;
}

} // namespace

std::optional<std::string> writeSyntheticCapture(const std::string& path, std::uint64_t connections,
                                                 std::uint32_t payload) {
    pcap_t* dead = pcap_open_dead(DLT_RAW, 65535);
    pcap_dumper_t* dumper = pcap_dump_open(dead, path.c_str());
    if (dumper == nullptr) {
        std::string error = path + ": " + pcap_geterr(dead);
        pcap_close(dead);
        return error;
    }
    constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kPsh = 0x08, kAck = 0x10;
    constexpr std::uint32_t kServer = 0x0A000001; // 10.0.0.1
    std::vector<std::uint8_t> bytes;
    for (std::uint64_t i = 0; i < connections; ++i) {
        // 16 clients, each cycling through 60,000 ports: 4-tuples repeat after 960,000
        // connections, long after the earlier one closed, so they are new incarnations.
        const std::uint32_t client = 0x0A010000 + static_cast<std::uint32_t>(i % 16);
        const auto port = static_cast<std::uint16_t>(1024 + (i / 16) % 60000);
        const std::uint32_t c = static_cast<std::uint32_t>(i * 2654435761U);
        const std::uint32_t s = c ^ 0x5bd1e995U;
        const std::uint64_t start = i * 10; // µs
        const std::array<std::pair<Packet, std::uint64_t>, 10> packets{{
            {{client, kServer, port, 80, c, 0, kSyn, 0}, 0},
            {{kServer, client, 80, port, s, c + 1, kSyn | kAck, 0}, 100},
            {{client, kServer, port, 80, c + 1, s + 1, kAck, 0}, 200},
            {{client, kServer, port, 80, c + 1, s + 1, kPsh | kAck, payload}, 210},
            {{kServer, client, 80, port, s + 1, c + 1 + payload, kPsh | kAck, payload}, 400},
            {{client, kServer, port, 80, c + 1 + payload, s + 1 + payload, kAck, 0}, 500},
            {{client, kServer, port, 80, c + 1 + payload, s + 1 + payload, kFin | kAck, 0}, 600},
            {{kServer, client, 80, port, s + 1 + payload, c + 2 + payload, kAck, 0}, 700},
            {{kServer, client, 80, port, s + 1 + payload, c + 2 + payload, kFin | kAck, 0}, 710},
            {{client, kServer, port, 80, c + 2 + payload, s + 2 + payload, kAck, 0}, 800},
        }};
        // Connections overlap (each lasts 800 µs, one starts every 10 µs); the capture is in
        // time order per connection, which is all the grouping needs.
        for (const auto& [packet, offset] : packets) {
            const std::size_t size =
                build(packet, static_cast<std::uint32_t>(start + offset), bytes);
            pcap_pkthdr header{};
            const std::uint64_t at = start + offset;
            header.ts.tv_sec = static_cast<time_t>(at / 1'000'000);
            header.ts.tv_usec = static_cast<suseconds_t>(at % 1'000'000);
            header.caplen = header.len = static_cast<bpf_u_int32>(size);
            pcap_dump(reinterpret_cast<u_char*>(dumper), &header, bytes.data());
        }
    }
    const bool flushed = pcap_dump_flush(dumper) == 0;
    pcap_dump_close(dumper);
    pcap_close(dead);
    if (!flushed) {
        return path + ": cannot write the capture";
    }
    return std::nullopt;
}

} // namespace tdl::bench
