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
        QTest::newRow("whole") << QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}") << true
                               << QStringLiteral("t0k3n");
        QTest::newRow("embedded") << QStringLiteral("Bearer ${env:CRONHELM_SECRET_API_TOKEN}!")
                                  << true << QStringLiteral("Bearer t0k3n!");
        QTest::newRow("two") << QStringLiteral(
            "${env:CRONHELM_SECRET_USER_NAME}:${env:CRONHELM_SECRET_API_TOKEN}")
                             << true << QStringLiteral("ops:t0k3n");
        QTest::newRow("set but empty")
            << QStringLiteral("[${env:CRONHELM_SECRET_EMPTY}]") << true << QStringLiteral("[]");
        QTest::newRow("value is not re-expanded")
            << QStringLiteral("${env:CRONHELM_SECRET_TRICKY}") << true
            << QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}");
        QTest::newRow("missing")
            << QStringLiteral("x ${env:CRONHELM_SECRET_NOPE} y") << false
            << QStringLiteral("secret ${env:CRONHELM_SECRET_NOPE} is not set on this node");
        QTest::newRow("missing after found")
            << QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}${env:CRONHELM_SECRET_NOPE}")
            << false << QStringLiteral("${env:CRONHELM_SECRET_NOPE}");
        QTest::newRow("bad name") << QStringLiteral("${env:not-a-name}") << false
                                  << QStringLiteral("${env:not-a-name}");
        QTest::newRow("empty name")
            << QStringLiteral("${env:}") << false << QStringLiteral("${env:}");
        QTest::newRow("node credential refused")
            << QStringLiteral("${env:PGPASSWORD}") << false
            << QStringLiteral("secret reference ${env:PGPASSWORD} is refused: jobs may only use "
                              "variables whose names start with CRONHELM_SECRET_");
        QTest::newRow("undeclared but set refused")
            << QStringLiteral("${env:PLAIN}") << false << QStringLiteral("is refused");
        QTest::newRow("prefix alone refused")
            << QStringLiteral("${env:CRONHELM_SECRET_}") << false << QStringLiteral("is refused");
        QTest::newRow("other syntax untouched")
            << QStringLiteral("${HOME} $env:X") << true << QStringLiteral("${HOME} $env:X");
    }

    void resolve()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, expected);

        QProcessEnvironment environment;
        environment.insert(QStringLiteral("CRONHELM_SECRET_API_TOKEN"), QStringLiteral("t0k3n"));
        environment.insert(QStringLiteral("CRONHELM_SECRET_USER_NAME"), QStringLiteral("ops"));
        environment.insert(QStringLiteral("CRONHELM_SECRET_EMPTY"), QString());
        environment.insert(QStringLiteral("CRONHELM_SECRET_TRICKY"),
                           QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}"));
        environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("db-pass"));
        environment.insert(QStringLiteral("PLAIN"), QStringLiteral("plain"));
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
        environment.insert(QStringLiteral("CRONHELM_SECRET_A"), QStringLiteral("1"));
        const SecretResolver resolver(environment);
        const auto good = resolver.resolve(
            QStringList{QStringLiteral("x"), QStringLiteral("${env:CRONHELM_SECRET_A}")});
        QVERIFY(good.ok());
        QCOMPARE(good.value(), (QStringList{QStringLiteral("x"), QStringLiteral("1")}));
        QVERIFY(!resolver.resolve(QStringList{QStringLiteral("${env:CRONHELM_SECRET_B}")}).ok());
        QVERIFY(SecretResolver::containsReference(QStringLiteral("a${env:CRONHELM_SECRET_B}")));
        QVERIFY(!SecretResolver::containsReference(QStringLiteral("a$B")));
    }

    // A shell command never gets the value in its text: the reference becomes a parameter
    // expansion and the value an environment variable.
    void shellExpansions()
    {
        QProcessEnvironment node;
        node.insert(QStringLiteral("CRONHELM_SECRET_TOKEN"), QStringLiteral("'; rm -rf /; '"));
        node.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("db-pass"));
        const SecretResolver resolver(node);
        QProcessEnvironment child;
        const auto command = resolver.toShellExpansions(
            QStringLiteral("curl -H \"X: ${env:CRONHELM_SECRET_TOKEN}\" x"), &child);
        QVERIFY(command.ok());
        QCOMPARE(command.value(), QStringLiteral("curl -H \"X: ${CRONHELM_SECRET_TOKEN}\" x"));
        QCOMPARE(child.keys(), QStringList{QStringLiteral("CRONHELM_SECRET_TOKEN")});
        QCOMPARE(child.value(QStringLiteral("CRONHELM_SECRET_TOKEN")),
                 QStringLiteral("'; rm -rf /; '"));

        QProcessEnvironment refused;
        const auto bad =
            resolver.toShellExpansions(QStringLiteral("echo ${env:PGPASSWORD}"), &refused);
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(QLatin1String("is refused")));
        QVERIFY(refused.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
