// One set of job rules, written twice on purpose: in the SQL API (the authority for every
// client, psql included; core/migrations/0004_domain.sql) and in core/domain (the clients
// and the node check as people type and before anything is sent). This test feeds one
// table of specs to both and requires the same verdict and the same field.

#include "../store/storetesthelpers.h"

#include <domain/jobspec.h>
#include <store/jobstore.h>
#include <store/storeconnection.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <thread>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// JSON written with single quotes, for readability.
QJsonObject json(QByteArray text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.replace('\'', '"'), &error);
    if (document.isNull())
        qFatal("bad JSON in test: %s: %s", text.constData(), qPrintable(error.errorString()));
    return document.object();
}

// A valid HTTP job with `overrides` applied; a key whose value is "<absent>" is removed.
QJsonObject httpSpec(const QByteArray &overrides)
{
    QJsonObject spec = json("{'target_type': 'http', 'cron': '*/5 * * * *', "
                            "'target': {'url': 'https://hooks.example.org/sync'}}");
    const QJsonObject changes = json(overrides);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value() == QJsonValue(QStringLiteral("<absent>")))
            spec.remove(it.key());
        else
            spec.insert(it.key(), it.value());
    }
    return spec;
}

QJsonObject shellSpec(const QByteArray &target)
{
    QJsonObject spec = httpSpec("{'target_type': 'shell'}");
    spec.insert(QStringLiteral("target"), json(target));
    return spec;
}

QJsonObject withName(QJsonObject spec, const QString &name)
{
    if (!spec.contains(QLatin1String("name")))
        spec.insert(QStringLiteral("name"), name);
    return spec;
}

// `count` times the character `c` (which may lie outside the Basic Multilingual Plane).
QString repeated(char32_t c, int count)
{
    return QString::fromUcs4(std::u32string(size_t(count), c).data(), count);
}

const char32_t rocket = U'\U0001F680'; // two UTF-16 units, one character

// What a database and the C++ rules say about an edit (or a spec), for a failure message.
QString verdictOf(const JobSpecReading &cpp)
{
    return cpp.ok()
        ? QStringLiteral("ok")
        : cpp.problems.first().field + QStringLiteral(": ") + cpp.problems.first().message;
}

template<typename T>
QString verdictOf(const Result<T> &sql)
{
    return sql ? QStringLiteral("ok")
               : sql.error().field + QStringLiteral(" (") + sql.errorMessage() + QLatin1Char(')');
}

} // namespace

class TestJobRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sameVerdict_data();
    void sameVerdict();
    void sameVerdictOnUpdate_data();
    void sameVerdictOnUpdate();
    void editVerdict_data();
    void editVerdict();
    void clientOnlyRules_data();
    void clientOnlyRules();
    void sameDefaults();
    void roundTrip();
    void changesTo();
    void namesIgnoreCase_data();
    void namesIgnoreCase();
    void raceNamesTheExistingJob();

private:
    void compareOnUpdate(const QJsonObject &changes, const std::optional<QString> &field);

    FunctionDatabase m_db;
};

void TestJobRules::sameVerdict_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("field"); // empty: valid

    const QString ok;
    // Valid jobs.
    QTest::newRow("minimal http") << httpSpec("{}") << ok;
    QTest::newRow("http, everything")
        << httpSpec("{'target': {'url': 'https://x.example/run?a=1', 'method': 'post', "
                    "'headers': {'X-Team': 'ops', 'Authorization': 'Bearer ${env:TOKEN}'}, "
                    "'body': {'sync': ['crm']}, 'expect_status': '200-204', "
                    "'fail_if_body_matches': 'error', 'max_redirects': 0, "
                    "'connect_timeout_s': 5, 'idle_timeout_s': 600}, "
                    "'description': 'nightly', 'owner': 'data team', 'enabled': false, "
                    "'timeout_s': 1500, 'retries': 3, 'retry_backoff': 'fixed', "
                    "'retry_delay_s': 60, 'concurrency': 'allow', 'misfire': 'run_all', "
                    "'misfire_bound': 10, 'notify_quiet_s': 0, 'log_limit_bytes': 2048, "
                    "'notify': [{'kind': 'slack', 'url': 'https://hooks.slack.example/T1', "
                    "'on': ['failure']}], 'run_on': ['gpu', 'eu-west.1'], 'keep_days': 7, "
                    "'keep_runs': 100, 'time_zone': 'Europe/Berlin'}")
        << ok;
    QTest::newRow("expect status as a number") << httpSpec("{'target': {'url': 'http://x/', "
                                                           "'expect_status': 204}}")
                                               << ok;
    QTest::newRow("shell command")
        << shellSpec("{'command': 'echo hi', 'env': {'A_1': 'x'}}") << ok;
    QTest::newRow("shell argv") << shellSpec("{'argv': ['printf', '%s', 'a b'], 'workdir': '/tmp'}")
                                << ok;
    QTest::newRow("one-off") << httpSpec("{'cron': '<absent>', 'schedule_kind': 'once', "
                                         "'time_zone': 'Europe/Berlin', "
                                         "'once_local': '2030-02-10T03:00:00', "
                                         "'once_at': '2030-02-10T02:00:00Z'}")
                             << ok;
    QTest::newRow("quotes and emoji in the name")
        << httpSpec("{'name': 'it\\u0027s \\\"x\\\" 🚀'}") << ok;
    QTest::newRow("number-to-name ranges") << httpSpec("{'cron': '0 9 * 1-JUL 1-WED'}") << ok;
    QTest::newRow("null description") << httpSpec("{'description': null}") << ok;
    QTest::newRow("null run_on") << httpSpec("{'run_on': null}") << ok;

    // The spec's shape.
    QTest::newRow("unknown key") << httpSpec("{'colour': 'red'}") << QStringLiteral("colour");
    QTest::newRow("null enabled") << httpSpec("{'enabled': null}") << QStringLiteral("enabled");
    QTest::newRow("enabled as text") << httpSpec("{'enabled': 'yes'}") << QStringLiteral("enabled");
    QTest::newRow("timeout as text")
        << httpSpec("{'timeout_s': 'abc'}") << QStringLiteral("timeout_s");
    QTest::newRow("timeout not whole")
        << httpSpec("{'timeout_s': 1.5}") << QStringLiteral("timeout_s");
    QTest::newRow("name a number") << httpSpec("{'name': 5}") << QStringLiteral("name");
    QTest::newRow("run_on not a list") << httpSpec("{'run_on': 'gpu'}") << QStringLiteral("run_on");
    QTest::newRow("target_type") << httpSpec("{'target_type': 'ftp'}")
                                 << QStringLiteral("target_type");
    QTest::newRow("schedule_kind")
        << httpSpec("{'schedule_kind': 'weekly'}") << QStringLiteral("schedule_kind");

    // Names and texts.
    QTest::newRow("empty name") << httpSpec("{'name': '  '}") << QStringLiteral("name");
    QTest::newRow("long name") << withName(httpSpec("{}"), QString(201, u'n'))
                               << QStringLiteral("name");
    QTest::newRow("bidi override in name")
        << withName(httpSpec("{}"), QStringLiteral("pay\u202Egpj")) << QStringLiteral("name");
    QTest::newRow("line break in name")
        << withName(httpSpec("{}"), QStringLiteral("a\nb")) << QStringLiteral("name");
    QJsonObject longDescription = httpSpec("{}");
    longDescription.insert(QStringLiteral("description"), QString(4001, u'd'));
    QTest::newRow("long description") << longDescription << QStringLiteral("description");
    QTest::newRow("line separator in name")
        << withName(httpSpec("{}"), QStringLiteral("a\u2028b")) << QStringLiteral("name");
    QTest::newRow("right-to-left mark in name")
        << withName(httpSpec("{}"), QStringLiteral("invoice\u200Fexe")) << QStringLiteral("name");
    QTest::newRow("arabic letter mark in name")
        << withName(httpSpec("{}"), QStringLiteral("a\u061Cb")) << QStringLiteral("name");
    QTest::newRow("name of 200 characters") << withName(httpSpec("{}"), QString(200, u'n')) << ok;
    QTest::newRow("name of 200 characters, not bytes")
        << withName(httpSpec("{}"), QString(200, QChar(0x00e9))) << ok;
    // Characters, not UTF-16 units: SQL's length() counts code points.
    QTest::newRow("name of 200 emoji") << withName(httpSpec("{}"), repeated(rocket, 200)) << ok;
    QTest::newRow("name of 201 emoji")
        << withName(httpSpec("{}"), repeated(rocket, 201)) << QStringLiteral("name");
    QJsonObject emojiDescription = httpSpec("{}");
    emojiDescription.insert(QStringLiteral("description"), repeated(rocket, 4000));
    QTest::newRow("description of 4000 emoji") << emojiDescription << ok;
    QJsonObject emojiOwner = httpSpec("{}");
    emojiOwner.insert(QStringLiteral("owner"), repeated(rocket, 201));
    QTest::newRow("owner of 201 emoji") << emojiOwner << QStringLiteral("owner");
    // Blank is blank in any script's spaces.
    QTest::newRow("no-break space name")
        << withName(httpSpec("{}"), QStringLiteral("\u00a0")) << QStringLiteral("name");
    QTest::newRow("ideographic spaces name")
        << withName(httpSpec("{}"), QStringLiteral(" \u3000\u2003 ")) << QStringLiteral("name");
    QTest::newRow("zero-width space is not blank")
        << withName(httpSpec("{}"), QStringLiteral("\u200b")) << ok;
    QTest::newRow("no-break space around a name")
        << withName(httpSpec("{}"), QStringLiteral("\u00a0nightly\u00a0")) << ok;
    QJsonObject fullDescription = httpSpec("{}");
    fullDescription.insert(QStringLiteral("description"), QString(4000, u'd'));
    QTest::newRow("description of 4000 characters") << fullDescription << ok;
    QJsonObject longOwner = httpSpec("{}");
    longOwner.insert(QStringLiteral("owner"), QString(201, u'o'));
    QTest::newRow("long owner") << longOwner << QStringLiteral("owner");

    // Targets.
    QTest::newRow("target not an object")
        << httpSpec("{'target': 'x'}") << QStringLiteral("target");
    QTest::newRow("no target") << httpSpec("{'target': '<absent>'}") << QStringLiteral("target");
    QTest::newRow("unknown target key")
        << httpSpec("{'target': {'url': 'http://x/', 'hedaers': {}}}") << QStringLiteral("target");
    QTest::newRow("ftp url") << httpSpec("{'target': {'url': 'ftp://x/'}}")
                             << QStringLiteral("target.url");
    QTest::newRow("no url") << httpSpec("{'target': {'method': 'GET'}}")
                            << QStringLiteral("target.url");
    QTest::newRow("method") << httpSpec("{'target': {'url': 'http://x/', 'method': 'BREW'}}")
                            << QStringLiteral("target.method");
    QTest::newRow("headers a list") << httpSpec("{'target': {'url': 'http://x/', 'headers': [1]}}")
                                    << QStringLiteral("target.headers");
    QTest::newRow("header value a number")
        << httpSpec("{'target': {'url': 'http://x/', 'headers': {'A': 1}}}")
        << QStringLiteral("target.headers");
    QTest::newRow("header name") << httpSpec(
        "{'target': {'url': 'http://x/', 'headers': {'A B': '1'}}}")
                                 << QStringLiteral("target.headers");
    QTest::newRow("header value with a line break")
        << httpSpec("{'target': {'url': 'http://x/', 'headers': {'A': '1\\r\\nB: 2'}}}")
        << QStringLiteral("target.headers");
    QJsonObject longUrl = httpSpec("{}");
    longUrl.insert(
        QStringLiteral("target"),
        QJsonObject{{QStringLiteral("url"),
                     QString(QStringLiteral("https://x.example/") + QString(8192, u'a'))}});
    QTest::newRow("long url") << longUrl << QStringLiteral("target.url");
    QJsonObject manyHeaders;
    for (int i = 0; i <= 100; ++i)
        manyHeaders.insert(QStringLiteral("X-H%1").arg(i), QStringLiteral("1"));
    QJsonObject manyHeadersSpec = httpSpec("{}");
    manyHeadersSpec.insert(QStringLiteral("target"),
                           QJsonObject{{QStringLiteral("url"), QStringLiteral("http://x/")},
                                       {QStringLiteral("headers"), manyHeaders}});
    QTest::newRow("101 headers") << manyHeadersSpec << QStringLiteral("target.headers");
    // 256 KB of body in UTF-8 bytes: 87382 three-byte characters are 262146 bytes.
    QJsonObject bigBody = httpSpec("{}");
    bigBody.insert(QStringLiteral("target"),
                   QJsonObject{{QStringLiteral("url"), QStringLiteral("http://x/")},
                               {QStringLiteral("body"), QString(87382, QChar(0x20ac))}});
    QTest::newRow("body over 256 KB in UTF-8") << bigBody << QStringLiteral("target.body");
    QJsonObject fullBody = httpSpec("{}");
    fullBody.insert(QStringLiteral("target"),
                    QJsonObject{{QStringLiteral("url"), QStringLiteral("http://x/")},
                                {QStringLiteral("body"), QString(262144, u'b')}});
    QTest::newRow("body of 256 KB") << fullBody << ok;
    // The whole target: headers of 100 x 6000 characters, each under every other limit.
    QJsonObject bigHeaders;
    for (int i = 0; i < 100; ++i)
        bigHeaders.insert(QStringLiteral("X-H%1").arg(i), QString(6000, u'v'));
    QJsonObject bigTarget = httpSpec("{}");
    bigTarget.insert(QStringLiteral("target"),
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("http://x/")},
                                 {QStringLiteral("headers"), bigHeaders}});
    QTest::newRow("target over 512 KB") << bigTarget << QStringLiteral("target");
    // At the edge the measure matters: the SQL API counts the jsonb's text, with a space
    // after every ":" and ",". A target 100 bytes under the limit as compact JSON is over it
    // there (100 headers: ~200 spaces), and one that many bytes shorter again is not.
    const auto targetOfCompactSize = [](qsizetype size) {
        QJsonObject target{{QStringLiteral("url"), QStringLiteral("http://x/")}};
        QJsonObject headers;
        for (int i = 0; i < 100; ++i)
            headers.insert(QStringLiteral("X-H%1").arg(i, 2, 10, QLatin1Char('0')), QString());
        target.insert(QStringLiteral("headers"), headers);
        const qsizetype base = QJsonDocument(target).toJson(QJsonDocument::Compact).size();
        for (int i = 0; i < 100; ++i) {
            const qsizetype length = (size - base) / 100 + (i < (size - base) % 100 ? 1 : 0);
            headers.insert(QStringLiteral("X-H%1").arg(i, 2, 10, QLatin1Char('0')),
                           QString(length, u'v'));
        }
        target.insert(QStringLiteral("headers"), headers);
        return target;
    };
    QJsonObject edgeOver = httpSpec("{}");
    edgeOver.insert(QStringLiteral("target"), targetOfCompactSize(512 * 1024 - 100));
    QTest::newRow("target at 512 KB as jsonb text") << edgeOver << QStringLiteral("target");
    QJsonObject edgeUnder = httpSpec("{}");
    edgeUnder.insert(QStringLiteral("target"), targetOfCompactSize(512 * 1024 - 300));
    QTest::newRow("target under 512 KB as jsonb text") << edgeUnder << ok;
    QJsonObject bigEnv;
    for (int i = 0; i < 100; ++i)
        bigEnv.insert(QStringLiteral("V%1").arg(i), QString(6000, u'v'));
    QJsonObject bigShell = shellSpec("{'command': 'ls'}");
    bigShell.insert(QStringLiteral("target"),
                    QJsonObject{{QStringLiteral("command"), QStringLiteral("ls")},
                                {QStringLiteral("env"), bigEnv}});
    QTest::newRow("shell target over 512 KB") << bigShell << QStringLiteral("target");
    QTest::newRow("body a number")
        << httpSpec("{'target': {'url': 'http://x/', 'body': 5}}") << QStringLiteral("target.body");
    // The bug that made every run of a job fail on the node: now refused everywhere.
    QTest::newRow("status range descending")
        << httpSpec("{'target': {'url': 'http://x/', 'expect_status': '299-200'}}")
        << QStringLiteral("target.expect_status");
    QTest::newRow("status 700") << httpSpec(
        "{'target': {'url': 'http://x/', 'expect_status': '700'}}")
                                << QStringLiteral("target.expect_status");
    QTest::newRow("status text") << httpSpec(
        "{'target': {'url': 'http://x/', 'expect_status': 'ok'}}")
                                 << QStringLiteral("target.expect_status");
    QTest::newRow("regex a number")
        << httpSpec("{'target': {'url': 'http://x/', 'fail_if_body_matches': 5}}")
        << QStringLiteral("target.fail_if_body_matches");
    QTest::newRow("max_redirects")
        << httpSpec("{'target': {'url': 'http://x/', 'max_redirects': 51}}")
        << QStringLiteral("target.max_redirects");
    QTest::newRow("connect timeout")
        << httpSpec("{'target': {'url': 'http://x/', 'connect_timeout_s': 0}}")
        << QStringLiteral("target.connect_timeout_s");
    QTest::newRow("idle timeout") << httpSpec(
        "{'target': {'url': 'http://x/', 'idle_timeout_s': -1}}")
                                  << QStringLiteral("target.idle_timeout_s");
    QTest::newRow("shell without command") << shellSpec("{}") << QStringLiteral("target.command");
    QTest::newRow("blank command")
        << shellSpec("{'command': '  '}") << QStringLiteral("target.command");
    QTest::newRow("command and argv")
        << shellSpec("{'command': 'ls', 'argv': ['ls']}") << QStringLiteral("target.command");
    QTest::newRow("argv empty") << shellSpec("{'argv': []}") << QStringLiteral("target.argv");
    QTest::newRow("argv number") << shellSpec("{'argv': ['ls', 3]}")
                                 << QStringLiteral("target.argv");
    QTest::newRow("argv no program")
        << shellSpec("{'argv': ['']}") << QStringLiteral("target.argv");
    QTest::newRow("secret in argv")
        << shellSpec("{'argv': ['curl', '-H', '${env:TOKEN}']}") << QStringLiteral("target.argv");
    QTest::newRow("workdir a number")
        << shellSpec("{'command': 'ls', 'workdir': 1}") << QStringLiteral("target.workdir");
    QTest::newRow("env text") << shellSpec("{'command': 'ls', 'env': 'A=1'}")
                              << QStringLiteral("target.env");
    QTest::newRow("env name") << shellSpec("{'command': 'ls', 'env': {'A=B': '1'}}")
                              << QStringLiteral("target.env");
    QTest::newRow("env value a number")
        << shellSpec("{'command': 'ls', 'env': {'A': 1}}") << QStringLiteral("target.env");

    // Schedules.
    QTest::newRow("zone") << httpSpec("{'time_zone': 'Mars/Olympus'}")
                          << QStringLiteral("time_zone");
    QTest::newRow("cron shape") << httpSpec("{'cron': 'every day'}") << QStringLiteral("cron");
    QTest::newRow("no cron") << httpSpec("{'cron': '<absent>'}") << QStringLiteral("cron");
    QTest::newRow("one-off without instant")
        << httpSpec("{'cron': '<absent>', 'schedule_kind': 'once', "
                    "'once_local': '2030-02-10T03:00:00'}")
        << QStringLiteral("once");
    QTest::newRow("one-off instants disagree")
        << httpSpec("{'cron': '<absent>', 'schedule_kind': 'once', 'time_zone': 'Europe/Berlin', "
                    "'once_local': '2030-02-10T03:00:00', 'once_at': '2030-02-10T03:00:00Z'}")
        << QStringLiteral("once");

    // Notifications.
    QTest::newRow("notify not a list") << httpSpec("{'notify': {}}") << QStringLiteral("notify");
    QTest::newRow("notify kind") << httpSpec("{'notify': [{'kind': 'email', 'url': 'https://x/'}]}")
                                 << QStringLiteral("notify");
    QTest::newRow("notify url") << httpSpec("{'notify': [{'kind': 'slack', 'url': 'ftp://x/'}]}")
                                << QStringLiteral("notify");
    QTest::newRow("notify on") << httpSpec(
        "{'notify': [{'kind': 'slack', 'url': 'https://x/', 'on': ['sometimes']}]}")
                               << QStringLiteral("notify");
    QTest::newRow("notify extra key")
        << httpSpec("{'notify': [{'kind': 'slack', 'url': 'https://x/', 'channel': '#ops'}]}")
        << QStringLiteral("notify");

    // Policies and limits.
    QTest::newRow("timeout 0") << httpSpec("{'timeout_s': 0}") << QStringLiteral("timeout_s");
    QTest::newRow("timeout 8 days")
        << httpSpec("{'timeout_s': 691200}") << QStringLiteral("timeout_s");
    QTest::newRow("retries") << httpSpec("{'retries': 101}") << QStringLiteral("retries");
    QTest::newRow("backoff") << httpSpec("{'retry_backoff': 'linear'}")
                             << QStringLiteral("retry_backoff");
    QTest::newRow("retry delay") << httpSpec("{'retry_delay_s': -1}")
                                 << QStringLiteral("retry_delay_s");
    QTest::newRow("concurrency") << httpSpec("{'concurrency': 'never'}")
                                 << QStringLiteral("concurrency");
    QTest::newRow("misfire") << httpSpec("{'misfire': 'all'}") << QStringLiteral("misfire");
    QTest::newRow("misfire bound")
        << httpSpec("{'misfire_bound': 0}") << QStringLiteral("misfire_bound");
    QTest::newRow("quiet") << httpSpec("{'notify_quiet_s': -5}")
                           << QStringLiteral("notify_quiet_s");
    QTest::newRow("log limit small")
        << httpSpec("{'log_limit_bytes': 100}") << QStringLiteral("log_limit_bytes");
    QTest::newRow("log limit 2 GiB")
        << httpSpec("{'log_limit_bytes': 2147483648}") << QStringLiteral("log_limit_bytes");
    QTest::newRow("label") << httpSpec("{'run_on': ['bad label!']}") << QStringLiteral("run_on");
    QTest::newRow("keep_days") << httpSpec("{'keep_days': 0}") << QStringLiteral("keep_days");
    QTest::newRow("keep_runs") << httpSpec("{'keep_runs': -1}") << QStringLiteral("keep_runs");
}

void TestJobRules::sameVerdict()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, field);
    CH_FUNCTION_DATABASE(db, m_db);
    spec = withName(spec, QString::fromUtf8(QTest::currentDataTag()));

    const JobSpecReading cpp = JobRules::read(spec);
    StoreConnection connection(db->conninfo());
    const Result<qint64> sql = JobStore(connection).create(spec);

    const QString cppSays = verdictOf(cpp);
    const QString sqlSays = verdictOf(sql);
    QVERIFY2(cpp.ok() == sql.ok(),
             qPrintable(QStringLiteral("C++: %1; SQL: %2").arg(cppSays, sqlSays)));
    if (field.isEmpty()) {
        QVERIFY2(cpp.ok(), qPrintable(cppSays));
        return;
    }
    QVERIFY2(!cpp.ok(), "a spec expected to be invalid was accepted");
    QCOMPARE(sql.errorKind(), ErrorKind::BadInput);
    QCOMPARE(sql.error().sqlstate, QStringLiteral("CHINV"));
    QCOMPARE(cpp.problems.first().field, field);
    QCOMPARE(sql.error().field, field);
}

// The same table, each spec sent as the changes of an edit (update_job and
// JobRules::read(changes, base)) to a valid HTTP job. A spec that leaves out a key the job
// has (its target, its cron expression) keeps the job's value, so for those rows only the
// agreement is required, not the create verdict.
void TestJobRules::sameVerdictOnUpdate_data()
{
    sameVerdict_data();
}

void TestJobRules::sameVerdictOnUpdate()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, field);
    const bool complete =
        spec.contains(QLatin1String("target")) && spec.contains(QLatin1String("cron"));
    compareOnUpdate(spec, complete ? std::optional<QString>(field) : std::nullopt);
}

// Edits of one or two keys, as the editor and "cronhelmctl job edit" send them.
void TestJobRules::editVerdict_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("field"); // empty: valid

    const QString ok;
    auto changes = [](const QString &key, const QJsonValue &value) {
        return QJsonObject{{key, value}};
    };
    QTest::newRow("retries") << json("{'retries': 4}") << ok;
    QTest::newRow("rename to 200 emoji")
        << changes(QStringLiteral("name"), repeated(rocket, 200)) << ok;
    QTest::newRow("rename to 201 emoji")
        << changes(QStringLiteral("name"), repeated(rocket, 201)) << QStringLiteral("name");
    QTest::newRow("rename to a no-break space")
        << changes(QStringLiteral("name"), QStringLiteral("\u00a0")) << QStringLiteral("name");
    QTest::newRow("rename to nothing") << json("{'name': ''}") << QStringLiteral("name");
    QTest::newRow("owner of 201 emoji")
        << changes(QStringLiteral("owner"), repeated(rocket, 201)) << QStringLiteral("owner");
    QTest::newRow("null name") << json("{'name': null}") << QStringLiteral("name");
    QTest::newRow("null description") << json("{'description': null}") << ok;
    QTest::newRow("unknown key") << json("{'colour': 'red'}") << QStringLiteral("colour");
    QTest::newRow("url only") << json("{'target': {'url': 'https://x.example/'}}") << ok;
    QTest::newRow("ftp url") << json("{'target': {'url': 'ftp://x/'}}")
                             << QStringLiteral("target.url");
    QTest::newRow("to shell, keeping the http target")
        << json("{'target_type': 'shell'}") << QStringLiteral("target");
    QTest::newRow("to a one-off without an instant")
        << json("{'schedule_kind': 'once'}") << QStringLiteral("once");
    QTest::newRow("cron shape") << json("{'cron': 'every day'}") << QStringLiteral("cron");
    QTest::newRow("timeout 0") << json("{'timeout_s': 0}") << QStringLiteral("timeout_s");
    QTest::newRow("misfire") << json("{'misfire': 'all'}") << QStringLiteral("misfire");
    QTest::newRow("zone") << json("{'time_zone': 'Mars/Olympus'}") << QStringLiteral("time_zone");
}

void TestJobRules::editVerdict()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, field);
    compareOnUpdate(spec, field);
}

// Creates a valid HTTP job, applies `changes` to it through both rules and requires the same
// verdict, and when `field` is given, that verdict (empty: valid).
void TestJobRules::compareOnUpdate(const QJsonObject &changes, const std::optional<QString> &field)
{
    CH_FUNCTION_DATABASE(db, m_db);
    const QString tag = QString::fromUtf8(QTest::currentDataTag());
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    const Result<qint64> id =
        jobs.create(withName(httpSpec("{}"), QStringLiteral("base of %1").arg(tag)));
    CH_VERIFY_OK(id);
    const Result<JobRecord> base = jobs.byId(*id);
    CH_VERIFY_OK(base);
    QVERIFY(base->specProblems.isEmpty());

    const JobSpecReading cpp = JobRules::read(changes, base->spec);
    const Result<int> sql = jobs.update(*id, base->version, changes);

    const QString cppSays = verdictOf(cpp);
    const QString sqlSays = verdictOf(sql);
    QVERIFY2(cpp.ok() == sql.ok(),
             qPrintable(QStringLiteral("C++: %1; SQL: %2").arg(cppSays, sqlSays)));
    if (!cpp.ok()) {
        QCOMPARE(sql.errorKind(), ErrorKind::BadInput);
        QCOMPARE(cpp.problems.first().field, sql.error().field);
    }
    if (!field)
        return;
    if (field->isEmpty()) {
        QVERIFY2(cpp.ok(), qPrintable(cppSays));
        return;
    }
    QVERIFY2(!cpp.ok(), "an edit expected to be invalid was accepted");
    QCOMPARE(cpp.problems.first().field, *field);
}

// What the database can only check in shape (a cron expression, a PCRE pattern) the clients
// and the node check in full; the node records schedule_error for what gets past psql.
void TestJobRules::clientOnlyRules_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("field");
    QTest::newRow("minute 61") << httpSpec("{'cron': '61 * * * *'}") << QStringLiteral("cron");
    QTest::newRow("never runs") << httpSpec("{'cron': '0 7 30 2 *'}") << QStringLiteral("cron");
    QTest::newRow("regex syntax") << httpSpec(
        "{'target': {'url': 'http://x/', 'fail_if_body_matches': '(unclosed'}}")
                                  << QStringLiteral("target.fail_if_body_matches");
}

void TestJobRules::clientOnlyRules()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, field);
    CH_FUNCTION_DATABASE(db, m_db);
    spec = withName(spec, QString::fromUtf8(QTest::currentDataTag()));
    const JobSpecReading cpp = JobRules::read(spec);
    QVERIFY(!cpp.ok());
    QCOMPARE(cpp.problems.first().field, field);
    StoreConnection connection(db->conninfo());
    CH_VERIFY_OK(JobStore(connection).create(spec));
}

// The defaults live in the domain (JobSpec); create_job and the table's column defaults
// must give a new job exactly those.
void TestJobRules::sameDefaults()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(withName(httpSpec("{}"), QStringLiteral("through the API")));
    CH_VERIFY_OK(id);
    CH_EXEC(db,
            QStringLiteral("INSERT INTO cronhelm.jobs (name, target_type, target, "
                           "schedule_kind, cron_expr) VALUES ('by hand', 'http', "
                           "'{\"url\": \"https://hooks.example.org/sync\"}', 'cron', "
                           "'*/5 * * * *')"));
    Result<JobRecord> byHand = jobs.byName(QStringLiteral("by hand"));
    CH_VERIFY_OK(byHand);
    Result<JobRecord> api = jobs.byId(*id);
    CH_VERIFY_OK(api);

    JobSpec expected;
    expected.target.http.url = QStringLiteral("https://hooks.example.org/sync");
    expected.cron = QStringLiteral("*/5 * * * *");
    for (const JobRecord &job : {*api, *byHand}) {
        expected.name = job.spec.name;
        QVERIFY2(job.specProblems.isEmpty(), qPrintable(job.specProblems.value(0).message));
        QCOMPARE(job.spec, expected);
    }
}

// A spec survives JSON and the database unchanged.
void TestJobRules::roundTrip()
{
    CH_DATABASE(db);
    JobSpec spec;
    spec.name = QStringLiteral("round trip ✅");
    spec.description = QStringLiteral("with \"quotes\"");
    spec.target.kind = TargetKind::Shell;
    spec.target.shell.command = QStringLiteral("echo \"$GREETING\"");
    spec.target.shell.env = {{QStringLiteral("GREETING"), QStringLiteral("hi")}};
    spec.scheduleKind = ScheduleKind::Once;
    spec.timeZone = QStringLiteral("America/New_York");
    spec.onceLocal = QDateTime(QDate(2031, 11, 2), QTime(1, 30), Qt::UTC);
    spec.onceAt = QDateTime(QDate(2031, 11, 2), QTime(6, 30), Qt::UTC); // the second 01:30
    spec.retries = 2;
    spec.retryBackoff = RetryBackoff::Fixed;
    spec.concurrency = ConcurrencyPolicy::Replace;
    spec.misfire = MisfirePolicy::Skip;
    spec.runOn = {QStringLiteral("gpu")};
    spec.keepDays = 3;
    NotificationTarget slack;
    slack.kind = NotifyKind::Slack;
    slack.url = QStringLiteral("https://hooks.slack.example/${env:SLACK}");
    slack.onSuccess = true;
    spec.notify = {slack};

    const JobSpecReading read = JobRules::read(spec.toJson());
    QVERIFY2(read.ok(), qPrintable(read.problems.value(0).message));
    QCOMPARE(read.spec, spec);

    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(spec.toJson());
    CH_VERIFY_OK(id);
    Result<JobRecord> stored = jobs.byId(*id);
    CH_VERIFY_OK(stored);
    QCOMPARE(stored->spec, spec);
}

void TestJobRules::changesTo()
{
    JobSpec before;
    before.name = QStringLiteral("a");
    before.target.http.url = QStringLiteral("https://x/");
    before.cron = QStringLiteral("@daily");
    JobSpec after = before;
    QVERIFY(before.changesTo(after).isEmpty());
    after.retries = 3;
    after.target.http.method = QStringLiteral("POST");
    const QJsonObject changes = before.changesTo(after);
    QCOMPARE(changes.keys(),
             (QStringList{QStringLiteral("retries"), QStringLiteral("target"),
                          QStringLiteral("target_type")}));
    // Applied to the old spec, the changes give the new one.
    const JobSpecReading applied = JobRules::read(changes, before);
    QVERIFY(applied.ok());
    QCOMPARE(applied.spec, after);
}

// "Sales report" and "sales report" are one job to people: the second is refused, and the
// refusal names the job that has the name.
void TestJobRules::namesIgnoreCase_data()
{
    QTest::addColumn<QString>("ctype");
    QTest::newRow("server's locale") << QString();
    // lower() follows LC_CTYPE: in "C" it folds ASCII only. Names fold the same there.
    QTest::newRow("LC_CTYPE C") << QStringLiteral("C");
}

void TestJobRules::namesIgnoreCase()
{
    QFETCH(QString, ctype);
    Result<std::unique_ptr<TestDatabase>> created =
        TestDatabase::create(QStringLiteral("namesIgnoreCase"), true, ctype);
    CH_VERIFY_OK(created);
    TestDatabase *db = created->get();
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> first = jobs.create(withName(httpSpec("{}"), QStringLiteral("Sales report")));
    CH_VERIFY_OK(first);
    Result<qint64> second = jobs.create(withName(httpSpec("{}"), QStringLiteral("sales REPORT")));
    QCOMPARE(kindOf(second), QStringLiteral("Conflict"));
    QCOMPARE(second.error().field, QStringLiteral("name"));
    QVERIFY2(second.errorMessage().contains(QLatin1String("Sales report")),
             qPrintable(second.errorMessage()));
    QVERIFY(JobRules::sameName(QStringLiteral("Sales report"), QStringLiteral("sales REPORT")));
    // Names are stored in Unicode NFC: a decomposed é finds the composed one.
    Result<qint64> composed = jobs.create(withName(httpSpec("{}"), QStringLiteral("Caf\u00e9")));
    CH_VERIFY_OK(composed);
    Result<qint64> decomposed = jobs.create(withName(httpSpec("{}"), QStringLiteral("Cafe\u0301")));
    QCOMPARE(kindOf(decomposed), QStringLiteral("Conflict"));
    // Letters beyond ASCII fold too, as the editor folds them, and the job is found so.
    Result<qint64> apples = jobs.create(withName(httpSpec("{}"), QStringLiteral("\u00c4pfel")));
    CH_VERIFY_OK(apples);
    QVERIFY(JobRules::sameName(QStringLiteral("\u00c4pfel"), QStringLiteral("\u00e4pfel")));
    Result<qint64> lower = jobs.create(withName(httpSpec("{}"), QStringLiteral("\u00e4pfel")));
    QCOMPARE(kindOf(lower), QStringLiteral("Conflict"));
    QVERIFY2(lower.errorMessage().contains(QStringLiteral("\u00c4pfel")),
             qPrintable(lower.errorMessage()));
    Result<JobRecord> found = jobs.byName(QStringLiteral("\u00c4PFEL"));
    CH_VERIFY_OK(found);
    QCOMPARE(found->id, *apples);
    CH_SCALAR(byId, db, QStringLiteral("SELECT cronhelm.job_id('\u00e4PFEL')"));
    QCOMPARE(byId, QString::number(*apples));
}

// Two sessions give a job the same name at once: neither sees the other's job before the
// unique index decides, and the one refused is told which job has the name, as it would be
// a moment later.
void TestJobRules::raceNamesTheExistingJob()
{
    CH_DATABASE(db);
    CH_SCALAR(
        renamed, db,
        QStringLiteral("SELECT cronhelm.create_job('%1')")
            .arg(QString::fromUtf8(QJsonDocument(withName(httpSpec("{}"), QStringLiteral("Other")))
                                       .toJson(QJsonDocument::Compact))));
    for (const bool update : {false, true}) {
        PsqlSession first(db->conninfo());
        QVERIFY2(first.isOpen(), qPrintable(first.connectError()));
        QVERIFY(first.exec(QStringLiteral("BEGIN")).ok());
        const QString name = update ? QStringLiteral("Nightly") : QStringLiteral("Sales report");
        const QString spec = QString::fromUtf8(
            QJsonDocument(withName(httpSpec("{}"), name)).toJson(QJsonDocument::Compact));
        const SqlOutcome created =
            first.exec(QStringLiteral("SELECT cronhelm.create_job('%1')").arg(spec));
        QVERIFY2(created.ok(), qPrintable(created.describe()));

        SqlOutcome second;
        std::thread other([&] {
            PsqlSession session(db->conninfo());
            const QString sql = update
                ? QStringLiteral("SELECT cronhelm.update_job(%1, NULL, '{\"name\": \"%2\"}')")
                      .arg(renamed, name.toUpper())
                : QStringLiteral("SELECT cronhelm.create_job('%1')").arg(spec.toLower());
            second = session.exec(sql);
        });
        // The second session waits on the first one's index entry.
        const bool waiting = QTest::qWaitFor([&] {
            Result<QString> n = db->scalar(QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"));
            return n && *n == QLatin1String("1");
        });
        QVERIFY(first.exec(QStringLiteral("COMMIT")).ok());
        other.join();
        QVERIFY(waiting);
        QCOMPARE(second.sqlstate, QStringLiteral("CHCON"));
        const QString expected =
            QStringLiteral("a job named \"%1\" already exists (job %2)").arg(name, created.value());
        QVERIFY2(second.message.contains(expected), qPrintable(second.describe()));
    }
}

QTEST_GUILESS_MAIN(TestJobRules)
#include "tst_jobrules.moc"
