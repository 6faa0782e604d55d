#include "MainWindow.h"
#include "PresentationMode.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

namespace {

QStringList argumentList(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    return arguments;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication::setOrganizationName(QStringLiteral("TeardownLab"));
    QCoreApplication::setApplicationName(QStringLiteral("Teardown Lab"));
    QCoreApplication::setApplicationVersion(
        QString::fromLatin1(tdl::kVersion.data(), static_cast<qsizetype>(tdl::kVersion.size())));

    // The options are read before the QApplication exists, so that --help and --version answer
    // on a terminal with no display (where QApplication would stop the program).
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Teardown Lab: how TCP connections close, on Linux"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("A scenario file to open"));
    const QCommandLineOption presentationOption(
        QStringLiteral("presentation"),
        QStringLiteral("Open FILE (a scenario) in presentation mode: full screen, large text for "
                       "a class; Esc or F11 leaves it"),
        QStringLiteral("FILE"));
    parser.addOption(presentationOption);
    if (!parser.parse(argumentList(argc, argv))) {
        std::fprintf(stderr, "teardown-lab: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(versionOption)) {
        std::printf("teardown-lab %.*s\n", static_cast<int>(tdl::kVersion.size()),
                    tdl::kVersion.data());
        return 0;
    }
    if (parser.isSet(helpOption)) {
        // Without an application object, Qt cannot know the program's name for the usage line.
        QString help = parser.helpText();
        help.replace(QStringLiteral("<executable_name>"), QStringLiteral("teardown-lab"));
        std::printf("%s", qPrintable(help));
        return 0;
    }

    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral(TDL_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    tdl::ui::MainWindow window;
    window.show();
    if (parser.isSet(presentationOption)) {
        if (window.openFile(parser.value(presentationOption))) {
            window.presentation()->enter();
        }
    } else if (!parser.positionalArguments().isEmpty()) {
        window.openFile(parser.positionalArguments().front());
    }
    return QApplication::exec();
}
