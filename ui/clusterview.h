#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QTimer;

namespace Cronhelm {

class ClusterModel;
class LeadershipModel;

// The cluster at a glance: which node is the executor, under which term, since when, and
// how long its lease has left (counting down); every node with its heartbeat and running
// jobs; and the recent changes of leadership.
class ClusterView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterView(ClusterModel *cluster, QWidget *parent = nullptr);

    QString executorText() const;
    QString leaseText() const;
    // Why the view may be out of date (the last refresh failed); empty when it is current.
    QString staleText() const;
    QTableView *nodesTable() const { return m_nodes; }
    QTableView *changesTable() const { return m_changes; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateLease();

    ClusterModel *m_cluster;
    LeadershipModel *m_leadership;
    QLabel *m_executor;
    QLabel *m_since;
    QLabel *m_lease;
    QLabel *m_stale;
    QTableView *m_nodes;
    QTableView *m_changes;
    QTimer *m_countdown;
};

} // namespace Cronhelm
