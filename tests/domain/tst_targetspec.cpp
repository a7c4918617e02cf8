#include <domain/targetspec.h>
#include <result.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;
using namespace Qt::StringLiterals;

namespace {

// JSON written with single quotes, for readability in C++ string literals.
QJsonObject json(QByteArray text)
{
    return QJsonDocument::fromJson(text.replace('\'', '"')).object();
}

} // namespace

class TestTargetSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Credentials written out in a header are pointed out; references to the node's
    // environment and ordinary headers are not.
    void literalSecretHeaders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("warned");
        QTest::newRow("bearer") << u"Authorization"_s << u"Bearer abc123"_s << true;
        QTest::newRow("lower case") << u"authorization"_s << u"Basic dXNlcjpwdw=="_s << true;
        QTest::newRow("cookie") << u"Cookie"_s << u"session=abc"_s << true;
        QTest::newRow("proxy") << u"Proxy-Authorization"_s << u"Basic x"_s << true;
        QTest::newRow("api key") << u"X-Api-Key"_s << u"k-123"_s << true;
        QTest::newRow("apikey") << u"X-APIKEY"_s << u"k-123"_s << true;
        QTest::newRow("token") << u"X-Auth-Token"_s << u"t"_s << true;
        QTest::newRow("secret") << u"Client-Secret"_s << u"s"_s << true;
        QTest::newRow("reference") << u"Authorization"_s << u"Bearer ${env:TOKEN}"_s << false;
        QTest::newRow("key reference") << u"X-Api-Key"_s << u"${env:KEY}"_s << false;
        QTest::newRow("ordinary") << u"X-Team"_s << u"ops"_s << false;
        QTest::newRow("content type") << u"Content-Type"_s << u"application/json"_s << false;
    }
    void literalSecretHeaders()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, warned);
        HttpTarget target;
        target.headers = {{u"Accept"_s, u"*/*"_s}, {name, value}};
        QCOMPARE(Cronhelm::literalSecretHeaders(target),
                 warned ? QStringList{name} : QStringList{});
    }

    // Only CRONHELM_SECRET_ names resolve on the nodes: any other reference is pointed out
    // where it is written, once, with the name to write instead.
    void undeclaredSecretReferences_data()
    {
        QTest::addColumn<QJsonObject>("target");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("advice"); // in the first message; empty: none
        QTest::newRow("declared everywhere")
            << json("{'url': 'https://${env:CRONHELM_SECRET_HOST}/x?k=${env:CRONHELM_SECRET_K}', "
                    "'headers': {'Authorization': 'Bearer ${env:CRONHELM_SECRET_TOKEN}'}, "
                    "'body': {'key': '${env:CRONHELM_SECRET_BODY}'}}")
            << QStringList{} << QString();
        QTest::newRow("header without prefix")
            << json("{'url': 'https://x/', 'headers': {'Authorization': 'Bearer ${env:TOKEN}'}}")
            << QStringList{u"target.headers"_s} << u"${env:CRONHELM_SECRET_TOKEN}"_s;
        QTest::newRow("url and JSON body")
            << json("{'url': 'https://x/?k=${env:API_KEY}', 'body': {'a': ['${env:PGPASSWORD}']}}")
            << QStringList{u"target.body"_s, u"target.url"_s} // in the order of the keys
            << u"${env:CRONHELM_SECRET_PGPASSWORD}"_s;
        QTest::newRow("shell command and env")
            << json("{'command': 'curl -u ${env:USER_PW} x', 'env': {'A': '${env:HOME}'}}")
            << QStringList{u"target.command"_s, u"target.env"_s}
            << u"${env:CRONHELM_SECRET_USER_PW}"_s;
        QTest::newRow("repeated once")
            << json("{'url': 'https://${env:H}/${env:H}'}") << QStringList{u"target.url"_s}
            << u"${env:CRONHELM_SECRET_H}"_s;
        QTest::newRow("not a name") << json("{'url': 'https://x/${env:my-key}'}")
                                    << QStringList{u"target.url"_s} << QString();
        QTest::newRow("prefix alone") << json("{'url': 'https://x/${env:CRONHELM_SECRET_}'}")
                                      << QStringList{u"target.url"_s} << QString();
    }
    void undeclaredSecretReferences()
    {
        QFETCH(QJsonObject, target);
        QFETCH(QStringList, fields);
        QFETCH(QString, advice);
        const FieldProblems problems = Cronhelm::undeclaredSecretReferences(target);
        QStringList found;
        for (const FieldProblem &p : problems)
            found.append(p.field);
        QCOMPARE(found, fields);
        if (!fields.isEmpty()) {
            const QString message = problems.constFirst().message;
            QVERIFY2(message.contains(u"every run would fail"_s), qPrintable(message));
            if (!advice.isEmpty())
                QVERIFY2(message.contains(advice), qPrintable(message));
        }
        // The node refuses exactly these (core/exec/secrets.cpp asks the same rule).
        QVERIFY(SecretNames::isDeclared(u"CRONHELM_SECRET_X"_s));
        QVERIFY(!SecretNames::isDeclared(u"CRONHELM_SECRET_"_s));
        QVERIFY(!SecretNames::isDeclared(u"PGPASSWORD"_s));
    }

    void httpDefaults()
    {
        auto spec =
            TargetSpec::parse(TargetKind::Http, json("{'url': 'https://example.org/hook'}"));
        QVERIFY2(spec.ok(), qPrintable(spec.errorMessage()));
        QCOMPARE(spec->kind, TargetKind::Http);
        QCOMPARE(spec->http.method, QStringLiteral("GET"));
        QCOMPARE(spec->http.url, QStringLiteral("https://example.org/hook"));
        QCOMPARE(spec->http.expectStatus.low, 200);
        QCOMPARE(spec->http.expectStatus.high, 299);
        QCOMPARE(spec->http.maxRedirects, 5);
        QVERIFY(spec->http.headers.isEmpty());
        QVERIFY(spec->http.failIfBodyMatches.isEmpty());
    }

    void httpFull()
    {
        // Built in code: moc cannot read escaped quotes inside raw string literals.
        const QJsonObject target{
            {QStringLiteral("method"), QStringLiteral("post")},
            {QStringLiteral("url"), QStringLiteral("https://example.org/run?x=1")},
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer ${env:TOKEN}")},
                         {QStringLiteral("X-Team"), QStringLiteral("ops")}}},
            {QStringLiteral("body"), QStringLiteral("{\"a\":1}")},
            {QStringLiteral("expect_status"), QStringLiteral("204")},
            {QStringLiteral("fail_if_body_matches"),
             QStringLiteral("\"status\"\\s*:\\s*\"error\"")},
            {QStringLiteral("max_redirects"), 0}};
        auto spec = TargetSpec::parse(TargetKind::Http, target);
        QVERIFY2(spec.ok(), qPrintable(spec.errorMessage()));
        QCOMPARE(spec->http.method, QStringLiteral("POST"));
        QCOMPARE(spec->http.headers.size(), 2);
        QCOMPARE(spec->http.headers.at(0).first, QStringLiteral("Authorization"));
        QCOMPARE(spec->http.headers.at(0).second, QStringLiteral("Bearer ${env:TOKEN}"));
        QCOMPARE(spec->http.body, QStringLiteral("{\"a\":1}"));
        QCOMPARE(spec->http.expectStatus.low, 204);
        QCOMPARE(spec->http.expectStatus.high, 204);
        QCOMPARE(spec->http.expectStatus.toString(), QStringLiteral("204"));
        QCOMPARE(spec->http.failIfBodyMatches, QStringLiteral("\"status\"\\s*:\\s*\"error\""));
        QCOMPARE(spec->http.maxRedirects, 0);
    }

    void httpJsonBodyObject()
    {
        auto spec = TargetSpec::parse(
            TargetKind::Http,
            json("{'method': 'POST', 'url': 'http://h/', 'body': {'sync': 'crm'}}"));
        QVERIFY2(spec.ok(), qPrintable(spec.errorMessage()));
        QCOMPARE(spec->http.body, QStringLiteral("{\"sync\":\"crm\"}"));
        QVERIFY(spec->http.bodyIsJson);
    }

    void shellCommandAndArgv()
    {
        auto command =
            TargetSpec::parse(TargetKind::Shell,
                              json("{'command': 'echo hi', 'workdir': '/tmp', 'env': {'A': '1'}}"));
        QVERIFY2(command.ok(), qPrintable(command.errorMessage()));
        QCOMPARE(command->kind, TargetKind::Shell);
        QCOMPARE(command->shell.command, QStringLiteral("echo hi"));
        QVERIFY(command->shell.argv.isEmpty());
        QCOMPARE(command->shell.workdir, QStringLiteral("/tmp"));
        QCOMPARE(command->shell.env.size(), 1);

        auto argv = TargetSpec::parse(TargetKind::Shell, json("{'argv': ['printf', '%s', 'a b']}"));
        QVERIFY2(argv.ok(), qPrintable(argv.errorMessage()));
        QCOMPARE(
            argv->shell.argv,
            (QStringList{QStringLiteral("printf"), QStringLiteral("%s"), QStringLiteral("a b")}));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("field");

        QTest::newRow("no url") << QStringLiteral("http") << QByteArray("{}")
                                << QStringLiteral("target.url");
        QTest::newRow("ftp url") << QStringLiteral("http") << QByteArray("{'url': 'ftp://x/'}")
                                 << QStringLiteral("target.url");
        QTest::newRow("bad method")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'method': 'BREW'}")
            << QStringLiteral("target.method");
        QTest::newRow("headers not object")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'headers': [1]}")
            << QStringLiteral("target.headers");
        QTest::newRow("header value not string")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'headers': {'A': 1}}")
            << QStringLiteral("target.headers");
        QTest::newRow("header name invalid")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'headers': {'A B': '1'}}")
            << QStringLiteral("target.headers");
        QTest::newRow("header value with newline")
            << QStringLiteral("http")
            << QByteArray("{'url': 'http://x/', 'headers': {'A': '1\\r\\nB: 2'}}")
            << QStringLiteral("target.headers");
        QTest::newRow("status text")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'expect_status': 'ok'}")
            << QStringLiteral("target.expect_status");
        QTest::newRow("status descending")
            << QStringLiteral("http")
            << QByteArray("{'url': 'http://x/', 'expect_status': '299-200'}")
            << QStringLiteral("target.expect_status");
        QTest::newRow("invalid regex")
            << QStringLiteral("http")
            << QByteArray("{'url': 'http://x/', 'fail_if_body_matches': '(unclosed'}")
            << QStringLiteral("target.fail_if_body_matches");
        QTest::newRow("negative redirects")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'max_redirects': -1}")
            << QStringLiteral("target.max_redirects");
        QTest::newRow("body number")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'body': 5}")
            << QStringLiteral("target.body");
        QTest::newRow("shell empty")
            << QStringLiteral("shell") << QByteArray("{}") << QStringLiteral("target.command");
        QTest::newRow("shell blank command")
            << QStringLiteral("shell") << QByteArray("{'command': '  '}")
            << QStringLiteral("target.command");
        QTest::newRow("shell both")
            << QStringLiteral("shell") << QByteArray("{'command': 'ls', 'argv': ['ls']}")
            << QStringLiteral("target.command");
        QTest::newRow("argv empty") << QStringLiteral("shell") << QByteArray("{'argv': []}")
                                    << QStringLiteral("target.argv");
        QTest::newRow("argv number") << QStringLiteral("shell") << QByteArray("{'argv': ['ls', 3]}")
                                     << QStringLiteral("target.argv");
        QTest::newRow("env not object")
            << QStringLiteral("shell") << QByteArray("{'command': 'ls', 'env': 'A=1'}")
            << QStringLiteral("target.env");
        QTest::newRow("env name with =")
            << QStringLiteral("shell") << QByteArray("{'command': 'ls', 'env': {'A=B': '1'}}")
            << QStringLiteral("target.env");
        QTest::newRow("status with spaces")
            << QStringLiteral("http")
            << QByteArray("{'url': 'http://x/', 'expect_status': ' 200 - 204 '}")
            << QStringLiteral("target.expect_status");
        QTest::newRow("status above 599")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'expect_status': '700'}")
            << QStringLiteral("target.expect_status");
        QTest::newRow("unknown key")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'hedaers': {}}")
            << QStringLiteral("target");
        QTest::newRow("secret in argv")
            << QStringLiteral("shell") << QByteArray("{'argv': ['curl', '${env:TOKEN}']}")
            << QStringLiteral("target.argv");
        QTest::newRow("connect timeout zero")
            << QStringLiteral("http") << QByteArray("{'url': 'http://x/', 'connect_timeout_s': 0}")
            << QStringLiteral("target.connect_timeout_s");
        QTest::newRow("workdir number")
            << QStringLiteral("shell") << QByteArray("{'command': 'ls', 'workdir': 1}")
            << QStringLiteral("target.workdir");
    }

    void invalid()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, target);
        QFETCH(QString, field);
        const auto spec = TargetSpec::parse(*fromWireName<TargetKind>(type), json(target));
        QVERIFY(!spec.ok());
        QCOMPARE(spec.errorKind(), ErrorKind::BadInput);
        QVERIFY2(spec.errorMessage().startsWith(field + u':'), qPrintable(spec.errorMessage()));
    }

    void statusRanges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::newRow("range") << QStringLiteral("200-299") << 200 << 299;
        QTest::newRow("single") << QStringLiteral("204") << 204 << 204;
        QTest::newRow("server errors") << QStringLiteral("500-599") << 500 << 599;
    }

    void statusRanges()
    {
        QFETCH(QString, text);
        QFETCH(int, low);
        QFETCH(int, high);
        QJsonObject target{{QStringLiteral("url"), QStringLiteral("http://x/")},
                           {QStringLiteral("expect_status"), text}};
        auto spec = TargetSpec::parse(TargetKind::Http, target);
        QVERIFY2(spec.ok(), qPrintable(spec.errorMessage()));
        QCOMPARE(spec->http.expectStatus.low, low);
        QCOMPARE(spec->http.expectStatus.high, high);
        QVERIFY(spec->http.expectStatus.contains(low));
        QVERIFY(spec->http.expectStatus.contains(high));
        QVERIFY(!spec->http.expectStatus.contains(low - 1));
        QVERIFY(!spec->http.expectStatus.contains(high + 1));
    }
};

QTEST_GUILESS_MAIN(TestTargetSpec)
#include "tst_targetspec.moc"
