#include "sysctl.h"

#include "tcp_timing.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>

namespace tdl {

namespace {

constexpr std::array<std::string_view, kKernelProfileCount> kProfileKeys = {
    "linux-6", "linux-4.19", "linux-4.12", "linux-3.10", "rfc9293"};

bool always(KernelProfile) {
    return true;
}
bool linuxOnly(KernelProfile p) {
    return p != KernelProfile::Rfc9293;
}
bool withReuseDelay(KernelProfile p) {
    return traitsOf(p).hasTwReuseDelay;
}
bool withRecycle(KernelProfile p) {
    return traitsOf(p).hasTwRecycle;
}
bool withSynLinearTimeouts(KernelProfile p) {
    return traitsOf(p).hasSynLinearTimeouts;
}
bool withTailLossProbe(KernelProfile p) {
    return traitsOf(p).tailLossProbe;
}

// Ranges as the kernel's handlers enforce them (net/ipv4/sysctl_net_ipv4.c): proc_dou8vec_minmax
// knobs take 0..255, proc_dointvec_minmax ones their extra1..extra2, plain proc_dointvec any int.
// Checked on a 6.18 kernel: tcp_fin_timeout, tcp_max_tw_buckets and tcp_rfc1337 accept -1.
// tcp_fin_timeout is proc_dointvec_jiffies: do_proc_dointvec_jiffies_conv() refuses a magnitude
// above INT_MAX / HZ, the host's HZ: -8589934..8589934 at HZ=250 (a 6.18 kernel refuses 8589935
// with EINVAL), -2147483..2147483 at HZ=1000. The table holds the default HZ's bound; setSysctl()
// applies the host's.
constexpr int maxJiffiesSeconds(int hz) {
    return INT_MAX / hz;
}
constexpr int kMaxJiffiesSeconds = maxJiffiesSeconds(kDefaultHz);
constexpr std::array kKnobs = std::to_array<SysctlKnob>({
    {"net.ipv4.tcp_tw_reuse", &Sysctls::tcp_tw_reuse, 0, 2, "",
     "Let connect() reuse a 4-tuple still in TIME_WAIT (1 everywhere, 2 loopback only)", linuxOnly},
    {"net.ipv4.tcp_tw_reuse_delay", &Sysctls::tcp_tw_reuse_delay, 1, 60000, "ms",
     "How long a TIME_WAIT socket must exist before tcp_tw_reuse may take it", withReuseDelay},
    {"net.ipv4.tcp_tw_recycle", &Sysctls::tcp_tw_recycle, 0, 1, "",
     "Short TIME_WAIT and per-peer timestamp checks on SYNs (breaks clients behind NAT)",
     withRecycle},
    {"net.ipv4.tcp_timestamps", &Sysctls::tcp_timestamps, 0, 255, "",
     "RFC 7323 timestamps: 0 off, 1 on with a random offset, 2 on without offset", always},
    {"net.ipv4.tcp_max_tw_buckets", &Sysctls::tcp_max_tw_buckets, INT_MIN, INT_MAX, "",
     "Most TIME_WAIT sockets at once; beyond it a closing socket skips TIME_WAIT", linuxOnly},
    {"net.ipv4.tcp_orphan_retries", &Sysctls::tcp_orphan_retries, 0, 255, "",
     "Retransmission budget of a socket with no process (0 means 8)", linuxOnly},
    {"net.ipv4.tcp_max_orphans", &Sysctls::tcp_max_orphans, INT_MIN, INT_MAX, "",
     "Most sockets with no process; beyond it close() resets the connection", linuxOnly},
    {"net.ipv4.tcp_fin_timeout", &Sysctls::tcp_fin_timeout, -kMaxJiffiesSeconds, kMaxJiffiesSeconds,
     "s", "How long an orphaned socket stays in FIN-WAIT-2 (not TIME_WAIT!)", linuxOnly},
    {"net.ipv4.tcp_rfc1337", &Sysctls::tcp_rfc1337, INT_MIN, INT_MAX, "",
     "Ignore RSTs in TIME_WAIT instead of letting them kill it (RFC 1337)", linuxOnly},
    {"net.ipv4.tcp_syn_retries", &Sysctls::tcp_syn_retries, 1, 127, "",
     "SYN retransmissions before connect() gives up", always},
    {"net.ipv4.tcp_syn_linear_timeouts", &Sysctls::tcp_syn_linear_timeouts, 0, 127, "",
     "SYN retransmissions 1 s apart before the backoff doubles", withSynLinearTimeouts},
    {"net.ipv4.tcp_synack_retries", &Sysctls::tcp_synack_retries, 0, 255, "",
     "SYN,ACK retransmissions before a half-open connection is dropped", always},
    {"net.ipv4.tcp_retries2", &Sysctls::tcp_retries2, 0, 255, "",
     "Retransmission budget of a socket a process still holds (15: about 924.6 s)", always},
    {"net.ipv4.tcp_sack", &Sysctls::tcp_sack, 0, 255, "",
     "Offer and accept selective acknowledgements (SACK-permitted on the SYN)", always},
    {"net.ipv4.tcp_early_retrans", &Sysctls::tcp_early_retrans, 0, 4, "",
     "3 or 4: a tail loss probe resends the last segment before the RTO (needs SACK)",
     withTailLossProbe},
    {"net.ipv4.tcp_challenge_ack_limit", &Sysctls::tcp_challenge_ack_limit, INT_MIN, INT_MAX, "/s",
     "Challenge ACKs per second (RFC 5961)", linuxOnly},
    {"net.ipv4.tcp_invalid_ratelimit", &Sysctls::tcp_invalid_ratelimit, INT_MIN, INT_MAX, "ms",
     "Least time between duplicate ACKs for out-of-window segments", linuxOnly},
    {kPortRangeName, &Sysctls::ip_local_port_range_low, 1024, 65535, "",
     "Ephemeral ports connect() chooses from (low high)", always},
    // Receive windows: tcp_rmem's ints are each at least 1 (extra1 = SYSCTL_ONE), rmem_max at
    // least SOCK_MIN_RCVBUF (net/core/sysctl_net_core.c: min_rcvbuf).
    {"net.ipv4.tcp_window_scaling", &Sysctls::tcp_window_scaling, 0, 255, "",
     "RFC 7323 window scaling: offer a window scale on SYNs (0 off)", always},
    {kTcpRmemName, &Sysctls::tcp_rmem_min, 1, INT_MAX, "B",
     "Receive buffer of a socket (min default max); the max sets the window scale", always},
    {"net.core.rmem_max", &Sysctls::rmem_max, 2304, INT_MAX, "B",
     "Largest receive buffer SO_RCVBUF may ask for; also bounds the window scale", always},
});

bool parseInt(std::string_view text, long long& out) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    if (text.empty()) {
        return false;
    }
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string rangeText(const SysctlKnob& knob) {
    if (knob.min == INT_MIN && knob.max == INT_MAX) {
        return "an integer";
    }
    return "an integer in " + std::to_string(knob.min) + ".." + std::to_string(knob.max) +
           " (the kernel's range)";
}

} // namespace

std::string_view profileKey(KernelProfile profile) {
    return kProfileKeys[static_cast<std::size_t>(profile)];
}

bool parseProfileKey(std::string_view key, KernelProfile& out) {
    for (std::size_t i = 0; i < kProfileKeys.size(); ++i) {
        if (kProfileKeys[i] == key) {
            out = static_cast<KernelProfile>(i);
            return true;
        }
    }
    return false;
}

const ProfileTraits& traitsOf(KernelProfile profile) {
    static constexpr std::array<ProfileTraits, kKernelProfileCount> kTraits = {{
        // Linux 6.14+
        {60s, true, false, false, TsOffsetMode::PerFlow, true, true, true, true, 2, true, true,
         true},
        // Linux 4.19 - 6.13
        {60s, false, true, false, TsOffsetMode::PerHostPair, true, true, true, true, 2, false, true,
         true},
        // Linux 4.12 - 4.18
        {60s, false, false, false, TsOffsetMode::PerHostPair, true, true, true, true, 1, false,
         true, true},
        // Linux 3.10 - 4.11
        {60s, false, false, true, TsOffsetMode::None, true, true, true, true, 1, false, true, true},
        // RFC 9293: 2 MSL with MSL = 2 min (§3.4.2)
        {240s, false, false, false, TsOffsetMode::PerFlow, false, false, false, false, 0, false,
         false, false},
    }};
    return kTraits[static_cast<std::size_t>(profile)];
}

Sysctls defaultSysctls(KernelProfile profile) {
    Sysctls s;
    switch (profile) {
    case KernelProfile::Linux6:
        break;
    case KernelProfile::Linux4_19:
        s.tcp_syn_linear_timeouts = 0;
        break;
    case KernelProfile::Linux4_12:
    case KernelProfile::Linux3_10:
        s.tcp_syn_linear_timeouts = 0;
        s.tcp_tw_reuse = 0;
        s.tcp_challenge_ack_limit = 1000; // 4.7 (CVE-2016-5696) until 6.0
        break;
    case KernelProfile::Rfc9293:
        s.tcp_syn_linear_timeouts = 0;
        s.tcp_tw_reuse = 0;
        s.tcp_timestamps = 0;
        s.tcp_sack = 0;           // RFC 2018, not part of RFC 9293
        s.tcp_window_scaling = 0; // RFC 9293 alone: 16-bit windows (RFC 7323 is an extension)
        break;
    }
    if (profile != KernelProfile::Linux6) {
        // Before 5.4 tcp_rmem[1] was 87380, before 6.16 tcp_rmem[2] at most 6 MiB, before 6.15
        // rmem_max SK_RMEM_MAX = 212992.
        s.tcp_rmem_default = 87380;
        s.tcp_rmem_max = 6291456;
        s.rmem_max = 212992;
    }
    return s;
}

std::span<const SysctlKnob> sysctlKnobs() {
    return kKnobs;
}

const SysctlKnob* findSysctl(std::string_view name) {
    for (const SysctlKnob& knob : kKnobs) {
        if (knob.name == name) {
            return &knob;
        }
    }
    return nullptr;
}

std::optional<std::string> setSysctl(Sysctls& sysctls, KernelProfile profile, std::string_view name,
                                     std::string_view value, int hz) {
    const SysctlKnob* knob = findSysctl(name);
    if (knob == nullptr) {
        return "unknown sysctl \"" + std::string(name) + "\"";
    }
    if (!knob->existsIn(profile)) {
        return std::string(name) + " does not exist in the " + std::string(profileKey(profile)) +
               " profile";
    }
    if (name == kPortRangeName) {
        const std::size_t space = value.find_first_of(" \t");
        long long low = 0;
        long long high = 0;
        if (space == std::string_view::npos || !parseInt(value.substr(0, space), low) ||
            !parseInt(value.substr(space + 1), high)) {
            return "expected two port numbers \"low high\", found \"" + std::string(value) + "\"";
        }
        // ipv4_local_port_range(): each bound in [ip_unprivileged_port_start .. 65535], and
        // low <= high; anything else is EINVAL.
        if (low < 1024 || high > 65535 || low > high) {
            return "expected \"low high\" with 1024 <= low <= high <= 65535 (the kernel's range), "
                   "found \"" +
                   std::string(value) + "\"";
        }
        sysctls.ip_local_port_range_low = static_cast<int>(low);
        sysctls.ip_local_port_range_high = static_cast<int>(high);
        return std::nullopt;
    }
    if (name == kTcpRmemName) {
        // proc_dointvec_minmax over the three ints, each at least 1; no order between them.
        long long values[3] = {};
        std::string_view rest = value;
        bool ok = true;
        for (long long& v : values) {
            while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
                rest.remove_prefix(1);
            }
            const std::size_t end = std::min(rest.find_first_of(" \t"), rest.size());
            ok = ok && parseInt(rest.substr(0, end), v) && v >= 1 && v <= INT_MAX;
            rest.remove_prefix(end);
        }
        if (!ok || rest.find_first_not_of(" \t") != std::string_view::npos) {
            return "expected three integers \"min default max\", each at least 1 (the kernel's "
                   "range), found \"" +
                   std::string(value) + "\"";
        }
        sysctls.tcp_rmem_min = static_cast<int>(values[0]);
        sysctls.tcp_rmem_default = static_cast<int>(values[1]);
        sysctls.tcp_rmem_max = static_cast<int>(values[2]);
        return std::nullopt;
    }
    SysctlKnob bounded = *knob;
    if (knob->field == &Sysctls::tcp_fin_timeout) {
        bounded.min = -maxJiffiesSeconds(hz);
        bounded.max = maxJiffiesSeconds(hz);
    }
    long long parsed = 0;
    if (!parseInt(value, parsed) || parsed < bounded.min || parsed > bounded.max) {
        std::string limit = rangeText(bounded);
        if (name == "net.ipv4.tcp_tw_reuse" && traitsOf(profile).maxTwReuseMode < 2) {
            limit = "an integer in 0..1 (the kernel's range before 4.19)";
        }
        return "expected " + limit + ", found \"" + std::string(value) + "\"";
    }
    if (name == "net.ipv4.tcp_tw_reuse" && parsed > traitsOf(profile).maxTwReuseMode) {
        return "expected an integer in 0..1 (the kernel's range before 4.19), found \"" +
               std::string(value) + "\"";
    }
    sysctls.*(knob->field) = static_cast<int>(parsed);
    return std::nullopt;
}

bool sysctlTakesList(std::string_view name) {
    return name == kPortRangeName || name == kTcpRmemName;
}

std::string sysctlValueText(const Sysctls& sysctls, std::string_view name) {
    if (name == kPortRangeName) {
        return std::to_string(sysctls.ip_local_port_range_low) + ' ' +
               std::to_string(sysctls.ip_local_port_range_high);
    }
    if (name == kTcpRmemName) {
        return std::to_string(sysctls.tcp_rmem_min) + ' ' +
               std::to_string(sysctls.tcp_rmem_default) + ' ' +
               std::to_string(sysctls.tcp_rmem_max);
    }
    const SysctlKnob* knob = findSysctl(name);
    return knob == nullptr ? std::string() : std::to_string(sysctls.*(knob->field));
}

} // namespace tdl
