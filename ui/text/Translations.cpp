#include "Translations.h"

#include "DataPaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace tdl::ui {

namespace {
const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh_CN");
} // namespace

Translations::~Translations() {
    removeAll();
}

QStringList Translations::languages() {
    return {kEnglish, kChinese};
}

QString Translations::nativeName(const QString& language) {
    // Each language is named in itself, so that anyone can find their own.
    if (language == kChinese) {
        return QStringLiteral("简体中文");
    }
    return QStringLiteral("English");
}

QString Translations::systemLanguage() {
    const QLocale locale = QLocale::system();
    if (locale.language() == QLocale::Chinese &&
        locale.script() != QLocale::TraditionalChineseScript) {
        return kChinese;
    }
    return kEnglish;
}

void Translations::removeAll() {
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
}

bool Translations::setLanguage(const QString& language) {
    if (!languages().contains(language)) {
        return false;
    }
    removeAll();
    language_ = kEnglish;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (language == kEnglish) {
        return true; // removing the translators already told every widget
    }
    if (!app_.load(QStringLiteral("teardown-lab_%1").arg(language), translationDirectory())) {
        return false;
    }
    // Qt's own dialogs (file dialog, message box buttons): the copy shipped with the program
    // (ui/CMakeLists.txt), else the system's.
    const QString qtCatalog = QStringLiteral("qtbase_%1").arg(language);
    if (qt_.load(qtCatalog, translationDirectory()) ||
        qt_.load(qtCatalog, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&qt_);
    }
    // Scenario texts follow the default locale (PresetCatalog::localized); set it before the
    // translator announces the change.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCoreApplication::installTranslator(&app_);
    language_ = language;
    return true;
}

} // namespace tdl::ui
