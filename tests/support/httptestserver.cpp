#include "httptestserver.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace Cronhelm::Test {

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

TestResponse TestResponse::redirect(const QByteArray &location, int status)
{
    TestResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Location"), location});
    return response;
}

HttpTestServer::HttpTestServer(QObject *parent)
    : QObject(parent)
{
    m_defaultResponse.status = 404;
    m_defaultResponse.body = QByteArrayLiteral("not found");
    connect(&m_server, &QTcpServer::newConnection, this, &HttpTestServer::onNewConnection);
}

HttpTestServer::~HttpTestServer()
{
    // Sockets are children of the server; make sure none calls back while we go.
    for (auto it = m_buffers.keyBegin(); it != m_buffers.keyEnd(); ++it) {
        (*it)->disconnect(this);
    }
}

bool HttpTestServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl HttpTestServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

void HttpTestServer::setResponse(const QString &path, const TestResponse &response)
{
    m_responses.insert(path, response);
}

void HttpTestServer::setRedirect(const QString &path, const QString &location, int status)
{
    setResponse(path, TestResponse::redirect(location.toUtf8(), status));
}

QList<RecordedRequest> HttpTestServer::requests(const QString &path) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &request : m_requests) {
        if (request.path == path) {
            matching.append(request);
        }
    }
    return matching;
}

quint16 HttpTestServer::unusedPort()
{
    // The kernel hands out a free port; once closed, nothing listens there (and ephemeral
    // ports are not reused at once).
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void HttpTestServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void HttpTestServer::onReadyRead(QTcpSocket *socket)
{
    if (!m_buffers.contains(socket)) {
        return;
    }
    // Work on a copy: answering may close the socket and drop its buffer entry.
    QByteArray buffer = m_buffers.value(socket) + socket->readAll();
    bool complete = true;
    while (complete) {
        if (!takeRequest(socket, buffer, complete)) {
            m_buffers.remove(socket);
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            return;
        }
        if (!m_buffers.contains(socket)) {
            return;
        }
    }
    m_buffers.insert(socket, buffer);
}

bool HttpTestServer::takeRequest(QTcpSocket *socket, QByteArray &buffer, bool &complete)
{
    complete = false;
    static const QRegularExpression requestLine(QStringLiteral("^([A-Z]+) (\\S+) HTTP/1\\.[01]$"));
    // Reject non-HTTP (e.g. a TLS ClientHello) as soon as the first bytes show it.
    if (!buffer.isEmpty() && (buffer.at(0) < 'A' || buffer.at(0) > 'Z')) {
        return false;
    }
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        return buffer.size() <= maxHeadBytes;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QRegularExpressionMatch match =
        requestLine.match(QString::fromLatin1(lines.constFirst().trimmed()));
    if (!match.hasMatch()) {
        return false;
    }
    RecordedRequest request;
    request.method = match.captured(1).toLatin1();
    request.target = match.captured(2).toLatin1();
    request.path = QUrl(QString::fromLatin1(request.target)).path();
    request.arrivedAt = QDateTime::currentDateTimeUtc();
    request.clientPort = socket->peerPort();
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                return false;
            }
        }
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return false; // not needed by Qt clients; keep the server small
        }
    }
    const qsizetype bodyStart = headEnd + 4;
    if (buffer.size() - bodyStart < contentLength) {
        return true; // wait for the rest of the body
    }
    request.body = buffer.mid(bodyStart, contentLength);
    buffer.remove(0, bodyStart + contentLength);
    complete = true;

    m_requests.append(request);
    Q_EMIT requestReceived(request);
    respond(socket, request);
    return true;
}

void HttpTestServer::respond(QTcpSocket *socket, const RecordedRequest &request)
{
    const TestResponse response = m_responses.value(request.path, m_defaultResponse);
    const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    auto write = [socket, response, close, head = request.method == "HEAD"] {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\n";
        bool hasContentType = false;
        for (const auto &[name, value] : response.headers) {
            out += name + ": " + value + "\r\n";
            hasContentType |= name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        }
        if (!hasContentType) {
            out += "Content-Type: text/plain; charset=utf-8\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        socket->write(out);
        if (!head) {
            socket->write(response.body);
        }
        if (close) {
            socket->disconnectFromHost();
        }
    };
    if (response.delay.count() > 0) {
        QTimer::singleShot(response.delay, socket, write);
    } else {
        write();
    }
}

} // namespace Cronhelm::Test
