#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tdl {

// Where in a scenario file a load error is, as parts rather than words, so that the user
// interface can say it in the user's language: the file as a whole, its top level, a value named
// by its JSON pointer, or the byte of a syntax error with the line and column an editor shows.
struct LoadLocation {
    enum class Kind : std::uint8_t { File, TopLevel, Pointer, Byte };

    Kind kind = Kind::File;
    std::string pointer;  // Pointer: "/hosts/0/sysctls/net.ipv4.tcp_tw_reuse"
    std::size_t byte = 0; // Byte: the offset nlohmann reports, and its line and column from 1
    std::size_t line = 0;
    std::size_t column = 0;

    // A JSON pointer; "" is the top level.
    static LoadLocation at(std::string pointer);
    static LoadLocation atByte(std::size_t byte, std::size_t line, std::size_t column);

    // In English: "", "top level", the pointer, or "byte 57 (line 3, column 5)".
    std::string text() const;
    bool operator==(const LoadLocation&) const = default;
};

} // namespace tdl
