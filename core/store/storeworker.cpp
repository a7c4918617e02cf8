#include "storeworker.h"

#include "storeconnection.h"

namespace Cronhelm {

StoreWorker::StoreWorker(const QString &conninfo, const QString &threadName)
    : m_receiver(new QObject)
    , m_connection(std::make_unique<StoreConnection>(conninfo))
{
    m_thread.setObjectName(threadName);
    m_receiver->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_receiver, &QObject::deleteLater);
    m_thread.start();
}

StoreWorker::~StoreWorker()
{
    // Close the connection on its own thread, after the work already queued.
    StoreConnection *connection = m_connection.get();
    QMetaObject::invokeMethod(
        m_receiver, [connection] { connection->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace Cronhelm
