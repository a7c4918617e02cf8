#pragma once

#include <domain/historypage.h>
#include <domain/records.h>

#include <QAbstractTableModel>
#include <QSet>

#include <optional>

class QTimer;

namespace Cronhelm {

class StoreClient;

// The run history, for one job or all: filtered and sorted on the server, loaded a page at
// a time as the view scrolls (canFetchMore/fetchMore over keyset pages), so ten million
// runs cost what a hundred do. Runs starting or finishing elsewhere update their rows in
// place, and new runs appear on top when the view shows the newest first.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Run,
        Job,
        Status,
        Trigger,
        Scheduled,
        Started,
        Duration,
        Node,
        Outcome,
        ColumnCount
    };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        JobIdRole,
        StatusRole,     // the raw status ("failed")
        DurationMsRole, // qint64, or invalid while unfinished
    };
    Q_ENUM(Column)

    explicit RunHistoryModel(StoreClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorting happens on the server; only the columns with an index can be sorted.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);
    HistorySort historySort() const { return m_sort; }
    // A column's title and a run's cell as the table shows them (also for the spreadsheet
    // export, which writes what is on screen).
    static QString columnTitle(int column);
    static QVariant display(const RunRecord &run, int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const
    {
        return m_sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    }

    void setFilter(const RunFilter &filter);
    RunFilter filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Loads the first page again.
    void reload();
    // Whether the model is waiting for an automatic load (first page of a new filter).
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_loaded && !m_next; }

    RunRecord runAt(int row) const { return m_runs.value(row); }
    int rowOfRun(qint64 runId) const;

signals:
    // After the first page of a filter or sort, or a further page, arrived.
    void pageLoaded(bool first);
    void loadFailed(const QString &message);
    void runUpdated(qint64 runId);

private:
    void requestPage(bool first);
    void noteRun(qint64 jobId, qint64 runId);
    void fetchNoted();
    void applyRuns(const QList<RunRecord> &runs);
    static void releaseRuns(QList<RunRecord> &&runs);
    bool belongsOnTop(const RunRecord &run) const;

    StoreClient *m_client;
    RunFilter m_filter;
    HistorySort m_sort;
    QList<RunRecord> m_runs;
    std::optional<HistoryCursor> m_next;
    int m_pageSize = 200;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_loaded = false;
    QSet<qint64> m_noted;
    QTimer *m_coalesce;
    QTimer *m_tick;
};

} // namespace Cronhelm
