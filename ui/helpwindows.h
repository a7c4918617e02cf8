#pragma once

#include <QDialog>
#include <QString>

class QMainWindow;
class QTableWidget;
class QTextBrowser;

namespace Cronhelm {

// Help → User Guide: the guide that ships with the app (docs/user-guide.md, installed with
// the package), shown here, offline, with its screenshots.
class UserGuideWindow : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideWindow(QWidget *parent = nullptr);

    // Where the guide is: $CRONHELM_USER_GUIDE, the package's doc folder, or (running from
    // a build tree) the source tree's docs. Empty when none exists.
    static QString guidePath();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

// Help → Keyboard Shortcuts: every action of the window that has one, read from the actions
// themselves so the list cannot drift from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow *window);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace Cronhelm
