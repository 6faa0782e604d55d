// 32-bit sequence arithmetic: before(), after() and between() from include/net/tcp.h.

#include "seq.h"

#include <gtest/gtest.h>

namespace tdl {
namespace {

TEST(Seq, Before_SmallerValue_IsBefore) {
    EXPECT_TRUE(before(Seq(1000), Seq(1001)));
    EXPECT_FALSE(before(Seq(1001), Seq(1000)));
    EXPECT_FALSE(before(Seq(1000), Seq(1000)));
}

TEST(Seq, Before_AcrossWrap_MaxIsBeforeZero) {
    // tcp.h before(): (s32)(seq1 - seq2) < 0, so 0xFFFFFFFF is just before 0.
    EXPECT_TRUE(before(Seq(0xFFFFFFFFU), Seq(0)));
    EXPECT_TRUE(after(Seq(0), Seq(0xFFFFFFFFU)));
    EXPECT_TRUE(before(Seq(0xFFFFFF00U), Seq(0x100)));
}

TEST(Seq, After_HalfSpaceApart_FlipsAtTwoToThe31) {
    // Exactly 2^31 apart: (s32)0x80000000 is negative, so each is "before" the other.
    EXPECT_TRUE(before(Seq(0), Seq(0x80000000U)));
    EXPECT_TRUE(before(Seq(0x80000000U), Seq(0)));
    // One less than 2^31 apart: ordered as the numbers say.
    EXPECT_TRUE(after(Seq(0x7FFFFFFFU), Seq(0)));
    EXPECT_FALSE(after(Seq(0), Seq(0x7FFFFFFFU)));
}

TEST(Seq, Difference_AcrossWrap_IsSmallAndSigned) {
    EXPECT_EQ(Seq(5) - Seq(0xFFFFFFFBU), 10);
    EXPECT_EQ(Seq(0xFFFFFFFBU) - Seq(5), -10);
    EXPECT_EQ(Seq(0xFFFFFFFFU) + 2U, Seq(1));
    EXPECT_EQ(Seq(1) - 2U, Seq(0xFFFFFFFFU));
}

TEST(Seq, Between_InclusiveEdges_AcceptsBoth) {
    EXPECT_TRUE(between(Seq(10), Seq(10), Seq(20)));
    EXPECT_TRUE(between(Seq(20), Seq(10), Seq(20)));
    EXPECT_FALSE(between(Seq(9), Seq(10), Seq(20)));
    EXPECT_FALSE(between(Seq(21), Seq(10), Seq(20)));
}

TEST(Seq, Between_WindowAcrossWrap_AcceptsBothSidesOfZero) {
    const Seq low(0xFFFFFFF0U);
    const Seq high(0x10);
    EXPECT_TRUE(between(Seq(0xFFFFFFFFU), low, high));
    EXPECT_TRUE(between(Seq(0), low, high));
    EXPECT_TRUE(between(Seq(0x10), low, high));
    EXPECT_FALSE(between(Seq(0x11), low, high));
    EXPECT_FALSE(between(Seq(0xFFFFFFEFU), low, high));
}

} // namespace
} // namespace tdl
