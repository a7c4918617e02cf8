#include "localstorecontroller.h"

#include "connectionprofiles.h"
#include "storeclient.h"

namespace Cronhelm {

LocalStoreController::LocalStoreController(StoreClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &StoreClient::connected, this, [this](bool reconnected) {
        const bool wasStarting = m_starting;
        m_starting = false;
        if (reconnected || !isClientOnLocalStore())
            return;
        ConnectionProfiles::setLastUsedLocal(true);
        if (wasStarting)
            Q_EMIT connected();
    });
    // A failed connect to the started store is reported by the client itself (its message
    // names the reason); this only ends the start.
    connect(client, &StoreClient::connectFailed, this, [this] { m_starting = false; });
}

void LocalStoreController::setStack(LocalStack *stack)
{
    if (m_stack == stack)
        return;
    if (m_stack)
        disconnect(m_stack, nullptr, this, nullptr);
    m_stack = stack;
    m_starting = false;
    if (stack) {
        connect(stack, &LocalStack::progress, this, [this](const QString &message) {
            if (m_starting)
                Q_EMIT progress(message);
        });
        connect(stack, &LocalStack::ready, this, [this](const QString &conninfo) {
            if (m_starting)
                m_client->connectTo(conninfo);
        });
        connect(stack, &LocalStack::failed, this, [this](const QString &message) {
            if (!m_starting)
                return;
            m_starting = false;
            Q_EMIT failed(tr("The local store could not be started. %1").arg(message));
        });
        connect(stack, &LocalStack::nodeStopped, this, &LocalStoreController::nodeStopped);
    }
    Q_EMIT availabilityChanged(stack != nullptr);
}

bool LocalStoreController::isClientOnLocalStore() const
{
    return m_stack && m_stack->state() == LocalStack::State::Running
        && !m_client->conninfo().isEmpty() && m_client->conninfo() == m_stack->conninfo();
}

void LocalStoreController::start()
{
    if (!m_stack)
        return;
    m_starting = true;
    Q_EMIT progress(tr("Starting the local store on this computer…"));
    m_stack->start();
}

} // namespace Cronhelm
