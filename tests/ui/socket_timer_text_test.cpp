#include "SocketTableModel.h"
#include "SocketTableView.h"
#include "socket_table_text.h"

#include <QCoreApplication>
#include <QLabel>
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

TEST(SocketTableViewStatus, AFinishedJobsMessageDoesNotOutliveAChangeOfLanguage) {
    SocketTableView view;
    const QString message = QStringLiteral("Connection #7 is open in the main window.");
    view.setStatus(message);
    const auto shown = [&] {
        const auto labels = view.findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(),
                           [&](const QLabel* label) { return label->text() == message; });
    };
    ASSERT_TRUE(shown());
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&view, &change);
    EXPECT_FALSE(shown());
}

} // namespace
} // namespace tdl::ui
