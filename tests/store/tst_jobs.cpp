// The job functions of the SQL API through JobStore: create (defaults, every key,
// validation), update (partial, rename, optimistic versioning), delete, pause/resume,
// run_now, cancel_run and cancel_once.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QJsonArray>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

QJsonObject with(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    spec.insert(key, value);
    return spec;
}

QJsonObject withTarget(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    QJsonObject target = spec.value(QStringLiteral("target")).toObject();
    if (value.isUndefined())
        target.remove(key);
    else
        target.insert(key, value);
    spec.insert(QStringLiteral("target"), target);
    return spec;
}

QJsonObject fullCronSpec()
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("crm sync")},
        {QStringLiteral("description"), QStringLiteral("Copies the CRM into the warehouse")},
        {QStringLiteral("owner"), QStringLiteral("data-team@example.org")},
        {QStringLiteral("target_type"), QStringLiteral("http")},
        {QStringLiteral("target"),
         QJsonObject{
             {QStringLiteral("method"), QStringLiteral("POST")},
             {QStringLiteral("url"), QStringLiteral("https://fn.example.org/crm-sync?full=1")},
             {QStringLiteral("headers"),
              QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("${env:CRM_TOKEN}")}}},
             {QStringLiteral("body"), QStringLiteral("{\"since\":\"yesterday\"}")},
             {QStringLiteral("expect_status"), QStringLiteral("200-204")},
             {QStringLiteral("fail_if_body_matches"), QStringLiteral("\"error\"")},
         }},
        {QStringLiteral("schedule_kind"), QStringLiteral("cron")},
        {QStringLiteral("cron"), QStringLiteral("0 */2 * * MON-FRI")},
        {QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")},
        {QStringLiteral("enabled"), false},
        {QStringLiteral("timeout_s"), 1500},
        {QStringLiteral("retries"), 3},
        {QStringLiteral("retry_backoff"), QStringLiteral("fixed")},
        {QStringLiteral("retry_delay_s"), 45},
        {QStringLiteral("concurrency"), QStringLiteral("allow")},
        {QStringLiteral("misfire"), QStringLiteral("run_all")},
        {QStringLiteral("misfire_bound"), 20},
        {QStringLiteral("notify"),
         QJsonArray{QJsonObject{
                        {QStringLiteral("kind"), QStringLiteral("slack")},
                        {QStringLiteral("url"), QStringLiteral("https://hooks.slack.example/T1")},
                        {QStringLiteral("on"),
                         QJsonArray{QStringLiteral("failure"), QStringLiteral("recovery")}},
                    },
                    QJsonObject{
                        {QStringLiteral("kind"), QStringLiteral("webhook")},
                        {QStringLiteral("url"), QStringLiteral("http://alerts.example/in")},
                        {QStringLiteral("on"), QJsonArray{QStringLiteral("success")}},
                    }}},
        {QStringLiteral("notify_quiet_s"), 600},
        {QStringLiteral("log_limit_bytes"), 2048},
    };
}

QJsonObject fullOnceSpec()
{
    QJsonObject spec = fullCronSpec();
    spec.remove(QStringLiteral("cron"));
    spec.insert(QStringLiteral("name"), QStringLiteral("deploy"));
    spec.insert(QStringLiteral("target_type"), QStringLiteral("shell"));
    spec.insert(
        QStringLiteral("target"),
        QJsonObject{
            {QStringLiteral("argv"),
             QJsonArray{QStringLiteral("/usr/local/bin/deploy"), QStringLiteral("--prod")}},
            {QStringLiteral("workdir"), QStringLiteral("/srv/app")},
            {QStringLiteral("env"), QJsonObject{{QStringLiteral("STAGE"), QStringLiteral("prod")}}},
        });
    spec.insert(QStringLiteral("schedule_kind"), QStringLiteral("once"));
    spec.insert(QStringLiteral("time_zone"), QStringLiteral("America/New_York"));
    spec.insert(QStringLiteral("once_local"), QStringLiteral("2027-02-10T03:00:00"));
    spec.insert(QStringLiteral("once_at"), QStringLiteral("2027-02-10T08:00:00.000Z"));
    return spec;
}

// A name unique to the current data row, for rows sharing a database.
QString rowName(const char *base)
{
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(base),
                                         QString::fromLatin1(QTest::currentDataTag()));
}

qint64 secondsFromNow(const QDateTime &t)
{
    return qAbs(t.secsTo(QDateTime::currentDateTimeUtc()));
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private slots:
    void createDefaults();
    void createAllKeys_data();
    void createAllKeys();
    void createRefused_data();
    void createRefused();
    void updatePartial();
    void updateSwitchesScheduleKind();
    void updateRefused_data();
    void updateRefused();
    void updateStaleVersion_data();
    void updateStaleVersion();
    void errorFieldIgnoresPeoplesText();
    void updateScheduleSince_data();
    void updateScheduleSince();
    void deleteKeepsHistory();
    void pauseResume();
    void runNow();
    void cancelRun_data();
    void cancelRun();
    void cancelOnce_data();
    void cancelOnce();
    void notFound_data();
    void notFound();

private:
    FunctionDatabase m_db;
};

void TestJobs::createDefaults()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
    Result<qint64> id = jobs.create(httpJob(QStringLiteral("nightly")));
    CH_VERIFY_OK(id);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->id, *id);
    QCOMPARE(job->version, 1);
    QCOMPARE(job->spec.name, QStringLiteral("nightly"));
    QCOMPARE(job->spec.description, QString());
    QCOMPARE(job->spec.owner, QString());
    QCOMPARE(job->spec.target.kind, TargetKind::Http);
    QCOMPARE(job->spec.target.http.url, QStringLiteral("https://hooks.example.org/sync"));
    QCOMPARE(job->spec.scheduleKind, ScheduleKind::Cron);
    QCOMPARE(job->spec.cron, QStringLiteral("*/5 * * * *"));
    QCOMPARE(job->spec.timeZone, QStringLiteral("UTC"));
    QVERIFY(!job->spec.onceLocal.isValid());
    QVERIFY(!job->spec.onceAt.isValid());
    QVERIFY(!job->isOnce());
    QCOMPARE(job->spec.enabled, true);
    QCOMPARE(job->spec.timeoutSeconds, 3600);
    QCOMPARE(job->spec.retries, 0);
    QCOMPARE(job->spec.retryBackoff, RetryBackoff::Exponential);
    QCOMPARE(job->spec.retryDelaySeconds, 30);
    QCOMPARE(job->spec.concurrency, ConcurrencyPolicy::Forbid);
    QCOMPARE(job->spec.misfire, MisfirePolicy::RunOnce);
    QCOMPARE(job->spec.misfireBound, 100);
    QVERIFY(job->spec.notify.isEmpty());
    // The defaults the database fills in are the domain's (core/domain/jobspec.h).
    JobSpec expected;
    expected.name = job->spec.name;
    expected.target = job->spec.target;
    expected.cron = job->spec.cron;
    QCOMPARE(job->spec, expected);
    QCOMPARE(job->spec.notifyQuietSeconds, 3600);
    QCOMPARE(job->spec.logLimitBytes, qint64(10485760));
    QCOMPARE(job->createdBy, QStringLiteral("cronhelm"));
    QCOMPARE(job->updatedBy, QStringLiteral("cronhelm"));
    QVERIFY(job->createdAt >= before);
    QVERIFY(job->scheduleSince >= before);
    QVERIFY(!job->nextFireAt.isValid());
    QCOMPARE(job->lastRunId, qint64(0));
    QCOMPARE(job->runningCount, 0);

    // A shell job with argv instead of a command line is accepted too.
    QJsonObject shell = shellJob(QStringLiteral("argv job"));
    shell = withTarget(shell, QStringLiteral("command"), QJsonValue::Undefined);
    shell = withTarget(shell, QStringLiteral("argv"), QJsonArray{QStringLiteral("/bin/true")});
    CH_VERIFY_OK(jobs.create(shell));
    Result<QList<JobRecord>> all = jobs.list();
    CH_VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).spec.name, QStringLiteral("argv job")); // ordered by name
}

void TestJobs::createAllKeys_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::newRow("cron http") << fullCronSpec();
    QTest::newRow("one-off shell") << fullOnceSpec();
}

void TestJobs::createAllKeys()
{
    QFETCH(QJsonObject, spec);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(spec);
    CH_VERIFY_OK(id);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    // Every key of the spec comes back as given.
    const QJsonObject back = job->spec.toJson();
    for (auto it = spec.constBegin(); it != spec.constEnd(); ++it) {
        QVERIFY2(
            back.value(it.key()) == it.value(),
            qPrintable(QStringLiteral("%1: got %2, want %3")
                           .arg(it.key(),
                                QString::fromUtf8(QJsonDocument(QJsonArray{back.value(it.key())})
                                                      .toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(QJsonDocument(QJsonArray{it.value()})
                                                      .toJson(QJsonDocument::Compact)))));
    }
    if (job->isOnce())
        QCOMPARE(job->onceState, OnceState::Pending);
    // And the spec read back creates an identical job under another name.
    QJsonObject again = back;
    again.insert(QStringLiteral("name"), rowName("copy"));
    Result<qint64> copy = jobs.create(again);
    CH_VERIFY_OK(copy);
    Result<JobRecord> copied = jobs.byId(*copy);
    CH_VERIFY_OK(copied);
    QJsonObject copiedSpec = copied->spec.toJson();
    copiedSpec.insert(QStringLiteral("name"), spec.value(QStringLiteral("name")));
    QCOMPARE(copiedSpec, back);
}

void TestJobs::createRefused_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mention");

    const QJsonObject http = httpJob(QStringLiteral("j"));
    const QJsonObject shell = shellJob(QStringLiteral("j"));
    const auto row = [](const char *tag, const QJsonObject &spec, const char *kind,
                        const char *mention) {
        QTest::newRow(tag) << spec << QString::fromLatin1(kind) << QString::fromUtf8(mention);
    };
    row("unknown key", with(http, QStringLiteral("colour"), QStringLiteral("red")), "BadInput",
        "colour");
    row("typo of a key", with(http, QStringLiteral("time_zome"), QStringLiteral("UTC")), "BadInput",
        "time_zome");
    row("no name", with(http, QStringLiteral("name"), QStringLiteral("  ")), "BadInput", "name");
    row("name too long", with(http, QStringLiteral("name"), QString(201, QLatin1Char('x'))),
        "BadInput", "name");
    row("url not http", withTarget(http, QStringLiteral("url"), QStringLiteral("ftp://x/y")),
        "BadInput", "target.url");
    row("url missing", withTarget(http, QStringLiteral("url"), QJsonValue::Undefined), "BadInput",
        "target.url");
    row("url no host", withTarget(http, QStringLiteral("url"), QStringLiteral("https:///x")),
        "BadInput", "target.url");
    row("method", withTarget(http, QStringLiteral("method"), QStringLiteral("FETCH")), "BadInput",
        "target.method");
    row("headers not object", withTarget(http, QStringLiteral("headers"), QJsonArray{1}),
        "BadInput", "target.headers");
    row("expect_status", withTarget(http, QStringLiteral("expect_status"), QStringLiteral("2xx")),
        "BadInput", "target.expect_status");
    row("shell without command", withTarget(shell, QStringLiteral("command"), QStringLiteral(" ")),
        "BadInput", "target.command");
    row("shell env not object", withTarget(shell, QStringLiteral("env"), QStringLiteral("A=1")),
        "BadInput", "target.env");
    row("target not object", with(http, QStringLiteral("target"), QStringLiteral("x")), "BadInput",
        "target");
    row("target type", with(http, QStringLiteral("target_type"), QStringLiteral("ftp")), "BadInput",
        "target_type");
    row(
        "target type missing",
        [&] {
            QJsonObject s = http;
            s.remove(QStringLiteral("target_type"));
            return s;
        }(),
        "BadInput", "target_type");
    row("zone", with(http, QStringLiteral("time_zone"), QStringLiteral("Mars/Olympus_Mons")),
        "BadInput", "time_zone");
    row("zone abbreviation", with(http, QStringLiteral("time_zone"), QStringLiteral("CEST")),
        "BadInput", "time_zone");
    row("cron words", with(http, QStringLiteral("cron"), QStringLiteral("every day at 3")),
        "BadInput", "cron");
    row("cron 3 fields", with(http, QStringLiteral("cron"), QStringLiteral("* * *")), "BadInput",
        "cron");
    row("cron 7 fields", with(http, QStringLiteral("cron"), QStringLiteral("0 0 0 * * * *")),
        "BadInput", "cron");
    row("cron bad macro", with(http, QStringLiteral("cron"), QStringLiteral("@fortnightly")),
        "BadInput", "cron");
    row("schedule kind", with(http, QStringLiteral("schedule_kind"), QStringLiteral("weekly")),
        "BadInput", "schedule_kind");
    row("notify not list",
        with(http, QStringLiteral("notify"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("slack")}}),
        "BadInput", "notify");
    row("notify kind",
        with(http, QStringLiteral("notify"),
             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("email")},
                                    {QStringLiteral("url"), QStringLiteral("https://x.y/")}}}),
        "BadInput", "notify");
    row("notify url",
        with(http, QStringLiteral("notify"),
             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("slack")},
                                    {QStringLiteral("url"), QStringLiteral("mailto:a@b")}}}),
        "BadInput", "notify");
    row("timeout not a number", with(http, QStringLiteral("timeout_s"), QStringLiteral("long")),
        "BadInput", "timeout_s");
    row("timeout zero", with(http, QStringLiteral("timeout_s"), 0), "BadInput", "timeout_s");
    row("retries too many", with(http, QStringLiteral("retries"), 101), "BadInput", "retries");
    row("retry backoff", with(http, QStringLiteral("retry_backoff"), QStringLiteral("linear")),
        "BadInput", "retry_backoff");
    row("concurrency", with(http, QStringLiteral("concurrency"), QStringLiteral("sometimes")),
        "BadInput", "concurrency");
    row("misfire", with(http, QStringLiteral("misfire"), QStringLiteral("never")), "BadInput",
        "misfire");
    row("misfire bound", with(http, QStringLiteral("misfire_bound"), 0), "BadInput",
        "misfire_bound");
    row("log limit", with(http, QStringLiteral("log_limit_bytes"), 10), "BadInput",
        "log_limit_bytes");
    row("enabled not bool", with(http, QStringLiteral("enabled"), QStringLiteral("maybe")),
        "BadInput", "enabled");
    row("enabled null", with(http, QStringLiteral("enabled"), QJsonValue::Null), "BadInput",
        "enabled");
    row("timeout null", with(http, QStringLiteral("timeout_s"), QJsonValue::Null), "BadInput",
        "timeout_s");
    row("once_local not a time",
        with(with(shell, QStringLiteral("once_local"), QStringLiteral("tomorrow-ish")),
             QStringLiteral("once_at"), QStringLiteral("2027-01-01T00:00:00Z")),
        "BadInput", "once_local");
    row("once without instant",
        with(with(shell, QStringLiteral("schedule_kind"), QStringLiteral("once")),
             QStringLiteral("once_local"), QStringLiteral("2027-01-01T00:00:00")),
        "BadInput", "once");
    row("duplicate name", http, "Conflict", "already exists");
}

void TestJobs::createRefused()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, kind);
    QFETCH(QString, mention);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    if (spec.value(QStringLiteral("name")) == QStringLiteral("j"))
        spec.insert(QStringLiteral("name"), rowName("j"));
    const bool duplicate = kind == QLatin1String("Conflict");
    if (duplicate)
        CH_VERIFY_OK(jobs.create(spec));
    CH_SCALAR(before, db, QStringLiteral("SELECT count(*) FROM cronhelm.jobs"));

    Result<qint64> id = jobs.create(spec);
    QCOMPARE(kindOf(id), kind);
    QVERIFY2(id.errorMessage().contains(mention), qPrintable(id.errorMessage()));
    // The message is the server's primary message, not its PL/pgSQL context.
    QVERIFY2(!id.errorMessage().contains(QLatin1String("CONTEXT")), qPrintable(id.errorMessage()));
    QVERIFY2(!id.errorMessage().startsWith(QLatin1String("ERROR")), qPrintable(id.errorMessage()));
    CH_SCALAR(after, db, QStringLiteral("SELECT count(*) FROM cronhelm.jobs"));
    QCOMPARE(after, before);
    // The connection is fine afterwards.
    CH_VERIFY_OK(jobs.list());
}

void TestJobs::updatePartial()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(with(with(httpJob(QStringLiteral("old name")),
                                              QStringLiteral("description"), QStringLiteral("a")),
                                         QStringLiteral("owner"), QStringLiteral("ops")));
    CH_VERIFY_OK(id);
    Result<JobRecord> before = jobs.byId(*id);
    CH_VERIFY_OK(before);

    Result<int> version =
        jobs.update(*id, 1, {{QStringLiteral("description"), QStringLiteral("b")}});
    CH_VERIFY_OK(version);
    QCOMPARE(*version, 2);
    Result<JobRecord> after = jobs.byId(*id);
    CH_VERIFY_OK(after);
    QCOMPARE(after->version, 2);
    QCOMPARE(after->spec.description, QStringLiteral("b"));
    // Everything not named in the change is untouched.
    QJsonObject expected = before->spec.toJson();
    expected.insert(QStringLiteral("description"), QStringLiteral("b"));
    QCOMPARE(after->spec.toJson(), expected);
    QVERIFY(after->updatedAt >= before->updatedAt);
    QCOMPARE(after->createdAt, before->createdAt);

    // Rename: the new name finds it, the old one does not.
    version = jobs.update(*id, 2, {{QStringLiteral("name"), QStringLiteral("new name")}});
    CH_VERIFY_OK(version);
    QCOMPARE(*version, 3);
    Result<JobRecord> renamed = jobs.byName(QStringLiteral("new name"));
    CH_VERIFY_OK(renamed);
    QCOMPARE(renamed->id, *id);
    QCOMPARE(kindOf(jobs.byName(QStringLiteral("old name"))), QStringLiteral("NotFound"));

    // Several keys at once, and an empty change still counts as a save.
    version = jobs.update(*id, 3,
                          {{QStringLiteral("retries"), 2},
                           {QStringLiteral("time_zone"), QStringLiteral("Asia/Kolkata")},
                           {QStringLiteral("target"),
                            QJsonObject{{QStringLiteral("url"), QStringLiteral("http://b/")}}}});
    CH_VERIFY_OK(version);
    QCOMPARE(*version, 4);
    version = jobs.update(*id, 4, {});
    CH_VERIFY_OK(version);
    QCOMPARE(*version, 5);
    after = jobs.byId(*id);
    CH_VERIFY_OK(after);
    QCOMPARE(after->spec.retries, 2);
    QCOMPARE(after->spec.timeZone, QStringLiteral("Asia/Kolkata"));
    QCOMPARE(after->spec.target.http.url, QStringLiteral("http://b/"));
    QCOMPARE(after->spec.description, QStringLiteral("b"));
    QCOMPARE(after->spec.owner, QStringLiteral("ops"));

    // Renaming onto another live job's name is a conflict.
    CH_VERIFY_OK(jobs.create(httpJob(QStringLiteral("taken"))));
    Result<int> clash = jobs.update(*id, 5, {{QStringLiteral("name"), QStringLiteral("taken")}});
    QCOMPARE(kindOf(clash), QStringLiteral("Conflict"));
    QVERIFY2(clash.errorMessage().contains(QLatin1String("taken")),
             qPrintable(clash.errorMessage()));
}

void TestJobs::updateSwitchesScheduleKind()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(httpJob(QStringLiteral("switch")));
    CH_VERIFY_OK(id);
    Result<int> v =
        jobs.update(*id, 1,
                    {{QStringLiteral("schedule_kind"), QStringLiteral("once")},
                     {QStringLiteral("time_zone"), QStringLiteral("Europe/Paris")},
                     {QStringLiteral("once_local"), QStringLiteral("2027-07-01T09:00:00")},
                     {QStringLiteral("once_at"), QStringLiteral("2027-07-01T07:00:00Z")}});
    CH_VERIFY_OK(v);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->spec.scheduleKind, ScheduleKind::Once);
    QVERIFY(job->spec.cron.isNull());
    QCOMPARE(job->onceState, OnceState::Pending);
    QCOMPARE(job->spec.onceAt, QDateTime(QDate(2027, 7, 1), QTime(7, 0), Qt::UTC));

    v = jobs.update(*id, 2,
                    {{QStringLiteral("schedule_kind"), QStringLiteral("cron")},
                     {QStringLiteral("cron"), QStringLiteral("@daily")}});
    CH_VERIFY_OK(v);
    job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->spec.scheduleKind, ScheduleKind::Cron);
    QCOMPARE(job->spec.cron, QStringLiteral("@daily"));
    QVERIFY(!job->spec.onceAt.isValid());
    QVERIFY(!job->spec.onceLocal.isValid());
    QVERIFY(!job->isOnce());
}

void TestJobs::updateRefused_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("mention");
    const auto row = [](const char *tag, const char *key, const QJsonValue &value,
                        const char *mention) {
        QTest::newRow(tag) << QJsonObject{{QString::fromLatin1(key), value}}
                           << QString::fromLatin1(mention);
    };
    row("unknown key", "colour", QStringLiteral("red"), "colour");
    row("empty name", "name", QString(), "name");
    row("zone", "time_zone", QStringLiteral("Europe/Atlantis"), "time_zone");
    row("cron", "cron", QStringLiteral("61 * *"), "cron");
    row("target type", "target_type", QStringLiteral("ftp"), "target_type");
    row("schedule kind", "schedule_kind", QStringLiteral("hourly"), "schedule_kind");
    row("enabled null", "enabled", QJsonValue::Null, "enabled");
    row("retries negative", "retries", -1, "retries");
    row("target url", "target",
        QJsonObject{{QStringLiteral("url"), QStringLiteral("gopher://old")}}, "target.url");
    row("switch to once without time", "schedule_kind", QStringLiteral("once"), "once");
}

void TestJobs::updateRefused()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, mention);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(httpJob(rowName("stable")));
    CH_VERIFY_OK(id);
    Result<JobRecord> before = jobs.byId(*id);
    CH_VERIFY_OK(before);
    Result<int> v = jobs.update(*id, 1, changes);
    QCOMPARE(kindOf(v), QStringLiteral("BadInput"));
    QVERIFY2(v.errorMessage().contains(mention), qPrintable(v.errorMessage()));
    Result<JobRecord> after = jobs.byId(*id);
    CH_VERIFY_OK(after);
    QCOMPARE(after->version, 1);
    QCOMPARE(after->spec.toJson(), before->spec.toJson());
}

void TestJobs::updateStaleVersion_data()
{
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("name");
    QTest::newRow("update") << false << QStringLiteral("shared");
    QTest::newRow("delete") << true << QStringLiteral("shared");
    // The message quotes the name; the field is read from DETAIL only, never from it.
    QTest::newRow("name quoting a field")
        << false << QStringLiteral("x cronhelm_field=target.url y");
}

void TestJobs::updateStaleVersion()
{
    QFETCH(bool, remove);
    QFETCH(QString, name);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(alice, db, "cronhelm_admin");
    CH_LOGIN_ROLE(bob, db, "cronhelm_admin");
    StoreConnection aliceConnection(db->conninfoAs(alice));
    StoreConnection bobConnection(db->conninfoAs(bob));
    JobStore aliceJobs(aliceConnection);
    JobStore bobJobs(bobConnection);

    Result<qint64> id = aliceJobs.create(httpJob(name + QLatin1Char(' ') + rowName("shared")));
    CH_VERIFY_OK(id);
    // Both open the editor at version 1; Bob saves first.
    CH_VERIFY_OK(bobJobs.update(*id, 1, {{QStringLiteral("retries"), 1}}));
    Result<JobRecord> saved = bobJobs.byId(*id);
    CH_VERIFY_OK(saved);
    QCOMPARE(saved->updatedBy, bob);

    QString message;
    QString kind;
    QString field;
    if (remove) {
        Status s = aliceJobs.remove(*id, 1);
        kind = kindOf(s);
        message = s.errorMessage();
        field = s.error().field;
    } else {
        Result<int> v = aliceJobs.update(*id, 1, {{QStringLiteral("retries"), 5}});
        kind = kindOf(v);
        message = v.errorMessage();
        field = v.error().field;
    }
    QCOMPARE(kind, QStringLiteral("Conflict"));
    QCOMPARE(field, QStringLiteral("version"));
    QVERIFY2(message.contains(bob), qPrintable(message));
    const QString when = saved->updatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(message.contains(when + QStringLiteral(" UTC")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("version 2")), qPrintable(message));

    Result<JobRecord> now = aliceJobs.byId(*id);
    CH_VERIFY_OK(now);
    QCOMPARE(now->version, 2);
    QCOMPARE(now->spec.retries, 1);
    // With the current version Alice's save goes through.
    if (remove)
        CH_VERIFY_OK(aliceJobs.remove(*id, 2));
    else
        QCOMPARE(*aliceJobs.update(*id, 2, {{QStringLiteral("retries"), 5}}), 3);
}

// The field of an error comes from the API's DETAIL line, never from the message, which
// quotes what people typed: a job named "... cronhelm_field=target.url ..." still gets the
// stale-version conflict (field "version") that makes the editor offer Reload.
void TestJobs::errorFieldIgnoresPeoplesText()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    const QString name = QStringLiteral("x cronhelm_field=target.url y");
    Result<qint64> id = jobs.create(httpJob(name));
    CH_VERIFY_OK(id);
    CH_VERIFY_OK(jobs.update(*id, 1, {{QStringLiteral("retries"), 1}}));

    Result<int> stale = jobs.update(*id, 1, {{QStringLiteral("retries"), 2}});
    QCOMPARE(kindOf(stale), QStringLiteral("Conflict"));
    QCOMPARE(stale.error().field, QStringLiteral("version"));

    Result<qint64> twin = jobs.create(httpJob(name));
    QCOMPARE(kindOf(twin), QStringLiteral("Conflict"));
    QCOMPARE(twin.error().field, QStringLiteral("name"));

    // A quoted value with a line break cannot pose as the DETAIL line that follows it.
    QJsonObject forged = httpJob(QStringLiteral("forged zone"));
    forged.insert(QStringLiteral("time_zone"),
                  QStringLiteral("Mars\nDETAIL:  cronhelm_field=version"));
    Result<qint64> refused = jobs.create(forged);
    QCOMPARE(kindOf(refused), QStringLiteral("BadInput"));
    QCOMPARE(refused.error().field, QStringLiteral("time_zone"));
}

void TestJobs::updateScheduleSince_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<bool>("moves");
    QTest::newRow("description") << QJsonObject{{QStringLiteral("description"),
                                                 QStringLiteral("x")}}
                                 << false;
    QTest::newRow("retries") << QJsonObject{{QStringLiteral("retries"), 4}} << false;
    QTest::newRow("cron") << QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 * * * *")}}
                          << true;
    QTest::newRow("zone") << QJsonObject{{QStringLiteral("time_zone"),
                                          QStringLiteral("Asia/Tokyo")}}
                          << true;
    QTest::newRow("enable") << QJsonObject{{QStringLiteral("enabled"), true}} << true;
}

void TestJobs::updateScheduleSince()
{
    QFETCH(QJsonObject, changes);
    QFETCH(bool, moves);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id =
        jobs.create(with(httpJob(rowName("since")), QStringLiteral("enabled"), false));
    CH_VERIFY_OK(id);
    CH_EXEC(db,
            QStringLiteral("UPDATE cronhelm.jobs SET schedule_since = '2020-01-01Z' WHERE id = %1")
                .arg(*id));
    CH_VERIFY_OK(jobs.update(*id, 1, changes));
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    const QDateTime old(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    if (moves)
        QVERIFY(secondsFromNow(job->scheduleSince) < 60);
    else
        QCOMPARE(job->scheduleSince, old);
}

void TestJobs::deleteKeepsHistory()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RunStore runs(connection);
    Result<qint64> id = jobs.create(httpJob(QStringLiteral("doomed")));
    CH_VERIFY_OK(id);
    Result<qint64> queued = jobs.runNow(*id);
    CH_VERIFY_OK(queued);
    Result<qint64> finished = jobs.runNow(*id);
    CH_VERIFY_OK(finished);
    CH_EXEC(db,
            QStringLiteral("UPDATE cronhelm.runs SET status = 'succeeded', started_at = now(),"
                           " finished_at = now() WHERE id = %1")
                .arg(*finished));

    CH_VERIFY_OK(jobs.remove(*id));
    QCOMPARE(kindOf(jobs.byId(*id)), QStringLiteral("NotFound"));
    QCOMPARE(kindOf(jobs.byName(QStringLiteral("doomed"))), QStringLiteral("NotFound"));
    Result<QList<JobRecord>> all = jobs.list();
    CH_VERIFY_OK(all);
    QVERIFY(all->isEmpty());

    // The history stays, under the job's name; the queued run was cancelled.
    RunFilter filter;
    filter.jobId = *id;
    Result<QList<RunRecord>> history = runs.page(filter, 10);
    CH_VERIFY_OK(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).id, *finished);
    QCOMPARE(history->at(0).status, RunStatus::Succeeded);
    QCOMPARE(history->at(0).job, QStringLiteral("doomed"));
    QCOMPARE(history->at(1).id, *queued);
    QCOMPARE(history->at(1).status, RunStatus::Cancelled);
    QVERIFY(history->at(1).finishedAt.isValid());
    QVERIFY2(history->at(1).error.contains(QLatin1String("deleted")),
             qPrintable(history->at(1).error));

    // Deleting again, or acting on it, says it does not exist; the name is free again.
    QCOMPARE(kindOf(jobs.remove(*id)), QStringLiteral("NotFound"));
    QCOMPARE(kindOf(jobs.runNow(*id)), QStringLiteral("NotFound"));
    QCOMPARE(kindOf(jobs.pause(*id)), QStringLiteral("NotFound"));
    QCOMPARE(kindOf(jobs.update(*id, 2, {})), QStringLiteral("NotFound"));
    Result<qint64> reborn = jobs.create(httpJob(QStringLiteral("doomed")));
    CH_VERIFY_OK(reborn);
    QVERIFY(*reborn != *id);
    filter.jobId.reset();
    filter.jobName = QStringLiteral("doomed");
    history = runs.page(filter, 10);
    CH_VERIFY_OK(history);
    QCOMPARE(history->size(), 2); // the old job's runs, found by name
}

void TestJobs::pauseResume()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(op, db, "cronhelm_operator");
    StoreConnection adminConnection(db->conninfo());
    StoreConnection opConnection(db->conninfoAs(op));
    JobStore admin(adminConnection);
    JobStore jobs(opConnection);
    Result<qint64> id = admin.create(httpJob(QStringLiteral("toggle")));
    CH_VERIFY_OK(id);
    CH_EXEC(db, QStringLiteral("UPDATE cronhelm.jobs SET schedule_since = '2020-01-01Z'"));

    Result<bool> changed = jobs.pause(*id);
    CH_VERIFY_OK(changed);
    QCOMPARE(*changed, true);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->spec.enabled, false);
    QCOMPARE(job->version, 2);
    QCOMPARE(job->updatedBy, op);
    QCOMPARE(job->scheduleSince, QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));

    // Pausing a paused job is no error and changes nothing.
    changed = jobs.pause(*id);
    CH_VERIFY_OK(changed);
    QCOMPARE(*changed, false);
    job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->version, 2);

    // Resuming moves schedule_since, so the slots missed while paused are not caught up.
    changed = jobs.resume(*id);
    CH_VERIFY_OK(changed);
    QCOMPARE(*changed, true);
    job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->spec.enabled, true);
    QCOMPARE(job->version, 3);
    QVERIFY(secondsFromNow(job->scheduleSince) < 60);
    changed = jobs.resume(*id);
    CH_VERIFY_OK(changed);
    QCOMPARE(*changed, false);
    job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->version, 3);
}

void TestJobs::runNow()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(op, db, "cronhelm_operator");
    StoreConnection adminConnection(db->conninfo());
    StoreConnection opConnection(db->conninfoAs(op));
    JobStore admin(adminConnection);
    JobStore jobs(opConnection);
    RunStore runs(opConnection);
    Result<qint64> id = admin.create(httpJob(QStringLiteral("press me")));
    CH_VERIFY_OK(id);
    CH_VERIFY_OK(jobs.pause(*id)); // "Run now" works on paused jobs: pressing it is explicit

    Result<qint64> runId = jobs.runNow(*id);
    CH_VERIFY_OK(runId);
    Result<RunRecord> run = runs.byId(*runId);
    CH_VERIFY_OK(run);
    QCOMPARE(run->jobId, *id);
    QCOMPARE(run->job, QStringLiteral("press me"));
    QCOMPARE(run->trigger, RunTrigger::Manual);
    QCOMPARE(run->triggeredBy, op);
    QCOMPARE(run->status, RunStatus::Queued);
    QCOMPARE(run->attempt, 1);
    QCOMPARE(run->scheduledFor, run->dueAt);
    QVERIFY(secondsFromNow(run->scheduledFor) < 60);
    QVERIFY(!run->startedAt.isValid());
    QVERIFY(run->node.isNull());

    // Pressing twice queues two runs: manual runs are not slots.
    Result<qint64> second = jobs.runNow(*id);
    CH_VERIFY_OK(second);
    QVERIFY(*second > *runId);
}

void TestJobs::cancelRun_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected"); // the returned status or an error kind
    QTest::newRow("queued") << QStringLiteral("queued") << QStringLiteral("cancelled");
    QTest::newRow("running") << QStringLiteral("running") << QStringLiteral("cancelling");
    QTest::newRow("succeeded") << QStringLiteral("succeeded") << QStringLiteral("Conflict");
    QTest::newRow("failed") << QStringLiteral("failed") << QStringLiteral("Conflict");
    QTest::newRow("cancelled") << QStringLiteral("cancelled") << QStringLiteral("Conflict");
    QTest::newRow("no such run") << QString() << QStringLiteral("NotFound");
}

void TestJobs::cancelRun()
{
    QFETCH(QString, status);
    QFETCH(QString, expected);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(op, db, "cronhelm_operator");
    StoreConnection adminConnection(db->conninfo());
    StoreConnection opConnection(db->conninfoAs(op));
    JobStore admin(adminConnection);
    JobStore jobs(opConnection);
    RunStore runs(opConnection);
    Result<qint64> id = admin.create(httpJob(rowName("stop it")));
    CH_VERIFY_OK(id);
    Result<qint64> runId = admin.runNow(*id);
    CH_VERIFY_OK(runId);
    if (status == QLatin1String("running")) {
        CH_EXEC(db,
                QStringLiteral("UPDATE cronhelm.runs SET status = 'running',"
                               " started_at = now(), node_id = 'n1', term = 1 WHERE id = %1")
                    .arg(*runId));
    } else if (!status.isEmpty() && status != QLatin1String("queued")) {
        CH_EXEC(db,
                QStringLiteral("UPDATE cronhelm.runs SET status = '%1', started_at = now(),"
                               " finished_at = now() WHERE id = %2")
                    .arg(status)
                    .arg(*runId));
    }
    const qint64 target = status.isEmpty() ? *runId + 1000 : *runId;

    Result<QString> result = jobs.cancelRun(target);
    if (expected == QLatin1String("Conflict") || expected == QLatin1String("NotFound")) {
        QCOMPARE(kindOf(result), expected);
        QVERIFY2(result.errorMessage().contains(QString::number(target)),
                 qPrintable(result.errorMessage()));
        if (!status.isEmpty()) {
            Result<RunRecord> run = runs.byId(*runId);
            CH_VERIFY_OK(run);
            QCOMPARE(wireName(run->status), status);
        }
        return;
    }
    CH_VERIFY_OK(result);
    QCOMPARE(*result, expected);
    Result<RunRecord> run = runs.byId(*runId);
    CH_VERIFY_OK(run);
    if (expected == QLatin1String("cancelled")) {
        QCOMPARE(run->status, RunStatus::Cancelled);
        QVERIFY(run->finishedAt.isValid());
        QVERIFY2(run->error.contains(op), qPrintable(run->error));
    } else {
        // The executor stops it and records the outcome; until then it is running.
        QCOMPARE(run->status, RunStatus::Running);
        QCOMPARE(run->cancelRequested, true);
        QVERIFY(!run->finishedAt.isValid());
        // Asking again is harmless.
        Result<QString> again = jobs.cancelRun(*runId);
        CH_VERIFY_OK(again);
        QCOMPARE(*again, QStringLiteral("cancelling"));
    }
}

void TestJobs::cancelOnce_data()
{
    QTest::addColumn<QString>("state"); // once_state, or "cron" for a cron job
    QTest::addColumn<QString>("expected");
    QTest::newRow("pending") << QStringLiteral("pending") << QStringLiteral("ok");
    QTest::newRow("completed") << QStringLiteral("completed") << QStringLiteral("Conflict");
    QTest::newRow("cancelled") << QStringLiteral("cancelled") << QStringLiteral("Conflict");
    QTest::newRow("cron job") << QStringLiteral("cron") << QStringLiteral("BadInput");
}

void TestJobs::cancelOnce()
{
    QFETCH(QString, state);
    QFETCH(QString, expected);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(op, db, "cronhelm_operator");
    StoreConnection adminConnection(db->conninfo());
    StoreConnection opConnection(db->conninfoAs(op));
    JobStore admin(adminConnection);
    JobStore jobs(opConnection);
    const QJsonObject spec = state == QLatin1String("cron") ? httpJob(QString()) : fullOnceSpec();
    Result<qint64> id = admin.create(with(spec, QStringLiteral("name"), rowName("once")));
    CH_VERIFY_OK(id);
    if (state != QLatin1String("cron") && state != QLatin1String("pending")) {
        CH_EXEC(db,
                QStringLiteral("UPDATE cronhelm.jobs SET once_state = '%1' WHERE id = %2")
                    .arg(state)
                    .arg(*id));
    }

    Status s = jobs.cancelOnce(*id);
    QCOMPARE(kindOf(s), expected);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    if (expected == QLatin1String("ok")) {
        QCOMPARE(job->onceState, OnceState::Cancelled);
        QCOMPARE(job->version, 2);
        QCOMPARE(job->updatedBy, op);
    } else {
        QCOMPARE(job->version, 1);
        if (state != QLatin1String("cron"))
            QVERIFY2(s.errorMessage().contains(state), qPrintable(s.errorMessage()));
    }
}

void TestJobs::notFound_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("byId") << 0;
    QTest::newRow("update") << 1;
    QTest::newRow("remove") << 2;
    QTest::newRow("pause") << 3;
    QTest::newRow("resume") << 4;
    QTest::newRow("runNow") << 5;
    QTest::newRow("cancelOnce") << 6;
    QTest::newRow("byName") << 7;
}

void TestJobs::notFound()
{
    QFETCH(int, operation);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    const qint64 missing = 4242;
    QString kind;
    QString message;
    switch (operation) {
    case 0:
        kind = kindOf(jobs.byId(missing));
        message = jobs.byId(missing).errorMessage();
        break;
    case 1:
        kind = kindOf(jobs.update(missing, 1, {}));
        message = jobs.update(missing, 1, {}).errorMessage();
        break;
    case 2:
        kind = kindOf(jobs.remove(missing));
        message = jobs.remove(missing).errorMessage();
        break;
    case 3:
        kind = kindOf(jobs.pause(missing));
        message = jobs.pause(missing).errorMessage();
        break;
    case 4:
        kind = kindOf(jobs.resume(missing));
        message = jobs.resume(missing).errorMessage();
        break;
    case 5:
        kind = kindOf(jobs.runNow(missing));
        message = jobs.runNow(missing).errorMessage();
        break;
    case 6:
        kind = kindOf(jobs.cancelOnce(missing));
        message = jobs.cancelOnce(missing).errorMessage();
        break;
    case 7:
        kind = kindOf(jobs.byName(QStringLiteral("nobody")));
        message = jobs.byName(QStringLiteral("nobody")).errorMessage() + QString::number(missing);
        break;
    }
    QCOMPARE(kind, QStringLiteral("NotFound"));
    QVERIFY2(message.contains(QString::number(missing)), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
