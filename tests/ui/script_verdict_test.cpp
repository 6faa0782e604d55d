// A packetdrill script opened in the desktop program: its failing line is marked on the diagram,
// in the user's language, and a passing script or another scenario leaves no mark.

#include "MainWindow.h"
#include "QtWarningGuard.h"
#include "ScriptVerdictOverlay.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

constexpr const char* kServerCloses = R"(
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 < S 0:0(0) win 65535 <mss 1000>
   +0 > S. 0:0(0) ack 1 <...>
 +.01 < . 1:1(0) ack 1 win 65535
   +0 accept(3, ..., ...) = 4
 +.05 close(4) = 0
   +0 > %1 1:1(0) ack 1
)";

class ScriptVerdictTest : public testing::Test {
protected:
    void TearDown() override {
        window_.setLanguage(QStringLiteral("en"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }

    QString script(const QString& name, const QString& lastFlags) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QString::fromLatin1(kServerCloses).arg(lastFlags).toUtf8());
        return path;
    }

    ScriptVerdictOverlay* overlay() const {
        return window_.findChild<ScriptVerdictOverlay*>(QStringLiteral("scriptVerdict"));
    }

    QTemporaryDir dir_;
    MainWindow window_;
};

TEST_F(ScriptVerdictTest, FailingScript_MarksItsLineWithExpectedAndActual) {
    window_.resize(1200, 800);
    window_.show();
    const test::QtWarningGuard guard;
    ASSERT_TRUE(window_.openFile(script(QStringLiteral("fails.pkt"), QStringLiteral("R."))));
    ASSERT_NE(overlay(), nullptr);
    EXPECT_TRUE(overlay()->isVisible());
    ASSERT_TRUE(overlay()->failure());
    EXPECT_EQ(overlay()->failure()->line, 10);
    EXPECT_TRUE(overlay()->expectedLabel().startsWith(
        QStringLiteral("Script line 10 expected: R. 1:1(0) ack 1")))
        << overlay()->expectedLabel().toStdString();
    EXPECT_TRUE(
        overlay()->actualLabel().startsWith(QStringLiteral("The host did: F. 1:1(0) ack 1")))
        << overlay()->actualLabel().toStdString();
    // The scripted peer is a lifeline beside the kernel under test.
    const Trace& trace = window_.document()->run()->trace();
    ASSERT_EQ(trace.hosts.size(), 2U);
    EXPECT_EQ(trace.hosts[1].name, "peer");
    // The cursor is at the failing line.
    EXPECT_EQ(window_.player()->time(), overlay()->failure()->expectedAt);
    window_.grab();
    EXPECT_TRUE(guard.messages().empty()) << guard.report().toStdString();

    window_.setLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    EXPECT_TRUE(overlay()->expectedLabel().startsWith(QStringLiteral("脚本第 10 行期望：R.")))
        << overlay()->expectedLabel().toStdString();
}

TEST_F(ScriptVerdictTest, PassingScriptOrAnotherScenario_LeavesNoMark) {
    ASSERT_TRUE(window_.openFile(script(QStringLiteral("fails.pkt"), QStringLiteral("R."))));
    ASSERT_TRUE(overlay()->failure());
    ASSERT_TRUE(window_.openFile(script(QStringLiteral("passes.pkt"), QStringLiteral("F."))));
    EXPECT_FALSE(overlay()->failure());
    EXPECT_FALSE(overlay()->isVisible());
    ASSERT_TRUE(window_.openFile(script(QStringLiteral("fails.pkt"), QStringLiteral("R."))));
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    EXPECT_FALSE(overlay()->failure());
}

TEST_F(ScriptVerdictTest, Script_IsNotTheDocumentsFile_SoSaveNeverWritesOverIt) {
    ASSERT_TRUE(window_.openFile(script(QStringLiteral("fails.pkt"), QStringLiteral("R."))));
    EXPECT_TRUE(window_.document()->filePath().isEmpty());
}

} // namespace
} // namespace tdl::ui
