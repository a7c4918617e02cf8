#pragma once

#include <domain/records.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFutureWatcher>

#include <functional>

class QTimer;

namespace Cronhelm {

class JobsModel;

// One line of the "Upcoming" timeline.
struct UpcomingEntry
{
    enum class Kind {
        Fire,       // a job runs at `at`
        Frequent,   // a job that runs often: one line for all its runs in the window
        OneOff,     // a one-off job runs at `at`
        Transition, // clocks change in a zone some jobs use
    };
    Kind kind = Kind::Fire;
    QDateTime at;   // UTC; for Frequent the first run
    QDateTime last; // Frequent: the last run in the window
    int count = 1;  // Frequent: how many runs
    qint64 jobId = 0;
    QString job;
    QString zoneId;
    int offsetBefore = 0; // Transition: seconds east of UTC before and after
    int offsetAfter = 0;
};

// What runs in the next 24 hours or 7 days across all jobs, in the viewer's time zone, with
// the jobs' own clock changes (DST) marked and one-off jobs shown. Computed from the jobs'
// schedules by the cron engine on a pool thread (QtConcurrent), whenever the jobs change; a
// computation made stale by a newer one is cancelled, and the GUI thread never waits for one.
class UpcomingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Job, JobTime, Note, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, KindRole, InstantRole };

    explicit UpcomingModel(JobsModel *jobs, QObject *parent = nullptr);
    ~UpcomingModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How far ahead to look (24 h or 7 days).
    void setWindowHours(int hours);
    int windowHours() const { return m_hours; }
    QDateTime windowStart() const { return m_start; }
    QDateTime windowEnd() const { return m_start.addSecs(qint64(m_hours) * 3600); }
    // Jobs running more often than this many times in the window get one summary line.
    static constexpr int kFrequentThreshold = 48;

    QList<UpcomingEntry> entries() const { return m_entries; }
    // Computes again now (also done when the jobs change, and every minute).
    void recompute();

    // The entries of [from, to). `cancelled` is asked between jobs: when it says yes, the
    // computation stops and returns what it has (to be thrown away).
    static QList<UpcomingEntry> compute(const QList<JobRecord> &jobs, const QDateTime &from,
                                        const QDateTime &to,
                                        const std::function<bool()> &cancelled = {});

signals:
    void computed();

private:
    struct Computed
    {
        QList<UpcomingEntry> entries;
        QDateTime start;
    };
    void apply();

    JobsModel *m_jobs;
    int m_hours = 24;
    QDateTime m_start;
    QList<UpcomingEntry> m_entries;
    QTimer *m_debounce;
    QTimer *m_minute;
    // Follows the newest computation only.
    QFutureWatcher<Computed> m_watcher;
};

} // namespace Cronhelm
