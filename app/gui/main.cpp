#include "MainWindow.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char* argv[]) {
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TeardownLab"));
    QApplication::setApplicationName(QStringLiteral("Teardown Lab"));
    QApplication::setApplicationVersion(
        QString::fromLatin1(tdl::kVersion.data(), static_cast<qsizetype>(tdl::kVersion.size())));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Teardown Lab: how TCP connections close, on Linux"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("A scenario file to open"));
    parser.process(app);

    tdl::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        window.openFile(parser.positionalArguments().front());
    }
    return QApplication::exec();
}
