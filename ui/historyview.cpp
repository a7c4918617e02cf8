#include "historyview.h"

#include "columnsizer.h"

#include "messagebar.h"

#include <csvexporter.h>
#include <displayformat.h>
#include <jobsmodel.h>
#include <runhistorymodel.h>
#include <storeclient.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Cronhelm {

namespace {
const QString kProblems = QStringLiteral("problems");
}

HistoryView::HistoryView(StoreClient *client, JobsModel *jobs, MessageBar *messages,
                         QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_jobs(jobs)
    , m_messages(messages)
    , m_model(new RunHistoryModel(client, this))
    , m_job(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_trigger(new QComboBox(this))
    , m_fromCheck(new QCheckBox(tr("&From:"), this))
    , m_from(new QDateTimeEdit(this))
    , m_toCheck(new QCheckBox(tr("&Until:"), this))
    , m_to(new QDateTimeEdit(this))
    , m_count(new QLabel(this))
    , m_table(new PlaceholderTableView(this))
    , m_export(
          new QAction(Display::icon(QStringLiteral("export")), tr("&Export History as CSV…"), this))
    , m_openLog(new QAction(Display::icon(QStringLiteral("log")), tr("Show &Log"), this))
{
    m_job->setObjectName(QStringLiteral("historyJobFilter"));
    m_status->setObjectName(QStringLiteral("historyStatusFilter"));
    m_trigger->setObjectName(QStringLiteral("historyTriggerFilter"));
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_job->setMinimumContentsLength(18);
    m_job->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_job->setToolTip(tr("Show the runs of one job"));

    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(Display::statusIcon(RunStatus::Failed), tr("Problems only"), kProblems);
    for (RunStatus status : Display::allStatuses())
        m_status->addItem(Display::statusIcon(status), Display::statusText(status),
                          wireName(status));
    m_status->setToolTip(tr("“Problems only” shows failed, timed-out and abandoned runs."));
    m_trigger->addItem(tr("Any trigger"), QString());
    for (RunTrigger trigger : allValues<RunTrigger>())
        m_trigger->addItem(Display::triggerText(trigger), wireName(trigger));

    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setEnabled(false);
    }
    m_from->setDateTime(QDateTime(now.date().addDays(-7), QTime(0, 0)));
    m_to->setDateTime(QDateTime(now.date().addDays(1), QTime(0, 0)));
    m_from->setToolTip(tr("Runs scheduled at or after this time (your time zone)"));
    m_to->setToolTip(tr("Runs scheduled before this time (your time zone)"));

    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_export);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    // Two rows: on one, the filters alone made the whole window at least 1,090 px wide
    // (wider than a 1,024-px screen).
    auto *whatRow = new QHBoxLayout;
    whatRow->addWidget(new QLabel(tr("Job:"), this));
    whatRow->addWidget(m_job);
    whatRow->addWidget(m_status);
    whatRow->addWidget(m_trigger);
    whatRow->addStretch();
    whatRow->addWidget(exportButton);
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_fromCheck);
    whenRow->addWidget(m_from);
    whenRow->addSpacing(8);
    whenRow->addWidget(m_toCheck);
    whenRow->addWidget(m_to);
    whenRow->addStretch();
    auto *filters = new QVBoxLayout;
    filters->addLayout(whatRow);
    filters->addLayout(whenRow);

    m_table->setModel(m_model);
    m_table->setPlaceholder([this] {
        // Only once the server has answered that there is nothing: not while loading.
        return m_model->isComplete() && m_client->isConnected() ? tr("No runs match these filters.")
                                                                : QString();
    });
    connect(m_model, &RunHistoryModel::pageLoaded, m_table->viewport(),
            qOverload<>(&QWidget::update));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setSortIndicator(RunHistoryModel::Run, Qt::DescendingOrder);
    m_sizer = new ColumnSizer(m_table,
                              {{RunHistoryModel::Run, 9},
                               {RunHistoryModel::Job, 8, 300},
                               {RunHistoryModel::Status, 8},
                               {RunHistoryModel::Scheduled, 7},
                               {RunHistoryModel::Outcome, 6, 0, 200},
                               {RunHistoryModel::Started, 5},
                               {RunHistoryModel::Duration, 5},
                               {RunHistoryModel::Trigger, 4},
                               {RunHistoryModel::Node, 3, 200}},
                              RunHistoryModel::Outcome);
    // Sorting is done by the server, on the columns it has indexes for.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int column, Qt::SortOrder order) {
                if (!RunHistoryModel::isSortable(column)) {
                    const QSignalBlocker block(header);
                    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
                    return;
                }
                m_model->sort(column, order);
            });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table);
    layout->addWidget(m_count);

    m_openLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_openLog->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_openLog);
    connect(m_openLog, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit logRequested(current.data(RunHistoryModel::RunIdRole).toLongLong());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit logRequested(index.data(RunHistoryModel::RunIdRole).toLongLong());
    });
    // The context menu of a run is RunActions' (the main window attaches it).
    connect(m_export, &QAction::triggered, this, &HistoryView::exportCsv);

    for (QComboBox *combo : {m_job, m_status, m_trigger})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    for (QCheckBox *check : {m_fromCheck, m_toCheck}) {
        connect(check, &QCheckBox::toggled, this, [this] {
            m_from->setEnabled(m_fromCheck->isChecked());
            m_to->setEnabled(m_toCheck->isChecked());
            applyFilter();
        });
    }
    // Date edits change with every keystroke: wait for a pause in typing.
    auto *dateTimer = new QTimer(this);
    dateTimer->setSingleShot(true);
    dateTimer->setInterval(400);
    connect(dateTimer, &QTimer::timeout, this, &HistoryView::applyFilter);
    for (QDateTimeEdit *edit : {m_from, m_to})
        connect(edit, &QDateTimeEdit::dateTimeChanged, dateTimer, qOverload<>(&QTimer::start));

    connect(m_model, &RunHistoryModel::pageLoaded, this, &HistoryView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::updateCount);
    connect(m_model, &RunHistoryModel::loadFailed, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Type::Error,
                                tr("The run history could not be loaded: %1").arg(message));
    });
    connect(jobs, &JobsModel::loaded, this, &HistoryView::refillJobs);
    connect(jobs, &QAbstractItemModel::rowsInserted, this, &HistoryView::refillJobs);
    connect(jobs, &QAbstractItemModel::rowsRemoved, this, &HistoryView::refillJobs);
    refillJobs();
    applyFilter();
}

void HistoryView::refillJobs()
{
    const qint64 selected = m_job->currentData().toLongLong();
    QList<JobRecord> jobs = m_jobs->jobs();
    std::sort(jobs.begin(), jobs.end(), [](const JobRecord &a, const JobRecord &b) {
        return QString::localeAwareCompare(a.spec.name, b.spec.name) < 0;
    });
    const QSignalBlocker block(m_job);
    m_job->clear();
    m_job->addItem(tr("All jobs"), qint64(0));
    for (const JobRecord &job : std::as_const(jobs))
        m_job->addItem(job.spec.name, job.id);
    const int index = m_job->findData(selected);
    m_job->setCurrentIndex(index >= 0 ? index : 0);
}

void HistoryView::showJob(qint64 jobId)
{
    int index = m_job->findData(jobId);
    if (index < 0)
        index = 0;
    m_job->setCurrentIndex(index); // applies the filter
}

RunFilter HistoryView::currentFilter() const
{
    RunFilter f;
    if (const qint64 job = m_job->currentData().toLongLong())
        f.jobId = job;
    const QString status = m_status->currentData().toString();
    if (status == kProblems)
        f.statuses = problemStatuses();
    else if (const std::optional<RunStatus> one = fromWireName<RunStatus>(status))
        f.statuses = {*one};
    if (const auto trigger = fromWireName<RunTrigger>(m_trigger->currentData().toString()))
        f.triggers = {*trigger};
    // The edits show the viewer's wall-clock time.
    if (m_fromCheck->isChecked())
        f.since = QDateTime(m_from->date(), m_from->time(), Display::viewerZone()).toUTC();
    if (m_toCheck->isChecked())
        f.until = QDateTime(m_to->date(), m_to->time(), Display::viewerZone()).toUTC();
    return f;
}

void HistoryView::applyFilter()
{
    const RunFilter f = currentFilter();
    const RunFilter old = m_model->filter();
    const bool same = f.jobId == old.jobId && f.statuses == old.statuses
        && f.triggers == old.triggers && f.since == old.since && f.until == old.until;
    if (!same || m_model->rowCount() == 0)
        m_model->setFilter(f);
}

void HistoryView::updateCount()
{
    const int rows = m_model->rowCount();
    if (m_model->isComplete())
        m_count->setText(tr("%n run(s).", nullptr, rows));
    else
        m_count->setText(tr("Showing the first %n runs; more load as you scroll.", nullptr, rows));
}

void HistoryView::exportCsv()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(
        tr("cronhelm-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    // The spreadsheet form first: it is the default, and what most people open the file in.
    const QString forSpreadsheet = tr("CSV for a spreadsheet (*.csv)");
    const QString forPrograms = tr("CSV for programs, as cronhelmctl writes it (*.csv)");
    QString chosen = forSpreadsheet;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Run History"), suggested,
                                     forSpreadsheet + QStringLiteral(";;") + forPrograms, &chosen);
    if (!path.isEmpty())
        exportTo(path,
                 chosen == forPrograms ? CsvExporter::Format::Programs
                                       : CsvExporter::Format::Spreadsheet);
}

void HistoryView::exportTo(const QString &path, CsvExporter::Format format)
{
    auto *exporter = new CsvExporter(m_client->conninfo(), this);
    auto *progress =
        new QProgressDialog(tr("Exporting the run history…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export Run History"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, exporter, &CsvExporter::cancel);
    connect(exporter, &CsvExporter::progress, progress, [progress](qint64 rows) {
        progress->setLabelText(tr("Exporting the run history… %L1 runs written.").arg(rows));
    });
    auto finish = [exporter, progress] {
        progress->deleteLater();
        exporter->deleteLater();
    };
    connect(exporter, &CsvExporter::finished, this, [this, finish, path](qint64 rows) {
        finish();
        m_messages->showMessage(
            MessageBar::Type::Information,
            tr("%n run(s) exported to %1.", nullptr, int(std::min<qint64>(rows, INT_MAX)))
                .arg(QDir::toNativeSeparators(path)));
    });
    connect(exporter, &CsvExporter::cancelled, this, [this, finish] {
        finish();
        m_messages->showMessage(MessageBar::Type::Information,
                                tr("The export was cancelled; no file was written."));
    });
    connect(exporter, &CsvExporter::failed, this, [this, finish](const QString &message) {
        finish();
        m_messages->showMessage(MessageBar::Type::Error, tr("The export failed: %1").arg(message));
    });
    exporter->start(currentFilter(), path, QString::fromUtf8(Display::viewerZone().id()), format,
                    m_model->historySort());
}

QByteArray HistoryView::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void HistoryView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QHeaderView *header = m_table->horizontalHeader();
    const QSignalBlocker block(header);
    header->restoreState(state);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

} // namespace Cronhelm
