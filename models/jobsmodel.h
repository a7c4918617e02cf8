#pragma once

#include <domain/jobschedule.h>
#include <domain/records.h>

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>

#include <optional>

class QTimer;

namespace Cronhelm {

class StoreClient;
struct JobRefresh;

// All jobs with what people need at a glance: schedule in plain words, next run in their
// own time and the job's, last result, duration, state, owner. Loaded from the store and
// kept current from its NOTIFY channels: a changed job is fetched again and its row updated
// in place (dataChanged, never a reset), so selection and scroll position stay.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Schedule, NextRun, LastResult, LastDuration, State, Owner, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        SortRole,   // a value that sorts sensibly (instants and durations as numbers)
        FilterRole, // name, owner, description and schedule text, for the filter box
        StatusRole, // RunStatus: the last run's (invalid when it never ran); Running while one runs
        EnabledRole,
        FailingRole, // bool: the last finished run failed, timed out or was abandoned
    };
    Q_ENUM(Column)

    explicit JobsModel(StoreClient *client, QObject *parent = nullptr);
    ~JobsModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Loads all jobs again (also done on every (re)connect).
    void reload();
    bool isLoaded() const { return m_loaded; }

    // The labels of every live node (from the cluster status): a job whose run_on labels
    // no live node has gets a warning, as its runs wait queued.
    void setLiveNodeLabels(const QList<QStringList> &nodes);

    int rowOfJob(qint64 id) const;
    std::optional<JobRecord> jobById(qint64 id) const;
    JobRecord jobAt(int row) const;
    QList<JobRecord> jobs() const;
    // How many jobs' last finished run was a problem (JobRecord::isFailing).
    int failingCount() const;

signals:
    void loaded();
    void loadFailed(const QString &message);
    // After a job's row was updated, inserted or removed from a NOTIFY.
    void jobUpdated(qint64 id);

private:
    struct Row
    {
        JobRecord job;
        JobSchedule schedule;
        QTimeZone zone;
        QString scheduleText;
        QString scheduleProblem;
        QString placementProblem; // no live node has the job's run_on labels
        QDateTime next;           // UTC; invalid when there is none
    };

    Row makeRow(const JobRecord &job) const;
    void computeNext(Row &row, const QDateTime &now) const;
    void applyList(const QList<JobRecord> &jobs);
    void applyRefresh(const QList<JobRefresh> &refreshed);
    void upsert(const JobRecord &job);
    void removeJob(qint64 id);
    void noteChanged(qint64 jobId);
    void fetchPending();
    void tick();
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QString stateText(const Row &row) const;
    QString placementProblem(const JobRecord &job) const;

    StoreClient *m_client;
    QList<Row> m_rows;
    QSet<qint64> m_pending;
    QTimer *m_coalesce;
    QTimer *m_tick;
    bool m_loaded = false;
    std::optional<QList<QStringList>> m_liveNodeLabels; // unknown until the cluster is read
};

} // namespace Cronhelm
