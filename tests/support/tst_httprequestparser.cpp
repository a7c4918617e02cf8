// HttpRequestParser (core/http), the request side of the demo endpoint and the tests'
// HTTP server: requests however the bytes are cut, several on one connection, keep-alive
// rules, and what is refused.

#include <http/httprequestparser.h>

#include <QtTest>

using namespace Cronhelm;

class HttpRequestParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void complete_data();
    void complete();
    void splitAtEveryByte();
    void severalOnOneConnection();
    void keepAlive_data();
    void keepAlive();
    void invalid_data();
    void invalid();
};

void HttpRequestParserTest::complete_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("get") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                         << QByteArray("GET") << QStringLiteral("/health") << QByteArray();
    QTest::newRow("query") << QByteArray("GET /a%20b?key=1 HTTP/1.1\r\n\r\n") << QByteArray("GET")
                           << QStringLiteral("/a b") << QByteArray();
    QTest::newRow("post") << QByteArray("POST /notify HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
                          << QByteArray("POST") << QStringLiteral("/notify") << QByteArray("hello");
    QTest::newRow("empty lines first") << QByteArray("\r\n\r\nHEAD / HTTP/1.0\r\n\r\n")
                                       << QByteArray("HEAD") << QStringLiteral("/") << QByteArray();
    QTest::newRow("case of header name")
        << QByteArray("PUT /x HTTP/1.1\r\ncontent-length: 2\r\n\r\nok") << QByteArray("PUT")
        << QStringLiteral("/x") << QByteArray("ok");
}

void HttpRequestParserTest::complete()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    HttpRequestParser parser;
    parser.append(bytes);
    HttpRequest request;
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QCOMPARE(request.body, body);
    QVERIFY(request.receivedAt.isValid());
    QCOMPARE(parser.bufferedBytes(), 0);
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Incomplete);
}

void HttpRequestParserTest::splitAtEveryByte()
{
    const QByteArray bytes = "POST /slack?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                             "{\"text\":\"hi\"}";
    HttpRequestParser parser;
    HttpRequest request;
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        parser.append(bytes.mid(i, 1));
        QCOMPARE(parser.next(request), HttpRequestParser::Status::Incomplete);
    }
    parser.append(bytes.right(1));
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.target, QByteArray("/slack?x=1"));
    QCOMPARE(request.path, QStringLiteral("/slack"));
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QCOMPARE(request.header("Host"), QByteArray("127.0.0.1"));
    QCOMPARE(request.body, QByteArray("{\"text\":\"hi\"}"));
}

void HttpRequestParserTest::severalOnOneConnection()
{
    HttpRequestParser parser;
    parser.append(
        "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\nGET /c HT");
    HttpRequest request;
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.path, QStringLiteral("/a"));
    QCOMPARE(request.body, QByteArray("abc"));
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.path, QStringLiteral("/b"));
    QVERIFY(request.body.isEmpty());
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Incomplete);
    parser.append("TP/1.1\r\n\r\n");
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.path, QStringLiteral("/c"));
}

void HttpRequestParserTest::keepAlive_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n")
                               << false;
    QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nConnection: TE, close\r\n\r\n")
                              << false;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void HttpRequestParserTest::keepAlive()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepAlive);

    HttpRequestParser parser;
    parser.append(bytes);
    HttpRequest request;
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Complete);
    QCOMPARE(request.keepAlive(), keepAlive);
}

void HttpRequestParserTest::invalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");

    QTest::newRow("tls hello") << QByteArray("\x16\x03\x01\x02\x00", 5) << 0;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\n\r\n") << 0;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n")
                                << 400;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("two lengths") << QByteArray(
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                 << 400;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
    QTest::newRow("body too large")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n") << 413;
    QTest::newRow("head too large")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a')) << 431;
}

void HttpRequestParserTest::invalid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);

    HttpRequestParser parser;
    parser.append(bytes);
    HttpRequest request;
    QCOMPARE(parser.next(request), HttpRequestParser::Status::Invalid);
    QCOMPARE(parser.errorStatus(), status);
}

QTEST_GUILESS_MAIN(HttpRequestParserTest)
#include "tst_httprequestparser.moc"
