// Parsing and time-zone-free scheduling of cron expressions. Every expected instant below was
// worked out by hand from the calendar (2026-01-01 is a Thursday; month starts in 2026: Feb Sun,
// Mar Sun, Apr Wed, May Fri, Jun Mon, Jul Wed, Aug Sat, Sep Tue, Oct Thu, Nov Sun, Dec Tue).
#include <cron/cronexpression.h>

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

QStringList isoList(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromLatin1(item));
    return out;
}

} // namespace

class TestCronExpression : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void emptyExpression();
    void textIsTrimmed();
    void nextInstantsUtc_data();
    void nextInstantsUtc();
    void nextAfterIsStrictlyAfter_data();
    void nextAfterIsStrictlyAfter();
    void neverFires_data();
    void neverFires();
    void afterInAnyTimeSpec();
    void matchesLocal_data();
    void matchesLocal();
};

void TestCronExpression::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasSeconds");
    QTest::addColumn<bool>("hourRestricted");

    auto row = [](const char *text, bool seconds, bool hourRestricted) {
        QTest::newRow(text) << QString::fromLatin1(text) << seconds << hourRestricted;
    };
    row("* * * * *", false, false);
    row("0 0 * * *", false, true);
    row("*/5 * * * *", false, false);
    row("0-59/5 * * * *", false, false);
    row("5/15 * * * *", false, false);
    row("1,2,3-5,*/20 * * * *", false, false);
    row("0 */2 * * *", false, false);
    row("0 *,5 * * *", false, false);
    row("0 0-23 * * *", false, true);
    row("0 5,* * * *", false, true);
    row("0 9-17/2 * * *", false, true);
    row("0 0 1 JAN *", false, true);
    row("0 0 * jan-Mar mon-FRI", false, true);
    // A number and a name in one range, as Vixie cron and cronie accept (imported crontabs).
    row("0 9 * * 1-WED", false, true);
    row("0 9 * 1-JUL *", false, true);
    row("0 9 * * MON-5", false, true);
    row("0 9 * 1-jul/2 1-wed", false, true);
    row("0 9 * * 1-WED/2", false, true);
    row("0 0 * Feb,AUG,dec sun,Sat", false, true);
    row("0 0 ? * MON", false, true);
    row("0 0 1 * ?", false, true);
    row("0 0 ? * ?", false, true);
    row("0 0 L * *", false, true);
    row("0 0 l * *", false, true);
    row("0 0 L-3 * *", false, true);
    row("0 0 L-0 * *", false, true);
    row("0 0 L-30 * *", false, true);
    row("0 18 LW * *", false, true);
    row("0 18 lw * *", false, true);
    row("0 0 15W * *", false, true);
    row("0 0 1W,15W * *", false, true);
    row("0 0 L,15 * *", false, true);
    row("0 0 31W * *", false, true);
    row("0 0 * * 5L", false, true);
    row("0 0 * * FRIL", false, true);
    row("0 0 * * 0L", false, true);
    row("0 0 * * 7L", false, true);
    row("0 0 * * 1#2", false, true);
    row("0 0 * * MON#1,FRI#3", false, true);
    row("0 0 * * 2#5", false, true);
    row("0 0 * * 7#1", false, true);
    row("0 0 * * 0-7", false, true);
    row("0 0 * * 7", false, true);
    row("0 0 * * SUN-SAT", false, true);
    row("0 0 * * SUN-7", false, true);
    row("0 0 * * 5-7", false, true);
    row("0 0 * * 1/2", false, true);
    row("0 0 * * */2", false, true);
    row("0 0 * * 1-5,0", false, true);
    row("0 0 29 2 *", false, true);
    row("0 0 30 2 *", false, true);
    row("0 0 31 * *", false, true);
    row("*/59 */23 */31 */12 */8", false, false);
    row("*/60 * * * *", false, false);
    row("00 09 01 01 *", false, true);
    row("@yearly", false, true);
    row("@annually", false, true);
    row("@monthly", false, true);
    row("@weekly", false, true);
    row("@daily", false, true);
    row("@midnight", false, true);
    row("@hourly", false, false);
    row("@HOURLY", false, false);
    row("@Daily", false, true);
    row("* * * * * *", true, false);
    row("*/10 * * * * *", true, false);
    row("30 0 9 * * 1-5", true, true);
    row("0 0 0 1 1 *", true, true);
    row("59 59 23 31 12 7", true, true);
    row("0 0 12 ? * 6#3", true, true);
    row("  0 9 * * 1-5  ", false, true);
    row("0\t9  *\t* *", false, true);
}

void TestCronExpression::parseValid()
{
    QFETCH(QString, text);
    QFETCH(bool, hasSeconds);
    QFETCH(bool, hourRestricted);
    const auto parsed = CronExpression::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->hasSeconds(), hasSeconds);
    QCOMPARE(parsed->isHourRestricted(), hourRestricted);
    QCOMPARE(parsed->text(), text.trimmed());
}

void TestCronExpression::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a fragment of the error message

    auto row = [](const char *text, const char *message) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(message);
    };
    // Field count.
    row("", "expected 5 or 6 fields, found 0");
    row("   ", "expected 5 or 6 fields, found 0");
    row("* * * *", "expected 5 or 6 fields, found 4");
    row("*", "expected 5 or 6 fields, found 1");
    row("* * * * * * *", "expected 5 or 6 fields, found 7");
    row("0 0 1 1 * 2026 x", "expected 5 or 6 fields, found 7");
    // Six fields start with seconds, so a trailing year reads as a day of week.
    row("0 0 1 1 * 2026", "The day-of-week must be 0–7, not 2026.");
    // Out of range, naming the field and its range.
    row("60 * * * *", "The minute must be 0–59, not 60.");
    row("* 24 * * *", "The hour must be 0–23, not 24.");
    row("* * 0 * *", "The day-of-month must be 1–31, not 0.");
    row("* * 32 * *", "The day-of-month must be 1–31, not 32.");
    row("* * * 13 *", "The month must be 1–12, not 13.");
    row("* * * 0 *", "The month must be 1–12, not 0.");
    row("* * * * 8", "The day-of-week must be 0–7, not 8.");
    row("60 * * * * *", "The second must be 0–59, not 60.");
    row("* 60 * * * *", "The minute must be 0–59, not 60.");
    row("0-60 * * * *", "The minute must be 0–59, not 60.");
    row("* 20-24 * * *", "The hour must be 0–23, not 24.");
    row("99999999999999999999 * * * *", "The minute must be 0–59, not 99999999999999999999.");
    row("* * * 6-13 *", "The month must be 1–12, not 13.");
    row("* * 1,40 * *", "The day-of-month must be 1–31, not 40.");
    // Not numbers.
    row("x * * * *", "minute: \"x\" is not a number");
    row("* x * * *", "hour: \"x\" is not a number");
    row("* * x * *", "day-of-month: \"x\" is not a number");
    row("* * * x *", "month: \"x\" is not a number or a month name");
    row("* * * * x", "day-of-week: \"x\" is not a number or a weekday name");
    row("MON * * * *", "minute: \"MON\" is not a number");
    row("* * JAN * *", "day-of-month: \"JAN\" is not a number");
    row("* * * JANUARY *", "month: \"JANUARY\" is not a number or a month name");
    row("* * * MON *", "month: \"MON\" is not a number or a month name");
    row("* * * * MONDAY", "day-of-week: \"MONDAY\" is not a number or a weekday name");
    row("* * * * JAN", "day-of-week: \"JAN\" is not a number or a weekday name");
    row("1.5 * * * *", "minute: \"1.5\" is not a number");
    row("+5 * * * *", "minute: \"+5\" is not a number");
    row("١ * * * *", "minute: \"١\" is not a number");
    row("*x * * * *", "minute: \"*x\" is not a number");
    row("*-5 * * * *", "minute: \"*\" is not a number");
    row("1-2-3 * * * *", "minute: \"2-3\" is not a number");
    row("* * * * * *x", "day-of-week: \"*x\" is not a number or a weekday name");
    // Ranges must ascend.
    row("* * * * FRI-MON", "day-of-week: range FRI-MON descends (ranges do not wrap around)");
    row("* * * DEC-JAN *", "month: range DEC-JAN descends (ranges do not wrap around)");
    row("5-1 * * * *", "minute: range 5-1 descends");
    row("* 22-2 * * *", "hour: range 22-2 descends");
    row("* * 31-1 * *", "day-of-month: range 31-1 descends");
    row("* * * * SAT-SUN", "day-of-week: range SAT-SUN descends");
    row("* * * * 7-1", "day-of-week: range 7-1 descends");
    row("* * * * sat-mon/2", "day-of-week: range sat-mon descends");
    row("-1 * * * *", "minute: \"-1\" is not a complete range");
    row("1- * * * *", "minute: \"1-\" is not a complete range");
    // Steps.
    row("*/0 * * * *", "minute: step 0 is out of range 1-60");
    row("1-5/0 * * * *", "minute: step 0 is out of range 1-60");
    row("* */0 * * *", "hour: step 0 is out of range 1-24");
    row("* * */0 * *", "day-of-month: step 0 is out of range 1-31");
    row("* * * */0 *", "month: step 0 is out of range 1-12");
    row("* * * * */0", "day-of-week: step 0 is out of range 1-8");
    row("*/0 * * * * *", "second: step 0 is out of range 1-60");
    row("*/61 * * * *", "minute: step 61 is out of range 1-60");
    row("*/x * * * *", "minute: step \"x\" is not a number");
    row("*/ * * * *", "minute: step \"\" is not a number");
    row("/5 * * * *", "minute: \"/5\" is missing a value before \"/\"");
    row("*/5/2 * * * *", "minute: step \"5/2\" is not a number");
    // Lists.
    row("1, * * * *", "minute: empty item in the list \"1,\"");
    row(",1 * * * *", "minute: empty item in the list \",1\"");
    row("1,,2 * * * *", "minute: empty item in the list \"1,,2\"");
    row("* * * * MON,", "day-of-week: empty item in the list \"MON,\"");
    // '?' only in the day fields, alone.
    row("? * * * *", "minute: \"?\" is only allowed in day-of-month and day-of-week");
    row("* ? * * *", "hour: \"?\" is only allowed in day-of-month and day-of-week");
    row("* * * ? *", "month: \"?\" is only allowed in day-of-month and day-of-week");
    row("? * * * * *", "second: \"?\" is only allowed");
    row("* * ?,1 * *", "day-of-month: \"?\" must stand alone");
    row("* * * * 1,?", "day-of-week: \"?\" must stand alone");
    // Extensions in the right field only, and well-formed.
    row("5L * * * *", "minute: \"L\" is only allowed in day-of-month and day-of-week");
    row("* L * * *", "hour: \"L\" is only allowed in day-of-month and day-of-week");
    row("* * * L *", "month: \"L\" is only allowed in day-of-month and day-of-week");
    row("* 5W * * *", "hour: \"W\" is only allowed in day-of-month");
    row("* * * * 5W", "day-of-week: \"W\" is only allowed in day-of-month");
    row("* * 1#2 * *", "day-of-month: \"#\" is only allowed in day-of-week");
    row("* * * 1#2 *", "month: \"#\" is only allowed in day-of-week");
    row("1#2 * * * *", "minute: \"#\" is only allowed in day-of-week");
    row("* * L-31 * *", "day-of-month: L-31 is out of range L-0 to L-30");
    row("* * L-x * *", "day-of-month: \"x\" is not a number");
    row("* * L- * *", "day-of-month: \"L-\" is not valid: use L, L-n or LW");
    row("* * LX * *", "day-of-month: \"LX\" is not valid: use L, L-n or LW");
    row("* * 32W * *", "The day-of-month must be 1–31, not 32.");
    row("* * 0W * *", "The day-of-month must be 1–31, not 0.");
    row("* * W * *", "day-of-month: \"W\" needs a day before it");
    row("* * xW * *", "day-of-month: \"x\" is not a number");
    row("* * * * L", "day-of-week: \"L\" needs a weekday before it");
    row("* * * * 8L", "The day-of-week must be 0–7, not 8.");
    row("* * * * XL", "day-of-week: \"X\" is not a number or a weekday name");
    row("1-5W * * * *", "\"W\" is only allowed in day-of-month");
    row("* * * * 1-WEDL", "not a number or a weekday name");
    row("* * * * 1#6", "day-of-week: occurrence 6 in \"1#6\" is out of range 1-5");
    row("* * * * 1#0", "day-of-week: occurrence 0 in \"1#0\" is out of range 1-5");
    row("* * * * 1#", "day-of-week: \"\" is not a number");
    row("* * * * #2", "day-of-week: \"#2\" needs a weekday before \"#\"");
    row("* * * * 8#1", "The day-of-week must be 0–7, not 8.");
    // Macros.
    row("@reboot", "unknown macro \"@reboot\"");
    row("@every", "unknown macro \"@every\"");
    row("@", "unknown macro \"@\"");
    row("@daily *", "unexpected text after @daily");
    row("@hourly 5", "unexpected text after @hourly");
}

void TestCronExpression::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = CronExpression::parse(text);
    QVERIFY2(!parsed.ok(), qPrintable(text));
    QCOMPARE(parsed.errorKind(), ErrorKind::BadInput);
    QVERIFY2(parsed.errorMessage().contains(message),
             qPrintable(QStringLiteral("got: ") + parsed.errorMessage()));
}

void TestCronExpression::emptyExpression()
{
    const CronExpression empty;
    QVERIFY(!empty.isValid());
    QVERIFY(empty.text().isEmpty());
    QVERIFY(!empty.hasSeconds());
    QVERIFY(!empty.isHourRestricted());
    QVERIFY(!empty.nextAfter(utc("2026-01-01T00:00:00Z"), QTimeZone::utc()).isValid());
    QVERIFY(empty.nextInstants(utc("2026-01-01T00:00:00Z"), QTimeZone::utc(), 3).isEmpty());
    QVERIFY(!empty.matchesLocal(QDate(2026, 1, 1), QTime(0, 0)));

    const auto every = CronExpression::parse(QStringLiteral("* * * * *"));
    QVERIFY(every.ok());
    QVERIFY(!every->nextAfter(QDateTime(), QTimeZone::utc()).isValid());
    QVERIFY(!every->nextAfter(utc("2026-01-01T00:00:00Z"), QTimeZone()).isValid());
    QVERIFY(every->nextInstants(utc("2026-01-01T00:00:00Z"), QTimeZone::utc(), 0).isEmpty());
}

void TestCronExpression::textIsTrimmed()
{
    const auto parsed = CronExpression::parse(QStringLiteral("  \t0  9 * * MON-FRI \n"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->text(), QStringLiteral("0  9 * * MON-FRI"));
    const auto macro = CronExpression::parse(QStringLiteral(" @Daily "));
    QVERIFY(macro.ok());
    QCOMPARE(macro->text(), QStringLiteral("@Daily"));
}

void TestCronExpression::nextInstantsUtc_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *expression, const char *after,
                  std::initializer_list<const char *> expected) {
        QTest::newRow(name) << QString::fromLatin1(expression) << utc(after) << isoList(expected);
    };

    // Basics. 2026-01-01T00:00Z is a Thursday.
    row("every minute", "* * * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z", "2026-01-01T00:03:00Z"});
    row("every minute across midnight", "* * * * *", "2026-12-31T23:58:30Z",
        {"2026-12-31T23:59:00Z", "2027-01-01T00:00:00Z"});
    row("every 15 minutes", "*/15 * * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z",
         "2026-01-01T01:00:00Z"});
    row("minute 5 every hour", "5 * * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T00:05:00Z", "2026-01-01T01:05:00Z"});
    row("daily 09:00", "0 9 * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T09:00:00Z", "2026-01-02T09:00:00Z"});
    // Thu 1, Fri 2, then Mon 5 (weekend skipped).
    row("weekdays 09:30", "30 9 * * 1-5", "2026-01-01T00:00:00Z",
        {"2026-01-01T09:30:00Z", "2026-01-02T09:30:00Z", "2026-01-05T09:30:00Z"});
    row("weekdays from Friday evening", "30 9 * * MON-FRI", "2026-01-02T10:00:00Z",
        {"2026-01-05T09:30:00Z"});
    // Mon 5 to Wed 7, then Mon 12: "1-WED" is Monday to Wednesday.
    row("number-to-name range", "0 9 * * 1-WED", "2026-01-03T00:00:00Z",
        {"2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z", "2026-01-07T09:00:00Z",
         "2026-01-12T09:00:00Z"});
    row("number-to-month-name range", "0 0 1 6-JUL *", "2026-01-01T00:00:00Z",
        {"2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", "2027-06-01T00:00:00Z"});
    row("first of month", "0 0 1 * *", "2026-01-01T00:00:00Z",
        {"2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"});
    row("yearly", "0 0 1 1 *", "2026-01-01T00:00:00Z",
        {"2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"});
    row("list and range", "0 0,12 1,15 * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T12:00:00Z", "2026-01-15T00:00:00Z", "2026-01-15T12:00:00Z",
         "2026-02-01T00:00:00Z"});
    row("range with step", "0 8-18/4 * * *", "2026-01-01T12:00:00Z",
        {"2026-01-01T16:00:00Z", "2026-01-02T08:00:00Z", "2026-01-02T12:00:00Z"});
    // a/n runs to the field's maximum: hours 10, 15, 20.
    row("start with step", "0 10/5 * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T10:00:00Z", "2026-01-01T15:00:00Z", "2026-01-01T20:00:00Z",
         "2026-01-02T10:00:00Z"});
    // Day-of-week 5/1 = Fri, Sat, Sun(7).
    row("weekday start with step", "0 0 * * 5/1", "2026-01-01T00:00:00Z",
        {"2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z",
         "2026-01-09T00:00:00Z"});
    // Day-of-week 1/2 = Mon, Wed, Fri, Sun(7): Fri 2, Sun 4, Mon 5, Wed 7.
    row("weekday 1/2 includes 7", "0 0 * * 1/2", "2026-01-01T00:00:00Z",
        {"2026-01-02T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z",
         "2026-01-07T00:00:00Z"});
    row("sunday as 7", "0 12 * * 7", "2026-01-01T00:00:00Z",
        {"2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"});
    row("sunday as 0", "0 12 * * 0", "2026-01-01T00:00:00Z",
        {"2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"});
    row("sunday by name", "0 12 * * sun", "2026-01-01T00:00:00Z", {"2026-01-04T12:00:00Z"});
    // Months by name; first Monday of January 2026 is the 5th; of March the 2nd.
    row("month names", "0 0 * JAN,MAR MON", "2026-01-27T00:00:00Z",
        {"2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"});
    // February 2026 starts on a Sunday: Mon 2, Tue 3, Wed 4, then Mon 9.
    row("month and weekday ranges", "0 0 * FEB-MAR mon-wed", "2026-01-01T00:00:00Z",
        {"2026-02-02T00:00:00Z", "2026-02-03T00:00:00Z", "2026-02-04T00:00:00Z",
         "2026-02-09T00:00:00Z"});
    row("question mark dom", "0 0 ? * MON", "2026-01-01T00:00:00Z", {"2026-01-05T00:00:00Z"});
    row("question mark dow", "0 0 1 * ?", "2026-01-01T00:00:00Z", {"2026-02-01T00:00:00Z"});
    row("31st skips short months", "0 0 31 * *", "2026-01-31T00:00:00Z",
        {"2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z"});
    // Macros.
    row("@hourly", "@hourly", "2026-01-01T00:00:00Z", {"2026-01-01T01:00:00Z"});
    row("@daily", "@daily", "2026-01-01T00:00:00Z", {"2026-01-02T00:00:00Z"});
    row("@midnight", "@midnight", "2026-01-01T00:00:00Z", {"2026-01-02T00:00:00Z"});
    row("@weekly is Sunday", "@weekly", "2026-01-01T00:00:00Z",
        {"2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z"});
    row("@monthly", "@monthly", "2026-01-01T00:00:00Z", {"2026-02-01T00:00:00Z"});
    row("@yearly", "@yearly", "2026-01-01T00:00:00Z", {"2027-01-01T00:00:00Z"});
    row("@annually", "@annually", "2026-06-01T00:00:00Z", {"2027-01-01T00:00:00Z"});
    // Six fields.
    row("every 10 seconds", "*/10 * * * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T00:00:10Z", "2026-01-01T00:00:20Z"});
    row("every second", "* * * * * *", "2026-01-01T00:00:59Z",
        {"2026-01-01T00:01:00Z", "2026-01-01T00:01:01Z"});
    row("seconds field", "30 0 9 * * *", "2026-01-01T00:00:00Z",
        {"2026-01-01T09:00:30Z", "2026-01-02T09:00:30Z"});
    row("seconds list", "15,45 30 * * * *", "2026-01-01T00:30:15Z",
        {"2026-01-01T00:30:45Z", "2026-01-01T01:30:15Z"});
    // Vixie day rule. Both restricted: the 13th (a Tuesday in Jan 2026) or any Friday
    // (Jan 2, 9, 16, 23, 30; Feb 6, 13 - Friday the 13th fires once).
    row("vixie either", "0 0 13 * 5", "2026-01-01T00:00:00Z",
        {"2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z",
         "2026-01-16T00:00:00Z", "2026-01-23T00:00:00Z", "2026-01-30T00:00:00Z",
         "2026-02-06T00:00:00Z", "2026-02-13T00:00:00Z", "2026-02-20T00:00:00Z"});
    // "*/2" counts as unrestricted, so both must match: Fridays on odd days
    // (Jan 9, 23; Feb 13, 27).
    row("vixie star step", "0 0 */2 * 5", "2026-01-01T00:00:00Z",
        {"2026-01-09T00:00:00Z", "2026-01-23T00:00:00Z", "2026-02-13T00:00:00Z",
         "2026-02-27T00:00:00Z"});
    // Day-of-week "*/2" (Sun, Tue, Thu, Sat) is unrestricted: both must match,
    // days 1-7: Thu 1, Sat 3, Sun 4, Tue 6; then Feb 1 (Sun).
    row("vixie dow star step", "0 0 1-7 * */2", "2026-01-01T00:00:00Z",
        {"2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-06T00:00:00Z",
         "2026-02-01T00:00:00Z"});
    row("vixie only dom", "0 0 13 * *", "2026-01-01T00:00:00Z",
        {"2026-01-13T00:00:00Z", "2026-02-13T00:00:00Z"});
    row("vixie only dow", "0 0 * * 2", "2026-01-01T00:00:00Z",
        {"2026-01-06T00:00:00Z", "2026-01-13T00:00:00Z"});
    row("vixie question marks", "0 0 ? * ?", "2026-01-01T00:00:00Z", {"2026-01-02T00:00:00Z"});
    // Extensions. Last weekday: Jan 31 is a Saturday -> Fri 30; Feb 28 Sat -> Fri 27;
    // Mar 31 is a Tuesday; Apr 30 Thursday; May 31 Sunday -> Fri 29.
    row("LW", "0 18 LW * *", "2026-01-01T00:00:00Z",
        {"2026-01-30T18:00:00Z", "2026-02-27T18:00:00Z", "2026-03-31T18:00:00Z",
         "2026-04-30T18:00:00Z", "2026-05-29T18:00:00Z"});
    row("L", "0 0 L * *", "2026-01-01T00:00:00Z",
        {"2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z",
         "2026-04-30T00:00:00Z"});
    row("L in leap February", "0 0 L 2 *", "2026-01-01T00:00:00Z",
        {"2026-02-28T00:00:00Z", "2027-02-28T00:00:00Z", "2028-02-29T00:00:00Z"});
    row("L-2", "0 0 L-2 * *", "2026-01-01T00:00:00Z",
        {"2026-01-29T00:00:00Z", "2026-02-26T00:00:00Z", "2026-03-29T00:00:00Z",
         "2026-04-28T00:00:00Z"});
    // L-30 is only the 1st of 31-day months.
    row("L-30", "0 0 L-30 * *", "2026-01-01T00:00:00Z",
        {"2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z"});
    row("L and 15", "0 0 L,15 * *", "2026-01-01T00:00:00Z",
        {"2026-01-15T00:00:00Z", "2026-01-31T00:00:00Z", "2026-02-15T00:00:00Z",
         "2026-02-28T00:00:00Z"});
    // 15W: Jan 15 Thu; Feb 15 Sun -> Mon 16; Mar 15 Sun -> Mon 16; Apr 15 Wed;
    // May 15 Fri; Jun 15 Mon; Jul 15 Wed; Aug 15 Sat -> Fri 14.
    row("15W", "0 0 15W * *", "2026-01-01T00:00:00Z",
        {"2026-01-15T00:00:00Z", "2026-02-16T00:00:00Z", "2026-03-16T00:00:00Z",
         "2026-04-15T00:00:00Z", "2026-05-15T00:00:00Z", "2026-06-15T00:00:00Z",
         "2026-07-15T00:00:00Z", "2026-08-14T00:00:00Z"});
    // 1W: Jan 1 Thu; Feb 1 Sun -> Mon 2; Mar 1 Sun -> Mon 2; Apr 1 Wed; May 1 Fri;
    // Jun 1 Mon; Jul 1 Wed; Aug 1 Sat -> Mon 3 (never back into July).
    row("1W", "0 0 1W * *", "2025-12-31T00:00:00Z",
        {"2026-01-01T00:00:00Z", "2026-02-02T00:00:00Z", "2026-03-02T00:00:00Z",
         "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z",
         "2026-07-01T00:00:00Z", "2026-08-03T00:00:00Z"});
    // 31W: Jan 31 Sat -> Fri 30; Mar 31 Tue; May 31 Sun -> Fri 29 (never into June);
    // Jul 31 Fri; Aug 31 Mon. Months without a 31st do not fire.
    row("31W", "0 0 31W * *", "2026-01-01T00:00:00Z",
        {"2026-01-30T00:00:00Z", "2026-03-31T00:00:00Z", "2026-05-29T00:00:00Z",
         "2026-07-31T00:00:00Z", "2026-08-31T00:00:00Z"});
    // Last Friday: Jan 30, Feb 27, Mar 27, Apr 24.
    row("5L", "0 0 * * 5L", "2026-01-01T00:00:00Z",
        {"2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-27T00:00:00Z",
         "2026-04-24T00:00:00Z"});
    row("FRIL", "0 0 * * FRIL", "2026-01-01T00:00:00Z", {"2026-01-30T00:00:00Z"});
    // Last Sunday (0L and 7L): Jan 25, Feb 22 (Feb 1 is a Sunday: 1, 8, 15, 22).
    row("7L", "0 0 * * 7L", "2026-01-01T00:00:00Z",
        {"2026-01-25T00:00:00Z", "2026-02-22T00:00:00Z"});
    // Second Monday: Jan 12, Feb 9, Mar 9.
    row("1#2", "0 0 * * 1#2", "2026-01-01T00:00:00Z",
        {"2026-01-12T00:00:00Z", "2026-02-09T00:00:00Z", "2026-03-09T00:00:00Z"});
    row("MON#1 and FRI#3", "0 0 * * MON#1,FRI#3", "2026-01-01T00:00:00Z",
        {"2026-01-05T00:00:00Z", "2026-01-16T00:00:00Z", "2026-02-02T00:00:00Z",
         "2026-02-20T00:00:00Z"});
    // Fifth Tuesday: none in Jan (6..27) or Feb (3..24); Mar 31; then Jun 30.
    row("2#5", "0 0 * * 2#5", "2026-01-01T00:00:00Z",
        {"2026-03-31T00:00:00Z", "2026-06-30T00:00:00Z"});
    // Leap years: 2028, then 2032; 2100 is not a leap year (2096 -> 2104).
    row("29 February", "0 0 29 2 *", "2026-01-01T00:00:00Z",
        {"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"});
    row("29 February across 2100", "0 0 29 2 *", "2096-03-01T00:00:00Z", {"2104-02-29T00:00:00Z"});
    // A fifth Monday in February needs a leap year starting on Monday: 2044, then 2072.
    row("fifth Monday of February", "0 0 * 2 1#5", "2026-01-01T00:00:00Z",
        {"2044-02-29T00:00:00Z", "2072-02-29T00:00:00Z"});
    // Friday the 29th of February (both restricted -> either!) fires on every Friday of
    // February and on the 29th: Feb 2026 Fridays 6, 13, 20, 27.
    row("either rule with February", "0 0 29 2 FRI", "2026-01-01T00:00:00Z",
        {"2026-02-06T00:00:00Z", "2026-02-13T00:00:00Z"});
}

void TestCronExpression::nextInstantsUtc()
{
    QFETCH(QString, expression);
    QFETCH(QDateTime, after);
    QFETCH(QStringList, expected);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const QList<QDateTime> instants =
        parsed->nextInstants(after, QTimeZone::utc(), int(expected.size()));
    QCOMPARE(isoList(instants), expected);
    for (const QDateTime &instant : instants)
        QCOMPARE(instant.timeSpec(), Qt::UTC);
    // nextAfter agrees with the first of them.
    QCOMPARE(parsed->nextAfter(after, QTimeZone::utc()).toString(Qt::ISODate), expected.front());
}

void TestCronExpression::nextAfterIsStrictlyAfter_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("exactly on a slot") << QStringLiteral("0 9 * * *") << utc("2026-01-01T09:00:00Z")
                                       << utc("2026-01-02T09:00:00Z");
    QTest::newRow("one ms before a slot")
        << QStringLiteral("0 9 * * *") << utc("2026-01-01T08:59:59.999Z")
        << utc("2026-01-01T09:00:00Z");
    QTest::newRow("one ms after a slot")
        << QStringLiteral("0 9 * * *") << utc("2026-01-01T09:00:00.001Z")
        << utc("2026-01-02T09:00:00Z");
    QTest::newRow("seconds, fraction")
        << QStringLiteral("* * * * * *") << utc("2026-01-01T09:00:00.500Z")
        << utc("2026-01-01T09:00:01Z");
    QTest::newRow("before 1970") << QStringLiteral("0 0 1 1 *") << utc("1969-06-01T00:00:00Z")
                                 << utc("1970-01-01T00:00:00Z");
    QTest::newRow("far future") << QStringLiteral("0 0 1 1 *") << utc("2999-06-01T00:00:00Z")
                                << utc("3000-01-01T00:00:00Z");
}

void TestCronExpression::nextAfterIsStrictlyAfter()
{
    QFETCH(QString, expression);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->nextAfter(after, QTimeZone::utc()), expected);
}

void TestCronExpression::neverFires_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("30 February") << QStringLiteral("0 0 30 2 *");
    QTest::newRow("31 April") << QStringLiteral("0 0 31 4 *");
    QTest::newRow("31 of short months") << QStringLiteral("0 0 31 2,4,6,9,11 *");
    QTest::newRow("31W of short months") << QStringLiteral("0 0 31W 4,6 *");
    QTest::newRow("L-29 in February") << QStringLiteral("0 0 L-29 2 *");
    QTest::newRow("seconds 30 February") << QStringLiteral("* * * 30 2 *");
}

void TestCronExpression::neverFires()
{
    QFETCH(QString, expression);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY(parsed.ok());
    for (const char *zone : {"UTC", "America/New_York", "Pacific/Chatham"}) {
        const QTimeZone tz(zone);
        QVERIFY(!parsed->nextAfter(utc("2026-01-01T00:00:00Z"), tz).isValid());
        QVERIFY(parsed->nextInstants(utc("2026-01-01T00:00:00Z"), tz, 3).isEmpty());
    }
}

void TestCronExpression::afterInAnyTimeSpec()
{
    const auto parsed = CronExpression::parse(QStringLiteral("0 9 * * *"));
    QVERIFY(parsed.ok());
    const QDateTime expected = utc("2026-01-02T09:00:00Z");
    // 2026-01-02T05:00 in Berlin (CET) is 04:00Z.
    const QDateTime berlin(QDate(2026, 1, 2), QTime(5, 0), QTimeZone("Europe/Berlin"));
    QCOMPARE(parsed->nextAfter(berlin, QTimeZone::utc()), expected);
    const QDateTime offset(QDate(2026, 1, 2), QTime(7, 0), Qt::OffsetFromUTC, 3 * 3600);
    QCOMPARE(parsed->nextAfter(offset, QTimeZone::utc()), expected);
    const QDateTime local = expected.addSecs(-3600).toLocalTime();
    QCOMPARE(parsed->nextAfter(local, QTimeZone::utc()), expected);
    // A fixed-offset zone: 09:00 at UTC+05:30 is 03:30Z.
    QCOMPARE(parsed->nextAfter(utc("2026-01-02T00:00:00Z"), QTimeZone(5 * 3600 + 1800)),
             utc("2026-01-02T03:30:00Z"));
}

void TestCronExpression::matchesLocal_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("matches");

    auto row = [](const char *name, const char *expression, QDate date, QTime time, bool match) {
        QTest::newRow(name) << QString::fromLatin1(expression) << date << time << match;
    };
    row("weekday yes", "30 9 * * 1-5", QDate(2026, 1, 2), QTime(9, 30), true);
    row("weekday saturday", "30 9 * * 1-5", QDate(2026, 1, 3), QTime(9, 30), false);
    row("weekday wrong minute", "30 9 * * 1-5", QDate(2026, 1, 2), QTime(9, 31), false);
    row("5-field needs second 0", "30 9 * * *", QDate(2026, 1, 2), QTime(9, 30, 1), false);
    row("6-field second", "1 30 9 * * *", QDate(2026, 1, 2), QTime(9, 30, 1), true);
    row("LW yes", "0 0 LW * *", QDate(2026, 1, 30), QTime(0, 0), true);
    row("LW saturday", "0 0 LW * *", QDate(2026, 1, 31), QTime(0, 0), false);
    row("last friday", "0 0 * * 5L", QDate(2026, 1, 30), QTime(0, 0), true);
    row("not last friday", "0 0 * * 5L", QDate(2026, 1, 23), QTime(0, 0), false);
    row("1#2 yes", "0 0 * * 1#2", QDate(2026, 1, 12), QTime(0, 0), true);
    row("1#2 first monday", "0 0 * * 1#2", QDate(2026, 1, 5), QTime(0, 0), false);
    row("either 13th", "0 0 13 * 5", QDate(2026, 1, 13), QTime(0, 0), true);
    row("either friday", "0 0 13 * 5", QDate(2026, 1, 16), QTime(0, 0), true);
    row("either neither", "0 0 13 * 5", QDate(2026, 1, 14), QTime(0, 0), false);
    row("star step odd friday", "0 0 */2 * 5", QDate(2026, 1, 9), QTime(0, 0), true);
    row("star step even friday", "0 0 */2 * 5", QDate(2026, 1, 16), QTime(0, 0), false);
}

void TestCronExpression::matchesLocal()
{
    QFETCH(QString, expression);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(bool, matches);
    const auto parsed = CronExpression::parse(expression);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->matchesLocal(date, time), matches);
}

QTEST_GUILESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"
