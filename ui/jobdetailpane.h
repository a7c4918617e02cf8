#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;

namespace Cronhelm {

class DurationChart;
class JobChangesModel;
class JobsModel;
class MessageBar;
class RunHistoryModel;
class StoreClient;

// Under the jobs table: the selected job's recent runs, as a chart of durations and
// outcomes and as a list. Double-click a run (or click its bar) to read its log. Runs or
// changes that could not be read are said so above the tabs, with Reload, never shown as
// if there were none.
class JobDetailPane : public QWidget
{
    Q_OBJECT

public:
    JobDetailPane(StoreClient *client, JobsModel *jobs, QWidget *parent = nullptr);

    void showJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    RunHistoryModel *runs() const { return m_runs; }
    DurationChart *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    // Recent runs and the job's changes (the audit trail), as two tabs.
    QTabWidget *tabs() const { return m_tabs; }
    JobChangesModel *changes() const { return m_changes; }
    QTableView *changesTable() const { return m_changesTable; }
    MessageBar *messageBar() const { return m_message; }

signals:
    void logRequested(qint64 runId);
    void allRunsRequested(qint64 jobId);

private:
    void updateHeading();
    void reload();
    void showProblems();

    JobsModel *m_jobs;
    RunHistoryModel *m_runs;
    qint64 m_jobId = 0;
    QLabel *m_heading;
    DurationChart *m_chart;
    QTableView *m_table;
    JobChangesModel *m_changes;
    QTableView *m_changesTable;
    QTabWidget *m_tabs;
    MessageBar *m_message;
    QAction *m_reload;
    QString m_runsProblem;    // why the recent runs could not be read; empty when they were
    QString m_changesProblem; // the same for the changes
};

} // namespace Cronhelm
