// With the Chinese translation loaded, no string the user can see may be left in English: every
// action, menu, dock, tool bar, label, button, tab, header, tool tip and accessible text of the
// main window, the load explorer and the dialogs they open, and Qt's own dialog words.

#include "DataPaths.h"
#include "LoadExplorer.h"
#include "MainWindow.h"
#include "PresetCatalog.h"
#include "TraceText.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>

#include <gtest/gtest.h>

#include <set>

namespace tdl::ui {
namespace {

// Latin words that stay as they are in the Chinese program, each with the reason. Everything else
// made of two or more Latin letters is English left untranslated.
const std::set<QString>& allowedWords() {
    static const std::set<QString> words = {
        // Protocol names, flags and header fields, as Wireshark and every Chinese textbook write
        // them.
        "TCP", "IP", "IPv4", "SYN", "ACK", "FIN", "RST", "PSH", "URG", "ISN", "MSL", "MSS", "RTO",
        "RTT", "PAWS", "TSval", "TSecr", "NAT", "RFC", "seq", "ack", "win", "len", "wscale",
        "sackOK", "nop", "ts", "val", "ecr", "options",
        // Kernel and socket API names (the functions, socket options and timers are code).
        "close", "shutdown", "connect", "listen", "accept", "send", "recv", "read", "write",
        "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "SO_LINGER", "SO_RCVBUF", "SO_REUSEADDR", "l_onoff",
        "l_linger", "Linux", "HZ", "sysctl", "sysctls", "jiffies", "proc",
        // ss(8)'s timer names, shown as ss prints them.
        "timer", "timewait", "keepalive", "persist", "on", "off", "unknown",
        // File formats and the programs they are for.
        "PNG", "SVG", "PDF", "JSON", "JSONL", "Lines", "Mermaid", "PlantUML", "pcap", "Wireshark",
        "tcpdump", "Markdown", "packetdrill", "json", "png", "svg", "pdf", "jsonl", "mmd", "puml",
        // The program's, the toolkit's and their makers' names, and ss(8)'s column names.
        "Teardown", "Lab", "Qt", "Charts", "GNU", "Git", "Recv", "Send", "ss", "netstat",
        "PAWSPassive", "TCPTimeWaitOverflow", "MIB", "HTTP", "SEQ", "Sysctl",
        // Each language is named in itself, so that anyone can find their own.
        "English",
        // Key names on the keyboard, as printed on the keys.
        "Ctrl", "Shift", "Alt", "Space", "Home", "End", "Delete", "Del", "Esc", "Enter", "Return",
        "PgUp", "PgDown", "Tab", "Backspace",
        // Units.
        "ms", "us", "KB", "MB", "GB", "KiB", "MiB", "GiB"};
    return words;
}

// Words that the scenarios bring, which are no translator's: the host and socket names their
// authors chose (of every preset, as the library shows all their descriptions), and the TCP
// state names, kept as RFC 9293 writes them in both languages.
std::set<QString> runWords(const MainWindow& window) {
    std::set<QString> words;
    for (int state = 0; state < kTcpStateCount; ++state) {
        words.insert(TraceText::stateName(static_cast<TcpState>(state)));
    }
    for (const PresetCatalog::Preset& preset : window.presets().presets()) {
        for (const HostConfig& host : preset.scenario.hosts) {
            words.insert(QString::fromStdString(host.name));
        }
        for (const Action& action : preset.scenario.actions) {
            words.insert(QString::fromStdString(action.socket));
        }
    }
    if (const RunPtr& run = window.document()->run()) {
        const Trace& trace = run->trace();
        for (const HostInfo& host : trace.hosts) {
            words.insert(QString::fromStdString(host.name));
        }
        for (const SocketInfo& socket : trace.sockets) {
            words.insert(QString::fromStdString(socket.name));
            words.insert(TraceText::socketName(trace, socket.id));
        }
    }
    return words;
}

class ChineseWalk {
public:
    explicit ChineseWalk(std::set<QString> extra)
        : extra_(std::move(extra)) {}

    void check(const QString& where, QString text) {
        if (text.contains(QLatin1Char('<'))) {
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        }
        ++checked_;
        // Identifiers are code, not English: sysctl and kernel names (tcp_tw_reuse,
        // net.ipv4.tcp_fin_timeout, TCP_TIMEWAIT_LEN), errno names, TCP state names
        // (FIN-WAIT-2), calls (close()), anything with a digit (2MSL, c2).
        // Hyphenated tokens are names too: TCP states, the socket filter's syntax (time-wait),
        // licence identifiers (GPL-3.0-or-later); so are command options (ss -tan).
        static const QRegularExpression code(
            QStringLiteral("[A-Za-z0-9_.]*[_.][A-Za-z0-9_.]*|[A-Za-z]+\\(\\)|\\bE[A-Z]{2,}\\b|"
                           "\\b[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)+\\b|(?<![A-Za-z])-[a-z]+\\b|"
                           "\\b[A-Za-z]*\\d[A-Za-z0-9]*\\b"));
        QString rest = text;
        rest.remove(QLatin1Char('&'));
        // ASCII in straight quotes inside Chinese prose quotes what the kernel or libc prints
        // ("TCP: too many orphaned sockets"), which stays as printed; the program's own words are
        // quoted “so”.
        static const QRegularExpression quoted(QStringLiteral("\"[ -!#-~]*\""));
        if (text.contains(QRegularExpression(QStringLiteral("\\p{Han}")))) {
            rest.remove(quoted);
        }
        rest.replace(code, QStringLiteral(" "));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        QStringList english;
        for (auto it = word.globalMatch(rest); it.hasNext();) {
            const QString w = it.next().captured();
            if (!allowedWords().contains(w) && !extra_.contains(w) &&
                !allowedWords().contains(w.toUpper())) {
                english << w;
            }
        }
        if (!english.isEmpty()) {
            failures_
                << QStringLiteral("%1: \"%2\" (%3)").arg(where, text.left(160), english.join(u' '));
        }
    }

    void walkAction(const QString& where, const QAction* action) {
        if (action->isSeparator()) {
            return;
        }
        const QString name =
            where + QLatin1Char('/') +
            (action->objectName().isEmpty() ? action->text() : action->objectName());
        check(name + QStringLiteral(" text"), action->text());
        check(name + QStringLiteral(" tool tip"), action->toolTip());
        check(name + QStringLiteral(" status tip"), action->statusTip());
        if (action->menu() != nullptr) {
            walkMenu(name, action->menu());
        }
    }

    void walkMenu(const QString& where, const QMenu* menu) {
        check(where + QStringLiteral(" title"), menu->title());
        for (const QAction* action : menu->actions()) {
            walkAction(where, action);
        }
    }

    void walkModel(const QString& where, const QAbstractItemModel* model, const QModelIndex& parent,
                   int depth) {
        if (model == nullptr || depth > 3) {
            return;
        }
        const int columns = model->columnCount(parent);
        if (!parent.isValid()) {
            for (int c = 0; c < columns; ++c) {
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    check(where + QStringLiteral(" header %1").arg(c),
                          model->headerData(c, Qt::Horizontal, role).toString());
                }
            }
        }
        const int rows = std::min(model->rowCount(parent), 120);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                const QModelIndex index = model->index(r, c, parent);
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    check(where + QStringLiteral(" [%1,%2]").arg(r).arg(c),
                          model->data(index, role).toString());
                }
            }
            walkModel(where, model, model->index(r, 0, parent), depth + 1);
        }
    }

    void walkWidget(const QWidget* widget) {
        // Qt's own inner widgets (a dock's float and close buttons, a tab bar's scroll arrows)
        // take their words from Qt's catalogue, which Qt 6.4's zh_CN leaves partly untranslated;
        // QtsOwnDialogWordsAreTranslated checks that the catalogue is loaded.
        if (widget->objectName().startsWith(QLatin1String("qt_")) ||
            widget->objectName().startsWith(QLatin1String("Scroll"))) {
            return;
        }
        const QString where = QStringLiteral("%1 %2").arg(
            QString::fromLatin1(widget->metaObject()->className()),
            widget->objectName().isEmpty() ? widget->accessibleName() : widget->objectName());
        check(where + QStringLiteral(" tool tip"), widget->toolTip());
        check(where + QStringLiteral(" status tip"), widget->statusTip());
        check(where + QStringLiteral(" accessible name"), widget->accessibleName());
        check(where + QStringLiteral(" accessible description"), widget->accessibleDescription());
        if (widget->isWindow() || qobject_cast<const QDockWidget*>(widget) != nullptr ||
            qobject_cast<const QToolBar*>(widget) != nullptr) {
            check(where + QStringLiteral(" title"), widget->windowTitle());
        }
        if (const auto* label = qobject_cast<const QLabel*>(widget)) {
            check(where, label->text());
        } else if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
            check(where, button->text());
        } else if (const auto* line = qobject_cast<const QLineEdit*>(widget)) {
            check(where + QStringLiteral(" placeholder"), line->placeholderText());
        } else if (const auto* combo = qobject_cast<const QComboBox*>(widget)) {
            for (int i = 0; i < combo->count(); ++i) {
                check(where + QStringLiteral(" item %1").arg(i), combo->itemText(i));
            }
        } else if (const auto* tabs = qobject_cast<const QTabBar*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                check(where + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
            }
        } else if (const auto* group = qobject_cast<const QGroupBox*>(widget)) {
            check(where, group->title());
        } else if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget)) {
            check(where + QStringLiteral(" special value"), spin->specialValueText());
        } else if (const auto* text = qobject_cast<const QTextEdit*>(widget)) {
            check(where, text->toPlainText());
        } else if (const auto* view = qobject_cast<const QAbstractItemView*>(widget);
                   view != nullptr && qobject_cast<const QHeaderView*>(widget) == nullptr) {
            // (A header shows its table's header data, walked with the table.)
            walkModel(where, view->model(), QModelIndex(), 0);
        }
    }

    void walkWindow(const QWidget* window) {
        walkWidget(window);
        for (const QWidget* widget : window->findChildren<QWidget*>()) {
            walkWidget(widget);
        }
        for (const QAction* action : window->findChildren<QAction*>()) {
            walkAction(window->objectName(), action);
        }
    }

    int checked() const { return checked_; }
    QString report() const { return failures_.join(QLatin1Char('\n')); }
    bool clean() const { return failures_.isEmpty(); }

private:
    std::set<QString> extra_;
    QStringList failures_;
    int checked_ = 0;
};

class ChineseUi : public testing::Test {
protected:
    void SetUp() override {
        window_.setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        window_.resize(1400, 900);
        window_.show();
    }
    void TearDown() override {
        window_.setLanguage(QStringLiteral("en"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }

    // Runs `open`, which shows a modal dialog, and walks that dialog before closing it.
    void walkModal(ChineseWalk& walk, const std::function<void()>& open) {
        bool seen = false;
        QTimer::singleShot(0, [&] {
            QWidget* dialog = QApplication::activeModalWidget();
            ASSERT_NE(dialog, nullptr);
            seen = true;
            walk.walkWindow(dialog);
            dialog->close();
        });
        open();
        EXPECT_TRUE(seen);
    }

    QAction* action(const char* name) const {
        return window_.findChild<QAction*>(QLatin1String(name));
    }

    MainWindow window_;
};

TEST_F(ChineseUi, TheWalkerFindsEnglishAndLetsCodeThrough) {
    ChineseWalk walk({});
    walk.check(QStringLiteral("code"), QStringLiteral("tcp_tw_reuse = 2，FIN-WAIT-2，close()，"
                                                      "ECONNRESET，2MSL，TCP_TIMEWAIT_LEN"));
    EXPECT_TRUE(walk.clean()) << walk.report().toStdString();
    walk.check(QStringLiteral("english"), QStringLiteral("连接 is open"));
    EXPECT_FALSE(walk.clean());
    EXPECT_TRUE(walk.report().contains(QLatin1String("is open"))) << walk.report().toStdString();
}

TEST_F(ChineseUi, TheMainWindowHasNoEnglishLeft) {
    for (const char* preset : {"four-way-close", "tw-reuse-stale-rst"}) {
        ASSERT_TRUE(window_.openPreset(QLatin1String(preset)));
        // A segment selected: the inspector shows its page, the what-if actions are enabled.
        window_.selectSegment(0);
        ChineseWalk walk(runWords(window_));
        walk.walkWindow(&window_);
        EXPECT_GT(walk.checked(), 300);
        EXPECT_TRUE(walk.clean()) << preset << ":\n" << walk.report().toStdString();
        window_.selectSegment(std::nullopt);
        ChineseWalk sockets(runWords(window_));
        sockets.walkWindow(&window_);
        EXPECT_TRUE(sockets.clean()) << preset << ":\n" << sockets.report().toStdString();
    }
}

TEST_F(ChineseUi, UndoAndRedoAreInChineseBeforeAndAfterAnEdit) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    ChineseWalk walk(runWords(window_));
    walk.walkAction(QStringLiteral("edit"), action("undo"));
    walk.walkAction(QStringLiteral("edit"), action("redo"));
    window_.selectSegment(5);
    action("dropSegment")->trigger();
    ASSERT_TRUE(action("undo")->isEnabled());
    walk.walkAction(QStringLiteral("edit"), action("undo"));
    action("undo")->trigger();
    ASSERT_TRUE(action("redo")->isEnabled());
    walk.walkAction(QStringLiteral("edit"), action("redo"));
    EXPECT_TRUE(walk.clean()) << walk.report().toStdString();
    EXPECT_TRUE(action("undo")->text().contains(QStringLiteral("撤销")))
        << action("undo")->text().toStdString();
}

TEST_F(ChineseUi, TheDialogsHaveNoEnglishLeft) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("four-way-close")));
    ChineseWalk walk(runWords(window_));
    walkModal(walk, [&] { action("shortcuts")->trigger(); });
    walkModal(walk, [&] { action("about")->trigger(); });
    EXPECT_TRUE(walk.clean()) << walk.report().toStdString();
}

TEST_F(ChineseUi, QtsOwnDialogWordsAreTranslated) {
    // The words Qt itself shows: the buttons of every message box and the file dialog's.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                             QDialogButtonBox::Save | QDialogButtonBox::Discard);
    QFileDialog files(&window_, QString(), QString(), QStringLiteral("(*.json)"));
    files.setOption(QFileDialog::DontUseNativeDialog);
    files.setAcceptMode(QFileDialog::AcceptSave);
    ChineseWalk walk(runWords(window_));
    walk.walkWindow(&buttons);
    for (const QWidget* widget : files.findChildren<QWidget*>()) {
        // The folder's own file names are the user's, not ours.
        if (qobject_cast<const QAbstractItemView*>(widget) == nullptr &&
            qobject_cast<const QComboBox*>(widget) == nullptr &&
            qobject_cast<const QLineEdit*>(widget) == nullptr) {
            walk.walkWidget(widget);
        }
    }
    EXPECT_TRUE(walk.clean()) << walk.report().toStdString();
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
              QStringLiteral("取消"));
}

TEST(ChineseQtCatalogue, IsShippedWithTheProgramWhenQtHasOne) {
    const QString name = QStringLiteral("qtbase_zh_CN.qm");
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u'/' + name)) {
        GTEST_SKIP() << "this Qt has no Chinese catalogue (Debian: qt6-translations-l10n)";
    }
    EXPECT_TRUE(QFile::exists(translationDirectory() + u'/' + name))
        << translationDirectory().toStdString();
}

TEST_F(ChineseUi, TheLoadExplorerHasNoEnglishLeft) {
    ASSERT_TRUE(window_.openPreset(QStringLiteral("load/loopback-tw-reuse-2")));
    LoadExplorer* explorer = window_.loadExplorer();
    ASSERT_NE(explorer, nullptr);
    ChineseWalk walk(runWords(window_));
    walk.walkWindow(explorer);
    EXPECT_GT(walk.checked(), 50);
    EXPECT_TRUE(walk.clean()) << walk.report().toStdString();
    explorer->close();
}

} // namespace
} // namespace tdl::ui
