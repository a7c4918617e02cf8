#include <exec/secrets.h>

#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resolve_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected"); // the value, or a part of the error

        QTest::newRow("no reference")
            << QStringLiteral("plain $HOME text") << true << QStringLiteral("plain $HOME text");
        QTest::newRow("whole") << QStringLiteral("${env:API_TOKEN}") << true
                               << QStringLiteral("t0k3n");
        QTest::newRow("embedded") << QStringLiteral("Bearer ${env:API_TOKEN}!") << true
                                  << QStringLiteral("Bearer t0k3n!");
        QTest::newRow("two") << QStringLiteral("${env:USER_NAME}:${env:API_TOKEN}") << true
                             << QStringLiteral("ops:t0k3n");
        QTest::newRow("set but empty")
            << QStringLiteral("[${env:EMPTY}]") << true << QStringLiteral("[]");
        QTest::newRow("value is not re-expanded")
            << QStringLiteral("${env:TRICKY}") << true << QStringLiteral("${env:API_TOKEN}");
        QTest::newRow("missing") << QStringLiteral("x ${env:NOPE} y") << false
                                 << QStringLiteral("secret ${env:NOPE} is not set on this node");
        QTest::newRow("missing after found") << QStringLiteral("${env:API_TOKEN}${env:NOPE}")
                                             << false << QStringLiteral("${env:NOPE}");
        QTest::newRow("bad name") << QStringLiteral("${env:not-a-name}") << false
                                  << QStringLiteral("${env:not-a-name}");
        QTest::newRow("empty name")
            << QStringLiteral("${env:}") << false << QStringLiteral("${env:}");
        QTest::newRow("other syntax untouched")
            << QStringLiteral("${HOME} $env:X") << true << QStringLiteral("${HOME} $env:X");
    }

    void resolve()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, expected);

        QProcessEnvironment environment;
        environment.insert(QStringLiteral("API_TOKEN"), QStringLiteral("t0k3n"));
        environment.insert(QStringLiteral("USER_NAME"), QStringLiteral("ops"));
        environment.insert(QStringLiteral("EMPTY"), QString());
        environment.insert(QStringLiteral("TRICKY"), QStringLiteral("${env:API_TOKEN}"));
        const auto result = SecretResolver(environment).resolve(text);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(result.value(), expected);
        } else {
            QCOMPARE(result.errorKind(), ErrorKind::BadInput);
            QVERIFY2(result.errorMessage().contains(expected), qPrintable(result.errorMessage()));
        }
    }

    void resolveList()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("A"), QStringLiteral("1"));
        const SecretResolver resolver(environment);
        const auto good =
            resolver.resolve(QStringList{QStringLiteral("x"), QStringLiteral("${env:A}")});
        QVERIFY(good.ok());
        QCOMPARE(good.value(), (QStringList{QStringLiteral("x"), QStringLiteral("1")}));
        QVERIFY(!resolver.resolve(QStringList{QStringLiteral("${env:B}")}).ok());
        QVERIFY(SecretResolver::containsReference(QStringLiteral("a${env:B}")));
        QVERIFY(!SecretResolver::containsReference(QStringLiteral("a$B")));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
