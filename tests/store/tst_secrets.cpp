// Secrets of a job definition (header values, environment values, the request body,
// notification web addresses) reach admins only. A viewer and an operator log in as psql
// would and read every view and call every reading function their role may: no secret
// appears anywhere, the audit included (docs/security.md, "What each role sees").

#include "storetesthelpers.h"

#include <domain/secretmask.h>
#include <store/migrator.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Every secret below contains this, so one search finds any of them.
const QString marker = QStringLiteral("s3cr3t");

QJsonObject secretHttpJob()
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("report")},
        {QStringLiteral("target_type"), QStringLiteral("http")},
        {QStringLiteral("target"),
         QJsonObject{
             // Basic authentication in the address, a key in the query: both secrets.
             {QStringLiteral("url"),
              QStringLiteral("https://deploy:s3cr3t-pw@api.example.com/report?api_key=s3cr3t-"
                             "key&day=1&ref=${env:CRONHELM_SECRET_REF}#s3cr3t-fragment")},
             {QStringLiteral("method"), QStringLiteral("POST")},
             {QStringLiteral("headers"),
              QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t-token")},
                          {QStringLiteral("X-Api-Key"), QStringLiteral("${env:API_KEY}")}}},
             {QStringLiteral("body"), QStringLiteral("{\"password\": \"s3cr3t-body\"}")},
         }},
        {QStringLiteral("cron"), QStringLiteral("@hourly")},
        {QStringLiteral("notify"),
         QJsonArray{
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("slack")},
                         {QStringLiteral("url"),
                          QStringLiteral("https://hooks.slack.com/services/T0/B0/s3cr3t-hook")}}}},
    };
}

QJsonObject secretShellJob()
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("backup")},
        {QStringLiteral("target_type"), QStringLiteral("shell")},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("command"), QStringLiteral("backup.sh")},
                     {QStringLiteral("env"),
                      QJsonObject{{QStringLiteral("PGPASSWORD"), QStringLiteral("s3cr3t-env")}}}}},
        {QStringLiteral("cron"), QStringLiteral("@daily")},
    };
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Everything `session` can read: every relation of the schema it may SELECT, as JSON text.
QString everythingReadable(PsqlSession &session, QStringList *relations)
{
    const SqlOutcome names =
        session.exec(QStringLiteral("SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
                                    "'cronhelm'::regnamespace AND c.relkind IN ('r', 'v', 'm') "
                                    "AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1"));
    QString all;
    for (const QStringList &row : names.rows) {
        relations->append(row.at(0));
        const SqlOutcome rows = session.exec(
            QStringLiteral("SELECT coalesce(string_agg(row_to_json(v)::text, E'\\n'), '') FROM "
                           "cronhelm.%1 v")
                .arg(row.at(0)));
        if (!rows.ok())
            return QStringLiteral("cannot read %1: %2").arg(row.at(0), rows.describe());
        all += rows.value();
        all += QLatin1Char('\n');
    }
    return all;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void maskedForNonAdmins_data();
    void maskedForNonAdmins();
    void auditKeepsNoSecret();
    void maskedAddressAgreesWithTheStore_data();
    void maskedAddressAgreesWithTheStore();

private:
    FunctionDatabase m_db;
};

void TestSecrets::maskedForNonAdmins_data()
{
    QTest::addColumn<QString>("memberOf");
    QTest::addColumn<bool>("seesSecrets");
    QTest::newRow("viewer") << QStringLiteral("cronhelm_viewer") << false;
    QTest::newRow("operator") << QStringLiteral("cronhelm_operator") << false;
    QTest::newRow("node") << QStringLiteral("cronhelm_node") << true; // runs the jobs
    QTest::newRow("admin") << QStringLiteral("cronhelm_admin") << true;
}

void TestSecrets::maskedForNonAdmins()
{
    QFETCH(QString, memberOf);
    QFETCH(bool, seesSecrets);
    CH_FUNCTION_DATABASE(db, m_db);
    if (qstrcmp(QTest::currentDataTag(), "viewer") == 0) {
        CH_EXEC(db, QStringLiteral("SELECT cronhelm.create_job('%1')").arg(json(secretHttpJob())));
        CH_EXEC(db, QStringLiteral("SELECT cronhelm.create_job('%1')").arg(json(secretShellJob())));
    }
    Result<QString> role = db->createLoginRole(memberOf);
    CH_VERIFY_OK(role);
    PsqlSession session(db->conninfoAs(*role));
    QVERIFY2(session.isOpen(), qPrintable(session.connectError()));

    QStringList relations;
    const QString readable = everythingReadable(session, &relations);
    QVERIFY2(relations.contains(QLatin1String("job_overview")) || memberOf.endsWith(u"node"),
             qPrintable(relations.join(u' ')));
    QVERIFY2(!readable.startsWith(QLatin1String("cannot read")), qPrintable(readable));
    QCOMPARE(readable.contains(marker), seesSecrets);

    if (seesSecrets)
        return;
    // What is left: header names, masked values, references to the node's secrets, the
    // host a notification goes to.
    const SqlOutcome overview = session.exec(
        QStringLiteral("SELECT target::text, notify::text, spec::text FROM cronhelm.job_overview "
                       "WHERE name = 'report'"));
    QVERIFY2(overview.ok(), qPrintable(overview.describe()));
    const QString target = overview.rows.value(0).value(0);
    QVERIFY2(target.contains(QLatin1String("\"Authorization\": \"********\"")), qPrintable(target));
    QVERIFY2(target.contains(QLatin1String("\"X-Api-Key\": \"${env:API_KEY}\"")),
             qPrintable(target));
    QVERIFY2(target.contains(QLatin1String("\"body\": \"********\"")), qPrintable(target));
    // The user, host and path stay; the password and the query's values do not, unless
    // they only name a secret of the nodes.
    QVERIFY2(target.contains(QLatin1String("\"url\": \"https://deploy:********@api.example.com/"
                                           "report?api_key=********&day=********&ref=${env:"
                                           "CRONHELM_SECRET_REF}#********\"")),
             qPrintable(target));
    const QString notify = overview.rows.value(0).value(1);
    QVERIFY2(notify.contains(QLatin1String("https://hooks.slack.com/********")),
             qPrintable(notify));
    QCOMPARE(overview.rows.value(0).value(2).contains(QLatin1String("********")), true);
    const SqlOutcome shell =
        session.exec(QStringLiteral("SELECT target -> 'env' ->> 'PGPASSWORD' FROM "
                                    "cronhelm.job_overview WHERE name = 'backup'"));
    QCOMPARE(shell.value(), QStringLiteral("********"));

    // The functions the role may call that read jobs.
    const SqlOutcome id = session.exec(QStringLiteral("SELECT cronhelm.job_id('report')"));
    QVERIFY2(id.ok(), qPrintable(id.describe()));
    QVERIFY(!id.value().contains(marker));
    // Not an admin by pretending: the masking follows the login, not SET ROLE.
    const SqlOutcome pretend = session.exec(QStringLiteral("SET ROLE cronhelm_admin"));
    QVERIFY(!pretend.ok());
}

// Rows audited before this version are masked by the upgrade; changes after it are audited
// with masked values. An admin reading the audit sees no secret either.
void TestSecrets::auditKeepsNoSecret()
{
    CH_DATABASE_EX(db, QStringLiteral("auditKeepsNoSecret"), false);
    StoreConnection connection(db->conninfo());
    Migrator migrator(connection);
    CH_VERIFY_OK(migrator.migrate(4));
    CH_SCALAR(job, db,
              QStringLiteral("SELECT cronhelm.create_job('%1')").arg(json(secretHttpJob())));
    CH_SCALAR(before, db,
              QStringLiteral("SELECT count(*) FROM cronhelm.audit_log WHERE new_value::text "
                             "LIKE '%s3cr3t%'"));
    QCOMPARE(before, QStringLiteral("1")); // the hole this version closes
    CH_VERIFY_OK(migrator.migrate());

    CH_EXEC(db,
            QStringLiteral("SELECT cronhelm.update_job(%1, NULL, '{\"target\": {\"url\": "
                           "\"https://api.example.com/v2\", \"headers\": {\"Cookie\": "
                           "\"session=s3cr3t-cookie\"}}}')")
                .arg(job));
    CH_EXEC(db, QStringLiteral("SELECT cronhelm.delete_job(%1)").arg(job));
    CH_SCALAR(count, db, QStringLiteral("SELECT count(*) FROM cronhelm.audit"));
    QCOMPARE(count, QStringLiteral("3"));
    CH_SCALAR(leaked, db,
              QStringLiteral("SELECT count(*) FROM cronhelm.audit_log WHERE old_value::text "
                             "LIKE '%s3cr3t%' OR new_value::text LIKE '%s3cr3t%'"));
    QCOMPARE(leaked, QStringLiteral("0"));
    CH_SCALAR(cookie, db,
              QStringLiteral("SELECT new_value -> 'target' -> 'headers' ->> 'Cookie' FROM "
                             "cronhelm.audit WHERE action = 'update_job'"));
    QCOMPARE(cookie, QStringLiteral("********"));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"

void TestSecrets::maskedAddressAgreesWithTheStore_data()
{
    // Run logs show a target's address as maskedAddress() makes it; job_overview shows it as
    // the SQL API masks it. A viewer reads both, so they must hide the same parts.
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    const auto row = [](const char *tag, const char *url, const char *shown) {
        QTest::newRow(tag) << QString::fromUtf8(url) << QString::fromUtf8(shown);
    };
    row("plain", "https://api.example.com/report", "https://api.example.com/report");
    row("password", "https://deploy:pw@api.example.com/",
        "https://deploy:********@api.example.com/");
    row("lone user (a token)", "https://tok3n@api.example.com/x",
        "https://********@api.example.com/x");
    row("empty user information", "https://@api.example.com/", "https://********@api.example.com/");
    row("reference as password", "https://u:${env:CRONHELM_SECRET_PW}@h/",
        "https://u:${env:CRONHELM_SECRET_PW}@h/");
    row("query values", "http://h:8080/r?api_key=k&day=1",
        "http://h:8080/r?api_key=********&day=********");
    row("query references kept", "https://h/r?ref=${env:CRONHELM_SECRET_REF}&x",
        "https://h/r?ref=${env:CRONHELM_SECRET_REF}&********"); // "x" alone may be a key
    row("empty values", "https://h/r?a=&&b", "https://h/r?a=&&********");
    row("empty query", "https://h/r?", "https://h/r?");
    row("fragment", "https://h/r#access_token=t", "https://h/r#********");
    row("at sign in the query", "https://h/r?mail=a@b", "https://h/r?mail=********");
    row("all of it", "https://u:p@h/p/a?k=v#f", "https://u:********@h/p/a?k=********#********");
    row("node reference as host", "https://${env:CRONHELM_SECRET_HOST}/x",
        "https://${env:CRONHELM_SECRET_HOST}/x");
    row("not an address", "api.example.com/x?k=v", "********");
    row("emoji path", "https://h/\xF0\x9F\x93\x88?q=\xC3\xA4",
        "https://h/\xF0\x9F\x93\x88?q=********");
}

void TestSecrets::maskedAddressAgreesWithTheStore()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    CH_FUNCTION_DATABASE(db, m_db);
    PsqlSession session(db->conninfo());
    QVERIFY2(session.isOpen(), qPrintable(session.connectError()));
    const SqlOutcome masked = session.exec(
        QStringLiteral("SELECT cronhelm._mask_target_url(%1)").arg(session.quote(url)));
    QVERIFY2(masked.ok(), qPrintable(masked.describe()));
    QCOMPARE(masked.value(), shown);
    QCOMPARE(maskedAddress(url), shown);
}
