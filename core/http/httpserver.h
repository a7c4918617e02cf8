#pragma once

#include "httpconnection.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTcpServer>

namespace Cronhelm {

// A small HTTP/1.1 server: accepts connections and has each served by an HttpConnection
// that asks the handler for every request's response. Single-threaded: the handler runs on
// the thread that owns the server and should answer at once (use HttpResponse::delay for a
// slow answer rather than blocking).
class HttpServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpServer(HttpHandler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Connections the kernel queues before they are accepted (capped by net.core.somaxconn).
    static constexpr int listenBacklog = 4096;

    // Port 0: any free port (see port()).
    bool listen(const QHostAddress &address, quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void onNewConnection();

    QTcpServer m_server;
    HttpHandler m_handler;
};

} // namespace Cronhelm
