// RunNotice: the one parser of the cronhelm_runs payload ("job_id,run_id,what"). Any session
// may NOTIFY on any channel, so the parser meets forged and garbage payloads; it reads only
// what the SQL API sends and refuses the rest.

#include <domain/runnotice.h>

#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

class TestRunNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void readsTheApisPayloads_data();
    void readsTheApisPayloads();
    void refusesOtherPayloads_data();
    void refusesOtherPayloads();
    void roundTrip();
};

void TestRunNotice::readsTheApisPayloads_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<qint64>("jobId");
    QTest::addColumn<qint64>("runId");
    QTest::addColumn<QString>("status"); // empty: a cancel request
    QTest::newRow("queued") << QStringLiteral("7,42,queued") << qint64(7) << qint64(42)
                            << QStringLiteral("queued");
    QTest::newRow("timed out") << QStringLiteral("1,9007199254740993,timed_out") << qint64(1)
                               << qint64(9007199254740993) << QStringLiteral("timed_out");
    QTest::newRow("cancel request")
        << QStringLiteral("3,4,cancel") << qint64(3) << qint64(4) << QString();
    // Every status the API can announce.
    for (RunStatus s : allValues<RunStatus>()) {
        QTest::addRow("status %s", qPrintable(wireName(s)))
            << QStringLiteral("5,6,%1").arg(wireName(s)) << qint64(5) << qint64(6) << wireName(s);
    }
}

void TestRunNotice::readsTheApisPayloads()
{
    QFETCH(QString, payload);
    QFETCH(qint64, jobId);
    QFETCH(qint64, runId);
    QFETCH(QString, status);
    const std::optional<RunNotice> notice = RunNotice::parse(payload);
    QVERIFY(notice);
    QCOMPARE(notice->jobId, jobId);
    QCOMPARE(notice->runId, runId);
    QCOMPARE(notice->cancelRequest, status.isEmpty());
    if (status.isEmpty())
        QVERIFY(!notice->status);
    else
        QCOMPARE(notice->status, fromWireName<RunStatus>(status));
}

void TestRunNotice::refusesOtherPayloads_data()
{
    QTest::addColumn<QString>("payload");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("hello");
    QTest::newRow("two parts") << QStringLiteral("1,2");
    QTest::newRow("four parts") << QStringLiteral("1,2,failed,x");
    QTest::newRow("unknown status") << QStringLiteral("1,2,exploded");
    QTest::newRow("status in capitals") << QStringLiteral("1,2,FAILED");
    QTest::newRow("status with a space") << QStringLiteral("1,2, failed");
    QTest::newRow("job id not a number") << QStringLiteral("x,2,failed");
    QTest::newRow("run id not a number") << QStringLiteral("1,two,failed");
    QTest::newRow("run id empty") << QStringLiteral("1,,failed");
    QTest::newRow("run id too large") << QStringLiteral("1,99999999999999999999,failed");
    QTest::newRow("negative job id") << QStringLiteral("-1,2,failed");
    QTest::newRow("zero run id") << QStringLiteral("1,0,failed");
    QTest::newRow("signed run id") << QStringLiteral("1,+2,failed");
    QTest::newRow("padded run id") << QStringLiteral("1, 2,failed");
    QTest::newRow("fractional run id") << QStringLiteral("1,2.0,failed");
    QTest::newRow("SQL in the status") << QStringLiteral("1,2,failed'; DROP TABLE x; --");
}

void TestRunNotice::refusesOtherPayloads()
{
    QFETCH(QString, payload);
    QVERIFY(!RunNotice::parse(payload));
}

void TestRunNotice::roundTrip()
{
    for (RunStatus s : allValues<RunStatus>()) {
        RunNotice notice;
        notice.jobId = 11;
        notice.runId = 12;
        notice.status = s;
        const std::optional<RunNotice> back = RunNotice::parse(notice.toPayload());
        QVERIFY(back);
        QCOMPARE(back->status, s);
        QCOMPARE(back->runId, 12);
    }
    RunNotice cancel;
    cancel.jobId = 1;
    cancel.runId = 2;
    cancel.cancelRequest = true;
    QCOMPARE(cancel.toPayload(), QStringLiteral("1,2,cancel"));
    const std::optional<RunNotice> back = RunNotice::parse(cancel.toPayload());
    QVERIFY(back && back->cancelRequest && !back->status);
}

QTEST_GUILESS_MAIN(TestRunNotice)
#include "tst_runnotice.moc"
