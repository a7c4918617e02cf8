// `cronhelmctl next`: exact fire instants (hand-computed, DST included), the output format,
// input errors (exit 2 naming the field), and that it never touches a database.

#include "ctlrunner.h"

#include <QtTest>

using namespace Cronhelm::Test;

class TestCtlNext : public QObject
{
    Q_OBJECT

private slots:
    void instants_data();
    void instants();
    void defaultCountIsFive();
    void startsNowByDefault();
    void badInput_data();
    void badInput();
    void describe();
    void neverConnects();
};

void TestCtlNext::instants_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");

    // Spring forward in New York on 2026-03-08: 02:00 EST jumps to 03:00 EDT. A restricted
    // hour field fires once at the wall-clock time read with the offset before (02:30 EST
    // = 07:30Z, shown as 03:30 EDT).
    QTest::newRow("dst gap, restricted hour")
        << QStringList{QStringLiteral("30 2 * * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("America/New_York"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-03-08T06:59:30Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("2")}
        << QStringList{QStringLiteral("2026-03-08T07:30:00Z\t2026-03-08 03:30:00 EDT"),
                       QStringLiteral("2026-03-09T06:30:00Z\t2026-03-09 02:30:00 EDT")};
    // An unrestricted hour has no slots in the gap.
    QTest::newRow("dst gap, unrestricted hour")
        << QStringList{QStringLiteral("*/30 * * * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("America/New_York"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-03-08T06:00:00Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("3")}
        << QStringList{QStringLiteral("2026-03-08T06:30:00Z\t2026-03-08 01:30:00 EST"),
                       QStringLiteral("2026-03-08T07:00:00Z\t2026-03-08 03:00:00 EDT"),
                       QStringLiteral("2026-03-08T07:30:00Z\t2026-03-08 03:30:00 EDT")};
    // Fall back on 2026-11-01: 01:00-02:00 happens twice. Restricted hour: first only.
    QTest::newRow("dst overlap, restricted hour")
        << QStringList{QStringLiteral("30 1 * * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("America/New_York"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-11-01T04:00:00Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("2")}
        << QStringList{QStringLiteral("2026-11-01T05:30:00Z\t2026-11-01 01:30:00 EDT"),
                       QStringLiteral("2026-11-02T06:30:00Z\t2026-11-02 01:30:00 EST")};
    // Unrestricted hour: both occurrences.
    QTest::newRow("dst overlap, unrestricted hour")
        << QStringList{QStringLiteral("*/30 * * * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("America/New_York"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-11-01T05:00:00Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("4")}
        << QStringList{QStringLiteral("2026-11-01T05:30:00Z\t2026-11-01 01:30:00 EDT"),
                       QStringLiteral("2026-11-01T06:00:00Z\t2026-11-01 01:00:00 EST"),
                       QStringLiteral("2026-11-01T06:30:00Z\t2026-11-01 01:30:00 EST"),
                       QStringLiteral("2026-11-01T07:00:00Z\t2026-11-01 02:00:00 EST")};
    // Default zone UTC; 2026-03-06 is a Friday.
    QTest::newRow("weekdays in utc")
        << QStringList{QStringLiteral("0 9 * * MON-FRI"), QStringLiteral("--after"),
                       QStringLiteral("2026-03-06T10:00:00Z"), QStringLiteral("--count"),
                       QStringLiteral("2")}
        << QStringList{QStringLiteral("2026-03-09T09:00:00Z\t2026-03-09 09:00:00 UTC"),
                       QStringLiteral("2026-03-10T09:00:00Z\t2026-03-10 09:00:00 UTC")};
    QTest::newRow("half-hour zone")
        << QStringList{QStringLiteral("0 9 * * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("Asia/Kolkata"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-01-01T00:00:00Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("1")}
        << QStringList{QStringLiteral("2026-01-01T03:30:00Z\t2026-01-01 09:00:00 IST")};
    QTest::newRow("strictly after")
        << QStringList{QStringLiteral("0 0 1 1 *"), QStringLiteral("--after"),
                       QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--count"),
                       QStringLiteral("1")}
        << QStringList{QStringLiteral("2027-01-01T00:00:00Z\t2027-01-01 00:00:00 UTC")};
    QTest::newRow("offset in --after")
        << QStringList{QStringLiteral("0 * * * *"), QStringLiteral("--after"),
                       QStringLiteral("2026-03-08T06:59:30+01:00"), QStringLiteral("--count"),
                       QStringLiteral("1")}
        << QStringList{QStringLiteral("2026-03-08T06:00:00Z\t2026-03-08 06:00:00 UTC")};
    QTest::newRow("seconds field, fractional --after")
        << QStringList{QStringLiteral("*/15 * * * * *"), QStringLiteral("--after"),
                       QStringLiteral("2026-01-01T00:00:00.500Z"), QStringLiteral("--count"),
                       QStringLiteral("2")}
        << QStringList{QStringLiteral("2026-01-01T00:00:15Z\t2026-01-01 00:00:15 UTC"),
                       QStringLiteral("2026-01-01T00:00:30Z\t2026-01-01 00:00:30 UTC")};
    QTest::newRow("last weekday of the month")
        << QStringList{QStringLiteral("0 18 LW * *"),
                       QStringLiteral("--tz"),
                       QStringLiteral("Europe/Berlin"),
                       QStringLiteral("--after"),
                       QStringLiteral("2026-01-01T00:00:00Z"),
                       QStringLiteral("--count"),
                       QStringLiteral("2")}
        << QStringList{QStringLiteral("2026-01-30T17:00:00Z\t2026-01-30 18:00:00 CET"),
                       QStringLiteral("2026-02-27T17:00:00Z\t2026-02-27 18:00:00 CET")};
}

void TestCtlNext::instants()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const CtlResult r = runCtl(QStringList{QStringLiteral("next")} + args);
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.lines(), expected);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void TestCtlNext::defaultCountIsFive()
{
    const CtlResult r = runCtl({QStringLiteral("next"), QStringLiteral("@hourly"),
                                QStringLiteral("--after"), QStringLiteral("2026-05-01T00:00:00Z")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.lines().size(), 5);
    QCOMPARE(r.lines().last(), QStringLiteral("2026-05-01T05:00:00Z\t2026-05-01 05:00:00 UTC"));
}

void TestCtlNext::startsNowByDefault()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CtlResult r = runCtl({QStringLiteral("next"), QStringLiteral("* * * * *"),
                                QStringLiteral("--count"), QStringLiteral("1")});
    CTL_EXPECT_EXIT(r, 0);
    const QDateTime first =
        QDateTime::fromString(r.lines().value(0).section(QLatin1Char('\t'), 0, 0), Qt::ISODate);
    QVERIFY(first.isValid());
    QVERIFY(first > before);
    QVERIFY(first <= before.addSecs(61));
}

void TestCtlNext::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("minute out of range")
        << QStringList{QStringLiteral("61 * * * *")} << QStringLiteral("minute");
    QTest::newRow("day-of-month out of range")
        << QStringList{QStringLiteral("0 0 32 * *")} << QStringLiteral("day-of-month");
    QTest::newRow("descending weekday range")
        << QStringList{QStringLiteral("0 0 * * FRI-MON")} << QStringLiteral("day-of-week");
    QTest::newRow("too many fields")
        << QStringList{QStringLiteral("* * * * * * *")} << QStringLiteral("fields");
    QTest::newRow("unknown zone") << QStringList{QStringLiteral("* * * * *"),
                                                 QStringLiteral("--tz"),
                                                 QStringLiteral("Mars/Olympus")}
                                  << QStringLiteral("Mars/Olympus");
    QTest::newRow("bad instant") << QStringList{QStringLiteral("* * * * *"),
                                                QStringLiteral("--after"),
                                                QStringLiteral("yesterday")}
                                 << QStringLiteral("--after");
    QTest::newRow("count zero") << QStringList{QStringLiteral("* * * * *"),
                                               QStringLiteral("--count"), QStringLiteral("0")}
                                << QStringLiteral("--count");
    QTest::newRow("missing expression") << QStringList{} << QStringLiteral("EXPR");
    QTest::newRow("unquoted expression")
        << QStringList{QStringLiteral("*"), QStringLiteral("*")} << QStringLiteral("quote");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("* * * * *"), QStringLiteral("--bogus")}
        << QStringLiteral("bogus");
}

void TestCtlNext::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CtlResult r = runCtl(QStringList{QStringLiteral("next")} + args);
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
    QVERIFY2(r.err.startsWith(QLatin1String("cronhelmctl: ")), r.describe().constData());
    QVERIFY2(r.err.contains(message), r.describe().constData());
}

void TestCtlNext::describe()
{
    const CtlResult r =
        runCtl({QStringLiteral("next"), QStringLiteral("*/5 * * * *"), QStringLiteral("--describe"),
                QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--after"),
                QStringLiteral("2026-01-01T00:00:00Z")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.lines().size(), 2);
    QVERIFY2(r.lines().first().contains(QLatin1String("5")), r.describe().constData());
    QCOMPARE(r.lines().last(), QStringLiteral("2026-01-01T00:05:00Z\t2026-01-01 00:05:00 UTC"));
}

void TestCtlNext::neverConnects()
{
    // An unreachable database on both sides of the command and in the environment: `next`
    // must not care.
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("CRONHELM_DB"), QStringLiteral("host=/nonexistent port=1"));
    const CtlResult r =
        runCtl({QStringLiteral("--db"), QStringLiteral("host=/nonexistent"), QStringLiteral("next"),
                QStringLiteral("@daily"), QStringLiteral("--count"), QStringLiteral("1"),
                QStringLiteral("--db"), QStringLiteral("host=/nonexistent")},
               env);
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.lines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCtlNext)
#include "tst_ctlnext.moc"
