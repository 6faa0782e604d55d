#include "duration_text.h"

#include <array>
#include <cstdint>
#include <limits>
#include <numeric>

namespace tdl {

namespace {

struct Unit {
    std::string_view suffix;
    std::int64_t microseconds;
};

// Largest first: durationText() prefers the larger unit when two forms are equally short.
constexpr std::array<Unit, 5> kUnits = {{
    {"h", 3'600'000'000},
    {"min", 60'000'000},
    {"s", 1'000'000},
    {"ms", 1'000},
    {"us", 1},
}};

std::optional<std::int64_t> unitSize(std::string_view suffix) {
    if (suffix == "µs") {
        return 1;
    }
    for (const Unit& unit : kUnits) {
        if (unit.suffix == suffix) {
            return unit.microseconds;
        }
    }
    return std::nullopt;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// A unit is at most 2^10 * 3^2 * 5^8 microseconds (the hour), so an exact decimal fraction of
// one needs at most ten digits.
constexpr std::size_t kMaxFractionDigits = 10;

// The value in `unit` by long division with as few decimals as it takes to be exact, or nothing
// if no short decimal is exact (a microsecond in minutes) or the value is less than one unit
// (people write "40ms", not "0.04s").
std::optional<std::string> exactIn(std::int64_t microseconds, std::int64_t unit) {
    const std::int64_t whole = microseconds / unit;
    std::int64_t remainder = microseconds % unit;
    if (whole == 0 && remainder != 0) {
        return std::nullopt;
    }
    std::string digits;
    while (remainder != 0 && digits.size() < kMaxFractionDigits) {
        remainder *= 10;
        digits += static_cast<char>('0' + remainder / unit);
        remainder %= unit;
    }
    if (remainder != 0) {
        return std::nullopt;
    }
    return std::to_string(whole) + (digits.empty() ? "" : '.' + digits);
}

} // namespace

std::optional<Duration> parseDurationText(std::string_view text) {
    std::size_t position = 0;
    std::int64_t whole = 0;
    const std::size_t wholeStart = position;
    while (position < text.size() && isDigit(text[position])) {
        if (whole > std::numeric_limits<std::int64_t>::max() / 10 - 1) {
            return std::nullopt;
        }
        whole = whole * 10 + (text[position] - '0');
        ++position;
    }
    if (position == wholeStart) {
        return std::nullopt;
    }
    std::string_view fractionDigits;
    if (position < text.size() && text[position] == '.') {
        const std::size_t fractionStart = ++position;
        while (position < text.size() && isDigit(text[position])) {
            ++position;
        }
        fractionDigits = text.substr(fractionStart, position - fractionStart);
        if (fractionDigits.empty()) {
            return std::nullopt;
        }
    }
    const std::optional<std::int64_t> unit = unitSize(text.substr(position));
    if (!unit) {
        return std::nullopt;
    }
    // Leaves room for the fraction, which is less than one unit.
    if (whole >= std::numeric_limits<std::int64_t>::max() / *unit) {
        return std::nullopt;
    }
    std::int64_t microseconds = whole * *unit;
    // The fraction F/10^k of a unit is exact when 10^k / gcd(unit, 10^k) divides F.
    while (!fractionDigits.empty() && fractionDigits.back() == '0') {
        fractionDigits.remove_suffix(1);
    }
    if (fractionDigits.size() > kMaxFractionDigits) {
        return std::nullopt;
    }
    std::int64_t fraction = 0;
    std::int64_t scale = 1;
    for (const char digit : fractionDigits) {
        fraction = fraction * 10 + (digit - '0');
        scale *= 10;
    }
    const std::int64_t common = std::gcd(*unit, scale);
    if (fraction % (scale / common) != 0) {
        return std::nullopt;
    }
    microseconds += fraction / (scale / common) * (*unit / common);
    return Duration(microseconds);
}

std::string durationText(Duration duration) {
    const std::int64_t microseconds = duration.count();
    if (microseconds == 0) {
        return "0s";
    }
    if (microseconds < 0) {
        return std::to_string(microseconds) + "us";
    }
    std::string best;
    for (const Unit& unit : kUnits) {
        const std::optional<std::string> number = exactIn(microseconds, unit.microseconds);
        if (!number) {
            continue;
        }
        std::string candidate = *number + std::string(unit.suffix);
        if (best.empty() || candidate.size() < best.size()) {
            best = std::move(candidate);
        }
    }
    return best;
}

} // namespace tdl
