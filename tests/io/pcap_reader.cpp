#include "pcap_reader.h"

#include <pcap/pcap.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace tdl::test {

namespace {

std::uint16_t read16(const std::vector<std::uint8_t>& b, std::size_t at) {
    return static_cast<std::uint16_t>(b.at(at) << 8 | b.at(at + 1));
}

std::uint32_t read32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return std::uint32_t{read16(b, at)} << 16 | read16(b, at + 2);
}

// Summing a header that includes its own correct checksum gives 0xFFFF (RFC 1071).
std::uint32_t addWords(const std::vector<std::uint8_t>& b, std::size_t from, std::size_t to,
                       std::uint32_t sum) {
    for (std::size_t i = from; i < to; i += 2) {
        sum += i + 1 < to ? read16(b, i) : static_cast<std::uint32_t>(b[i] << 8);
    }
    return sum;
}

bool foldsToAllOnes(std::uint32_t sum) {
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return sum == 0xFFFF;
}

CapturedPacket decode(std::int64_t timeUs, std::vector<std::uint8_t> bytes) {
    CapturedPacket p;
    p.timeUs = timeUs;
    p.bytes = std::move(bytes);
    const std::vector<std::uint8_t>& b = p.bytes;
    if (b.size() < 40) {
        return p;
    }
    const std::size_t ipHeader = (b[0] & 0x0F) * 4U;
    p.ttl = b[8];
    p.dontFragment = (read16(b, 6) & 0x4000) != 0;
    p.sourceAddress = read32(b, 12);
    p.destinationAddress = read32(b, 16);
    p.ipChecksumOk = foldsToAllOnes(addWords(b, 0, ipHeader, 0));
    const std::size_t totalLength = read16(b, 2);
    const std::size_t tcpLength = totalLength - ipHeader;
    std::uint32_t pseudo = (p.sourceAddress >> 16) + (p.sourceAddress & 0xFFFF) +
                           (p.destinationAddress >> 16) + (p.destinationAddress & 0xFFFF) + 6 +
                           static_cast<std::uint32_t>(tcpLength);
    p.tcpChecksumOk = foldsToAllOnes(addWords(b, ipHeader, totalLength, pseudo));
    const std::size_t tcp = ipHeader;
    p.sourcePort = read16(b, tcp);
    p.destinationPort = read16(b, tcp + 2);
    p.seq = read32(b, tcp + 4);
    p.ack = read32(b, tcp + 8);
    const std::size_t tcpHeader = (b[tcp + 12] >> 4) * 4U;
    p.flags = b[tcp + 13];
    p.window = read16(b, tcp + 14);
    for (std::size_t o = tcp + 20; o < tcp + tcpHeader;) {
        const std::uint8_t kind = b[o];
        if (kind == 0) {
            break;
        }
        if (kind == 1) {
            ++o;
            continue;
        }
        const std::uint8_t length = b[o + 1];
        if (kind == 2 && length == 4) {
            p.mss = read16(b, o + 2);
        } else if (kind == 8 && length == 10) {
            p.tsval = read32(b, o + 2);
            p.tsecr = read32(b, o + 6);
        }
        o += length == 0 ? 1 : length;
    }
    p.payloadBytes = totalLength - ipHeader - tcpHeader;
    return p;
}

} // namespace

Capture readCapture(const std::string& path) {
    Capture capture;
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* pcap = pcap_open_offline(path.c_str(), error);
    if (pcap == nullptr) {
        capture.error = error;
        return capture;
    }
    capture.linkType = pcap_datalink(pcap);
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        capture.packets.push_back(
            decode(std::int64_t{header->ts.tv_sec} * 1'000'000 + header->ts.tv_usec,
                   std::vector<std::uint8_t>(data, data + header->caplen)));
    }
    pcap_close(pcap);
    return capture;
}

} // namespace tdl::test

namespace tdl::test {

std::optional<std::vector<std::string>> tsharkFields(const std::string& path,
                                                     const std::vector<std::string>& fields,
                                                     const std::string& displayFilter) {
    if (std::system("command -v tshark >/dev/null 2>&1") != 0) {
        return std::nullopt;
    }
    // Checksum validation is off by default in tshark; turned on, a wrong checksum would show
    // in the status fields.
    std::string command = "tshark -n -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE -r '" +
                          path + "' -T fields";
    if (!displayFilter.empty()) {
        command += " -Y '" + displayFilter + "'";
    }
    for (const std::string& field : fields) {
        command += " -e " + field;
    }
    command += " 2>/dev/null";
    std::vector<std::string> rows;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return rows;
    }
    std::string current;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        current += buffer;
        if (!current.empty() && current.back() == '\n') {
            current.pop_back();
            rows.push_back(current);
            current.clear();
        }
    }
    ::pclose(pipe);
    return rows;
}

std::string flagsFromTsharkString(const std::string& flagString) {
    // Wireshark's order: FIN, SYN, RST, PSH, ACK (the letters F, S, R, P, A).
    std::string out;
    for (const auto& [letter, name] :
         {std::pair{'F', "FIN"}, std::pair{'S', "SYN"}, std::pair{'R', "RST"},
          std::pair{'P', "PSH"}, std::pair{'A', "ACK"}}) {
        if (flagString.find(letter) != std::string::npos) {
            out += out.empty() ? name : std::string(",") + name;
        }
    }
    return out;
}

} // namespace tdl::test
