#pragma once

#include <http/httprequest.h>
#include <http/httpresponse.h>
#include <http/httpserver.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace Cronhelm::Test {

using HeaderList = HttpHeaders;
// What the server received; receivedAt is when the request was complete, peerPort tells
// the client's connections apart.
using RecordedRequest = HttpRequest;

struct TestResponse : HttpResponse
{
    static TestResponse redirect(const QByteArray &location, int status = 302);
};

// A tiny HTTP/1.1 server on 127.0.0.1 for tests (core/http): records every request and
// answers with the response configured for its path (404 otherwise). Keep-alive and
// Content-Length bodies only (what Qt's network stack sends); anything that does not look
// like HTTP, such as a TLS handshake, gets the connection closed.
class HttpTestServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpTestServer(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.port(); }
    QUrl url(const QString &path) const;

    void setResponse(const QString &path, const TestResponse &response);
    void setRedirect(const QString &path, const QString &location, int status = 302);
    void setDefaultResponse(const TestResponse &response) { m_defaultResponse = response; }

    QList<RecordedRequest> requests() const { return m_requests; }
    QList<RecordedRequest> requests(const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    // A port on 127.0.0.1 that nothing listens on (for connection-refused tests).
    static quint16 unusedPort();

Q_SIGNALS:
    void requestReceived(const Cronhelm::HttpRequest &request);

private:
    HttpResponse answer(const HttpRequest &request);

    QHash<QString, TestResponse> m_responses;
    TestResponse m_defaultResponse;
    QList<RecordedRequest> m_requests;
    HttpServer m_server; // last: destroyed first, so no request arrives while we go
};

} // namespace Cronhelm::Test
