// StoreConnection: server errors become Error values of the right kind with the
// server's message; a dropped connection is ConnectionLost and the next transact()
// connects again; an unreachable server or a missing schema say so.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/migrator.h>
#include <store/nodestore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QBuffer>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void errorKinds_data();
    void errorKinds();
    void droppedConnection_data();
    void droppedConnection();
    void unreachableServer();
    void unknownRole();
    void wrongPassword();
    void loginTakenAway();
    void unknownDatabase();
    void noPasswordGiven();
    void tooManyConnectionsIsNotARefusal();
    void speaksTheUsersLanguage();
    void missingSchema();
    void describeTarget();

private:
    FunctionDatabase m_db;
};

void TestConnection::errorKinds_data()
{
    QTest::addColumn<QString>("sqlstate");
    QTest::addColumn<QString>("kind");
    const auto row = [](const char *state, const char *kind) {
        QTest::newRow(state) << QString::fromLatin1(state) << QString::fromLatin1(kind);
    };
    row("CHINV", "BadInput");
    row("CHNFD", "NotFound");
    row("CHCON", "Conflict");
    row("CHFEN", "Fenced");
    row("42501", "Permission");
    row("23505", "Conflict");
    row("23514", "BadInput");
    row("22P02", "BadInput");
    row("22007", "BadInput");
    row("40001", "Conflict");
    row("40P01", "Conflict");
    row("57P01", "ConnectionLost");
    row("42P01", "Other");
    row("XX000", "Other");
    row("P0001", "Other");
}

void TestConnection::errorKinds()
{
    QFETCH(QString, sqlstate);
    QFETCH(QString, kind);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    const std::string sql = "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '" + sqlstate.toStdString()
        + "', MESSAGE = 'boom: the reason', HINT = 'Do this instead.'; END $$";
    Result<int> r = connection.transact([&sql](pqxx::transaction_base &tx) {
        tx.exec(sql);
        return 1;
    });
    QCOMPARE(kindOf(r), kind);
    // The server's primary message and hint; no severity prefix, no PL/pgSQL context.
    QVERIFY2(r.errorMessage().startsWith(QLatin1String("boom: the reason")),
             qPrintable(r.errorMessage()));
    QVERIFY2(r.errorMessage().contains(QLatin1String("Do this instead.")),
             qPrintable(r.errorMessage()));
    QVERIFY2(!r.errorMessage().contains(QLatin1String("CONTEXT")), qPrintable(r.errorMessage()));
    // A failed transaction leaves the connection ready for the next one (unless the
    // error said the connection is gone).
    Result<int> next = connection.transact(
        [](pqxx::transaction_base &tx) { return tx.exec("SELECT 7")[0][0].as<int>(); });
    CH_VERIFY_OK(next);
    QCOMPARE(*next, 7);
}

void TestConnection::droppedConnection_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("list jobs") << 0;
    QTest::newRow("create job") << 1;
    QTest::newRow("page runs") << 2;
    QTest::newRow("export csv") << 3;
    QTest::newRow("heartbeat") << 4;
    QTest::newRow("schema version") << 5;
}

// The server ends the session (pg_terminate_backend from another session, as an admin
// or a failover would): the next call reports ConnectionLost, the one after reconnects.
void TestConnection::droppedConnection()
{
    QFETCH(int, operation);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RunStore runs(connection);
    NodeStore node(connection);
    Migrator migrator(connection);
    int counter = 0;
    auto call = [&]() -> QString {
        switch (operation) {
        case 0:
            return kindOf(jobs.list());
        case 1:
            return kindOf(jobs.create(httpJob(QStringLiteral("%1 %2")
                                                  .arg(QString::fromLatin1(QTest::currentDataTag()))
                                                  .arg(++counter))));
        case 2:
            return kindOf(runs.page({}, 10));
        case 3: {
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            return kindOf(runs.exportCsv({}, out, {}));
        }
        case 4:
            return kindOf(node.heartbeat({QStringLiteral("n1"), QStringLiteral("h"), 1,
                                          QStringLiteral("0.1.0"), QDateTime::currentDateTimeUtc()},
                                         NodeRole::Standby, 0));
        case 5:
            return kindOf(migrator.installedVersion());
        }
        return {};
    };
    QCOMPARE(call(), QStringLiteral("ok"));
    QVERIFY(connection.isOpen());
    const int pid = backendPid(connection);
    QVERIFY(pid > 0);

    CH_EXEC(db, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
    QVERIFY(waitForBackendGone(*db, pid));
    QCOMPARE(call(), QStringLiteral("ConnectionLost"));
    QVERIFY(!connection.isOpen());

    QCOMPARE(call(), QStringLiteral("ok"));
    QVERIFY(connection.isOpen());
    const int newPid = backendPid(connection);
    QVERIFY(newPid > 0 && newPid != pid);
    // The reconnected session is set up like the first one.
    Result<std::string> zone = connection.transact([](pqxx::transaction_base &tx) {
        return tx.exec("SHOW TimeZone")[0][0].as<std::string>();
    });
    CH_VERIFY_OK(zone);
    QCOMPARE(QString::fromStdString(*zone), QStringLiteral("UTC"));
}

void TestConnection::unreachableServer()
{
    StoreConnection connection(QStringLiteral("host=%1 port=1 dbname=nothing user=nobody "
                                              "connect_timeout=2")
                                   .arg(TestDatabase::serverHost()));
    JobStore jobs(connection);
    Result<QList<JobRecord>> r = jobs.list();
    QCOMPARE(kindOf(r), QStringLiteral("ConnectionLost"));
    QVERIFY(!r.errorMessage().isEmpty());
    QVERIFY(!connection.isOpen());
    QCOMPARE(connection.socket(), -1);
    QCOMPARE(kindOf(connection.pollNotifications()), QStringLiteral("ConnectionLost"));
}

void TestConnection::unknownRole()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfoAs(QStringLiteral("nobody_at_all")));
    Status opened = connection.open();
    // The server is up and refused the login: not worth retrying by itself.
    QCOMPARE(kindOf(opened), QStringLiteral("LoginRefused"));
    QVERIFY2(opened.errorMessage().contains(QLatin1String("nobody_at_all")),
             qPrintable(opened.errorMessage()));
    // The server does not tell an unknown role from a wrong password (by design).
    QCOMPARE(opened.error().sqlstate, QStringLiteral("28P01"));
}

// A login whose LOGIN was taken away: the server's code (28000) says it is about the user.
void TestConnection::loginTakenAway()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(*login)));
    StoreConnection connection(db->conninfoAs(*login));
    Status opened = connection.open();
    QCOMPARE(kindOf(opened), QStringLiteral("LoginRefused"));
    QCOMPARE(opened.error().sqlstate, QStringLiteral("28000"));
    QCOMPARE(opened.error().field, QStringLiteral("user"));
}

void TestConnection::wrongPassword()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    StoreConnection connection(db->conninfoAs(*login) + QStringLiteral(" password=not-it"));
    Status opened = connection.open();
    // Refused by the server, in whatever language it speaks: a person must act.
    QCOMPARE(kindOf(opened), QStringLiteral("LoginRefused"));
    QVERIFY2(opened.errorMessage().contains(*login), qPrintable(opened.errorMessage()));
    QCOMPARE(opened.error().sqlstate, QStringLiteral("28P01"));
    QCOMPARE(opened.error().field, QStringLiteral("password"));
}

void TestConnection::unknownDatabase()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo().replace(db->name(), QStringLiteral("no_such_db")));
    Status opened = connection.open();
    QCOMPARE(kindOf(opened), QStringLiteral("LoginRefused"));
    QCOMPARE(opened.error().sqlstate, QStringLiteral("3D000"));
    QCOMPARE(opened.error().field, QStringLiteral("database"));
}

// libpq was asked for a password and had none: no server code, but libpq knows.
void TestConnection::noPasswordGiven()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    StoreConnection connection(db->conninfoAs(*login)
                               + QStringLiteral(" passfile=/nonexistent/pgpass"));
    Status opened = connection.open();
    QCOMPARE(kindOf(opened), QStringLiteral("LoginRefused"));
    QVERIFY(opened.error().sqlstate.isEmpty());
    QCOMPARE(opened.error().field, QStringLiteral("password"));
}

// "Too many connections" (53300) comes from a server that is up, as a refused login does,
// but it passes by itself: it must not be taken for a refusal (issue 12, PQping said "up"
// and the app gave up for good). A role at its connection limit is the real thing, without
// starving the other tests of the shared server.
void TestConnection::tooManyConnectionsIsNotARefusal()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 CONNECTION LIMIT 1").arg(*login)));
    auto holder = std::make_unique<StoreConnection>(db->conninfoAs(*login));
    CH_VERIFY_OK(holder->open());
    StoreConnection connection(db->conninfoAs(*login));
    Status opened = connection.open();
    QCOMPARE(kindOf(opened), QStringLiteral("ConnectionLost"));
    QCOMPARE(opened.error().sqlstate, QStringLiteral("53300"));
    holder.reset();
    // The server notices the holder's goodbye a moment later.
    QTRY_VERIFY_WITH_TIMEOUT(connection.open().ok(), 5000);
}

// Under store.german (LANG=de_DE.UTF-8, a server with lc_messages=de_DE.UTF-8) the tests of
// this file run with libpq and the server speaking German. This proves they really do, so
// the German run cannot pass by accident in English; and that the hint is still found under
// libpq's German label ("TIP:  ").
void TestConnection::speaksTheUsersLanguage()
{
    const QString expected = qEnvironmentVariable("CRONHELM_TEST_EXPECT_GERMAN");
    if (expected.isEmpty())
        QSKIP("runs under store.german only");
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    Result<int> r = connection.transact([](pqxx::transaction_base &tx) {
        tx.exec("SELECT 1/0");
        return 1;
    });
    QVERIFY2(r.errorMessage().contains(QLatin1String("Division durch Null")),
             qPrintable(r.errorMessage()));
    Result<int> hinted = connection.transact([](pqxx::transaction_base &tx) {
        tx.exec("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'CHINV', MESSAGE = 'boom', "
                "HINT = 'Do this.'; END $$");
        return 1;
    });
    QCOMPARE(hinted.errorMessage(), QStringLiteral("boom Do this."));
    StoreConnection refused(QStringLiteral("host=%1 port=1 dbname=nothing user=nobody "
                                           "connect_timeout=2")
                                .arg(TestDatabase::serverHost()));
    Status opened = refused.open();
    QVERIFY2(opened.errorMessage().contains(QLatin1String("fehlgeschlagen")),
             qPrintable(opened.errorMessage()));
}

void TestConnection::missingSchema()
{
    CH_DATABASE_EX(db, QStringLiteral("noschema"), false);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<QList<JobRecord>> r = jobs.list();
    QCOMPARE(kindOf(r), QStringLiteral("Other"));
    QVERIFY2(r.errorMessage().contains(QLatin1String("cronhelmctl migrate")),
             qPrintable(r.errorMessage()));
    Migrator migrator(connection);
    QCOMPARE(kindOf(migrator.checkCompatible()), QStringLiteral("NotFound"));
}

void TestConnection::describeTarget()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo() + QStringLiteral(" password=secret"));
    QVERIFY(!connection.describeTarget().contains(db->name()));
    CH_VERIFY_OK(connection.open());
    const QString target = connection.describeTarget();
    QVERIFY2(target.contains(db->name()), qPrintable(target));
    QVERIFY2(target.contains(QLatin1String("cronhelm")), qPrintable(target));
    QVERIFY2(!target.contains(QLatin1String("secret")), qPrintable(target));
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
