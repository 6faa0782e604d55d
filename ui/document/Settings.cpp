#include "Settings.h"

#include "Translations.h"

#include <QDir>
#include <QFileInfo>

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
const QString kQuizScorePrefix = QStringLiteral("quiz/");
} // namespace

Settings::QuizScore Settings::quizScore(const QString& lesson) const {
    // Stored as "right/asked", readable in the settings file.
    const QStringList pair = settings_.value(kQuizScorePrefix + lesson).toString().split(u'/');
    bool rightOk = false;
    bool askedOk = false;
    const int right = pair.size() == 2 ? pair[0].toInt(&rightOk) : 0;
    const int asked = pair.size() == 2 ? pair[1].toInt(&askedOk) : 0;
    if (!rightOk || !askedOk || right < 0 || asked < right) {
        return {};
    }
    return {right, asked};
}
void Settings::setQuizScore(const QString& lesson, QuizScore score) {
    settings_.setValue(kQuizScorePrefix + lesson,
                       QStringLiteral("%1/%2").arg(score.right).arg(score.asked));
}

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

QString Settings::canonicalFilePath(const QString& path) {
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

// A relative path stored by an older version means another file once the working directory
// changes, and two spellings of one file would list it twice: every entry is read as its
// canonical path, once.
QStringList Settings::recentFiles() const {
    QStringList files;
    for (const QString& path : settings_.value(kRecentFiles).toStringList()) {
        const QString file = canonicalFilePath(path);
        if (!files.contains(file)) {
            files << file;
        }
    }
    return files;
}

void Settings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    const QString file = canonicalFilePath(path);
    files.removeAll(file);
    files.prepend(file);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    settings_.setValue(kRecentFiles, files);
}

void Settings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(canonicalFilePath(path));
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
