#pragma once

// Runs teardown-cli as a user runs it, for the tests of its options.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace tdl::test {

struct CliResult {
    int status = -1;
    std::string out; // standard output and standard error together
};

inline CliResult runCli(const std::string& arguments) {
    CliResult result;
    const std::string command = std::string(TDL_CLI_PATH) + " " + arguments + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    std::array<char, 4096> buffer{};
    while (const std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        result.out.append(buffer.data(), read);
    }
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace tdl::test
