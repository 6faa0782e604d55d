#include "LoadCharts.h"

#include "DiagramColors.h"
#include "LoadChartView.h"
#include "LoadDocument.h"

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace tdl::ui {

namespace {

constexpr int kColumns = 2;
constexpr auto kRunSlots = static_cast<std::size_t>(LoadCharts::kRuns);

// The states a load run moves its connections through. CLOSED is never counted and LISTEN is a
// constant 1 per server port: both would only crowd the legend.
constexpr std::array kChartedStates = {
    TcpState::SynSent,  TcpState::SynReceived, TcpState::Established,
    TcpState::FinWait1, TcpState::FinWait2,    TcpState::CloseWait,
    TcpState::Closing,  TcpState::LastAck,     TcpState::TimeWait,
};

// The smallest "round" number at or above v: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of
// ten, so that an axis grows in few, readable steps while a run adds samples.
double niceCeil(double v) {
    if (v <= 0) {
        return 1;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (const double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (m * magnitude >= v * (1 - 1e-9)) {
            return m * magnitude;
        }
    }
    return 10 * magnitude;
}

// A whole tick interval of 1, 2, 2.5 or 5 times a power of ten giving at most `ticks`
// intervals: everything charted counts sockets, ports, seconds or events, so the labels are
// whole numbers.
double niceStep(double range, int ticks) {
    const double raw = std::max(1.0, range / ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m == 2.5 && magnitude < 10) {
            continue; // 2.5 would be a fraction
        }
        if (m * magnitude >= raw * (1 - 1e-9)) {
            return m * magnitude;
        }
    }
    return 10 * magnitude;
}

// The smallest y range: a line that stays at 1 or 2 is still drawn against whole numbers.
constexpr double kMinTop = 5;

double seconds(SimTime t) {
    return static_cast<double>(t.count()) / 1e6;
}

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

LoadCharts::LoadCharts(const LoadDocument* document, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , grid_(new QGridLayout(this)) {
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(2);
    connect(document_, &LoadDocument::opened, this, &LoadCharts::rebuild);
    connect(document_, &LoadDocument::comparisonChanged, this, &LoadCharts::showRuns);
    connect(document_, &LoadDocument::runCleared, this, &LoadCharts::clearRun);
    connect(document_, &LoadDocument::samplesAppended, this, &LoadCharts::drawSamples);
    connect(document_, &LoadDocument::runFinished, this, &LoadCharts::updateAxes);
    connect(document_, &LoadDocument::runsCancelled, this, &LoadCharts::updateAxes);
    rebuild();
}

void LoadCharts::clearCharts() {
    for (Chart& chart : charts_) {
        delete chart.view; // owns its chart, which owns its series and axes
    }
    charts_.clear();
    lines_.clear();
}

void LoadCharts::rebuild() {
    clearCharts();
    const Scenario& scenario = document_->scenario();
    const int client = scenario.load ? scenario.hostIndex(scenario.load->client) : -1;
    client_ = static_cast<HostId>(std::max(client, 0));
    for (std::size_t h = 0; h < scenario.hosts.size(); ++h) {
        const auto host = static_cast<HostId>(h);
        const QString name = QString::fromStdString(scenario.hosts[h].name);
        addChart(Chart::Role::Sockets, host);
        // First, so that it is drawn underneath: a wide, faint band that the state it
        // coincides with (often FIN-WAIT-1 or LAST-ACK) shows through.
        addLine(charts_.size() - 1, name + QStringLiteral("/orphans"), host, Kind::Orphans);
        for (const TcpState state : kChartedStates) {
            addLine(charts_.size() - 1, name + QLatin1Char('/') + text(stateKey(state)), host,
                    Kind::State, state);
        }
    }
    const QString clientName =
        scenario.hosts.empty() ? QString() : QString::fromStdString(scenario.hosts[client_].name);
    // A capture does not show a host's free ports: no chart claims to.
    if (!document_->isCapture()) {
        addChart(Chart::Role::Ports, client_);
        addLine(charts_.size() - 1, clientName + QStringLiteral("/free_ports"), client_,
                Kind::FreePorts);
        lines_.back().alwaysShown = true;
    }
    addChart(Chart::Role::Events, client_);
    addLine(charts_.size() - 1, clientName + QStringLiteral("/connect_failures"), client_,
            Kind::ConnectFailures);
    for (std::size_t h = 0; h < scenario.hosts.size(); ++h) {
        const QString name = QString::fromStdString(scenario.hosts[h].name);
        addLine(charts_.size() - 1, name + QStringLiteral("/tw_overflows"), static_cast<HostId>(h),
                Kind::Overflows);
        addLine(charts_.size() - 1, name + QStringLiteral("/resets"), static_cast<HostId>(h),
                Kind::Resets);
    }
    applyTheme();
    retranslate();
    updateVisibility();
    updateAxes();
}

void LoadCharts::addChart(Chart::Role role, HostId host) {
    Chart c;
    c.role = role;
    c.host = host;
    c.chart = new QChart;
    c.chart->setMargins(QMargins(4, 4, 4, 4));
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.x = new QValueAxis(c.chart);
    c.y = new QValueAxis(c.chart);
    for (QValueAxis* axis : {c.x, c.y}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(1);
        axis->setRange(0, 1);
        axis->setLabelFormat(QStringLiteral("%.0f"));
    }
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    c.view = new LoadChartView(c.chart, this);
    c.view->setObjectName(QStringLiteral("loadChart%1").arg(charts_.size()));
    c.view->setMinimumSize(320, minimumChartHeight());
    c.view->setCursorTime(cursor_);
    connect(c.view, &LoadChartView::timeClicked, this, &LoadCharts::timeClicked);
    const std::size_t index = charts_.size();
    connect(c.chart, &QChart::plotAreaChanged, this, [this, index] { rethin(index); });
    connect(c.x, &QValueAxis::rangeChanged, this, [this, index] { rethin(index); });
    grid_->addWidget(c.view, static_cast<int>(index) / kColumns,
                     static_cast<int>(index) % kColumns);
    charts_.push_back(c);
}

int LoadCharts::minimumChartHeight() const {
    // Below this, Qt Charts squeezes the axes and elides their titles to "…" (the y axis title
    // first, which runs along the plot's height): the chart's title, its legend (up to two rows)
    // and the x axis take about nine lines of text, and the plot needs about seven more for the y
    // axis title, "per second" or "sockets", and its ticks.
    constexpr int kLines = 16;
    return kLines * fontMetrics().height();
}

void LoadCharts::addLine(std::size_t chart, const QString& key, HostId host, Kind kind,
                         TcpState state) {
    Line line;
    line.key = key;
    line.chart = chart;
    line.host = host;
    line.kind = kind;
    line.state = state;
    const Chart& c = charts_[chart];
    for (int run = 0; run < kRuns; ++run) {
        auto* series = new QLineSeries;
        series->setObjectName(QStringLiteral("%1/%2").arg(run == 0 ? 'A' : 'B').arg(key));
        c.chart->addSeries(series);
        series->attachAxis(c.x);
        series->attachAxis(c.y);
        line.series[static_cast<std::size_t>(run)] = series;
    }
    lines_.push_back(std::move(line));
}

void LoadCharts::clearRun(int run) {
    const auto i = static_cast<std::size_t>(run);
    for (Line& line : lines_) {
        line.points[i].clear();
        line.drawn[i].reset(charts_[line.chart].bucket);
        line.max[i] = 0;
        line.series[i]->clear();
    }
    updateVisibility();
    updateAxes();
}

void LoadCharts::showRuns() {
    updateVisibility();
    updateAxes();
}

double LoadCharts::value(const Line& line, const LoadSeries& data, std::size_t sample) const {
    const std::vector<HostCounters>& hosts = data.samples[sample];
    if (line.host >= hosts.size()) {
        return 0;
    }
    const HostCounters& c = hosts[line.host];
    // Counters since the start of the run: the change since the previous sample, per second.
    const auto rate = [&](std::uint64_t HostCounters::*counter) {
        const SimTime before = sample > 0 ? data.times[sample - 1] : SimTime{};
        const std::uint64_t previous = sample > 0 && line.host < data.samples[sample - 1].size()
                                           ? data.samples[sample - 1][line.host].*counter
                                           : 0;
        const double dt = seconds(data.times[sample] - before);
        return dt > 0 ? static_cast<double>(c.*counter - previous) / dt : 0.0;
    };
    switch (line.kind) {
    case Kind::State:
        return static_cast<double>(c.sockets[static_cast<std::size_t>(line.state)]);
    case Kind::Orphans:
        return static_cast<double>(c.orphans);
    case Kind::FreePorts:
        return static_cast<double>(c.freePorts);
    case Kind::ConnectFailures:
        return rate(&HostCounters::connectFailures);
    case Kind::Overflows:
        return rate(&HostCounters::timeWaitOverflows);
    case Kind::Resets:
        return rate(&HostCounters::resetsSent);
    }
    return 0;
}

void LoadCharts::drawSamples(int run, std::size_t first) {
    const auto i = static_cast<std::size_t>(run);
    const LoadSeries& data = document_->series(run);
    for (Line& line : lines_) {
        QList<QPointF>& points = line.points[i];
        points.reserve(static_cast<qsizetype>(data.times.size()));
        for (std::size_t s = first; s < data.times.size(); ++s) {
            const double y = value(line, data, s);
            points.append(QPointF(seconds(data.times[s]), y));
            line.max[i] = std::max(line.max[i], y);
        }
    }
    updateVisibility();
    updateAxes(); // a wider x range thins every line again
    for (Line& line : lines_) {
        draw(line, i);
    }
}

void LoadCharts::Thinned::reset(double bucketWidth) {
    bucket = bucketWidth;
    points.clear();
    openFrom = 0;
    openAt = 0;
}

void LoadCharts::Thinned::update(const QList<QPointF>& all) {
    if (bucket <= 0) {
        points = all; // shared, not copied
        return;
    }
    points.resize(openAt);
    const qsizetype n = all.size();
    const auto column = [&](qsizetype i) { return std::floor(all[i].x() / bucket); };
    for (qsizetype from = openFrom; from < n;) {
        const double col = column(from);
        qsizetype low = from;
        qsizetype high = from;
        qsizetype to = from + 1;
        for (; to < n && column(to) == col; ++to) {
            if (all[to].y() < all[low].y()) {
                low = to;
            }
            if (all[to].y() > all[high].y()) {
                high = to;
            }
        }
        openFrom = from;
        openAt = points.size();
        // The bucket's lowest and highest, and the run's first or last sample if it is here.
        std::array<qsizetype, 4> kept = {from == 0 ? from : low, low, high,
                                         to == n ? to - 1 : high};
        std::sort(kept.begin(), kept.end());
        for (std::size_t k = 0; k < kept.size(); ++k) {
            if (k == 0 || kept[k] != kept[k - 1]) {
                points.append(all[kept[k]]);
            }
        }
        from = to;
    }
}

void LoadCharts::draw(Line& line, std::size_t run) {
    Thinned& drawn = line.drawn[run];
    drawn.update(line.points[run]);
    // One signal for the whole series: QXYSeries::append() would emit one per point.
    line.series[run]->replace(drawn.points);
}

void LoadCharts::rethin(std::size_t chart) {
    Chart& c = charts_[chart];
    if (!c.view->isVisible()) {
        return; // not laid out yet, or not painted: thinned again once shown
    }
    const double pixels = c.chart->plotArea().width();
    const double bucket = pixels >= 1 ? (c.x->max() - c.x->min()) / pixels : 0;
    if (bucket == c.bucket) {
        return;
    }
    c.bucket = bucket;
    for (Line& line : lines_) {
        if (line.chart != chart) {
            continue;
        }
        for (std::size_t run = 0; run < kRunSlots; ++run) {
            line.drawn[run].reset(bucket);
            draw(line, run);
        }
    }
}

void LoadCharts::setCursorTime(std::optional<SimTime> time) {
    cursor_ = time;
    for (const Chart& chart : charts_) {
        chart.view->setCursorTime(time);
    }
}

QLineSeries* LoadCharts::line(int run, const QString& key) const {
    for (const Line& line : lines_) {
        if (line.key == key) {
            return line.series[static_cast<std::size_t>(run)];
        }
    }
    return nullptr;
}

void LoadCharts::updateVisibility() {
    for (const Line& line : lines_) {
        bool nonZero = line.alwaysShown;
        for (std::size_t r = 0; r < kRunSlots; ++r) {
            nonZero = nonZero || (document_->isShown(static_cast<int>(r)) && line.max[r] > 0);
        }
        for (std::size_t r = 0; r < kRunSlots; ++r) {
            QLineSeries* series = line.series[r];
            const bool visible = nonZero && document_->isShown(static_cast<int>(r));
            if (series->isVisible() != visible) {
                series->setVisible(visible);
            }
            // One legend entry per quantity: B's lines differ only by their dashes.
            const bool marked = visible && r == 0;
            for (QLegendMarker* marker : charts_[line.chart].chart->legend()->markers(series)) {
                if (marker->isVisible() != marked) {
                    marker->setVisible(marked);
                }
            }
        }
    }
}

void LoadCharts::updateAxes() {
    SimTime right{};
    for (int run = 0; run < kRuns; ++run) {
        if (!document_->isShown(run)) {
            continue;
        }
        if (!document_->isFinished(run)) {
            right = std::max(right, document_->expectedEnd(run));
        }
        const std::vector<SimTime>& times = document_->series(run).times;
        if (!times.empty()) {
            right = std::max(right, times.back());
        }
    }
    const double xMax = niceCeil(std::max(1.0, seconds(right)));
    std::vector<double> yMax(charts_.size(), 0.0);
    for (const Line& line : lines_) {
        for (std::size_t r = 0; r < kRunSlots; ++r) {
            if (document_->isShown(static_cast<int>(r))) {
                yMax[line.chart] = std::max(yMax[line.chart], line.max[r]);
            }
        }
    }
    for (std::size_t c = 0; c < charts_.size(); ++c) {
        const Chart& chart = charts_[c];
        // The interval first: a wide range with the old, narrow interval would mean thousands
        // of tick items for a moment.
        if (chart.x->max() != xMax) {
            chart.x->setTickInterval(niceStep(xMax, 8));
            chart.x->setRange(0, xMax);
        }
        const double top = std::max(kMinTop, niceCeil(yMax[c] * 1.05));
        if (chart.y->max() != top) {
            chart.y->setTickInterval(niceStep(top, 5));
            chart.y->setRange(0, top);
        }
    }
}

QColor LoadCharts::color(const Line& line) const {
    const DiagramColors colors(palette());
    // A second host's line of the same quantity in a shade of the same colour.
    const auto shade = [&](QColor c) {
        if (line.host == client_) {
            return c;
        }
        return colors.dark() ? c.lighter(140) : c.darker(140);
    };
    switch (line.kind) {
    case Kind::State:
        return colors.stateInk(line.state);
    case Kind::Orphans:
        return colors.text();
    case Kind::FreePorts:
        return colors.hostColor(line.host);
    case Kind::ConnectFailures:
        return colors.loss();
    case Kind::Overflows:
        return shade(colors.stateInk(TcpState::TimeWait));
    case Kind::Resets:
        return shade(colors.stateInk(TcpState::LastAck));
    }
    return colors.text();
}

QString LoadCharts::lineName(const Line& line) const {
    const QString host = line.host < document_->scenario().hosts.size()
                             ? QString::fromStdString(document_->scenario().hosts[line.host].name)
                             : QString();
    switch (line.kind) {
    case Kind::State:
        return text(stateName(line.state));
    case Kind::Orphans:
        return tr("orphans (any state)");
    case Kind::FreePorts:
        return tr("free ports");
    case Kind::ConnectFailures:
        return tr("%1: connect() failures (EADDRNOTAVAIL)").arg(host);
    case Kind::Overflows:
        return tr("%1: TIME_WAIT overflows").arg(host);
    case Kind::Resets:
        return tr("%1: RSTs sent").arg(host);
    }
    return QString();
}

void LoadCharts::retranslate() {
    for (const Chart& c : charts_) {
        const QString host = c.host < document_->scenario().hosts.size()
                                 ? QString::fromStdString(document_->scenario().hosts[c.host].name)
                                 : QString();
        switch (c.role) {
        case Chart::Role::Sockets: {
            const QString address =
                QString::fromStdString(formatIpv4(document_->scenario().hosts[c.host].address));
            // A capture's hosts are named by their address: once is enough.
            c.chart->setTitle(host == address
                                  ? tr("Sockets on %1, by state").arg(host)
                                  : tr("Sockets on %1 (%2), by state").arg(host, address));
            c.y->setTitleText(tr("sockets"));
            break;
        }
        case Chart::Role::Ports:
            c.chart->setTitle(tr("Free ephemeral ports on %1").arg(host));
            c.y->setTitleText(tr("ports"));
            break;
        case Chart::Role::Events:
            c.chart->setTitle(tr("Events per second"));
            c.y->setTitleText(tr("per second"));
            break;
        }
        c.x->setTitleText(document_->isCapture() ? tr("time since the capture's first packet (s)")
                                                 : tr("simulated time (s)"));
    }
    for (const Line& line : lines_) {
        const QString name = lineName(line);
        line.series[0]->setName(name);
        line.series[1]->setName(tr("%1 (B)").arg(name));
    }
}

void LoadCharts::applyTheme() {
    const DiagramColors colors(palette());
    const QColor grid = colors.dark() ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    for (const Chart& c : charts_) {
        // The theme sets fonts and defaults; the colours then follow the application's palette.
        c.chart->setTheme(colors.dark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c.chart->setBackgroundBrush(colors.background());
        c.chart->setBackgroundRoundness(0);
        c.chart->setTitleBrush(colors.text());
        QFont title = font();
        title.setBold(true);
        c.chart->setTitleFont(title);
        c.chart->legend()->setLabelColor(colors.text());
        c.chart->legend()->setFont(font());
        for (QValueAxis* axis : {c.x, c.y}) {
            axis->setLabelsColor(colors.text());
            axis->setTitleBrush(colors.muted());
            axis->setGridLineColor(grid);
            axis->setLinePenColor(colors.muted());
            axis->setLabelsFont(font());
        }
        c.view->setCursorColor(colors.cursor());
        c.view->setBackgroundBrush(colors.background());
    }
    for (const Line& line : lines_) {
        for (std::size_t r = 0; r < line.series.size(); ++r) {
            QColor ink = color(line);
            if (line.kind == Kind::Orphans) {
                ink.setAlpha(110);
            }
            QPen pen(ink, line.kind == Kind::Orphans ? 6.0 : 2.0);
            pen.setStyle(r == 0 ? Qt::SolidLine : Qt::DashLine);
            line.series[r]->setPen(pen);
        }
    }
}

void LoadCharts::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    for (std::size_t c = 0; c < charts_.size(); ++c) {
        rethin(c);
    }
}

void LoadCharts::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyTheme();
    }
}

} // namespace tdl::ui
