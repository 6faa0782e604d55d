#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "Document.h"
#include "KeyMoments.h"
#include "MainWindow.h"
#include "Player.h"
#include "PresentationMode.h"
#include "PresentationSettings.h"
#include "PresetCatalog.h"
#include "SequenceDiagramView.h"
#include "StateMachineView.h"

#include <QApplication>
#include <QDockWidget>
#include <QFontDatabase>
#include <QLayout>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

// A main window on a preset, shown on the 1024x768 screen (presentation_main.cpp).
class Presentation : public testing::Test {
protected:
    void SetUp() override {
        PresentationSettings().setKeptPanels({});
        PresentationSettings().setScaleAdjustment(1.0);
        ASSERT_EQ(QGuiApplication::primaryScreen()->size(), QSize(1024, 768));
        window_.show();
        ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
        QApplication::processEvents();
    }
    void TearDown() override { window_.presentation()->leave(); }

    void enter() {
        window_.presentation()->enter();
        QApplication::processEvents();
    }
    PresentationMode& mode() { return *window_.presentation(); }

    MainWindow window_;
};

// The language and the font the desktop gives the window in it: under a Chinese locale
// fontconfig answers "Sans Serif" with a Chinese font (Noto Sans CJK, WenQuanYi...), whose
// characters and lines are larger than DejaVu Sans'; the test runs under whatever locale it is
// started in, so it sets that font itself.
class LanguageAndFont {
public:
    LanguageAndFont(MainWindow& window, const QString& language)
        : window_(window)
        , previous_(QApplication::font()) {
        window_.setLanguage(language);
        if (language == QStringLiteral("zh_CN")) {
            const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
            const auto sans = std::find_if(families.begin(), families.end(), [](const QString& f) {
                return f.contains(QStringLiteral("Sans")) && !f.contains(QStringLiteral("Mono"));
            });
            if (sans != families.end()) {
                QFont font = previous_;
                font.setFamilies({*sans});
                QApplication::setFont(font);
                found_ = true;
            }
        } else {
            found_ = true;
        }
    }
    ~LanguageAndFont() {
        QApplication::setFont(previous_);
        window_.setLanguage(QStringLiteral("en"));
    }
    LanguageAndFont(const LanguageAndFont&) = delete;
    LanguageAndFont& operator=(const LanguageAndFont&) = delete;
    bool found() const { return found_; }

private:
    MainWindow& window_;
    QFont previous_;
    bool found_ = false;
};

// How high each segment's label is drawn in the diagram as the view lays it out now.
std::vector<double> segmentLabelHeights(SequenceDiagramView& view, const Run& run) {
    const DiagramColors colors(view.palette());
    DiagramFrame frame;
    frame.time = run.trace().end;
    const DiagramPainter painter(view.layout(), colors, frame);
    std::vector<double> heights;
    for (SegmentId id = 0; id < run.trace().segments.size(); ++id) {
        if (view.layout().burst(id) != 0) {
            heights.push_back(QFontMetricsF(painter.segmentLabel(id).font).height());
        }
    }
    return heights;
}

// How high a state's name is on the screen in the state machine as it is drawn now.
double stateNameHeight(const StateMachineView& view, double textScale) {
    const double canvas = StateMachineView::canvasScale(view.size());
    const auto fonts = StateMachineView::presentationFonts(view.font(), textScale, canvas);
    return QFontMetricsF(fonts.state).height() * canvas;
}

TEST_F(Presentation, At1024x768TheDefaultScaleDrawsLabels20AndStateNames24PixelsHigh) {
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        const LanguageAndFont chosen(window_, language);
        if (!chosen.found()) {
            GTEST_SKIP() << "no Simplified Chinese sans-serif font is installed";
        }
        enter();
        ASSERT_EQ(window_.size(), QSize(1024, 768)) << "full screen on the projector";
        EXPECT_DOUBLE_EQ(mode().scale(), PresentationMode::defaultScale(QSize(1024, 768)));
        const RunPtr& run = window_.document()->run();
        const std::vector<double> heights = segmentLabelHeights(*window_.diagram(), *run);
        ASSERT_FALSE(heights.empty());
        EXPECT_GE(*std::min_element(heights.begin(), heights.end()), 20.0)
            << language.toStdString();
        // The window's own font is much smaller: the scale is what makes the difference.
        EXPECT_LT(QFontMetricsF(window_.diagram()->font()).height(), 20.0);

        // Too narrow for both beside each other: the state machine is an overlay, on demand.
        EXPECT_FALSE(mode().boardBeside());
        EXPECT_FALSE(mode().boardShown());
        mode().toggleBoard();
        QApplication::processEvents();
        ASSERT_TRUE(mode().boardShown());
        EXPECT_GE(stateNameHeight(*mode().board(), mode().scale()), 24.0) << language.toStdString();
        mode().toggleBoard();
        mode().leave();
    }
}

TEST_F(Presentation, At1024x768BothLifelinesAndTheirLabelsAreInView) {
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        const LanguageAndFont chosen(window_, language);
        if (!chosen.found()) {
            GTEST_SKIP() << "no Simplified Chinese sans-serif font is installed";
        }
        for (const char* preset : {"four-way-close", "lost-final-ack", "simultaneous-close"}) {
            ASSERT_TRUE(window_.openPreset(QLatin1String(preset)));
            enter();
            SequenceDiagramView& view = *window_.diagram();
            const DiagramLayout& layout = view.layout();
            const std::string where = std::string(preset) + " in " + language.toStdString();
            EXPECT_LE(layout.size().width(), view.viewport()->width()) << where;
            EXPECT_EQ(view.horizontalScrollBar()->maximum(), 0) << where;
            const HostId last =
                static_cast<HostId>(window_.document()->run()->trace().hosts.size() - 1);
            EXPECT_GE(layout.labelX(0) - layout.labelWidth(), 0) << where;
            EXPECT_LE(layout.labelX(last) + layout.labelWidth(), view.viewport()->width()) << where;
            mode().leave();
        }
    }
}

// Not in presentation mode: the window with its docks as they first come. A teacher who
// projects it at 1024x768 sees both lifelines of every two-host classroom preset, and their
// labels, without a horizontal scroll bar, in both languages. (Three hosts need more room than
// the docks leave: those diagrams still scroll sideways there, or fit in presentation mode.)
TEST_F(Presentation, At1024x768WithThePanelsEveryTwoHostPresetsDiagramFitsTheView) {
    ASSERT_EQ(window_.width(), 1024) << "the window is as wide as the projector";
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        const LanguageAndFont chosen(window_, language);
        if (!chosen.found()) {
            GTEST_SKIP() << "no Simplified Chinese sans-serif font is installed";
        }
        for (const PresetCatalog::Preset& preset : window_.presets().presets()) {
            if (preset.scenario.load || preset.scenario.hosts.size() != 2) {
                continue;
            }
            ASSERT_TRUE(window_.openPreset(QString::fromStdString(preset.scenario.id)));
            QApplication::processEvents();
            SequenceDiagramView& view = *window_.diagram();
            const DiagramLayout& layout = view.layout();
            const std::string where = preset.scenario.id + " in " + language.toStdString();
            EXPECT_EQ(view.horizontalScrollBar()->maximum(), 0)
                << where << ": " << layout.size().width() << " wide in a view of "
                << view.viewport()->width();
            const HostId last =
                static_cast<HostId>(window_.document()->run()->trace().hosts.size() - 1);
            EXPECT_GE(layout.labelX(0) - layout.labelWidth(), 0) << where;
            EXPECT_LE(layout.labelX(last) + layout.labelWidth(), view.viewport()->width()) << where;
        }
    }
}

// What "the layout" is: where the window is, what is shown, and where and how big every part is.
struct LayoutSnapshot {
    QRect geometry;
    Qt::WindowStates states;
    bool menuBar = false;
    bool statusBar = false;
    QMargins centralMargins;
    std::map<QString, std::pair<bool, QRect>> parts; // docks and tool bars by name
    double textScale = 0;

    bool operator==(const LayoutSnapshot&) const = default;
};

LayoutSnapshot snapshot(MainWindow& window) {
    LayoutSnapshot s;
    s.geometry = window.geometry();
    s.states = window.windowState();
    s.menuBar = window.menuBar()->isVisible();
    s.statusBar = window.statusBar()->isVisible();
    s.centralMargins = window.centralWidget()->layout()->contentsMargins();
    for (QDockWidget* dock : window.findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        s.parts[dock->objectName()] = {dock->isVisible(), dock->geometry()};
    }
    for (QToolBar* bar : window.findChildren<QToolBar*>(Qt::FindDirectChildrenOnly)) {
        s.parts[bar->objectName()] = {bar->isVisible(), bar->geometry()};
    }
    s.textScale = window.diagram()->textScale();
    return s;
}

TEST_F(Presentation, EnteringHidesThePanelsAndLeavingRestoresTheLayoutExactly) {
    window_.setWindowState(Qt::WindowNoState);
    window_.setGeometry(40, 30, 900, 660);
    QApplication::processEvents();
    // The teacher's own arrangement: the inspector made wider, the sysctls' tab in front.
    auto* inspector = window_.findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    ASSERT_NE(inspector, nullptr);
    window_.resizeDocks({inspector}, {300}, Qt::Horizontal);
    QApplication::processEvents();
    const LayoutSnapshot before = snapshot(window_);
    ASSERT_TRUE(before.parts.at(QStringLiteral("inspectorDock")).first);

    enter();
    const LayoutSnapshot during = snapshot(window_);
    EXPECT_TRUE(during.states & Qt::WindowFullScreen);
    EXPECT_FALSE(during.menuBar);
    EXPECT_FALSE(during.statusBar);
    for (const auto& [name, part] : during.parts) {
        EXPECT_EQ(part.first, name == QStringLiteral("transportToolBar")) << name.toStdString();
    }
    EXPECT_GT(during.textScale, 0);

    mode().leave();
    QApplication::processEvents();
    const LayoutSnapshot after = snapshot(window_);
    EXPECT_EQ(after.geometry, before.geometry);
    EXPECT_EQ(after.states, before.states);
    EXPECT_EQ(after.menuBar, before.menuBar);
    EXPECT_EQ(after.statusBar, before.statusBar);
    EXPECT_EQ(after.centralMargins, before.centralMargins);
    EXPECT_EQ(after.textScale, before.textScale);
    for (const auto& [name, part] : before.parts) {
        EXPECT_EQ(after.parts.at(name), part) << name.toStdString();
    }
}

TEST_F(Presentation, ThePanelsTheTeacherKeepsStay) {
    PresentationSettings().setKeptPanels({QStringLiteral("eventLogDock")});
    enter();
    for (QDockWidget* dock : window_.findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        EXPECT_EQ(dock->isVisible(), dock->objectName() == QStringLiteral("eventLogDock"))
            << dock->objectName().toStdString();
    }
}

TEST_F(Presentation, F11AndEscapeEnterAndLeave) {
    QTest::keyClick(window_.diagram(), Qt::Key_F11);
    EXPECT_TRUE(mode().active());
    EXPECT_TRUE(mode().toggleAction()->isChecked());
    QTest::keyClick(window_.diagram(), Qt::Key_Escape);
    EXPECT_FALSE(mode().active());
    EXPECT_FALSE(mode().toggleAction()->isChecked());
}

// Every instant at which a socket changes state, a segment is lost or a timer fires.
std::set<SimTime> keyInstants(const Run& run) {
    std::set<SimTime> instants;
    for (const Fact& fact : run.trace().facts) {
        if (fact.kind == FactKind::StateChanged || fact.kind == FactKind::SegmentDropped ||
            fact.kind == FactKind::TimerFired) {
            instants.insert(fact.at);
        }
    }
    return instants;
}

TEST(KeyMomentsOf, EachPresetAreItsStateChangesLossesAndTimersFiringInTimeOrder) {
    for (const char* preset : {"four-way-close", "lost-final-ack", "tw-reuse-lost-final-ack"}) {
        MainWindow window;
        ASSERT_TRUE(window.openPreset(QLatin1String(preset)));
        const RunPtr& run = window.document()->run();
        const KeyMoments moments(*run);
        const std::set<SimTime> expected = keyInstants(*run);
        std::vector<SimTime> found;
        for (const KeyMoments::Moment& moment : moments.moments()) {
            found.push_back(moment.at);
            EXPECT_NE(moment.kinds, 0);
        }
        EXPECT_EQ(found, std::vector<SimTime>(expected.begin(), expected.end())) << preset;
    }
}

TEST(KeyMomentsOf, TheLostFinalAckHaveTheLossAndTheRetransmissionTimerFiring) {
    MainWindow window;
    ASSERT_TRUE(window.openPreset(QStringLiteral("lost-final-ack")));
    const KeyMoments moments(*window.document()->run());
    const auto has = [&](KeyMoments::Kind kind) {
        return std::any_of(moments.moments().begin(), moments.moments().end(),
                           [&](const KeyMoments::Moment& m) { return (m.kinds & kind) != 0; });
    };
    EXPECT_TRUE(has(KeyMoments::Loss));
    EXPECT_TRUE(has(KeyMoments::TimerFired));
    EXPECT_TRUE(has(KeyMoments::StateChange));
}

TEST_F(Presentation, PageDownAndTheArrowsStepThroughTheKeyMomentsInOrderAndBack) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("lost-final-ack")));
    enter();
    Player& player = *window_.player();
    const std::span<const KeyMoments::Moment> moments = mode().keyMoments().moments();
    ASSERT_GE(moments.size(), 4U);
    player.toStart();
    const SimTime start = player.time();
    std::vector<SimTime> visited;
    // A remote's Page Down, and the arrows, alternately.
    const std::array<Qt::Key, 3> forward = {Qt::Key_PageDown, Qt::Key_Right, Qt::Key_Down};
    for (std::size_t i = 0; i < moments.size() + 2; ++i) {
        QTest::keyClick(window_.diagram(), forward[i % forward.size()]);
        if (visited.empty() || visited.back() != player.time()) {
            visited.push_back(player.time());
        }
    }
    std::vector<SimTime> expected;
    for (const KeyMoments::Moment& moment : moments) {
        if (moment.at > start) {
            expected.push_back(moment.at);
        }
    }
    EXPECT_EQ(visited, expected);
    EXPECT_FALSE(player.isPlaying());

    const std::array<Qt::Key, 3> backward = {Qt::Key_PageUp, Qt::Key_Left, Qt::Key_Up};
    std::vector<SimTime> back;
    for (std::size_t i = 0; i < moments.size() + 2; ++i) {
        QTest::keyClick(window_.diagram(), backward[i % backward.size()]);
        if (back.empty() || back.back() != player.time()) {
            back.push_back(player.time());
        }
    }
    std::vector<SimTime> expectedBack;
    for (auto it = moments.rbegin(); it != moments.rend(); ++it) {
        if (it->at < expected.back()) {
            expectedBack.push_back(it->at);
        }
    }
    EXPECT_EQ(back, expectedBack);

    // Outside presentation mode, the right arrow steps one event, as before.
    mode().leave();
    player.seek(moments[0].at);
    QTest::keyClick(window_.diagram(), Qt::Key_Right);
    const auto events = window_.document()->run()->index().eventTimes();
    const auto next = std::upper_bound(events.begin(), events.end(), moments[0].at);
    ASSERT_NE(next, events.end());
    EXPECT_EQ(player.time(), *next);
}

TEST_F(Presentation, AClickOnTheDiagramMovesTheCursorThere) {
    enter();
    SequenceDiagramView& view = *window_.diagram();
    window_.player()->toEnd();
    QApplication::processEvents();
    const DiagramLayout& layout = view.layout();
    // Left of the client's labels, in the time gutter: no segment there.
    const SimTime target = 200ms;
    view.verticalScrollBar()->setValue(0);
    const int y = static_cast<int>(layout.y(target)) + 1;
    ASSERT_LT(y, view.viewport()->height());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(4, y));
    EXPECT_EQ(window_.player()->time(), layout.timeAt(y));
    EXPECT_NE(window_.player()->time(), window_.document()->run()->trace().end);
}

TEST_F(Presentation, CtrlPlusAndMinusScaleTheTextAndTheChoiceIsRemembered) {
    enter();
    const double first = mode().scale();
    const double firstLine = window_.diagram()->layout().metrics().height();
    QTest::keyClick(window_.diagram(), Qt::Key_Equal, Qt::ControlModifier);
    EXPECT_NEAR(mode().scale(), first * PresentationMode::kScaleStep, 1e-9);
    EXPECT_GT(window_.diagram()->layout().metrics().height(), firstLine);
    EXPECT_NEAR(PresentationSettings().scaleAdjustment(), PresentationMode::kScaleStep, 1e-9);
    QTest::keyClick(window_.diagram(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window_.diagram(), Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_NEAR(mode().scale(), first / PresentationMode::kScaleStep, 1e-9);
    QTest::keyClick(window_.diagram(), Qt::Key_0, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(mode().scale(), first);
    // The diagram's zoom (Ctrl+= outside presentation mode) is left alone.
    EXPECT_DOUBLE_EQ(window_.diagram()->zoom(), 1.0);
}

TEST(PresentationScale, GrowsWithTheScreensHeight) {
    EXPECT_DOUBLE_EQ(PresentationMode::defaultScale(QSize(1024, 768)), 1.5);
    EXPECT_DOUBLE_EQ(PresentationMode::defaultScale(QSize(1920, 1080)), 1.5 * 1080 / 768);
    EXPECT_DOUBLE_EQ(PresentationMode::defaultScale(QSize(640, 400)), 1.0);
}

} // namespace
} // namespace tdl::ui
