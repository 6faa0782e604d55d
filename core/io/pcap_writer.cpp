#include "pcap_writer.h"

#include "atomic_file.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <unistd.h>
#include <vector>

namespace tdl {

namespace {

constexpr std::size_t kIpv4HeaderBytes = 20;
constexpr std::size_t kTcpHeaderBytes = 20;
constexpr std::uint8_t kIpProtocolTcp = 6;
constexpr std::uint8_t kDefaultTtl = 64; // net.ipv4.ip_default_ttl
constexpr std::uint16_t kDontFragment = 0x4000;
constexpr std::uint8_t kTcpOptionNop = 1;
constexpr std::uint8_t kTcpOptionMss = 2;
constexpr std::uint8_t kTcpOptionTimestamp = 8;
constexpr int kSnapshotLength = 65535;

class PacketBuilder {
public:
    void u8(std::uint8_t value) { bytes_.push_back(value); }
    void u16(std::uint16_t value) {
        u8(static_cast<std::uint8_t>(value >> 8));
        u8(static_cast<std::uint8_t>(value));
    }
    void u32(std::uint32_t value) {
        u16(static_cast<std::uint16_t>(value >> 16));
        u16(static_cast<std::uint16_t>(value));
    }
    void put16(std::size_t offset, std::uint16_t value) {
        bytes_[offset] = static_cast<std::uint8_t>(value >> 8);
        bytes_[offset + 1] = static_cast<std::uint8_t>(value);
    }
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

// RFC 1071: the 16-bit one's complement sum, folded.
std::uint32_t onesComplementSum(const std::uint8_t* data, std::size_t size, std::uint32_t sum) {
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
    }
    if (size % 2 == 1) {
        sum += static_cast<std::uint32_t>(data[size - 1] << 8);
    }
    return sum;
}

std::uint16_t finishChecksum(std::uint32_t sum) {
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return static_cast<std::uint16_t>(~sum);
}

std::vector<std::uint8_t> ipv4Packet(const Segment& segment, std::uint16_t ipId) {
    PacketBuilder tcp;
    tcp.u16(segment.src.port);
    tcp.u16(segment.dst.port);
    tcp.u32(segment.seq.value());
    tcp.u32(segment.ack.value());
    const std::size_t optionBytes = (segment.mss != 0 ? 4 : 0) + (segment.hasTimestamp ? 12 : 0);
    tcp.u8(static_cast<std::uint8_t>(((kTcpHeaderBytes + optionBytes) / 4) << 4));
    tcp.u8(segment.flags); // our flag bits are the TCP header's
    tcp.u16(segment.window);
    tcp.u16(0); // checksum, filled in below
    tcp.u16(0); // urgent pointer
    // The order Linux uses without SACK and window scaling: MSS, then NOP NOP TS.
    if (segment.mss != 0) {
        tcp.u8(kTcpOptionMss);
        tcp.u8(4);
        tcp.u16(segment.mss);
    }
    if (segment.hasTimestamp) {
        tcp.u8(kTcpOptionNop);
        tcp.u8(kTcpOptionNop);
        tcp.u8(kTcpOptionTimestamp);
        tcp.u8(10);
        tcp.u32(segment.timestamp.value);
        tcp.u32(segment.timestamp.echo);
    }
    for (std::uint32_t i = 0; i < segment.length; ++i) {
        tcp.u8(static_cast<std::uint8_t>('a' + (segment.streamOffset + i) % 26));
    }
    const std::vector<std::uint8_t>& tcpBytes = tcp.bytes();

    // The pseudo-header of RFC 793 §3.1: addresses, zero, protocol, TCP length.
    PacketBuilder pseudo;
    pseudo.u32(segment.src.address);
    pseudo.u32(segment.dst.address);
    pseudo.u8(0);
    pseudo.u8(kIpProtocolTcp);
    pseudo.u16(static_cast<std::uint16_t>(tcpBytes.size()));
    std::uint32_t sum = onesComplementSum(pseudo.bytes().data(), pseudo.bytes().size(), 0);
    sum = onesComplementSum(tcpBytes.data(), tcpBytes.size(), sum);
    tcp.put16(16, finishChecksum(sum));

    PacketBuilder ip;
    ip.u8(0x45); // version 4, header of 5 words
    ip.u8(0);
    ip.u16(static_cast<std::uint16_t>(kIpv4HeaderBytes + tcpBytes.size()));
    ip.u16(ipId);
    ip.u16(kDontFragment);
    ip.u8(kDefaultTtl);
    ip.u8(kIpProtocolTcp);
    ip.u16(0); // checksum, filled in below
    ip.u32(segment.src.address);
    ip.u32(segment.dst.address);
    ip.put16(10, finishChecksum(onesComplementSum(ip.bytes().data(), kIpv4HeaderBytes, 0)));
    ip.bytes().insert(ip.bytes().end(), tcpBytes.begin(), tcpBytes.end());
    return std::move(ip.bytes());
}

struct PcapCloser {
    void operator()(pcap_t* pcap) const { pcap_close(pcap); }
};
struct DumperCloser {
    void operator()(pcap_dumper_t* dumper) const { pcap_dump_close(dumper); }
};

} // namespace

std::optional<std::string> writePcap(const Trace& trace, const std::string& path) {
    constexpr std::size_t kMaxPayload = 65535 - kIpv4HeaderBytes - kTcpHeaderBytes - 16;
    for (std::size_t i = 0; i < trace.segments.size(); ++i) {
        if (trace.segments[i].segment.length > kMaxPayload) {
            return path + ": segment " + std::to_string(i) + " carries " +
                   std::to_string(trace.segments[i].segment.length) +
                   " bytes, more than one IPv4 packet can hold";
        }
    }
    // Duplicates made by a fault may be recorded after segments sent later; a capture is in
    // time order.
    std::vector<std::size_t> order(trace.segments.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return trace.segments[a].sentAt < trace.segments[b].sentAt;
    });

    AtomicFile file;
    if (auto error = file.open(path)) {
        return error;
    }
    const std::unique_ptr<pcap_t, PcapCloser> pcap(pcap_open_dead_with_tstamp_precision(
        DLT_RAW, kSnapshotLength, PCAP_TSTAMP_PRECISION_MICRO));
    if (!pcap) {
        return path + ": libpcap could not start a capture";
    }
    const int streamDescriptor = ::dup(file.descriptor());
    FILE* stream = streamDescriptor < 0 ? nullptr : ::fdopen(streamDescriptor, "wb");
    if (stream == nullptr) {
        if (streamDescriptor >= 0) {
            ::close(streamDescriptor);
        }
        return path + ": cannot open the file for writing";
    }
    std::unique_ptr<pcap_dumper_t, DumperCloser> dumper(pcap_dump_fopen(pcap.get(), stream));
    if (!dumper) {
        std::fclose(stream);
        return path + ": " + pcap_geterr(pcap.get());
    }
    // Linux draws IP IDs per destination; one counter per sender is enough for DF packets,
    // whose ID nobody reassembles by.
    std::map<Ipv4, std::uint16_t> nextIpId;
    for (const std::size_t index : order) {
        const SegmentRecord& record = trace.segments[index];
        std::vector<std::uint8_t> packet =
            ipv4Packet(record.segment, nextIpId[record.segment.src.address]++);
        pcap_pkthdr header{};
        header.ts.tv_sec = static_cast<time_t>(record.sentAt.count() / 1'000'000);
        header.ts.tv_usec = static_cast<suseconds_t>(record.sentAt.count() % 1'000'000);
        header.caplen = static_cast<bpf_u_int32>(packet.size());
        header.len = header.caplen;
        pcap_dump(reinterpret_cast<u_char*>(dumper.get()), &header, packet.data());
    }
    const bool flushed = pcap_dump_flush(dumper.get()) == 0 && !std::ferror(stream);
    dumper.reset();
    if (!flushed) {
        return path + ": cannot write the capture";
    }
    return file.commit();
}

} // namespace tdl
