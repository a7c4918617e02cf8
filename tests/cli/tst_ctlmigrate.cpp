// `cronhelmctl migrate`: installs the schema, is idempotent, refuses a newer schema (exit 5);
// and every way of naming the database: --db before or after the command, a URI,
// $CRONHELM_DB, and libpq's PG* variables.

#include "ctlrunner.h"

#include <QUrl>
#include <QtTest>

using namespace Cronhelm::Test;

class TestCtlMigrate : public QObject
{
    Q_OBJECT

private slots:
    void installsThenIdempotent();
    void refusesNewerSchema();
    void connectionSources_data();
    void connectionSources();
};

void TestCtlMigrate::installsThenIdempotent()
{
    CTL_DATABASE_EX(db, QStringLiteral("cli migrate"), false);
    const CtlResult first = runCtlOn(db->conninfo(), {QStringLiteral("migrate")});
    CTL_EXPECT_EXIT(first, 0);
    QVERIFY2(first.text().startsWith(QLatin1String("installed schema version")),
             first.describe().constData());
    const QString version =
        db->scalar(QStringLiteral("SELECT max(version) FROM cronhelm.schema_migrations")).value();
    QVERIFY(version.toInt() >= 1);
    QVERIFY(first.text().contains(version));

    const QString rowsBefore =
        db->scalar(QStringLiteral("SELECT count(*) FROM cronhelm.schema_migrations")).value();
    const CtlResult second = runCtlOn(db->conninfo(), {QStringLiteral("migrate")});
    CTL_EXPECT_EXIT(second, 0);
    QCOMPARE(second.text(), QStringLiteral("schema is up to date (version %1)\n").arg(version));
    QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM cronhelm.schema_migrations")).value(),
             rowsBefore);
    // The schema works: a job can be created through it.
    const CtlResult add =
        runCtlOn(db->conninfo(),
                 {QStringLiteral("job"), QStringLiteral("add"), QStringLiteral("j"),
                  QStringLiteral("--cron"), QStringLiteral("@daily"), QStringLiteral("--http"),
                  QStringLiteral("https://example.org")});
    CTL_EXPECT_EXIT(add, 0);
}

void TestCtlMigrate::refusesNewerSchema()
{
    CTL_DATABASE(db, QStringLiteral("cli migrate newer"));
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.schema_migrations (version, name) "
                                     "VALUES (999, '0999_from_the_future')"))
                .ok());
    const CtlResult r = runCtlOn(db->conninfo(), {QStringLiteral("migrate")});
    CTL_EXPECT_EXIT(r, 5);
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
    QVERIFY2(r.err.contains(QLatin1String("999")), r.describe().constData());
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
}

void TestCtlMigrate::connectionSources_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("--db before the command") << QStringLiteral("before");
    QTest::newRow("--db after the command") << QStringLiteral("after");
    QTest::newRow("--db as a URI") << QStringLiteral("uri");
    QTest::newRow("CRONHELM_DB") << QStringLiteral("env");
    QTest::newRow("--db wins over CRONHELM_DB") << QStringLiteral("override");
    QTest::newRow("PG* variables") << QStringLiteral("pg");
}

void TestCtlMigrate::connectionSources()
{
    QFETCH(QString, source);
    CTL_DATABASE(db, QStringLiteral("cli conn"));
    const QString conninfo = db->conninfo();
    const QString unreachable = QStringLiteral("host=/nonexistent-cronhelm-test port=1");
    QProcessEnvironment env = cleanEnvironment();
    QStringList args;
    if (source == QLatin1String("before")) {
        args = {QStringLiteral("--db"), conninfo, QStringLiteral("migrate")};
    } else if (source == QLatin1String("after")) {
        args = {QStringLiteral("migrate"), QStringLiteral("--db"), conninfo};
    } else if (source == QLatin1String("uri")) {
        // postgresql:///DB?host=/socket/dir&...: no authority, the socket in the query.
        const QString uri =
            QStringLiteral("postgresql:///%1?host=%2&port=%3&user=cronhelm")
                .arg(db->name(),
                     QString::fromLatin1(QUrl::toPercentEncoding(TestDatabase::serverHost())),
                     TestDatabase::serverPort());
        args = {QStringLiteral("migrate"), QStringLiteral("--db"), uri};
    } else if (source == QLatin1String("env")) {
        env.insert(QStringLiteral("CRONHELM_DB"), conninfo);
        args = {QStringLiteral("migrate")};
    } else if (source == QLatin1String("override")) {
        env.insert(QStringLiteral("CRONHELM_DB"), unreachable);
        args = {QStringLiteral("migrate"), QStringLiteral("--db"), conninfo};
    } else {
        env.insert(QStringLiteral("PGHOST"), TestDatabase::serverHost());
        env.insert(QStringLiteral("PGPORT"), TestDatabase::serverPort());
        env.insert(QStringLiteral("PGDATABASE"), db->name());
        env.insert(QStringLiteral("PGUSER"), QStringLiteral("cronhelm"));
        args = {QStringLiteral("migrate")};
    }
    const CtlResult r = runCtl(args, env);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(QLatin1String("schema is up to date")), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlMigrate)
#include "tst_ctlmigrate.moc"
