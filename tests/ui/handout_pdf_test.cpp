// The PDF handout of a run, read back with poppler's pdfinfo and pdftotext: its pages, its title,
// the diagram's state names and the explanations, in English and in Chinese.

#include "CauseCatalog.h"
#include "Document.h"
#include "HandoutPdf.h"
#include "Translations.h"
#include "scenario_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace tdl::ui {
namespace {

Scenario loadPreset(const char* id) {
    LoadResult result =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/" + id + ".json");
    if (const auto* error = std::get_if<LoadError>(&result)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(std::move(result));
}

RunPtr runOf(const Scenario& scenario) {
    QString error;
    RunPtr run = Document::simulate(scenario, &error);
    EXPECT_TRUE(run) << error.toStdString();
    return run;
}

// Runs a poppler tool; "" with a failure recorded if it does not succeed.
QString popplerOutput(const QString& tool, const QStringList& arguments) {
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        ADD_FAILURE() << tool.toStdString()
                      << " failed: " << process.readAllStandardError().toStdString();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString& pdf) {
    const QString info = popplerOutput(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"),
                                                             QRegularExpression::MultilineOption)
                                              .match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// The text of pages first..last (1-based), as pdftotext reads it.
QString pageText(const QString& pdf, int first, int last) {
    return popplerOutput(QStringLiteral("pdftotext"),
                         {QStringLiteral("-f"), QString::number(first), QStringLiteral("-l"),
                          QString::number(last), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                          pdf, QStringLiteral("-")});
}

// pdftotext breaks lines where the PDF does; compare texts with every run of white space as one
// space (Latin) or with none at all (Chinese, which has no spaces between words).
QString oneSpaced(QString text) {
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}
// Also in compatibility form: Qt's PDF writer maps a glyph back to the lowest code point that
// shares it, so the CJK font's "手" comes back from pdftotext as the Kangxi radical "⼿"
// (U+2F3F), whose compatibility form is "手" again.
QString unspaced(QString text) {
    return text.remove(QRegularExpression(QStringLiteral("\\s+")))
        .normalized(QString::NormalizationForm_KC);
}

// The sentence the event log gives for the client's move into TIME-WAIT.
QString timeWaitSentence(const Trace& trace) {
    for (const Fact& fact : trace.facts) {
        if (fact.kind == FactKind::StateChanged && fact.to == TcpState::TimeWait) {
            return CauseCatalog::sentence(fact.reason);
        }
    }
    ADD_FAILURE() << "no state change into TIME-WAIT";
    return {};
}

class HandoutPdfTest : public testing::Test {
protected:
    void SetUp() override {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()) {
            GTEST_SKIP() << "pdftotext and pdfinfo (poppler-utils) are not installed, so the "
                            "handout could not be read back";
        }
        ASSERT_TRUE(folder_.isValid());
    }
    void TearDown() override {
        translations_.setLanguage(QStringLiteral("en"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }

    QString path(const char* name) const { return folder_.filePath(QLatin1String(name)); }

    QTemporaryDir folder_;
    Translations translations_;
};

TEST_F(HandoutPdfTest, FourWayClose_HasTitleDiagramAndExplanationsOnSeveralPages) {
    const Scenario scenario = loadPreset("four-way-close");
    const RunPtr run = runOf(scenario);
    ASSERT_TRUE(run);
    const QString pdf = path("four-way-close.pdf");
    const auto error = writeHandoutPdf(handoutFor(scenario, run), pdf);
    ASSERT_FALSE(error) << error->toStdString();

    const int pages = pageCount(pdf);
    // At least the diagram's page and one of steps: the close has dozens of facts.
    ASSERT_GE(pages, 2);
    const QString first = oneSpaced(pageText(pdf, 1, 1));
    EXPECT_TRUE(first.contains(QStringLiteral("The four-way close"))) << first.toStdString();
    EXPECT_TRUE(first.contains(QStringLiteral("page 1 of %1").arg(pages))) << first.toStdString();
    const QString all = oneSpaced(pageText(pdf, 1, pages));
    EXPECT_TRUE(all.contains(QStringLiteral("TIME-WAIT"))) << all.toStdString();
    const QString sentence = oneSpaced(timeWaitSentence(run->trace()));
    ASSERT_FALSE(sentence.isEmpty());
    EXPECT_TRUE(all.contains(sentence)) << sentence.toStdString() << "\n" << all.toStdString();
    // The steps come after the diagram: the last page holds the last fact's time.
    const QString last = pageText(pdf, pages, pages);
    EXPECT_TRUE(last.contains(TraceText::timestamp(run->trace().facts.back().at)))
        << last.toStdString();
}

TEST_F(HandoutPdfTest, TallDiagram_GoesOnOverSeveralPagesWithTheHostsOnEach) {
    const Scenario scenario = loadPreset("four-way-close");
    const RunPtr run = runOf(scenario);
    ASSERT_TRUE(run);
    // Enough text before the diagram to push most of it onto the next page.
    Handout handout = handoutFor(scenario, run);
    handout.description = QStringLiteral("A long introduction. ").repeated(150);
    const QString pdf = path("tall.pdf");
    const auto error = writeHandoutPdf(handout, pdf);
    ASSERT_FALSE(error) << error->toStdString();
    const int pages = pageCount(pdf);
    int stepsPage = 0;
    for (int page = 1; page <= pages && stepsPage == 0; ++page) {
        if (pageText(pdf, page, page).contains(QStringLiteral("Step by step"))) {
            stepsPage = page;
        }
    }
    // The introduction and the diagram's start, then at least one page of diagram alone.
    ASSERT_GE(stepsPage, 3) << "pages: " << pages;
    for (int page = 2; page < stepsPage; ++page) {
        const QString text = pageText(pdf, page, page);
        EXPECT_TRUE(text.contains(QStringLiteral("client")) &&
                    text.contains(QStringLiteral("10.0.0.2")))
            << "page " << page << " does not repeat the hosts:\n"
            << text.toStdString();
    }
}

TEST_F(HandoutPdfTest, InChinese_TheTitleAndExplanationsAreChineseText) {
    ASSERT_TRUE(translations_.setLanguage(QStringLiteral("zh_CN")));
    const Scenario scenario = loadPreset("four-way-close");
    const RunPtr run = runOf(scenario);
    ASSERT_TRUE(run);
    const QString pdf = path("four-way-close-zh.pdf");
    const auto error = writeHandoutPdf(handoutFor(scenario, run), pdf);
    ASSERT_FALSE(error) << error->toStdString();
    const QString all = unspaced(pageText(pdf, 1, pageCount(pdf)));
    EXPECT_TRUE(all.contains(QStringLiteral("四次挥手"))) << all.toStdString();
    const QString sentence = unspaced(timeWaitSentence(run->trace()));
    // The sentence really is a translation, not the English fallback.
    ASSERT_TRUE(sentence.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))))
        << sentence.toStdString();
    EXPECT_TRUE(all.contains(sentence)) << sentence.toStdString() << "\n" << all.toStdString();
}

TEST_F(HandoutPdfTest, UnwritableFolder_ReturnsAnErrorNamingTheFile) {
    const Scenario scenario = loadPreset("four-way-close");
    const RunPtr run = runOf(scenario);
    ASSERT_TRUE(run);
    const QString pdf = path("missing-folder/handout.pdf");
    const auto error = writeHandoutPdf(handoutFor(scenario, run), pdf);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(pdf)) << error->toStdString();
    EXPECT_FALSE(QFileInfo::exists(pdf));
}

} // namespace
} // namespace tdl::ui
