#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <chrono>

class QTcpSocket;

namespace Cronhelm::Test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QString path;      // decoded path without the query
    HeaderList headers;
    QByteArray body;
    QDateTime arrivedAt;    // UTC, when the request head was complete
    quint16 clientPort = 0; // tells the client's connections apart

    // The first header of that name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

struct TestResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    // Wait this long before answering (for timeouts and slow endpoints).
    std::chrono::milliseconds delay{0};

    static TestResponse redirect(const QByteArray &location, int status = 302);
};

// A tiny HTTP/1.1 server on 127.0.0.1 for tests: records every request and answers with
// the response configured for its path (404 otherwise). Keep-alive and Content-Length
// bodies only (what Qt's network stack sends); anything that does not look like HTTP, such
// as a TLS handshake, gets the connection closed.
class HttpTestServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpTestServer(QObject *parent = nullptr);
    ~HttpTestServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
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
    void requestReceived(const Cronhelm::Test::RecordedRequest &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    // Returns false when the buffered bytes are not a valid request (caller closes).
    bool takeRequest(QTcpSocket *socket, QByteArray &buffer, bool &complete);
    void respond(QTcpSocket *socket, const RecordedRequest &request);

    QTcpServer m_server;
    QHash<QString, TestResponse> m_responses;
    TestResponse m_defaultResponse;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Cronhelm::Test
