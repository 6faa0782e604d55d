#pragma once

#include <QString>
#include <QWidget>

namespace tdl::ui {

// The key to an overlay of two load runs: a solid line sample for run A, a dashed one for run B,
// each with what differs between the two ("A: tcp_tw_reuse=0"). Only A's entry shows while
// nothing is compared.
class LoadLegend : public QWidget {
    Q_OBJECT

public:
    explicit LoadLegend(QWidget* parent = nullptr);

    void setTexts(const QString& a, const QString& b);
    const QString& textA() const { return a_; }
    const QString& textB() const { return b_; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString a_;
    QString b_;
};

} // namespace tdl::ui
