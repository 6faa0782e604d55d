#pragma once

#include <QStyledItemDelegate>

namespace tdl::ui {

// Edits an enumerated sysctl (SysctlModel::ChoicesRole) with a list of its values and what each
// means, "2 — loopback only", instead of a bare number field; any other knob as text.
class SysctlChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    // A choice is the whole edit: it is committed at once, as a click in a list would be.
    void commitAndClose();
};

} // namespace tdl::ui
