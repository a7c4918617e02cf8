#include <exec/notifier.h>

#include <httptestserver.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

RunSummary failedRun()
{
    RunSummary run;
    run.jobId = 7;
    run.jobName = QStringLiteral("Sync CRM");
    run.runId = 1001;
    run.status = RunStatus::Failed;
    run.attempt = 1;
    run.scheduledFor = QDateTime(QDate(2027, 2, 10), QTime(3, 0), Qt::UTC);
    run.startedAt = run.scheduledFor.addMSecs(4);
    run.finishedAt = run.startedAt.addMSecs(12345);
    run.httpStatus = 500;
    run.error = QStringLiteral("HTTP 500 is outside the expected 200-299");
    run.node = QStringLiteral("node-a");
    return run;
}

NotificationTarget target(NotifyKind kind, const QUrl &url)
{
    NotificationTarget target;
    target.kind = kind;
    target.url = url.toString();
    return target;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<Notifier> m_notifier;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Cronhelm::NotifyEvent>();
    }

    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_server = std::make_unique<HttpTestServer>();
        QVERIFY(m_server->listen());
        m_server->setResponse(QStringLiteral("/slack"), TestResponse());
        m_server->setResponse(QStringLiteral("/webhook"), TestResponse());
        m_notifier = std::make_unique<Notifier>(m_network.get());
        m_notifier->setSecrets(QProcessEnvironment());
    }

    void cleanup()
    {
        m_notifier.reset();
        m_server.reset();
        m_network.reset();
    }

    void slackText_data()
    {
        QTest::addColumn<NotifyEvent>("event");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<QString>("text");

        QTest::newRow("failure") << NotifyEvent::Failure << QStringLiteral("failed") << 1
                                 << QStringLiteral("Cronhelm: job \"Sync CRM\" failed on node-a "
                                                   "after 12.3 s: HTTP 500 is outside the "
                                                   "expected 200-299");
        QTest::newRow("timed out, retry")
            << NotifyEvent::Failure << QStringLiteral("timed_out") << 3
            << QStringLiteral("Cronhelm: job \"Sync CRM\" timed out on node-a after 12.3 s. "
                              "(attempt 3)");
        QTest::newRow("abandoned") << NotifyEvent::Failure << QStringLiteral("abandoned") << 1
                                   << QStringLiteral("Cronhelm: job \"Sync CRM\" was abandoned: "
                                                     "node node-a stopped while it ran.");
        QTest::newRow("recovery") << NotifyEvent::Recovery << QStringLiteral("succeeded") << 1
                                  << QStringLiteral("Cronhelm: job \"Sync CRM\" recovered on "
                                                    "node-a: it succeeded after 12.3 s.");
        QTest::newRow("success") << NotifyEvent::Success << QStringLiteral("succeeded") << 1
                                 << QStringLiteral("Cronhelm: job \"Sync CRM\" succeeded on "
                                                   "node-a after 12.3 s.");
    }

    void slackText()
    {
        QFETCH(NotifyEvent, event);
        QFETCH(QString, status);
        QFETCH(int, attempt);
        QFETCH(QString, text);

        RunSummary run = failedRun();
        run.status = *fromWireName<RunStatus>(status);
        run.attempt = attempt;
        if (status == QLatin1String("succeeded")) {
            run.error.clear();
            run.httpStatus = 200;
        }
        QSignalSpy delivered(m_notifier.get(), &Notifier::delivered);
        QCOMPARE(
            m_notifier->notify(
                event, {target(NotifyKind::Slack, m_server->url(QStringLiteral("/slack")))}, run),
            event == NotifyEvent::Success ? 0 : 1); // the default "on" has no success
        if (event == NotifyEvent::Success) {
            QCOMPARE(notificationText(event, run), text);
            return;
        }
        QVERIFY(delivered.wait(5000));
        QCOMPARE(delivered.at(0).at(0).toString(), QStringLiteral("slack 127.0.0.1"));
        const RecordedRequest request = m_server->requests(QStringLiteral("/slack")).constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject payload = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(payload.value(QStringLiteral("text")).toString(), text);
    }

    void slackEscapesMarkup()
    {
        RunSummary run = failedRun();
        run.jobName = QStringLiteral("A&B <prod>");
        const QString text =
            slackPayload(NotifyEvent::Failure, run).value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QStringLiteral("\"A&amp;B &lt;prod&gt;\"")), qPrintable(text));
    }

    void longDurations()
    {
        RunSummary run = failedRun();
        run.finishedAt = run.startedAt.addSecs(25 * 60 + 7);
        QVERIFY(notificationText(NotifyEvent::Failure, run).contains(QStringLiteral("25 min 7 s")));
        run.finishedAt = run.startedAt.addSecs(2 * 3600 + 5 * 60);
        QVERIFY(notificationText(NotifyEvent::Failure, run).contains(QStringLiteral("2 h 5 min")));
    }

    void webhookPayloadFields()
    {
        NotificationTarget hook =
            target(NotifyKind::Webhook, m_server->url(QStringLiteral("/webhook")));
        RunSummary run = failedRun();
        run.error = QStringLiteral("first line\nsecond line");
        QSignalSpy delivered(m_notifier.get(), &Notifier::delivered);
        QCOMPARE(m_notifier->notify(NotifyEvent::Failure, {hook}, run), 1);
        QVERIFY(delivered.wait(5000));
        QCOMPARE(delivered.at(0).at(1).value<NotifyEvent>(), NotifyEvent::Failure);
        QCOMPARE(delivered.at(0).at(2).toLongLong(), 1001);

        const RecordedRequest request = m_server->requests(QStringLiteral("/webhook")).constFirst();
        QCOMPARE(request.header("User-Agent"), QByteArray("cronhelm/" CRONHELM_VERSION));
        QJsonParseError error;
        const QJsonObject payload = QJsonDocument::fromJson(request.body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
        QCOMPARE(payload.value(QStringLiteral("node")).toString(), QStringLiteral("node-a"));
        const QJsonObject job = payload.value(QStringLiteral("job")).toObject();
        QCOMPARE(job.value(QStringLiteral("id")).toInteger(), 7);
        QCOMPARE(job.value(QStringLiteral("name")).toString(), QStringLiteral("Sync CRM"));
        const QJsonObject runObject = payload.value(QStringLiteral("run")).toObject();
        QCOMPARE(runObject.value(QStringLiteral("id")).toInteger(), 1001);
        QCOMPARE(runObject.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(runObject.value(QStringLiteral("attempt")).toInt(), 1);
        QCOMPARE(runObject.value(QStringLiteral("scheduled_for")).toString(),
                 QStringLiteral("2027-02-10T03:00:00.000Z"));
        QCOMPARE(runObject.value(QStringLiteral("started_at")).toString(),
                 QStringLiteral("2027-02-10T03:00:00.004Z"));
        QCOMPARE(runObject.value(QStringLiteral("finished_at")).toString(),
                 QStringLiteral("2027-02-10T03:00:12.349Z"));
        QCOMPARE(runObject.value(QStringLiteral("duration_ms")).toInteger(), 12345);
        QVERIFY(runObject.value(QStringLiteral("exit_code")).isNull());
        QCOMPARE(runObject.value(QStringLiteral("http_status")).toInt(), 500);
        QCOMPARE(runObject.value(QStringLiteral("error")).toString(), QStringLiteral("first line"));
    }

    void onlyInterestedTargets()
    {
        NotificationTarget failuresOnly =
            target(NotifyKind::Webhook, m_server->url(QStringLiteral("/webhook")));
        failuresOnly.onRecovery = false;
        NotificationTarget everything =
            target(NotifyKind::Slack, m_server->url(QStringLiteral("/slack")));
        everything.onSuccess = true;
        const QList<NotificationTarget> targets{failuresOnly, everything};

        QCOMPARE(m_notifier->notify(NotifyEvent::None, targets, failedRun()), 0);
        QCOMPARE(m_notifier->notify(NotifyEvent::Success, targets, failedRun()), 1);
        QCOMPARE(m_notifier->notify(NotifyEvent::Recovery, targets, failedRun()), 1);
        QCOMPARE(m_notifier->notify(NotifyEvent::Failure, targets, failedRun()), 2);
        QTRY_COMPARE(m_server->requests().size(), 4);
        QCOMPARE(m_server->requests(QStringLiteral("/webhook")).size(), 1);
        QTRY_COMPARE(m_notifier->pendingCount(), 0);
    }

    void secretUrl()
    {
        NotificationTarget hook;
        hook.kind = NotifyKind::Slack;
        hook.url = QStringLiteral("http://127.0.0.1:%1/${env:CRONHELM_SECRET_SLACK_PATH}")
                       .arg(m_server->port());
        QProcessEnvironment secrets;
        secrets.insert(QStringLiteral("CRONHELM_SECRET_SLACK_PATH"), QStringLiteral("slack"));
        m_notifier->setSecrets(secrets);
        QSignalSpy delivered(m_notifier.get(), &Notifier::delivered);
        m_notifier->notify(NotifyEvent::Failure, {hook}, failedRun());
        QVERIFY(delivered.wait(5000));
        QCOMPARE(m_server->requests(QStringLiteral("/slack")).size(), 1);

        m_notifier->setSecrets(QProcessEnvironment());
        QSignalSpy failed(m_notifier.get(), &Notifier::deliveryFailed);
        QCOMPARE(m_notifier->notify(NotifyEvent::Failure, {hook}, failedRun()), 1);
        QCOMPARE(failed.count(), 0); // reported from the event loop, not from notify()
        QVERIFY(failed.wait(5000));
        QCOMPARE(
            failed.at(0).at(3).toString(),
            QStringLiteral("secret ${env:CRONHELM_SECRET_SLACK_PATH} is not set on this node"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void failingEndpoints_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("error");
        QTest::newRow("HTTP 500") << QStringLiteral("500") << QStringLiteral("HTTP 500");
        QTest::newRow("connection refused")
            << QStringLiteral("refused") << QStringLiteral("refused");
        QTest::newRow("no answer")
            << QStringLiteral("slow") << QStringLiteral("no answer within 300 ms");
        QTest::newRow("redirect") << QStringLiteral("redirect") << QStringLiteral("HTTP 302");
    }

    void failingEndpoints()
    {
        QFETCH(QString, kind);
        QFETCH(QString, error);

        QUrl url = m_server->url(QStringLiteral("/broken"));
        TestResponse response;
        if (kind == QLatin1String("500")) {
            response.status = 500;
        } else if (kind == QLatin1String("slow")) {
            response.delay = std::chrono::seconds(20);
        } else if (kind == QLatin1String("redirect")) {
            response = TestResponse::redirect("/webhook");
        } else {
            url.setPort(HttpTestServer::unusedPort());
        }
        m_server->setResponse(QStringLiteral("/broken"), response);
        m_notifier->setTimeout(std::chrono::milliseconds(300));

        QSignalSpy failed(m_notifier.get(), &Notifier::deliveryFailed);
        QSignalSpy delivered(m_notifier.get(), &Notifier::delivered);
        QCOMPARE(m_notifier->notify(NotifyEvent::Failure, {target(NotifyKind::Webhook, url)},
                                    failedRun()),
                 1);
        QVERIFY(failed.wait(5000));
        QCOMPARE(delivered.count(), 0);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("webhook 127.0.0.1"));
        QVERIFY2(failed.at(0).at(3).toString().contains(error, Qt::CaseInsensitive),
                 qPrintable(failed.at(0).at(3).toString()));
        QCOMPARE(m_notifier->pendingCount(), 0);
    }

    void destroyedWhileSending()
    {
        TestResponse slow;
        slow.delay = std::chrono::seconds(20);
        m_server->setResponse(QStringLiteral("/slow"), slow);
        QCOMPARE(m_notifier->notify(
                     NotifyEvent::Failure,
                     {target(NotifyKind::Webhook, m_server->url(QStringLiteral("/slow")))},
                     failedRun()),
                 1);
        QTRY_COMPARE(m_server->requests().size(), 1);
        m_notifier.reset(); // must not crash or call back
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
