#include "MainWindow.h"
#include "SequenceDiagramView.h"
#include "StateMachineView.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

// What a screen reader would announce: the accessibility interface's name and description.
QString accessibleText(QWidget* widget, QAccessible::Text kind) {
    QAccessibleInterface* face = QAccessible::queryAccessibleInterface(widget);
    return face == nullptr ? QString() : face->text(kind);
}

class Accessibility : public testing::Test {
protected:
    void SetUp() override {
        window_.resize(1400, 900);
        window_.show();
        ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    }
    MainWindow window_;
};

TEST_F(Accessibility, TheMainWidgetsAndDocksHaveNames) {
    std::vector<QWidget*> widgets = {window_.diagram(), window_.findChild<StateMachineView*>()};
    for (const char* name : {"eventLog", "presetSearch", "scrubber", "speed", "sysctls0"}) {
        widgets.push_back(window_.findChild<QWidget*>(QLatin1String(name)));
    }
    for (QDockWidget* dock : window_.findChildren<QDockWidget*>()) {
        widgets.push_back(dock);
        widgets.push_back(dock->widget());
    }
    for (QToolBar* bar : window_.findChildren<QToolBar*>()) {
        widgets.push_back(bar);
    }
    for (QWidget* widget : widgets) {
        ASSERT_NE(widget, nullptr);
        EXPECT_FALSE(accessibleText(widget, QAccessible::Name).trimmed().isEmpty())
            << widget->metaObject()->className() << ' ' << widget->objectName().toStdString();
    }
    EXPECT_FALSE(accessibleText(window_.diagram(), QAccessible::Description).isEmpty());
}

TEST_F(Accessibility, EveryActionAndToolButtonSaysWhatItDoes) {
    for (QAction* action : window_.findChildren<QAction*>()) {
        if (action->isSeparator() || action->menu() != nullptr || action->text().isEmpty()) {
            continue;
        }
        EXPECT_FALSE(action->statusTip().isEmpty())
            << action->objectName().toStdString() << ' ' << action->text().toStdString();
    }
    for (QToolButton* button : window_.findChildren<QToolButton*>()) {
        if (button->defaultAction() == nullptr || !button->isVisible()) {
            continue;
        }
        EXPECT_FALSE(accessibleText(button, QAccessible::Name).isEmpty())
            << button->defaultAction()->objectName().toStdString();
    }
}

TEST_F(Accessibility, TheDiagramDescribesTheSegmentUnderThePointer) {
    SequenceDiagramView* diagram = window_.diagram();
    const QString idle = accessibleText(diagram, QAccessible::Description);
    // The middle of the first segment's arrow, in the viewport's coordinates.
    const QLineF arrow = diagram->layout().arrow(0);
    const QPointF content = arrow.pointAt(0.5);
    const QPoint at(qRound(content.x()) - diagram->horizontalScrollBar()->value(),
                    qRound(content.y()) - diagram->verticalScrollBar()->value());
    QMouseEvent move(QEvent::MouseMove, QPointF(at), diagram->viewport()->mapToGlobal(QPointF(at)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(diagram->viewport(), &move);
    const QString described = accessibleText(diagram, QAccessible::Description);
    EXPECT_NE(described, idle);
    EXPECT_TRUE(described.contains(QLatin1String("SYN"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QLatin1String("#1"))) << described.toStdString();
}

TEST_F(Accessibility, TheStateMachineDescribesWhereEachEndpointIs) {
    auto* machine = window_.findChild<StateMachineView*>();
    ASSERT_NE(machine, nullptr);
    EXPECT_FALSE(accessibleText(machine, QAccessible::Name).isEmpty());
    window_.player()->toEnd();
    const QString end = accessibleText(machine, QAccessible::Description);
    EXPECT_TRUE(end.contains(QLatin1String("TIME-WAIT"))) << end.toStdString();
    window_.player()->toStart();
    EXPECT_NE(accessibleText(machine, QAccessible::Description), end);
}

} // namespace
} // namespace tdl::ui
