// Plain-words descriptions of cron expressions (English source strings).
#include <cron/crondescription.h>
#include <cron/cronexpression.h>

#include <QTest>

using namespace Cronhelm;

class TestCronDescription : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void invalidExpression();
};

void TestCronDescription::describe_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *expression, const char *zone, const char *expected) {
        QTest::newRow(expression) << QString::fromLatin1(expression) << QString::fromLatin1(zone)
                                  << QString::fromUtf8(expected);
    };
    // The shapes staff use every day.
    row("0 18 LW * *", "Europe/Berlin",
        "At 18:00 on the last weekday of every month (Europe/Berlin)");
    row("*/5 * * * *", "UTC", "Every 5 minutes (UTC)");
    row("30 9 * * 1-5", "America/New_York", "At 09:30 on Monday to Friday (America/New_York)");
    row("15 * * * *", "UTC", "At minute 15 of every hour (UTC)");
    row("* * * * *", "UTC", "Every minute (UTC)");
    row("*/15 * * * *", "UTC", "Every 15 minutes (UTC)");
    row("0,30 * * * *", "UTC", "Every 30 minutes (UTC)");
    row("0 * * * *", "UTC", "At minute 0 of every hour (UTC)");
    row("@hourly", "UTC", "At minute 0 of every hour (UTC)");
    row("0 */2 * * *", "UTC", "Every 2 hours at minute 0 (UTC)");
    row("30 */6 * * *", "UTC", "Every 6 hours at minute 30 (UTC)");
    row("30 9 * * *", "Europe/Berlin", "At 09:30 every day (Europe/Berlin)");
    row("@daily", "UTC", "At 00:00 every day (UTC)");
    row("@midnight", "UTC", "At 00:00 every day (UTC)");
    row("0 9,17 * * *", "UTC", "At 09:00 and 17:00 every day (UTC)");
    row("0 8,12,16 * * 1-5", "UTC", "At 08:00, 12:00 and 16:00 on Monday to Friday (UTC)");
    row("0 8 ? * MON-FRI", "UTC", "At 08:00 on Monday to Friday (UTC)");
    row("0 10 * * 6,0", "UTC", "At 10:00 on Saturday and Sunday (UTC)");
    row("0 10 * * SAT,SUN", "UTC", "At 10:00 on Saturday and Sunday (UTC)");
    row("0 10 * * 1,3,5", "UTC", "At 10:00 on Monday, Wednesday and Friday (UTC)");
    row("0 10 * * 1", "UTC", "At 10:00 on Monday (UTC)");
    row("0 10 * * 7", "UTC", "At 10:00 on Sunday (UTC)");
    row("@weekly", "UTC", "At 00:00 on Sunday (UTC)");
    row("0 10 * * 0-6", "UTC", "At 10:00 every day (UTC)");
    row("0 9-17 * * 1-5", "UTC", "Every hour from 09:00 to 17:00 on Monday to Friday (UTC)");
    row("30 8-18 * * *", "UTC", "Every hour from 08:30 to 18:30 every day (UTC)");
    row("*/15 9-17 * * 1-5", "UTC",
        "Every 15 minutes from 09:00 to 17:45 on Monday to Friday (UTC)");
    row("*/10 9 * * *", "UTC", "Every 10 minutes from 09:00 to 09:50 every day (UTC)");
    row("0 0 1 * *", "UTC", "At 00:00 on day 1 of every month (UTC)");
    row("@monthly", "UTC", "At 00:00 on day 1 of every month (UTC)");
    row("0 6 1,15 * *", "UTC", "At 06:00 on days 1 and 15 of every month (UTC)");
    row("0 0 L * *", "UTC", "At 00:00 on the last day of every month (UTC)");
    row("0 0 L-1 * *", "UTC", "At 00:00 on the day before the last day of every month (UTC)");
    row("0 0 L-2 * *", "UTC",
        "At 00:00 on the day 2 days before the last day of every month (UTC)");
    row("0 0 15W * *", "UTC", "At 00:00 on the weekday nearest day 15 of every month (UTC)");
    row("0 17 * * 5L", "UTC", "At 17:00 on the last Friday of every month (UTC)");
    row("0 9 * * 1#2", "UTC", "At 09:00 on the second Monday of every month (UTC)");
    row("0 9 * * MON#1", "UTC", "At 09:00 on the first Monday of every month (UTC)");
    row("0 0 1 1 *", "UTC", "At 00:00 on 1 January (UTC)");
    row("@yearly", "Pacific/Chatham", "At 00:00 on 1 January (Pacific/Chatham)");
    row("0 12 25 DEC *", "UTC", "At 12:00 on 25 December (UTC)");
    // Six fields.
    row("* * * * * *", "UTC", "Every second (UTC)");
    row("*/10 * * * * *", "UTC", "Every 10 seconds (UTC)");
    row("30 0 9 * * *", "UTC", "At 09:00:30 every day (UTC)");
    row("0 0 9 * * *", "UTC", "At 09:00 every day (UTC)");
    // Anything unusual: generic but faithful, naming every restriction.
    row("0 0 13 * 5", "UTC",
        "Cron schedule \"0 0 13 * 5\": minute 0; hour 0; day of month 13, or day of week Friday "
        "(UTC)");
    row("0 0 */2 * 5", "UTC",
        "Cron schedule \"0 0 */2 * 5\": minute 0; hour 0; day of month 1, 3, 5, 7, 9, 11, 13, 15, "
        "17, 19, 21, 23, 25, 27, 29, 31; day of week Friday (UTC)");
    row("*/7 * * * *", "UTC",
        "Cron schedule \"*/7 * * * *\": minute 0, 7, 14, 21, 28, 35, 42, 49, 56 (UTC)");
    row("0 0 * JAN,JUL *", "UTC",
        "Cron schedule \"0 0 * JAN,JUL *\": minute 0; hour 0; month January, July (UTC)");
    row("0 0 L,15 * *", "UTC",
        "Cron schedule \"0 0 L,15 * *\": minute 0; hour 0; day of month 15, the last day (UTC)");
    row("0 0 LW,L-3 * *", "UTC",
        "Cron schedule \"0 0 LW,L-3 * *\": minute 0; hour 0; day of month the day 3 days before "
        "the last day, the last weekday (UTC)");
    row("5,35 */2 1-7 * MON#1", "UTC",
        "Cron schedule \"5,35 */2 1-7 * MON#1\": minute 5, 35; hour 0, 2, 4, 6, 8, 10, 12, 14, 16, "
        "18, 20, 22; day of month 1 to 7, or day of week the first Monday (UTC)");
    row("0 0 * * 1L,5#3", "UTC",
        "Cron schedule \"0 0 * * 1L,5#3\": minute 0; hour 0; day of week the last Monday, the "
        "third Friday (UTC)");
    row("0 0 29 2 *", "UTC", "At 00:00 on 29 February (UTC)");
    row("1-5 * * * * *", "UTC", "Cron schedule \"1-5 * * * * *\": second 1 to 5 (UTC)");
    row("0 * 1 * *", "UTC", "At minute 0 of every hour on day 1 of every month (UTC)");
    // A server's zone "Etc/UTC" is named as the jobs list names it.
    row("0 9 * * *", "Etc/UTC", "At 09:00 every day (UTC)");
    row("0 0 1 * MON", "UTC",
        "Cron schedule \"0 0 1 * MON\": minute 0; hour 0; day of month 1, or day of week Monday "
        "(UTC)");
    row("0 0 1,15 JAN *", "UTC",
        "Cron schedule \"0 0 1,15 JAN *\": minute 0; hour 0; day of month 1, 15; month January "
        "(UTC)");
}

void TestCronDescription::describe()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, expected);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(describeCron(*parsed, QTimeZone(zone.toUtf8())), expected);
}

void TestCronDescription::invalidExpression()
{
    QCOMPARE(describeCron(CronExpression(), QTimeZone::utc()), QStringLiteral("No schedule"));
}

QTEST_GUILESS_MAIN(TestCronDescription)
#include "tst_crondescription.moc"
