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
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("Sockets at 210 ms")));
    view.setTime(275ms);
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("TIME-WAIT")));
    EXPECT_TRUE(view.toPlainText().contains(QLatin1String("LAST-ACK")));
}

} // namespace
} // namespace tdl::ui
