#include "runhistorymodel.h"

#include "displayformat.h"
#include "storeclient.h"

#include <store/historyquery.h>

#include <QThreadPool>
#include <QTimer>

#include <utility>

namespace Cronhelm {

namespace {

constexpr int kCoalesceMs = 80;

HistorySortKey keyForColumn(int column)
{
    switch (column) {
    case RunHistoryModel::Status:
        return HistorySortKey::Status;
    case RunHistoryModel::Scheduled:
        return HistorySortKey::ScheduledFor;
    case RunHistoryModel::Duration:
        return HistorySortKey::Duration;
    default:
        return HistorySortKey::RunId;
    }
}

} // namespace

RunHistoryModel::RunHistoryModel(StoreClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_coalesce(new QTimer(this))
    , m_tick(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(kCoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &RunHistoryModel::fetchNoted);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        for (int r = 0; r < m_runs.size(); ++r) {
            if (m_runs.at(r).status == RunStatus::Running)
                emit dataChanged(index(r, Duration), index(r, Duration));
        }
    });
    m_tick->start();
    connect(client, &StoreClient::runChanged, this,
            [this](qint64 jobId, qint64 runId) { noteRun(jobId, runId); });
    connect(client, &StoreClient::connected, this, [this](bool reconnected) {
        // After a reconnect the first page is read again; rows loaded further down stay
        // until the next filter change (a reset would lose the user's place).
        if (!reconnected || m_runs.isEmpty())
            reload();
        else
            requestPage(true);
    });
    if (client->isConnected())
        requestPage(true);
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && !isSortable(section))
        return tr("The history can be sorted by run, status, scheduled time and duration.");
    if (role != Qt::DisplayRole)
        return {};
    return columnTitle(section);
}

QString RunHistoryModel::columnTitle(int section)
{
    switch (section) {
    case Run:
        return tr("Run");
    case Job:
        return tr("Job");
    case Status:
        return tr("Status");
    case Trigger:
        return tr("Started by");
    case Scheduled:
        return tr("Scheduled for");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Node:
        return tr("Node");
    case Outcome:
        return tr("Result");
    }
    return {};
}

QVariant RunHistoryModel::display(const RunRecord &run, int column)
{
    const QTimeZone viewer = Display::viewerZone();
    switch (column) {
    case Run:
        return run.id;
    case Job:
        return run.job;
    case Status:
        if (run.status == RunStatus::Running && run.cancelRequested)
            return tr("Cancelling");
        return Display::statusText(run.status);
    case Trigger: {
        QString text = Display::triggerText(run.trigger);
        if (run.trigger == RunTrigger::Manual && !run.triggeredBy.isEmpty())
            text = tr("Run now by %1").arg(run.triggeredBy);
        else if (run.attempt > 1)
            text = tr("Retry (attempt %1)").arg(run.attempt);
        return text;
    }
    case Scheduled:
        return Display::shortDateTime(run.scheduledFor, viewer);
    case Started:
        return Display::shortDateTime(run.startedAt, viewer);
    case Duration:
        if (run.durationMs)
            return formatDuration(*run.durationMs);
        if (run.status == RunStatus::Running && run.startedAt.isValid())
            return formatDuration(run.startedAt.msecsTo(QDateTime::currentDateTimeUtc()));
        return {};
    case Node:
        return run.node;
    case Outcome:
        return Display::runOutcome(run);
    }
    return {};
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(run, index.column());
    case Qt::DecorationRole:
        if (index.column() == Status)
            return Display::statusIcon(run.status);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Scheduled:
            return Display::dateTime(run.scheduledFor, Display::viewerZone(), true);
        case Started:
            return Display::dateTime(run.startedAt, Display::viewerZone(), true);
        case Outcome:
            if (!run.waitReason.isEmpty())
                return run.waitReason;
            return run.error.isEmpty() ? QVariant() : run.error;
        case Status:
            if (run.logTruncated)
                return tr("The log of this run was cut at its size limit.");
            return {};
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Run || index.column() == Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RunIdRole:
        return run.id;
    case JobIdRole:
        return run.jobId;
    case StatusRole:
        return QVariant::fromValue(run.status);
    case DurationMsRole:
        if (run.durationMs)
            return *run.durationMs;
        if (run.status == RunStatus::Running && run.startedAt.isValid())
            return run.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
        return {};
    default:
        return {};
    }
}

bool RunHistoryModel::isSortable(int column)
{
    return column == Run || column == Status || column == Scheduled || column == Duration;
}

int RunHistoryModel::sortColumn() const
{
    switch (m_sort.key) {
    case HistorySortKey::RunId:
        return Run;
    case HistorySortKey::Status:
        return Status;
    case HistorySortKey::ScheduledFor:
        return Scheduled;
    case HistorySortKey::Duration:
        return Duration;
    }
    return Run;
}

void RunHistoryModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    const HistorySort sort{keyForColumn(column), order == Qt::DescendingOrder};
    if (sort.key == m_sort.key && sort.descending == m_sort.descending && m_loaded)
        return;
    m_sort = sort;
    reload();
}

void RunHistoryModel::setFilter(const RunFilter &filter)
{
    m_filter = filter;
    reload();
}

void RunHistoryModel::reload()
{
    ++m_generation;
    beginResetModel();
    releaseRuns(std::exchange(m_runs, {}));
    m_next.reset();
    m_loaded = false;
    endResetModel();
    requestPage(true);
}

void RunHistoryModel::releaseRuns(QList<RunRecord> &&runs)
{
    // A million loaded runs take ~60 ms to free (each holds several strings); on the GUI
    // thread that is a visible stall on every filter change. Nothing else refers to the
    // rows any more and string reference counts are atomic, so a pool thread frees them.
    constexpr qsizetype kFreeInBackgroundFrom = 20000;
    if (runs.size() < kFreeInBackgroundFrom)
        return;
    QThreadPool::globalInstance()->start([doomed = std::move(runs)]() mutable { doomed = {}; });
}

bool RunHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_next && !m_loading;
}

void RunHistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(false);
}

void RunHistoryModel::requestPage(bool first)
{
    if (!m_client->isConnected())
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    const std::optional<HistoryCursor> after = first ? std::nullopt : m_next;
    m_client->fetchHistory(this, m_filter, m_sort, m_pageSize, after,
                           [this, generation, first](Result<HistoryPage> page) {
                               if (generation != m_generation)
                                   return; // a newer filter or sort is loading
                               m_loading = false;
                               if (!page) {
                                   emit loadFailed(page.errorMessage());
                                   return;
                               }
                               if (first && m_loaded) {
                                   // A refresh of the first page (after a reconnect): update what
                                   // is there, add what is new on top.
                                   applyRuns(page->runs);
                                   emit pageLoaded(true);
                                   return;
                               }
                               // The cursor moves first: views (and QAbstractItemModelTester) may
                               // ask for more while the rows are being inserted.
                               m_next = page->next;
                               m_loaded = true;
                               if (!page->runs.isEmpty()) {
                                   const int at = int(m_runs.size());
                                   beginInsertRows({}, at, at + int(page->runs.size()) - 1);
                                   m_runs.append(page->runs);
                                   endInsertRows();
                               }
                               emit pageLoaded(first);
                           });
}

int RunHistoryModel::rowOfRun(qint64 runId) const
{
    for (int r = 0; r < m_runs.size(); ++r) {
        if (m_runs.at(r).id == runId)
            return r;
    }
    return -1;
}

void RunHistoryModel::noteRun(qint64 jobId, qint64 runId)
{
    if (m_filter.jobId && *m_filter.jobId != jobId)
        return;
    m_noted.insert(runId);
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

void RunHistoryModel::fetchNoted()
{
    if (m_noted.isEmpty() || !m_loaded)
        return;
    const QList<qint64> ids(m_noted.cbegin(), m_noted.cend());
    m_noted.clear();
    const quint64 generation = m_generation;
    m_client->fetchRuns(this, ids, [this, generation](Result<QList<RunRecord>> runs) {
        if (generation == m_generation && runs)
            applyRuns(*runs);
    });
}

bool RunHistoryModel::belongsOnTop(const RunRecord &run) const
{
    if (!m_sort.descending || !HistoryQuery::matches(m_filter, run))
        return false;
    if (m_runs.isEmpty())
        return true;
    const RunRecord &top = m_runs.constFirst();
    if (m_sort.key == HistorySortKey::RunId)
        return run.id > top.id;
    if (m_sort.key == HistorySortKey::ScheduledFor)
        return run.scheduledFor > top.scheduledFor
            || (run.scheduledFor == top.scheduledFor && run.id > top.id);
    return false;
}

void RunHistoryModel::applyRuns(const QList<RunRecord> &runs)
{
    QList<RunRecord> fresh;
    for (const RunRecord &run : runs) {
        const int r = rowOfRun(run.id);
        if (r >= 0) {
            if (!HistoryQuery::matches(m_filter, run)) {
                // e.g. "running" filter and the run finished: it leaves the list.
                beginRemoveRows({}, r, r);
                m_runs.removeAt(r);
                endRemoveRows();
            } else {
                m_runs[r] = run;
                emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
            }
            emit runUpdated(run.id);
        } else if (belongsOnTop(run)) {
            fresh.append(run);
        }
    }
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end(), [this](const RunRecord &a, const RunRecord &b) {
        if (m_sort.key == HistorySortKey::ScheduledFor && a.scheduledFor != b.scheduledFor)
            return a.scheduledFor > b.scheduledFor;
        return a.id > b.id;
    });
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_runs = fresh + m_runs;
    endInsertRows();
    for (const RunRecord &run : std::as_const(fresh))
        emit runUpdated(run.id);
}

} // namespace Cronhelm
