// `cronhelmctl job …` against a real store: add (every option into the spec), show, list,
// edit (only given options change; rename; optimistic versioning), pause/resume/delete,
// run-now, cancel-once; the exit codes 2/3/4/5 the database's answers map to; names with
// quotes and emoji round-tripping byte for byte.

#include "ctlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace Cronhelm::Test;

namespace {

QStringList ctlArgs(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

QJsonObject showJson(const TestDatabase &db, const QString &name)
{
    const CtlResult r =
        runCtlOn(db.conninfo(),
                 {QStringLiteral("job"), QStringLiteral("show"), name, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("%s", r.describe().constData());
    return QJsonDocument::fromJson(r.out).object();
}

// Creates a cron shell job; returns the id cronhelmctl printed, or -1.
qint64 addJob(const TestDatabase &db, const QString &name, const QStringList &extra = {})
{
    const CtlResult r =
        runCtlOn(db.conninfo(),
                 QStringList{QStringLiteral("job"), QStringLiteral("add"), name,
                             QStringLiteral("--cron"), QStringLiteral("*/5 * * * *"),
                             QStringLiteral("--shell"), QStringLiteral("echo hi")}
                     + extra);
    static const QRegularExpression created(QStringLiteral("^created job (\\d+) \""));
    const QRegularExpressionMatch m = created.match(r.text());
    if (r.exitCode != 0 || !m.hasMatch()) {
        qWarning("%s", r.describe().constData());
        return -1;
    }
    return m.captured(1).toLongLong();
}

} // namespace

class TestCtlJobs : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip_data();
    void namesRoundTrip();
    void addHttpJobWithEveryOption();
    void addShellJob();
    void onceSchedules_data();
    void onceSchedules();
    void cancelOnce();
    void editChangesOnlyGivenOptions();
    void editRenameAndRetarget();
    void editOnceMovesWithZone();
    void staleEditIsAConflict();
    void pauseResumeDelete();
    void runNowPrintsRunId();
    void listTableAndJson();
    void notFound_data();
    void notFound();
    void conflicts();
    void namesAreFoundRegardlessOfCase();
    void refusedByDatabaseRules();
    void permissions_data();
    void permissions();
    void warnsAboutLiteralCredentials();
};

void TestCtlJobs::namesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("nightly-sync");
    QTest::newRow("quotes and emoji") << QStringLiteral("it's \"x\" 🚀");
    QTest::newRow("non-latin") << QStringLiteral("Größe 日本語 ✓");
    QTest::newRow("shell metacharacters") << QStringLiteral("a;b $HOME `x` \\n %1 *");
    QTest::newRow("trailing space") << QStringLiteral("spaced ");
}

void TestCtlJobs::namesRoundTrip()
{
    QFETCH(QString, name);
    CTL_DATABASE(db, QStringLiteral("cli names"));
    const CtlResult add =
        runCtlOn(db->conninfo(),
                 {QStringLiteral("job"), QStringLiteral("add"), name, QStringLiteral("--cron"),
                  QStringLiteral("@daily"), QStringLiteral("--http"),
                  QStringLiteral("https://example.org/")});
    CTL_EXPECT_EXIT(add, 0);
    const QString id = db->scalar(QStringLiteral("SELECT id FROM cronhelm.jobs")).value();
    QCOMPARE(add.text(), QStringLiteral("created job %1 \"%2\"\n").arg(id, name));
    // The database holds exactly these characters.
    QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM cronhelm.jobs")).value(), name);

    const CtlResult show =
        runCtlOn(db->conninfo(), {QStringLiteral("job"), QStringLiteral("show"), name});
    CTL_EXPECT_EXIT(show, 0);
    const QString first = show.lines().value(0);
    QVERIFY2(first.startsWith(QLatin1String("name:")), show.describe().constData());
    QCOMPARE(first.mid(5).remove(QRegularExpression(QStringLiteral("^ +"))), name);

    QCOMPARE(showJson(*db, name).value(QStringLiteral("name")).toString(), name);

    const CtlResult list =
        runCtlOn(db->conninfo(), {QStringLiteral("job"), QStringLiteral("list")});
    CTL_EXPECT_EXIT(list, 0);
    QVERIFY2(list.text().contains(name), list.describe().constData());
}

void TestCtlJobs::addHttpJobWithEveryOption()
{
    CTL_DATABASE(db, QStringLiteral("cli add http"));
    const CtlResult r = runCtlOn(db->conninfo(),
                                 {QStringLiteral("job"),
                                  QStringLiteral("add"),
                                  QStringLiteral("crm sync"),
                                  QStringLiteral("--cron"),
                                  QStringLiteral("0 */2 * * MON-FRI"),
                                  QStringLiteral("--tz"),
                                  QStringLiteral("Europe/Berlin"),
                                  QStringLiteral("--http"),
                                  QStringLiteral("https://fn.example.org/crm?full=1"),
                                  QStringLiteral("--method"),
                                  QStringLiteral("post"),
                                  QStringLiteral("--header"),
                                  QStringLiteral("Authorization: Bearer ${env:CRM_TOKEN}"),
                                  QStringLiteral("--header"),
                                  QStringLiteral("X-Team: data"),
                                  QStringLiteral("--body"),
                                  QStringLiteral("{\"since\":\"yesterday\"}"),
                                  QStringLiteral("--expect-status"),
                                  QStringLiteral("200-204"),
                                  QStringLiteral("--fail-if-body-matches"),
                                  QStringLiteral("\"error\""),
                                  QStringLiteral("--timeout"),
                                  QStringLiteral("25m"),
                                  QStringLiteral("--retries"),
                                  QStringLiteral("3"),
                                  QStringLiteral("--retry-backoff"),
                                  QStringLiteral("fixed"),
                                  QStringLiteral("--retry-delay"),
                                  QStringLiteral("45"),
                                  QStringLiteral("--concurrency"),
                                  QStringLiteral("replace"),
                                  QStringLiteral("--misfire"),
                                  QStringLiteral("skip"),
                                  QStringLiteral("--notify-slack"),
                                  QStringLiteral("https://hooks.slack.example/T/B/x"),
                                  QStringLiteral("--notify-webhook"),
                                  QStringLiteral("https://ops.example.org/hook"),
                                  QStringLiteral("--notify-on"),
                                  QStringLiteral("failure,success"),
                                  QStringLiteral("--notify-on"),
                                  QStringLiteral("recovery"),
                                  QStringLiteral("--paused"),
                                  QStringLiteral("--description"),
                                  QStringLiteral("Copies the CRM"),
                                  QStringLiteral("--owner"),
                                  QStringLiteral("data-team@example.org")});
    CTL_EXPECT_EXIT(r, 0);

    const QJsonObject job = showJson(*db, QStringLiteral("crm sync"));
    QCOMPARE(job.value(QStringLiteral("schedule_kind")).toString(), QStringLiteral("cron"));
    QCOMPARE(job.value(QStringLiteral("cron")).toString(), QStringLiteral("0 */2 * * MON-FRI"));
    QCOMPARE(job.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(job.value(QStringLiteral("target_type")).toString(), QStringLiteral("http"));
    const QJsonObject target = job.value(QStringLiteral("target")).toObject();
    QCOMPARE(target.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://fn.example.org/crm?full=1"));
    QCOMPARE(target.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    const QJsonObject headers = target.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("Authorization")).toString(),
             QStringLiteral("Bearer ${env:CRM_TOKEN}"));
    QCOMPARE(headers.value(QStringLiteral("X-Team")).toString(), QStringLiteral("data"));
    QCOMPARE(target.value(QStringLiteral("body")).toString(),
             QStringLiteral("{\"since\":\"yesterday\"}"));
    QCOMPARE(target.value(QStringLiteral("expect_status")).toString(), QStringLiteral("200-204"));
    QCOMPARE(target.value(QStringLiteral("fail_if_body_matches")).toString(),
             QStringLiteral("\"error\""));
    QCOMPARE(job.value(QStringLiteral("timeout_s")).toInt(), 1500);
    QCOMPARE(job.value(QStringLiteral("retries")).toInt(), 3);
    QCOMPARE(job.value(QStringLiteral("retry_backoff")).toString(), QStringLiteral("fixed"));
    QCOMPARE(job.value(QStringLiteral("retry_delay_s")).toInt(), 45);
    QCOMPARE(job.value(QStringLiteral("concurrency")).toString(), QStringLiteral("replace"));
    QCOMPARE(job.value(QStringLiteral("misfire")).toString(), QStringLiteral("skip"));
    QCOMPARE(job.value(QStringLiteral("enabled")).toBool(), false);
    QCOMPARE(job.value(QStringLiteral("paused")).toBool(), true);
    QCOMPARE(job.value(QStringLiteral("description")).toString(), QStringLiteral("Copies the CRM"));
    QCOMPARE(job.value(QStringLiteral("owner")).toString(),
             QStringLiteral("data-team@example.org"));
    const QJsonArray notify = job.value(QStringLiteral("notify")).toArray();
    QCOMPARE(notify.size(), 2);
    const QJsonArray on = {QStringLiteral("failure"), QStringLiteral("success"),
                           QStringLiteral("recovery")};
    QCOMPARE(notify.at(0).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("slack"));
    QCOMPARE(notify.at(0).toObject().value(QStringLiteral("on")).toArray(), on);
    QCOMPARE(notify.at(1).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("webhook"));
    QCOMPARE(notify.at(1).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://ops.example.org/hook"));

    // The human form shows the same job.
    const CtlResult show =
        runCtlOn(db->conninfo(),
                 {QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("crm sync")});
    CTL_EXPECT_EXIT(show, 0);
    for (const char *expected :
         {"HTTP POST https://fn.example.org/crm?full=1", "Authorization: Bearer ${env:CRM_TOKEN}",
          "0 */2 * * MON-FRI", "Europe/Berlin", "replace", "data-team@example.org"}) {
        QVERIFY2(show.text().contains(QString::fromUtf8(expected)), show.describe().constData());
    }
}

void TestCtlJobs::addShellJob()
{
    CTL_DATABASE(db, QStringLiteral("cli add shell"));
    QVERIFY(addJob(*db, QStringLiteral("backup"),
                   {QStringLiteral("--workdir"), QStringLiteral("/srv"), QStringLiteral("--env"),
                    QStringLiteral("MODE=full"), QStringLiteral("--env"),
                    QStringLiteral("TOKEN=${env:BACKUP_TOKEN}"), QStringLiteral("--timeout"),
                    QStringLiteral("90")})
            > 0);
    const QJsonObject job = showJson(*db, QStringLiteral("backup"));
    QCOMPARE(job.value(QStringLiteral("target_type")).toString(), QStringLiteral("shell"));
    const QJsonObject target = job.value(QStringLiteral("target")).toObject();
    QCOMPARE(target.value(QStringLiteral("command")).toString(), QStringLiteral("echo hi"));
    QCOMPARE(target.value(QStringLiteral("workdir")).toString(), QStringLiteral("/srv"));
    const QJsonObject env = target.value(QStringLiteral("env")).toObject();
    QCOMPARE(env.value(QStringLiteral("MODE")).toString(), QStringLiteral("full"));
    QCOMPARE(env.value(QStringLiteral("TOKEN")).toString(), QStringLiteral("${env:BACKUP_TOKEN}"));
    QCOMPARE(job.value(QStringLiteral("timeout_s")).toInt(), 90);
    // Defaults of the SQL API where nothing was said; UTC when no --tz.
    QCOMPARE(job.value(QStringLiteral("time_zone")).toString(), QStringLiteral("UTC"));
    QCOMPARE(job.value(QStringLiteral("concurrency")).toString(), QStringLiteral("forbid"));
    QCOMPARE(job.value(QStringLiteral("misfire")).toString(), QStringLiteral("run_once"));
    QCOMPARE(job.value(QStringLiteral("enabled")).toBool(), true);
    QVERIFY(!job.value(QStringLiteral("next_run_at")).isNull());
}

void TestCtlJobs::onceSchedules_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("onceLocal");
    QTest::addColumn<QString>("onceAt");
    QTest::newRow("berlin winter")
        << ctlArgs({"--once", "2027-02-10T03:00", "--tz", "Europe/Berlin"})
        << QStringLiteral("Europe/Berlin") << QStringLiteral("2027-02-10T03:00:00")
        << QStringLiteral("2027-02-10T02:00:00.000Z");
    QTest::newRow("utc by default, with seconds")
        << ctlArgs({"--once", "2027-01-01 00:00:30"}) << QStringLiteral("UTC")
        << QStringLiteral("2027-01-01T00:00:30") << QStringLiteral("2027-01-01T00:00:30.000Z");
    QTest::newRow("overlap, first occurrence (EDT)")
        << ctlArgs(
               {"--once", "2027-11-07T01:30", "--tz", "America/New_York", "--occurrence", "first"})
        << QStringLiteral("America/New_York") << QStringLiteral("2027-11-07T01:30:00")
        << QStringLiteral("2027-11-07T05:30:00.000Z");
    QTest::newRow("overlap, second occurrence (EST)")
        << ctlArgs(
               {"--once", "2027-11-07T01:30", "--tz", "America/New_York", "--occurrence", "second"})
        << QStringLiteral("America/New_York") << QStringLiteral("2027-11-07T01:30:00")
        << QStringLiteral("2027-11-07T06:30:00.000Z");
}

void TestCtlJobs::onceSchedules()
{
    QFETCH(QStringList, args);
    QFETCH(QString, zone);
    QFETCH(QString, onceLocal);
    QFETCH(QString, onceAt);
    CTL_DATABASE(db, QStringLiteral("cli once"));
    const CtlResult r =
        runCtlOn(db->conninfo(),
                 QStringList{QStringLiteral("job"), QStringLiteral("add"), QStringLiteral("deploy"),
                             QStringLiteral("--shell"), QStringLiteral("./deploy.sh")}
                     + args);
    CTL_EXPECT_EXIT(r, 0);
    const QJsonObject job = showJson(*db, QStringLiteral("deploy"));
    QCOMPARE(job.value(QStringLiteral("schedule_kind")).toString(), QStringLiteral("once"));
    QCOMPARE(job.value(QStringLiteral("time_zone")).toString(), zone);
    QCOMPARE(job.value(QStringLiteral("once_local")).toString(), onceLocal);
    QCOMPARE(job.value(QStringLiteral("once_at")).toString(), onceAt);
    QCOMPARE(job.value(QStringLiteral("once_state")).toString(), QStringLiteral("pending"));
    QCOMPARE(job.value(QStringLiteral("next_run_at")).toString(), onceAt);
}

void TestCtlJobs::cancelOnce()
{
    CTL_DATABASE(db, QStringLiteral("cli cancel once"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "add", "deploy", "--once", "2030-01-01T00:00",
                                      "--shell", "true"})),
                    0);
    const CtlResult cancel = runCtlOn(db->conninfo(), ctlArgs({"job", "cancel-once", "deploy"}));
    CTL_EXPECT_EXIT(cancel, 0);
    const QJsonObject job = showJson(*db, QStringLiteral("deploy"));
    QCOMPARE(job.value(QStringLiteral("once_state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(job.value(QStringLiteral("next_run_at")).isNull());
    // Already cancelled: a conflict.
    const CtlResult again = runCtlOn(db->conninfo(), ctlArgs({"job", "cancel-once", "deploy"}));
    CTL_EXPECT_EXIT(again, 5);
    // Not a one-off job: bad input.
    QVERIFY(addJob(*db, QStringLiteral("cron job")) > 0);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "cancel-once", "cron job"})), 2);
}

void TestCtlJobs::editChangesOnlyGivenOptions()
{
    CTL_DATABASE(db, QStringLiteral("cli edit"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job",
                                      "add",
                                      "hook",
                                      "--cron",
                                      "0 3 * * *",
                                      "--tz",
                                      "Europe/Paris",
                                      "--http",
                                      "https://example.org/a",
                                      "--method",
                                      "PUT",
                                      "--header",
                                      "A: 1",
                                      "--header",
                                      "B: 2",
                                      "--retries",
                                      "2",
                                      "--notify-webhook",
                                      "https://ops.example.org/h",
                                      "--owner",
                                      "ops"})),
                    0);
    const CtlResult edit = runCtlOn(
        db->conninfo(),
        ctlArgs({"job", "edit", "hook", "--retries", "5", "--header", "C: 3", "--remove-header",
                 "A", "--description", "changed", "--notify-on", "failure"}));
    CTL_EXPECT_EXIT(edit, 0);
    QVERIFY2(edit.text().startsWith(QLatin1String("updated job ")), edit.describe().constData());
    QVERIFY2(edit.text().contains(QLatin1String("version 2")), edit.describe().constData());

    const QJsonObject job = showJson(*db, QStringLiteral("hook"));
    QCOMPARE(job.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(job.value(QStringLiteral("retries")).toInt(), 5);
    QCOMPARE(job.value(QStringLiteral("description")).toString(), QStringLiteral("changed"));
    // Untouched:
    QCOMPARE(job.value(QStringLiteral("cron")).toString(), QStringLiteral("0 3 * * *"));
    QCOMPARE(job.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Paris"));
    QCOMPARE(job.value(QStringLiteral("owner")).toString(), QStringLiteral("ops"));
    const QJsonObject target = job.value(QStringLiteral("target")).toObject();
    QCOMPARE(target.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://example.org/a"));
    QCOMPARE(target.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    const QJsonObject headers = target.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.keys(), QStringList({QStringLiteral("B"), QStringLiteral("C")}));
    const QJsonArray notify = job.value(QStringLiteral("notify")).toArray();
    QCOMPARE(notify.size(), 1);
    QCOMPARE(notify.at(0).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://ops.example.org/h"));
    QCOMPARE(notify.at(0).toObject().value(QStringLiteral("on")).toArray(),
             QJsonArray({QStringLiteral("failure")}));

    // Pause and resume through edit; nothing to change is a usage error.
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "hook", "--paused"})), 0);
    QCOMPARE(showJson(*db, QStringLiteral("hook")).value(QStringLiteral("enabled")).toBool(),
             false);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "hook", "--resume"})), 0);
    QCOMPARE(showJson(*db, QStringLiteral("hook")).value(QStringLiteral("enabled")).toBool(), true);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "hook"})), 2);
    // The audit trail saw every change.
    QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM cronhelm.audit_log "
                                       "WHERE action = 'update_job'"))
                 .value(),
             QStringLiteral("3"));
}

void TestCtlJobs::editRenameAndRetarget()
{
    CTL_DATABASE(db, QStringLiteral("cli rename"));
    QVERIFY(addJob(*db, QStringLiteral("old name")) > 0);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "edit", "old name", "--name", "new 🚀 name", "--http",
                                      "https://example.org/x", "--method", "POST"})),
                    0);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "show", "old name"})), 4);
    const QJsonObject job = showJson(*db, QStringLiteral("new 🚀 name"));
    QCOMPARE(job.value(QStringLiteral("target_type")).toString(), QStringLiteral("http"));
    const QJsonObject target = job.value(QStringLiteral("target")).toObject();
    QCOMPARE(target.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://example.org/x"));
    QCOMPARE(target.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QVERIFY(!target.contains(QStringLiteral("command")));
    // A shell option on what is now an HTTP job is refused.
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "new 🚀 name", "--workdir", "/tmp"})), 2);
}

void TestCtlJobs::editOnceMovesWithZone()
{
    CTL_DATABASE(db, QStringLiteral("cli once zone"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "add", "deploy", "--once", "2027-02-10T03:00", "--tz",
                                      "Europe/Berlin", "--shell", "true"})),
                    0);
    // The same wall-clock time, now read in New York.
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "deploy", "--tz", "America/New_York"})),
        0);
    QJsonObject job = showJson(*db, QStringLiteral("deploy"));
    QCOMPARE(job.value(QStringLiteral("once_local")).toString(),
             QStringLiteral("2027-02-10T03:00:00"));
    QCOMPARE(job.value(QStringLiteral("once_at")).toString(),
             QStringLiteral("2027-02-10T08:00:00.000Z"));
    // A new local time in the job's zone; a gap is refused.
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "deploy", "--once", "2027-03-14T02:30"})),
        2);
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "deploy", "--once", "2027-03-14T04:00"})),
        0);
    job = showJson(*db, QStringLiteral("deploy"));
    QCOMPARE(job.value(QStringLiteral("once_at")).toString(),
             QStringLiteral("2027-03-14T08:00:00.000Z"));
}

void TestCtlJobs::staleEditIsAConflict()
{
    CTL_DATABASE(db, QStringLiteral("cli stale"));
    const qint64 id = addJob(*db, QStringLiteral("report"));
    QVERIFY(id > 0);
    QCOMPARE(showJson(*db, QStringLiteral("report")).value(QStringLiteral("version")).toInt(), 1);
    // Someone else saves in between, e.g. from psql.
    QVERIFY(db->query(QStringLiteral("SELECT cronhelm.update_job(%1, 1, "
                                     "'{\"description\": \"theirs\"}')")
                          .arg(id))
                .ok());
    const CtlResult stale = runCtlOn(
        db->conninfo(),
        ctlArgs({"job", "edit", "report", "--description", "mine", "--expect-version", "1"}));
    CTL_EXPECT_EXIT(stale, 5);
    QVERIFY2(stale.err.startsWith(QLatin1String("cronhelmctl: ")), stale.describe().constData());
    QVERIFY2(stale.err.contains(QLatin1String("changed by cronhelm")),
             stale.describe().constData());
    QVERIFY2(stale.err.contains(QLatin1String("version 2")), stale.describe().constData());
    QCOMPARE(
        showJson(*db, QStringLiteral("report")).value(QStringLiteral("description")).toString(),
        QStringLiteral("theirs"));
    // Without a stale version the edit applies to what it just read.
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "report", "--description", "mine"})), 0);
    QCOMPARE(
        showJson(*db, QStringLiteral("report")).value(QStringLiteral("description")).toString(),
        QStringLiteral("mine"));
}

void TestCtlJobs::pauseResumeDelete()
{
    CTL_DATABASE(db, QStringLiteral("cli pause"));
    QVERIFY(addJob(*db, QStringLiteral("j")) > 0);
    CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"job", "pause", "j"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("paused job \"j\"\n"));
    QCOMPARE(showJson(*db, QStringLiteral("j")).value(QStringLiteral("paused")).toBool(), true);
    QVERIFY(showJson(*db, QStringLiteral("j")).value(QStringLiteral("next_run_at")).isNull());
    r = runCtlOn(db->conninfo(), ctlArgs({"job", "pause", "j"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("job \"j\" was already paused\n"));
    r = runCtlOn(db->conninfo(), ctlArgs({"job", "resume", "j"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("resumed job \"j\"\n"));
    QCOMPARE(showJson(*db, QStringLiteral("j")).value(QStringLiteral("paused")).toBool(), false);

    r = runCtlOn(db->conninfo(), ctlArgs({"job", "delete", "j"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("deleted job \"j\"\n"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "show", "j"})), 4);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "delete", "j"})), 4);
    r = runCtlOn(db->conninfo(), ctlArgs({"job", "list", "--json"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array(), QJsonArray());
    // The name is free again.
    QVERIFY(addJob(*db, QStringLiteral("j")) > 0);
}

void TestCtlJobs::runNowPrintsRunId()
{
    CTL_DATABASE(db, QStringLiteral("cli run now"));
    QVERIFY(addJob(*db, QStringLiteral("j"), {QStringLiteral("--paused")}) > 0);
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"job", "run-now", "j"}));
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\n$")).match(r.text()).hasMatch(),
             r.describe().constData());
    const QString runId = r.text().trimmed();
    const QStringList row = db->query(QStringLiteral("SELECT trigger, status, triggered_by "
                                                     "FROM cronhelm.runs WHERE id = %1")
                                          .arg(runId))
                                .value()
                                .value(0);
    QCOMPARE(row,
             QStringList(
                 {QStringLiteral("manual"), QStringLiteral("queued"), QStringLiteral("cronhelm")}));
}

void TestCtlJobs::listTableAndJson()
{
    CTL_DATABASE(db, QStringLiteral("cli list"));
    QVERIFY(
        addJob(*db, QStringLiteral("b job"), {QStringLiteral("--tz"), QStringLiteral("Asia/Tokyo")})
        > 0);
    QVERIFY(addJob(*db, QStringLiteral("a job"), {QStringLiteral("--paused")}) > 0);

    CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"job", "list"}));
    CTL_EXPECT_EXIT(r, 0);
    const QStringList lines = r.lines();
    QCOMPARE(lines.size(), 3);
    for (const char *column :
         {"ID", "NAME", "SCHEDULE", "ZONE", "NEXT RUN", "LAST STATUS", "PAUSED"})
        QVERIFY2(lines.at(0).contains(QLatin1String(column)), r.describe().constData());
    QVERIFY(lines.at(1).contains(QLatin1String("a job")));
    QVERIFY(lines.at(1).contains(QLatin1String("yes")));
    QVERIFY(lines.at(2).contains(QLatin1String("b job")));
    QVERIFY(lines.at(2).contains(QLatin1String("Asia/Tokyo")));
    QVERIFY(lines.at(2).contains(QLatin1String("*/5 * * * *")));

    r = runCtlOn(db->conninfo(), ctlArgs({"job", "list", "--json"}));
    CTL_EXPECT_EXIT(r, 0);
    QJsonParseError error;
    const QJsonArray jobs = QJsonDocument::fromJson(r.out, &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(jobs.size(), 2);
    for (const QJsonValue &v : jobs) {
        const QJsonObject job = v.toObject();
        for (const char *key : {"id", "name", "cron", "time_zone", "next_run_at", "last_status",
                                "paused", "target", "version"})
            QVERIFY2(job.contains(QLatin1String(key)), key);
    }
    QCOMPARE(jobs.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("a job"));
    QVERIFY(jobs.at(0).toObject().value(QStringLiteral("next_run_at")).isNull());
    QVERIFY(jobs.at(1).toObject().value(QStringLiteral("next_run_at")).isString());
}

void TestCtlJobs::notFound_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("show") << ctlArgs({"job", "show", "nope"});
    QTest::newRow("edit") << ctlArgs({"job", "edit", "nope", "--retries", "1"});
    QTest::newRow("pause") << ctlArgs({"job", "pause", "nope"});
    QTest::newRow("resume") << ctlArgs({"job", "resume", "nope"});
    QTest::newRow("delete") << ctlArgs({"job", "delete", "nope"});
    QTest::newRow("run-now") << ctlArgs({"job", "run-now", "nope"});
    QTest::newRow("cancel-once") << ctlArgs({"job", "cancel-once", "nope"});
    QTest::newRow("runs show") << ctlArgs({"runs", "show", "424242"});
    QTest::newRow("runs log") << ctlArgs({"runs", "log", "424242"});
    QTest::newRow("runs cancel") << ctlArgs({"runs", "cancel", "424242"});
}

void TestCtlJobs::notFound()
{
    QFETCH(QStringList, args);
    CTL_DATABASE(db, QStringLiteral("cli not found"));
    const CtlResult r = runCtlOn(db->conninfo(), args);
    CTL_EXPECT_EXIT(r, 4);
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
}

void TestCtlJobs::conflicts()
{
    CTL_DATABASE(db, QStringLiteral("cli conflicts"));
    QVERIFY(addJob(*db, QStringLiteral("one")) > 0);
    QVERIFY(addJob(*db, QStringLiteral("two")) > 0);
    CtlResult r = runCtlOn(db->conninfo(),
                           ctlArgs({"job", "add", "one", "--cron", "@daily", "--shell", "true"}));
    CTL_EXPECT_EXIT(r, 5);
    QVERIFY2(r.err.contains(QLatin1String("already exists")), r.describe().constData());
    r = runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "two", "--name", "one"}));
    CTL_EXPECT_EXIT(r, 5);
}

// Names are unique regardless of case, so the CLI and SQL find a job that way too.
void TestCtlJobs::namesAreFoundRegardlessOfCase()
{
    CTL_DATABASE(db, QStringLiteral("cli name case"));
    const qint64 id = addJob(*db, QStringLiteral("Sales Report Ä"));
    QVERIFY(id > 0);
    const CtlResult show =
        runCtlOn(db->conninfo(), ctlArgs({"job", "show", "sales report ä", "--json"}));
    CTL_EXPECT_EXIT(show, 0);
    QCOMPARE(QJsonDocument::fromJson(show.out).object().value(QStringLiteral("id")).toInteger(),
             id);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "pause", "SALES REPORT Ä"})), 0);
    QCOMPARE(db->scalar(QStringLiteral("SELECT cronhelm.job_id('sales REPORT ä')")).value(),
             QString::number(id));
    QCOMPARE(db->scalar(QStringLiteral("SELECT enabled FROM cronhelm.jobs")).value(),
             QStringLiteral("f"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"job", "show", "sales"})), 4);
}

void TestCtlJobs::refusedByDatabaseRules()
{
    CTL_DATABASE(db, QStringLiteral("cli db rules"));
    // Checks only the database makes (the URL's host, the timeout's range) are exit 2 too.
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(),
                 ctlArgs({"job", "add", "j", "--cron", "@daily", "--http", "https://"})),
        2);
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "add", "j", "--cron", "@daily", "--shell", "true",
                                      "--timeout", "0"})),
                    2);
    QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM cronhelm.jobs")).value(),
             QStringLiteral("0"));
}

void TestCtlJobs::permissions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("viewer lists") << QStringLiteral("cronhelm_viewer") << ctlArgs({"job", "list"})
                                  << 0;
    QTest::newRow("viewer shows") << QStringLiteral("cronhelm_viewer")
                                  << ctlArgs({"job", "show", "j"}) << 0;
    QTest::newRow("viewer run-now")
        << QStringLiteral("cronhelm_viewer") << ctlArgs({"job", "run-now", "j"}) << 3;
    QTest::newRow("viewer pause") << QStringLiteral("cronhelm_viewer")
                                  << ctlArgs({"job", "pause", "j"}) << 3;
    QTest::newRow("operator run-now")
        << QStringLiteral("cronhelm_operator") << ctlArgs({"job", "run-now", "j"}) << 0;
    QTest::newRow("operator pause")
        << QStringLiteral("cronhelm_operator") << ctlArgs({"job", "pause", "j"}) << 0;
    QTest::newRow("operator adds a shell job")
        << QStringLiteral("cronhelm_operator")
        << ctlArgs({"job", "add", "k", "--cron", "@daily", "--shell", "rm -rf /tmp/x"}) << 3;
    QTest::newRow("operator edits") << QStringLiteral("cronhelm_operator")
                                    << ctlArgs({"job", "edit", "j", "--retries", "1"}) << 3;
    QTest::newRow("operator deletes")
        << QStringLiteral("cronhelm_operator") << ctlArgs({"job", "delete", "j"}) << 3;
    QTest::newRow("admin adds a shell job")
        << QStringLiteral("cronhelm_admin")
        << ctlArgs({"job", "add", "k", "--cron", "@daily", "--shell", "true"}) << 3;
    QTest::newRow("shell admin adds a shell job")
        << QStringLiteral("cronhelm_shell_admin")
        << ctlArgs({"job", "add", "k", "--cron", "@daily", "--shell", "true"}) << 0;
    QTest::newRow("no cronhelm role") << QString() << ctlArgs({"job", "list"}) << 3;
}

void TestCtlJobs::permissions()
{
    QFETCH(QString, role);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    CTL_DATABASE(db, QStringLiteral("cli roles"));
    QVERIFY(addJob(*db, QStringLiteral("j")) > 0);
    Cronhelm::Result<QString> login = db->createLoginRole(role);
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    const CtlResult r = runCtlOn(db->conninfoAs(*login), args);
    CTL_EXPECT_EXIT(r, exitCode);
    if (exitCode == 3) {
        QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
        // The server's own words (German under cli.german.jobs); the role hint is ours.
        QVERIFY2(r.err.contains(QLatin1String("cronhelm_")), r.describe().constData());
    }
}

// A credential written out in a header is saved, with a warning on stderr pointing to
// ${env:NAME}; a reference is saved without one.
// Saved, but pointed out on stderr: a credential written out in a header, and a secret
// reference the nodes refuse (without the CRONHELM_SECRET_ prefix every run would fail).
// The advice is one that works.
void TestCtlJobs::warnsAboutLiteralCredentials()
{
    CTL_DATABASE(db, QStringLiteral("cli literal credentials"));
    const CtlResult add =
        runCtlOn(db->conninfo(),
                 ctlArgs({"job", "add", "crm", "--cron", "@daily", "--http", "https://example.org/",
                          "--header", "Authorization: Bearer abc123"}));
    CTL_EXPECT_EXIT(add, 0);
    QVERIFY2(add.err.contains(QLatin1String("Authorization"))
                 && add.err.contains(QLatin1String("${env:CRONHELM_SECRET_NAME}")),
             add.describe().constData());
    const CtlResult edit = runCtlOn(
        db->conninfo(), ctlArgs({"job", "edit", "crm", "--header", "Authorization: ${env:CRM}"}));
    CTL_EXPECT_EXIT(edit, 0);
    // Not a credential in plain text (that warning names the header), but a reference the
    // nodes refuse (checked by tokens: the German run translates the words).
    QVERIFY2(!edit.err.contains(QLatin1String("Authorization")), edit.describe().constData());
    QVERIFY2(edit.err.contains(QLatin1String("target.headers"))
                 && edit.err.contains(QLatin1String("${env:CRONHELM_SECRET_CRM}")),
             edit.describe().constData());
    const CtlResult declared =
        runCtlOn(db->conninfo(),
                 ctlArgs({"job", "edit", "crm", "--header",
                          "Authorization: Bearer ${env:CRONHELM_SECRET_CRM}"}));
    CTL_EXPECT_EXIT(declared, 0);
    QVERIFY2(!declared.err.contains(QLatin1String("Authorization"))
                 && !declared.err.contains(QLatin1String("${env:")),
             declared.describe().constData());
    const CtlResult hook = runCtlOn(
        db->conninfo(),
        ctlArgs({"job", "edit", "crm", "--notify-slack", "https://hooks.slack.com/${env:HOOK}"}));
    CTL_EXPECT_EXIT(hook, 0);
    QVERIFY2(hook.err.contains(QLatin1String("notify"))
                 && hook.err.contains(QLatin1String("${env:CRONHELM_SECRET_HOOK}")),
             hook.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlJobs)
#include "tst_ctljobs.moc"
