#include "Document.h"
#include "scenario_builder.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

TEST(Document, ALoadScenarioIsRefusedAndTheOpenOneStays) {
    Document document;
    const Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    ASSERT_FALSE(document.open(single, QString()).has_value());
    const RunPtr run = document.run();

    Scenario load = single;
    load.actions.clear();
    load.load = LoadConfig{};
    load.load->client = "client";
    load.load->server = "server";
    load.load->rate = 2000;
    load.load->duration = 180s;
    QSignalSpy changed(&document, &Document::runChanged);
    const auto refused = document.open(load, QString());
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->contains(QLatin1String("360000"))) << refused->toStdString();
    EXPECT_TRUE(document.edit(load, QStringLiteral("load")).has_value());
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(document.run(), run);
    EXPECT_EQ(document.scenario(), single);
    EXPECT_EQ(document.undoStack()->count(), 0);
}

TEST(Document, AnEditThatChangesNothingIsNotAnUndoStep) {
    Document document;
    const Scenario single = test::connectedPair().close(200ms, "client", "c").build();
    ASSERT_FALSE(document.open(single, QString()).has_value());
    EXPECT_FALSE(document.edit(single, QStringLiteral("nothing")).has_value());
    EXPECT_EQ(document.undoStack()->count(), 0);
    EXPECT_FALSE(document.isModified());
}

} // namespace
} // namespace tdl::ui
