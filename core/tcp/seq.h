#pragma once

#include <cstdint>

namespace tdl {

// A 32-bit TCP sequence (or acknowledgement) number. Comparisons are modulo 2^32 as in
// include/net/tcp.h (before(), after(), between()); there is deliberately no operator<.
class Seq {
public:
    constexpr Seq() = default;
    constexpr explicit Seq(std::uint32_t value)
        : value_(value) {}

    constexpr std::uint32_t value() const { return value_; }

    constexpr Seq operator+(std::uint32_t n) const { return Seq(value_ + n); }
    constexpr Seq operator-(std::uint32_t n) const { return Seq(value_ - n); }
    Seq& operator+=(std::uint32_t n) {
        value_ += n;
        return *this;
    }
    // Signed distance a - b, valid while the two are less than 2^31 apart.
    friend constexpr std::int32_t operator-(Seq a, Seq b) {
        return static_cast<std::int32_t>(a.value_ - b.value_);
    }
    friend constexpr bool operator==(Seq a, Seq b) = default;

private:
    std::uint32_t value_ = 0;
};

// tcp.h: before(seq1, seq2) is (s32)(seq1 - seq2) < 0.
constexpr bool before(Seq a, Seq b) {
    return (a - b) < 0;
}
constexpr bool after(Seq a, Seq b) {
    return before(b, a);
}
// tcp.h: between(seq1, seq2, seq3) is seq2 <= seq1 <= seq3, modulo 2^32.
constexpr bool between(Seq x, Seq low, Seq high) {
    return high.value() - low.value() >= x.value() - low.value();
}

} // namespace tdl
