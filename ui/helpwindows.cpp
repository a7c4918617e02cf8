#include "helpwindows.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Cronhelm {

UserGuideWindow::UserGuideWindow(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Cronhelm User Guide"));
    m_browser->setObjectName(QStringLiteral("userGuideText"));
    m_browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(900, 700);
    const QString path = guidePath();
    if (path.isEmpty()) {
        m_browser->setPlainText(
            tr("The user guide is not installed on this computer. It is in the "
               "cronhelm package (/usr/share/doc/cronhelm/user-guide.md) and in the source "
               "tree (docs/user-guide.md)."));
        return;
    }
    // Relative links and images ("images/main-window.png") resolve next to the guide.
    m_browser->setSearchPaths({QFileInfo(path).absolutePath()});
    m_browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
}

QString UserGuideWindow::guidePath()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("CRONHELM_USER_GUIDE");
    if (!fromEnvironment.isEmpty())
        candidates.append(fromEnvironment);
    // Installed next to the binary's prefix (/usr/bin/cronhelm → /usr/share/doc/cronhelm).
    candidates.append(QDir(QCoreApplication::applicationDirPath())
                          .filePath(QStringLiteral("../share/doc/cronhelm/user-guide.md")));
    candidates.append(QStringLiteral(CRONHELM_INSTALLED_DOC_DIR "/user-guide.md"));
    candidates.append(QStringLiteral(CRONHELM_SOURCE_DOC_DIR "/user-guide.md"));
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // The menus first, in their order; then actions that live in the views only.
    QList<QAction *> actions;
    std::function<void(QMenu *)> collect = [&](QMenu *menu) {
        for (QAction *action : menu->actions()) {
            if (action->menu())
                collect(action->menu());
            else
                actions.append(action);
        }
    };
    for (QAction *top : window->menuBar()->actions()) {
        if (top->menu())
            collect(top->menu());
    }
    actions += window->findChildren<QAction *>();
    QSet<QString> seen;
    for (QAction *action : std::as_const(actions)) {
        const QKeySequence key = action->shortcut();
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        text.remove(QStringLiteral("…"));
        if (key.isEmpty() || text.isEmpty() || seen.contains(text))
            continue;
        seen.insert(text);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(text));
        m_table->setItem(row, 1, new QTableWidgetItem(key.toString(QKeySequence::NativeText)));
    }
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(460, 520);
}

} // namespace Cronhelm
