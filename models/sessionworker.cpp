#include "sessionworker.h"

#include "connectionparams.h"
#include "modelstr.h"

#include <store/jobstore.h>
#include <store/migrator.h>

#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTimer>

namespace Cronhelm {

namespace {

constexpr int kFirstRetryMs = 500;
constexpr int kMaxRetryMs = 30000;

bool isUnreachable(const Error &error)
{
    // Only a lost or unreachable server is worth retrying by itself; a refused login
    // (ErrorKind::LoginRefused: password, pg_hba.conf, role, database) or a schema mismatch
    // needs a person. Decided on the kind, never on the (translated) message.
    return error.kind == ErrorKind::ConnectionLost;
}

} // namespace

SessionWorker::SessionWorker(QObject *parent)
    : QObject(parent)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SessionWorker::attemptReconnect);
}

SessionWorker::~SessionWorker()
{
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.reset();
}

QStringList SessionWorker::channels()
{
    return {QStringLiteral("cronhelm_jobs"), QStringLiteral("cronhelm_runs"),
            QStringLiteral("cronhelm_cluster"), QStringLiteral("cronhelm_log")};
}

void SessionWorker::connectTo(const QString &conninfo)
{
    disconnectNow();
    m_conninfo = withAppConnectDefaults(conninfo);
    setState(ConnectionState::Connecting, ModelsTr::tr("Connecting…"));
    Result<SessionInfo> session = openSession();
    if (!session) {
        m_connection.reset();
        const QString message = explainConnectFailure(session.error());
        setState(ConnectionState::Offline, message);
        emit connectFailed(message);
        return;
    }
    setState(ConnectionState::Connected, session->target);
    emit sessionStarted(*session, false);
}

void SessionWorker::disconnectNow()
{
    m_retryTimer->stop();
    m_attempt = 0;
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.reset();
    if (m_state != ConnectionState::Offline)
        setState(ConnectionState::Offline, ModelsTr::tr("Disconnected."));
}

void SessionWorker::reconnectNow()
{
    if (m_conninfo.isEmpty() || m_state == ConnectionState::Connected)
        return;
    m_retryTimer->stop();
    attemptReconnect();
}

Error SessionWorker::notConnected() const
{
    if (m_state == ConnectionState::Reconnecting) {
        return makeError(ErrorKind::ConnectionLost,
                         ModelsTr::tr("The connection to the database is lost; Cronhelm is "
                                      "reconnecting. Try again when it is back."));
    }
    return makeError(ErrorKind::ConnectionLost,
                     ModelsTr::tr("Not connected to a Cronhelm database."));
}

Result<SessionInfo> SessionWorker::openSession()
{
    delete m_notifier;
    m_notifier = nullptr;
    m_connection = std::make_unique<StoreConnection>(m_conninfo);
    if (Status opened = m_connection->open(); !opened) {
        m_connection->close();
        return opened.error();
    }
    for (const QString &channel : channels()) {
        if (Status listening = m_connection->listen(channel); !listening) {
            m_connection->close();
            return listening.error();
        }
    }
    Migrator migrator(*m_connection);
    if (Status compatible = migrator.checkCompatible(); !compatible) {
        m_connection->close();
        return compatible.error();
    }
    JobStore jobs(*m_connection);
    Result<StoreRole> role = jobs.myRole();
    if (!role) {
        m_connection->close();
        return role.error();
    }
    Result<bool> shell = jobs.mayWriteShell();
    if (!shell) {
        m_connection->close();
        return shell.error();
    }
    watchSocket();
    return SessionInfo{*role, *shell, m_connection->describeTarget()};
}

void SessionWorker::watchSocket()
{
    delete m_notifier;
    m_notifier = nullptr;
    const int socket = m_connection ? m_connection->socket() : -1;
    if (socket < 0)
        return;
    m_notifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SessionWorker::readNotifications);
}

void SessionWorker::readNotifications()
{
    if (!m_connection || m_state != ConnectionState::Connected)
        return;
    Result<QList<StoreNotification>> notes = m_connection->pollNotifications();
    if (!notes || !m_connection->isOpen()) {
        lose(notes ? ModelsTr::tr("The server closed the connection.") : notes.errorMessage());
        return;
    }
    if (!notes->isEmpty())
        emit notificationsArrived(*notes);
}

void SessionWorker::afterCall(const std::optional<Error> &error)
{
    if (error && error->kind == ErrorKind::ConnectionLost) {
        lose(error->message);
        return;
    }
    // Notifications that arrived while a statement ran were read by libpq already; the
    // socket will not signal them again.
    readNotifications();
}

void SessionWorker::lose(const QString &message)
{
    if (m_state != ConnectionState::Connected)
        return;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_connection)
        m_connection->close();
    m_attempt = 0;
    const int delay = kFirstRetryMs;
    setState(ConnectionState::Reconnecting, message, delay);
    m_retryTimer->start(delay);
}

void SessionWorker::attemptReconnect()
{
    if (m_conninfo.isEmpty())
        return;
    ++m_attempt;
    Result<SessionInfo> session = openSession();
    if (session) {
        m_attempt = 0;
        setState(ConnectionState::Connected, session->target);
        emit sessionStarted(*session, true);
        return;
    }
    if (!isUnreachable(session.error())) {
        const QString message = explainConnectFailure(session.error());
        setState(ConnectionState::Offline, message);
        return;
    }
    // Exponential backoff with jitter, so many desktops do not reconnect in lockstep.
    const int base = std::min(kMaxRetryMs, kFirstRetryMs << std::min(m_attempt, 6));
    const int delay = base - int(QRandomGenerator::global()->bounded(base / 5 + 1));
    setState(ConnectionState::Reconnecting, explainConnectFailure(session.error()), delay);
    m_retryTimer->start(delay);
}

void SessionWorker::setState(ConnectionState state, const QString &message, int retryInMs)
{
    m_state = state;
    emit stateChanged(state, message, retryInMs);
}

} // namespace Cronhelm
