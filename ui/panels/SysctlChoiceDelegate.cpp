#include "SysctlChoiceDelegate.h"

#include "SysctlModel.h"

#include <QComboBox>

namespace tdl::ui {

QWidget* SysctlChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const {
    const QVariantList choices = index.data(SysctlModel::ChoicesRole).toList();
    if (choices.isEmpty()) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("sysctlChoices"));
    const std::string name = index.data(SysctlModel::KernelNameRole).toString().toStdString();
    for (const QVariant& choice : choices) {
        combo->addItem(SysctlModel::valueText(name, choice.toInt()), choice);
    }
    connect(combo, &QComboBox::activated, this, &SysctlChoiceDelegate::commitAndClose);
    return combo;
}

void SysctlChoiceDelegate::commitAndClose() {
    auto* combo = qobject_cast<QComboBox*>(sender());
    emit commitData(combo);
    emit closeEditor(combo);
}

void SysctlChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (combo == nullptr) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
}

void SysctlChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const {
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (combo == nullptr) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, QString::number(combo->currentData().toInt()), Qt::EditRole);
}

} // namespace tdl::ui
