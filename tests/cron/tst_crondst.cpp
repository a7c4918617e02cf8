// Cron expressions across daylight-saving changes, and a property test against the brute-force
// oracle. The hand-checked instants below were worked out from the zones' rules:
// - America/New_York: EST UTC-5 / EDT UTC-4. 2026-03-08 07:00Z: 02:00 EST -> 03:00 EDT
//   (gap 02:00-03:00). 2026-11-01 06:00Z: 02:00 EDT -> 01:00 EST (01:00-02:00 twice).
// - Europe/Berlin: CET UTC+1 / CEST UTC+2. 2026-03-29 01:00Z: 02:00 -> 03:00 (gap).
//   2026-10-25 01:00Z: 03:00 -> 02:00 (02:00-03:00 twice).
// - Australia/Lord_Howe: UTC+10:30 / UTC+11, a 30-minute shift. 2026-04-04 15:00Z (Apr 5
//   local): 02:00 -> 01:30 (01:30-02:00 twice). 2026-10-03 15:30Z (Oct 4 local): 02:00 -> 02:30.
// - Pacific/Chatham: UTC+12:45 / UTC+13:45. 2026-04-04 14:00Z (Apr 5 local): 03:45 -> 02:45
//   (02:45-03:45 twice). 2026-09-26 14:00Z (Sep 27 local): 02:45 -> 03:45 (gap).
// Rules: hour field unrestricted -> real time (both overlap occurrences, nothing in a gap);
// restricted -> first occurrence only, and a gap time fires once at the wall-clock time read
// with the offset before the transition (NY 02:30 -> 03:30 EDT = 07:30Z).
#include <cron/cronexpression.h>
#include <cron/cronoracle.h>

#include <QRandomGenerator>
#include <QTest>

using namespace Cronhelm;

namespace {

QDateTime utc(const char *iso)
{
    const QDateTime value = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(value.isValid());
    return value.toUTC();
}

QStringList isoList(const QList<QDateTime> &instants)
{
    QStringList out;
    for (const QDateTime &instant : instants)
        out.append(instant.toString(Qt::ISODate));
    return out;
}

// Transitions of `zone` between two instants, as Qt reports them.
QList<QDateTime> transitionsOf(const QTimeZone &zone, const QDateTime &from, const QDateTime &to)
{
    QList<QDateTime> out;
    QDateTime at = from;
    while (true) {
        QTimeZone::OffsetData data = zone.nextTransition(at);
        if (!data.atUtc.isValid()) // Qt 6.4 stops at the end of a tz file's table
            data = zone.nextTransition(at.addSecs(1));
        if (!data.atUtc.isValid() || data.atUtc >= to)
            break;
        if (zone.offsetFromUtc(data.atUtc.addSecs(-1)) != data.offsetFromUtc)
            out.append(data.atUtc);
        at = data.atUtc;
    }
    return out;
}

} // namespace

class TestCronDst : public QObject
{
    Q_OBJECT

private slots:
    void handChecked_data();
    void handChecked();
    void neverTwiceAtOneInstant();
    void againstOracle_data();
    void againstOracle();
    void randomAgainstOracle();
};

void TestCronDst::handChecked_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *zone, const char *expression, const char *after,
                  std::initializer_list<const char *> expected) {
        QStringList list;
        for (const char *item : expected)
            list.append(QString::fromLatin1(item));
        QTest::newRow(name) << QString::fromLatin1(zone) << QString::fromLatin1(expression)
                            << utc(after) << list;
    };
    const char *ny = "America/New_York";
    const char *berlin = "Europe/Berlin";
    const char *lordHowe = "Australia/Lord_Howe";
    const char *chatham = "Pacific/Chatham";

    // --- New York, spring forward 2026-03-08 ---
    // 01:45 EST = 06:45Z; 02:00-02:59 do not exist; 03:00 EDT = 07:00Z.
    row("ny spring */15", ny, "*/15 * * * *", "2026-03-08T06:30:00Z",
        {"2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z"});
    // 01:30 EST = 06:30Z; no 02:30; 03:30 EDT = 07:30Z; 04:30 EDT = 08:30Z.
    row("ny spring 30 *", ny, "30 * * * *", "2026-03-08T06:00:00Z",
        {"2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", "2026-03-08T08:30:00Z"});
    // Hours 0, 2, 4 ...: 00:00 EST = 05:00Z; 02:00 skipped; 04:00 EDT = 08:00Z.
    row("ny spring 0 */2", ny, "0 */2 * * *", "2026-03-08T04:00:00Z",
        {"2026-03-08T05:00:00Z", "2026-03-08T08:00:00Z"});
    // 02:30 EST on Mar 7 = 07:30Z; Mar 8 02:30 is in the gap -> read with EST = 07:30Z
    // (03:30 EDT); Mar 9 02:30 EDT = 06:30Z.
    row("ny spring 30 2", ny, "30 2 * * *", "2026-03-07T00:00:00Z",
        {"2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z"});
    // 02:30 (gap) and 03:30 EDT are the same instant 07:30Z: fires once.
    row("ny spring 30 2,3", ny, "30 2,3 * * *", "2026-03-08T00:00:00Z",
        {"2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-09T07:30:00Z"});
    // 01:30 EST = 06:30Z; Mar 9 01:30 EDT = 05:30Z.
    row("ny spring 30 1", ny, "30 1 * * *", "2026-03-08T00:00:00Z",
        {"2026-03-08T06:30:00Z", "2026-03-09T05:30:00Z"});
    // 02:00 in the gap -> 07:00Z (03:00 EDT); Mar 9 02:00 EDT = 06:00Z.
    row("ny spring 0 2", ny, "0 2 * * *", "2026-03-08T00:00:00Z",
        {"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"});
    // Every minute of the missing hour maps one hour on: 02:00 -> 07:00Z, 02:01 -> 07:01Z.
    row("ny spring * 2", ny, "* 2 * * *", "2026-03-08T06:58:00Z",
        {"2026-03-08T07:00:00Z", "2026-03-08T07:01:00Z", "2026-03-08T07:02:00Z"});
    row("ny spring * 2 end", ny, "* 2 * * *", "2026-03-08T07:58:00Z",
        {"2026-03-08T07:59:00Z", "2026-03-09T06:00:00Z"});
    // 02:10/03:10 -> 07:10Z once; 02:45/03:45 -> 07:45Z once; Mar 9 02:10 EDT = 06:10Z.
    row("ny spring 10,45 2,3", ny, "10,45 2,3 * * *", "2026-03-08T06:00:00Z",
        {"2026-03-08T07:10:00Z", "2026-03-08T07:45:00Z", "2026-03-09T06:10:00Z"});
    // `after` is exactly the gap instant 07:00Z (02:00 and 03:00 both map there): next is
    // Mar 9 02:00 EDT = 06:00Z, then 03:00 EDT = 07:00Z.
    row("ny spring 0 2,3 after gap", ny, "0 2,3 * * *", "2026-03-08T07:00:00Z",
        {"2026-03-09T06:00:00Z", "2026-03-09T07:00:00Z"});
    row("ny spring 0,30 2 inside", ny, "0,30 2 * * *", "2026-03-08T07:10:00Z",
        {"2026-03-08T07:30:00Z", "2026-03-09T06:00:00Z"});
    // Six fields: 02:30:30 -> 07:30:30Z.
    row("ny spring seconds", ny, "30 30 2 * * *", "2026-03-08T00:00:00Z", {"2026-03-08T07:30:30Z"});

    // --- New York, fall back 2026-11-01 ---
    // 01:45 EDT = 05:45Z; 01:00 EST = 06:00Z; 01:15 EST = 06:15Z.
    row("ny fall */15", ny, "*/15 * * * *", "2026-11-01T05:40:00Z",
        {"2026-11-01T05:45:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:15:00Z"});
    // 01:30 EDT = 05:30Z, 01:30 EST = 06:30Z, 02:30 EST = 07:30Z.
    row("ny fall 30 *", ny, "30 * * * *", "2026-11-01T05:00:00Z",
        {"2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"});
    // Inside the second 01:xx: 01:30 EST = 06:30Z, 02:00 EST = 07:00Z.
    row("ny fall */30 in second pass", ny, "*/30 * * * *", "2026-11-01T06:10:00Z",
        {"2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z"});
    // 00:00 EDT = 04:00Z; 02:00 EST = 07:00Z.
    row("ny fall 0 */2", ny, "0 */2 * * *", "2026-11-01T03:00:00Z",
        {"2026-11-01T04:00:00Z", "2026-11-01T07:00:00Z"});
    // First 01:30 only (EDT, 05:30Z); next day 01:30 EST = 06:30Z.
    row("ny fall 30 1", ny, "30 1 * * *", "2026-11-01T00:00:00Z",
        {"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"});
    row("ny fall 30 2", ny, "30 2 * * *", "2026-11-01T00:00:00Z",
        {"2026-11-01T07:30:00Z", "2026-11-02T07:30:00Z"});
    // After the first 01:00 (05:00Z) the second one (06:00Z) does not fire.
    row("ny fall 0 1 after first", ny, "0 1 * * *", "2026-11-01T05:00:00Z",
        {"2026-11-02T06:00:00Z"});
    row("ny fall * 1", ny, "* 1 * * *", "2026-11-01T05:58:00Z",
        {"2026-11-01T05:59:00Z", "2026-11-02T06:00:00Z"});
    // 01:00 EDT 05:00Z, 01:30 EDT 05:30Z, (EST repeats skipped), 02:00 EST 07:00Z, 02:30 07:30Z.
    row("ny fall 0,30 1-2", ny, "0,30 1-2 * * *", "2026-11-01T04:00:00Z",
        {"2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T07:00:00Z",
         "2026-11-01T07:30:00Z"});
    // Seconds in the repeated minute: 01:59:00/20/40 EDT, then Nov 2 01:59 EST = 06:59Z.
    row("ny fall seconds", ny, "*/20 59 1 * * *", "2026-11-01T05:58:00Z",
        {"2026-11-01T05:59:00Z", "2026-11-01T05:59:20Z", "2026-11-01T05:59:40Z",
         "2026-11-02T06:59:00Z"});
    // Beyond the tz table (Qt 6.4 switches to the POSIX rule after 2037): Nov 1 2037 01:30
    // EDT = 05:30Z, then EST; Mar 14 2038 02:30 is in the gap -> 07:30Z.
    row("ny 2037 fall", ny, "30 1 * * *", "2037-11-01T00:00:00Z",
        {"2037-11-01T05:30:00Z", "2037-11-02T06:30:00Z"});
    row("ny 2038 spring", ny, "30 2 * * *", "2038-03-13T12:00:00Z",
        {"2038-03-14T07:30:00Z", "2038-03-15T06:30:00Z"});

    // --- Berlin ---
    // Mar 28 02:30 CET = 01:30Z; Mar 29 02:30 in the gap -> read with CET = 01:30Z
    // (03:30 CEST); Mar 30 02:30 CEST = 00:30Z.
    row("berlin spring 30 2", berlin, "30 2 * * *", "2026-03-28T00:00:00Z",
        {"2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"});
    // 01:45 CET = 00:45Z, 03:00 CEST = 01:00Z.
    row("berlin spring */15", berlin, "*/15 * * * *", "2026-03-29T00:40:00Z",
        {"2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:15:00Z"});
    // 01:30 CET = 00:30Z, no 02:30, 03:30 CEST = 01:30Z.
    row("berlin spring 30 *", berlin, "30 * * * *", "2026-03-29T00:00:00Z",
        {"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"});
    // 02:00 in the gap -> 01:00Z; Mar 30 02:00 CEST = 00:00Z.
    row("berlin spring 0 2", berlin, "0 2 * * *", "2026-03-29T00:00:00Z",
        {"2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z"});
    // Oct 25 02:30 CEST = 00:30Z (first); Oct 26 02:30 CET = 01:30Z.
    row("berlin fall 30 2", berlin, "30 2 * * *", "2026-10-25T00:00:00Z",
        {"2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"});
    // 02:30 CEST 00:30Z, 02:30 CET 01:30Z, 03:30 CET 02:30Z.
    row("berlin fall 30 *", berlin, "30 * * * *", "2026-10-25T00:00:00Z",
        {"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z"});
    // 02:45 CEST = 00:45Z, 02:00 CET = 01:00Z.
    row("berlin fall */15", berlin, "*/15 * * * *", "2026-10-25T00:40:00Z",
        {"2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:15:00Z"});
    // 02:00 CEST = 00:00Z; Oct 26 02:00 CET = 01:00Z.
    row("berlin fall 0 2", berlin, "0 2 * * *", "2026-10-24T23:00:00Z",
        {"2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z"});

    // --- Lord Howe, 30 minutes ---
    // Apr 5 local 01:30 first at +11 = 14:30Z (again at +10:30 = 15:00Z: skipped);
    // Apr 6 01:30 +10:30 = Apr 5 15:00Z.
    row("lord howe april 30 1", lordHowe, "30 1 * * *", "2026-04-04T12:00:00Z",
        {"2026-04-04T14:30:00Z", "2026-04-05T15:00:00Z"});
    row("lord howe april 45 1", lordHowe, "45 1 * * *", "2026-04-04T12:00:00Z",
        {"2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"});
    // 01:30 +11 = 14:30Z, 01:30 +10:30 = 15:00Z, 02:30 +10:30 = 16:00Z.
    row("lord howe april 30 *", lordHowe, "30 * * * *", "2026-04-04T14:00:00Z",
        {"2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z", "2026-04-04T16:00:00Z"});
    // 02:00 first shows at 15:30Z (+10:30); 03:00 = 16:30Z.
    row("lord howe april 0 *", lordHowe, "0 * * * *", "2026-04-04T14:00:00Z",
        {"2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z"});
    // 01:45 (+11) 14:45Z, 01:30 (+10:30) 15:00Z, 01:45 (+10:30) 15:15Z.
    row("lord howe april */15", lordHowe, "*/15 * * * *", "2026-04-04T14:40:00Z",
        {"2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z"});
    row("lord howe april 0 2", lordHowe, "0 2 * * *", "2026-04-04T12:00:00Z",
        {"2026-04-04T15:30:00Z", "2026-04-05T15:30:00Z"});
    // Oct 4 local: 02:00-02:29 missing. 02:30 +11 = 15:30Z; Oct 5 02:30 +11 = Oct 4 15:30Z.
    row("lord howe october 30 2", lordHowe, "30 2 * * *", "2026-10-03T12:00:00Z",
        {"2026-10-03T15:30:00Z", "2026-10-04T15:30:00Z"});
    // 02:15 in the gap read with +10:30 = 15:45Z (02:45 +11); Oct 5 02:15 +11 = 15:15Z.
    row("lord howe october 15 2", lordHowe, "15 2 * * *", "2026-10-03T12:00:00Z",
        {"2026-10-03T15:45:00Z", "2026-10-04T15:15:00Z"});
    row("lord howe october 0 2", lordHowe, "0 2 * * *", "2026-10-03T12:00:00Z",
        {"2026-10-03T15:30:00Z", "2026-10-04T15:00:00Z"});
    // 01:45 +10:30 = 15:15Z, 02:30 +11 = 15:30Z, 02:45 = 15:45Z.
    row("lord howe october */15", lordHowe, "*/15 * * * *", "2026-10-03T15:00:00Z",
        {"2026-10-03T15:15:00Z", "2026-10-03T15:30:00Z", "2026-10-03T15:45:00Z"});
    // 01:15 +10:30 = 14:45Z; 02:15 missing; 03:15 +11 = 16:15Z.
    row("lord howe october 15 *", lordHowe, "15 * * * *", "2026-10-03T14:30:00Z",
        {"2026-10-03T14:45:00Z", "2026-10-03T16:15:00Z"});
    // Not monotone: 02:40 is real (+11) = 15:40Z; 02:20 is in the gap -> 02:50 = 15:50Z.
    row("lord howe october 20,40 2", lordHowe, "20,40 2 * * *", "2026-10-03T12:00:00Z",
        {"2026-10-03T15:40:00Z", "2026-10-03T15:50:00Z", "2026-10-04T15:20:00Z"});
    row("lord howe october 0,15 2", lordHowe, "0,15 2 * * *", "2026-10-03T12:00:00Z",
        {"2026-10-03T15:30:00Z", "2026-10-03T15:45:00Z", "2026-10-04T15:00:00Z"});

    // --- Chatham, +12:45 / +13:45 ---
    // Apr 4 local 03:00 +13:45 = Apr 3 13:15Z; Apr 5 03:00 first at +13:45 = Apr 4 13:15Z
    // (again at +12:45 = 14:15Z: skipped); Apr 6 03:00 +12:45 = Apr 5 14:15Z.
    row("chatham april 0 3", chatham, "0 3 * * *", "2026-04-03T12:00:00Z",
        {"2026-04-03T13:15:00Z", "2026-04-04T13:15:00Z", "2026-04-05T14:15:00Z"});
    row("chatham april 30 3", chatham, "30 3 * * *", "2026-04-04T12:00:00Z",
        {"2026-04-04T13:45:00Z", "2026-04-05T14:45:00Z"});
    // Real time: 03:00 +13:45 = 13:15Z, 03:00 +12:45 = 14:15Z, 04:00 = 15:15Z.
    row("chatham april 0 *", chatham, "0 * * * *", "2026-04-04T13:00:00Z",
        {"2026-04-04T13:15:00Z", "2026-04-04T14:15:00Z", "2026-04-04T15:15:00Z"});
    // Sep 27 local 02:45-03:44 missing. 03:00 read with +12:45 = 14:15Z (04:00 +13:45);
    // Sep 28 03:00 +13:45 = Sep 27 13:15Z.
    row("chatham september 0 3", chatham, "0 3 * * *", "2026-09-26T12:00:00Z",
        {"2026-09-26T14:15:00Z", "2026-09-27T13:15:00Z"});
    // 02:30 exists (+12:45) = 13:45Z; Sep 28 02:30 +13:45 = Sep 27 12:45Z.
    row("chatham september 30 2", chatham, "30 2 * * *", "2026-09-26T12:00:00Z",
        {"2026-09-26T13:45:00Z", "2026-09-27T12:45:00Z"});
    // 02:50 in the gap -> 14:05Z (03:50 +13:45); Sep 28 02:50 +13:45 = Sep 27 13:05Z.
    row("chatham september 50 2", chatham, "50 2 * * *", "2026-09-26T12:00:00Z",
        {"2026-09-26T14:05:00Z", "2026-09-27T13:05:00Z"});
    // Real time: 02:00 +12:45 = 13:15Z; 03:00 missing; 04:00 +13:45 = 14:15Z.
    row("chatham september 0 *", chatham, "0 * * * *", "2026-09-26T13:00:00Z",
        {"2026-09-26T13:15:00Z", "2026-09-26T14:15:00Z"});
    // 03:00 (gap) and 04:00 both land on 14:15Z: once.
    row("chatham september 0 3,4", chatham, "0 3,4 * * *", "2026-09-26T12:00:00Z",
        {"2026-09-26T14:15:00Z", "2026-09-27T13:15:00Z", "2026-09-27T14:15:00Z"});
}

void TestCronDst::handChecked()
{
    QFETCH(QString, zone);
    QFETCH(QString, expression);
    QFETCH(QDateTime, after);
    QFETCH(QStringList, expected);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    QCOMPARE(isoList(parsed->nextInstants(after, tz, int(expected.size()))), expected);
    // The same chain one call at a time.
    QDateTime cursor = after;
    for (const QString &iso : expected) {
        cursor = parsed->nextAfter(cursor, tz);
        QCOMPARE(cursor.toString(Qt::ISODate), iso);
    }
}

void TestCronDst::neverTwiceAtOneInstant()
{
    // Restricted hours around every 2026 transition of several zones: strictly increasing.
    for (const char *zone : {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                             "Pacific/Chatham", "America/Santiago"}) {
        const QTimeZone tz(zone);
        for (const char *text : {"*/10 1-4 * * *", "30 2,3 * * *", "* 0-3 * * *"}) {
            const auto parsed = CronExpression::parse(QString::fromLatin1(text));
            QVERIFY(parsed.ok());
            for (const QDateTime &transition :
                 transitionsOf(tz, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))) {
                const auto instants = parsed->nextInstants(transition.addDays(-1), tz, 400);
                for (qsizetype i = 1; i < instants.size(); ++i)
                    QVERIFY2(instants.at(i - 1) < instants.at(i), zone);
            }
        }
    }
}

void TestCronDst::againstOracle_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("from"); // transitions in [from, to) are probed
    QTest::addColumn<QDateTime>("to");

    auto row = [](const char *zone, const char *from, const char *to) {
        QTest::newRow(qPrintable(
            QStringLiteral("%1 %2").arg(QLatin1String(zone), QLatin1String(from).left(4))))
            << QString::fromLatin1(zone) << utc(from) << utc(to);
    };
    row("America/New_York", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("America/New_York", "2037-06-01T00:00:00Z", "2038-12-01T00:00:00Z");
    row("Europe/Berlin", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("Europe/London", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("Australia/Lord_Howe", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("Australia/Lord_Howe", "2037-06-01T00:00:00Z", "2038-12-01T00:00:00Z");
    row("Pacific/Chatham", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("Australia/Sydney", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("America/Santiago", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"); // at midnight
    row("America/Havana", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");   // at midnight
    row("America/St_Johns", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    row("Asia/Tehran", "2021-01-01T00:00:00Z", "2023-01-01T00:00:00Z");
    row("Pacific/Apia", "2011-01-01T00:00:00Z", "2012-01-01T00:00:00Z");  // skipped Dec 30
    row("Europe/Moscow", "2011-01-01T00:00:00Z", "2015-01-01T00:00:00Z"); // one-way changes
}

// Around every transition, chains of fire instants agree with the brute-force walk.
void TestCronDst::againstOracle()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    const QList<QDateTime> transitions = transitionsOf(tz, from, to);
    QVERIFY(!transitions.isEmpty());

    const char *const expressions[] = {
        "*/15 * * * *", "30 * * * *", "0 * * * *",   "*/7 * * * *",    "0 */2 * * *",
        "30 2 * * *",   "30 1 * * *", "0 2 * * *",   "30 2,3 * * *",   "0,30 0-3 * * *",
        "45 0 * * *",   "0 0 * * *",  "59 23 * * *", "20,40 2 * * *",  "*/20 1-3 * * *",
        "0 12 * * *",   "@hourly",    "@daily",      "*/5 0,23 * * *", "15 1,2,3 * * *",
    };
    for (const char *text : expressions) {
        const auto parsed = CronExpression::parse(QString::fromLatin1(text));
        QVERIFY(parsed.ok());
        for (const QDateTime &transition : transitions) {
            for (qint64 shift : {-3 * 3600, -1800, 0, 1800}) {
                QDateTime cursor = transition.addSecs(shift - 7);
                for (int n = 0; n < 4; ++n) {
                    const QDateTime expected =
                        CronOracle::nextAfter(*parsed, cursor, tz, 2 * 86400);
                    const QDateTime actual = parsed->nextAfter(cursor, tz);
                    if (expected.isValid()) {
                        QVERIFY2(actual == expected,
                                 qPrintable(QStringLiteral("%1 in %2 after %3: %4, oracle %5")
                                                .arg(QLatin1String(text), zone,
                                                     cursor.toString(Qt::ISODate),
                                                     actual.toString(Qt::ISODate),
                                                     expected.toString(Qt::ISODate))));
                    } else {
                        QVERIFY(!actual.isValid() || actual > cursor.addSecs(2 * 86400));
                        break;
                    }
                    cursor = actual;
                }
            }
        }
    }
}

// Random expressions (including seconds and the extensions) in random zones near transitions.
void TestCronDst::randomAgainstOracle()
{
    QRandomGenerator random(20260308);
    const char *const zones[] = {"America/New_York", "Europe/Berlin",    "Australia/Lord_Howe",
                                 "Pacific/Chatham",  "America/Santiago", "UTC",
                                 "Asia/Kolkata",     "America/St_Johns"};
    auto pick = [&](std::initializer_list<const char *> options) {
        const auto index = random.bounded(int(options.size()));
        return QString::fromLatin1(*(options.begin() + index));
    };
    int compared = 0;
    for (int round = 0; round < 600; ++round) {
        const bool seconds = random.bounded(6) == 0;
        QStringList fields;
        if (seconds)
            fields << pick({"*/7", "0", "30", "*/20", "5-10"});
        fields << pick({"*", "*/15", "0", "30", "0,30", "10-20/5", "45", "*/7", "59"});
        fields << pick({"*", "*/2", "*/3", "2", "1,2,3", "0-4", "2-3", "23", "1/6", "3"});
        fields << pick(
            {"*", "*", "?", "*/2", "1", "15", "L", "LW", "15W", "1W", "L-3", "1-7", "29", "31"});
        fields << pick({"*", "*", "*/3", "3,4,9,10", "MAR-NOV", "10"});
        fields << pick({"*", "*", "?", "1-5", "0", "5L", "1#2", "SAT,SUN", "*/2", "6#1"});
        const QString text = fields.join(QLatin1Char(' '));
        const auto parsed = CronExpression::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(text + QStringLiteral(": ") + parsed.errorMessage()));
        const QTimeZone tz(zones[random.bounded(int(std::size(zones)))]);
        // A start within a few hours of a 2026 transition (or anywhere, for fixed zones).
        const QList<QDateTime> transitions =
            transitionsOf(tz, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        QDateTime start = transitions.isEmpty()
            ? utc("2026-03-01T00:00:00Z").addSecs(random.bounded(86400 * 200))
            : transitions.at(random.bounded(int(transitions.size())));
        start = start.addSecs(random.bounded(6 * 3600) - 4 * 3600);
        const qint64 window = seconds ? 6 * 3600 : 3 * 86400;
        QDateTime cursor = start;
        for (int n = 0; n < 3; ++n) {
            const QDateTime expected = CronOracle::nextAfter(*parsed, cursor, tz, window);
            const QDateTime actual = parsed->nextAfter(cursor, tz);
            if (!expected.isValid()) {
                QVERIFY2(!actual.isValid() || actual > cursor.addSecs(window),
                         qPrintable(text + QLatin1Char(' ') + QString::fromUtf8(tz.id())));
                break;
            }
            QVERIFY2(
                actual == expected,
                qPrintable(QStringLiteral("%1 in %2 after %3: %4, oracle %5")
                               .arg(text, QString::fromUtf8(tz.id()), cursor.toString(Qt::ISODate),
                                    actual.toString(Qt::ISODate), expected.toString(Qt::ISODate))));
            ++compared;
            cursor = actual;
        }
    }
    qInfo("compared %d instants", compared);
}

QTEST_GUILESS_MAIN(TestCronDst)
#include "tst_crondst.moc"
