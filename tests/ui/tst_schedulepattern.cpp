#include <cron/cronexpression.h>
#include <schedulepattern.h>

#include <QTest>

using namespace Cronhelm;
using Kind = SchedulePattern::Kind;

Q_DECLARE_METATYPE(SchedulePattern::Kind)

class TestSchedulePattern : public QObject
{
    Q_OBJECT

private slots:
    void builderShapes_data();
    void builderShapes();
    void advancedExpressions_data();
    void advancedExpressions();
    void everyShapeParses();
};

void TestSchedulePattern::builderShapes_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("every minute") << "* * * * *" << Kind::EveryMinutes << "* * * * *";
    QTest::newRow("every 15 minutes") << "*/15 * * * *" << Kind::EveryMinutes << "*/15 * * * *";
    QTest::newRow("hourly at :07") << "7 * * * *" << Kind::Hourly << "7 * * * *";
    QTest::newRow("daily") << "30 9 * * *" << Kind::Daily << "30 9 * * *";
    QTest::newRow("daily, extra spaces") << " 30  9 * *  * " << Kind::Daily << "30 9 * * *";
    QTest::newRow("weekdays") << "0 18 * * 1-5" << Kind::Weekdays << "0 18 * * 1-5";
    QTest::newRow("weekdays by name") << "0 18 * * MON-FRI" << Kind::Weekdays << "0 18 * * 1-5";
    QTest::newRow("weekly") << "0 8 * * 1,3,5" << Kind::Weekly << "0 8 * * 1,3,5";
    QTest::newRow("weekly, 7 is Sunday") << "0 8 * * 7,6" << Kind::Weekly << "0 8 * * 0,6";
    QTest::newRow("monthly") << "15 4 1 * *" << Kind::Monthly << "15 4 1 * *";
    QTest::newRow("last weekday") << "0 18 LW * *" << Kind::LastWeekday << "0 18 LW * *";
}

void TestSchedulePattern::builderShapes()
{
    QFETCH(QString, cron);
    QFETCH(Kind, kind);
    QFETCH(QString, normalized);
    const SchedulePattern p = SchedulePattern::fromCron(cron);
    QCOMPARE(p.kind, kind);
    QCOMPARE(p.toCron(), normalized);
    QCOMPARE(SchedulePattern::fromCron(p.toCron()), p);
}

void TestSchedulePattern::advancedExpressions_data()
{
    QTest::addColumn<QString>("cron");
    QTest::newRow("uneven minute step") << "*/7 * * * *";
    QTest::newRow("hour range") << "0 8-18 * * *";
    QTest::newRow("seconds field") << "0 0 9 * * *";
    QTest::newRow("month restricted") << "0 9 1 1 *";
    QTest::newRow("dom and dow") << "0 9 1 * 1";
    QTest::newRow("macro") << "@daily";
    QTest::newRow("nth weekday") << "0 9 * * 1#2";
    QTest::newRow("garbage") << "hello";
}

void TestSchedulePattern::advancedExpressions()
{
    QFETCH(QString, cron);
    const SchedulePattern p = SchedulePattern::fromCron(cron);
    QCOMPARE(p.kind, Kind::Advanced);
    QVERIFY(p.toCron().isEmpty());
}

void TestSchedulePattern::everyShapeParses()
{
    // Whatever the builder writes, the cron engine accepts.
    for (int kind = 0; kind < int(Kind::Advanced); ++kind) {
        SchedulePattern p;
        p.kind = Kind(kind);
        p.weekdays = {0, 2, 6};
        p.dayOfMonth = 31;
        p.time = QTime(23, 59);
        for (int interval : SchedulePattern::minuteIntervals()) {
            p.interval = interval;
            Result<CronExpression> parsed = CronExpression::parse(p.toCron());
            QVERIFY2(parsed.ok(),
                     qPrintable(p.toCron() + QLatin1String(": ") + parsed.errorMessage()));
        }
    }
}

QTEST_GUILESS_MAIN(TestSchedulePattern)
#include "tst_schedulepattern.moc"
