// Schema migrations: install, idempotence, compatibility checks, refusal of a newer
// schema, and "a database migrated in one go equals one migrated step by step".

#include "storetesthelpers.h"

#include <store/migrator.h>
#include <store/storeconnection.h>

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <functional>
#include <latch>
#include <thread>
#include <vector>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// The versions bundled into the binaries, in order (NNNN_name.sql under the resource
// prefix the Migrator reads).
QList<int> bundledVersions()
{
    QList<int> out;
    const QStringList files = QDir(QStringLiteral(":/cronhelm/migrations"))
                                  .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        bool ok = false;
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok)
            out.append(version);
    }
    return out;
}

// A catalog signature of everything the migrations create, one query per aspect. Object
// identifiers (OIDs, attnums of dropped columns) are left out so that two databases
// built by the same migrations compare equal however the steps were grouped.
const QList<std::pair<const char *, const char *>> signatureQueries = {
    {"columns",
     "SELECT c.relname, c.relkind::text, a.attname, format_type(a.atttypid, a.atttypmod),"
     "       a.attnotnull::text, coalesce(pg_get_expr(d.adbin, d.adrelid), ''),"
     "       a.attidentity::text, a.attgenerated::text, coalesce(col.collname, '')"
     "  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
     "  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
     "  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
     "  LEFT JOIN pg_collation col ON col.oid = a.attcollation AND a.attcollation <> 100"
     " WHERE n.nspname = 'cronhelm' ORDER BY c.relname, a.attnum"},
    {"indexes",
     "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'cronhelm'"
     " ORDER BY tablename, indexname"},
    {"constraints",
     "SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(c.oid)"
     "  FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
     " WHERE n.nspname = 'cronhelm' ORDER BY 1, 2"},
    {"functions",
     "SELECT p.proname, pg_get_function_identity_arguments(p.oid),"
     "       pg_get_function_result(p.oid), p.prokind::text, l.lanname, p.prosecdef::text,"
     "       p.provolatile::text, coalesce(array_to_string(p.proconfig, ';'), ''),"
     "       md5(p.prosrc), coalesce(pg_get_expr(p.proargdefaults, 0), ''),"
     "       coalesce(p.proacl::text, '')"
     "  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
     "  JOIN pg_language l ON l.oid = p.prolang"
     " WHERE n.nspname = 'cronhelm' ORDER BY 1, 2"},
    {"views",
     "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c"
     "  JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE n.nspname = 'cronhelm' AND c.relkind IN ('v', 'm') ORDER BY 1"},
    {"relation grants",
     "SELECT c.relname, c.relkind::text, coalesce(c.relacl::text, ''),"
     "       c.relrowsecurity::text, pg_get_userbyid(c.relowner)::text"
     "  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE n.nspname = 'cronhelm' ORDER BY 1"},
    {"column grants",
     "SELECT c.relname, a.attname, a.attacl::text FROM pg_attribute a"
     "  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE n.nspname = 'cronhelm' AND a.attacl IS NOT NULL ORDER BY 1, 2"},
    {"schema",
     "SELECT nspname, coalesce(nspacl::text, '') FROM pg_namespace"
     " WHERE nspname = 'cronhelm'"},
    {"triggers",
     "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
     "  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE n.nspname = 'cronhelm' AND NOT t.tgisinternal ORDER BY 1, 2"},
    {"policies",
     "SELECT tablename, policyname, cmd, coalesce(qual, ''), coalesce(with_check, '')"
     "  FROM pg_policies WHERE schemaname = 'cronhelm' ORDER BY 1, 2"},
    {"types",
     "SELECT t.typname, t.typtype::text FROM pg_type t"
     "  JOIN pg_namespace n ON n.oid = t.typnamespace"
     " WHERE n.nspname = 'cronhelm' AND t.typrelid = 0 ORDER BY 1"},
    {"role memberships",
     "SELECT r.rolname, m.rolname FROM pg_auth_members am"
     "  JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member"
     " WHERE r.rolname LIKE 'cronhelm\\_%' AND m.rolname LIKE 'cronhelm\\_%' ORDER BY 1, 2"},
    {"migrations", "SELECT version::text, name FROM cronhelm.schema_migrations ORDER BY 1"},
    {"seed data",
     "SELECT 'settings', key, value FROM cronhelm.settings"
     " UNION ALL SELECT 'lease', coalesce(holder, ''), term::text FROM cronhelm.lease"
     " ORDER BY 1, 2"},
};

QString firstDifference(const QList<QStringList> &a, const QList<QStringList> &b)
{
    for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
        const QString left = a.value(i).join(QLatin1Char('|'));
        const QString right = b.value(i).join(QLatin1Char('|'));
        if (left != right) {
            return QStringLiteral("row %1:\n  one go:  %2\n  stepwise: %3").arg(i).arg(left, right);
        }
    }
    return {};
}

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void freshInstall();
    void concurrentMigrate();
    void concurrentDatabasesOnFreshServer();
    void newerSchemaRefused_data();
    void newerSchemaRefused();
    void olderSchemaNeedsMigrate();
    void freshAndUpgradedIdentical();
};

void TestMigrator::freshInstall()
{
    CH_DATABASE_EX(db, QStringLiteral("fresh"), false);
    StoreConnection connection(db->conninfo());
    Migrator migrator(connection);

    QVERIFY(Migrator::latestVersion() >= 1);
    QCOMPARE(Migrator::latestVersion(), bundledVersions().last());

    Result<int> installed = migrator.installedVersion();
    CH_VERIFY_OK(installed);
    QCOMPARE(*installed, 0);
    Status compatible = migrator.checkCompatible();
    QCOMPARE(kindOf(compatible), QStringLiteral("NotFound"));
    QVERIFY2(compatible.errorMessage().contains(QLatin1String("cronhelmctl migrate")),
             qPrintable(compatible.errorMessage()));

    Result<int> applied = migrator.migrate();
    CH_VERIFY_OK(applied);
    QCOMPARE(*applied, int(bundledVersions().size()));
    installed = migrator.installedVersion();
    CH_VERIFY_OK(installed);
    QCOMPARE(*installed, Migrator::latestVersion());
    CH_VERIFY_OK(migrator.checkCompatible());

    // Again: nothing to do, and nothing changes.
    applied = migrator.migrate();
    CH_VERIFY_OK(applied);
    QCOMPARE(*applied, 0);
    CH_SCALAR(rows, db, QStringLiteral("SELECT count(*) FROM cronhelm.schema_migrations"));
    QCOMPARE(rows.toInt(), int(bundledVersions().size()));
    CH_SCALAR(by, db,
              QStringLiteral("SELECT string_agg(DISTINCT applied_by, ',')"
                             " FROM cronhelm.schema_migrations"));
    QCOMPARE(by, QStringLiteral("cronhelm"));
}

// Two nodes starting at once against an empty database: the migration lock serialises
// them, the schema is installed exactly once and neither fails.
void TestMigrator::concurrentMigrate()
{
    CH_DATABASE_EX(db, QStringLiteral("concurrent"), false);
    std::latch start(2);
    Result<int> results[2] = {makeError(ErrorKind::Other, {}), makeError(ErrorKind::Other, {})};
    auto worker = [&](int i) {
        StoreConnection connection(db->conninfo());
        Migrator migrator(connection);
        start.arrive_and_wait();
        results[i] = migrator.migrate();
    };
    std::thread a(worker, 0);
    std::thread b(worker, 1);
    a.join();
    b.join();
    CH_VERIFY_OK(results[0]);
    CH_VERIFY_OK(results[1]);
    QCOMPARE(*results[0] + *results[1], int(bundledVersions().size()));
    CH_SCALAR(rows, db, QStringLiteral("SELECT count(*) FROM cronhelm.schema_migrations"));
    QCOMPARE(rows.toInt(), int(bundledVersions().size()));
}

// The roles are shared by all databases of a server: on a server that has none yet,
// databases migrated at the same time race to create them, and none may fail for it.
// This needs a server of its own (the shared one has the roles already).
void TestMigrator::concurrentDatabasesOnFreshServer()
{
    const QString script =
        qEnvironmentVariable("CRONHELM_SOURCE_DIR") + QStringLiteral("/scripts/pg-local.sh");
    if (!QFile::exists(script))
        QSKIP("scripts/pg-local.sh not found (CRONHELM_SOURCE_DIR is not set)");
    const QString dir = QStringLiteral("/tmp/cronhelm-fresh-%1-%2")
                            .arg(QCoreApplication::applicationPid())
                            .arg(QRandomGenerator::global()->bounded(1000000));
    const QString port = QString::number(20000 + QRandomGenerator::global()->bounded(20000));
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.start(script, args);
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit
            && p.exitCode() == 0;
    };
    struct Destroy
    {
        std::function<void()> fn;
        ~Destroy() { fn(); }
    } destroy{[&] {
        run({QStringLiteral("destroy"), dir});
    }};
    QVERIFY2(run({QStringLiteral("start"), dir, port}), "could not start a private server");

    constexpr int databases = 3;
    const QString server = QStringLiteral("host=%1/sock port=%2 user=cronhelm").arg(dir, port);
    {
        PsqlSession admin(server + QStringLiteral(" dbname=postgres"));
        QVERIFY2(admin.isOpen(), qPrintable(admin.connectError()));
        for (int i = 0; i < databases; ++i) {
            const SqlOutcome created = admin.exec(QStringLiteral("CREATE DATABASE fresh%1").arg(i));
            QVERIFY2(created.ok(), qPrintable(created.describe()));
        }
    }
    std::latch start(databases);
    QList<Result<int>> results(databases, makeError(ErrorKind::Other, QStringLiteral("not run")));
    std::vector<std::thread> threads;
    for (int i = 0; i < databases; ++i) {
        threads.emplace_back([&, i] {
            StoreConnection connection(server + QStringLiteral(" dbname=fresh%1").arg(i));
            Migrator migrator(connection);
            start.arrive_and_wait();
            results[i] = migrator.migrate();
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (const Result<int> &r : std::as_const(results)) {
        CH_VERIFY_OK(r);
        QCOMPARE(*r, int(bundledVersions().size()));
    }
}

void TestMigrator::newerSchemaRefused_data()
{
    QTest::addColumn<bool>("viaMigrate");
    QTest::newRow("migrate") << true;
    QTest::newRow("checkCompatible") << false;
}

void TestMigrator::newerSchemaRefused()
{
    QFETCH(bool, viaMigrate);
    CH_DATABASE(db);
    CH_EXEC(db,
            QStringLiteral("INSERT INTO cronhelm.schema_migrations (version, name)"
                           " VALUES (999, '0999_from_the_future')"));
    StoreConnection connection(db->conninfo());
    Migrator migrator(connection);
    Status result = Done{};
    if (viaMigrate) {
        const Result<int> applied = migrator.migrate();
        if (!applied)
            result = applied.error();
    } else {
        result = migrator.checkCompatible();
    }
    QCOMPARE(kindOf(result), QStringLiteral("Conflict"));
    const QString message = result.errorMessage();
    QVERIFY2(message.contains(QLatin1String("999")), qPrintable(message));
    QVERIFY2(message.contains(QString::number(Migrator::latestVersion())), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Upgrade Cronhelm")), qPrintable(message));
    // Refusing changed nothing.
    CH_SCALAR(rows, db, QStringLiteral("SELECT count(*) FROM cronhelm.schema_migrations"));
    QCOMPARE(rows.toInt(), int(bundledVersions().size()) + 1);
}

void TestMigrator::olderSchemaNeedsMigrate()
{
    const QList<int> versions = bundledVersions();
    if (versions.size() < 2)
        QSKIP("only one migration so far: no older schema to check against");
    for (qsizetype i = 0; i + 1 < versions.size(); ++i) {
        CH_DATABASE_EX(db, QStringLiteral("older"), false);
        StoreConnection connection(db->conninfo());
        Migrator migrator(connection);
        CH_VERIFY_OK(migrator.migrate(versions.at(i)));
        const Status status = migrator.checkCompatible();
        QCOMPARE(kindOf(status), QStringLiteral("Conflict"));
        QVERIFY2(status.errorMessage().contains(QLatin1String("cronhelmctl migrate")),
                 qPrintable(status.errorMessage()));
    }
}

void TestMigrator::freshAndUpgradedIdentical()
{
    CH_DATABASE_EX(oneGo, QStringLiteral("onego"), true);
    CH_DATABASE_EX(stepwise, QStringLiteral("stepwise"), false);
    {
        StoreConnection connection(stepwise->conninfo());
        Migrator migrator(connection);
        for (int version : bundledVersions()) {
            Result<int> applied = migrator.migrate(version);
            CH_VERIFY_OK(applied);
            QCOMPARE(*applied, 1);
            Result<int> installed = migrator.installedVersion();
            CH_VERIFY_OK(installed);
            QCOMPARE(*installed, version);
        }
        CH_VERIFY_OK(migrator.checkCompatible());
    }
    for (const auto &[aspect, sql] : signatureQueries) {
        Result<QList<QStringList>> a = oneGo->query(QString::fromLatin1(sql));
        Result<QList<QStringList>> b = stepwise->query(QString::fromLatin1(sql));
        CH_VERIFY_OK(a);
        CH_VERIFY_OK(b);
        QVERIFY2(!a->isEmpty() || QByteArrayView(aspect) == "triggers"
                     || QByteArrayView(aspect) == "policies" || QByteArrayView(aspect) == "types"
                     || QByteArrayView(aspect) == "column grants",
                 aspect);
        const QString difference = firstDifference(*a, *b);
        QVERIFY2(difference.isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 differ, %2").arg(QString::fromLatin1(aspect), difference)));
    }
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
