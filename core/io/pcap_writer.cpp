#include "pcap_writer.h"

#include "atomic_file.h"
#include "packetdrill_text.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
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
constexpr std::uint8_t kTcpOptionWindowScale = 3;
constexpr std::uint8_t kTcpOptionSackPermitted = 4;
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

// The options' bytes in the order Linux writes them (tcp_options_write()): whole 32-bit words.
std::vector<std::uint8_t> optionBytes(const Segment& segment) {
    PacketBuilder out;
    for (const pd::TcpOptionSpec& option : pd::linuxOptionOrder(segment)) {
        switch (option.kind) {
        case pd::OptionKind::Nop:
            out.u8(kTcpOptionNop);
            break;
        case pd::OptionKind::Eol:
            out.u8(0);
            break;
        case pd::OptionKind::Mss:
            out.u8(kTcpOptionMss);
            out.u8(4);
            out.u16(static_cast<std::uint16_t>(option.value));
            break;
        case pd::OptionKind::SackPermitted:
            out.u8(kTcpOptionSackPermitted);
            out.u8(2);
            break;
        case pd::OptionKind::Timestamp:
            out.u8(kTcpOptionTimestamp);
            out.u8(10);
            out.u32(option.value);
            out.u32(option.echo);
            break;
        case pd::OptionKind::WindowScale:
            out.u8(kTcpOptionWindowScale);
            out.u8(3);
            out.u8(static_cast<std::uint8_t>(option.value));
            break;
        }
    }
    return std::move(out.bytes());
}

std::vector<std::uint8_t> ipv4Packet(const Segment& segment, std::uint16_t ipId) {
    PacketBuilder tcp;
    tcp.u16(segment.src.port);
    tcp.u16(segment.dst.port);
    tcp.u32(segment.seq.value());
    tcp.u32(segment.ack.value());
    const std::vector<std::uint8_t> options = optionBytes(segment);
    tcp.u8(static_cast<std::uint8_t>(((kTcpHeaderBytes + options.size()) / 4) << 4));
    tcp.u8(segment.flags); // our flag bits are the TCP header's
    tcp.u16(segment.window);
    tcp.u16(0); // checksum, filled in below
    tcp.u16(0); // urgent pointer
    tcp.bytes().insert(tcp.bytes().end(), options.begin(), options.end());
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

// One packet of the capture: which segment, and when the capture point saw it.
struct Sighting {
    SegmentId segment = kNoSegment;
    SimTime at{};
};

std::vector<Sighting> onTheWire(const Trace& trace) {
    std::vector<Sighting> sightings;
    sightings.reserve(trace.segments.size());
    for (std::size_t i = 0; i < trace.segments.size(); ++i) {
        sightings.push_back({static_cast<SegmentId>(i), trace.segments[i].sentAt});
    }
    // Duplicates made by a fault may be recorded after segments sent later; a capture is in
    // time order.
    std::stable_sort(sightings.begin(), sightings.end(),
                     [](const Sighting& a, const Sighting& b) { return a.at < b.at; });
    return sightings;
}

// The facts are already in time order, and at one instant a delivery comes before what the
// receiver did about it; sorting the segment records by time could not tell those apart.
std::vector<Sighting> seenAt(const Trace& trace, HostId host) {
    std::vector<Sighting> sightings;
    for (const Fact& fact : trace.facts) {
        if (fact.segment >= trace.segments.size()) {
            continue;
        }
        const SegmentRecord& record = trace.segments[fact.segment];
        // A duplicate fault's copy has no "sent" fact: the network made it, not the host.
        const bool sent = fact.kind == FactKind::SegmentSent && record.from == host;
        const bool arrived = fact.kind == FactKind::SegmentDelivered && record.to == host;
        if (sent || arrived) {
            sightings.push_back({fact.segment, fact.at});
        }
    }
    return sightings;
}

std::optional<HostId> hostNamed(const Trace& trace, const std::string& name) {
    for (std::size_t i = 0; i < trace.hosts.size(); ++i) {
        if (trace.hosts[i].name == name) {
            return static_cast<HostId>(i);
        }
    }
    return std::nullopt;
}

// The sender numbers its packets, so every capture point sees the same ID on the same packet, and a
// network duplicate carries its original's. Linux draws IP IDs per destination; one counter per
// sender is enough for DF packets, whose ID nobody reassembles by.
std::vector<std::uint16_t> ipIdsBySender(const Trace& trace) {
    std::vector<std::uint16_t> ids(trace.segments.size());
    std::map<Ipv4, std::uint16_t> next;
    for (std::size_t i = 0; i < trace.segments.size(); ++i) {
        const SegmentRecord& record = trace.segments[i];
        ids[i] =
            record.duplicateOf < i ? ids[record.duplicateOf] : next[record.segment.src.address]++;
    }
    return ids;
}

// Writes the packets to `descriptor` through a stream of its own, which is closed again; the
// descriptor stays open. `name` is the file as messages call it.
std::optional<std::string> dumpCapture(const Trace& trace, const std::vector<Sighting>& sightings,
                                       int descriptor, const std::string& name) {
    const std::unique_ptr<pcap_t, PcapCloser> pcap(pcap_open_dead_with_tstamp_precision(
        DLT_RAW, kSnapshotLength, PCAP_TSTAMP_PRECISION_MICRO));
    if (!pcap) {
        return name + ": libpcap could not start a capture";
    }
    const int streamDescriptor = ::dup(descriptor);
    FILE* stream = streamDescriptor < 0 ? nullptr : ::fdopen(streamDescriptor, "wb");
    if (stream == nullptr) {
        const int error = errno;
        if (streamDescriptor >= 0) {
            ::close(streamDescriptor);
        }
        return name + ": cannot open the file for writing: " + std::strerror(error);
    }
    std::unique_ptr<pcap_dumper_t, DumperCloser> dumper(pcap_dump_fopen(pcap.get(), stream));
    if (!dumper) {
        std::fclose(stream);
        return name + ": " + pcap_geterr(pcap.get());
    }
    const std::vector<std::uint16_t> ipIds = ipIdsBySender(trace);
    for (const Sighting& sighting : sightings) {
        std::vector<std::uint8_t> packet =
            ipv4Packet(trace.segments[sighting.segment].segment, ipIds[sighting.segment]);
        pcap_pkthdr header{};
        header.ts.tv_sec = static_cast<time_t>(sighting.at.count() / 1'000'000);
        header.ts.tv_usec = static_cast<suseconds_t>(sighting.at.count() % 1'000'000);
        header.caplen = static_cast<bpf_u_int32>(packet.size());
        header.len = header.caplen;
        pcap_dump(reinterpret_cast<u_char*>(dumper.get()), &header, packet.data());
    }
    // pcap_dump() writes through stdio and reports nothing; the flush and the stream's error flag
    // say whether every write got through, and errno why not.
    errno = 0;
    const bool flushed = pcap_dump_flush(dumper.get()) == 0 && !std::ferror(stream);
    const int error = errno;
    dumper.reset();
    if (!flushed) {
        return name + ": cannot write the capture: " + std::strerror(error != 0 ? error : EIO);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> writePcap(const Trace& trace, const std::string& path,
                                     const std::string& seenAtHost) {
    const bool toStandardOutput = path == "-";
    const std::string name = toStandardOutput ? "<stdout>" : path;
    constexpr std::size_t kMaxPayload = 65535 - kIpv4HeaderBytes - kTcpHeaderBytes - 16;
    for (std::size_t i = 0; i < trace.segments.size(); ++i) {
        if (trace.segments[i].segment.length > kMaxPayload) {
            return name + ": segment " + std::to_string(i) + " carries " +
                   std::to_string(trace.segments[i].segment.length) +
                   " bytes, more than one IPv4 packet can hold";
        }
    }
    std::vector<Sighting> sightings;
    if (seenAtHost.empty()) {
        sightings = onTheWire(trace);
    } else if (const std::optional<HostId> host = hostNamed(trace, seenAtHost)) {
        sightings = seenAt(trace, *host);
    } else {
        std::string known;
        for (const HostInfo& info : trace.hosts) {
            known += (known.empty() ? "" : ", ") + info.name;
        }
        return name + ": expected a host of the run to capture at (" + known + "), found \"" +
               seenAtHost + '"';
    }

    if (toStandardOutput) {
        return dumpCapture(trace, sightings, STDOUT_FILENO, name);
    }
    AtomicFile file;
    if (auto error = file.open(path)) {
        return error;
    }
    if (auto error = dumpCapture(trace, sightings, file.descriptor(), name)) {
        return error;
    }
    return file.commit();
}

} // namespace tdl
