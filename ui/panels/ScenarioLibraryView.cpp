#include "ScenarioLibraryView.h"

#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tdl::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kQuestionRole = Qt::UserRole + 2; // an interview question's index

// "Why TIME-WAIT exists (2): …" → {"Why TIME-WAIT exists", 2}; a title of no series → {"", 0}.
// The English title decides, so that the order is the same in every language.
std::pair<QString, int> seriesOf(const Scenario& scenario) {
    static const QRegularExpression numbered(QStringLiteral("^(.*)\\((\\d+)\\)"));
    const QRegularExpressionMatch match = numbered.match(QString::fromStdString(scenario.title.en));
    if (!match.hasMatch()) {
        return {QString(), 0};
    }
    return {match.captured(1).trimmed(), match.captured(2).toInt()};
}
} // namespace

std::vector<const PresetCatalog::Preset*>
ScenarioLibraryView::libraryOrder(const std::vector<PresetCatalog::Preset>& presets) {
    // The catalog's order tells each lesson's story; only the parts of a numbered series ("… (1)",
    // "… (2)") are put in their number's order, in the place of the series' first part.
    std::vector<const PresetCatalog::Preset*> order;
    std::vector<bool> placed(presets.size(), false);
    for (std::size_t i = 0; i < presets.size(); ++i) {
        if (placed[i]) {
            continue;
        }
        const auto [stem, number] = seriesOf(presets[i].scenario);
        if (stem.isEmpty()) {
            order.push_back(&presets[i]);
            placed[i] = true;
            continue;
        }
        std::vector<std::pair<int, std::size_t>> parts;
        for (std::size_t j = i; j < presets.size(); ++j) {
            const auto [otherStem, otherNumber] = seriesOf(presets[j].scenario);
            if (!placed[j] && otherStem == stem &&
                presets[j].scenario.lesson == presets[i].scenario.lesson) {
                parts.emplace_back(otherNumber, j);
                placed[j] = true;
            }
        }
        std::stable_sort(parts.begin(), parts.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& part : parts) {
            order.push_back(&presets[part.second]);
        }
    }
    return order;
}

ScenarioLibraryView::ScenarioLibraryView(const PresetCatalog* catalog, QWidget* parent)
    : QWidget(parent)
    , catalog_(catalog)
    , search_(new QLineEdit(this))
    , tree_(new QTreeWidget(this))
    , details_(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    search_->setClearButtonEnabled(true);
    search_->setObjectName(QStringLiteral("presetSearch"));
    layout->addWidget(search_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(true);
    splitter->addWidget(tree_);
    details_->setOpenLinks(false);
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(search_, &QLineEdit::textChanged, this, &ScenarioLibraryView::applyFilter);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &ScenarioLibraryView::showDetails);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant question = item->data(0, kQuestionRole);
        if (question.isValid()) {
            const InterviewQuestion& q = questions_.at(question.toULongLong());
            emit interviewQuestionActivated(QString::fromStdString(q.preset),
                                            static_cast<int>(q.moment));
            return;
        }
        const QString id = item->data(0, kIdRole).toString();
        if (!id.isEmpty()) {
            emit presetActivated(id);
        }
    });
    rebuild();
}

void ScenarioLibraryView::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
}

void ScenarioLibraryView::setCurrentPreset(const QString& id) {
    current_ = id;
    if (id.isEmpty()) {
        // No current item still leaves the last one selected, and shown as if it were open.
        tree_->setCurrentItem(nullptr);
        tree_->clearSelection();
    }
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* lesson = tree_->topLevelItem(i);
        for (int j = 0; j < lesson->childCount(); ++j) {
            QTreeWidgetItem* item = lesson->child(j);
            QFont font = item->font(0);
            // An interview question has no preset id: "" (no preset open) is none of them.
            font.setBold(!id.isEmpty() && item->data(0, kIdRole).toString() == id);
            item->setFont(0, font);
            if (font.bold()) {
                tree_->setCurrentItem(item);
            }
        }
    }
}

void ScenarioLibraryView::setCurrentFile(const QString& path) {
    const QString file = QFileInfo(path).canonicalFilePath();
    if (file.isEmpty()) {
        setCurrentPreset(QString());
        return;
    }
    for (const PresetCatalog::Preset& preset : catalog_->presets()) {
        if (QFileInfo(preset.resource).canonicalFilePath() == file) {
            setCurrentPreset(QString::fromStdString(preset.scenario.id));
            return;
        }
    }
    // A copy of a preset's file is that preset: the source tree's resources/scenarios beside the
    // build's installed copy, or a preset a teacher copied to a USB stick.
    QFile opened(file);
    const QByteArray text = opened.open(QIODevice::ReadOnly) ? opened.readAll() : QByteArray();
    for (const PresetCatalog::Preset& preset : catalog_->presets()) {
        QFile original(preset.resource);
        if (!text.isEmpty() && original.size() == text.size() &&
            original.open(QIODevice::ReadOnly) && original.readAll() == text) {
            setCurrentPreset(QString::fromStdString(preset.scenario.id));
            return;
        }
    }
    setCurrentPreset(QString());
}

void ScenarioLibraryView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
    }
}

void ScenarioLibraryView::rebuild() {
    search_->setPlaceholderText(tr("Search scenarios (English or 中文)"));
    setAccessibleName(tr("Scenario library"));
    search_->setAccessibleName(tr("Search scenarios"));
    tree_->setAccessibleName(tr("Scenarios by lesson"));
    details_->setAccessibleName(tr("The selected scenario"));
    tree_->clear();
    for (const PresetCatalog::Preset* entry : libraryOrder(catalog_->presets())) {
        const PresetCatalog::Preset& preset = *entry;
        const QString lesson = PresetCatalog::lessonTitle(preset.scenario.lesson);
        QList<QTreeWidgetItem*> found = tree_->findItems(lesson, Qt::MatchExactly);
        QTreeWidgetItem* group = found.isEmpty() ? nullptr : found.front();
        if (group == nullptr) {
            group = new QTreeWidgetItem(tree_, {lesson});
            group->setFlags(Qt::ItemIsEnabled);
            QFont font = group->font(0);
            font.setBold(true);
            group->setFont(0, font);
        }
        const QString title = PresetCatalog::localized(preset.scenario.title);
        auto* item = new QTreeWidgetItem(group, {title});
        item->setData(0, kIdRole, QString::fromStdString(preset.scenario.id));
        // The dock is narrow and titles are cut with "…": the tool tip shows the whole title,
        // then the description (rich text, so that Qt wraps it).
        item->setToolTip(
            0, QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                   .arg(title.toHtmlEscaped(),
                        PresetCatalog::localized(preset.scenario.description).toHtmlEscaped()));
    }
    if (!questions_.empty()) {
        auto* group = new QTreeWidgetItem(tree_, {tr("Interview questions")});
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
        for (std::size_t i = 0; i < questions_.size(); ++i) {
            const QString text = PresetCatalog::localized(questions_[i].question);
            auto* item = new QTreeWidgetItem(group, {text});
            item->setData(0, kQuestionRole, QVariant::fromValue(qulonglong{i}));
            item->setToolTip(0, QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
        }
    }
    tree_->expandAll();
    setCurrentPreset(current_);
    applyFilter();
    showDetails();
}

void ScenarioLibraryView::setInterviewQuestions(std::vector<InterviewQuestion> questions) {
    questions_ = std::move(questions);
    rebuild();
}

bool ScenarioLibraryView::matches(const InterviewQuestion& q, const QString& needle) {
    for (const LocalizedText* text : {&q.question, &q.answer}) {
        if (QString::fromStdString(text->en).contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(text->zh_CN).contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

bool ScenarioLibraryView::matches(const Scenario& s, const QString& needle) {
    for (const LocalizedText* text : {&s.title, &s.description, &s.watch}) {
        if (QString::fromStdString(text->en).contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(text->zh_CN).contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return QString::fromStdString(s.id).contains(needle, Qt::CaseInsensitive);
}

void ScenarioLibraryView::applyFilter() {
    const QString needle = search_->text().trimmed();
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* lesson = tree_->topLevelItem(i);
        const bool lessonMatches = lesson->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int j = 0; j < lesson->childCount(); ++j) {
            QTreeWidgetItem* item = lesson->child(j);
            const PresetCatalog::Preset* preset = catalog_->find(item->data(0, kIdRole).toString());
            const QVariant question = item->data(0, kQuestionRole);
            const bool show =
                needle.isEmpty() || lessonMatches ||
                (preset != nullptr && matches(preset->scenario, needle)) ||
                (question.isValid() && matches(questions_.at(question.toULongLong()), needle));
            item->setHidden(!show);
            shown += show ? 1 : 0;
        }
        lesson->setHidden(shown == 0);
    }
}

void ScenarioLibraryView::showDetails() {
    const QTreeWidgetItem* item = tree_->currentItem();
    const PresetCatalog::Preset* preset =
        item == nullptr ? nullptr : catalog_->find(item->data(0, kIdRole).toString());
    if (item != nullptr && item->data(0, kQuestionRole).isValid()) {
        const InterviewQuestion& q = questions_.at(item->data(0, kQuestionRole).toULongLong());
        const PresetCatalog::Preset* shown = catalog_->find(QString::fromStdString(q.preset));
        details_->setHtml(
            QStringLiteral("<h3>%1</h3><p>%2</p><p><i>%3</i></p>")
                .arg(PresetCatalog::localized(q.question).toHtmlEscaped(),
                     PresetCatalog::localized(q.answer).toHtmlEscaped(),
                     tr("Double-click to see it in \"%1\", key moment %2.")
                         .arg(shown != nullptr ? PresetCatalog::localized(shown->scenario.title)
                                               : QString::fromStdString(q.preset))
                         .arg(q.moment + 1)
                         .toHtmlEscaped()));
        return;
    }
    if (preset == nullptr) {
        details_->setHtml(
            QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("Double-click a scenario (or press Enter) to open it.").toHtmlEscaped()));
        return;
    }
    const Scenario& s = preset->scenario;
    details_->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p><h4>%3</h4><p>%4</p>")
                          .arg(PresetCatalog::localized(s.title).toHtmlEscaped(),
                               PresetCatalog::localized(s.description).toHtmlEscaped(),
                               tr("What to watch").toHtmlEscaped(),
                               PresetCatalog::localized(s.watch).toHtmlEscaped()));
}

} // namespace tdl::ui
