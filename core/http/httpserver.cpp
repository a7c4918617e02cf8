#include "httpserver.h"

#include <QTcpSocket>

namespace Cronhelm {

HttpServer::HttpServer(HttpHandler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    // Connections first: none may call the handler (or its owner) while we go.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    // Qt's default backlog (50) drops the SYNs of a burst of new connections, which the
    // clients then retry a second later: too few for a host that 100s of runs call at once.
    m_server.setListenBacklogSize(listenBacklog);
    return m_server.listen(address, port);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        new HttpConnection(socket, m_handler, this);
    }
}

} // namespace Cronhelm
