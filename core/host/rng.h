#pragma once

#include <cstdint>

namespace tdl {

// xoshiro256** seeded through splitmix64: the same seed gives the same numbers on every platform,
// which std:: distributions do not promise.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : state_) {
            word = splitmix(seed);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform in [0, bound), bound > 0.
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4];
};

// A keyed 64-bit mix standing in for the kernel's siphash: deterministic, well spread.
inline std::uint64_t keyedHash(std::uint64_t key, std::uint64_t a, std::uint64_t b = 0) {
    std::uint64_t x = key ^ (a * 0xD6E8FEB86659FD93ULL);
    std::uint64_t h = Rng::splitmix(x);
    x = h ^ (b * 0xA0761D6478BD642FULL);
    return Rng::splitmix(x);
}

} // namespace tdl
