// cronhelmctl's command line itself, without a database: --help and --version everywhere,
// usage errors (exit 2), input checked before connecting (exit 2 even when no database is
// reachable), and connection failures (exit 1 with a human message).

#include "ctlrunner.h"

#include <QtTest>

using namespace Cronhelm::Test;

namespace {

const QString unreachable = QStringLiteral("host=/nonexistent-cronhelm-test port=1");

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestCtlUsage : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void checkedBeforeConnecting_data();
    void checkedBeforeConnecting();
    void connectionFailure_data();
    void connectionFailure();
};

void TestCtlUsage::version()
{
    const CtlResult r = runCtl({QStringLiteral("--version")});
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(QLatin1String("cronhelmctl ")), r.describe().constData());
}

void TestCtlUsage::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    const char *const commands[] = {
        "next",           "migrate",      "status",          "job",         "job add",
        "job edit",       "job list",     "job show",        "job pause",   "job resume",
        "job delete",     "job run-now",  "job cancel-once", "runs",        "runs list",
        "runs show",      "runs log",     "runs export",     "runs cancel", "retention",
        "retention show", "retention set"};
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QStringLiteral("Usage: cronhelmctl ");
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")}
                        << QStringLiteral("Usage: cronhelmctl ");
    for (const char *command : commands) {
        QTest::newRow(command)
            << (words(command) << QStringLiteral("--help"))
            << QStringLiteral("Usage: cronhelmctl %1 ").arg(QString::fromUtf8(command));
    }
}

void TestCtlUsage::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    const CtlResult r = runCtl(args);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(usage), r.describe().constData());
    QVERIFY2(r.text().contains(QLatin1String("Exit codes:")), r.describe().constData());
    QVERIFY2(r.err.isEmpty(), r.describe().constData());
}

void TestCtlUsage::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << words("frobnicate");
    QTest::newRow("unknown global option") << words("--bogus job list");
    QTest::newRow("missing subcommand") << words("job");
    QTest::newRow("unknown subcommand") << words("job frobnicate");
    QTest::newRow("missing job name") << words("job show");
    QTest::newRow("extra argument") << words("job list extra");
    QTest::newRow("unknown option") << words("job list --bogus");
    QTest::newRow("missing option value") << words("job list --db");
    QTest::newRow("run id not a number") << words("runs show abc");
    QTest::newRow("export without format") << words("runs export");
    QTest::newRow("unknown status") << words("runs list --status exploded");
    QTest::newRow("bad since") << words("runs list --since tomorrowish");
    QTest::newRow("bad limit") << words("runs list --limit -3");
}

void TestCtlUsage::usageErrors()
{
    QFETCH(QStringList, args);
    const CtlResult r = runCtl(args << QStringLiteral("--db") << unreachable);
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
}

void TestCtlUsage::checkedBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList add = {QStringLiteral("job"), QStringLiteral("add"), QStringLiteral("n")};
    const QStringList shell = {QStringLiteral("--shell"), QStringLiteral("true")};
    const QStringList daily = {QStringLiteral("--cron"), QStringLiteral("@daily")};
    QTest::newRow("bad cron names the field")
        << add + shell + QStringList{QStringLiteral("--cron"), QStringLiteral("0 25 * * *")}
        << QStringLiteral("hour");
    QTest::newRow("bad zone") << add + shell + daily
            + QStringList{QStringLiteral("--tz"), QStringLiteral("Europe/Atlantis")}
                              << QStringLiteral("Europe/Atlantis");
    QTest::newRow("once in a dst gap") << add + shell
            + QStringList{QStringLiteral("--once"), QStringLiteral("2026-03-08T02:30"),
                          QStringLiteral("--tz"), QStringLiteral("America/New_York")}
                                       << QStringLiteral("does not exist");
    QTest::newRow("once in an overlap needs --occurrence") << add + shell
            + QStringList{QStringLiteral("--once"), QStringLiteral("2026-11-01T01:30"),
                          QStringLiteral("--tz"), QStringLiteral("America/New_York")}
                                                           << QStringLiteral("--occurrence");
    QTest::newRow("once with an offset")
        << add + shell + QStringList{QStringLiteral("--once"), QStringLiteral("2027-02-10T03:00Z")}
        << QStringLiteral("--once");
    QTest::newRow("no schedule") << add + shell << QStringLiteral("--cron");
    QTest::newRow("two schedules") << add + shell + daily
            + QStringList{QStringLiteral("--once"), QStringLiteral("2027-02-10T03:00")}
                                   << QStringLiteral("--once");
    QTest::newRow("no target") << add + daily << QStringLiteral("--http");
    QTest::newRow("two targets") << add + shell + daily
            + QStringList{QStringLiteral("--http"), QStringLiteral("https://example.org")}
                                 << QStringLiteral("--http");
    QTest::newRow("bad concurrency") << add + shell + daily
            + QStringList{QStringLiteral("--concurrency"), QStringLiteral("sometimes")}
                                     << QStringLiteral("--concurrency");
    QTest::newRow("bad misfire") << add + shell + daily
            + QStringList{QStringLiteral("--misfire"), QStringLiteral("panic")}
                                 << QStringLiteral("--misfire");
    QTest::newRow("bad header") << add + daily
            + QStringList{QStringLiteral("--http"), QStringLiteral("https://example.org"),
                          QStringLiteral("--header"), QStringLiteral("no colon")}
                                << QStringLiteral("--header");
    QTest::newRow("http option on a shell job")
        << add + shell + daily + QStringList{QStringLiteral("--method"), QStringLiteral("POST")}
        << QStringLiteral("HTTP");
    QTest::newRow("bad timeout") << add + shell + daily
            + QStringList{QStringLiteral("--timeout"), QStringLiteral("soon")}
                                 << QStringLiteral("--timeout");
    QTest::newRow("bad notify event") << add + shell + daily
            + QStringList{QStringLiteral("--notify-slack"), QStringLiteral("https://h.example"),
                          QStringLiteral("--notify-on"), QStringLiteral("failure,tuesday")}
                                      << QStringLiteral("tuesday");
    QTest::newRow("edit: bad cron")
        << QStringList{QStringLiteral("job"), QStringLiteral("edit"), QStringLiteral("n"),
                       QStringLiteral("--cron"), QStringLiteral("* * * 13 *")}
        << QStringLiteral("month");
    QTest::newRow("edit: pause and resume")
        << QStringList{QStringLiteral("job"), QStringLiteral("edit"), QStringLiteral("n"),
                       QStringLiteral("--paused"), QStringLiteral("--resume")}
        << QStringLiteral("--resume");
}

void TestCtlUsage::checkedBeforeConnecting()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CtlResult r = runCtl(args << QStringLiteral("--db") << unreachable);
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
    QVERIFY2(r.err.contains(message), r.describe().constData());
    QVERIFY2(!r.err.contains(QLatin1String("connect")), r.describe().constData());
}

void TestCtlUsage::connectionFailure_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("job list") << words("job list");
    QTest::newRow("migrate") << words("migrate");
    QTest::newRow("status") << words("status --json");
    // Valid input gets as far as connecting: the overlap is resolved by --occurrence.
    QTest::newRow("job add") << QStringList{QStringLiteral("job"),
                                            QStringLiteral("add"),
                                            QStringLiteral("n"),
                                            QStringLiteral("--shell"),
                                            QStringLiteral("true"),
                                            QStringLiteral("--once"),
                                            QStringLiteral("2026-11-01T01:30"),
                                            QStringLiteral("--tz"),
                                            QStringLiteral("America/New_York"),
                                            QStringLiteral("--occurrence"),
                                            QStringLiteral("second")};
}

void TestCtlUsage::connectionFailure()
{
    QFETCH(QStringList, args);
    // Through the PG* variables, i.e. with no --db and no CRONHELM_DB.
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent-cronhelm-test"));
    env.insert(QStringLiteral("PGPORT"), QStringLiteral("1"));
    const CtlResult r = runCtl(args, env);
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: cannot connect to the database: ")),
             r.describe().constData());
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlUsage)
#include "tst_ctlusage.moc"
