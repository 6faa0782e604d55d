#include "HandoutPdf.h"

#include "CauseCatalog.h"
#include "DiagramColors.h"
#include "DiagramFrame.h"
#include "DiagramLayout.h"
#include "DiagramPainter.h"
#include "PresetCatalog.h"
#include "version.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <memory>
#include <vector>

namespace tdl::ui {

namespace {

// Everything is laid out in the diagram's own unit, a screen pixel (1/96 inch), so that the
// diagram has the proportions it has in the window; the painter scales to the PDF's resolution.
constexpr double kUnitsPerInch = 96.0;
constexpr double kMarginMm = 15.0;
constexpr int kTextPixels = 12;
constexpr int kDiagramPixels = 11;
constexpr int kFooterPixels = 9;
constexpr double kGap = 14.0;
// A diagram does not start on a page with room for fewer rows than this.
constexpr double kFewestRowsOnAPage = 4;

QString versionText() {
    return QString::fromLatin1(kVersion.data(), static_cast<qsizetype>(kVersion.size()));
}

// Paper is white whatever the window's theme: the colours the diagram takes from the palette.
DiagramColors printColors() {
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::PlaceholderText, QColor(110, 110, 110));
    palette.setColor(QPalette::Highlight, QColor(48, 140, 198));
    return DiagramColors(palette);
}

QFont fontOfPixels(int pixels, bool bold = false) {
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

class HandoutPdf {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::HandoutPdf)

public:
    HandoutPdf(const Handout& handout, QPdfWriter& writer);
    // Paints every page; false if the painter cannot start on the writer.
    bool paint();

private:
    // A stretch of the diagram on one page: layout coordinates [top, top + height), with the
    // host header drawn at top.
    struct Slice {
        double top = 0;
        double height = 0;
    };

    void planDiagram();
    double introHeight() const { return intro_.size().height() + kGap; }
    int pageCount() const {
        return (diagramOnNextPage_ ? 1 : 0) + static_cast<int>(slices_.size()) +
               static_cast<int>(stepPages_.size());
    }
    QString introHtml() const;
    void planSteps();
    // One row of the steps' table, as a document of its own so that a page break never falls
    // inside it.
    std::unique_ptr<QTextDocument> rowDocument(const QString& cellsHtml) const;
    QString factRowHtml(const Fact& fact) const;
    void paintFooter(QPainter& p, int page) const;
    void paintSlice(QPainter& p, const Slice& slice, double pageTop) const;

    const Handout& handout_;
    QPdfWriter& writer_;
    double scale_ = 1; // device pixels per unit
    QSizeF content_;   // of a page, above the footer, in units
    double footerHeight_ = 0;
    QTextDocument intro_;
    std::unique_ptr<QTextDocument> stepsTitle_;
    std::unique_ptr<QTextDocument> stepsHeader_;
    std::vector<std::unique_ptr<QTextDocument>> stepRows_; // by fact
    std::vector<std::vector<std::size_t>> stepPages_;      // the rows on each page
    DiagramLayout layout_;
    DiagramFrame frame_;
    DiagramColors colors_ = printColors();
    double diagramScale_ = 1; // shrinks a diagram wider than the page
    bool diagramOnNextPage_ = false;
    std::vector<Slice> slices_;
};

HandoutPdf::HandoutPdf(const Handout& handout, QPdfWriter& writer)
    : handout_(handout)
    , writer_(writer) {
    writer_.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                      QPageLayout::Millimeter));
    writer_.setTitle(handout_.title);
    writer_.setCreator(QStringLiteral("Teardown Lab %1").arg(versionText()));
    scale_ = writer_.resolution() / kUnitsPerInch;
    const QRectF paintRect = writer_.pageLayout().paintRectPixels(writer_.resolution());
    footerHeight_ = QFontMetricsF(fontOfPixels(kFooterPixels)).height() * 2;
    content_ = QSizeF(paintRect.width() / scale_, paintRect.height() / scale_ - footerHeight_);

    intro_.setDefaultFont(fontOfPixels(kTextPixels));
    intro_.setTextWidth(content_.width());
    intro_.setHtml(introHtml());

    planDiagram();
    planSteps();
}

void HandoutPdf::planDiagram() {
    layout_ = DiagramLayout(handout_.run, fontOfPixels(kDiagramPixels), content_.width(), 1.0);
    frame_.time = handout_.run->trace().end;
    frame_.seqMode = handout_.seqMode;
    diagramScale_ = std::min(1.0, content_.width() / layout_.size().width());
    const double total = layout_.size().height();
    const double header = layout_.headerHeight();
    // The diagram starts below the introduction, or on the next page if too little room is
    // left there; each page after its first repeats the hosts' header above the next stretch.
    double room = (content_.height() - introHeight()) / diagramScale_;
    if (room < kFewestRowsOnAPage * header) {
        diagramOnNextPage_ = true;
        room = content_.height() / diagramScale_;
    }
    double shown = 0; // of the diagram, from the top
    while (shown < total) {
        const Slice slice{slices_.empty() ? 0.0 : shown - header, room};
        slices_.push_back(slice);
        // Never less than a header and a little more, so that a page always moves on.
        shown = std::max(slice.top + slice.height, shown + header);
        room = content_.height() / diagramScale_;
    }
}

QString HandoutPdf::introHtml() const {
    QString html = QStringLiteral("<h1>%1</h1>").arg(handout_.title.toHtmlEscaped());
    if (!handout_.description.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(handout_.description.toHtmlEscaped());
    }
    html += QStringLiteral("<p style=\"color:#555\">%1</p>")
                .arg(tr("In the sequence diagram time runs down. Each arrow is a segment, "
                        "labelled with its flags, sequence and acknowledgement numbers; the "
                        "coloured band on each lifeline is that socket's TCP state. Long quiet "
                        "stretches are drawn short and labelled with their real length. The "
                        "steps after the diagram explain every event.")
                         .toHtmlEscaped());
    return html;
}

std::unique_ptr<QTextDocument> HandoutPdf::rowDocument(const QString& cellsHtml) const {
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(fontOfPixels(kTextPixels));
    document->setDocumentMargin(0);
    document->setTextWidth(content_.width());
    document->setHtml(
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">%1</table>")
            .arg(cellsHtml));
    return document;
}

QString HandoutPdf::factRowHtml(const Fact& fact) const {
    const Trace& trace = handout_.run->trace();
    QString host = TraceText::hostName(trace, fact.host);
    if (fact.socket != kNoSocket) {
        host += QStringLiteral(" · ") + TraceText::socketName(trace, fact.socket);
    }
    const QString why =
        fact.reason.code == Cause::None ? QString() : CauseCatalog::sentence(fact.reason);
    QString what = TraceText::what(trace, fact, handout_.seqMode).toHtmlEscaped();
    QString style;
    if (fact.kind == FactKind::StateChanged) {
        what = QStringLiteral("<b>%1</b>").arg(what);
    } else if (fact.kind == FactKind::Anomaly) {
        style = QStringLiteral(" style=\"background-color:#f8d7d7\"");
    } else if (fact.kind == FactKind::SegmentDropped) {
        style = QStringLiteral(" style=\"background-color:#fbe6cf\"");
    }
    return QStringLiteral("<tr%1><td width=\"12%\" align=\"right\">%2</td>"
                          "<td width=\"16%\">%3</td><td width=\"30%\">%4</td>"
                          "<td width=\"42%\">%5</td></tr>")
        .arg(style, TraceText::timestamp(fact.at), host.toHtmlEscaped(), what, why.toHtmlEscaped());
}

void HandoutPdf::planSteps() {
    stepsTitle_ = std::make_unique<QTextDocument>();
    stepsTitle_->setDefaultFont(fontOfPixels(kTextPixels));
    stepsTitle_->setDocumentMargin(0);
    stepsTitle_->setTextWidth(content_.width());
    stepsTitle_->setHtml(QStringLiteral("<h2>%1</h2>").arg(tr("Step by step").toHtmlEscaped()));
    stepsHeader_ =
        rowDocument(QStringLiteral("<tr style=\"background-color:#e8e8e8\"><th width=\"12%\" "
                                   "align=\"right\">%1</th><th width=\"16%\" align=\"left\">%2</th>"
                                   "<th width=\"30%\" align=\"left\">%3</th>"
                                   "<th width=\"42%\" align=\"left\">%4</th></tr>")
                        .arg(tr("Time (s)").toHtmlEscaped(), tr("Host").toHtmlEscaped(),
                             tr("What").toHtmlEscaped(), tr("Why").toHtmlEscaped()));
    for (const Fact& fact : handout_.run->trace().facts) {
        stepRows_.push_back(rowDocument(factRowHtml(fact)));
    }
    // Each page starts with the column headings (the first also with the title); a row that
    // does not fit goes to the next page whole.
    double used = content_.height();
    for (std::size_t row = 0; row < stepRows_.size(); ++row) {
        const double height = stepRows_[row]->size().height();
        if (stepPages_.empty() ||
            (used + height > content_.height() && !stepPages_.back().empty())) {
            stepPages_.emplace_back();
            used = (stepPages_.size() == 1 ? stepsTitle_->size().height() : 0.0) +
                   stepsHeader_->size().height();
        }
        stepPages_.back().push_back(row);
        used += height;
    }
}

void HandoutPdf::paintFooter(QPainter& p, int page) const {
    p.save();
    p.setFont(fontOfPixels(kFooterPixels));
    p.setPen(QColor(110, 110, 110));
    const QRectF box(0, content_.height(), content_.width(), footerHeight_);
    p.drawText(box, Qt::AlignLeft | Qt::AlignBottom,
               tr("%1 — Teardown Lab %2").arg(handout_.title, versionText()));
    p.drawText(box, Qt::AlignRight | Qt::AlignBottom,
               tr("page %1 of %2").arg(page).arg(pageCount()));
    p.restore();
}

void HandoutPdf::paintSlice(QPainter& p, const Slice& slice, double pageTop) const {
    const DiagramPainter painter(layout_, colors_, frame_);
    const QRectF exposed(0, slice.top, layout_.size().width(),
                         std::min(slice.height, layout_.size().height() - slice.top));
    p.save();
    p.translate(0, pageTop);
    p.scale(diagramScale_, diagramScale_);
    p.translate(0, -slice.top);
    p.setClipRect(exposed);
    painter.paint(p, exposed, slice.top);
    p.restore();
}

bool HandoutPdf::paint() {
    QPainter p;
    if (!p.begin(&writer_)) {
        return false;
    }
    p.scale(scale_, scale_);
    int page = 1;
    intro_.drawContents(&p);
    if (diagramOnNextPage_) {
        paintFooter(p, page++);
    }
    for (std::size_t i = 0; i < slices_.size(); ++i) {
        if (i > 0 || diagramOnNextPage_) {
            writer_.newPage();
        }
        paintSlice(p, slices_[i], i == 0 && !diagramOnNextPage_ ? introHeight() : 0.0);
        paintFooter(p, page++);
    }
    for (std::size_t i = 0; i < stepPages_.size(); ++i) {
        writer_.newPage();
        p.save();
        const auto draw = [&p](QTextDocument& document) {
            document.drawContents(&p);
            p.translate(0, document.size().height());
        };
        if (i == 0) {
            draw(*stepsTitle_);
        }
        draw(*stepsHeader_);
        for (const std::size_t row : stepPages_[i]) {
            draw(*stepRows_[row]);
        }
        p.restore();
        paintFooter(p, page++);
    }
    return p.end();
}

} // namespace

Handout handoutFor(const Scenario& scenario, RunPtr run, SeqMode seqMode) {
    Handout handout;
    handout.title = PresetCatalog::localized(scenario.title);
    if (handout.title.isEmpty()) {
        handout.title = QString::fromStdString(scenario.id);
    }
    handout.description = PresetCatalog::localized(scenario.description);
    handout.run = std::move(run);
    handout.seqMode = seqMode;
    return handout;
}

std::optional<QString> writeHandoutPdf(const Handout& handout, const QString& path) {
    if (!handout.run) {
        return QCoreApplication::translate("tdl::ui::HandoutPdf", "There is no run to hand out.");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QCoreApplication::translate("tdl::ui::HandoutPdf", "Cannot write %1: %2")
            .arg(path, file.errorString());
    }
    {
        QPdfWriter writer(&file);
        HandoutPdf pdf(handout, writer);
        if (!pdf.paint()) {
            file.cancelWriting();
            return QCoreApplication::translate("tdl::ui::HandoutPdf",
                                               "Cannot write %1: the PDF could not be painted.")
                .arg(path);
        }
    }
    if (!file.commit()) {
        return QCoreApplication::translate("tdl::ui::HandoutPdf", "Cannot write %1: %2")
            .arg(path, file.errorString());
    }
    return std::nullopt;
}

} // namespace tdl::ui
