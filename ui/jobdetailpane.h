#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace Cronhelm {

class DurationChart;
class JobsModel;
class RunHistoryModel;
class StoreClient;

// Under the jobs table: the selected job's recent runs, as a chart of durations and
// outcomes and as a list. Double-click a run (or click its bar) to read its log.
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

signals:
    void logRequested(qint64 runId);
    void allRunsRequested(qint64 jobId);

private:
    void updateHeading();

    JobsModel *m_jobs;
    RunHistoryModel *m_runs;
    qint64 m_jobId = 0;
    QLabel *m_heading;
    DurationChart *m_chart;
    QTableView *m_table;
};

} // namespace Cronhelm
