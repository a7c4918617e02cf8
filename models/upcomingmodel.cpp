#include "upcomingmodel.h"

#include "displayformat.h"
#include "jobsmodel.h"

#include <domain/jobschedule.h>

#include <QLocale>
#include <QPromise>
#include <QSet>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace Cronhelm {

namespace {

QString offsetText(int seconds)
{
    const int minutes = qAbs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

UpcomingModel::UpcomingModel(JobsModel *jobs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_jobs(jobs)
    , m_debounce(new QTimer(this))
    , m_minute(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &UpcomingModel::recompute);
    m_minute->setInterval(60000);
    connect(m_minute, &QTimer::timeout, this, &UpcomingModel::recompute);
    m_minute->start();
    auto later = [this] {
        m_debounce->start();
    };
    connect(jobs, &JobsModel::loaded, this, later);
    connect(jobs, &JobsModel::jobUpdated, this, later);
    connect(jobs, &QAbstractItemModel::rowsInserted, this, later);
    connect(jobs, &QAbstractItemModel::rowsRemoved, this, later);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &UpcomingModel::apply);
    recompute();
}

UpcomingModel::~UpcomingModel()
{
    // The computation holds copies only: it ends at its next job, without anyone waiting.
    m_watcher.future().cancel();
}

void UpcomingModel::setWindowHours(int hours)
{
    if (hours == m_hours)
        return;
    m_hours = hours;
    recompute();
}

void UpcomingModel::recompute()
{
    const QList<JobRecord> jobs = m_jobs->jobs();
    const QDateTime from = QDateTime::currentDateTimeUtc();
    const QDateTime to = from.addSecs(qint64(m_hours) * 3600);
    // A newer question makes the running answer worthless: stop it rather than wait for it.
    m_watcher.future().cancel();
    m_watcher.setFuture(QtConcurrent::run([jobs, from, to](QPromise<Computed> &promise) {
        QList<UpcomingEntry> entries =
            compute(jobs, from, to, [&promise] { return promise.isCanceled(); });
        if (!promise.isCanceled())
            promise.addResult(Computed{std::move(entries), from});
    }));
}

QList<UpcomingEntry> UpcomingModel::compute(const QList<JobRecord> &jobs, const QDateTime &from,
                                            const QDateTime &to,
                                            const std::function<bool()> &cancelled)
{
    QList<UpcomingEntry> out;
    QSet<QString> zones;
    for (const JobRecord &job : jobs) {
        if (cancelled && cancelled())
            return out;
        // The job's slots as the executor will fire them (paused, done or invalid: none).
        const JobSchedule schedule = JobSchedule::compile(job);
        if (!schedule.isValid() || !schedule.isActive())
            continue;
        const JobSchedule::Slots ahead =
            schedule.slotsBetween(from, to, kFrequentThreshold + 1, cancelled);
        if (ahead.total == 0)
            continue;
        const JobSpec &spec = job.spec;
        zones.insert(spec.timeZone);
        UpcomingEntry e;
        e.jobId = job.id;
        e.job = spec.name;
        e.zoneId = spec.timeZone;
        if (schedule.isOnce()) {
            e.kind = UpcomingEntry::Kind::OneOff;
            e.at = ahead.first.constFirst();
            out.append(e);
        } else if (ahead.total > kFrequentThreshold) {
            e.kind = UpcomingEntry::Kind::Frequent;
            e.at = ahead.first.constFirst();
            e.last = ahead.last;
            e.count = int(ahead.total);
            out.append(e);
        } else {
            for (const QDateTime &at : ahead.first) {
                e.at = at;
                out.append(e);
            }
        }
    }
    for (const QString &id : std::as_const(zones)) {
        const QTimeZone zone(id.toUtf8());
        for (const QTimeZone::OffsetData &t : zone.transitions(from, to)) {
            UpcomingEntry e;
            e.kind = UpcomingEntry::Kind::Transition;
            e.at = t.atUtc.toUTC();
            e.zoneId = id;
            e.offsetBefore = zone.offsetFromUtc(t.atUtc.addSecs(-1));
            e.offsetAfter = t.offsetFromUtc;
            if (e.offsetBefore != e.offsetAfter)
                out.append(e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const UpcomingEntry &a, const UpcomingEntry &b) {
        if (a.at != b.at)
            return a.at < b.at;
        return QString::localeAwareCompare(a.job, b.job) < 0;
    });
    return out;
}

void UpcomingModel::apply()
{
    const QFuture<Computed> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    Computed answer = future.result();
    // A small list computed afresh: a reset is honest, and selection here is transient.
    beginResetModel();
    m_entries = std::move(answer.entries);
    m_start = answer.start;
    endResetModel();
    emit computed();
}

int UpcomingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int UpcomingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UpcomingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When (your time)");
    case Job:
        return tr("Job");
    case JobTime:
        return tr("In the job's time zone");
    case Note:
        return tr("Note");
    }
    return {};
}

QVariant UpcomingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UpcomingEntry &e = m_entries.at(index.row());
    const QTimeZone zone(e.zoneId.toUtf8());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return Display::shortDateTime(e.at, Display::viewerZone());
        case Job:
            if (e.kind == UpcomingEntry::Kind::Transition)
                return tr("Clocks change in %1").arg(e.zoneId);
            return e.job;
        case JobTime:
            if (e.kind == UpcomingEntry::Kind::Transition)
                return {};
            {
                const QString time =
                    QLocale().toString(e.at.toTimeZone(zone), QStringLiteral("ddd HH:mm"));
                const QString abbreviation = Display::zoneAbbreviation(e.at, zone);
                if (abbreviation == e.zoneId)
                    return tr("%1 %2").arg(time, abbreviation);
                //: %1 time, %2 zone abbreviation, %3 zone id
                return tr("%1 %2 (%3)").arg(time, abbreviation, e.zoneId);
            }
        case Note:
            switch (e.kind) {
            case UpcomingEntry::Kind::Fire:
                return {};
            case UpcomingEntry::Kind::OneOff:
                return tr("One-off");
            case UpcomingEntry::Kind::Frequent:
                return tr("Runs %n times in this period, until %1.", nullptr, e.count)
                    .arg(Display::shortDateTime(e.last, Display::viewerZone()));
            case UpcomingEntry::Kind::Transition: {
                const int delta = (e.offsetAfter - e.offsetBefore) / 60;
                const QString shift = delta > 0 ? tr("forward") : tr("back");
                //: %1 forward/back, %2 how many minutes, %3 offset before, %4 offset after
                return tr("Clocks go %1 by %2 min (%3 → %4). Jobs at the skipped or repeated "
                          "times follow the rules in their schedule.")
                    .arg(shift, QString::number(qAbs(delta)), offsetText(e.offsetBefore),
                         offsetText(e.offsetAfter));
            }
            }
            return {};
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Job) {
            switch (e.kind) {
            case UpcomingEntry::Kind::Transition:
                return Display::icon(QStringLiteral("warning"));
            case UpcomingEntry::Kind::OneOff:
                return Display::icon(QStringLiteral("upcoming"));
            default:
                return Display::icon(QStringLiteral("run"));
            }
        }
        return {};
    case JobIdRole:
        return e.jobId;
    case KindRole:
        return int(e.kind);
    case InstantRole:
        return e.at;
    default:
        return {};
    }
}

} // namespace Cronhelm
