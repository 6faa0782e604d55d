#include "QtWarningGuard.h"

namespace tdl::test {

namespace {

QStringList& collected() {
    static QStringList messages;
    return messages;
}

void collect(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        collected().append(message);
    }
}

} // namespace

QtWarningGuard::QtWarningGuard()
    : previous_(qInstallMessageHandler(collect)) {
    collected().clear();
}

QtWarningGuard::~QtWarningGuard() {
    qInstallMessageHandler(previous_);
}

const QStringList& QtWarningGuard::messages() const {
    return collected();
}

} // namespace tdl::test
