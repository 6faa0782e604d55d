// setSysctl(): the ranges the kernel's handlers enforce (net/ipv4/sysctl_net_ipv4.c) and the
// messages a refusal carries.

#include "sysctl.h"

#include <gtest/gtest.h>

namespace tdl {
namespace {

class SysctlTest : public ::testing::Test {
protected:
    Sysctls sysctls = defaultSysctls(KernelProfile::Linux6);
};

TEST_F(SysctlTest, Defaults_Linux6_MatchTheKernel) {
    EXPECT_EQ(sysctls.tcp_fin_timeout, 60);
    EXPECT_EQ(sysctls.tcp_orphan_retries, 0);
    EXPECT_EQ(sysctls.tcp_tw_reuse, 2);
    EXPECT_EQ(sysctls.tcp_tw_reuse_delay, 1000);
    EXPECT_EQ(sysctls.tcp_rfc1337, 0);
    EXPECT_EQ(sysctls.tcp_timestamps, 1);
    EXPECT_EQ(sysctls.tcp_retries2, 15);
    EXPECT_EQ(sysctls.tcp_invalid_ratelimit, 500);
    EXPECT_EQ(sysctls.tcp_challenge_ack_limit, 2147483647);
    EXPECT_EQ(sysctls.ip_local_port_range_low, 32768);
    EXPECT_EQ(sysctls.ip_local_port_range_high, 60999);
}

TEST_F(SysctlTest, TwReuse_InRange_Accepted) {
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse", "1"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_tw_reuse, 1);
}

TEST_F(SysctlTest, TwReuse_Three_RefusedWithKernelRange) {
    // proc_dou8vec_minmax with extra1 = 0, extra2 = 2: EINVAL.
    const auto error = setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse", "3");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error, "expected an integer in 0..2 (the kernel's range), found \"3\"");
    EXPECT_EQ(sysctls.tcp_tw_reuse, 2);
}

TEST_F(SysctlTest, TwReuse_TwoOnLinux412_RefusedBecauseLoopbackModeCameIn419) {
    Sysctls old = defaultSysctls(KernelProfile::Linux4_12);
    const auto error = setSysctl(old, KernelProfile::Linux4_12, "net.ipv4.tcp_tw_reuse", "2");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error, "expected an integer in 0..1 (the kernel's range before 4.19), found \"2\"");
    EXPECT_EQ(old.tcp_tw_reuse, 0);
}

TEST_F(SysctlTest, TwReuseDelay_ZeroAndAboveSixtyThousand_Refused) {
    // 6.14+: proc_dointvec_minmax 1..60000 ms.
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse_delay", "0"),
              "expected an integer in 1..60000 (the kernel's range), found \"0\"");
    EXPECT_TRUE(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse_delay", "60001"));
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_reuse_delay", "60000"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_tw_reuse_delay, 60000);
}

TEST_F(SysctlTest, TwReuseDelay_OnLinux419_DoesNotExist) {
    Sysctls old = defaultSysctls(KernelProfile::Linux4_19);
    EXPECT_EQ(*setSysctl(old, KernelProfile::Linux4_19, "net.ipv4.tcp_tw_reuse_delay", "10"),
              "net.ipv4.tcp_tw_reuse_delay does not exist in the linux-4.19 profile");
}

TEST_F(SysctlTest, OrphanRetries_U8_AcceptsZeroTo255Only) {
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_orphan_retries", "255"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_orphan_retries, 255);
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_orphan_retries", "256"),
              "expected an integer in 0..255 (the kernel's range), found \"256\"");
    EXPECT_TRUE(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_orphan_retries", "-1"));
    EXPECT_EQ(sysctls.tcp_orphan_retries, 255);
}

TEST_F(SysctlTest, FinTimeout_Jiffies_AcceptsNegativeAndLarge) {
    // proc_dointvec_jiffies: any sign, up to INT_MAX / HZ in magnitude.
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "-5"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_fin_timeout, -5);
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "100000"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_fin_timeout, 100000);
}

TEST_F(SysctlTest, FinTimeout_AboveIntMaxOverHz_RefusedAtHz1000) {
    // do_proc_dointvec_jiffies_conv(): |value| > INT_MAX / HZ is EINVAL; HZ = 1000 here.
    EXPECT_EQ(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "2147483", 1000),
        std::nullopt);
    EXPECT_EQ(sysctls.tcp_fin_timeout, 2147483);
    EXPECT_EQ(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "-2147483", 1000),
        std::nullopt);
    EXPECT_EQ(sysctls.tcp_fin_timeout, -2147483);
    EXPECT_EQ(
        *setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "2147484", 1000),
        "expected an integer in -2147483..2147483 (the kernel's range), found \"2147484\"");
    EXPECT_EQ(
        *setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "2147483647", 1000),
        "expected an integer in -2147483..2147483 (the kernel's range), found \"2147483647\"");
    EXPECT_EQ(
        *setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "-2147484", 1000),
        "expected an integer in -2147483..2147483 (the kernel's range), found \"-2147484\"");
    EXPECT_EQ(sysctls.tcp_fin_timeout, -2147483);
}

TEST_F(SysctlTest, FinTimeout_AboveIntMaxOverHz_RefusedAtHz250) {
    // The default HZ: a 6.18 kernel at HZ=250 takes 8589934 and refuses 8589935 (EINVAL).
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "8589934"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_fin_timeout, 8589934);
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "-8589935"),
              "expected an integer in -8589934..8589934 (the kernel's range), found \"-8589935\"");
    EXPECT_EQ(sysctls.tcp_fin_timeout, 8589934);
}

TEST_F(SysctlTest, FinTimeout_NotANumber_RefusedAndUnchanged) {
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", "30s"),
              "expected an integer in -8589934..8589934 (the kernel's range), found \"30s\"");
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_fin_timeout", ""),
              "expected an integer in -8589934..8589934 (the kernel's range), found \"\"");
    EXPECT_EQ(sysctls.tcp_fin_timeout, 60);
}

TEST_F(SysctlTest, MaxTwBuckets_ZeroAndMinusOne_Accepted) {
    // proc_dointvec: no bounds.
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_max_tw_buckets", "0"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_max_tw_buckets, 0);
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_max_tw_buckets", "-1"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_max_tw_buckets, -1);
}

TEST_F(SysctlTest, UnknownName_Refused) {
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_len", "30"),
              "unknown sysctl \"net.ipv4.tcp_tw_len\"");
}

TEST_F(SysctlTest, TwRecycle_OnLinux6_DoesNotExist) {
    // Removed in 4.12 (commit 4396e46187ca).
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_tw_recycle", "1"),
              "net.ipv4.tcp_tw_recycle does not exist in the linux-6 profile");
    Sysctls old = defaultSysctls(KernelProfile::Linux3_10);
    EXPECT_EQ(setSysctl(old, KernelProfile::Linux3_10, "net.ipv4.tcp_tw_recycle", "1"),
              std::nullopt);
    EXPECT_EQ(old.tcp_tw_recycle, 1);
}

TEST_F(SysctlTest, PortRange_TwoBounds_Accepted) {
    EXPECT_EQ(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "40000 40001"),
        std::nullopt);
    EXPECT_EQ(sysctls.ip_local_port_range_low, 40000);
    EXPECT_EQ(sysctls.ip_local_port_range_high, 40001);
    EXPECT_EQ(sysctlValueText(sysctls, "net.ipv4.ip_local_port_range"), "40000 40001");
}

TEST_F(SysctlTest, ReceiveWindowKnobs_DefaultsOfAFresh6_18Namespace) {
    EXPECT_EQ(sysctls.tcp_window_scaling, 1);
    EXPECT_EQ(sysctlValueText(sysctls, "net.ipv4.tcp_rmem"), "4096 131072 33554432");
    EXPECT_EQ(sysctls.rmem_max, 4194304);
    EXPECT_EQ(defaultSysctls(KernelProfile::Rfc9293).tcp_window_scaling, 0);
    EXPECT_EQ(sysctlValueText(defaultSysctls(KernelProfile::Linux4_19), "net.ipv4.tcp_rmem"),
              "4096 87380 6291456");
}

TEST_F(SysctlTest, TcpRmem_ThreeValues_AsDefaultsShSetsThem) {
    // The selftests' defaults.sh: tcp_rmem="4096 540000 $((15*1024*1024))".
    EXPECT_EQ(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_rmem", "4096 540000 15728640"),
        std::nullopt);
    EXPECT_EQ(sysctls.tcp_rmem_min, 4096);
    EXPECT_EQ(sysctls.tcp_rmem_default, 540000);
    EXPECT_EQ(sysctls.tcp_rmem_max, 15728640);
    EXPECT_TRUE(sysctlTakesList("net.ipv4.tcp_rmem"));
}

TEST_F(SysctlTest, TcpRmem_ZeroOrTwoValues_Refused) {
    // proc_dointvec_minmax with extra1 = SYSCTL_ONE: EINVAL.
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_rmem", "4096 0 6291456"),
              "expected three integers \"min default max\", each at least 1 (the kernel's range), "
              "found \"4096 0 6291456\"");
    EXPECT_TRUE(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_rmem", "4096 131072"));
    EXPECT_TRUE(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_rmem", "1 2 3 4"));
    EXPECT_EQ(sysctls.tcp_rmem_default, 131072);
    // rmem_max: at least SOCK_MIN_RCVBUF.
    EXPECT_TRUE(setSysctl(sysctls, KernelProfile::Linux6, "net.core.rmem_max", "2303"));
}

TEST_F(SysctlTest, PortRange_LowAboveHighOrPrivileged_Refused) {
    // ipv4_local_port_range(): EINVAL.
    EXPECT_TRUE(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "50000 40000"));
    EXPECT_TRUE(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "1023 40000"));
    EXPECT_TRUE(
        setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "40000 65536"));
    EXPECT_EQ(*setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.ip_local_port_range", "40000"),
              "expected two port numbers \"low high\", found \"40000\"");
    EXPECT_EQ(sysctls.ip_local_port_range_low, 32768);
    EXPECT_EQ(sysctls.ip_local_port_range_high, 60999);
}

TEST_F(SysctlTest, Timestamps_U8_AcceptsTwoHundred) {
    EXPECT_EQ(setSysctl(sysctls, KernelProfile::Linux6, "net.ipv4.tcp_timestamps", "200"),
              std::nullopt);
    EXPECT_EQ(sysctls.tcp_timestamps, 200);
    EXPECT_EQ(sysctlValueText(sysctls, "net.ipv4.tcp_timestamps"), "200");
}

} // namespace
} // namespace tdl
