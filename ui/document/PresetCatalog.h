#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace tdl::ui {

// The built-in scenarios: every JSON file under the preset folder (DataPaths) and its
// sub-folders, parsed once, in path order. A file that does not parse is listed in errors() instead
// of being shown.
class PresetCatalog {
    Q_DECLARE_TR_FUNCTIONS(tdl::ui::PresetCatalog)

public:
    static constexpr const char* kDefaultPreset = "four-way-close";

    struct Preset {
        QString resource;
        Scenario scenario;
    };

    // The installed presets (presetDirectory()) unless a folder is named.
    explicit PresetCatalog(const QString& directory = {});

    const std::vector<Preset>& presets() const { return presets_; }
    const QStringList& errors() const { return errors_; }
    const Preset* find(const QString& id) const;

    // The text in the current language (QLocale's default), English when there is no
    // translation.
    static QString localized(const LocalizedText& text);
    // A lesson's title in the current language.
    static QString lessonTitle(const std::string& lesson);
    // Where a lesson comes in the course: the basics first, lessons nobody listed last.
    static int lessonRank(const std::string& lesson);

private:
    std::vector<Preset> presets_;
    QStringList errors_;
};

} // namespace tdl::ui
