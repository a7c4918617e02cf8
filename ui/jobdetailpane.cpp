#include "jobdetailpane.h"

#include "columnsizer.h"
#include "durationchart.h"

#include <jobchangesmodel.h>
#include <jobsmodel.h>
#include <runhistorymodel.h>

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Cronhelm {

JobDetailPane::JobDetailPane(StoreClient *client, JobsModel *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_runs(new RunHistoryModel(client, this))
    , m_heading(new QLabel(this))
    , m_chart(new DurationChart(this))
    , m_table(new QTableView(this))
    , m_changes(new JobChangesModel(client, this))
    , m_changesTable(new QTableView(this))
    , m_tabs(new QTabWidget(this))
{
    m_runs->setPageSize(60);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setObjectName(QStringLiteral("jobDetailHeading"));
    connect(m_heading, &QLabel::linkActivated, this, [this] { emit allRunsRequested(m_jobId); });
    m_chart->setModel(m_runs);
    connect(m_chart, &DurationChart::runClicked, this, &JobDetailPane::logRequested);

    m_table->setObjectName(QStringLiteral("recentRunsTable"));
    m_table->setModel(m_runs);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->hideColumn(RunHistoryModel::Job);
    new ColumnSizer(m_table,
                    {{RunHistoryModel::Run, 9},
                     {RunHistoryModel::Status, 8},
                     {RunHistoryModel::Scheduled, 7},
                     {RunHistoryModel::Outcome, 6, 0, 200},
                     {RunHistoryModel::Started, 5},
                     {RunHistoryModel::Duration, 5},
                     {RunHistoryModel::Trigger, 4},
                     {RunHistoryModel::Node, 3, 200}},
                    RunHistoryModel::Outcome);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit logRequested(index.data(RunHistoryModel::RunIdRole).toLongLong());
    });

    m_changesTable->setObjectName(QStringLiteral("jobChangesTable"));
    m_changesTable->setModel(m_changes);
    m_changesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changesTable->setAlternatingRowColors(true);
    m_changesTable->setWordWrap(false);
    m_changesTable->verticalHeader()->hide();
    new ColumnSizer(m_changesTable,
                    {{JobChangesModel::When, 9},
                     {JobChangesModel::What, 8},
                     {JobChangesModel::Who, 7, 200},
                     {JobChangesModel::Details, 6, 0, 200}},
                    JobChangesModel::Details);

    auto *runsPage = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runsPage);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_chart);
    runsLayout->addWidget(m_table, 1);
    m_tabs->setObjectName(QStringLiteral("jobDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(runsPage, tr("Recent Runs"));
    m_tabs->addTab(m_changesTable, tr("Changes"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);
    connect(jobs, &QAbstractItemModel::dataChanged, this, &JobDetailPane::updateHeading);
    showJob(0);
}

void JobDetailPane::showJob(qint64 jobId)
{
    m_jobId = jobId;
    RunFilter filter;
    filter.jobId = jobId ? jobId : -1; // no job selected: show nothing
    m_runs->setFilter(filter);
    m_changes->showJob(jobId);
    updateHeading();
}

void JobDetailPane::updateHeading()
{
    const std::optional<JobRecord> job = m_jobId ? m_jobs->jobById(m_jobId) : std::nullopt;
    if (!job) {
        m_heading->setText(tr("Select a job to see its recent runs."));
        return;
    }
    m_heading->setText(tr("<b>Recent runs of %1</b> &nbsp; <a href=\"#history\">All runs…</a>")
                           .arg(job->spec.name.toHtmlEscaped()));
}

} // namespace Cronhelm
