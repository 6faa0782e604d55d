#include "load_location.h"

#include <utility>

namespace tdl {

LoadLocation LoadLocation::at(std::string pointer) {
    if (pointer.empty()) {
        return LoadLocation{Kind::TopLevel, {}, 0, 0, 0};
    }
    return LoadLocation{Kind::Pointer, std::move(pointer), 0, 0, 0};
}

LoadLocation LoadLocation::atByte(std::size_t byte, std::size_t line, std::size_t column) {
    return LoadLocation{Kind::Byte, {}, byte, line, column};
}

std::string LoadLocation::text() const {
    switch (kind) {
    case Kind::File:
        return {};
    case Kind::TopLevel:
        return "top level";
    case Kind::Pointer:
        return pointer;
    case Kind::Byte:
        return "byte " + std::to_string(byte) + " (line " + std::to_string(line) + ", column " +
               std::to_string(column) + ')';
    }
    return {};
}

} // namespace tdl
