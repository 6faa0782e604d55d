#include "PresetCatalog.h"
#include "ScenarioLibraryView.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

QTreeWidgetItem* itemOf(QTreeWidget* tree, const QString& id) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* lesson = tree->topLevelItem(i);
        for (int j = 0; j < lesson->childCount(); ++j) {
            if (lesson->child(j)->data(0, Qt::UserRole + 1).toString() == id) {
                return lesson->child(j);
            }
        }
    }
    return nullptr;
}

class ScenarioLibrary : public testing::Test {
protected:
    PresetCatalog catalog_;
    ScenarioLibraryView view_{&catalog_};
    QTreeWidget* tree_ = view_.findChild<QTreeWidget*>();
};

TEST_F(ScenarioLibrary, ANumberedSeriesIsListedInItsNumbersOrder) {
    ASSERT_NE(tree_, nullptr);
    QTreeWidgetItem* first = itemOf(tree_, QStringLiteral("stale-data-no-time-wait"));
    QTreeWidgetItem* second = itemOf(tree_, QStringLiteral("no-time-wait-reset"));
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    ASSERT_TRUE(first->text(0).contains(QLatin1String("(1)"))) << first->text(0).toStdString();
    ASSERT_EQ(first->parent(), second->parent());
    // The files sort the other way ("no-…" before "stale-…"); the titles' numbers win.
    EXPECT_LT(first->parent()->indexOfChild(first), second->parent()->indexOfChild(second));
    // Everything else keeps the catalog's order: the four-way close opens the basics.
    EXPECT_EQ(tree_->topLevelItem(0)->child(0)->data(0, Qt::UserRole + 1).toString(),
              QStringLiteral("four-way-close"));
    EXPECT_EQ(ScenarioLibraryView::libraryOrder(catalog_.presets()).size(),
              catalog_.presets().size());
}

TEST_F(ScenarioLibrary, TheToolTipShowsTheWholeTitleThenTheDescription) {
    QTreeWidgetItem* item = itemOf(tree_, QStringLiteral("tw-reuse-stale-rst"));
    ASSERT_NE(item, nullptr);
    const PresetCatalog::Preset* preset = catalog_.find(QStringLiteral("tw-reuse-stale-rst"));
    const QString tip = item->toolTip(0);
    const QString title = QString::fromStdString(preset->scenario.title.en);
    const QString description = QString::fromStdString(preset->scenario.description.en);
    ASSERT_TRUE(tip.contains(title.toHtmlEscaped())) << tip.toStdString();
    EXPECT_TRUE(tip.contains(description.left(40).toHtmlEscaped())) << tip.toStdString();
    EXPECT_LT(tip.indexOf(title.toHtmlEscaped()),
              tip.indexOf(description.left(40).toHtmlEscaped()));
}

TEST_F(ScenarioLibrary, AFileOpenedFromThePresetFolderIsMarkedAsItsPreset) {
    const PresetCatalog::Preset* preset = catalog_.find(QStringLiteral("lost-final-ack"));
    ASSERT_NE(preset, nullptr);
    view_.setCurrentFile(preset->resource);
    ASSERT_NE(tree_->currentItem(), nullptr);
    EXPECT_EQ(tree_->currentItem()->data(0, Qt::UserRole + 1).toString(),
              QStringLiteral("lost-final-ack"));
    EXPECT_TRUE(tree_->currentItem()->font(0).bold());
    // A file that is not there is no preset.
    view_.setCurrentFile(QStringLiteral("/nonexistent/lost-final-ack.json"));
    EXPECT_FALSE(itemOf(tree_, QStringLiteral("lost-final-ack"))->font(0).bold());
}

// Whatever is current or bold when no preset is open, or a copy of one: never an interview
// question, which is no scenario.
QStringList boldItems(QTreeWidget* tree) {
    QStringList bold;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* group = tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->font(0).bold()) {
                bold << group->child(j)->text(0);
            }
        }
    }
    return bold;
}

TEST_F(ScenarioLibrary, ACopyOfAPresetsFileIsMarkedAsItsPresetAndNoQuestionEver) {
    InterviewQuestion question;
    question.id = "which-side-waits";
    question.question.en = "Which side waits?";
    question.preset = "lost-final-ack";
    view_.setInterviewQuestions({question});
    const PresetCatalog::Preset* preset = catalog_.find(QStringLiteral("lost-final-ack"));
    ASSERT_NE(preset, nullptr);
    // As from the command line: the source tree's file, a copy of the installed one.
    const QTemporaryDir folder;
    const QString copy = folder.filePath(QStringLiteral("lost-final-ack.json"));
    ASSERT_TRUE(QFile::copy(preset->resource, copy));
    view_.setCurrentFile(copy);
    ASSERT_NE(tree_->currentItem(), nullptr);
    EXPECT_EQ(tree_->currentItem()->data(0, Qt::UserRole + 1).toString(),
              QStringLiteral("lost-final-ack"));
    EXPECT_EQ(boldItems(tree_), QStringList{tree_->currentItem()->text(0)});

    // An edited copy is a scenario of its own: nothing is marked, no question either.
    QFile file(copy);
    ASSERT_TRUE(file.open(QIODevice::Append));
    file.write("\n ");
    file.close();
    view_.setCurrentFile(copy);
    EXPECT_EQ(tree_->currentItem(), nullptr);
    EXPECT_EQ(boldItems(tree_), QStringList());
    view_.setCurrentPreset(QString());
    EXPECT_EQ(tree_->currentItem(), nullptr);
    EXPECT_EQ(boldItems(tree_), QStringList());
}

} // namespace
} // namespace tdl::ui
