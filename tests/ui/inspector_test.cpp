#include "CauseCatalog.h"
#include "InspectorView.h"
#include "handmade_trace.h"

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(Inspector, ShowsTheHeadersAndWhatTheReceiverDidWithTheSegment) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(300ms);
    view.setSegment(5); // the client's FIN
    const QString text = view.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("FIN,ACK · #6"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("101 relative, 1101 absolute"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("TSval"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("What the receiver did")));
    EXPECT_TRUE(text.contains(CauseCatalog::sentence(Reason(Cause::RcvFin))));
    // What the FIN caused at the server: CLOSE-WAIT.
    EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED → CLOSE-WAIT"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QLatin1String("Not sent yet")));
    view.setTime(100ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("Not sent yet")));
}

TEST(Inspector, WithNothingSelectedListsTheSocketsStatesAtTheCursor) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(215ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("CLOSE-WAIT")));
    // The heading names the cursor's time, not that of the event before it (210 ms).
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("Sockets at 215 ms")))
        << view.toPlainText().toStdString();
    view.setTime(275ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("TIME-WAIT")));
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("LAST-ACK")));
}

TEST(Inspector, AtTheStartListsOnlyTheSocketsThatExistAlready) {
    InspectorView view;
    view.setRun(std::make_shared<const ui::Run>(test::handmadeFourWayClose()));
    view.setTime(0ms);
    const QString start = view.toPlainText();
    // The listener listens and the client connects at 0 ms; the server's connection socket is
    // born at 10 ms, when the SYN arrives: it is not shown as CLOSED before that.
    EXPECT_TRUE(start.contains(QLatin1String("LISTEN"))) << start.toStdString();
    EXPECT_TRUE(start.contains(QLatin1String("SYN-SENT"))) << start.toStdString();
    EXPECT_FALSE(start.contains(QLatin1String("CLOSED"))) << start.toStdString();
    EXPECT_EQ(start.count(QStringLiteral(" · ")), 2) << start.toStdString();
    view.setTime(10ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("SYN-RECEIVED")))
        << view.toPlainText().toStdString();
}

} // namespace
} // namespace tdl::ui
