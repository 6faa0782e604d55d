#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace tdl::ui {

// Everything the program remembers, as typed values with their key and default in one place.
class Settings {
public:
    Settings() = default;

    QString language() const;
    void setLanguage(const QString& language);

    QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // "preset:<id>" or a file path.
    QString lastScenario() const;
    void setLastScenario(const QString& scenario);

    // Absolute, canonical paths, each file once, the last opened first.
    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    static constexpr int kMaxRecentFiles = 8;
    // The one spelling of a file the list keeps: its canonical path (symbolic links and ".."
    // resolved), or its absolute path if it does not exist.
    static QString canonicalFilePath(const QString& path);

    bool absoluteSeq() const;
    void setAbsoluteSeq(bool absolute);
    bool showFuture() const;
    void setShowFuture(bool show);
    bool darkTheme() const;
    void setDarkTheme(bool dark);
    double speed() const;
    void setSpeed(double speed);
    int delayMs() const;
    void setDelayMs(int ms);

    // A lesson's last quiz score, by the scenario's id: right answers of asked; {0, 0} if none.
    struct QuizScore {
        int right = 0;
        int asked = 0;
    };
    QuizScore quizScore(const QString& lesson) const;
    void setQuizScore(const QString& lesson, QuizScore score);

private:
    mutable QSettings settings_;
};

} // namespace tdl::ui
