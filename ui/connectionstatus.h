#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace Cronhelm {

class ClusterModel;
class StoreClient;

// The status bar's always-visible facts: connection state (connected / reconnecting with a
// countdown / offline) with a "Reconnect now" button, whether the connection is encrypted
// and the server verified (asked of the server after every connect), who is signed in with
// which role, and which node is the executor (marked "as of" a time, with why in the tooltip,
// while the cluster cannot be refreshed).
class ConnectionStatus : public QWidget
{
    Q_OBJECT

public:
    ConnectionStatus(StoreClient *client, ClusterModel *cluster, QWidget *parent = nullptr);

    QString stateText() const;
    QString executorText() const;
    QString executorToolTip() const;
    // "Encrypted, server verified", "Not encrypted", …; empty until known.
    QString securityText() const;

private:
    void update();
    void updateExecutor();
    void readSecurity();

    StoreClient *m_client;
    ClusterModel *m_cluster;
    QLabel *m_stateIcon;
    QLabel *m_state;
    QToolButton *m_reconnect;
    QLabel *m_securityIcon;
    QLabel *m_security;
    QLabel *m_role;
    QLabel *m_executorIcon;
    QLabel *m_executor;
    QTimer *m_countdown;
    qint64 m_retryAt = 0;
    QString m_clusterProblem; // why the last cluster refresh failed; empty after a good one
};

} // namespace Cronhelm
