#include "jobsmodel.h"

#include "displayformat.h"
#include "modelstr.h"
#include "storeclient.h"

#include <cron/crondescription.h>
#include <cron/localtime.h>

#include <algorithm>

#include <QFont>

#include <QHash>
#include <QTimer>
#include <algorithm>

namespace Cronhelm {

namespace {

constexpr int kCoalesceMs = 80;
// Above this many changed jobs at once, one list() is cheaper than fetching each.
constexpr int kRefreshOneByOneLimit = 24;

// Problems first, then what is going on, then what went well; never ran last.
int statusRank(std::optional<RunStatus> status)
{
    static const QList<RunStatus> order = {
        RunStatus::Failed, RunStatus::TimedOut,  RunStatus::Abandoned, RunStatus::Running,
        RunStatus::Queued, RunStatus::Cancelled, RunStatus::Skipped,   RunStatus::Succeeded};
    const qsizetype i = status ? order.indexOf(*status) : -1;
    return i < 0 ? int(order.size()) : int(i);
}

// What the "last result" column shows: Running while a run is under way.
std::optional<RunStatus> shownStatus(const JobRecord &job)
{
    return job.runningCount > 0 ? std::optional<RunStatus>(RunStatus::Running) : job.lastStatus;
}

} // namespace

JobsModel::JobsModel(StoreClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_coalesce(new QTimer(this))
    , m_tick(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(kCoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &JobsModel::fetchPending);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &JobsModel::tick);
    m_tick->start();

    connect(client, &StoreClient::connected, this, [this](bool) { reload(); });
    connect(client, &StoreClient::jobChanged, this, &JobsModel::noteChanged);
    connect(client, &StoreClient::runChanged, this,
            [this](qint64 jobId, qint64) { noteChanged(jobId); });
    if (client->isConnected())
        reload();
}

JobsModel::~JobsModel() = default;

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Schedule:
        return tr("Schedule");
    case NextRun:
        return tr("Next run");
    case LastResult:
        return tr("Last result");
    case LastDuration:
        return tr("Duration");
    case State:
        return tr("State");
    case Owner:
        return tr("Owner");
    }
    return {};
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const JobRecord &job = row.job;
    const bool running = job.runningCount > 0;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == LastResult)
            return Display::statusIcon(shownStatus(job));
        if (index.column() == State) {
            if (!row.scheduleProblem.isEmpty() || !row.placementProblem.isEmpty())
                return Display::icon(QStringLiteral("warning"));
            if (!job.spec.enabled)
                return Display::icon(QStringLiteral("pause"));
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name:
            return job.spec.description.isEmpty() ? job.spec.name : job.spec.description;
        case Schedule:
            return !job.isOnce()
                ? tr("Cron expression \"%1\" in %2")
                      .arg(job.spec.cron, Display::zoneName(job.spec.timeZone))
                : tr("Once, at %1 in %2")
                      .arg(job.spec.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                           Display::zoneName(job.spec.timeZone));
        case LastResult:
            if (job.lastRunId == 0)
                return tr("This job has not run yet.");
            if (running)
                return tr("Run %1 started %2.")
                    .arg(job.lastRunId)
                    .arg(Display::instantForViewer(job.lastStartedAt, row.zone));
            return tr("Run %1 finished %2.")
                .arg(job.lastRunId)
                .arg(Display::instantForViewer(job.lastFinishedAt, row.zone));
        case NextRun:
            return row.next.isValid() ? Display::instantForViewer(row.next, row.zone) : QVariant();
        case LastDuration:
            if (running && job.lastStartedAt.isValid())
                return tr("Running for %1 so far.").arg(display(row, LastDuration).toString());
            return {};
        case State:
            if (!row.scheduleProblem.isEmpty())
                return row.scheduleProblem;
            if (!row.placementProblem.isEmpty())
                return row.placementProblem;
            return job.spec.enabled ? QVariant() : tr("Paused by %1.").arg(job.updatedBy);
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.column() == LastDuration && running) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LastDuration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobIdRole:
        return job.id;
    case SortRole:
        return sortValue(row, index.column());
    case FilterRole:
        return QStringList{job.spec.name, job.spec.owner, job.spec.description, row.scheduleText}
            .join(QLatin1Char('\n'));
    case StatusRole:
        return shownStatus(job) ? QVariant::fromValue(*shownStatus(job)) : QVariant();
    case EnabledRole:
        return job.spec.enabled;
    case FailingRole:
        return job.isFailing();
    default:
        return {};
    }
}

QVariant JobsModel::display(const Row &row, int column) const
{
    const JobRecord &job = row.job;
    switch (column) {
    case Name:
        return job.spec.name;
    case Schedule:
        return row.scheduleText;
    case NextRun:
        if (!row.next.isValid())
            return QStringLiteral("—");
        return Display::shortInstantForViewer(row.next, row.zone);
    case LastResult:
        return Display::statusText(shownStatus(job));
    case LastDuration:
        if (job.runningCount > 0 && job.lastStartedAt.isValid())
            return formatDuration(job.lastStartedAt.msecsTo(QDateTime::currentDateTimeUtc()));
        return job.lastDurationMs ? formatDuration(*job.lastDurationMs) : QString();
    case State:
        return stateText(row);
    case Owner:
        return job.spec.owner;
    }
    return {};
}

QString JobsModel::placementProblem(const JobRecord &job) const
{
    if (!m_liveNodeLabels || job.spec.runOn.isEmpty())
        return {};
    for (const QStringList &labels : *m_liveNodeLabels) {
        const bool hasAll = std::all_of(job.spec.runOn.cbegin(), job.spec.runOn.cend(),
                                        [&labels](const QString &l) { return labels.contains(l); });
        if (hasAll)
            return {};
    }
    return tr("No live node has the labels %1: this job's runs wait, queued, until one does.")
        .arg(job.spec.runOn.join(QStringLiteral(", ")));
}

void JobsModel::setLiveNodeLabels(const QList<QStringList> &nodes)
{
    m_liveNodeLabels = nodes;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &row = m_rows[i];
        const QString problem = placementProblem(row.job);
        if (problem == row.placementProblem)
            continue;
        row.placementProblem = problem;
        emit dataChanged(index(i, State), index(i, State));
    }
}

QString JobsModel::stateText(const Row &row) const
{
    const JobRecord &job = row.job;
    if (!row.scheduleProblem.isEmpty())
        return tr("Schedule problem");
    if (!row.placementProblem.isEmpty() && job.spec.enabled)
        return tr("No node to run on");
    if (job.isOnce()) {
        if (job.onceState == OnceState::Completed)
            return tr("Done");
        if (job.onceState == OnceState::Cancelled)
            return tr("Cancelled");
    }
    return job.spec.enabled ? tr("Active") : tr("Paused");
}

QVariant JobsModel::sortValue(const Row &row, int column) const
{
    const JobRecord &job = row.job;
    switch (column) {
    case Name:
        return job.spec.name.toLower();
    case Schedule:
        return row.scheduleText.toLower();
    case NextRun:
        return row.next.isValid() ? row.next.toMSecsSinceEpoch()
                                  : std::numeric_limits<qint64>::max();
    case LastResult:
        return statusRank(shownStatus(job));
    case LastDuration:
        return job.lastDurationMs.value_or(-1);
    case State:
        return stateText(row);
    case Owner:
        return job.spec.owner.toLower();
    }
    return {};
}

JobsModel::Row JobsModel::makeRow(const JobRecord &job) const
{
    Row row;
    row.job = job;
    row.schedule = JobSchedule::compile(job);
    Result<QTimeZone> zone = zoneFromId(job.spec.timeZone);
    row.zone = zone ? *zone : QTimeZone::utc();
    if (!row.schedule.isValid())
        row.scheduleProblem = row.schedule.error();
    if (!job.isOnce()) {
        Result<CronExpression> cron = CronExpression::parse(job.spec.cron);
        // Named as people read it: "(UTC)", not "(Etc/UTC)" (the same instant rules).
        const QTimeZone shown(Display::zoneName(job.spec.timeZone).toUtf8());
        row.scheduleText =
            cron ? describeCron(*cron, shown.isValid() ? shown : row.zone) : job.spec.cron;
    } else {
        row.scheduleText = tr("Once on %1 (%2)")
                               .arg(Display::dateTime(job.spec.onceAt, row.zone),
                                    Display::zoneName(job.spec.timeZone));
    }
    if (row.scheduleProblem.isEmpty() && !job.scheduleError.isEmpty())
        row.scheduleProblem = job.scheduleError;
    row.placementProblem = placementProblem(job);
    computeNext(row, QDateTime::currentDateTimeUtc());
    return row;
}

// The one source of a job's next run (JobSchedule), as the executor computes it.
void JobsModel::computeNext(Row &row, const QDateTime &now) const
{
    row.next = row.schedule.nextAfter(now);
}

void JobsModel::reload()
{
    m_pending.clear();
    m_client->fetchJobs(this, [this](Result<QList<JobRecord>> jobs) {
        if (!jobs) {
            emit loadFailed(jobs.errorMessage());
            return;
        }
        applyList(*jobs);
        m_loaded = true;
        emit loaded();
    });
}

void JobsModel::applyList(const QList<JobRecord> &jobs)
{
    QHash<qint64, qsizetype> incoming;
    for (qsizetype i = 0; i < jobs.size(); ++i)
        incoming.insert(jobs.at(i).id, i);
    // Rows that are gone, from the bottom up so the indexes stay right.
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (!incoming.contains(m_rows.at(r).job.id)) {
            beginRemoveRows({}, r, r);
            m_rows.removeAt(r);
            endRemoveRows();
        }
    }
    // Changed rows in place, then new rows at the end.
    QHash<qint64, int> present;
    for (int r = 0; r < m_rows.size(); ++r)
        present.insert(m_rows.at(r).job.id, r);
    if (!m_rows.isEmpty()) {
        for (int r = 0; r < m_rows.size(); ++r)
            m_rows[r] = makeRow(jobs.at(incoming.value(m_rows.at(r).job.id)));
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
    QList<Row> added;
    for (const JobRecord &job : jobs) {
        if (!present.contains(job.id))
            added.append(makeRow(job));
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

void JobsModel::applyRefresh(const QList<JobRefresh> &refreshed)
{
    for (const JobRefresh &r : refreshed) {
        if (r.job)
            upsert(*r.job);
        else
            removeJob(r.id);
        emit jobUpdated(r.id);
    }
}

void JobsModel::upsert(const JobRecord &job)
{
    const int r = rowOfJob(job.id);
    if (r >= 0) {
        m_rows[r] = makeRow(job);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(makeRow(job));
    endInsertRows();
}

void JobsModel::removeJob(qint64 id)
{
    const int r = rowOfJob(id);
    if (r < 0)
        return;
    beginRemoveRows({}, r, r);
    m_rows.removeAt(r);
    endRemoveRows();
}

void JobsModel::noteChanged(qint64 jobId)
{
    m_pending.insert(jobId);
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

void JobsModel::fetchPending()
{
    if (m_pending.isEmpty())
        return;
    if (m_pending.size() > kRefreshOneByOneLimit) {
        reload();
        return;
    }
    const QList<qint64> ids(m_pending.cbegin(), m_pending.cend());
    m_pending.clear();
    m_client->refreshJobs(this, ids, [this, ids](Result<QList<JobRefresh>> refreshed) {
        if (!refreshed) {
            // Keep the jobs owed a refresh: the next change or reconnect asks again. Say so
            // rather than show stale rows as current.
            for (qint64 id : ids)
                m_pending.insert(id);
            emit loadFailed(refreshed.errorMessage());
            return;
        }
        applyRefresh(*refreshed);
    });
}

void JobsModel::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.next.isValid() && row.next <= now) {
            computeNext(row, now);
            emit dataChanged(index(r, NextRun), index(r, NextRun));
        }
        if (row.job.runningCount > 0)
            emit dataChanged(index(r, LastDuration), index(r, LastDuration));
    }
}

int JobsModel::failingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.job.isFailing(); }));
}

int JobsModel::rowOfJob(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).job.id == id)
            return r;
    }
    return -1;
}

std::optional<JobRecord> JobsModel::jobById(qint64 id) const
{
    const int r = rowOfJob(id);
    if (r < 0)
        return std::nullopt;
    return m_rows.at(r).job;
}

JobRecord JobsModel::jobAt(int row) const
{
    return m_rows.value(row).job;
}

QList<JobRecord> JobsModel::jobs() const
{
    QList<JobRecord> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.job);
    return out;
}

} // namespace Cronhelm
