#pragma once

#include "sysctl.h"

#include <QAbstractTableModel>

#include <string_view>

namespace tdl::ui {

class Document;

// One host's sysctls as a table: kernel name, value (editable), default, valid range. A value is
// checked with setSysctl(), exactly as the loader and `sysctl -w` check it: a refused value leaves
// the scenario alone and is reported with the kernel's range; an accepted one is a what-if edit.
class SysctlModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, DefaultColumn, RangeColumn, ColumnCount };
    // The full kernel name, "net.ipv4.tcp_fin_timeout" (the table shows it without "net.ipv4.").
    static constexpr int KernelNameRole = Qt::UserRole + 1;
    // For a knob that is an enumeration (tcp_tw_reuse 0/1/2, tcp_rfc1337 …), the values to choose
    // from on this host's kernel, as a QVariantList of int; an empty list for a plain number.
    static constexpr int ChoicesRole = Qt::UserRole + 2;

    SysctlModel(Document* document, int host, QObject* parent = nullptr);

    // What a knob does, in the current language (the engine's English when none is known).
    static QString summary(std::string_view name);
    static bool hasTranslatedSummary(std::string_view name);
    static QString profileName(KernelProfile profile);
    // Whether a knob's values are an enumeration with a meaning each.
    static bool isEnumeration(std::string_view name);
    // "2 — loopback only": a value of an enumerated knob with its meaning, in the current
    // language; the bare value for any other knob.
    static QString valueText(std::string_view name, int value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Sets a knob from text; returns the refusal, if any. setData() goes through here.
    std::optional<QString> setValue(int row, const QString& text);
    void retranslate();

signals:
    void refused(int row, const QString& message);

private:
    void scenarioChanged();

    Document* document_;
    int host_;
};

} // namespace tdl::ui
