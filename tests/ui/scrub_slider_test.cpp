#include "ScrubSlider.h"

#include <QTest>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

TEST(ScrubSlider, AClickOnTheGrooveJumpsToTheClickedPoint) {
    ScrubSlider slider;
    slider.setRange(0, 1000);
    slider.setPageStep(3);
    slider.resize(400, 24);
    slider.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&slider));
    QTest::mouseClick(&slider, Qt::LeftButton, {}, QPoint(300, 12));
    // Three quarters along the widget; the handle's half-width at each end makes the exact value
    // depend on the style, a page step would have made it 3.
    EXPECT_GT(slider.value(), 700);
    EXPECT_LT(slider.value(), 800);
    QTest::mouseClick(&slider, Qt::LeftButton, {}, QPoint(100, 12));
    EXPECT_GT(slider.value(), 200);
    EXPECT_LT(slider.value(), 300);
    EXPECT_EQ(slider.valueAt(0), 0);
    EXPECT_EQ(slider.valueAt(400), 1000);
}

} // namespace
} // namespace tdl::ui
