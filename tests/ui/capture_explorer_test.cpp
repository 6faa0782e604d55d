// A capture of more connections than a sequence diagram shows opens in the load explorer: each
// host's sockets per state, the ss-like list at an instant, one connection opened in the diagram,
// a read that can be cancelled. And a side a capture does not show drawn as "unknown until".

#include "CaptureRun.h"
#include "Document.h"
#include "LoadCharts.h"
#include "LoadDocument.h"
#include "LoadExplorer.h"
#include "MainWindow.h"
#include "SequenceDiagramView.h"
#include "SocketTableModel.h"
#include "SocketTableView.h"
#include "TraceText.h"
#include "capture_trace.h"
#include "synthetic_capture.h"

#include <QApplication>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <functional>
#include <sys/inotify.h>
#include <unistd.h>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;

constexpr int kWaitMs = 30'000;
// From bench::writeSyntheticCapture: 16 clients, one server, each connection closed by its client.
constexpr std::uint64_t kConnections = 200;
constexpr std::size_t kHosts = 17;

class CaptureExplorerTest : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("two-hundred.pcap"));
        ASSERT_FALSE(
            bench::writeSyntheticCapture(QFile::encodeName(path_).toStdString(), kConnections, 40));
    }

    static bool waitUntilRead(const LoadExplorer& explorer) {
        return QTest::qWaitFor([&] { return !explorer.document()->isBusy(); }, kWaitMs);
    }

    QTemporaryDir dir_;
    QString path_;
};

double maxY(const QLineSeries* series) {
    double max = 0;
    for (const QPointF& p : series->points()) {
        max = std::max(max, p.y());
    }
    return max;
}

TEST_F(CaptureExplorerTest, MoreConnectionsThanADiagramShows_OpenInTheLoadExplorer) {
    MainWindow window;
    const RunPtr before = window.document()->run();
    ASSERT_TRUE(window.openFile(path_));
    LoadExplorer* explorer = window.loadExplorer();
    ASSERT_NE(explorer, nullptr);
    EXPECT_TRUE(explorer->isVisible());
    ASSERT_TRUE(waitUntilRead(*explorer));
    EXPECT_EQ(window.document()->run(), before) << "the diagram keeps what it showed";

    const OpenedCapture* capture = explorer->document()->capture();
    ASSERT_NE(capture, nullptr);
    EXPECT_EQ(capture->inference.connections().size(), kConnections);
    EXPECT_TRUE(capture->packets.empty()) << "no packet is kept for the charts";
    EXPECT_EQ(explorer->document()->scenario().hosts.size(), kHosts);

    // Each client closes first: its TIME-WAITs peak at its share of the 200 connections, and
    // stay for 60 s after the last ACK, so the series ends a minute after the capture.
    const LoadSeries& series = explorer->document()->series(0);
    ASSERT_FALSE(series.times.empty());
    EXPECT_GE(series.end, SimTime(60s));
    EXPECT_LT(series.end, SimTime(61s));
    const QString client = QString::fromStdString(explorer->document()->scenario().hosts[0].name);
    const QLineSeries* timeWait =
        explorer->charts()->line(0, client + QStringLiteral("/time_wait"));
    ASSERT_NE(timeWait, nullptr);
    EXPECT_TRUE(timeWait->isVisible());
    EXPECT_EQ(maxY(timeWait), static_cast<double>(kConnections / 16 + 1)); // 13 for 10.1.0.0
    // The server never reaches TIME-WAIT; the capture shows no free ports at all.
    const QString server = QString::fromStdString(explorer->document()->scenario().hosts[1].name);
    const QLineSeries* serverTimeWait =
        explorer->charts()->line(0, server + QStringLiteral("/time_wait"));
    ASSERT_NE(serverTimeWait, nullptr);
    EXPECT_FALSE(serverTimeWait->isVisible());
    EXPECT_EQ(explorer->charts()->line(0, client + QStringLiteral("/free_ports")), nullptr);
    const QString header = explorer->findChild<QLabel*>(QStringLiteral("loadHeader"))->text();
    EXPECT_TRUE(header.contains(QLocale().toString(2000) + QStringLiteral(" TCP packets")))
        << header.toStdString();
    EXPECT_TRUE(header.contains(QStringLiteral("200 connections"))) << header.toStdString();
}

// How many times `path` is opened while `work` runs, as inotify reports it (IN_OPEN).
int opensDuring(const QString& path, const std::function<void()>& work) {
    const int watcher = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    EXPECT_GE(watcher, 0);
    EXPECT_GE(inotify_add_watch(watcher, QFile::encodeName(path).constData(), IN_OPEN), 0);
    work();
    int opens = 0;
    alignas(inotify_event) std::array<char, 4096> events{};
    ssize_t size = 0;
    while ((size = ::read(watcher, events.data(), events.size())) > 0) {
        for (ssize_t at = 0; at < size;) {
            const auto* event = reinterpret_cast<const inotify_event*>(events.data() + at);
            opens += (event->mask & IN_OPEN) != 0 ? 1 : 0;
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    ::close(watcher);
    return opens;
}

TEST_F(CaptureExplorerTest, ACaptureTheDiagramShows_IsReadOnce) {
    const QString path = dir_.filePath(QStringLiteral("fifty.pcap"));
    ASSERT_FALSE(bench::writeSyntheticCapture(QFile::encodeName(path).toStdString(),
                                              kCaptureDiagramConnections, 40));
    MainWindow window;
    bool opened = false;
    EXPECT_EQ(opensDuring(path, [&] { opened = window.openFile(path); }), 1)
        << "routing it to the diagram and opening it are one read";
    ASSERT_TRUE(opened);
    EXPECT_EQ(window.loadExplorer(), nullptr);
    ASSERT_TRUE(window.document()->run());
    const Trace& trace = window.document()->run()->trace();
    EXPECT_EQ(trace.sockets.size(), 2 * kCaptureDiagramConnections);
    EXPECT_EQ(trace.segments.size(), 10 * kCaptureDiagramConnections) << "every packet kept";
}

TEST_F(CaptureExplorerTest, TheSocketListAtAnInstant_HasEverySideAliveThen) {
    LoadExplorer explorer(nullptr);
    explorer.openCapture(path_);
    ASSERT_TRUE(waitUntilRead(explorer));

    // Half a minute in, every connection is over: each client holds its TIME-WAITs, with about
    // half a minute left; the server holds nothing.
    explorer.showSocketsAt(SimTime(30s));
    ASSERT_TRUE(waitUntilRead(explorer));
    const SocketTableModel* model = explorer.sockets()->model();
    ASSERT_EQ(model->rowCount(), static_cast<int>(kConnections));
    for (int r = 0; r < model->rowCount(); ++r) {
        const SocketRow& row = model->socket(r);
        EXPECT_EQ(row.state, TcpState::TimeWait) << r;
        EXPECT_EQ(row.tuple.remote.port, 80) << r;
        EXPECT_GT(row.timerLeft, 29s) << r;
        EXPECT_LT(row.timerLeft, 31s) << r;
    }

    // At the capture's first instant only the first connection has begun: its client's socket.
    explorer.showSocketsAt(SimTime{});
    ASSERT_TRUE(waitUntilRead(explorer));
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->socket(0).state, TcpState::SynSent);
    EXPECT_EQ(model->socket(0).connection, 0U);
}

TEST_F(CaptureExplorerTest, OpenInTheDiagram_ShowsThatConnectionReadOnly) {
    MainWindow window;
    ASSERT_TRUE(window.openFile(path_));
    LoadExplorer* explorer = window.loadExplorer();
    ASSERT_TRUE(waitUntilRead(*explorer));
    const CaptureConnection wanted = explorer->document()->capture()->inference.connections()[137];

    QSignalSpy opened(explorer, &LoadExplorer::captureConnectionOpened);
    explorer->openConnection(137);
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() == 1; }, kWaitMs));
    EXPECT_EQ(opened.at(0).at(1).value<std::uint64_t>(), 137U);
    const RunPtr& run = window.document()->run();
    ASSERT_TRUE(run);
    EXPECT_EQ(window.diagram()->layout().run(), run);
    const Trace& trace = run->trace();
    ASSERT_EQ(trace.sockets.size(), 2U);
    EXPECT_EQ(trace.sockets[0].tuple.local, wanted.ends[0]);
    EXPECT_EQ(trace.sockets[0].tuple.remote, wanted.ends[1]);
    EXPECT_EQ(trace.segments.size(), 10U) << "the connection's ten packets";
    EXPECT_EQ(window.document()->capturePath(), path_);
    EXPECT_FALSE(window.findChild<QAction*>(QStringLiteral("save"))->isEnabled());
}

TEST_F(CaptureExplorerTest, Cancel_StopsTheReadAndKeepsNothing) {
    LoadExplorer explorer(nullptr);
    QSignalSpy cancelled(explorer.document(), &LoadDocument::captureReadCancelled);
    QSignalSpy read(explorer.document(), &LoadDocument::captureRead);
    explorer.openCapture(path_);
    EXPECT_TRUE(explorer.document()->isReading());
    explorer.cancel();
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(explorer.document()->isBusy());
    ASSERT_TRUE(QTest::qWaitFor([&] { return explorer.document()->workers() == 0; }, kWaitMs));
    QCoreApplication::processEvents();
    EXPECT_EQ(read.count(), 0) << "a cancelled read delivers nothing";
    EXPECT_EQ(explorer.document()->capture(), nullptr);
    EXPECT_TRUE(explorer.document()->series(0).times.empty());
    EXPECT_TRUE(explorer.document()->scenario().hosts.empty());
    EXPECT_FALSE(explorer.document()->isShown(0));

    // Run reads it again, whole.
    explorer.run();
    ASSERT_TRUE(waitUntilRead(explorer));
    ASSERT_NE(explorer.document()->capture(), nullptr);
    EXPECT_EQ(explorer.document()->capture()->inference.connections().size(), kConnections);
}

TEST(CaptureReader, AProgressThatSaysStop_EndsTheReadEarly) {
    const QTemporaryDir dir;
    const std::string path =
        QFile::encodeName(dir.filePath(QStringLiteral("big.pcap"))).toStdString();
    // 10,000 connections, 100,000 packets: the progress is asked every 65,536.
    ASSERT_FALSE(bench::writeSyntheticCapture(path, 10'000, 0));
    std::uint64_t handed = 0;
    int asked = 0;
    const CaptureSummary summary = readCapture(
        path, [&](const CapturedPacket&) { ++handed; },
        [&](std::uint64_t read, std::uint64_t size) {
            ++asked;
            EXPECT_LT(read, size);
            return false;
        });
    EXPECT_TRUE(summary.cancelled);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(handed, 65'536U);
    EXPECT_EQ(summary.tcpPackets, 65'536U);
}

// A side the capture shows only from the middle of its connection.
Trace midConnectionTrace() {
    Trace trace;
    trace.hosts = {HostInfo{"client", 0x0A000001}, HostInfo{"server", 0x0A000002}};
    for (SocketId id = 1; id <= 2; ++id) {
        SocketInfo socket;
        socket.id = id;
        socket.host = id - 1;
        socket.name = id == 1 ? ":40000" : ":80";
        trace.sockets.push_back(socket);
    }
    for (SocketId id = 1; id <= 2; ++id) {
        Fact fact;
        fact.at = SimTime(200ms);
        fact.kind = FactKind::StateChanged;
        fact.socket = id;
        fact.host = id - 1;
        fact.from = TcpState::Closed;
        fact.to = TcpState::Established;
        fact.reason = Reason(Cause::InferredMidConnection);
        trace.facts.push_back(fact);
    }
    trace.end = SimTime(400ms);
    return trace;
}

TEST(UnknownState, ASideFirstSeenMidConnection_IsUnknownUntilThen) {
    const RunPtr run = std::make_shared<const ui::Run>(midConnectionTrace());
    const auto spans = run->index().stateSpans(1);
    ASSERT_EQ(spans.size(), 2U);
    EXPECT_TRUE(spans[0].unknown);
    EXPECT_EQ(spans[0].from, SimTime{});
    EXPECT_EQ(spans[0].to, SimTime(200ms));
    EXPECT_FALSE(spans[1].unknown);
    EXPECT_EQ(spans[1].state, TcpState::Established);

    SequenceDiagramView view;
    view.resize(800, 600);
    view.setRun(run);
    view.setTime(SimTime(300ms));
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const DiagramLayout& layout = view.layout();
    const QPointF inBand(layout.laneX(1), (layout.y(SimTime{}) + layout.y(SimTime(200ms))) / 2);
    const DiagramLayout::Hit hit = layout.hitTest(inBand, SimTime(300ms), false);
    ASSERT_EQ(hit.kind, DiagramLayout::Hit::Kind::State);
    EXPECT_TRUE(run->index().stateSpans()[hit.index].unknown);
    const auto label = std::find_if(layout.labels().begin(), layout.labels().end(),
                                    [](const DiagramLayout::Label& l) {
                                        return l.text == TraceText::unknownState(SimTime(200ms));
                                    });
    EXPECT_NE(label, layout.labels().end()) << "the band is labelled";

    const QPoint onScreen =
        (inBand - QPointF(view.horizontalScrollBar()->value(), view.verticalScrollBar()->value()))
            .toPoint();
    QHelpEvent help(QEvent::ToolTip, onScreen, view.viewport()->mapToGlobal(onScreen));
    QApplication::sendEvent(view.viewport(), &help);
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains(TraceText::unknownState(SimTime(200ms)))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(TraceText::unknownStateWhy())) << tip.toStdString();
    QToolTip::hideText();

    // Painted: grey and hatched, where the lane is otherwise blank.
    const QImage image = view.viewport()->grab().toImage();
    const QColor background = image.pixelColor(onScreen + QPoint(60, 0));
    int painted = 0;
    for (int dy = -10; dy <= 10; ++dy) {
        for (int dx = -3; dx <= 3; ++dx) {
            painted += image.pixelColor(onScreen + QPoint(dx, dy)) != background ? 1 : 0;
        }
    }
    EXPECT_GT(painted, 100);
}

} // namespace
} // namespace tdl::ui
