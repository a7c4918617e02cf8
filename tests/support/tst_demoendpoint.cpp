// cronhelm-demo-endpoint, the demo stack's local HTTP endpoint, as a real process: what
// its routes answer (through QNetworkAccessManager, the stack the nodes use), that
// notifications land in the file, requests cut across writes, several on one connection,
// concurrent clients, and the port kept across restarts.

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// Reads one response (head and Content-Length body) from `socket`; status 0 on timeout.
RawResponse readResponse(QTcpSocket &socket, QByteArray &buffer, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            RawResponse response;
            response.head = buffer.left(headEnd);
            const QList<QByteArray> lines = response.head.split('\n');
            response.status = lines.constFirst().split(' ').value(1).toInt();
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:")) {
                    length = line.mid(15).trimmed().toLongLong();
                }
            }
            if (buffer.size() >= headEnd + 4 + length) {
                response.body = buffer.mid(headEnd + 4, length);
                buffer.remove(0, headEnd + 4 + length);
                return response;
            }
        }
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            break;
        }
        buffer += socket.readAll();
    }
    return {};
}

} // namespace

class DemoEndpointTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void health();
    void report();
    void notifications_data();
    void notifications();
    void notFound_data();
    void notFound();
    void splitAcrossWrites();
    void severalOnOneConnection();
    void concurrentClients();
    void closesWhenAsked();
    void keepsItsPort();

private:
    bool startEndpoint();
    void stopEndpoint();
    QUrl url(const QString &path) const;
    std::unique_ptr<QNetworkReply> send(const QByteArray &method, const QString &path,
                                        const QByteArray &body = {});
    QByteArray notificationFile() const;

    QTemporaryDir m_dir;
    QProcess m_endpoint;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

bool DemoEndpointTest::startEndpoint()
{
    m_endpoint.setProgram(QStringLiteral(CRONHELM_DEMO_ENDPOINT_BINARY));
    m_endpoint.setArguments({QStringLiteral("--port-file"), m_dir.filePath(QStringLiteral("port")),
                             QStringLiteral("--notifications"),
                             m_dir.filePath(QStringLiteral("notifications.log"))});
    m_endpoint.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_endpoint.start();
    if (!m_endpoint.waitForStarted(5000)) {
        qWarning() << "cannot start the endpoint:" << m_endpoint.errorString();
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_endpoint.canReadLine()) {
        if (deadline.hasExpired() || !m_endpoint.waitForReadyRead(1000)) {
            if (m_endpoint.state() == QProcess::NotRunning || deadline.hasExpired()) {
                qWarning() << "the endpoint did not say it listens";
                return false;
            }
        }
    }
    const QByteArray line = m_endpoint.readLine().trimmed();
    QFile portFile(m_dir.filePath(QStringLiteral("port")));
    if (!portFile.open(QIODevice::ReadOnly)) {
        qWarning() << "no port file";
        return false;
    }
    m_port = portFile.readAll().trimmed().toUShort();
    if (m_port == 0 || !line.endsWith(QByteArray(":" + QByteArray::number(m_port)))) {
        qWarning() << "unexpected start:" << line << m_port;
        return false;
    }
    return true;
}

void DemoEndpointTest::stopEndpoint()
{
    if (m_endpoint.state() != QProcess::NotRunning) {
        m_endpoint.terminate();
        if (!m_endpoint.waitForFinished(5000)) {
            m_endpoint.kill();
            m_endpoint.waitForFinished(5000);
        }
    }
}

void DemoEndpointTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(startEndpoint());
}

void DemoEndpointTest::cleanupTestCase()
{
    stopEndpoint();
}

QUrl DemoEndpointTest::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

std::unique_ptr<QNetworkReply> DemoEndpointTest::send(const QByteArray &method, const QString &path,
                                                      const QByteArray &body)
{
    QNetworkRequest request(url(path));
    request.setTransferTimeout(10000);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(15000);
    }
    return reply;
}

QByteArray DemoEndpointTest::notificationFile() const
{
    QFile file(m_dir.filePath(QStringLiteral("notifications.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void DemoEndpointTest::health()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto reply = send("GET", QStringLiteral("/health"));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("application/json"));
    const QJsonObject status = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const QDateTime time =
        QDateTime::fromString(status.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    QVERIFY(time.isValid());
    QVERIFY(qAbs(before.msecsTo(time)) < 5000);

    const auto head = send("HEAD", QStringLiteral("/health"));
    QCOMPARE(head->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(head->bytesAvailable(), 0);
}

void DemoEndpointTest::report()
{
    const auto reply = send("GET", QStringLiteral("/report"));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().startsWith("Sales report at "));
}

void DemoEndpointTest::notifications_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("notify") << QStringLiteral("/notify");
    QTest::newRow("slack") << QStringLiteral("/slack");
}

void DemoEndpointTest::notifications()
{
    QFETCH(QString, path);
    const QByteArray body = R"({"text":"Job \"Sales report\" succeeded on node-a after 1.2 s (run )"
        + path.toUtf8() + ")\"}";
    const auto reply = send("POST", path, body);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArray("ok"));

    const QByteArray stored = notificationFile();
    const qsizetype at = stored.indexOf(body);
    QVERIFY2(at > 0, stored.constData());
    // The entry before it names the time and the path.
    const qsizetype marker = stored.lastIndexOf("--- ", at);
    const QList<QByteArray> header = stored.mid(marker, at - marker).trimmed().split(' ');
    QCOMPARE(header.size(), 3);
    QVERIFY(QDateTime::fromString(QString::fromLatin1(header.at(1)), Qt::ISODateWithMs).isValid());
    QCOMPARE(header.at(2), path.toUtf8());
}

void DemoEndpointTest::notFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/nothing") << 404;
    QTest::newRow("unknown post") << QByteArray("POST") << QStringLiteral("/notify/x") << 404;
    QTest::newRow("post to health") << QByteArray("POST") << QStringLiteral("/health") << 405;
    QTest::newRow("get notify") << QByteArray("GET") << QStringLiteral("/notify") << 405;
}

void DemoEndpointTest::notFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    const auto reply = send(method, path, method == "POST" ? QByteArray("{}") : QByteArray());
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
}

// One POST whose head and body arrive in three writes, cut inside a header name and
// inside the body; then a second request on the same connection.
void DemoEndpointTest::splitAcrossWrites()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    const QList<QByteArray> pieces = {
        "POST /notify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le",
        "ngth: 25\r\n\r\n{\"text\":\"split ",
        "in three\"}",
    };
    QByteArray buffer;
    for (const QByteArray &piece : pieces) {
        QVERIFY(socket.write(piece) == piece.size());
        QVERIFY(socket.waitForBytesWritten(5000));
        if (&piece != &pieces.constLast()) {
            // Nothing is answered before the request is complete.
            QVERIFY(!socket.waitForReadyRead(150));
        }
    }
    const RawResponse response = readResponse(socket, buffer);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("ok"));
    QVERIFY(response.head.contains("Connection: keep-alive"));
    QVERIFY(notificationFile().contains("{\"text\":\"split in three\"}\n"));

    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const RawResponse second = readResponse(socket, buffer);
    QCOMPARE(second.status, 200);
    QVERIFY(second.body.startsWith("{\"requests\":"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

// Requests sent back to back in one write are answered in order, even when the first one
// (/report) takes a while.
void DemoEndpointTest::severalOnOneConnection()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /report HTTP/1.1\r\nHost: a\r\n\r\n"
                 "GET /nothing HTTP/1.1\r\nHost: a\r\n\r\n"
                 "GET /health HTTP/1.1\r\nHost: a\r\n\r\n");
    QByteArray buffer;
    const RawResponse first = readResponse(socket, buffer, 10000);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.startsWith("Sales report at "));
    QCOMPARE(readResponse(socket, buffer).status, 404);
    QCOMPARE(readResponse(socket, buffer).status, 200);
}

// A client that has sent half a request does not hold up another one.
void DemoEndpointTest::concurrentClients()
{
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(slow.waitForConnected(5000));
    slow.write("POST /notify HTTP/1.1\r\nContent-Length: 21\r\n\r\n{\"text\":");
    QVERIFY(slow.waitForBytesWritten(5000));

    QTcpSocket quick;
    quick.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(quick.waitForConnected(5000));
    quick.write("GET /health HTTP/1.1\r\n\r\n");
    QByteArray quickBuffer;
    QCOMPARE(readResponse(quick, quickBuffer).status, 200);

    slow.write("\"concurrent\"}");
    QByteArray slowBuffer;
    QCOMPARE(readResponse(slow, slowBuffer).status, 200);
    QVERIFY(notificationFile().contains("{\"text\":\"concurrent\"}\n"));
}

// HTTP/1.0 without keep-alive, and HTTP/1.1 with "Connection: close": answered, then closed.
// A request line that is not HTTP/1.x gets a 400 and a closed connection.
void DemoEndpointTest::closesWhenAsked()
{
    const QList<QByteArray> requests = {
        "GET /health HTTP/1.0\r\n\r\n",
        "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
    };
    const QList<int> statuses = {200, 200, 400};
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write(requests.at(i));
        QByteArray buffer;
        const RawResponse response = readResponse(socket, buffer);
        QCOMPARE(response.status, statuses.at(i));
        QVERIFY(response.head.contains("Connection: close"));
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState
                || socket.waitForDisconnected(5000));
    }
}

// Restarted with the same port file, the endpoint listens on the same port (the demo's
// jobs store its URL).
void DemoEndpointTest::keepsItsPort()
{
    const quint16 before = m_port;
    stopEndpoint();
    QVERIFY(startEndpoint());
    QCOMPARE(m_port, before);
    const auto reply = send("GET", QStringLiteral("/health"));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

QTEST_GUILESS_MAIN(DemoEndpointTest)
#include "tst_demoendpoint.moc"
