#pragma once

// What the capture tests share: the classroom presets, the real captures of data/, temporary
// files, and captures read and written packet by packet with libpcap.

#include "scenario_json.h"

#include <gtest/gtest.h>
#include <pcap/pcap.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <utility>
#include <variant>
#include <vector>

namespace tdl::test {

// The classroom presets' names, sorted.
inline std::vector<std::string> classroomPresets() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(TDL_SCENARIOS_DIR)) {
        if (entry.path().extension() == ".json") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline Scenario loadPreset(const std::string& name) {
    LoadResult loaded = loadScenario(std::string(TDL_SCENARIOS_DIR) + "/" + name + ".json");
    if (const auto* error = std::get_if<LoadError>(&loaded)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(loaded);
}

// A capture of data/ (see its README for how each was made).
inline std::string dataFile(const std::string& name) {
    return std::string(TDL_CAPTURE_DATA_DIR) + "/" + name;
}

// A file in the temporary directory, its name unique to this test process:
// "<prefix>-<pid>-<name>".
inline std::string temporaryFile(const std::string& prefix, const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            (prefix + "-" + std::to_string(::getpid()) + "-" + name))
        .string();
}

// The packets of a capture, as libpcap reads them.
struct RawCapture {
    int linkType = 0;
    std::vector<std::pair<pcap_pkthdr, std::vector<std::uint8_t>>> packets;
};

inline RawCapture readRaw(const std::string& path) {
    RawCapture raw;
    std::array<char, PCAP_ERRBUF_SIZE> error{};
    pcap_t* pcap = pcap_open_offline(path.c_str(), error.data());
    if (pcap == nullptr) {
        ADD_FAILURE() << error.data();
        return raw;
    }
    raw.linkType = pcap_datalink(pcap);
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        raw.packets.emplace_back(*header, std::vector<std::uint8_t>(data, data + header->caplen));
    }
    pcap_close(pcap);
    return raw;
}

inline void writeRaw(const RawCapture& raw, const std::string& path, int snapLength = 262144) {
    pcap_t* dead = pcap_open_dead(raw.linkType, snapLength);
    pcap_dumper_t* dumper = pcap_dump_open(dead, path.c_str());
    ASSERT_NE(dumper, nullptr) << pcap_geterr(dead);
    for (const auto& [header, bytes] : raw.packets) {
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header, bytes.data());
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
}

} // namespace tdl::test
