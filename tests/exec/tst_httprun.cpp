#include "runrecorder.h"

#include <exec/curlengine.h>
#include <exec/httprun.h>
#include <exec/idempotencykey.h>

#include <httptestserver.h>
#include <stalledlistener.h>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestHttpRun : public QObject
{
    Q_OBJECT

private:
    RunContext httpContext(QJsonObject target, const QString &path = QStringLiteral("/hook"))
    {
        if (!target.contains(QStringLiteral("url"))) {
            target.insert(QStringLiteral("url"), m_server->url(path).toString());
        }
        auto spec = TargetSpec::parse(TargetKind::Http, target);
        if (!spec) {
            qFatal("bad http target in test: %s", qPrintable(spec.errorMessage()));
        }
        RunContext context;
        context.runId = 1001;
        context.jobId = 7;
        context.jobName = QStringLiteral("Sync CRM");
        context.scheduledFor = QDateTime(QDate(2027, 2, 10), QTime(3, 0), Qt::UTC);
        context.attempt = 1;
        context.target = *spec;
        context.timeoutSeconds = 30;
        context.logLimitBytes = 1024 * 1024;
        context.secrets = QProcessEnvironment();
        context.network = m_network.get();
        return context;
    }

    // Runs to the end; returns false on a hang.
    static bool run(HttpRun &run, RunRecorder &recorder, int timeoutMs = 10000)
    {
        run.start();
        return recorder.waitFinished(timeoutMs);
    }

    std::unique_ptr<CurlEngine> m_network;
    std::unique_ptr<HttpTestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        registerExecMetaTypes();
    }

    void init()
    {
        m_network = std::make_unique<CurlEngine>();
        m_server = std::make_unique<HttpTestServer>();
        QVERIFY(m_server->listen());
        TestResponse ok;
        ok.body = QByteArrayLiteral("{\"status\":\"ok\"}");
        ok.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        m_server->setResponse(QStringLiteral("/hook"), ok);
    }

    void cleanup()
    {
        m_server.reset();
        m_network.reset();
    }

    void methods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QByteArray>("contentType");

        QTest::newRow("GET") << QStringLiteral("GET") << QString() << QByteArray();
        QTest::newRow("POST json") << QStringLiteral("POST") << QStringLiteral("{\"a\":1}")
                                   << QByteArray("application/json");
        QTest::newRow("POST text") << QStringLiteral("POST") << QStringLiteral("sync=all")
                                   << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("PUT") << QStringLiteral("PUT") << QStringLiteral("[1,2]")
                             << QByteArray("application/json");
        QTest::newRow("PATCH") << QStringLiteral("PATCH") << QStringLiteral("{}")
                               << QByteArray("application/json");
        QTest::newRow("DELETE") << QStringLiteral("DELETE") << QString() << QByteArray();
        QTest::newRow("HEAD") << QStringLiteral("HEAD") << QString() << QByteArray();
        QTest::newRow("OPTIONS") << QStringLiteral("OPTIONS") << QString() << QByteArray();
    }

    void methods()
    {
        QFETCH(QString, method);
        QFETCH(QString, body);
        QFETCH(QByteArray, contentType);

        QJsonObject target{{QStringLiteral("method"), method},
                           {QStringLiteral("headers"),
                            QJsonObject{{QStringLiteral("X-Team"), QStringLiteral("ops")}}}};
        if (!body.isEmpty()) {
            target.insert(QStringLiteral("body"), body);
        }
        HttpRun httpRun(httpContext(target));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        const RunOutcome outcome = recorder.outcome();
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.httpStatus, std::optional<int>(200));
        QVERIFY(!outcome.exitCode);

        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest request = m_server->requests().constFirst();
        QCOMPARE(request.method, method.toLatin1());
        QCOMPARE(request.path, QStringLiteral("/hook"));
        QCOMPARE(request.body, body.toUtf8());
        QCOMPARE(request.header("X-Team"), QByteArray("ops"));
        QCOMPARE(request.header("User-Agent"), QByteArray("cronhelm/" CRONHELM_VERSION));
        if (!contentType.isEmpty()) {
            QCOMPARE(request.header("Content-Type"), contentType);
        }

        const QString system = recorder.text(LogStream::System);
        QVERIFY2(
            system.startsWith(QStringLiteral("[cronhelm] %1 %2")
                                  .arg(method, m_server->url(QStringLiteral("/hook")).toString())),
            qPrintable(system));
        QVERIFY(system.contains(QStringLiteral("[cronhelm] HTTP 200 OK after ")));
        QVERIFY(system.contains(QStringLiteral("Content-Type: application/json")));
        if (method != QLatin1String("HEAD")) {
            QCOMPARE(recorder.text(LogStream::Stdout), QStringLiteral("{\"status\":\"ok\"}"));
            QCOMPARE(outcome.logBytes, 15);
        }
    }

    void idempotencyKey_data()
    {
        QTest::addColumn<qint64>("jobId");
        QTest::addColumn<qint64>("scheduledMs");
        QTest::addColumn<int>("attempt");
        QTest::newRow("first") << qint64(7) << qint64(1801962000000) << 1;
        QTest::newRow("other attempt") << qint64(7) << qint64(1801962000000) << 2;
        QTest::newRow("other slot") << qint64(7) << qint64(1801962060000) << 1;
        QTest::newRow("other job") << qint64(8) << qint64(1801962000000) << 1;
    }

    void idempotencyKey()
    {
        QFETCH(qint64, jobId);
        QFETCH(qint64, scheduledMs);
        QFETCH(int, attempt);
        const QDateTime scheduled = QDateTime::fromMSecsSinceEpoch(scheduledMs, Qt::UTC);

        // Twice with the same inputs (think: two nodes in a split brain): the same key.
        for (int i = 0; i < 2; ++i) {
            RunContext context = httpContext({});
            context.jobId = jobId;
            context.scheduledFor = scheduled;
            context.attempt = attempt;
            HttpRun httpRun(context);
            RunRecorder recorder(&httpRun);
            QVERIFY(run(httpRun, recorder));
            QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        }
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        const QByteArray key = requests.at(0).header("Idempotency-Key");
        QCOMPARE(requests.at(1).header("Idempotency-Key"), key);
        // A version 5 UUID, as documented.
        static const QRegularExpression uuid5(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY2(uuid5.match(QString::fromLatin1(key)).hasMatch(), key.constData());
        QCOMPARE(QString::fromLatin1(key), Cronhelm::idempotencyKey(jobId, scheduled, attempt));
        // A different time zone of the same instant is the same slot.
        QCOMPARE(Cronhelm::idempotencyKey(jobId, scheduled.toOffsetFromUtc(3600), attempt),
                 QString::fromLatin1(key));

        static QSet<QByteArray> seen;
        QVERIFY2(!seen.contains(key), "inputs that differ must give different keys");
        seen.insert(key);
    }

    void jobCannotOverrideIdempotencyKey()
    {
        HttpRun httpRun(httpContext(QJsonObject{
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("idempotency-key"), QStringLiteral("mine")},
                         {QStringLiteral("User-Agent"), QStringLiteral("custom/1")}}}}));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        const RecordedRequest request = m_server->requests().constFirst();
        QCOMPARE(request.header("Idempotency-Key"),
                 Cronhelm::idempotencyKey(7, httpContext({}).scheduledFor, 1).toLatin1());
        QCOMPARE(request.header("User-Agent"), QByteArray("custom/1"));
    }

    void statusRange_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<RunStatus>("result");
        QTest::addColumn<QString>("error");

        QTest::newRow("500 default") << 500 << QString() << RunStatus::Failed
                                     << QStringLiteral("HTTP 500 is outside the expected 200-299");
        QTest::newRow("404 default") << 404 << QString() << RunStatus::Failed
                                     << QStringLiteral("HTTP 404 is outside the expected 200-299");
        QTest::newRow("204 default") << 204 << QString() << RunStatus::Succeeded << QString();
        QTest::newRow("200 not 204") << 200 << QStringLiteral("204") << RunStatus::Failed
                                     << QStringLiteral("HTTP 200 is not the expected 204");
        QTest::newRow("503 expected")
            << 503 << QStringLiteral("500-599") << RunStatus::Succeeded << QString();
    }

    void statusRange()
    {
        QFETCH(int, status);
        QFETCH(QString, expect);
        QFETCH(RunStatus, result);
        QFETCH(QString, error);

        TestResponse response;
        response.status = status;
        response.body = QByteArrayLiteral("body");
        m_server->setResponse(QStringLiteral("/status"), response);
        QJsonObject target;
        if (!expect.isEmpty()) {
            target.insert(QStringLiteral("expect_status"), expect);
        }
        HttpRun httpRun(httpContext(target, QStringLiteral("/status")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, result);
        QCOMPARE(outcome.httpStatus, std::optional<int>(status));
        QCOMPARE(outcome.error, error);
        if (status != 204) {
            QCOMPARE(recorder.text(LogStream::Stdout), QStringLiteral("body"));
        }
    }

    void bodyRegex_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<RunStatus>("result");
        QTest::addColumn<QString>("error");

        const QString pattern = QStringLiteral("\"status\"\\s*:\\s*\"error\"");
        QTest::newRow("matches") << QByteArray("{\"status\": \"error\", \"message\": \"CRM down\"}")
                                 << RunStatus::Failed
                                 << QStringLiteral("response body matches \"%1\": "
                                                   "\"\"status\": \"error\"\"")
                                        .arg(pattern);
        QTest::newRow("no match") << QByteArray("{\"status\": \"ok\"}") << RunStatus::Succeeded
                                  << QString();
        QTest::newRow("match deep in a big body")
            << QByteArray(3 * 1024 * 1024, ' ') + "{\"status\":\"error\"}" << RunStatus::Failed
            << QStringLiteral("response body matches \"%1\": \"\"status\":\"error\"\"")
                   .arg(pattern);
    }

    void bodyRegex()
    {
        QFETCH(QByteArray, body);
        QFETCH(RunStatus, result);
        QFETCH(QString, error);

        TestResponse response;
        response.body = body;
        m_server->setResponse(QStringLiteral("/check"), response);
        HttpRun httpRun(httpContext(QJsonObject{{QStringLiteral("fail_if_body_matches"),
                                                 QStringLiteral("\"status\"\\s*:\\s*\"error\"")}},
                                    QStringLiteral("/check")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, result);
        QCOMPARE(recorder.outcome().httpStatus, std::optional<int>(200));
        QCOMPARE(recorder.outcome().error, error);
    }

    void bigBodyIsSampled()
    {
        TestResponse response;
        response.body = QByteArray(20 * 1024 * 1024, 'z');
        m_server->setResponse(QStringLiteral("/big"), response);
        HttpRun httpRun(httpContext({}, QStringLiteral("/big")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder, 30000));
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(recorder.text(LogStream::Stdout).size(), HttpRun::bodySampleBytes);
        QCOMPARE(outcome.logBytes, HttpRun::bodySampleBytes);
        QVERIFY(!outcome.logTruncated);
        QVERIFY(recorder.text(LogStream::System)
                    .contains(QStringLiteral("the response body has 20971520 bytes; the log "
                                             "shows the first 65536")));
    }

    void logLimitAppliesToTheSample()
    {
        TestResponse response;
        response.body = QByteArray(40000, 'q');
        m_server->setResponse(QStringLiteral("/long"), response);
        RunContext context = httpContext({}, QStringLiteral("/long"));
        context.logLimitBytes = 1024;
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QVERIFY(recorder.outcome().logTruncated);
        QCOMPARE(recorder.outcome().logBytes, 40000);
        QCOMPARE(recorder.text(LogStream::Stdout).size(), 1024);
        QVERIFY(recorder.text(LogStream::System).contains(QStringLiteral("output truncated")));
    }

    void timeout()
    {
        TestResponse slow;
        slow.delay = std::chrono::seconds(20);
        m_server->setResponse(QStringLiteral("/slow"), slow);
        RunContext context = httpContext({}, QStringLiteral("/slow"));
        context.timeoutSeconds = 1;
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(httpRun, recorder));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(recorder.outcome().status, RunStatus::TimedOut);
        QCOMPARE(recorder.outcome().error, QStringLiteral("timed out after 1 s"));
        QVERIFY(!recorder.outcome().httpStatus);
        QCOMPARE(m_server->requests().size(), 1); // it was sent, just not answered in time
    }

    void cancel()
    {
        TestResponse slow;
        slow.delay = std::chrono::seconds(20);
        m_server->setResponse(QStringLiteral("/slow"), slow);
        HttpRun httpRun(httpContext({}, QStringLiteral("/slow")));
        RunRecorder recorder(&httpRun);
        QSignalSpy arrived(m_server.get(), &HttpTestServer::requestReceived);
        httpRun.start();
        QVERIFY(arrived.wait(5000));
        httpRun.cancel(QStringLiteral("superseded (concurrency: replace)"));
        QVERIFY(recorder.waitFinished(5000));
        QCOMPARE(recorder.outcome().status, RunStatus::Cancelled);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("cancelled: superseded (concurrency: replace)"));
        QTest::qWait(50);
        QCOMPARE(recorder.finishedCount(), 1);
    }

    void redirects_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("finalMethod");
        QTest::addColumn<QByteArray>("finalBody");

        QTest::newRow("301 GET") << 301 << QStringLiteral("GET") << QByteArray("GET")
                                 << QByteArray();
        QTest::newRow("302 POST becomes GET")
            << 302 << QStringLiteral("POST") << QByteArray("GET") << QByteArray();
        QTest::newRow("303 PUT becomes GET")
            << 303 << QStringLiteral("PUT") << QByteArray("GET") << QByteArray();
        QTest::newRow("307 POST stays POST")
            << 307 << QStringLiteral("POST") << QByteArray("POST") << QByteArray("{\"n\":1}");
        QTest::newRow("308 PATCH stays PATCH")
            << 308 << QStringLiteral("PATCH") << QByteArray("PATCH") << QByteArray("{\"n\":1}");
    }

    void redirects()
    {
        QFETCH(int, status);
        QFETCH(QString, method);
        QFETCH(QByteArray, finalMethod);
        QFETCH(QByteArray, finalBody);

        // Two hops: a relative Location, then an absolute one.
        m_server->setRedirect(QStringLiteral("/old"), QStringLiteral("/older"), status);
        m_server->setRedirect(QStringLiteral("/older"),
                              m_server->url(QStringLiteral("/hook")).toString(), status);
        QJsonObject target{{QStringLiteral("method"), method}};
        if (method != QLatin1String("GET")) {
            target.insert(QStringLiteral("body"), QStringLiteral("{\"n\":1}"));
        }
        HttpRun httpRun(httpContext(target, QStringLiteral("/old")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QVERIFY2(recorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(recorder.outcome().error));
        QCOMPARE(recorder.outcome().httpStatus, std::optional<int>(200));
        // Each request exactly once (Qt 6.4's own redirect following may send one twice).
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).path, QStringLiteral("/old"));
        QCOMPARE(requests.at(1).path, QStringLiteral("/older"));
        QCOMPARE(requests.at(2).path, QStringLiteral("/hook"));
        QCOMPARE(requests.at(2).method, finalMethod);
        QCOMPARE(requests.at(2).body, finalBody);
        if (finalBody.isEmpty()) {
            QVERIFY(requests.at(2).header("Content-Type").isEmpty());
        }
        // The same attempt: the same key on every hop.
        QCOMPARE(requests.at(2).header("Idempotency-Key"),
                 requests.at(0).header("Idempotency-Key"));
        QVERIFY(recorder.text(LogStream::System).contains(QStringLiteral("redirected to")));
        QCOMPARE(recorder.text(LogStream::Stdout), QStringLiteral("{\"status\":\"ok\"}"));
    }

    // Issue 10: a redirect to another origin (here: the same host, another port) must carry
    // none of the headers the job defined, whatever their names; Cronhelm's own go on.
    void jobHeadersStayWithTheOrigin()
    {
        HttpTestServer other;
        QVERIFY(other.listen());
        other.setResponse(QStringLiteral("/elsewhere"), TestResponse());
        m_server->setRedirect(QStringLiteral("/away"),
                              other.url(QStringLiteral("/elsewhere")).toString());
        HttpRun httpRun(httpContext(
            QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                        {QStringLiteral("body"), QStringLiteral("{\"n\":1}")},
                        {QStringLiteral("headers"),
                         QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer t")},
                                     {QStringLiteral("X-Api-Key"), QStringLiteral("k3y")},
                                     {QStringLiteral("X-Team"), QStringLiteral("ops")},
                                     {QStringLiteral("User-Agent"), QStringLiteral("mine/1")},
                                     {QStringLiteral("Content-Type"), QStringLiteral("x/y")}}}},
            QStringLiteral("/away")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QVERIFY2(recorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(recorder.outcome().error));
        const RecordedRequest first = m_server->requests().constFirst();
        QCOMPARE(first.header("Authorization"), QByteArray("Bearer t"));
        QCOMPARE(first.header("X-Api-Key"), QByteArray("k3y"));
        QCOMPARE(first.header("User-Agent"), QByteArray("mine/1"));
        QCOMPARE(other.requests().size(), 1);
        const RecordedRequest away = other.requests().constFirst();
        for (const auto &[name, value] : away.headers) {
            QVERIFY2(!value.contains("k3y") && !value.contains("Bearer") && !value.contains("ops")
                         && !value.contains("mine/1"),
                     name.constData());
        }
        QVERIFY(away.header("X-Team").isEmpty());
        QCOMPARE(away.header("User-Agent"), QByteArray("cronhelm/" CRONHELM_VERSION));
        QCOMPARE(away.header("Idempotency-Key"), first.header("Idempotency-Key"));
        QCOMPARE(away.method, QByteArray("GET")); // 302 after POST

        // Back at the origin, the job's headers are sent again.
        m_server->clearRequests();
        other.setRedirect(QStringLiteral("/back"),
                          m_server->url(QStringLiteral("/hook")).toString(), 307);
        m_server->setRedirect(QStringLiteral("/roundtrip"),
                              other.url(QStringLiteral("/back")).toString(), 307);
        HttpRun roundTrip(httpContext(
            QJsonObject{{QStringLiteral("headers"),
                         QJsonObject{{QStringLiteral("X-Api-Key"), QStringLiteral("k3y")}}}},
            QStringLiteral("/roundtrip")));
        RunRecorder roundTripRecorder(&roundTrip);
        QVERIFY(run(roundTrip, roundTripRecorder));
        QCOMPARE(roundTripRecorder.outcome().status, RunStatus::Succeeded);
        QVERIFY(other.requests(QStringLiteral("/back")).constFirst().header("X-Api-Key").isEmpty());
        QCOMPARE(m_server->requests(QStringLiteral("/hook")).constFirst().header("X-Api-Key"),
                 QByteArray("k3y"));
    }

    // Issue 10: a 307/308 to another origin would repeat the body there, and the body may
    // hold resolved secrets: the run fails saying why, and the other server gets nothing.
    // Back to the same origin, the body goes on as before.
    void bodyStaysWithTheOrigin_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("method");
        QTest::newRow("307 POST") << 307 << QStringLiteral("POST");
        QTest::newRow("308 PUT") << 308 << QStringLiteral("PUT");
        QTest::newRow("301 PATCH") << 301 << QStringLiteral("PATCH");
    }

    void bodyStaysWithTheOrigin()
    {
        QFETCH(int, status);
        QFETCH(QString, method);
        HttpTestServer other;
        QVERIFY(other.listen());
        other.setResponse(QStringLiteral("/elsewhere"), TestResponse());
        m_server->setRedirect(QStringLiteral("/away"),
                              other.url(QStringLiteral("/elsewhere")).toString(), status);
        const QJsonObject target{
            {QStringLiteral("method"), method},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("token"), QStringLiteral("s3cr3t")}}}};
        HttpRun httpRun(httpContext(target, QStringLiteral("/away")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().httpStatus, std::optional<int>(status));
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("HTTP %1 redirects the request body to 127.0.0.1:%2, another "
                                "origin: refused, as the body may hold secrets meant for "
                                "127.0.0.1:%3 only")
                     .arg(status)
                     .arg(other.port())
                     .arg(m_server->port()));
        QCOMPARE(m_server->requests(QStringLiteral("/away")).size(), 1);
        QVERIFY(other.requests().isEmpty());

        // The same origin: followed, body and all.
        m_server->setRedirect(QStringLiteral("/here"), QStringLiteral("/hook"), status);
        HttpRun local(httpContext(target, QStringLiteral("/here")));
        RunRecorder localRecorder(&local);
        QVERIFY(run(local, localRecorder));
        QVERIFY2(localRecorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(localRecorder.outcome().error));
        QVERIFY(m_server->requests(QStringLiteral("/hook")).constFirst().body.contains("s3cr3t"));
    }

    void redirectToOtherScheme()
    {
        m_server->setRedirect(QStringLiteral("/ftp"), QStringLiteral("ftp://127.0.0.1/file"));
        HttpRun httpRun(httpContext({}, QStringLiteral("/ftp")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().httpStatus, std::optional<int>(302));
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("HTTP 302 redirects to \"ftp://127.0.0.1/file\", which is not an "
                                "http(s) URL"));
    }

    void tooManyRedirects_data()
    {
        QTest::addColumn<int>("maxRedirects");
        QTest::newRow("1") << 1;
        QTest::newRow("2") << 2;
        QTest::newRow("5") << 5;
    }

    void tooManyRedirects()
    {
        QFETCH(int, maxRedirects);
        m_server->setRedirect(QStringLiteral("/loop"), QStringLiteral("/loop"));
        HttpRun httpRun(httpContext(QJsonObject{{QStringLiteral("max_redirects"), maxRedirects}},
                                    QStringLiteral("/loop")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("too many redirects (more than %1)").arg(maxRedirects));
        // The request and the redirects it was allowed to follow, no more.
        QCOMPARE(m_server->requests().size(), maxRedirects + 1);
    }

    void redirectsOff()
    {
        m_server->setRedirect(QStringLiteral("/old"), QStringLiteral("/hook"));
        HttpRun httpRun(
            httpContext(QJsonObject{{QStringLiteral("max_redirects"), 0}}, QStringLiteral("/old")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("HTTP 302 is outside the expected 200-299"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void connectionRefused()
    {
        const quint16 port = HttpTestServer::unusedPort();
        HttpRun httpRun(httpContext(QJsonObject{
            {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/x").arg(port)}}));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QVERIFY(!recorder.outcome().httpStatus);
        QVERIFY2(recorder.outcome().error.startsWith(QStringLiteral("request failed: ")),
                 qPrintable(recorder.outcome().error));
        QVERIFY2(recorder.outcome().error.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(recorder.outcome().error));
    }

    void httpsToPlainPortFails()
    {
        HttpRun httpRun(httpContext(
            QJsonObject{{QStringLiteral("url"),
                         QStringLiteral("https://127.0.0.1:%1/hook").arg(m_server->port())}}));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QVERIFY(!recorder.outcome().httpStatus);
        QVERIFY2(recorder.outcome().error.startsWith(QStringLiteral("request failed: ")),
                 qPrintable(recorder.outcome().error));
        QVERIFY(m_server->requests().isEmpty());
    }

    // TLS is always verified: a server whose certificate no trusted CA signed gets no
    // request, and the run says why.
    void tlsIsVerified()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"),
                                    QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath,
                                    QStringLiteral("-out"), certPath, QStringLiteral("-days"),
                                    QStringLiteral("1"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=IP:127.0.0.1")}),
                 0);
        QFile keyFile(keyPath);
        QFile certFile(certPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int handshakesStarted = 0;
        QByteArray received;
        connect(&server, &QSslServer::startedEncryptionHandshake, this,
                [&handshakesStarted] { ++handshakesStarted; });
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&server, &received] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket,
                        [socket, &received] { received += socket->readAll(); });
            }
        });
        HttpRun httpRun(httpContext(
            QJsonObject{{QStringLiteral("url"),
                         QStringLiteral("https://127.0.0.1:%1/hook").arg(server.serverPort())}}));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QVERIFY2(recorder.outcome().error.contains(QStringLiteral("certificate")),
                 qPrintable(recorder.outcome().error));
        QCOMPARE(handshakesStarted, 1); // it was a TLS server that answered
        QVERIFY(received.isEmpty());    // and it never got the request
    }

    void secretsResolved()
    {
        RunContext context = httpContext(
            QJsonObject{{QStringLiteral("url"),
                         QString(m_server->url(QStringLiteral("/hook")).toString()
                                 + QStringLiteral("?key=${env:CRONHELM_SECRET_API_KEY}"))},
                        {QStringLiteral("method"), QStringLiteral("POST")},
                        {QStringLiteral("headers"),
                         QJsonObject{{QStringLiteral("Authorization"),
                                      QStringLiteral("Bearer ${env:CRONHELM_SECRET_API_TOKEN}")}}},
                        {QStringLiteral("body"),
                         QStringLiteral("{\"token\":\"${env:CRONHELM_SECRET_API_TOKEN}\"}")}});
        context.secrets.insert(QStringLiteral("CRONHELM_SECRET_API_TOKEN"),
                               QStringLiteral("s3cr3t"));
        context.secrets.insert(QStringLiteral("CRONHELM_SECRET_API_KEY"), QStringLiteral("k3y"));
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        const RecordedRequest request = m_server->requests().constFirst();
        QCOMPARE(request.target, QByteArray("/hook?key=k3y"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer s3cr3t"));
        QCOMPARE(request.body, QByteArray("{\"token\":\"s3cr3t\"}"));
        QVERIFY(!recorder.log().contains(QStringLiteral("s3cr3t")));
        QVERIFY(!recorder.log().contains(QStringLiteral("k3y")));
    }

    // Issue 10: run logs are readable by every role, so the address they show is masked as
    // job_overview masks it for viewers: a password, query values and a fragment written
    // into the job's address, or into a redirect's, stay out of them.
    void addressCredentialsStayOutOfTheLog()
    {
        m_server->setRedirect(QStringLiteral("/start"),
                              QStringLiteral("/hook?session=t0ken-from-redirect"));
        QUrl address = m_server->url(QStringLiteral("/start"));
        address.setUserInfo(QStringLiteral("deploy:pw-l1teral"));
        address.setQuery(QStringLiteral("api_key=k3y-l1teral&day=monday"));
        address.setFragment(QStringLiteral("fr4gment"));
        HttpRun httpRun(httpContext(QJsonObject{{QStringLiteral("url"), address.toString()}}));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QVERIFY2(recorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(recorder.outcome().error));
        // The requests carried everything ...
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).target, QByteArray("/start?api_key=k3y-l1teral&day=monday"));
        QCOMPARE(requests.at(1).target, QByteArray("/hook?session=t0ken-from-redirect"));
        // ... the log shows where they went, and none of it.
        const QString log = recorder.log();
        for (const char *secret : {"pw-l1teral", "k3y-l1teral", "monday", "fr4gment", "t0ken"})
            QVERIFY2(!log.contains(QLatin1String(secret)), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("deploy:********@127.0.0.1")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("/start?api_key=********&day=********#********")),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("Location: http://127.0.0.1:%1/hook?session=********")
                                  .arg(m_server->port())),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("/hook?session=********")), qPrintable(log));
    }

    void secretMissing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("url") << QStringLiteral("url");
        QTest::newRow("header") << QStringLiteral("header");
        QTest::newRow("body") << QStringLiteral("body");
    }

    void secretMissing()
    {
        QFETCH(QString, field);
        QJsonObject target{{QStringLiteral("method"), QStringLiteral("POST")}};
        if (field == QLatin1String("url")) {
            target.insert(QStringLiteral("url"),
                          QString(m_server->url(QStringLiteral("/hook")).toString()
                                  + QStringLiteral("?k=${env:CRONHELM_SECRET_API_TOKEN}")));
        } else if (field == QLatin1String("header")) {
            target.insert(QStringLiteral("headers"),
                          QJsonObject{{QStringLiteral("X-Key"),
                                       QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}")}});
        } else {
            target.insert(QStringLiteral("body"),
                          QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}"));
        }
        HttpRun httpRun(httpContext(target));
        RunRecorder recorder(&httpRun);
        httpRun.start();
        QCOMPARE(recorder.finishedCount(), 0);
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("secret ${env:CRONHELM_SECRET_API_TOKEN} is not set on this node"));
        QTest::qWait(200);
        QVERIFY(m_server->requests().isEmpty());
    }

    // Issue 10: PCRE2 giving up on a pattern (its match limit) must not pass the check.
    void bodyRegexEngineGivesUp()
    {
        TestResponse response;
        response.body = QByteArray(40, 'a') + '!';
        m_server->setResponse(QStringLiteral("/check"), response);
        const QString pattern = QStringLiteral("^(a|aa)+$");
        HttpRun httpRun(httpContext(QJsonObject{{QStringLiteral("fail_if_body_matches"), pattern}},
                                    QStringLiteral("/check")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder, 60000));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().httpStatus, std::optional<int>(200));
        QVERIFY2(
            recorder.outcome().error.startsWith(
                QStringLiteral("fail_if_body_matches \"%1\" could not be checked").arg(pattern)),
            qPrintable(recorder.outcome().error));
    }

    // A NUL (or another control character) in the matched part of the body is quoted as
    // \xNN: the error goes to PostgreSQL, whose text holds no NUL (libpq would cut it there).
    void bodyMatchQuotesControlCharacters()
    {
        static const char body[] = "status: error:\0x\x01y";
        TestResponse response;
        response.body = QByteArray(body, sizeof(body) - 1);
        m_server->setResponse(QStringLiteral("/nul"), response);
        HttpRun httpRun(httpContext(
            QJsonObject{{QStringLiteral("fail_if_body_matches"), QStringLiteral("error.*")}},
            QStringLiteral("/nul")));
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QVERIFY(!recorder.outcome().error.contains(QChar(0)));
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("response body matches \"error.*\": \"error:\\x00x\\x01y\""));
    }

    // Issue 9: the start is the moment the request left, not the moment it was handed over.
    // The host takes no connection for 2 s: a runner that reports its start at once (as
    // QNetworkAccessManager's queue did) reports it before the host could have got anything.
    void startedWhenTheRequestLeaves()
    {
        StalledListener host;
        QVERIFY(host.isListening());
        HttpRun httpRun(httpContext(
            QJsonObject{{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()}}));
        RunRecorder recorder(&httpRun);
        QSignalSpy started(&httpRun, &TargetRun::started);
        QTimer::singleShot(2000, &host, &StalledListener::acceptFromNow);
        httpRun.start();
        QVERIFY(recorder.waitFinished(20000));
        QVERIFY2(recorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(recorder.outcome().error));
        QCOMPARE(started.size(), 1);
        const qint64 startedUs = started.at(0).at(0).toLongLong();
        QCOMPARE(host.arrivalsUs().size(), 1);
        QVERIFY2(startedUs >= host.acceptingSinceUs(),
                 qPrintable(QStringLiteral("started %1 ms before the host took connections")
                                .arg((host.acceptingSinceUs() - startedUs) / 1000.0)));
        QVERIFY(startedUs <= host.arrivalsUs().constFirst());
    }

    // Issue 9: many requests to one host leave at once (no queue of 6 per host), each
    // reported started when it was written.
    void manyRequestsToOneHostLeaveAtOnce()
    {
        constexpr int runs = 150;
        TestResponse held;
        held.delay = std::chrono::seconds(3);
        m_server->setResponse(QStringLiteral("/held"), held);
        std::vector<std::unique_ptr<HttpRun>> httpRuns;
        std::vector<std::unique_ptr<RunRecorder>> recorders;
        std::vector<std::unique_ptr<QSignalSpy>> starts;
        for (int i = 0; i < runs; ++i) {
            RunContext context = httpContext({}, QStringLiteral("/held"));
            context.jobId = 1000 + i; // a key of its own, to pair request and run
            httpRuns.push_back(std::make_unique<HttpRun>(context));
            recorders.push_back(std::make_unique<RunRecorder>(httpRuns.back().get()));
            starts.push_back(
                std::make_unique<QSignalSpy>(httpRuns.back().get(), &TargetRun::started));
        }
        const QDateTime handedOut = QDateTime::currentDateTimeUtc();
        for (auto &httpRun : httpRuns) {
            httpRun->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(QStringLiteral("/held")).size(), runs, 2500);
        const auto requests = m_server->requests(QStringLiteral("/held"));
        QHash<QByteArray, QDateTime> arrived;
        for (const RecordedRequest &request : requests) {
            arrived.insert(request.header("Idempotency-Key"), request.receivedAt);
            QVERIFY2(handedOut.msecsTo(request.receivedAt) < 2000,
                     qPrintable(QStringLiteral("a request arrived %1 ms after the hand-out")
                                    .arg(handedOut.msecsTo(request.receivedAt))));
        }
        for (int i = 0; i < runs; ++i) {
            QVERIFY(recorders.at(i)->waitFinished(15000));
            QCOMPARE(recorders.at(i)->outcome().status, RunStatus::Succeeded);
            QCOMPARE(starts.at(i)->size(), 1);
            const qint64 startedMs = starts.at(i)->at(0).at(0).toLongLong() / 1000;
            const QByteArray key =
                Cronhelm::idempotencyKey(1000 + i, httpContext({}).scheduledFor, 1).toLatin1();
            QVERIFY(arrived.contains(key));
            // receivedAt is when the whole request was read, a little after it was written.
            QVERIFY(startedMs <= arrived.value(key).toMSecsSinceEpoch());
            QVERIFY(startedMs >= handedOut.toMSecsSinceEpoch());
        }
    }

    // Issue 10: a host that takes no connection fails the run after the connect timeout,
    // not after the job's timeout.
    void connectTimeout()
    {
        StalledListener host;
        QVERIFY(host.isListening());
        RunContext context = httpContext(
            QJsonObject{{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()}});
        context.timeoutSeconds = 60;
        context.httpLimits.connectTimeout = std::chrono::seconds(1);
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QSignalSpy started(&httpRun, &TargetRun::started);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(httpRun, recorder, 20000));
        QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 5000,
                 qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("could not connect to 127.0.0.1:%1 within 1 s (connect timeout)")
                     .arg(host.port()));
        QVERIFY(started.isEmpty()); // nothing left
    }

    // A server that takes the request and then says nothing: the idle timeout ends it.
    void idleTimeout()
    {
        TestResponse silent;
        silent.delay = std::chrono::seconds(30);
        m_server->setResponse(QStringLiteral("/silent"), silent);
        RunContext context = httpContext({}, QStringLiteral("/silent"));
        context.timeoutSeconds = 60;
        context.httpLimits.idleTimeout = std::chrono::seconds(1);
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(httpRun, recorder, 20000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("nothing received from 127.0.0.1:%1 for 1 s (idle timeout)")
                     .arg(m_server->port()));
        QCOMPARE(m_server->requests().size(), 1);
    }

    // A job's own connect_timeout_s / idle_timeout_s win over the node's limits (here the
    // defaults: 30 s, no idle limit), in both directions, and the error gives the job's number.
    void jobLimitsWinOverTheNode()
    {
        StalledListener host;
        QVERIFY(host.isListening());
        RunContext context = httpContext(
            QJsonObject{{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()},
                        {QStringLiteral("connect_timeout_s"), 1}});
        context.timeoutSeconds = 60;
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(httpRun, recorder, 20000));
        QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 5000,
                 qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("could not connect to 127.0.0.1:%1 within 1 s (connect timeout)")
                     .arg(host.port()));

        TestResponse silent;
        silent.delay = std::chrono::seconds(30);
        m_server->setResponse(QStringLiteral("/silent"), silent);
        RunContext idle = httpContext(QJsonObject{{QStringLiteral("idle_timeout_s"), 1}},
                                      QStringLiteral("/silent"));
        idle.timeoutSeconds = 60;
        HttpRun idleRun(idle);
        RunRecorder idleRecorder(&idleRun);
        clock.restart();
        QVERIFY(run(idleRun, idleRecorder, 20000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(idleRecorder.outcome().error,
                 QStringLiteral("nothing received from 127.0.0.1:%1 for 1 s (idle timeout)")
                     .arg(m_server->port()));

        // The job says "no idle limit" (0) on a node that has one: the slow answer is awaited.
        TestResponse slow;
        slow.delay = std::chrono::milliseconds(2500);
        m_server->setResponse(QStringLiteral("/slow"), slow);
        RunContext patient = httpContext(QJsonObject{{QStringLiteral("idle_timeout_s"), 0}},
                                         QStringLiteral("/slow"));
        patient.httpLimits.idleTimeout = std::chrono::seconds(1);
        HttpRun patientRun(patient);
        RunRecorder patientRecorder(&patientRun);
        QVERIFY(run(patientRun, patientRecorder, 20000));
        QVERIFY2(patientRecorder.outcome().status == RunStatus::Succeeded,
                 qPrintable(patientRecorder.outcome().error));
    }

    void noNetworkManager()
    {
        RunContext context = httpContext({});
        context.network = nullptr;
        HttpRun httpRun(context);
        RunRecorder recorder(&httpRun);
        QVERIFY(run(httpRun, recorder));
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
    }

    void factoryPicksTheRunner()
    {
        auto httpRun = createTargetRun(httpContext({}));
        QVERIFY(qobject_cast<HttpRun *>(httpRun.get()));
        RunRecorder recorder(httpRun.get());
        httpRun->start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestHttpRun)
#include "tst_httprun.moc"
