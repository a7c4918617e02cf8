#include "logviewer.h"

#include "messagebar.h"

#include <displayformat.h>
#include <domain/logtext.h>
#include <logtail.h>
#include <permissions.h>
#include <storeclient.h>

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace Cronhelm {

LogViewer::LogViewer(StoreClient *client, qint64 runId, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_runId(runId)
    , m_tail(new LogTail(client, runId, this))
    , m_messages(new MessageBar(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_follow(new QCheckBox(tr("&Follow output"), this))
    , m_jumpToEnd(new QPushButton(tr("Jump to &End"), this))
    , m_cancelRun(new QPushButton(Display::icon(QStringLiteral("cancel")), tr("&Cancel Run"), this))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_matchCase(new QCheckBox(tr("Match c&ase"), m_findBar))
    , m_findStatus(new QLabel(m_findBar))
{
    setObjectName(QStringLiteral("logViewer"));
    setWindowTitle(tr("Log of Run %1").arg(runId));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    resize(900, 600);
    QFont title = m_title->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_title->setFont(title);
    m_details->setObjectName(QStringLiteral("runDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setUndoRedoEnabled(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    // Find bar.
    m_findEdit->setObjectName(QStringLiteral("logFind"));
    m_findEdit->setPlaceholderText(tr("Find in log"));
    m_findEdit->setClearButtonEnabled(true);
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Find the previous match (Shift+F3)"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    next->setToolTip(tr("Find the next match (F3)"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(new QLabel(tr("Find:"), m_findBar));
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_matchCase);
    findLayout->addWidget(m_findStatus);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { m_findStatus->clear(); });
    connect(next, &QToolButton::clicked, this, [this] { find(false); });
    connect(previous, &QToolButton::clicked, this, [this] { find(true); });

    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        m_findEdit->setFocus();
        m_findEdit->selectAll();
    });
    auto *findNext = new QAction(this);
    findNext->setShortcut(QKeySequence::FindNext);
    connect(findNext, &QAction::triggered, this, [this] { find(false); });
    auto *findPrevious = new QAction(this);
    findPrevious->setShortcut(QKeySequence::FindPrevious);
    connect(findPrevious, &QAction::triggered, this, [this] { find(true); });
    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, &LogViewer::saveAs);
    addActions({findAction, findNext, findPrevious, saveAction});

    auto *save = new QPushButton(
        Display::icon(QStringLiteral("save"), QStringLiteral("document-save")), tr("&Save…"), this);
    connect(save, &QPushButton::clicked, this, &LogViewer::saveAs);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    m_jumpToEnd->hide();
    connect(m_jumpToEnd, &QPushButton::clicked, this, [this] { m_follow->setChecked(true); });
    m_follow->setToolTip(tr("Keep showing the newest output. Scrolling up pauses this."));
    connect(m_follow, &QCheckBox::toggled, this, &LogViewer::followToggled);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogViewer::scrolled);
    m_cancelRun->hide();
    connect(m_cancelRun, &QPushButton::clicked, this, [this] {
        m_client->cancelRun(this, m_runId, [this](Result<QString> r) {
            if (!r)
                m_messages->showMessage(
                    MessageBar::Type::Error,
                    tr("The run could not be cancelled: %1").arg(r.errorMessage()));
        });
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_follow);
    buttons->addWidget(m_jumpToEnd);
    buttons->addStretch();
    buttons->addWidget(m_cancelRun);
    buttons->addWidget(save);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_messages);
    layout->addWidget(m_findBar);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    connect(m_tail, &LogTail::chunksArrived, this, &LogViewer::append);
    connect(m_tail, &LogTail::runChanged, this, &LogViewer::showRun);
    connect(m_tail, &LogTail::caughtUp, this, [this] {
        updateTruncation();
        stopFollowingWhenComplete();
    });
    connect(m_tail, &LogTail::failed, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Type::Error,
                                tr("The log could not be loaded: %1").arg(message));
    });
    m_title->setText(tr("Run %1").arg(runId));
    m_tail->start();
}

bool LogViewer::isFollowing() const
{
    return m_follow->isChecked();
}

bool LogViewer::isTruncationShown() const
{
    return m_truncationMarked;
}

void LogViewer::showRun(const RunRecord &run)
{
    const bool first = m_run.id == 0;
    m_run = run;
    setWindowTitle(tr("Log of Run %1 — %2").arg(QString::number(run.id), run.job));
    m_title->setText(tr("%1 — run %2: %3")
                         .arg(run.job, QString::number(run.id), Display::statusText(run.status)));
    const QTimeZone viewer = Display::viewerZone();
    QStringList facts;
    facts.append(tr("Scheduled for %1").arg(Display::dateTime(run.scheduledFor, viewer)));
    if (run.startedAt.isValid())
        facts.append(tr("started %1").arg(Display::dateTime(run.startedAt, viewer, true)));
    if (run.finishedAt.isValid())
        facts.append(tr("finished %1").arg(Display::dateTime(run.finishedAt, viewer, true)));
    if (run.durationMs)
        facts.append(tr("took %1").arg(formatDuration(*run.durationMs)));
    if (!run.node.isEmpty())
        facts.append(tr("on %1").arg(run.node));
    if (!run.waitReason.isEmpty())
        facts.append(tr("queued: %1").arg(run.waitReason));
    if (run.httpStatus)
        facts.append(tr("HTTP %1").arg(*run.httpStatus));
    if (run.exitCode)
        facts.append(tr("exit code %1").arg(*run.exitCode));
    // Each fact stays on one line ("exit code 1" must not wrap after "exit"): lines break
    // only between facts.
    for (QString &fact : facts)
        fact.replace(QLatin1Char(' '), QChar(0x00A0));
    QString details = facts.join(QStringLiteral(" · "));
    const QString error = Display::runErrorBeyondOutcome(run);
    if (!error.isEmpty())
        details += QLatin1Char('\n') + error;
    m_details->setText(details);

    const bool running = !isFinal(run.status);
    if (first)
        m_follow->setChecked(running);
    m_follow->setEnabled(running || m_follow->isChecked());
    const Permission cancel = permissionFor(m_client->role(), JobAction::CancelRun);
    m_cancelRun->setVisible(running);
    m_cancelRun->setEnabled(cancel.allowed && !run.cancelRequested);
    m_cancelRun->setToolTip(cancel.allowed
                                ? (run.cancelRequested ? tr("Cancelling…") : tr("Stop this run"))
                                : cancel.reason);
    updateTruncation();
    stopFollowingWhenComplete();
}

void LogViewer::stopFollowingWhenComplete()
{
    // The final status and the last piece of output arrive in either order; once both are
    // here nothing more will come: stay where the reader is, and stop offering to follow.
    if (!isFinal(m_run.status) || m_run.id == 0 || !m_tail->isCaughtUp())
        return;
    const QSignalBlocker block(m_follow);
    m_follow->setChecked(false);
    m_follow->setEnabled(false);
    m_jumpToEnd->hide();
}

void LogViewer::updateTruncation()
{
    // The mark goes after the last piece kept, so only once all of them are shown.
    if (!m_run.logTruncated || m_truncationMarked || !isFinal(m_run.status)
        || !m_tail->isCaughtUp())
        return;
    m_truncationMarked = true;
    m_messages->showMessage(
        MessageBar::Type::Warning,
        tr("The output of this run was cut at its log limit: only the first part was kept. "
           "The end of the output is missing below."));
    // And in the text itself, where the reader's eyes are.
    m_appending = true;
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat marker;
    marker.setFontWeight(QFont::Bold);
    marker.setForeground(QColor(0xf6, 0x74, 0x00));
    if (!m_atLineStart)
        cursor.insertText(QStringLiteral("\n"));
    cursor.insertText(tr("——— output truncated here: the rest was not kept ———"), marker);
    m_atLineStart = false;
    m_appending = false;
    if (m_follow->isChecked())
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

void LogViewer::append(const QList<LogChunk> &chunks)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const int keep = bar->value();
    m_appending = true;
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    const QColor neutral = m_text->palette().color(QPalette::Text);
    QTextCharFormat out;
    out.setForeground(neutral);
    QTextCharFormat err;
    err.setForeground(QColor(0xda, 0x44, 0x53));
    QTextCharFormat system;
    system.setForeground(m_text->palette().color(QPalette::PlaceholderText));
    system.setFontItalic(true);
    for (const LogChunk &chunk : chunks) {
        // Bytes that are not text (NUL, invalid UTF-8) as visible \xNN escapes.
        QString data = LogText::toDisplay(chunk.data);
        if (chunk.stream == LogStream::System) {
            // Cronhelm's own lines stand on a line of their own.
            if (!m_atLineStart)
                data.prepend(QLatin1Char('\n'));
            if (!data.endsWith(QLatin1Char('\n')))
                data.append(QLatin1Char('\n'));
        }
        const QTextCharFormat &format = chunk.stream == LogStream::Stderr ? err
            : chunk.stream == LogStream::System                           ? system
                                                                          : out;
        cursor.insertText(data, format);
        if (!data.isEmpty())
            m_atLineStart = data.endsWith(QLatin1Char('\n'));
    }
    m_appending = false;
    if (m_follow->isChecked())
        bar->setValue(bar->maximum());
    else
        bar->setValue(keep);
}

void LogViewer::followToggled(bool on)
{
    m_jumpToEnd->setVisible(!on && !isFinal(m_run.status) && m_run.id != 0);
    if (on) {
        QScrollBar *bar = m_text->verticalScrollBar();
        bar->setValue(bar->maximum());
    }
}

void LogViewer::scrolled(int value)
{
    if (m_appending)
        return;
    QScrollBar *bar = m_text->verticalScrollBar();
    // Scrolling up pauses following; scrolling back to the end resumes it.
    if (value < bar->maximum() && m_follow->isChecked())
        m_follow->setChecked(false);
    else if (value == bar->maximum() && !m_follow->isChecked() && !isFinal(m_run.status)
             && m_run.id != 0)
        m_follow->setChecked(true);
}

void LogViewer::setFindText(const QString &text)
{
    m_findEdit->setText(text);
}

bool LogViewer::find(bool backwards)
{
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *doc = m_text->document();
    QTextCursor found = doc->find(needle, m_text->textCursor(), flags);
    if (found.isNull()) {
        // Wrap around once.
        QTextCursor start(doc);
        if (backwards)
            start.movePosition(QTextCursor::End);
        found = doc->find(needle, start, flags);
    }
    if (found.isNull()) {
        m_findStatus->setText(tr("Not found"));
        return false;
    }
    m_findStatus->clear();
    if (m_follow->isChecked())
        m_follow->setChecked(false); // stay at the match
    m_text->setTextCursor(found);
    m_text->ensureCursorVisible();
    return true;
}

void LogViewer::saveAs()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Log"), QDir(dir).filePath(tr("run-%1.log").arg(m_runId)),
        tr("Log files (*.log *.txt)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool LogViewer::saveTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        m_messages->showMessage(
            MessageBar::Type::Error,
            tr("The log cannot be saved to %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(m_text->toPlainText().toUtf8());
    if (!m_text->toPlainText().endsWith(QLatin1Char('\n')))
        file.write("\n");
    if (!file.commit()) {
        m_messages->showMessage(
            MessageBar::Type::Error,
            tr("The log cannot be saved to %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_messages->showMessage(MessageBar::Type::Information,
                            tr("The log was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace Cronhelm
