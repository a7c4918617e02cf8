#pragma once

#include "placeholdertableview.h"

#include <domain/records.h>
#include <result.h>

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QToolButton;
class QLineEdit;

namespace Cronhelm {

class ColumnSizer;
class JobsFilterProxy;
class JobsModel;
class MessageBar;
class StoreClient;

// The jobs table with its filter box and the actions on a job: New, Edit, Duplicate,
// Pause/Resume, Run now, Delete, Refresh. Actions mirror the session's role (disabled, with
// a tooltip saying why) and the connection state; the database still decides, and a refusal
// shows its reason in the message bar.
class JobsView : public QWidget
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction *create = nullptr;
        QAction *edit = nullptr;
        QAction *duplicate = nullptr;
        QAction *pauseResume = nullptr;
        QAction *runNow = nullptr;
        QAction *remove = nullptr;
        QAction *refresh = nullptr;
        QAction *watch = nullptr;
    };

    JobsView(StoreClient *client, JobsModel *model, MessageBar *messages,
             QWidget *parent = nullptr);

    const Actions &actions() const { return m_actions; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    JobsFilterProxy *proxy() const { return m_proxy; }
    // "Failing (3)": shows only the jobs whose last run was a problem.
    ColumnSizer *columnSizer() const { return m_sizer; }
    QToolButton *failingButton() const { return m_failingOnly; }
    // Puts failing jobs on top, whatever the sort.
    QCheckBox *failingFirstBox() const { return m_failingFirst; }
    int failingCount() const { return m_failingCount; }

    std::optional<JobRecord> selectedJob() const;
    void selectJob(qint64 id);
    // Selects the job and opens it: in the editor when the role may edit, else read-only.
    void openJob(qint64 id);

    // The jobs whose failures raise a desktop notification.
    QList<qint64> watchedJobs() const { return m_watched; }
    void setWatchedJobs(const QList<qint64> &ids);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    void currentJobChanged(qint64 jobId); // 0 when none is selected
    void runQueued(qint64 jobId, const QString &jobName, qint64 runId);
    void watchedJobsChanged();
    void failingCountChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString emptyTableText() const;
    void createActions();
    void updateActions();
    void openEditor(int mode);
    void pauseOrResume();
    void runNow();
    void removeJob();
    void toggleWatch();
    void updateFailingCount();
    void showFailure(const QString &what, const Error &error);

    StoreClient *m_client;
    JobsModel *m_model;
    MessageBar *m_messages;
    JobsFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QToolButton *m_failingOnly;
    QCheckBox *m_failingFirst;
    int m_failingCount = -1;
    ColumnSizer *m_sizer = nullptr;
    PlaceholderTableView *m_table;
    Actions m_actions;
    QList<qint64> m_watched;
    qint64 m_currentJob = 0;
};

} // namespace Cronhelm
