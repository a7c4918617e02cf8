#include "jobdetailpane.h"

#include "columnsizer.h"
#include "durationchart.h"
#include "messagebar.h"

#include <jobchangesmodel.h>
#include <jobsmodel.h>
#include <runhistorymodel.h>

#include <QAction>
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
    , m_message(new MessageBar(this))
    , m_reload(new QAction(tr("Reload"), this))
{
    connect(m_reload, &QAction::triggered, this, &JobDetailPane::reload);
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
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    // A failed read leaves the tables as they were (or empty): say so rather than let an
    // empty list look like a job that never ran or never changed.
    connect(m_runs, &RunHistoryModel::loadFailed, this, [this](const QString &message) {
        m_runsProblem = message;
        showProblems();
    });
    connect(m_runs, &RunHistoryModel::pageLoaded, this, [this](bool first) {
        if (first && !m_runsProblem.isEmpty()) {
            m_runsProblem.clear();
            showProblems();
        }
    });
    connect(m_changes, &JobChangesModel::loadFailed, this, [this](const QString &message) {
        m_changesProblem = message;
        showProblems();
    });
    connect(m_changes, &JobChangesModel::loaded, this, [this] {
        if (!m_changesProblem.isEmpty()) {
            m_changesProblem.clear();
            showProblems();
        }
    });
    connect(jobs, &QAbstractItemModel::dataChanged, this, &JobDetailPane::updateHeading);
    showJob(0);
}

void JobDetailPane::showJob(qint64 jobId)
{
    if (jobId != m_jobId) {
        m_runsProblem.clear();
        m_changesProblem.clear();
        showProblems();
    }
    m_jobId = jobId;
    RunFilter filter;
    filter.jobId = jobId ? jobId : -1; // no job selected: show nothing
    m_runs->setFilter(filter);
    m_changes->showJob(jobId);
    updateHeading();
}

void JobDetailPane::reload()
{
    m_runs->reload();
    m_changes->reload();
}

void JobDetailPane::showProblems()
{
    QString text;
    if (!m_runsProblem.isEmpty() && !m_changesProblem.isEmpty())
        text = tr("The recent runs and the changes of this job could not be read: %1")
                   .arg(m_runsProblem);
    else if (!m_runsProblem.isEmpty())
        text = tr("The recent runs of this job could not be read: %1").arg(m_runsProblem);
    else if (!m_changesProblem.isEmpty())
        text = tr("The changes of this job could not be read: %1").arg(m_changesProblem);
    if (text.isEmpty()) {
        m_message->clearMessage();
        return;
    }
    m_message->showMessage(MessageBar::Type::Warning, text, {m_reload});
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
