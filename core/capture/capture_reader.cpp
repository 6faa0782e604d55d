#include "capture_reader.h"

#include <pcap/pcap.h>

#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <optional>
#include <stdio_ext.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace tdl {

namespace {

// Link-layer header types (https://www.tcpdump.org/linktypes.html) as libpcap reports them.
constexpr int kLinkEthernet = DLT_EN10MB;
constexpr int kLinkSll = DLT_LINUX_SLL;
constexpr int kLinkSll2 = 276; // DLT_LINUX_SLL2, absent from older pcap headers
constexpr int kLinkRaw = DLT_RAW;
constexpr int kLinkRawLinktype = 101; // LINKTYPE_RAW, when libpcap hands it on unmapped
constexpr int kLinkIpv4 = 228;        // DLT_IPV4

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;
constexpr std::uint16_t kEtherTypeVlan = 0x8100;
constexpr std::uint16_t kEtherTypeQinQ = 0x88A8;
constexpr std::uint8_t kIpProtocolTcp = 6;
constexpr std::size_t kTcpMinHeader = 20;
constexpr std::size_t kIpv4MinHeader = 20;
constexpr std::size_t kPcapFileHeader = 24;
constexpr std::size_t kPcapRecordHeader = 16;

constexpr std::uint8_t kTcpOptionEnd = 0;
constexpr std::uint8_t kTcpOptionNop = 1;
constexpr std::uint8_t kTcpOptionMss = 2;
constexpr std::uint8_t kTcpOptionWindowScale = 3;
constexpr std::uint8_t kTcpOptionSackPermitted = 4;
constexpr std::uint8_t kTcpOptionTimestamp = 8;

std::uint16_t be16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}
std::uint32_t be32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

std::string hexBytes(const std::uint8_t* bytes, std::size_t count) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += (i == 0 ? "" : " ");
        text += kDigits[bytes[i] >> 4];
        text += kDigits[bytes[i] & 0xF];
    }
    return text;
}

enum class Decoded : std::uint8_t { Tcp, Other, Ipv6, Cut, Fragment };

struct Decoder {
    int linkType = 0;

    // Where the IP header starts and which protocol the link layer says it is (0: look at the
    // IP version nibble).
    bool network(const std::uint8_t* data, std::size_t size, std::size_t& offset,
                 std::uint16_t& etherType) const {
        switch (linkType) {
        case kLinkEthernet:
            if (size < 14) {
                return false;
            }
            offset = 14;
            etherType = be16(data + 12);
            while (etherType == kEtherTypeVlan || etherType == kEtherTypeQinQ) {
                if (size < offset + 4) {
                    return false;
                }
                etherType = be16(data + offset + 2);
                offset += 4;
            }
            return true;
        case kLinkSll: // 16 bytes: packet type, ARPHRD, address length, address, protocol
            if (size < 16) {
                return false;
            }
            offset = 16;
            etherType = be16(data + 14);
            return true;
        case kLinkSll2: // 20 bytes: protocol first
            if (size < 20) {
                return false;
            }
            offset = 20;
            etherType = be16(data);
            return true;
        default: // raw IP
            offset = 0;
            etherType = 0;
            return true;
        }
    }

    Decoded decode(const std::uint8_t* data, std::size_t size, Segment& out) const {
        std::size_t offset = 0;
        std::uint16_t etherType = 0;
        if (!network(data, size, offset, etherType)) {
            return Decoded::Cut;
        }
        if (etherType == kEtherTypeIpv6) {
            return Decoded::Ipv6;
        }
        if (etherType != 0 && etherType != kEtherTypeIpv4) {
            return Decoded::Other;
        }
        if (size < offset + 1) {
            return Decoded::Cut;
        }
        const std::uint8_t version = data[offset] >> 4;
        if (version == 6) {
            return Decoded::Ipv6;
        }
        if (version != 4) {
            return Decoded::Other;
        }
        const std::uint8_t* ip = data + offset;
        const std::size_t ipAvailable = size - offset;
        if (ipAvailable < kIpv4MinHeader) {
            return Decoded::Cut;
        }
        const std::size_t ipHeader = std::size_t{ip[0] & 0x0Fu} * 4;
        if (ip[9] != kIpProtocolTcp) {
            return Decoded::Other;
        }
        if ((be16(ip + 6) & 0x3FFF) != 0) { // more fragments, or an offset
            return Decoded::Fragment;
        }
        if (ipHeader < kIpv4MinHeader || ipAvailable < ipHeader + kTcpMinHeader) {
            return Decoded::Cut;
        }
        const std::size_t totalLength = be16(ip + 2);
        const std::uint8_t* tcp = ip + ipHeader;
        const std::size_t tcpHeader = static_cast<std::size_t>(tcp[12] >> 4) * 4;
        if (tcpHeader < kTcpMinHeader || ipAvailable < ipHeader + tcpHeader) {
            return Decoded::Cut;
        }
        out = Segment{};
        out.src = Endpoint{be32(ip + 12), be16(tcp)};
        out.dst = Endpoint{be32(ip + 16), be16(tcp + 2)};
        out.seq = Seq(be32(tcp + 4));
        out.ack = Seq(be32(tcp + 8));
        out.flags = tcp[13] & 0x1F;
        out.window = be16(tcp + 14);
        // The IP total length counts the payload even where the snap length cut it off; a
        // segmentation offload's 0 length falls back to what was captured.
        const std::size_t ipLength = totalLength != 0 ? totalLength : ipAvailable;
        out.length = ipLength > ipHeader + tcpHeader
                         ? static_cast<std::uint32_t>(ipLength - ipHeader - tcpHeader)
                         : 0;
        options(tcp + kTcpMinHeader, tcpHeader - kTcpMinHeader, out);
        return Decoded::Tcp;
    }

    static void options(const std::uint8_t* p, std::size_t size, Segment& out) {
        std::size_t i = 0;
        while (i < size) {
            const std::uint8_t kind = p[i];
            if (kind == kTcpOptionEnd) {
                return;
            }
            if (kind == kTcpOptionNop) {
                ++i;
                continue;
            }
            if (i + 1 >= size || p[i + 1] < 2 || i + p[i + 1] > size) {
                return; // a malformed option ends the list, as tcp_parse_options() does
            }
            const std::uint8_t length = p[i + 1];
            if (kind == kTcpOptionMss && length == 4) {
                out.mss = be16(p + i + 2);
            } else if (kind == kTcpOptionWindowScale && length == 3) {
                out.windowScale = static_cast<std::int8_t>(p[i + 2] > 14 ? 14 : p[i + 2]);
            } else if (kind == kTcpOptionSackPermitted && length == 2) {
                out.sackPermitted = true;
            } else if (kind == kTcpOptionTimestamp && length == 10) {
                out.hasTimestamp = true;
                out.timestamp = TsOption{be32(p + i + 2), be32(p + i + 6)};
            }
            i += length;
        }
    }
};

std::string linkTypeName(int linkType) {
    switch (linkType) {
    case kLinkEthernet:
        return "Ethernet";
    case kLinkSll:
        return "Linux cooked (SLL)";
    case kLinkSll2:
        return "Linux cooked (SLL2)";
    default:
        return "raw IP";
    }
}

bool supportedLinkType(int linkType) {
    return linkType == kLinkEthernet || linkType == kLinkSll || linkType == kLinkSll2 ||
           linkType == kLinkRaw || linkType == kLinkRawLinktype || linkType == kLinkIpv4;
}

struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

constexpr std::size_t kReadBuffer = std::size_t{1} << 20;

struct PcapCloser {
    void operator()(pcap_t* pcap) const { pcap_close(pcap); }
};

// The kinds of packets skipped: how many, and the first one's place.
struct Skipped {
    std::uint64_t count = 0;
    std::uint64_t firstOffset = 0;
    std::uint64_t firstPacket = 0;
    std::uint32_t firstCaptured = 0;
    void add(std::uint64_t offset, std::uint64_t packet, std::uint32_t captured) {
        if (count++ == 0) {
            firstOffset = offset;
            firstPacket = packet;
            firstCaptured = captured;
        }
    }
    // The same kind skipped later in the file.
    void merge(const Skipped& later) {
        if (count == 0) {
            *this = later;
        } else {
            count += later.count;
        }
    }
};

std::string plural(std::uint64_t count, const char* one, const char* many) {
    return std::to_string(count) + ' ' + (count == 1 ? one : many);
}

// The progress callback hears every this many records; a batch holds a whole fraction of them.
constexpr std::uint64_t kProgressEvery = 65536;
constexpr std::uint64_t kBatchRecords = 4096;
static_assert(kProgressEvery % kBatchRecords == 0);

// Consecutive records of the file, decoded: the TCP packets, what was skipped among them, and
// the offset after the last.
struct Batch {
    std::vector<CapturedPacket> packets;
    std::uint64_t records = 0;
    std::uint64_t offset = 0;
    std::uint64_t other = 0;
    std::uint64_t fragments = 0;
    Skipped ipv6;
    Skipped cut;
    std::optional<std::string> error; // the last batch only: where reading stopped, and why
};

// Whole batches from the thread that reads to the one that hands packets on, a few at a time:
// memory stays bounded however far the reader could run ahead.
class BatchQueue {
public:
    // Blocks while the queue is full; false once the taker has stopped.
    bool push(Batch batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || batches_.size() < kDepth; });
        if (stopped_) {
            return false;
        }
        batches_.push_back(std::move(batch));
        changed_.notify_all();
        return true;
    }
    // The next batch; nothing once the reader has closed the queue and it is empty.
    std::optional<Batch> pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) {
            return std::nullopt;
        }
        Batch batch = std::move(batches_.front());
        batches_.pop_front();
        changed_.notify_all();
        return batch;
    }
    // The reader has no more.
    void close() {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }
    // The taker wants no more: the reader's next push fails.
    void stop() {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
        changed_.notify_all();
    }

private:
    static constexpr std::size_t kDepth = 4;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> batches_;
    bool closed_ = false;
    bool stopped_ = false;
};

// Stops the reader and waits for it, however the taker leaves (a sink that throws included).
class JoinOnExit {
public:
    JoinOnExit(BatchQueue& queue, std::thread& thread)
        : queue_(queue)
        , thread_(thread) {}
    ~JoinOnExit() { join(); }
    JoinOnExit(const JoinOnExit&) = delete;
    JoinOnExit& operator=(const JoinOnExit&) = delete;
    void join() {
        if (thread_.joinable()) {
            queue_.stop();
            thread_.join();
        }
    }

private:
    BatchQueue& queue_;
    std::thread& thread_;
};

// Reads and decodes every record, handing whole batches to `queue` until the file ends, a
// record cannot be read or the taker stops; returns the last batch, short, with the error if
// reading stopped at one.
Batch readRecords(const std::string& path, pcap_t& capture, bool pcapng, std::uint64_t fileSize,
                  const Decoder& decoder, BatchQueue& queue) {
    // Each record's offset: computed for pcap, where records are back to back; for pcapng,
    // where blocks of other kinds come between, asked of libpcap's stream.
    FILE* stream = pcap_file(&capture);
    std::uint64_t offset = pcapng && stream != nullptr
                               ? static_cast<std::uint64_t>(std::ftell(stream))
                               : kPcapFileHeader;
    std::uint64_t packetNumber = 0;
    Batch batch;
    batch.packets.reserve(kBatchRecords);
    CapturedPacket packet;
    while (true) {
        pcap_pkthdr* header = nullptr;
        const std::uint8_t* data = nullptr;
        const int status = pcap_next_ex(&capture, &header, &data);
        if (status == PCAP_ERROR_BREAK) {
            break;
        }
        if (status != 1) {
            batch.error = path + ": byte " + std::to_string(offset) + " (after " +
                          plural(packetNumber, "packet", "packets") +
                          "): expected a whole packet record, found " +
                          (fileSize > offset
                               ? std::to_string(fileSize - offset) + " bytes that do not make one"
                               : std::string("the end of the file")) +
                          " (libpcap: " + pcap_geterr(&capture) + "); the " +
                          plural(packetNumber, "packet", "packets") + " before it are kept";
            break;
        }
        ++packetNumber;
        const std::uint64_t recordOffset = offset;
        offset = pcapng && stream != nullptr ? static_cast<std::uint64_t>(std::ftell(stream))
                                             : offset + kPcapRecordHeader + header->caplen;
        packet.at = SimTime(std::int64_t{header->ts.tv_sec} * 1'000'000 + header->ts.tv_usec);
        switch (decoder.decode(data, header->caplen, packet.segment)) {
        case Decoded::Tcp:
            batch.packets.push_back(packet);
            break;
        case Decoded::Other:
            ++batch.other;
            break;
        case Decoded::Fragment:
            ++batch.fragments;
            break;
        case Decoded::Ipv6:
            batch.ipv6.add(recordOffset, packetNumber, header->caplen);
            break;
        case Decoded::Cut:
            batch.cut.add(recordOffset, packetNumber, header->caplen);
            break;
        }
        batch.offset = offset;
        if (++batch.records == kBatchRecords) {
            if (!queue.push(std::move(batch))) {
                return {};
            }
            batch = Batch{};
            batch.packets.reserve(kBatchRecords);
        }
    }
    batch.offset = offset;
    return batch;
}

} // namespace

CaptureSummary readCapture(const std::string& path, const CapturedPacketSink& sink,
                           const CaptureReadProgress& progress) {
    CaptureSummary summary;
    struct stat info {};
    const std::uint64_t fileSize =
        ::stat(path.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;

    // libpcap freads each record's header and then its data: through stdio's default 4 KiB
    // buffer that is a read() per few packets, each taking the stream's lock. A large buffer
    // (outliving the stream), unlocked (only this thread reads it), and the kernel told to read
    // ahead further.
    const std::unique_ptr<char[]> buffer(new char[kReadBuffer]);
    std::unique_ptr<FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        summary.error = path + ": cannot open the file: " + std::strerror(errno);
        return summary;
    }
    std::setvbuf(file.get(), buffer.get(), _IOFBF, kReadBuffer);
    __fsetlocking(file.get(), FSETLOCKING_BYCALLER);
    ::posix_fadvise(::fileno(file.get()), 0, 0, POSIX_FADV_SEQUENTIAL);

    // The magic number is checked here, so that a file that is no capture at all is named with
    // what it starts with rather than libpcap's "unknown file format".
    std::array<std::uint8_t, 4> magic{};
    const std::size_t magicBytes = std::fread(magic.data(), 1, magic.size(), file.get());
    std::rewind(file.get());
    const std::uint32_t magicBig = be32(magic.data());
    const std::uint32_t magicLittle = std::uint32_t{magic[3]} << 24 |
                                      std::uint32_t{magic[2]} << 16 | std::uint32_t{magic[1]} << 8 |
                                      magic[0];
    const auto isPcapMagic = [](std::uint32_t m) { return m == 0xA1B2C3D4 || m == 0xA1B23C4D; };
    const bool pcapng = magicBig == 0x0A0D0D0A;
    const bool pcap = isPcapMagic(magicBig) || isPcapMagic(magicLittle);
    if (magicBytes < magic.size() || (!pcap && !pcapng)) {
        summary.error =
            path +
            ": byte 0: expected a pcap or pcapng file (magic a1 b2 c3 d4, a1 b2 3c 4d "
            "or 0a 0d 0d 0a, either byte order), found " +
            (magicBytes == 0 ? std::string("an empty file") : hexBytes(magic.data(), magicBytes));
        return summary;
    }
    if (pcap && fileSize < kPcapFileHeader) {
        summary.error = path + ": byte " + std::to_string(fileSize) +
                        ": expected the 24-byte pcap file header, found the end of the file";
        return summary;
    }

    std::array<char, PCAP_ERRBUF_SIZE> errorText{};
    const std::unique_ptr<pcap_t, PcapCloser> capture(pcap_fopen_offline_with_tstamp_precision(
        file.get(), PCAP_TSTAMP_PRECISION_MICRO, errorText.data()));
    if (capture) {
        file.release(); // pcap_close() closes it
    } else {
        summary.error = path + ": byte 0: expected a readable " +
                        std::string(pcapng ? "pcapng" : "pcap") + " header, found " +
                        errorText.data();
        return summary;
    }
    const int linkType = pcap_datalink(capture.get());
    if (!supportedLinkType(linkType)) {
        const char* name = pcap_datalink_val_to_name(linkType);
        summary.error = path +
                        ": the capture's link type: expected Ethernet, Linux cooked "
                        "(SLL or SLL2) or raw IP, found " +
                        (name != nullptr ? std::string(name) : std::to_string(linkType));
        return summary;
    }
    summary.linkType = linkTypeName(linkType);

    // libpcap reads and the packets are decoded on a thread of their own, while this one hands
    // them to the sink: on two cores the two halves of the work overlap, and the progress
    // callback and the sink still run on the caller's thread, in file order.
    BatchQueue queue;
    Batch tail;
    std::exception_ptr readerFailure;
    std::thread reader([&] {
        try {
            tail = readRecords(path, *capture, pcapng, fileSize, Decoder{linkType}, queue);
        } catch (...) {
            readerFailure = std::current_exception();
        }
        queue.close();
    });
    JoinOnExit joinReader{queue, reader};

    Skipped ipv6;
    Skipped cut;
    std::uint64_t records = 0;
    std::uint64_t offset = 0;
    const auto take = [&](const Batch& batch) {
        for (const CapturedPacket& packet : batch.packets) {
            sink(packet);
        }
        summary.tcpPackets += batch.packets.size();
        summary.otherPackets += batch.other;
        summary.fragments += batch.fragments;
        ipv6.merge(batch.ipv6);
        cut.merge(batch.cut);
        records += batch.records;
        offset = batch.offset;
    };
    while (std::optional<Batch> batch = queue.pop()) {
        take(*batch);
        if (progress && records % kProgressEvery == 0 && !progress(offset, fileSize)) {
            summary.cancelled = true;
            break;
        }
    }
    joinReader.join();
    if (readerFailure) {
        std::rethrow_exception(readerFailure);
    }
    if (!summary.cancelled) {
        // What the reader found after the last whole batch: the end, or where it stopped.
        take(tail);
        summary.error = std::move(tail.error);
    }
    summary.bytesRead = offset;
    summary.ipv6Packets = ipv6.count;
    summary.cutPackets = cut.count;
    if (ipv6.count != 0) {
        summary.notes.push_back(path + ": byte " + std::to_string(ipv6.firstOffset) + " (packet " +
                                std::to_string(ipv6.firstPacket) +
                                "): expected IPv4, found IPv6; " +
                                plural(ipv6.count, "IPv6 packet was", "IPv6 packets were") +
                                " skipped: the engine models IPv4 only");
    }
    if (cut.count != 0) {
        summary.notes.push_back(
            path + ": byte " + std::to_string(cut.firstOffset) + " (packet " +
            std::to_string(cut.firstPacket) + "): expected whole IPv4 and TCP headers, found " +
            std::to_string(cut.firstCaptured) + " captured bytes (the snap length cut them); " +
            plural(cut.count, "packet was", "packets were") + " skipped");
    }
    if (progress && !summary.cancelled) {
        progress(offset, fileSize);
    }
    return summary;
}

} // namespace tdl
