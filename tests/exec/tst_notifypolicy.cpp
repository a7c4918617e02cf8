#include <exec/notifypolicy.h>

#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

class TestNotifyPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decide_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("previous");
        QTest::addColumn<int>("announcedSecondsAgo"); // -1: never
        QTest::addColumn<int>("quiet");
        QTest::addColumn<NotifyEvent>("event");
        QTest::addColumn<QString>("outcome");

        const auto none = NotifyEvent::None;
        const auto failure = NotifyEvent::Failure;
        const auto success = NotifyEvent::Success;
        const auto recovery = NotifyEvent::Recovery;
        const QString ok = QStringLiteral("succeeded");
        const QString bad = QStringLiteral("failed");

        // First failure after success or none: always announced.
        QTest::newRow("failed, first run") << bad << QString() << -1 << 3600 << failure << bad;
        QTest::newRow("failed after success") << bad << ok << -1 << 3600 << failure << bad;
        QTest::newRow("failed after success, recent old announcement")
            << bad << ok << 10 << 3600 << failure << bad;
        QTest::newRow("timed out after success")
            << QStringLiteral("timed_out") << ok << -1 << 3600 << failure << bad;
        QTest::newRow("abandoned after success")
            << QStringLiteral("abandoned") << ok << -1 << 3600 << failure << bad;
        // Failing again: only once the quiet period is over.
        QTest::newRow("failing again inside quiet period")
            << bad << bad << 600 << 3600 << none << bad;
        QTest::newRow("failing again just before the end")
            << bad << bad << 3599 << 3600 << none << bad;
        QTest::newRow("failing again at the end of the quiet period")
            << bad << bad << 3600 << 3600 << failure << bad;
        QTest::newRow("failing again after the quiet period")
            << bad << bad << 7200 << 3600 << failure << bad;
        QTest::newRow("timed out again inside quiet period")
            << QStringLiteral("timed_out") << bad << 60 << 3600 << none << bad;
        QTest::newRow("failing again, never announced")
            << bad << bad << -1 << 3600 << failure << bad;
        QTest::newRow("failing again, no quiet period") << bad << bad << 0 << 0 << failure << bad;
        // Successes.
        QTest::newRow("success, first run") << ok << QString() << -1 << 3600 << success << ok;
        QTest::newRow("success after success") << ok << ok << -1 << 3600 << success << ok;
        QTest::newRow("recovery") << ok << bad << 60 << 3600 << recovery << ok;
        QTest::newRow("recovery, failure never announced")
            << ok << bad << -1 << 3600 << recovery << ok;
        // Not announced, and the job's health is unchanged.
        QTest::newRow("cancelled after failure")
            << QStringLiteral("cancelled") << bad << 60 << 3600 << none << bad;
        QTest::newRow("cancelled after success")
            << QStringLiteral("cancelled") << ok << -1 << 3600 << none << ok;
        QTest::newRow("skipped, first run")
            << QStringLiteral("skipped") << QString() << -1 << 3600 << none << QString();
        QTest::newRow("still running")
            << QStringLiteral("running") << ok << -1 << 3600 << none << ok;
    }

    void decide()
    {
        QFETCH(QString, status);
        QFETCH(QString, previous);
        QFETCH(int, announcedSecondsAgo);
        QFETCH(int, quiet);
        QFETCH(NotifyEvent, event);
        QFETCH(QString, outcome);

        NotifyPolicyInput input;
        input.runStatus = *fromWireName<RunStatus>(status);
        input.previousOutcome = fromWireName<RunStatus>(previous);
        input.now = QDateTime(QDate(2027, 2, 10), QTime(12, 0), Qt::UTC);
        if (announcedSecondsAgo >= 0) {
            input.lastFailureAnnouncedAt = input.now.addSecs(-announcedSecondsAgo);
        }
        input.quietSeconds = quiet;
        const NotifyDecision decision = decideNotification(input);
        QCOMPARE(decision.event, event);
        QCOMPARE(decision.outcome ? wireName(*decision.outcome) : QString(), outcome);
        QCOMPARE(decision.failureAnnounced, event == NotifyEvent::Failure);
    }

    void eventNames()
    {
        QCOMPARE(wireName(NotifyEvent::Failure), QStringLiteral("failure"));
        QCOMPARE(wireName(NotifyEvent::Success), QStringLiteral("success"));
        QCOMPARE(wireName(NotifyEvent::Recovery), QStringLiteral("recovery"));
    }
};

QTEST_GUILESS_MAIN(TestNotifyPolicy)
#include "tst_notifypolicy.moc"
