#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace tdl::test {

// Collects every Qt warning, critical or fatal message while it lives, so that a test can fail
// on any of them ("opens every preset without a Qt warning").
class QtWarningGuard {
public:
    QtWarningGuard();
    ~QtWarningGuard();
    QtWarningGuard(const QtWarningGuard&) = delete;
    QtWarningGuard& operator=(const QtWarningGuard&) = delete;

    const QStringList& messages() const;
    QString report() const { return messages().join(QLatin1Char('\n')); }

private:
    QtMessageHandler previous_;
};

} // namespace tdl::test
