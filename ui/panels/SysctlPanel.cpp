#include "SysctlPanel.h"

#include "Document.h"
#include "SysctlChoiceDelegate.h"
#include "SysctlModel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tdl::ui {

SysctlPanel::SysctlPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , document_(document)
    , tabs_(new QTabWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // The hosts' tabs on the side and rows tight: the panel lies low under the diagram, and
    // every line of height is a knob more in view.
    tabs_->setTabPosition(QTabWidget::West);
    layout->addWidget(tabs_);
    connect(document_, &Document::opened, this, &SysctlPanel::rebuild);
    connect(document_, &Document::runChanged, this, &SysctlPanel::showProfiles);
    rebuild();
}

void SysctlPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

int SysctlPanel::fullHeight() const {
    const int current = tabs_->currentIndex();
    if (current < 0 || current >= pages_.size()) {
        return height();
    }
    const QTableView* table = pages_[current].table;
    const int content = table->horizontalHeader()->height() + table->verticalHeader()->length() +
                        2 * table->frameWidth();
    // Everything around the table (profile, message, tab bar, margins) stays as it is now.
    return height() - table->height() + content;
}

void SysctlPanel::rebuild() {
    while (tabs_->count() > 0) {
        QWidget* page = tabs_->widget(0);
        tabs_->removeTab(0);
        page->deleteLater();
    }
    pages_.clear();
    const auto& hosts = document_->scenario().hosts;
    for (int h = 0; h < static_cast<int>(hosts.size()); ++h) {
        HostPage page{};
        page.page = new QWidget(tabs_);
        auto* layout = new QVBoxLayout(page.page);
        layout->setContentsMargins(4, 4, 4, 4);
        auto* form = new QFormLayout;
        page.profile = new QComboBox(page.page);
        page.profile->setObjectName(QStringLiteral("profile%1").arg(h));
        page.profileLabel = new QLabel(page.page);
        form->addRow(page.profileLabel, page.profile);
        layout->addLayout(form);

        page.model = new SysctlModel(document_, h, page.page);
        auto* table = new QTableView(page.page);
        table->setModel(page.model);
        table->setObjectName(QStringLiteral("sysctls%1").arg(h));
        table->verticalHeader()->hide();
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
        table->setAlternatingRowColors(true);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed |
                               QAbstractItemView::AnyKeyPressed);
        table->setItemDelegateForColumn(SysctlModel::ValueColumn, new SysctlChoiceDelegate(table));
        // Every column as wide as its widest text ("2 — loopback only", "-8589934 – 8589934 s"):
        // a narrow dock scrolls sideways rather than cut the range.
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->horizontalHeader()->setStretchLastSection(false);
        table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
        layout->addWidget(table, 1);

        page.message = new QLabel(page.page);
        page.message->setWordWrap(true);
        page.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        page.message->setStyleSheet(QStringLiteral("color: #d03030; font-weight: bold;"));
        page.message->hide();
        layout->addWidget(page.message);

        connect(page.model, &SysctlModel::refused, page.message,
                [label = page.message](int, const QString& message) {
                    label->setText(message);
                    label->show();
                });
        connect(page.model, &QAbstractItemModel::dataChanged, page.message,
                [label = page.message] { label->hide(); });
        connect(page.profile, &QComboBox::activated, this,
                [this, h](int index) { profileChosen(h, index); });
        page.table = table;
        page.host = QString::fromStdString(hosts[static_cast<std::size_t>(h)].name);
        tabs_->addTab(page.page, page.host);
        pages_.append(page);
    }
    retranslateUi();
}

void SysctlPanel::retranslateUi() {
    setAccessibleName(tr("Sysctls of every host"));
    for (HostPage& page : pages_) {
        page.profileLabel->setText(tr("Kernel profile:"));
        page.profile->setToolTip(tr("Which kernel this host runs: its defaults, and the few "
                                    "decisions that differ between versions"));
        page.profile->setAccessibleName(tr("Kernel profile of %1").arg(page.host));
        page.table->setAccessibleName(tr("Sysctls of %1").arg(page.host));
        page.model->retranslate();
    }
    showProfiles();
}

void SysctlPanel::showProfiles() {
    const auto& hosts = document_->scenario().hosts;
    for (int h = 0; h < pages_.size() && h < static_cast<int>(hosts.size()); ++h) {
        QComboBox* combo = pages_[h].profile;
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (int p = 0; p < kKernelProfileCount; ++p) {
            combo->addItem(SysctlModel::profileName(static_cast<KernelProfile>(p)));
        }
        combo->setCurrentIndex(static_cast<int>(hosts[static_cast<std::size_t>(h)].profile));
    }
}

void SysctlPanel::profileChosen(int host, int index) {
    Scenario changed = document_->scenario();
    if (host >= static_cast<int>(changed.hosts.size()) || index < 0 ||
        index >= kKernelProfileCount) {
        return;
    }
    HostConfig& config = changed.hosts[static_cast<std::size_t>(host)];
    const KernelProfile profile = static_cast<KernelProfile>(index);
    if (profile == config.profile) {
        return;
    }
    // A knob left at the old kernel's default takes the new kernel's default; a value the user
    // chose stays if the new kernel accepts it.
    const Sysctls oldDefaults = defaultSysctls(config.profile);
    Sysctls sysctls = defaultSysctls(profile);
    for (const SysctlKnob& knob : sysctlKnobs()) {
        if (!knob.existsIn(profile)) {
            continue;
        }
        const std::string value = sysctlValueText(config.sysctls, knob.name);
        if (value != sysctlValueText(oldDefaults, knob.name)) {
            Sysctls attempt = sysctls;
            if (!setSysctl(attempt, profile, knob.name, value)) {
                sysctls = attempt;
            }
        }
    }
    config.profile = profile;
    config.sysctls = sysctls;
    if (auto error = document_->edit(changed, tr("Set the kernel profile of %1 to %2")
                                                  .arg(QString::fromStdString(config.name),
                                                       SysctlModel::profileName(profile)))) {
        pages_[host].message->setText(*error);
        pages_[host].message->show();
        showProfiles();
    }
}

} // namespace tdl::ui
