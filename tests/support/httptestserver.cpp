#include "httptestserver.h"

#include <QTcpServer>

namespace Cronhelm::Test {

TestResponse TestResponse::redirect(const QByteArray &location, int status)
{
    TestResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Location"), location});
    return response;
}

HttpTestServer::HttpTestServer(QObject *parent)
    : QObject(parent)
    , m_server([this](const HttpRequest &request) { return answer(request); })
{
    m_defaultResponse.status = 404;
    m_defaultResponse.body = QByteArrayLiteral("not found");
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

HttpResponse HttpTestServer::answer(const HttpRequest &request)
{
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    return m_responses.value(request.path, m_defaultResponse);
}

} // namespace Cronhelm::Test
