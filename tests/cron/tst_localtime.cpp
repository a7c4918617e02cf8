// One-off schedules: local wall-clock times resolved to UTC, and zone lookup. Expected instants
// worked out by hand from the zones' rules (see tst_crondst.cpp for the 2026 transitions;
// New York's 2027 spring change is Sunday 2027-03-14 at 07:00Z; Santiago's 2026 changes are
// 2026-04-05 03:00Z (00:00 -03 -> 23:00 -04 the evening before) and 2026-09-06 04:00Z
// (00:00 -04 -> 01:00 -03); Apia skipped 2011-12-30 entirely at 2011-12-30 10:00Z (-10 -> +14)).
#include <cron/localtime.h>

#include <QTest>

using namespace Cronhelm;

using Kind = LocalTimeResolution::Kind;
Q_DECLARE_METATYPE(LocalTimeResolution::Kind)

namespace {

QDateTime utc(const char *iso)
{
    if (!iso)
        return QDateTime();
    const QDateTime value = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(value.isValid());
    return value.toUTC();
}

} // namespace

class TestLocalTime : public QObject
{
    Q_OBJECT

private slots:
    void zoneFromIdValid_data();
    void zoneFromIdValid();
    void zoneFromIdInvalid_data();
    void zoneFromIdInvalid();
    void resolve_data();
    void resolve();
    void resolveInvalidInput();
    void keepsMilliseconds();
};

void TestLocalTime::zoneFromIdValid_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"Europe/Berlin", "America/New_York", "UTC", "Etc/UTC",
                           "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata",
                           "America/Argentina/Buenos_Aires", "Etc/GMT+5", "America/Port-au-Prince"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestLocalTime::zoneFromIdValid()
{
    QFETCH(QString, id);
    const auto zone = zoneFromId(id);
    QVERIFY2(zone.ok(), qPrintable(zone.errorMessage()));
    QVERIFY(zone->isValid());
    QCOMPARE(QString::fromUtf8(zone->id()), id);
}

void TestLocalTime::zoneFromIdInvalid_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"Mars/Olympus", "", "Europe/", "europe/berlin", "../../etc/passwd",
          "/usr/share/zoneinfo/UTC", "Europe/Berlin;rm", "Europe/Bèrlin", "America/New York"})
        QTest::newRow(id) << QString::fromUtf8(id);
}

void TestLocalTime::zoneFromIdInvalid()
{
    QFETCH(QString, id);
    const auto zone = zoneFromId(id);
    QVERIFY(!zone.ok());
    QCOMPARE(zone.errorKind(), ErrorKind::BadInput);
    QCOMPARE(zone.errorMessage(), QStringLiteral("unknown time zone \"%1\"").arg(id));
}

void TestLocalTime::resolve_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("second");
    QTest::addColumn<QStringList>("fragments"); // of the explanation

    auto row = [](const char *name, const char *zone, QDate date, QTime time, Kind kind,
                  const char *first, const char *second, QStringList fragments = {}) {
        QTest::newRow(name) << QString::fromLatin1(zone) << date << time << kind << utc(first)
                            << utc(second) << fragments;
    };
    const char *ny = "America/New_York";
    // Unique.
    row("ny summer", ny, {2026, 7, 1}, {12, 0}, Kind::Unique, "2026-07-01T16:00:00Z", nullptr);
    row("ny winter", ny, {2026, 1, 15}, {12, 0}, Kind::Unique, "2026-01-15T17:00:00Z", nullptr);
    row("ny before gap", ny, {2026, 3, 8}, {1, 59}, Kind::Unique, "2026-03-08T06:59:00Z", nullptr);
    row("ny gap end", ny, {2026, 3, 8}, {3, 0}, Kind::Unique, "2026-03-08T07:00:00Z", nullptr);
    row("ny before overlap", ny, {2026, 11, 1}, {0, 59}, Kind::Unique, "2026-11-01T04:59:00Z",
        nullptr);
    row("ny overlap end", ny, {2026, 11, 1}, {2, 0}, Kind::Unique, "2026-11-01T07:00:00Z", nullptr);
    row("utc", "UTC", {2026, 3, 8}, {2, 30}, Kind::Unique, "2026-03-08T02:30:00Z", nullptr);
    row("kolkata", "Asia/Kolkata", {2026, 3, 8}, {2, 30}, Kind::Unique, "2026-03-07T21:00:00Z",
        nullptr);
    // Nonexistent: `first` is what a restricted-hour cron job would use (offset before).
    row("ny 2027 gap", ny, {2027, 3, 14}, {2, 30}, Kind::Nonexistent, "2027-03-14T07:30:00Z",
        nullptr,
        {QStringLiteral("2027-03-14 02:30 does not exist in America/New_York: clocks jump from "
                        "02:00 to 03:00 that day.")});
    row("ny gap start", ny, {2026, 3, 8}, {2, 0}, Kind::Nonexistent, "2026-03-08T07:00:00Z",
        nullptr, {QStringLiteral("clocks jump from 02:00 to 03:00")});
    row("ny gap seconds", ny, {2026, 3, 8}, {2, 59, 59}, Kind::Nonexistent, "2026-03-08T07:59:59Z",
        nullptr, {QStringLiteral("2026-03-08 02:59:59 does not exist in America/New_York")});
    row("berlin gap", "Europe/Berlin", {2026, 3, 29}, {2, 30}, Kind::Nonexistent,
        "2026-03-29T01:30:00Z", nullptr,
        {QStringLiteral("2026-03-29 02:30 does not exist in Europe/Berlin: clocks jump from "
                        "02:00 to 03:00 that day.")});
    row("lord howe gap", "Australia/Lord_Howe", {2026, 10, 4}, {2, 15}, Kind::Nonexistent,
        "2026-10-03T15:45:00Z", nullptr, {QStringLiteral("clocks jump from 02:00 to 02:30")});
    row("chatham gap", "Pacific/Chatham", {2026, 9, 27}, {3, 0}, Kind::Nonexistent,
        "2026-09-26T14:15:00Z", nullptr, {QStringLiteral("clocks jump from 02:45 to 03:45")});
    row("santiago midnight gap", "America/Santiago", {2026, 9, 6}, {0, 30}, Kind::Nonexistent,
        "2026-09-06T04:30:00Z", nullptr, {QStringLiteral("clocks jump from 00:00 to 01:00")});
    row("apia lost day", "Pacific/Apia", {2011, 12, 30}, {12, 0}, Kind::Nonexistent,
        "2011-12-30T22:00:00Z", nullptr,
        {QStringLiteral("clocks jump from 2011-12-30 00:00 to 2011-12-31 00:00.")});
    // Ambiguous: first the earlier instant (daylight time), then the later.
    row("ny overlap", ny, {2026, 11, 1}, {1, 30}, Kind::Ambiguous, "2026-11-01T05:30:00Z",
        "2026-11-01T06:30:00Z",
        {QStringLiteral("2026-11-01 01:30 happens twice in America/New_York"),
         QStringLiteral("clocks go back from 02:00 to 01:00"), QStringLiteral("(EDT, UTC-4)"),
         QStringLiteral("(EST, UTC-5)")});
    row("ny overlap start", ny, {2026, 11, 1}, {1, 0}, Kind::Ambiguous, "2026-11-01T05:00:00Z",
        "2026-11-01T06:00:00Z", {});
    row("ny overlap last second", ny, {2026, 11, 1}, {1, 59, 59}, Kind::Ambiguous,
        "2026-11-01T05:59:59Z", "2026-11-01T06:59:59Z", {});
    row("berlin overlap", "Europe/Berlin", {2026, 10, 25}, {2, 30}, Kind::Ambiguous,
        "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
        {QStringLiteral("(CEST, UTC+2)"), QStringLiteral("(CET, UTC+1)"),
         QStringLiteral("first at 00:30 UTC"), QStringLiteral("again at 01:30 UTC")});
    row("lord howe overlap", "Australia/Lord_Howe", {2026, 4, 5}, {1, 45}, Kind::Ambiguous,
        "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z",
        {QStringLiteral("(UTC+11)"), QStringLiteral("(UTC+10:30)"),
         QStringLiteral("clocks go back from 02:00 to 01:30")});
    row("chatham overlap", "Pacific/Chatham", {2026, 4, 5}, {3, 0}, Kind::Ambiguous,
        "2026-04-04T13:15:00Z", "2026-04-04T14:15:00Z",
        {QStringLiteral("(UTC+13:45)"), QStringLiteral("(UTC+12:45)")});
    row("santiago overlap", "America/Santiago", {2026, 4, 4}, {23, 30}, Kind::Ambiguous,
        "2026-04-05T02:30:00Z", "2026-04-05T03:30:00Z",
        {QStringLiteral("clocks go back from 2026-04-05 00:00 to 2026-04-04 23:00")});
    row("st johns overlap", "America/St_Johns", {2026, 11, 1}, {1, 30}, Kind::Ambiguous,
        "2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z",
        {QStringLiteral("(NDT, UTC-2:30)"), QStringLiteral("(NST, UTC-3:30)")});
}

void TestLocalTime::resolve()
{
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(Kind, kind);
    QFETCH(QDateTime, first);
    QFETCH(QDateTime, second);
    QFETCH(QStringList, fragments);

    const LocalTimeResolution resolution = resolveLocalTime(date, time, QTimeZone(zone.toUtf8()));
    QCOMPARE(resolution.kind, kind);
    QCOMPARE(resolution.first, first);
    QCOMPARE(resolution.second, second);
    if (resolution.first.isValid())
        QCOMPARE(resolution.first.timeSpec(), Qt::UTC);
    if (kind == Kind::Unique)
        QVERIFY(resolution.explanation.isEmpty());
    else
        QVERIFY(!resolution.explanation.isEmpty());
    for (const QString &fragment : fragments) {
        QVERIFY2(resolution.explanation.contains(fragment),
                 qPrintable(QStringLiteral("got: ") + resolution.explanation));
    }
}

void TestLocalTime::resolveInvalidInput()
{
    const QTimeZone berlin("Europe/Berlin");
    for (const auto &resolution : {resolveLocalTime(QDate(), QTime(1, 0), berlin),
                                   resolveLocalTime(QDate(2026, 1, 1), QTime(), berlin),
                                   resolveLocalTime(QDate(2026, 1, 1), QTime(1, 0), QTimeZone())}) {
        QCOMPARE(resolution.kind, Kind::Nonexistent);
        QVERIFY(!resolution.first.isValid());
        QVERIFY(!resolution.explanation.isEmpty());
    }
}

void TestLocalTime::keepsMilliseconds()
{
    const auto unique =
        resolveLocalTime(QDate(2026, 7, 1), QTime(12, 0, 0, 250), QTimeZone("America/New_York"));
    QCOMPARE(unique.first, utc("2026-07-01T16:00:00.250Z"));
}

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
