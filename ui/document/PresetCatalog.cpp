#include "PresetCatalog.h"

#include "DataPaths.h"
#include "LoadErrorText.h"
#include "scenario_json.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>

#include <algorithm>
#include <array>
#include <utility>

namespace tdl::ui {

PresetCatalog::PresetCatalog(const QString& folder) {
    const QString directory = folder.isEmpty() ? presetDirectory() : folder;
    if (!QDir(directory).exists()) {
        errors_ << tr("%1: the preset folder is missing").arg(QDir::toNativeSeparators(directory));
        return;
    }
    // Lessons may keep their files in a sub-folder (load/); a file's name is its path below the
    // directory, so that an error names it the way the source tree does.
    const QDir dir(directory);
    QStringList files;
    QDirIterator it(directory, {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << dir.relativeFilePath(it.next());
    }
    files.sort();
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            errors_ << tr("%1: cannot read: %2").arg(path, file.errorString());
            continue;
        }
        LoadResult result = parseScenario(file.readAll().toStdString(), name.toStdString());
        if (auto* error = std::get_if<LoadError>(&result)) {
            errors_ << LoadErrorText::message(*error);
            continue;
        }
        presets_.push_back({path, std::move(std::get<Scenario>(result))});
    }
    std::stable_sort(presets_.begin(), presets_.end(), [](const Preset& a, const Preset& b) {
        return lessonRank(a.scenario.lesson) < lessonRank(b.scenario.lesson);
    });
}

const PresetCatalog::Preset* PresetCatalog::find(const QString& id) const {
    for (const Preset& preset : presets_) {
        if (QString::fromStdString(preset.scenario.id) == id) {
            return &preset;
        }
    }
    return nullptr;
}

QString PresetCatalog::localized(const LocalizedText& text) {
    if (QLocale().language() == QLocale::Chinese && !text.zh_CN.empty()) {
        return QString::fromStdString(text.zh_CN);
    }
    return QString::fromStdString(text.en);
}

namespace {

// The lessons in teaching order, with their titles.
constexpr std::array<std::pair<const char*, const char*>, 11> kLessons = {{
    {"basics", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Closing a connection")},
    {"close", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Closing a connection")},
    {"time-wait", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Why TIME_WAIT exists")},
    {"tw-reuse", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Reusing TIME_WAIT")},
    {"half-close", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "close() and shutdown()")},
    {"orphans", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Orphan sockets")},
    {"sysctls", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "What the sysctls change")},
    {"ports", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Ports and TIME_WAIT")},
    {"resets", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Resets")},
    {"paws", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Timestamps and PAWS")},
    {"load", QT_TRANSLATE_NOOP("tdl::ui::PresetCatalog", "Under load")},
}};

} // namespace

int PresetCatalog::lessonRank(const std::string& lesson) {
    for (std::size_t i = 0; i < kLessons.size(); ++i) {
        if (lesson == kLessons[i].first) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(kLessons.size());
}

QString PresetCatalog::lessonTitle(const std::string& lesson) {
    for (const auto& [key, title] : kLessons) {
        if (lesson == key) {
            return tr(title);
        }
    }
    if (lesson.empty()) {
        return tr("Other scenarios");
    }
    QString title = QString::fromStdString(lesson);
    title.replace(QLatin1Char('-'), QLatin1Char(' '));
    title[0] = title[0].toUpper();
    return title;
}

} // namespace tdl::ui
