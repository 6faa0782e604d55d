#pragma once

#include "sim_time.h"

#include <QChartView>

#include <optional>

namespace tdl::ui {

// A chart of a load run over simulated time (the x axis in seconds). A click in the plot area
// asks for that instant; the instant shown in the socket table is drawn as a vertical cursor.
class LoadChartView : public QChartView {
    Q_OBJECT

public:
    explicit LoadChartView(QChart* chart, QWidget* parent = nullptr);

    void setCursorTime(std::optional<SimTime> time);
    void setCursorColor(const QColor& color);

signals:
    void timeClicked(tdl::SimTime time);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    std::optional<SimTime> cursor_;
    QColor cursorColor_;
};

} // namespace tdl::ui
