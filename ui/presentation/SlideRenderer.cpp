#include "SlideRenderer.h"

#include "DiagramColors.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

namespace tdl::ui {

namespace {

class SlideText {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::SlideText)
};

// Where the view would be scrolled to with its cursor at `at`: SequenceDiagramView keeps the
// cursor a third of the way down once it would leave the lower part of the view.
double scrollFor(const DiagramLayout& layout, SimTime at, double height) {
    const double y = layout.y(at);
    const double most = std::max(0.0, layout.size().height() - height);
    if (y <= height * 0.85) {
        return 0;
    }
    return std::clamp(y - layout.headerHeight() - height * 0.3, 0.0, most);
}

} // namespace

void paintSlide(QPainter& painter, const Slide& slide) {
    const DiagramLayout layout(slide.run,
                               DiagramLayout::scaledFont(QGuiApplication::font(), slide.scale),
                               slide.size.width(), 1.0);
    const DiagramColors colors = DiagramColors::presentation(slide.dark);
    DiagramFrame frame;
    frame.time = slide.at;
    frame.seqMode = slide.seqMode;
    frame.showCursor = slide.cursor;
    const QRectF page(QPointF(), QSizeF(slide.size));
    painter.fillRect(page, colors.background());
    const double top = scrollFor(layout, slide.at, slide.size.height());
    painter.save();
    painter.setClipRect(page);
    painter.translate(0, -top);
    DiagramPainter(layout, colors, frame).paint(painter, page.translated(0, top), top);
    painter.restore();
}

std::optional<QString> writeSlide(const Slide& slide, const QString& path) {
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return SlideText::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    if (svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(slide.size);
        generator.setViewBox(QRect(QPoint(), slide.size));
        generator.setTitle(SlideText::tr("Teardown Lab sequence diagram at %1")
                               .arg(TraceText::duration(slide.at)));
        QPainter painter(&generator);
        paintSlide(painter, slide);
    } else {
        QImage image(slide.size, QImage::Format_RGB32);
        {
            QPainter painter(&image);
            paintSlide(painter, slide);
        }
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return SlideText::tr("Cannot write %1: the PNG encoder failed").arg(path);
        }
    }
    if (!file.commit()) {
        return SlideText::tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}

} // namespace tdl::ui
