// One-off schedules: the database accepts once_at only when it reads once_local on the
// clocks of the job's zone. A local time in a DST gap is refused whatever instant is
// offered; one in an overlap is accepted for either of its two instants.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

QJsonObject onceJob(const QString &name, const QString &zone, const QString &local,
                    const QString &at)
{
    QJsonObject spec = shellJob(name);
    spec.remove(QStringLiteral("cron"));
    spec.insert(QStringLiteral("time_zone"), zone);
    spec.insert(QStringLiteral("once_local"), local);
    spec.insert(QStringLiteral("once_at"), at);
    return spec;
}

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.toUTC();
}

} // namespace

class TestOnceSchedule : public QObject
{
    Q_OBJECT

private slots:
    void localTimeMustMatch_data();
    void localTimeMustMatch();
    void updateReresolves();
    void firesOnceAndCancelledNever();

private:
    FunctionDatabase m_db;
};

void TestOnceSchedule::localTimeMustMatch_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("at");
    QTest::addColumn<bool>("accepted");

    const auto row = [](const char *tag, const char *zone, const char *local, const char *at,
                        bool accepted) {
        QTest::newRow(tag) << QString::fromLatin1(zone) << QString::fromLatin1(local)
                           << QString::fromLatin1(at) << accepted;
    };
    row("Berlin winter", "Europe/Berlin", "2027-02-10T03:00:00", "2027-02-10T02:00:00Z", true);
    row("Berlin summer", "Europe/Berlin", "2027-07-01T09:00:00", "2027-07-01T07:00:00Z", true);
    row("Berlin summer, winter offset", "Europe/Berlin", "2027-07-01T09:00:00",
        "2027-07-01T08:00:00Z", false);
    row("Berlin summer, naive UTC", "Europe/Berlin", "2027-07-01T09:00:00", "2027-07-01T09:00:00Z",
        false);
    row("Berlin gap, old offset", "Europe/Berlin", "2027-03-28T02:30:00", "2027-03-28T01:30:00Z",
        false);
    row("Berlin gap, new offset", "Europe/Berlin", "2027-03-28T02:30:00", "2027-03-28T00:30:00Z",
        false);
    row("Berlin overlap, first", "Europe/Berlin", "2027-10-31T02:30:00", "2027-10-31T00:30:00Z",
        true);
    row("Berlin overlap, second", "Europe/Berlin", "2027-10-31T02:30:00", "2027-10-31T01:30:00Z",
        true);
    row("Berlin overlap, neither", "Europe/Berlin", "2027-10-31T02:30:00", "2027-10-31T02:30:00Z",
        false);
    row("New York gap", "America/New_York", "2027-03-14T02:30:00", "2027-03-14T07:30:00Z", false);
    row("New York overlap, EDT", "America/New_York", "2027-11-07T01:30:00", "2027-11-07T05:30:00Z",
        true);
    row("New York overlap, EST", "America/New_York", "2027-11-07T01:30:00", "2027-11-07T06:30:00Z",
        true);
    row("New York, offset given", "America/New_York", "2027-02-10T03:00:00",
        "2027-02-10T03:00:00-05:00", true);
    row("Lord Howe half-hour overlap, first", "Australia/Lord_Howe", "2027-04-04T01:45:00",
        "2027-04-03T14:45:00Z", true);
    row("Lord Howe half-hour overlap, second", "Australia/Lord_Howe", "2027-04-04T01:45:00",
        "2027-04-03T15:15:00Z", true);
    row("Kolkata", "Asia/Kolkata", "2027-01-01T00:00:00", "2026-12-31T18:30:00Z", true);
    row("Samoa skipped day", "Pacific/Apia", "2011-12-30T12:00:00", "2011-12-30T22:00:00Z", false);
    row("UTC", "UTC", "2027-02-10T03:00:00", "2027-02-10T03:00:00.000Z", true);
    row("UTC off by a millisecond", "UTC", "2027-02-10T03:00:00", "2027-02-10T03:00:00.001Z",
        false);
}

void TestOnceSchedule::localTimeMustMatch()
{
    QFETCH(QString, zone);
    QFETCH(QString, local);
    QFETCH(QString, at);
    QFETCH(bool, accepted);
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    const QString name = QString::fromLatin1(QTest::currentDataTag());

    Result<qint64> id = jobs.create(onceJob(name, zone, local, at));
    if (!accepted) {
        QCOMPARE(kindOf(id), QStringLiteral("BadInput"));
        QVERIFY2(id.errorMessage().startsWith(QLatin1String("once:")),
                 qPrintable(id.errorMessage()));
        QVERIFY2(id.errorMessage().contains(zone), qPrintable(id.errorMessage()));
        QVERIFY2(id.errorMessage().contains(QLatin1String("may not exist")),
                 qPrintable(id.errorMessage()));
        return;
    }
    CH_VERIFY_OK(id);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->spec.scheduleKind, ScheduleKind::Once); // inferred from once_local
    QCOMPARE(job->onceState, OnceState::Pending);
    QCOMPARE(job->spec.timeZone, zone);
    QCOMPARE(job->spec.onceAt, utc(at));
    // The wall-clock digits the user chose are kept as chosen.
    QCOMPARE(job->spec.onceLocal.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")), local);
    QCOMPARE(job->spec.toJson().value(QStringLiteral("once_local")).toString(), local);
}

void TestOnceSchedule::updateReresolves()
{
    CH_FUNCTION_DATABASE(db, m_db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(
        onceJob(QStringLiteral("deploy"), QStringLiteral("Europe/Berlin"),
                QStringLiteral("2027-02-10T03:00:00"), QStringLiteral("2027-02-10T02:00:00Z")));
    CH_VERIFY_OK(id);

    // Changing only the zone would silently move the instant: refused until re-resolved.
    Result<int> v =
        jobs.update(*id, 1, {{QStringLiteral("time_zone"), QStringLiteral("Asia/Tokyo")}});
    QCOMPARE(kindOf(v), QStringLiteral("BadInput"));
    v = jobs.update(*id, 1,
                    {{QStringLiteral("time_zone"), QStringLiteral("Asia/Tokyo")},
                     {QStringLiteral("once_at"), QStringLiteral("2027-02-09T18:00:00Z")}});
    CH_VERIFY_OK(v);
    QCOMPARE(*v, 2);

    // A completed one-off that is moved to a new instant is pending again.
    CH_EXEC(db, QStringLiteral("UPDATE cronhelm.jobs SET once_state = 'completed'"));
    v = jobs.update(*id, 2, {{QStringLiteral("description"), QStringLiteral("done")}});
    CH_VERIFY_OK(v);
    Result<JobRecord> job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->onceState, OnceState::Completed);
    v = jobs.update(*id, 3,
                    {{QStringLiteral("once_local"), QStringLiteral("2027-03-01T12:00:00")},
                     {QStringLiteral("once_at"), QStringLiteral("2027-03-01T03:00:00Z")}});
    CH_VERIFY_OK(v);
    job = jobs.byId(*id);
    CH_VERIFY_OK(job);
    QCOMPARE(job->onceState, OnceState::Pending);
    QCOMPARE(job->spec.onceAt, utc(QStringLiteral("2027-03-01T03:00:00Z")));
}

// The executor fires a pending one-off once and marks it completed; a cancelled one is
// never fired, whatever the executor asks.
void TestOnceSchedule::firesOnceAndCancelledNever()
{
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(nodeRole, db, "cronhelm_node");
    StoreConnection connection(db->conninfo());
    StoreConnection nodeConnection(db->conninfoAs(nodeRole));
    JobStore jobs(connection);
    NodeStore node(nodeConnection);

    QDateTime slot = QDateTime::currentDateTimeUtc().addSecs(20);
    slot.setTime(QTime(slot.time().hour(), slot.time().minute(), slot.time().second()));
    const QString local = slot.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const QString at = slot.toString(Qt::ISODate);
    Result<qint64> pending =
        jobs.create(onceJob(QStringLiteral("pending"), QStringLiteral("UTC"), local, at));
    CH_VERIFY_OK(pending);
    Result<qint64> cancelled =
        jobs.create(onceJob(QStringLiteral("cancelled"), QStringLiteral("UTC"), local, at));
    CH_VERIFY_OK(cancelled);
    CH_VERIFY_OK(jobs.cancelOnce(*cancelled));

    Result<std::optional<qint64>> term = node.acquireLease(QStringLiteral("n1"), 30);
    CH_VERIFY_OK(term);
    QVERIFY(term->has_value());
    const QList<SlotFire> fires = {
        {*pending, slot, RunTrigger::Schedule, SlotDecision::Start, {}},
        {*cancelled, slot, RunTrigger::Schedule, SlotDecision::Start, {}},
    };
    Result<QList<FiredRun>> fired = node.fireSlots(QStringLiteral("n1"), **term, fires);
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    QCOMPARE(fired->at(0).index, 0);

    Result<JobRecord> job = jobs.byId(*pending);
    CH_VERIFY_OK(job);
    QCOMPARE(job->onceState, OnceState::Completed);
    job = jobs.byId(*cancelled);
    CH_VERIFY_OK(job);
    QCOMPARE(job->onceState, OnceState::Cancelled);

    // A completed one-off is not fired again, even for another slot.
    fired =
        node.fireSlots(QStringLiteral("n1"), **term,
                       {{*pending, slot.addSecs(1), RunTrigger::CatchUp, SlotDecision::Start, {}}});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 0);
    CH_SCALAR(runs, db, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(runs.toInt(), 1);
}

QTEST_GUILESS_MAIN(TestOnceSchedule)
#include "tst_onceschedule.moc"
