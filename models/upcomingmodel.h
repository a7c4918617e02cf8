#pragma once

#include <domain/records.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QThread>

#include <memory>

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
// schedules by the cron engine on a thread of its own, whenever the jobs change.
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

    static QList<UpcomingEntry> compute(const QList<JobRecord> &jobs, const QDateTime &from,
                                        const QDateTime &to);

signals:
    void computed();

private:
    void apply(quint64 generation, const QList<UpcomingEntry> &entries, const QDateTime &start);

    JobsModel *m_jobs;
    int m_hours = 24;
    QDateTime m_start;
    QList<UpcomingEntry> m_entries;
    quint64 m_generation = 0;
    QTimer *m_debounce;
    QTimer *m_minute;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Cronhelm
