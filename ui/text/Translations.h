#pragma once

#include <QString>
#include <QStringList>
#include <QTranslator>

namespace tdl::ui {

// The program's languages. English is the source language; Simplified Chinese comes from
// translations/teardown-lab_zh_CN.ts, compiled into
// share/teardown-lab/translations (DataPaths). Installing a translator makes
// Qt send LanguageChange to every widget, which retranslates itself.
class Translations {
public:
    Translations() = default;
    ~Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    static QStringList languages(); // "en", "zh_CN"
    static QString nativeName(const QString& language);
    // The language matching the system locale, English when none does.
    static QString systemLanguage();

    // Switches the whole application; returns false (and stays in English) if the language is
    // unknown or its translation cannot be loaded.
    bool setLanguage(const QString& language);
    QString language() const { return language_; }

private:
    void removeAll();

    QTranslator app_;
    QTranslator qt_;
    QString language_ = QStringLiteral("en");
};

} // namespace tdl::ui
