#include <domain/notificationtarget.h>
#include <result.h>

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

namespace {

// JSON written with single quotes, for readability in C++ string literals.
QJsonArray json(QByteArray text)
{
    return QJsonDocument::fromJson(text.replace('\'', '"')).array();
}

} // namespace

class TestNotificationTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parse()
    {
        const auto targets = NotificationTarget::parseList(
            json("[{'kind': 'slack', 'url': 'https://hooks.slack.com/services/${env:SLACK_PATH}'},"
                 " {'kind': 'webhook', 'url': 'http://ops.example/hook', 'on': ['success']},"
                 " {'kind': 'webhook', 'url': 'https://x/', 'on': []}]"));
        QVERIFY2(targets.ok(), qPrintable(targets.errorMessage()));
        QCOMPARE(targets->size(), 3);
        const NotificationTarget &slack = targets->at(0);
        QCOMPARE(slack.kind, NotifyKind::Slack);
        QCOMPARE(slack.url, QStringLiteral("https://hooks.slack.com/services/${env:SLACK_PATH}"));
        QVERIFY(slack.onFailure && slack.onRecovery && !slack.onSuccess); // the default
        const NotificationTarget &webhook = targets->at(1);
        QCOMPARE(webhook.kind, NotifyKind::Webhook);
        QVERIFY(!webhook.onFailure && webhook.onSuccess && !webhook.onRecovery);
        const NotificationTarget &silent = targets->at(2);
        QVERIFY(!silent.onFailure && !silent.onSuccess && !silent.onRecovery);
    }

    void wants_data()
    {
        QTest::addColumn<QByteArray>("on");
        QTest::addColumn<bool>("failure");
        QTest::addColumn<bool>("success");
        QTest::addColumn<bool>("recovery");
        QTest::newRow("default") << QByteArray() << true << false << true;
        QTest::newRow("failure") << QByteArray("['failure']") << true << false << false;
        QTest::newRow("recovery") << QByteArray("['recovery']") << false << false << true;
        // A recovery is a success too.
        QTest::newRow("success") << QByteArray("['success']") << false << true << true;
        QTest::newRow("all") << QByteArray("['failure','success','recovery']") << true << true
                             << true;
    }

    void wants()
    {
        QFETCH(QByteArray, on);
        QFETCH(bool, failure);
        QFETCH(bool, success);
        QFETCH(bool, recovery);
        QByteArray text = "[{'kind': 'webhook', 'url': 'https://x/'";
        if (!on.isEmpty()) {
            text += ", 'on': " + on;
        }
        text += "}]";
        const auto targets = NotificationTarget::parseList(json(text));
        QVERIFY2(targets.ok(), qPrintable(targets.errorMessage()));
        const NotificationTarget target = targets->constFirst();
        QCOMPARE(target.wants(NotifyEvent::Failure), failure);
        QCOMPARE(target.wants(NotifyEvent::Success), success);
        QCOMPARE(target.wants(NotifyEvent::Recovery), recovery);
        QVERIFY(!target.wants(NotifyEvent::None));
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("not an object")
            << QByteArray("['https://x/']") << QStringLiteral("Notification 1 ");
        QTest::newRow("bad kind") << QByteArray("[{'kind': 'email', 'url': 'https://x/'}]")
                                  << QStringLiteral("Notification 1 ");
        QTest::newRow("bad url") << QByteArray("[{'kind': 'slack', 'url': 'x.example'}]")
                                 << QStringLiteral("Notification 1 ");
        QTest::newRow("bad on") << QByteArray(
            "[{'kind': 'slack', 'url': 'https://x/'},"
            " {'kind': 'slack', 'url': 'https://x/', 'on': ['always']}]")
                                << QStringLiteral("Notification 2:");
        QTest::newRow("on not a list")
            << QByteArray("[{'kind': 'slack', 'url': 'https://x/', 'on': 'failure'}]")
            << QStringLiteral("Notification 1:");
    }

    void invalid()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, prefix);
        const auto targets = NotificationTarget::parseList(json(text));
        QVERIFY(!targets.ok());
        QCOMPARE(targets.errorKind(), ErrorKind::BadInput);
        // The field is the list; the message says which entry, counting from 1 as people do.
        QCOMPARE(targets.error().field, QStringLiteral("notify"));
        QVERIFY2(targets.errorMessage().startsWith(QStringLiteral("notify: ") + prefix),
                 qPrintable(targets.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestNotificationTarget)
#include "tst_notificationtarget.moc"
