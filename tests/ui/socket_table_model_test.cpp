#include "QtWarningGuard.h"
#include "SocketFilterModel.h"
#include "SocketTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

constexpr Ipv4 kClient = 0x0A000001; // 10.0.0.1
constexpr Ipv4 kServer = 0x0A000002; // 10.0.0.2

SocketRow socketRow(HostId host, TcpState state, std::uint16_t localPort,
                    std::optional<std::uint64_t> connection) {
    SocketRow row;
    row.host = host;
    row.state = state;
    const Ipv4 local = host == 0 ? kClient : kServer;
    const Ipv4 remote = host == 0 ? kServer : kClient;
    row.tuple = {{local, localPort}, {remote, static_cast<std::uint16_t>(host == 0 ? 80 : 40000)}};
    row.connection = connection;
    return row;
}

std::vector<HostInfo> hosts() {
    return {{"client", kClient}, {"server", kServer}};
}

// Three client sockets in TIME_WAIT, one orphan in FIN_WAIT_2, and the server's listener and
// an established socket; out of order, so that sorting has something to do.
std::vector<SocketRow> rows() {
    std::vector<SocketRow> out{
        socketRow(0, TcpState::TimeWait, 40002, 2),
        socketRow(1, TcpState::Listen, 80, std::nullopt),
        socketRow(0, TcpState::TimeWait, 40000, 0),
        socketRow(0, TcpState::FinWait2, 40003, 3),
        socketRow(1, TcpState::Established, 80, 4),
        socketRow(0, TcpState::TimeWait, 40001, 1),
    };
    out[1].tuple.remote = {};
    out[3].orphan = true;
    out[0].timer = SsTimer::TimeWait;
    out[0].timerLeft = 42s;
    return out;
}

// QAbstractItemModelTester checks every signal and answer of the models against the rules of
// QAbstractItemModel while the test drives them; it reports a broken rule as a Qt warning.
class SocketTableModelTest : public testing::Test {
protected:
    void TearDown() override {
        EXPECT_TRUE(warnings_.messages().isEmpty()) << warnings_.report().toStdString();
    }

    QStringList column(const QAbstractItemModel& model, int column) const {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row) {
            out << model.index(row, column).data().toString();
        }
        return out;
    }

    test::QtWarningGuard warnings_;
    SocketTableModel model_;
    SocketFilterModel filter_{&model_};
    QAbstractItemModelTester modelTester_{&model_,
                                          QAbstractItemModelTester::FailureReportingMode::Warning};
    QAbstractItemModelTester filterTester_{&filter_,
                                           QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(SocketTableModelTest, NewSocketsResetTheModel) {
    QSignalSpy reset(&model_, &QAbstractItemModel::modelReset);
    model_.setSockets(hosts(), rows());
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(model_.rowCount(), 6);
    EXPECT_EQ(model_.columnCount(), SocketTableModel::ColumnCount);
    EXPECT_EQ(filter_.rowCount(), 6);

    model_.clear();
    EXPECT_EQ(reset.count(), 2);
    EXPECT_EQ(model_.rowCount(), 0);
    EXPECT_EQ(filter_.rowCount(), 0);
}

TEST_F(SocketTableModelTest, ShowsEachSocketAsSsDoes) {
    model_.setSockets(hosts(), rows());
    EXPECT_EQ(model_.index(0, SocketTableModel::HostColumn).data().toString(), "client");
    EXPECT_EQ(model_.index(0, SocketTableModel::StateColumn).data().toString(), "TIME-WAIT");
    EXPECT_EQ(model_.index(0, SocketTableModel::LocalColumn).data().toString(), "10.0.0.1:40002");
    EXPECT_EQ(model_.index(1, SocketTableModel::PeerColumn).data().toString(), "0.0.0.0:*");
    EXPECT_EQ(model_.index(0, SocketTableModel::TimerColumn).data().toString(),
              "timer:(timewait,42sec,0)");
}

TEST_F(SocketTableModelTest, FilterWordsKeepTheRowsMatchingEveryWord) {
    model_.setSockets(hosts(), rows());
    filter_.setFilterWords(QStringLiteral("time-wait"));
    EXPECT_EQ(filter_.rowCount(), 3);
    filter_.setFilterWords(QStringLiteral("TIME_WAIT :40001"));
    ASSERT_EQ(filter_.rowCount(), 1);
    EXPECT_EQ(filter_.index(0, SocketTableModel::LocalColumn).data().toString(), "10.0.0.1:40001");
    filter_.setFilterWords(QStringLiteral("server"));
    EXPECT_EQ(filter_.rowCount(), 2);
    filter_.setFilterWords(QStringLiteral("orphan"));
    ASSERT_EQ(filter_.rowCount(), 1);
    EXPECT_EQ(filter_.index(0, SocketTableModel::StateColumn).data().toString(), "FIN-WAIT-2");
    filter_.setFilterWords(QStringLiteral("#4"));
    ASSERT_EQ(filter_.rowCount(), 1);
    EXPECT_EQ(filter_.index(0, SocketTableModel::StateColumn).data().toString(), "ESTAB");
    filter_.setFilterWords(QString());
    EXPECT_EQ(filter_.rowCount(), 6);
}

TEST_F(SocketTableModelTest, SortsByTheNumbersNotByTheText) {
    model_.setSockets(hosts(), rows());
    filter_.setFilterWords(QStringLiteral("client"));
    filter_.sort(SocketTableModel::LocalColumn, Qt::AscendingOrder);
    EXPECT_EQ(
        column(filter_, SocketTableModel::LocalColumn),
        QStringList({"10.0.0.1:40000", "10.0.0.1:40001", "10.0.0.1:40002", "10.0.0.1:40003"}));
    filter_.sort(SocketTableModel::ConnectionColumn, Qt::DescendingOrder);
    EXPECT_EQ(column(filter_, SocketTableModel::LocalColumn).first(), "10.0.0.1:40003");

    // New sockets keep the chosen order.
    std::vector<SocketRow> more = rows();
    more.push_back(socketRow(0, TcpState::TimeWait, 39999, 5));
    model_.setSockets(hosts(), more);
    EXPECT_EQ(column(filter_, SocketTableModel::LocalColumn).first(), "10.0.0.1:39999");
}

} // namespace
} // namespace tdl::ui
