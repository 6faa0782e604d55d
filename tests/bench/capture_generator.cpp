// capture_generator FILE CONNECTIONS PAYLOAD: writes a synthetic capture for measuring the CLI on
// a large one, e.g. 1,000,000 connections with 40-byte payloads make about 1 GB:
//   build/bin/capture_generator /tmp/big.pcap 1000000 40
//   /usr/bin/time -v build/bin/teardown-cli --from-capture /tmp/big.pcap

#include "synthetic_capture.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: capture_generator FILE CONNECTIONS PAYLOAD\n");
        return 2;
    }
    const auto connections = std::strtoull(argv[2], nullptr, 10);
    const auto payload = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10));
    if (auto error = tdl::bench::writeSyntheticCapture(argv[1], connections, payload)) {
        std::fprintf(stderr, "capture_generator: %s\n", error->c_str());
        return 1;
    }
    return 0;
}
