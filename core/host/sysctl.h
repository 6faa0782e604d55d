#pragma once

#include "jiffies.h"
#include "sim_time.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tdl {

// A host runs one kernel profile. Profiles differ in data and in a few decision points, never in
// a copy of the state machine.
enum class KernelProfile : std::uint8_t {
    Linux6,    // 6.14 and later: today's defaults, tcp_tw_reuse_delay
    Linux4_19, // 4.19 - 6.13: tw_reuse = 2 (loopback) by default, reuse after ~1 s of TS age
    Linux4_12, // 4.12 - 4.18: tw_recycle removed, tw_reuse 0/1
    Linux3_10, // 3.10 - 4.11: tcp_tw_recycle, no per-connection timestamp offset
    Rfc9293,   // the textbook: MSL = 2 min, none of Linux's deviations
};
inline constexpr int kKernelProfileCount = 5;
std::string_view profileKey(KernelProfile profile); // "linux-6", "rfc9293"...
bool parseProfileKey(std::string_view key, KernelProfile& out);

// How timestamps' offsets are chosen (secure_tcp_ts_off / secure_tcp_seq_and_ts_off).
enum class TsOffsetMode : std::uint8_t { None, PerHostPair, PerFlow };

// What a profile decides. Each field is read at the one place where it matters.
struct ProfileTraits {
    Duration timeWaitLength;     // TCP_TIMEWAIT_LEN (60 s), or 2 MSL for the RFC
    bool hasTwReuseDelay;        // tcp_tw_reuse_delay (6.14+)
    bool reuseAfterTsAgeSeconds; // 4.19-6.13: now (s) > tw_ts_recent_stamp (s)
    bool hasTwRecycle;           // tcp_tw_recycle (<= 4.11)
    TsOffsetMode tsOffset;
    bool rstOnCloseWithUnreadData; // RFC 2525 §2.17, __tcp_close()
    bool rstOnDataAfterClose;      // RFC 1122 §4.2.2.13, tcp_rcv_state_process() step 7
    bool orphanFinWait2Timeout;    // tcp_fin_timeout ends an orphan's FIN-WAIT-2
    bool twAcceptsNewerSyn;        // tcp_timewait_state_process() TCP_TW_SYN
    int maxTwReuseMode;            // 2 since 4.19 (loopback mode), else 1
    bool hasSynLinearTimeouts;     // tcp_syn_linear_timeouts (present on 6.18)
    bool timerWheel;               // a TIME_WAIT ends on a tick of the timer wheel (jiffies.h)
    bool tailLossProbe;            // tcp_schedule_loss_probe() (3.10+); RFC 9293 has none
};
const ProfileTraits& traitsOf(KernelProfile profile);

// The sysctls a host has, with the kernel's names. Values are as the kernel stores them (seconds
// or milliseconds as the name says).
struct Sysctls {
    int tcp_tw_reuse = 2;
    int tcp_tw_reuse_delay = 1000; // ms
    int tcp_tw_recycle = 0;
    int tcp_timestamps = 1;
    // ehash/2: both depend on memory; 131072 is what a 24 GiB machine with a 6.18 kernel shows.
    int tcp_max_tw_buckets = 131072;
    int tcp_orphan_retries = 0;
    int tcp_max_orphans = 131072;
    int tcp_fin_timeout = 60; // s
    int tcp_rfc1337 = 0;
    int tcp_syn_retries = 6;
    int tcp_syn_linear_timeouts = 4;
    int tcp_synack_retries = 5;
    int tcp_retries2 = 15;
    int tcp_sack = 1;          // SACK-permitted offered on SYNs and accepted on SYN,ACKs
    int tcp_early_retrans = 3; // 3 (and 4): tail loss probes (tcp_schedule_loss_probe())
    int tcp_challenge_ack_limit = 2147483647;
    int tcp_invalid_ratelimit = 500; // ms
    int ip_local_port_range_low = 32768;
    int ip_local_port_range_high = 60999;

    friend bool operator==(const Sysctls&, const Sysctls&) = default;
};

// The defaults a fresh network namespace of that kernel has.
Sysctls defaultSysctls(KernelProfile profile);

// One knob, as the sysctl panel and the scenario loader see it.
struct SysctlKnob {
    std::string_view name; // "net.ipv4.tcp_fin_timeout"
    int Sysctls::*field;   // for ip_local_port_range: the low bound
    int min;
    int max;
    std::string_view unit;    // "s", "ms", "" ...
    std::string_view summary; // one line of English for tooltips and --help; the UI translates
    bool (*existsIn)(KernelProfile);
};
std::span<const SysctlKnob> sysctlKnobs();
const SysctlKnob* findSysctl(std::string_view name);
inline constexpr std::string_view kPortRangeName = "net.ipv4.ip_local_port_range";

// Sets a knob from its text form, as `sysctl -w name=value` would on a kernel of that profile and
// CONFIG_HZ. On refusal returns the reason ("expected an integer in 0..2 (the kernel's range),
// found 3"); the sysctls are left unchanged.
std::optional<std::string> setSysctl(Sysctls& sysctls, KernelProfile profile, std::string_view name,
                                     std::string_view value, int hz = kDefaultHz);
std::string sysctlValueText(const Sysctls& sysctls, std::string_view name);

} // namespace tdl
