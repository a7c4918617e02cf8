#include "runactions.h"

#include "messagebar.h"

#include <displayformat.h>
#include <permissions.h>
#include <runhistorymodel.h>
#include <storeclient.h>

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>

#include <memory>

namespace Cronhelm {

namespace {
constexpr int kLogPage = 2000; // pieces per query
} // namespace

RunActions::RunActions(StoreClient *client, MessageBar *messages, QWidget *parent)
    : QObject(parent)
    , m_client(client)
    , m_messages(messages)
    , m_parent(parent)
{}

QMenu *RunActions::createMenu(const Run &run, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("runMenu"));
    menu->setToolTipsVisible(true);
    auto allow = [this](QAction *action, JobAction what) {
        const Permission p = permissionFor(m_client->role(), what);
        action->setEnabled(p.allowed && m_client->isConnected());
        if (!p.allowed)
            action->setToolTip(p.reason);
    };
    QAction *log = menu->addAction(Display::icon(QStringLiteral("log")), tr("Show &Log"));
    connect(log, &QAction::triggered, this, [this, run] { emit logRequested(run.id); });
    menu->setDefaultAction(log);
    QAction *again = menu->addAction(Display::icon(QStringLiteral("run")), tr("&Run Again"));
    again->setObjectName(QStringLiteral("runAgain"));
    allow(again, JobAction::RunNow);
    connect(again, &QAction::triggered, this, [this, run] { runAgain(run); });
    QAction *cancelAction =
        menu->addAction(Display::icon(QStringLiteral("cancel")), tr("&Cancel Run"));
    cancelAction->setObjectName(QStringLiteral("cancelRun"));
    allow(cancelAction, JobAction::CancelRun);
    if (isFinal(run.status)) {
        cancelAction->setEnabled(false);
        cancelAction->setToolTip(tr("Only a queued or running run can be cancelled."));
    }
    connect(cancelAction, &QAction::triggered, this, [this, run] { cancel(run); });
    menu->addSeparator();
    QAction *job = menu->addAction(Display::icon(QStringLiteral("jobs")), tr("&Go to Job"));
    job->setObjectName(QStringLiteral("goToJob"));
    connect(job, &QAction::triggered, this, [this, run] { emit jobRequested(run.jobId); });
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("Cop&y Log"));
    copy->setObjectName(QStringLiteral("copyLog"));
    connect(copy, &QAction::triggered, this, [this, run] { copyLog(run.id); });
    QAction *save =
        menu->addAction(Display::icon(QStringLiteral("save"), QStringLiteral("document-save")),
                        tr("&Save Log As…"));
    save->setObjectName(QStringLiteral("saveLog"));
    connect(save, &QAction::triggered, this, [this, run] { saveLog(run.id); });
    return menu;
}

RunActions::Run RunActions::runAt(const QModelIndex &index)
{
    Run run;
    run.id = index.data(RunHistoryModel::RunIdRole).toLongLong();
    run.jobId = index.data(RunHistoryModel::JobIdRole).toLongLong();
    run.jobName = index.siblingAtColumn(RunHistoryModel::Job).data().toString();
    run.status = index.data(RunHistoryModel::StatusRole).value<RunStatus>();
    return run;
}

void RunActions::attach(QAbstractItemView *view)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        const QModelIndex index = view->indexAt(pos);
        if (!index.isValid())
            return;
        view->setCurrentIndex(index);
        QMenu *menu = createMenu(runAt(index), view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
}

void RunActions::runAgain(const Run &run)
{
    m_client->runNow(this, run.jobId, [this, run](Result<qint64> queued) {
        if (!queued) {
            m_messages->showMessage(
                MessageBar::Type::Error,
                tr("“%1” could not be started: %2").arg(run.jobName, queued.errorMessage()));
            return;
        }
        emit runQueued(run.jobId, run.jobName, *queued);
    });
}

void RunActions::cancel(const Run &run)
{
    m_client->cancelRun(this, run.id, [this, run](Result<QString> done) {
        if (!done) {
            m_messages->showMessage(
                MessageBar::Type::Error,
                tr("Run %1 could not be cancelled: %2").arg(run.id).arg(done.errorMessage()));
            return;
        }
        m_messages->showMessage(
            MessageBar::Type::Information,
            tr("Run %1 of “%2” is being cancelled.").arg(run.id).arg(run.jobName), {}, 8000);
    });
}

void RunActions::readWholeLog(qint64 runId, std::function<void(const QString &)> done)
{
    auto text = std::make_shared<QString>();
    auto next = std::make_shared<std::function<void(int)>>();
    // The function holds itself through `next` only while a page is under way.
    *next = [this, runId, text, next, done](int afterSeq) {
        m_client->fetchLog(this, runId, afterSeq, kLogPage,
                           [this, runId, text, next, done](Result<QList<LogChunk>> page) {
                               if (!page) {
                                   m_messages->showMessage(
                                       MessageBar::Type::Error,
                                       tr("The log of run %1 could not be read: %2")
                                           .arg(runId)
                                           .arg(page.errorMessage()));
                                   *next = nullptr;
                                   return;
                               }
                               for (const LogChunk &chunk : *page)
                                   text->append(chunk.data);
                               if (page->size() < kLogPage) {
                                   done(*text);
                                   *next = nullptr;
                                   return;
                               }
                               (*next)(page->last().seq);
                           });
    };
    (*next)(0);
}

void RunActions::copyLog(qint64 runId)
{
    readWholeLog(runId, [this, runId](const QString &text) {
        QGuiApplication::clipboard()->setText(text);
        m_messages->showMessage(MessageBar::Type::Information,
                                tr("The log of run %1 was copied.").arg(runId), {}, 8000);
        emit logCopied(runId);
    });
}

void RunActions::saveLog(qint64 runId, const QString &chosen)
{
    QString path = chosen;
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(m_parent, tr("Save Log"),
                                            QDir(dir).filePath(tr("run-%1.log").arg(runId)),
                                            tr("Log files (*.log *.txt)"));
        if (path.isEmpty())
            return;
    }
    readWholeLog(runId, [this, runId, path](const QString &text) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            m_messages->showMessage(
                MessageBar::Type::Error,
                tr("The log cannot be saved to %1: %2").arg(path, file.errorString()));
            return;
        }
        m_messages->showMessage(MessageBar::Type::Information,
                                tr("The log was saved to %1.").arg(QDir::toNativeSeparators(path)),
                                {}, 8000);
        emit logSaved(runId, path);
    });
}

} // namespace Cronhelm
