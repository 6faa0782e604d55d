#include "MainWindow.h"
#include "StateMachineView.h"
#include "TraceText.h"
#include "Translations.h"

#include <QApplication>
#include <QFontMetricsF>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

// The sizes the view is seen at: a small dock, the dock of a 1600x1000 window, the canvas itself.
const std::vector<QSizeF> kSizes = {{300, 300}, {420, 440}, {600, 630}, {900, 900}};

TEST(StateMachineLabels, NeverOverlapEachOtherTheBoxesOrAnotherArrowInEitherLanguage) {
    const std::vector<QPainterPath> paths = StateMachineView::edgePaths();
    Translations translations;
    for (const auto& [language, size] : [] {
             std::vector<std::pair<QString, QSizeF>> cases;
             for (const char* language : {"en", "zh_CN"}) {
                 for (const QSizeF& size : kSizes) {
                     cases.emplace_back(QLatin1String(language), size);
                 }
             }
             return cases;
         }()) {
        ASSERT_TRUE(translations.setLanguage(language));
        const double scale = StateMachineView::canvasScale(size);
        const auto labels =
            StateMachineView::edgeLabels(StateMachineView::edgeFont(QApplication::font(), scale));
        ASSERT_EQ(labels.size(), paths.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const std::string what = labels[i].text.toStdString() + " at " +
                                     std::to_string(size.width()) + " in " + language.toStdString();
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                EXPECT_FALSE(labels[i].rect.intersects(labels[j].rect))
                    << what << " | " << labels[j].text.toStdString();
            }
            // Clear of the box and of the ring drawn around it when an endpoint is there.
            for (int slot = 0; slot < StateMachineView::kSlotCount; ++slot) {
                EXPECT_FALSE(labels[i].rect.intersects(
                    StateMachineView::stateBox(slot).adjusted(-5, -5, 5, 5)))
                    << what << " | box " << slot;
            }
            for (std::size_t other = 0; other < paths.size(); ++other) {
                if (other != labels[i].edge) {
                    EXPECT_FALSE(paths[other].intersects(labels[i].rect))
                        << what << " | arrow of " << labels[other].text.toStdString();
                }
            }
        }
    }
    translations.setLanguage(QStringLiteral("en"));
}

TEST(StateMachineLabels, LabelsStayNearTheirArrow) {
    const std::vector<QPainterPath> paths = StateMachineView::edgePaths();
    const QFont font = StateMachineView::edgeFont(QApplication::font(), 0.7);
    for (const auto& label : StateMachineView::edgeLabels(font)) {
        // Within three text lines of some point of its own arrow.
        const QPainterPath& path = paths[label.edge];
        double nearest = 1e9;
        for (int i = 0; i <= 50; ++i) {
            nearest = std::min(nearest,
                               QLineF(path.pointAtPercent(i / 50.0), label.rect.center()).length());
        }
        EXPECT_LT(nearest, 3 * QFontMetricsF(font).height() + label.rect.width() / 2)
            << label.text.toStdString();
    }
}

TEST(StateMachineLabels, StateNamesFitTheirBoxesAtEveryScale) {
    for (const QSizeF& size : kSizes) {
        const QFontMetricsF fm(
            StateMachineView::stateFont(QApplication::font(), StateMachineView::canvasScale(size)));
        for (int slot = 0; slot < kTcpStateCount; ++slot) {
            const QString name = TraceText::stateName(static_cast<TcpState>(slot));
            EXPECT_LE(fm.horizontalAdvance(name) + 4, StateMachineView::stateBox(slot).width())
                << name.toStdString() << " at " << size.width();
        }
    }
}

TEST(StateMachineLabels, AreLegibleInTheWindowAt1600By1000) {
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    auto* view = window.findChild<StateMachineView*>();
    ASSERT_NE(view, nullptr);
    const double scale = StateMachineView::canvasScale(view->size());
    const double onScreen =
        StateMachineView::edgeFont(QApplication::font(), scale).pixelSize() * scale;
    EXPECT_GE(onScreen, 10.9) << "view " << view->width() << "x" << view->height();
}

} // namespace
} // namespace tdl::ui
