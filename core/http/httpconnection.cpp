#include "httpconnection.h"

#include <QTcpSocket>
#include <QTimer>

namespace Cronhelm {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_parser.append(m_socket->readAll());
        serve();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
}

HttpConnection::~HttpConnection()
{
    // The socket goes with us; it must not call back while it does.
    m_socket->disconnect(this);
}

void HttpConnection::serve()
{
    while (!m_answering && !m_closing) {
        HttpRequest request;
        switch (m_parser.next(request)) {
        case HttpRequestParser::Status::Incomplete:
            return;
        case HttpRequestParser::Status::Invalid:
            refuse(m_parser.errorStatus());
            return;
        case HttpRequestParser::Status::Complete:
            break;
        }
        request.peerPort = m_socket->peerPort();
        const HttpResponse response = m_handler(request);
        const bool withBody = request.method != "HEAD";
        const bool keepAlive = request.keepAlive();
        if (response.delay.count() > 0) {
            m_answering = true;
            QTimer::singleShot(response.delay, this, [this, response, withBody, keepAlive] {
                m_answering = false;
                send(response, withBody, keepAlive);
                serve();
            });
            return;
        }
        send(response, withBody, keepAlive);
    }
}

void HttpConnection::send(const HttpResponse &response, bool withBody, bool keepAlive)
{
    m_socket->write(response.toBytes(withBody, keepAlive));
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost(); // after the response has been written
    }
}

void HttpConnection::refuse(int status)
{
    m_closing = true;
    if (status == 0) {
        m_socket->abort(); // not HTTP at all: nothing useful to say
        deleteLater();
        return;
    }
    HttpResponse response;
    response.status = status;
    response.body = HttpResponse::reasonPhrase(status) + '\n';
    send(response, true, false);
}

} // namespace Cronhelm
