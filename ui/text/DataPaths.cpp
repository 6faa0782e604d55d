#include "DataPaths.h"

#include <QCoreApplication>
#include <QDir>

namespace tdl::ui {

QString dataDirectory() {
    // TDL_RELATIVE_DATA_DIR is the data folder relative to the bin folder ("../share/teardown-lab"
    // with the usual GNU layout), computed by CMake from the install directories.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                           QStringLiteral(TDL_RELATIVE_DATA_DIR));
}

QString presetDirectory() {
    return dataDirectory() + QStringLiteral("/scenarios");
}

QString interviewQuestionsPath() {
    return dataDirectory() + QStringLiteral("/lessons/interview-questions.json");
}

QString translationDirectory() {
    return dataDirectory() + QStringLiteral("/translations");
}

} // namespace tdl::ui
