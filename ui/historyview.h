#pragma once

#include "placeholdertableview.h"

#include <csvexporter.h>
#include <domain/records.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace Cronhelm {

class ColumnSizer;
class JobsModel;
class MessageBar;
class RunHistoryModel;
class StoreClient;

// The run history of all jobs, or one: filters (job, status incl. "problems only",
// trigger, date range) applied on the server, sortable columns, live updates, and the CSV
// export of what the filters select. Double-click (or Enter) opens a run's log.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    HistoryView(StoreClient *client, JobsModel *jobs, MessageBar *messages,
                QWidget *parent = nullptr);

    RunHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *jobFilter() const { return m_job; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *triggerFilter() const { return m_trigger; }
    QAction *exportAction() const { return m_export; }

    // Shows one job's history (0: all jobs).
    void showJob(qint64 jobId);
    RunFilter currentFilter() const;

    // Exports what the filters select to `path` (the Export action asks for it first).
    // Spreadsheet: what the table shows; Programs: the CLI's CSV, byte for byte.
    void exportTo(const QString &path,
                  CsvExporter::Format format = CsvExporter::Format::Spreadsheet);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    void logRequested(qint64 runId);

private:
    void applyFilter();
    void refillJobs();
    void updateCount();
    void exportCsv();

    StoreClient *m_client;
    JobsModel *m_jobs;
    MessageBar *m_messages;
    RunHistoryModel *m_model;
    QComboBox *m_job;
    QComboBox *m_status;
    QComboBox *m_trigger;
    QCheckBox *m_fromCheck;
    QDateTimeEdit *m_from;
    QCheckBox *m_toCheck;
    QDateTimeEdit *m_to;
    QLabel *m_count;
    PlaceholderTableView *m_table;
    ColumnSizer *m_sizer = nullptr;
    QAction *m_export;
    QAction *m_openLog;
};

} // namespace Cronhelm
