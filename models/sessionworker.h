#pragma once

#include "sessionstate.h"

#include <result.h>
#include <store/storeconnection.h>

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSocketNotifier;
class QTimer;

namespace Cronhelm {

// The desktop app's store session. Lives on the store thread that StoreClient owns: opens
// the connection there, LISTENs for the store's NOTIFY channels, runs the work StoreClient
// posts, and reconnects with backoff after a loss. Nothing here runs on the GUI thread.
class SessionWorker : public QObject
{
    Q_OBJECT

public:
    explicit SessionWorker(QObject *parent = nullptr);
    ~SessionWorker() override;

    // Store thread only.
    void connectTo(const QString &conninfo);
    void disconnectNow();
    void reconnectNow();

    // Runs work(connection) if connected; a lost connection starts reconnecting. R is a
    // Result<T>.
    template<typename R, typename Work>
    R execute(Work &work)
    {
        if (m_state != ConnectionState::Connected || !m_connection)
            return R(notConnected());
        R result = work(*m_connection);
        afterCall(result.ok() ? std::optional<Error>() : std::optional<Error>(result.error()));
        return result;
    }

    // The conninfo a second connection (e.g. the CSV export's) may use.
    QString conninfo() const { return m_conninfo; }

    static QStringList channels();

signals:
    void stateChanged(Cronhelm::ConnectionState state, const QString &message, int retryInMs);
    void sessionStarted(const Cronhelm::SessionInfo &info, bool reconnected);
    void connectFailed(const QString &message);
    void notificationsArrived(const QList<Cronhelm::StoreNotification> &notifications);

private:
    Error notConnected() const;
    Result<SessionInfo> openSession();
    void afterCall(const std::optional<Error> &error);
    void lose(const QString &message);
    void setState(ConnectionState state, const QString &message, int retryInMs = -1);
    void attemptReconnect();
    void readNotifications();
    void watchSocket();

    std::unique_ptr<StoreConnection> m_connection;
    QString m_conninfo;
    ConnectionState m_state = ConnectionState::Offline;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retryTimer = nullptr;
    int m_attempt = 0;
};

} // namespace Cronhelm
