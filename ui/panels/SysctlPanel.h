#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTabWidget;

namespace tdl::ui {

class Document;
class SysctlModel;

// Every host's kernel profile and sysctls, one tab per host. Edits go through SysctlModel (and so
// onto the undo stack); a refused value is reported right under the table with the kernel's range.
class SysctlPanel : public QWidget {
    Q_OBJECT

public:
    explicit SysctlPanel(Document* document, QWidget* parent = nullptr);
    // The height at which the current host's whole table shows without scrolling.
    int fullHeight() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct HostPage {
        QWidget* page;
        QComboBox* profile;
        QLabel* profileLabel;
        QLabel* message;
        SysctlModel* model;
        QTableView* table;
        QString host;
    };

    void rebuild();
    void retranslateUi();
    void showProfiles();
    void profileChosen(int host, int index);

    Document* document_;
    QTabWidget* tabs_;
    QList<HostPage> pages_;
};

} // namespace tdl::ui
