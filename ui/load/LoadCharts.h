#pragma once

#include "LoadDocument.h"
#include "load_run.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QChart;
class QGridLayout;
class QLineSeries;
class QValueAxis;

namespace tdl::ui {

class LoadChartView;

// The charts of a load document's runs over simulated time: sockets per state on each host (with
// orphans), free ephemeral ports on the client, and what happens per second (connect() failures,
// TIME_WAIT overflows, RSTs sent). Run A draws solid lines, run B (while compared) dashed lines
// of the same colours. A line appears once it is non-zero in either run. The charts own no data:
// they draw the document's series as its signals say they grow; the x axis makes room for a
// running run's expected end at once, so that it does not rescale with every batch.
class LoadCharts : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRuns = LoadDocument::kRuns;

    explicit LoadCharts(const LoadDocument* document, QWidget* parent = nullptr);

    // The instant the socket table shows, drawn as a cursor on every chart.
    void setCursorTime(std::optional<SimTime> time);

    // For tests and benchmarks: a line by key, "client/time_wait", "server/orphans",
    // "client/free_ports", "client/connect_failures", "server/tw_overflows", "server/resets".
    QLineSeries* line(int run, const QString& key) const;

signals:
    void timeClicked(tdl::SimTime time);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum class Kind : std::uint8_t {
        State,
        Orphans,
        FreePorts,
        ConnectFailures,
        Overflows,
        Resets
    };
    // A line's points as drawn. A long run has more samples than the plot has pixels across: of
    // the samples in each bucket of the x axis one pixel wide (counted from 0 s, where the axis
    // starts), only the lowest and the highest are drawn, in time order, and the run's first and
    // last, so that every peak stays exact. New samples only redo the last bucket.
    struct Thinned {
        double bucket = 0; // seconds per pixel; 0 draws every sample
        QList<QPointF> points;
        qsizetype openFrom = 0; // the first sample of the last bucket, which can still grow
        qsizetype openAt = 0;   // where that bucket's points start in `points`

        void reset(double bucketWidth);
        // `all` has the samples it had at the last update, and maybe more after them.
        void update(const QList<QPointF>& all);
    };
    struct Line {
        QString key;
        std::size_t chart = 0;
        HostId host = 0;
        Kind kind = Kind::State;
        TcpState state = TcpState::Closed;
        bool alwaysShown = false;
        std::array<QLineSeries*, kRuns> series{};
        std::array<QList<QPointF>, kRuns> points; // every sample
        std::array<Thinned, kRuns> drawn;
        std::array<double, kRuns> max{};
    };
    struct Chart {
        QChart* chart = nullptr;
        LoadChartView* view = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
        HostId host = 0;
        enum class Role : std::uint8_t { Sockets, Ports, Events } role = Role::Sockets;
        double bucket = 0; // the width of a pixel of the plot area in seconds; 0 until shown
    };
    // The charts of the document's scenario A (its hosts, its client), empty.
    void rebuild();
    void clearRun(int run);
    void showRuns();
    // Samples [first, end) of a run's series are new.
    void drawSamples(int run, std::size_t first);
    void clearCharts();
    void addChart(Chart::Role role, HostId host);
    // The height a chart needs for its axis titles and labels to be drawn whole.
    int minimumChartHeight() const;
    void addLine(std::size_t chart, const QString& key, HostId host, Kind kind,
                 TcpState state = TcpState::Closed);
    double value(const Line& line, const LoadSeries& data, std::size_t sample) const;
    QColor color(const Line& line) const;
    QString lineName(const Line& line) const;
    void retranslate();
    void applyTheme();
    void updateVisibility();
    void updateAxes();
    // Thins a chart's lines again when its pixels cover another stretch of time (a resize, a new
    // x range).
    void rethin(std::size_t chart);
    void draw(Line& line, std::size_t run);

    const LoadDocument* document_;
    HostId client_ = 0;
    std::vector<Chart> charts_;
    std::vector<Line> lines_;
    QGridLayout* grid_;
    std::optional<SimTime> cursor_;
};

} // namespace tdl::ui
