#include "SocketTableModel.h"
#include "socket_table_text.h"

#include <QTextDocumentFragment>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(SocketTimerText, TheToolTipSaysInSecondsWhatSsWritesAsMilliseconds) {
    SocketRow row;
    row.state = TcpState::TimeWait;
    row.timer = SsTimer::TimeWait;
    row.timerLeft = 3785ms;
    // ss's own text, quirk and all: the unit is that of the last part.
    ASSERT_EQ(ssTimerText(row), "timer:(timewait,3.785ms,0)");
    const QString tip =
        QTextDocumentFragment::fromHtml(SocketTableModel::timerToolTip(row)).toPlainText();
    EXPECT_TRUE(tip.contains(QLatin1String("TIME-WAIT"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QLatin1String("3.785 s left"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QLatin1String("3.785 seconds"))) << tip.toStdString();
    row.timer = SsTimer::Off;
    EXPECT_TRUE(SocketTableModel::timerToolTip(row).isEmpty());
}

} // namespace
} // namespace tdl::ui
