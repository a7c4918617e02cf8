// Permissions are PostgreSQL roles and the database enforces them: a matrix of every
// reading view and every function against every Cronhelm role, run as psql would (raw
// SQL in its own login session), plus how the store classes report a refusal.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/migrator.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

enum Allowed : unsigned {
    Viewer = 1,
    Operator = 2,
    AdminOnly = 4,
    Node = 8,
    ShellAdmin = 16, // cronhelm_shell_admin, which includes cronhelm_admin
    Admin = AdminOnly | ShellAdmin,
    Readers = Viewer | Operator | Admin | Node,
    Operators = Operator | Admin,
    Nobody = 0,
};

struct Action
{
    const char *name;
    const char *sql; // JOB, ONCE, DOOMED and RUN are replaced by ids
    unsigned allowed;
};

// In order: later actions may depend on what earlier ones did (resume after pause).
const Action actions[] = {
    {"read job_overview", "SELECT count(*) FROM cronhelm.job_overview", Readers},
    {"read run_history", "SELECT count(*) FROM cronhelm.run_history", Readers},
    {"read run_log", "SELECT count(*) FROM cronhelm.run_log", Readers},
    {"read cluster_nodes", "SELECT count(*) FROM cronhelm.cluster_nodes", Readers},
    {"read executor_lease", "SELECT count(*) FROM cronhelm.executor_lease", Readers},
    {"read leadership_changes", "SELECT count(*) FROM cronhelm.leadership_changes", Readers},
    {"read audit", "SELECT count(*) FROM cronhelm.audit", Readers},
    {"my_role", "SELECT cronhelm.my_role()", Readers},
    {"job_id", "SELECT cronhelm.job_id('roles job')", Readers},
    {"read node_jobs", "SELECT count(*) FROM cronhelm.node_jobs", Node},
    {"read jobs table", "SELECT count(*) FROM cronhelm.jobs", Nobody},
    {"read runs table", "SELECT count(*) FROM cronhelm.runs", Nobody},
    {"read lease table", "SELECT count(*) FROM cronhelm.lease", Nobody},
    {"write jobs table", "UPDATE cronhelm.jobs SET enabled = false", Nobody},
    {"forge audit", "INSERT INTO cronhelm.audit_log (action) VALUES ('forged')", Nobody},
    {"internal helper", "SELECT cronhelm._lock_job(JOB)", Nobody},
    {"run_now", "SELECT cronhelm.run_now(JOB)", Operators},
    {"pause_job", "SELECT cronhelm.pause_job(JOB)", Operators},
    {"resume_job", "SELECT cronhelm.resume_job(JOB)", Operators},
    {"cancel_run", "SELECT cronhelm.cancel_run(RUN)", Operators},
    {"cancel_once", "SELECT cronhelm.cancel_once(ONCE)", Operators},
    {"create_job http",
     "SELECT cronhelm.create_job('{\"name\": \"new http\", \"target_type\": \"http\","
     " \"target\": {\"url\": \"https://x.example/\"}, \"cron\": \"@hourly\"}')",
     Admin},
    {"create_job shell",
     "SELECT cronhelm.create_job('{\"name\": \"new shell\", \"target_type\": \"shell\","
     " \"target\": {\"command\": \"rm -rf /tmp/x\"}, \"cron\": \"@hourly\"}')",
     ShellAdmin},
    {"update_job", "SELECT cronhelm.update_job(JOB, NULL, '{\"description\": \"edited\"}')", Admin},
    {"delete_job", "SELECT cronhelm.delete_job(DOOMED)", Admin},
    {"apply_retention", "SELECT cronhelm.apply_retention()", Admin | Node},
    {"read retention_policy", "SELECT count(*) FROM cronhelm.retention_policy", Readers},
    {"set_retention_policy", "SELECT cronhelm.set_retention_policy(400, 50)", Admin},
    {"retention_sweep", "SELECT cronhelm.retention_sweep(10)", Admin | Node},
    {"heartbeat", "SELECT cronhelm.heartbeat('n1', 'h', 1, 'v', now(), now(), 'standby', 0)", Node},
    {"acquire_lease", "SELECT cronhelm.acquire_lease('n1', 30)", Node},
    {"fire_slots",
     "SELECT * FROM cronhelm.fire_slots('n1', 99, ARRAY[JOB]::bigint[], ARRAY[now()],"
     " ARRAY['schedule'], ARRAY['running'], ARRAY[NULL]::text[])",
     Node},
    {"claim_run", "SELECT cronhelm.claim_run('n1', 99, RUN)", Node},
    {"finish_run", "SELECT cronhelm.finish_run('n1', RUN, 'failed', 1, NULL, NULL, 0, false, NULL)",
     Node},
    {"abandon_orphaned_runs", "SELECT cronhelm.abandon_orphaned_runs('n1', 99, 30)", Node},
    {"append_log", "SELECT cronhelm.append_log(RUN, ARRAY[0], ARRAY['stdout'], ARRAY['x'])", Node},
    {"set_job_state",
     "SELECT cronhelm.set_job_state(ARRAY[JOB]::bigint[], ARRAY[now()],"
     " ARRAY[NULL]::text[])",
     Node},
    {"record_outcome", "SELECT cronhelm.record_outcome(JOB, 'succeeded', false)", Node},
    {"runs_active_for_node", "SELECT count(*) FROM cronhelm.runs_active_for_node('n1')", Node},
    {"active_run", "SELECT count(*) FROM cronhelm.active_run(RUN)", Node},
    {"release_lease", "SELECT cronhelm.release_lease('n1')", Node},
};

struct Fixture
{
    qint64 job = 0;
    qint64 once = 0;
    qint64 doomed = 0;
    qint64 run = 0;
};

QString bind(const char *sql, const Fixture &f)
{
    QString out = QString::fromLatin1(sql);
    out.replace(QLatin1String("DOOMED"), QString::number(f.doomed));
    out.replace(QLatin1String("ONCE"), QString::number(f.once));
    out.replace(QLatin1String("JOB"), QString::number(f.job));
    out.replace(QLatin1String("RUN"), QString::number(f.run));
    return out;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

private slots:
    void permissionMatrix_data();
    void permissionMatrix();
    void storeReportsRefusal_data();
    void storeReportsRefusal();
    void myRole_data();
    void myRole();
    void shellJobsNeedShellAdmin();
    void upgradeKeepsShellWriters();
    void laterFunctionsAreNotPublic();

private:
    FunctionDatabase m_db;
};

void TestRoles::permissionMatrix_data()
{
    QTest::addColumn<QString>("memberOf");
    QTest::addColumn<unsigned>("mask");
    QTest::newRow("viewer") << QStringLiteral("cronhelm_viewer") << unsigned(Viewer);
    QTest::newRow("operator") << QStringLiteral("cronhelm_operator") << unsigned(Operator);
    QTest::newRow("admin") << QStringLiteral("cronhelm_admin") << unsigned(AdminOnly);
    QTest::newRow("shell admin") << QStringLiteral("cronhelm_shell_admin") << unsigned(ShellAdmin);
    QTest::newRow("node") << QStringLiteral("cronhelm_node") << unsigned(Node);
    QTest::newRow("no cronhelm role") << QString() << 0u;
}

void TestRoles::permissionMatrix()
{
    QFETCH(QString, memberOf);
    QFETCH(unsigned, mask);
    CH_DATABASE(db);
    StoreConnection owner(db->conninfo());
    JobStore jobs(owner);
    auto idOf = [](const Result<qint64> &r) {
        return r ? *r : qint64(-1);
    };
    Fixture f;
    f.job = idOf(jobs.create(httpJob(QStringLiteral("roles job"))));
    QJsonObject once = shellJob(QStringLiteral("roles once"));
    once.remove(QStringLiteral("cron"));
    once.insert(QStringLiteral("once_local"), QStringLiteral("2030-01-01T00:00:00"));
    once.insert(QStringLiteral("once_at"), QStringLiteral("2030-01-01T00:00:00Z"));
    f.once = idOf(jobs.create(once));
    f.doomed = idOf(jobs.create(httpJob(QStringLiteral("roles doomed"))));
    f.run = idOf(jobs.runNow(f.job));
    QVERIFY(f.job > 0 && f.once > 0 && f.doomed > 0 && f.run > 0);

    Result<QString> role = db->createLoginRole(memberOf);
    CH_VERIFY_OK(role);
    PsqlSession session(db->conninfoAs(*role));
    QVERIFY2(session.isOpen(), qPrintable(session.connectError()));

    QStringList wrong;
    for (const Action &action : actions) {
        const bool allowed = (action.allowed & mask) != 0;
        const SqlOutcome outcome = session.exec(bind(action.sql, f));
        const bool refused = outcome.sqlstate == QLatin1String("42501");
        // Allowed means "not refused for the role": a business error (fenced, not found)
        // shows the call got past the permission check.
        if (allowed == refused) {
            wrong.append(QStringLiteral("%1: %2, got %3")
                             .arg(QString::fromLatin1(action.name),
                                  allowed ? QStringLiteral("should be allowed")
                                          : QStringLiteral("should be refused"),
                                  outcome.describe()));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));

    // A refused change changed nothing, and was not audited under this role.
    if (!(mask & Operators)) {
        CH_SCALAR(
            state, db,
            QStringLiteral("SELECT (SELECT count(*) FROM cronhelm.jobs WHERE deleted_at IS NULL)"
                           " || ',' || (SELECT enabled FROM cronhelm.jobs WHERE id = %1)"
                           " || ',' || (SELECT version FROM cronhelm.jobs WHERE id = %1)"
                           " || ',' || (SELECT count(*) FROM cronhelm.runs"
                           "             WHERE trigger = 'manual')")
                .arg(f.job));
        QCOMPARE(state, QStringLiteral("3,true,1,1"));
        CH_SCALAR(audited, db,
                  QStringLiteral("SELECT count(*) FROM cronhelm.audit_log WHERE actor = '%1'")
                      .arg(*role));
        QCOMPARE(audited, QStringLiteral("0"));
    }
}

void TestRoles::storeReportsRefusal_data()
{
    QTest::addColumn<QString>("memberOf");
    QTest::addColumn<int>("operation");
    QTest::addColumn<QString>("needs"); // what the message says to ask for
    QTest::newRow("viewer run now")
        << QStringLiteral("cronhelm_viewer") << 0 << QStringLiteral("cronhelm_operator");
    QTest::newRow("viewer pause") << QStringLiteral("cronhelm_viewer") << 1
                                  << QStringLiteral("cronhelm_operator");
    QTest::newRow("viewer cancel run")
        << QStringLiteral("cronhelm_viewer") << 2 << QStringLiteral("cronhelm_operator");
    QTest::newRow("viewer create")
        << QStringLiteral("cronhelm_viewer") << 3 << QStringLiteral("cronhelm_admin");
    QTest::newRow("operator create")
        << QStringLiteral("cronhelm_operator") << 3 << QStringLiteral("cronhelm_admin");
    QTest::newRow("operator update")
        << QStringLiteral("cronhelm_operator") << 4 << QStringLiteral("cronhelm_admin");
    QTest::newRow("operator delete")
        << QStringLiteral("cronhelm_operator") << 5 << QStringLiteral("cronhelm_admin");
    QTest::newRow("node create") << QStringLiteral("cronhelm_node") << 3
                                 << QStringLiteral("cronhelm_admin");
    QTest::newRow("admin creates a shell job")
        << QStringLiteral("cronhelm_admin") << 3 << QStringLiteral("cronhelm_shell_admin");
    QTest::newRow("nobody lists") << QString() << 6 << QString();
    QTest::newRow("nobody reads history") << QString() << 7 << QString();
}

void TestRoles::storeReportsRefusal()
{
    QFETCH(QString, memberOf);
    QFETCH(int, operation);
    QFETCH(QString, needs);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection owner(db->conninfo());
    JobStore admin(owner);
    Result<qint64> job = admin.create(httpJob(QString::fromLatin1(QTest::currentDataTag())));
    CH_VERIFY_OK(job);
    Result<qint64> run = admin.runNow(*job);
    CH_VERIFY_OK(run);
    Result<QString> role = db->createLoginRole(memberOf);
    CH_VERIFY_OK(role);
    StoreConnection connection(db->conninfoAs(*role));
    JobStore jobs(connection);
    RunStore runs(connection);

    Status result = Done{};
    auto keep = [&result](const auto &r) {
        if (!r)
            result = r.error();
    };
    switch (operation) {
    case 0:
        keep(jobs.runNow(*job));
        break;
    case 1:
        keep(jobs.pause(*job));
        break;
    case 2:
        keep(jobs.cancelRun(*run));
        break;
    case 3:
        keep(jobs.create(shellJob(QStringLiteral("sneaky"))));
        break;
    case 4:
        keep(jobs.update(*job, 1, {{QStringLiteral("description"), QStringLiteral("x")}}));
        break;
    case 5:
        keep(jobs.remove(*job));
        break;
    case 6:
        keep(jobs.list());
        break;
    case 7:
        keep(runs.page({}, 10));
        break;
    }
    QCOMPARE(kindOf(result), QStringLiteral("Permission"));
    // The server's words are its own (translated under store.german); the SQLSTATE decides.
    QCOMPARE(result.error().sqlstate, QStringLiteral("42501"));
    if (!needs.isEmpty())
        QVERIFY2(result.errorMessage().contains(needs), qPrintable(result.errorMessage()));
    if (needs == QLatin1String("cronhelm_shell_admin")) {
        // Not told to ask for the role it has.
        QCOMPARE(result.error().field, QStringLiteral("target_type"));
        QVERIFY2(!result.errorMessage().contains(QLatin1String("cronhelm_admin role")),
                 qPrintable(result.errorMessage()));
    }
    // The refusal leaves the connection usable.
    QVERIFY(connection.isOpen());
}

void TestRoles::myRole_data()
{
    QTest::addColumn<QString>("memberOf"); // "owner" for the schema owner (superuser)
    QTest::addColumn<QString>("expected");
    QTest::newRow("viewer") << QStringLiteral("cronhelm_viewer") << QStringLiteral("viewer");
    QTest::newRow("operator") << QStringLiteral("cronhelm_operator") << QStringLiteral("operator");
    QTest::newRow("admin") << QStringLiteral("cronhelm_admin") << QStringLiteral("admin");
    QTest::newRow("shell admin") << QStringLiteral("cronhelm_shell_admin")
                                 << QStringLiteral("admin");
    QTest::newRow("node") << QStringLiteral("cronhelm_node") << QStringLiteral("viewer");
    QTest::newRow("team role") << QStringLiteral("team") << QStringLiteral("operator");
    QTest::newRow("no cronhelm role") << QString() << QStringLiteral("none");
    QTest::newRow("owner") << QStringLiteral("owner") << QStringLiteral("admin");
}

void TestRoles::myRole()
{
    QFETCH(QString, memberOf);
    QFETCH(QString, expected);
    CH_FUNCTION_DATABASE(db, m_db);
    QString conninfo = db->conninfo();
    if (memberOf == QLatin1String("team")) {
        // Membership through a team role counts.
        Result<QString> team = db->createLoginRole(QStringLiteral("cronhelm_operator"));
        CH_VERIFY_OK(team);
        Result<QString> member = db->createLoginRole(*team);
        CH_VERIFY_OK(member);
        conninfo = db->conninfoAs(*member);
    } else if (memberOf != QLatin1String("owner")) {
        Result<QString> role = db->createLoginRole(memberOf);
        CH_VERIFY_OK(role);
        conninfo = db->conninfoAs(*role);
    }
    StoreConnection connection(conninfo);
    JobStore jobs(connection);
    Result<StoreRole> role = jobs.myRole();
    CH_VERIFY_OK(role);
    QCOMPARE(wireName(*role), expected);

    // The same from a psql session; without any Cronhelm role even the schema is closed.
    PsqlSession session(conninfo);
    const SqlOutcome raw = session.exec(QStringLiteral("SELECT cronhelm.my_role()"));
    if (expected == QLatin1String("none")) {
        QCOMPARE(raw.sqlstate, QStringLiteral("42501"));
    } else {
        QVERIFY2(raw.ok(), qPrintable(raw.describe()));
        QCOMPARE(raw.value(), expected);
    }
}

namespace {

const char shellSpec[] = "SELECT cronhelm.create_job('{\"name\": \"%1\", \"target_type\": "
                         "\"shell\", \"target\": {\"command\": \"true\"}, \"cron\": \"@hourly\"}')";

QString sqlOf(const char *sql, qint64 job)
{
    return QString::fromLatin1(sql).arg(job);
}

} // namespace

// A shell job runs its command on every node: an ordinary admin (a job owner) may not write
// one, in any way the API offers; a cronhelm_shell_admin may. Ordinary admins still manage
// existing shell jobs.
void TestRoles::shellJobsNeedShellAdmin()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(adam, db, "cronhelm_admin");
    CH_LOGIN_ROLE(sam, db, "cronhelm_shell_admin");
    PsqlSession admin(db->conninfoAs(adam));
    PsqlSession shell(db->conninfoAs(sam));
    const SqlOutcome created = shell.exec(QString::fromLatin1(shellSpec).arg(u"backup"));
    QVERIFY2(created.ok(), qPrintable(created.describe()));
    const qint64 job = created.value().toLongLong();
    const SqlOutcome web = admin.exec(QStringLiteral(
        "SELECT cronhelm.create_job('{\"name\": \"web\", \"target_type\": \"http\", \"target\": "
        "{\"url\": \"https://example.org/\"}, \"cron\": \"@hourly\"}')"));
    QVERIFY2(web.ok(), qPrintable(web.describe()));
    const qint64 httpJob = web.value().toLongLong();
    CH_SCALAR(doomed, db, QString::fromLatin1(shellSpec).arg(u"doomed"));
    CH_EXEC(db, QStringLiteral("SELECT cronhelm.delete_job(%1)").arg(doomed));

    struct Attempt
    {
        const char *what;
        QString sql;
    };
    const Attempt refused[] = {
        {"create", QString::fromLatin1(shellSpec).arg(u"mine")},
        {"change the command",
         sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target\": {\"command\": \"id\"}}')", job)},
        {"change the environment",
         sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target\": {\"command\": \"true\", "
               "\"env\": {\"A\": \"1\"}}}')",
               job)},
        {"turn an HTTP job into one",
         sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target_type\": \"shell\", \"target\": "
               "{\"command\": \"id\"}}')",
               httpJob)},
        {"restore a deleted one", QStringLiteral("SELECT cronhelm.restore_job(%1)").arg(doomed)},
        // The same command on other nodes (from a sandbox onto production) is new code there.
        {"move it onto other nodes",
         sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"run_on\": [\"production\"]}')", job)},
    };
    for (const Attempt &a : refused) {
        const SqlOutcome outcome = admin.exec(a.sql);
        QVERIFY2(
            outcome.sqlstate == QLatin1String("42501")
                && outcome.message.contains(QLatin1String("cronhelm_shell_admin")),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(a.what), outcome.describe())));
    }
    CH_SCALAR(untouched, db,
              QStringLiteral("SELECT target ->> 'command' || ' ' || version || ' ' || "
                             "(SELECT count(*) FROM cronhelm.jobs WHERE target_type = 'shell') "
                             "FROM cronhelm.jobs WHERE id = %1")
                  .arg(job));
    QCOMPARE(untouched, QStringLiteral("true 1 2"));

    const QString allowed[] = {
        sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"cron\": \"@daily\", \"retries\": 2}')",
              job),
        QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(job),
        // Turning a shell job into an HTTP job takes the command away: allowed.
        sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target_type\": \"http\", \"target\": "
              "{\"url\": \"https://example.org/\"}}')",
              job),
    };
    for (const QString &sql : allowed) {
        const SqlOutcome outcome = admin.exec(sql);
        QVERIFY2(outcome.ok(), qPrintable(sql + QLatin1String(": ") + outcome.describe()));
    }
    const SqlOutcome changed = shell.exec(
        sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target_type\": \"shell\", \"target\": "
              "{\"command\": \"date\"}}')",
              job));
    QVERIFY2(changed.ok(), qPrintable(changed.describe()));
    QCOMPARE(admin.exec(QStringLiteral("SELECT cronhelm.may_write_shell()")).value(),
             QStringLiteral("f"));
    QCOMPARE(shell.exec(QStringLiteral("SELECT cronhelm.may_write_shell()")).value(),
             QStringLiteral("t"));
}

// Upgrading to schema 5 keeps the admins who wrote the existing shell jobs able to change
// them (they get cronhelm_shell_admin, audited); other admins do not get it.
void TestRoles::upgradeKeepsShellWriters()
{
    CH_DATABASE_EX(db, QStringLiteral("upgradeKeepsShellWriters"), false);
    StoreConnection owner(db->conninfo());
    Migrator migrator(owner);
    CH_VERIFY_OK(migrator.migrate(4));
    CH_LOGIN_ROLE(writer, db, "cronhelm_admin");
    CH_LOGIN_ROLE(other, db, "cronhelm_admin");
    PsqlSession writerSession(db->conninfoAs(writer));
    const SqlOutcome created = writerSession.exec(QString::fromLatin1(shellSpec).arg(u"legacy"));
    QVERIFY2(created.ok(), qPrintable(created.describe()));
    const qint64 job = created.value().toLongLong();
    CH_VERIFY_OK(migrator.migrate());

    PsqlSession writerAfter(db->conninfoAs(writer));
    PsqlSession otherAfter(db->conninfoAs(other));
    const QString change =
        sqlOf("SELECT cronhelm.update_job(%1, NULL, '{\"target\": {\"command\": \"date\"}}')", job);
    const SqlOutcome byOther = otherAfter.exec(change);
    QCOMPARE(byOther.sqlstate, QStringLiteral("42501"));
    const SqlOutcome byWriter = writerAfter.exec(change);
    QVERIFY2(byWriter.ok(), qPrintable(byWriter.describe()));
    CH_SCALAR(granted, db,
              QStringLiteral("SELECT new_value ->> 'to' FROM cronhelm.audit WHERE action = "
                             "'grant_role'"));
    QCOMPARE(granted, writer);
}

// A function added to the schema later, and forgotten in the grants, is callable by nobody
// but its owner: not by a viewer, not by a login without any Cronhelm role.
void TestRoles::laterFunctionsAreNotPublic()
{
    CH_DATABASE(db);
    CH_EXEC(db,
            QStringLiteral("CREATE FUNCTION cronhelm.added_later() RETURNS text "
                           "LANGUAGE sql SECURITY DEFINER AS $$SELECT 'secret'$$"));
    CH_EXEC(db,
            QStringLiteral("CREATE FUNCTION public.added_later() RETURNS text "
                           "LANGUAGE sql SECURITY DEFINER AS $$SELECT 'secret'$$"));
    CH_SCALAR(mine, db, QStringLiteral("SELECT cronhelm.added_later()"));
    QCOMPARE(mine, QStringLiteral("secret"));
    for (const char *memberOf : {"cronhelm_viewer", "cronhelm_operator", ""}) {
        Result<QString> role = db->createLoginRole(QString::fromLatin1(memberOf));
        CH_VERIFY_OK(role);
        PsqlSession session(db->conninfoAs(*role));
        QVERIFY2(session.isOpen(), qPrintable(session.connectError()));
        for (const char *call : {"SELECT cronhelm.added_later()", "SELECT public.added_later()"}) {
            const SqlOutcome outcome = session.exec(QString::fromLatin1(call));
            QVERIFY2(outcome.sqlstate == QLatin1String("42501"),
                     qPrintable(QStringLiteral("%1 as %2: %3")
                                    .arg(QLatin1String(call), QLatin1String(memberOf),
                                         outcome.describe())));
        }
    }
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
