#include "Document.h"
#include "QtWarningGuard.h"
#include "SysctlChoiceDelegate.h"
#include "SysctlModel.h"
#include "SysctlPanel.h"
#include "scenario_builder.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

class SysctlModelTest : public testing::Test {
protected:
    void SetUp() override {
        const Scenario scenario = test::connectedPair().close(200ms, "client", "c").build();
        ASSERT_FALSE(document_.open(scenario, QString()).has_value());
    }
    // The tester reports a broken rule of QAbstractItemModel as a Qt warning.
    void TearDown() override {
        EXPECT_TRUE(warnings_.messages().isEmpty()) << warnings_.report().toStdString();
    }

    int rowOf(std::string_view name) const {
        for (int row = 0; row < model_.rowCount(); ++row) {
            const QModelIndex index = model_.index(row, SysctlModel::NameColumn);
            if (model_.data(index, SysctlModel::KernelNameRole).toString().toStdString() == name) {
                return row;
            }
        }
        return -1;
    }

    test::QtWarningGuard warnings_;
    Document document_;
    SysctlModel model_{&document_, 0};
    QAbstractItemModelTester tester_{&model_,
                                     QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(SysctlModelTest, ListsEveryKnobWithItsDefaultAndRange) {
    const int reuse = rowOf("net.ipv4.tcp_tw_reuse");
    ASSERT_GE(reuse, 0);
    // An enumerated knob shows what its value means; its edit value is the number.
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::ValueColumn)).toString(),
              QStringLiteral("2 — loopback only"));
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::ValueColumn), Qt::EditRole).toString(),
              QStringLiteral("2"));
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::DefaultColumn)).toString(),
              QStringLiteral("2 — loopback only"));
    const int finTimeout = rowOf("net.ipv4.tcp_fin_timeout");
    EXPECT_EQ(model_.data(model_.index(finTimeout, SysctlModel::ValueColumn)).toString(),
              QStringLiteral("60"));
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::RangeColumn)).toString(),
              QStringLiteral("0 – 2"));
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::NameColumn)).toString(),
              QStringLiteral("tcp_tw_reuse"));
    EXPECT_TRUE(model_.data(model_.index(reuse, SysctlModel::NameColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("net.ipv4.tcp_tw_reuse")));
    EXPECT_TRUE(model_.flags(model_.index(reuse, SysctlModel::ValueColumn)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model_.flags(model_.index(reuse, SysctlModel::NameColumn)) & Qt::ItemIsEditable);
    // tcp_tw_recycle is gone from the Linux 6 profile: shown, but not editable.
    const int recycle = rowOf("net.ipv4.tcp_tw_recycle");
    ASSERT_GE(recycle, 0);
    EXPECT_FALSE(model_.flags(model_.index(recycle, SysctlModel::ValueColumn)) & Qt::ItemIsEnabled);
}

TEST_F(SysctlModelTest, ARefusedValueLeavesTheScenarioUnchanged) {
    const Scenario before = document_.scenario();
    const RunPtr run = document_.run();
    QSignalSpy refused(&model_, &SysctlModel::refused);
    const int reuse = rowOf("net.ipv4.tcp_tw_reuse");
    EXPECT_FALSE(
        model_.setData(model_.index(reuse, SysctlModel::ValueColumn), QStringLiteral("3")));
    ASSERT_EQ(refused.count(), 1);
    const QString message = refused.at(0).at(1).toString();
    EXPECT_TRUE(message.contains(QLatin1String("0..2"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QLatin1String("\"3\""))) << message.toStdString();
    EXPECT_EQ(document_.scenario(), before);
    EXPECT_EQ(document_.run(), run);
    EXPECT_EQ(document_.undoStack()->count(), 0);

    const int range = rowOf(kPortRangeName);
    EXPECT_FALSE(model_.setData(model_.index(range, SysctlModel::ValueColumn),
                                QStringLiteral("40000 30000")));
    EXPECT_FALSE(
        model_.setData(model_.index(range, SysctlModel::ValueColumn), QStringLiteral("many")));
    EXPECT_EQ(refused.count(), 3);
    EXPECT_EQ(document_.scenario(), before);
}

TEST_F(SysctlModelTest, AnAcceptedValueIsAnUndoableEditThatReruns) {
    const RunPtr before = document_.run();
    const int reuse = rowOf("net.ipv4.tcp_tw_reuse");
    QSignalSpy changed(&model_, &QAbstractItemModel::dataChanged);
    EXPECT_TRUE(
        model_.setData(model_.index(reuse, SysctlModel::ValueColumn), QStringLiteral(" 1 ")));
    EXPECT_EQ(document_.scenario().hosts[0].sysctls.tcp_tw_reuse, 1);
    EXPECT_NE(document_.run(), before);
    EXPECT_GE(changed.count(), 1);
    EXPECT_EQ(document_.undoStack()->count(), 1);
    EXPECT_TRUE(document_.isModified());
    EXPECT_EQ(model_.data(model_.index(reuse, SysctlModel::ValueColumn), Qt::EditRole).toString(),
              QStringLiteral("1"));
    document_.undoStack()->undo();
    EXPECT_EQ(document_.scenario().hosts[0].sysctls.tcp_tw_reuse, 2);
    EXPECT_EQ(document_.run(), before);
    EXPECT_FALSE(document_.isModified());
}

TEST_F(SysctlModelTest, AnotherProfileTakesItsDefaultsButKeepsChosenValues) {
    const int finTimeout = rowOf("net.ipv4.tcp_fin_timeout");
    ASSERT_TRUE(
        model_.setData(model_.index(finTimeout, SysctlModel::ValueColumn), QStringLiteral("30")));
    SysctlPanel panel(&document_);
    auto* profile = panel.findChild<QComboBox*>(QStringLiteral("profile0"));
    ASSERT_NE(profile, nullptr);
    EXPECT_EQ(profile->currentIndex(), static_cast<int>(KernelProfile::Linux6));
    emit profile->activated(static_cast<int>(KernelProfile::Linux4_12));
    const HostConfig& client = document_.scenario().hosts[0];
    EXPECT_EQ(client.profile, KernelProfile::Linux4_12);
    EXPECT_EQ(client.sysctls.tcp_tw_reuse, defaultSysctls(KernelProfile::Linux4_12).tcp_tw_reuse);
    EXPECT_EQ(client.sysctls.tcp_fin_timeout, 30);
    EXPECT_EQ(profile->currentIndex(), static_cast<int>(KernelProfile::Linux4_12));
    EXPECT_EQ(document_.undoStack()->count(), 2);
    document_.undoStack()->undo();
    EXPECT_EQ(document_.scenario().hosts[0].profile, KernelProfile::Linux6);
    EXPECT_EQ(profile->currentIndex(), static_cast<int>(KernelProfile::Linux6));
}

TEST_F(SysctlModelTest, EnumeratedKnobsOfferTheValuesThisKernelTakes) {
    const QModelIndex reuse =
        model_.index(rowOf("net.ipv4.tcp_tw_reuse"), SysctlModel::ValueColumn);
    EXPECT_EQ(model_.data(reuse, SysctlModel::ChoicesRole).toList(), (QVariantList{0, 1, 2}));
    const QModelIndex rfc1337 =
        model_.index(rowOf("net.ipv4.tcp_rfc1337"), SysctlModel::ValueColumn);
    EXPECT_EQ(model_.data(rfc1337, SysctlModel::ChoicesRole).toList(), (QVariantList{0, 1}));
    EXPECT_EQ(model_.data(rfc1337).toString(), QStringLiteral("0 — off: a RST ends TIME-WAIT"));
    // A plain number has no choices.
    EXPECT_TRUE(model_
                    .data(model_.index(rowOf("net.ipv4.tcp_fin_timeout"), SysctlModel::ValueColumn),
                          SysctlModel::ChoicesRole)
                    .toList()
                    .isEmpty());
    // Before 4.19 the kernel refuses tcp_tw_reuse = 2 (no loopback mode): not offered.
    Scenario older = document_.scenario();
    older.hosts[0].profile = KernelProfile::Linux4_12;
    older.hosts[0].sysctls = defaultSysctls(KernelProfile::Linux4_12);
    ASSERT_FALSE(document_.open(older, QString()).has_value());
    EXPECT_EQ(model_.data(reuse, SysctlModel::ChoicesRole).toList(), (QVariantList{0, 1}));
}

TEST_F(SysctlModelTest, TheValueColumnEditsAnEnumerationWithAListOfMeanings) {
    SysctlChoiceDelegate delegate;
    const QModelIndex reuse =
        model_.index(rowOf("net.ipv4.tcp_tw_reuse"), SysctlModel::ValueColumn);
    QWidget parent;
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, {}, reuse));
    auto* combo = qobject_cast<QComboBox*>(editor.get());
    ASSERT_NE(combo, nullptr);
    ASSERT_EQ(combo->count(), 3);
    EXPECT_EQ(combo->itemText(0), QStringLiteral("0 — off"));
    EXPECT_EQ(combo->itemText(1), QStringLiteral("1 — on, for every address"));
    delegate.setEditorData(combo, reuse);
    EXPECT_EQ(combo->currentIndex(), 2);
    combo->setCurrentIndex(0);
    delegate.setModelData(combo, &model_, reuse);
    EXPECT_EQ(document_.scenario().hosts[0].sysctls.tcp_tw_reuse, 0);
    EXPECT_EQ(document_.undoStack()->count(), 1);
    // A plain number keeps the text field.
    std::unique_ptr<QWidget> text(delegate.createEditor(
        &parent, {}, model_.index(rowOf("net.ipv4.tcp_fin_timeout"), SysctlModel::ValueColumn)));
    EXPECT_EQ(qobject_cast<QComboBox*>(text.get()), nullptr);
}

} // namespace
} // namespace tdl::ui
