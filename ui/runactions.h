#pragma once

#include <domain/enums.h>

#include <QObject>

#include <QString>
#include <functional>

class QAbstractItemView;
class QMenu;
class QModelIndex;
class QWidget;

namespace Cronhelm {

class MessageBar;
class StoreClient;

// What one can do with a run, wherever runs are listed (History, a job's recent runs): show
// its log, run its job again, cancel it while queued or running, go to its job, copy its
// log or save it to a file. Each action follows the role's permissions, as the toolbar does.
class RunActions : public QObject
{
    Q_OBJECT

public:
    struct Run
    {
        qint64 id = 0;
        qint64 jobId = 0;
        QString jobName;
        RunStatus status = RunStatus::Queued;
    };

    RunActions(StoreClient *client, MessageBar *messages, QWidget *parent);

    // A context menu for the run, owned by the caller.
    QMenu *createMenu(const Run &run, QWidget *parent);
    // Gives a table of runs (a RunHistoryModel, possibly behind a proxy) this context menu.
    void attach(QAbstractItemView *view);
    // The run a row of a RunHistoryModel shows.
    static Run runAt(const QModelIndex &index);

    void runAgain(const Run &run);
    void cancel(const Run &run);
    // The whole log to the clipboard / to a file (asked for when `path` is empty).
    void copyLog(qint64 runId);
    void saveLog(qint64 runId, const QString &path = QString());

signals:
    void logRequested(qint64 runId);
    void jobRequested(qint64 jobId);
    void runQueued(qint64 jobId, const QString &jobName, qint64 runId);
    // The log of a run was copied or saved (for tests and the status line).
    void logCopied(qint64 runId);
    void logSaved(qint64 runId, const QString &path);

private:
    // Reads every piece of the run's log, page by page, then hands over the text.
    void readWholeLog(qint64 runId, std::function<void(const QString &)> done);

    StoreClient *m_client;
    MessageBar *m_messages;
    QWidget *m_parent;
};

} // namespace Cronhelm
