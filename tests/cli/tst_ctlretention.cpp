// `cronhelmctl retention show|set` and `job add/edit --keep-days/--keep-runs`: the policy as
// people and scripts read it, who may change it (exit 3 otherwise), values refused before
// connecting (exit 2), and per-job overrides set and cleared.

#include "ctlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonObject showJson(const QString &conninfo)
{
    const CtlResult r = runCtlOn(conninfo, ctlArgs({"retention", "show", "--json"}));
    if (r.exitCode != 0)
        qWarning("%s", r.describe().constData());
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCtlRetention : public QObject
{
    Q_OBJECT

private slots:
    void showDefaults();
    void adminSets();
    void setKeepsWhatIsNotGiven();
    void refusedBeforeConnecting_data();
    void refusedBeforeConnecting();
    void operatorMayNotSet();
    void jobOverrides();
};

void TestCtlRetention::showDefaults()
{
    CTL_DATABASE(db, QStringLiteral("cli retention show"));
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"retention", "show"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("keep days: 365\nkeep runs: 100\n"));
    const QJsonObject json = showJson(db->conninfo());
    QCOMPARE(json.value(QStringLiteral("keep_days")).toInt(), 365);
    QCOMPARE(json.value(QStringLiteral("keep_runs")).toInt(), 100);
    QCOMPARE(json.value(QStringLiteral("overrides")).toArray().size(), 0);
}

void TestCtlRetention::adminSets()
{
    CTL_DATABASE(db, QStringLiteral("cli retention set"));
    const Cronhelm::Result<QString> admin = db->createLoginRole(QStringLiteral("cronhelm_admin"));
    QVERIFY(admin.ok());
    const CtlResult r =
        runCtlOn(db->conninfoAs(*admin),
                 ctlArgs({"retention", "set", "--keep-days", "30", "--keep-runs", "7"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("keep days: 30\nkeep runs: 7\n"));
    // A viewer sees it.
    const Cronhelm::Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.ok());
    const QJsonObject json = showJson(db->conninfoAs(*viewer));
    QCOMPARE(json.value(QStringLiteral("keep_days")).toInt(), 30);
    QCOMPARE(json.value(QStringLiteral("keep_runs")).toInt(), 7);
}

void TestCtlRetention::setKeepsWhatIsNotGiven()
{
    CTL_DATABASE(db, QStringLiteral("cli retention partial"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(), ctlArgs({"retention", "set", "--keep-runs", "0"})), 0);
    const QJsonObject json = showJson(db->conninfo());
    QCOMPARE(json.value(QStringLiteral("keep_days")).toInt(), 365);
    QCOMPARE(json.value(QStringLiteral("keep_runs")).toInt(), 0);
}

void TestCtlRetention::refusedBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing to set")
        << ctlArgs({"retention", "set"}) << QStringLiteral("--keep-days");
    QTest::newRow("zero days") << ctlArgs({"retention", "set", "--keep-days", "0"})
                               << QStringLiteral("--keep-days");
    QTest::newRow("too many runs")
        << ctlArgs({"retention", "set", "--keep-runs", "1000001"}) << QStringLiteral("--keep-runs");
    QTest::newRow("not a number") << ctlArgs({"retention", "set", "--keep-days", "a year"})
                                  << QStringLiteral("--keep-days");
    QTest::newRow("unknown subcommand")
        << ctlArgs({"retention", "apply"}) << QStringLiteral("apply");
}

void TestCtlRetention::refusedBeforeConnecting()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    // A conninfo that cannot connect: exit 2 shows the check came first.
    const CtlResult r =
        runCtl(args << QStringLiteral("--db") << QStringLiteral("host=/nonexistent port=1"));
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message), r.describe().constData());
}

void TestCtlRetention::operatorMayNotSet()
{
    CTL_DATABASE(db, QStringLiteral("cli retention operator"));
    const Cronhelm::Result<QString> op = db->createLoginRole(QStringLiteral("cronhelm_operator"));
    QVERIFY(op.ok());
    const CtlResult r =
        runCtlOn(db->conninfoAs(*op), ctlArgs({"retention", "set", "--keep-days", "1"}));
    CTL_EXPECT_EXIT(r, 3);
    QCOMPARE(showJson(db->conninfo()).value(QStringLiteral("keep_days")).toInt(), 365);
}

void TestCtlRetention::jobOverrides()
{
    CTL_DATABASE(db, QStringLiteral("cli retention job"));
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "add", "audited", "--cron", "@daily", "--shell",
                                      "true", "--keep-days", "3650"})),
                    0);
    CTL_EXPECT_EXIT(
        runCtlOn(db->conninfo(),
                 ctlArgs({"job", "add", "plain", "--cron", "@daily", "--shell", "true"})),
        0);
    QJsonArray overrides = showJson(db->conninfo()).value(QStringLiteral("overrides")).toArray();
    QCOMPARE(overrides.size(), 1);
    QCOMPARE(overrides.at(0).toObject().value(QStringLiteral("job")).toString(),
             QStringLiteral("audited"));
    QCOMPARE(overrides.at(0).toObject().value(QStringLiteral("keep_days")).toInt(), 3650);
    QVERIFY(overrides.at(0).toObject().value(QStringLiteral("keep_runs")).isNull());

    // Edit: a count added, the days back to the store-wide value.
    CTL_EXPECT_EXIT(runCtlOn(db->conninfo(),
                             ctlArgs({"job", "edit", "audited", "--keep-runs", "20", "--keep-days",
                                      "default"})),
                    0);
    overrides = showJson(db->conninfo()).value(QStringLiteral("overrides")).toArray();
    QCOMPARE(overrides.size(), 1);
    QVERIFY(overrides.at(0).toObject().value(QStringLiteral("keep_days")).isNull());
    QCOMPARE(overrides.at(0).toObject().value(QStringLiteral("keep_runs")).toInt(), 20);
    const CtlResult human = runCtlOn(db->conninfo(), ctlArgs({"retention", "show"}));
    CTL_EXPECT_EXIT(human, 0);
    QVERIFY2(human.text().contains(QLatin1String("audited  default    20")),
             human.describe().constData());

    // The job's rules say what may be kept, and name the option.
    const CtlResult bad =
        runCtlOn(db->conninfo(), ctlArgs({"job", "edit", "plain", "--keep-days", "0"}));
    CTL_EXPECT_EXIT(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--keep-days")), bad.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlRetention)
#include "tst_ctlretention.moc"
