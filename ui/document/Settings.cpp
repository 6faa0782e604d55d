#include "Settings.h"

#include "Translations.h"

namespace tdl::ui {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kLastScenario = QStringLiteral("scenario/last");
const QString kRecentFiles = QStringLiteral("scenario/recentFiles");
const QString kAbsoluteSeq = QStringLiteral("diagram/absoluteSeq");
const QString kShowFuture = QStringLiteral("diagram/showFuture");
const QString kDarkTheme = QStringLiteral("ui/darkTheme");
const QString kSpeed = QStringLiteral("player/speed");
const QString kDelayMs = QStringLiteral("whatIf/delayMs");
} // namespace

QString Settings::language() const {
    return settings_.value(kLanguage, Translations::systemLanguage()).toString();
}
void Settings::setLanguage(const QString& language) {
    settings_.setValue(kLanguage, language);
}

QByteArray Settings::geometry() const {
    return settings_.value(kGeometry).toByteArray();
}
void Settings::setGeometry(const QByteArray& geometry) {
    settings_.setValue(kGeometry, geometry);
}
QByteArray Settings::windowState() const {
    return settings_.value(kWindowState).toByteArray();
}
void Settings::setWindowState(const QByteArray& state) {
    settings_.setValue(kWindowState, state);
}

QString Settings::lastScenario() const {
    return settings_.value(kLastScenario).toString();
}
void Settings::setLastScenario(const QString& scenario) {
    settings_.setValue(kLastScenario, scenario);
}

QStringList Settings::recentFiles() const {
    return settings_.value(kRecentFiles).toStringList();
}

void Settings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    settings_.setValue(kRecentFiles, files);
}

void Settings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    settings_.setValue(kRecentFiles, files);
}

bool Settings::absoluteSeq() const {
    return settings_.value(kAbsoluteSeq, false).toBool();
}
void Settings::setAbsoluteSeq(bool absolute) {
    settings_.setValue(kAbsoluteSeq, absolute);
}
bool Settings::showFuture() const {
    return settings_.value(kShowFuture, true).toBool();
}
void Settings::setShowFuture(bool show) {
    settings_.setValue(kShowFuture, show);
}
bool Settings::darkTheme() const {
    return settings_.value(kDarkTheme, false).toBool();
}
void Settings::setDarkTheme(bool dark) {
    settings_.setValue(kDarkTheme, dark);
}
double Settings::speed() const {
    return settings_.value(kSpeed, 1.0).toDouble();
}
void Settings::setSpeed(double speed) {
    settings_.setValue(kSpeed, speed);
}
int Settings::delayMs() const {
    return settings_.value(kDelayMs, 200).toInt();
}
void Settings::setDelayMs(int ms) {
    settings_.setValue(kDelayMs, ms);
}

} // namespace tdl::ui
