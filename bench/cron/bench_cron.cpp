// Throughput of CronExpression::nextAfter() per expression class and zone, and its ratio to
// the brute-force reference (CronOracle: a minute-by-minute walk asking QTimeZone for every
// instant) measured in the same run. Also parse throughput and a 10,000-schedule round.
// Usage: bench_cron [seconds-per-measurement, default 0.3]
#include <cron/cronexpression.h>
#include <cron/cronoracle.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace Cronhelm;

namespace {

struct Rate
{
    double perSecond = 0;
    qint64 calls = 0;
};

// Calls `step` until `budgetMs` has passed (at least `minCalls` times).
template<typename Step>
Rate measure(double budgetMs, qint64 minCalls, Step step)
{
    QElapsedTimer timer;
    timer.start();
    qint64 calls = 0;
    while (calls < minCalls || timer.nsecsElapsed() < qint64(budgetMs * 1e6)) {
        for (int i = 0; i < 16; ++i)
            step();
        calls += 16;
        if (calls >= minCalls && timer.nsecsElapsed() >= qint64(budgetMs * 1e6))
            break;
    }
    return {double(calls) * 1e9 / double(timer.nsecsElapsed()), calls};
}

CronExpression parseOrDie(const char *text)
{
    auto parsed = CronExpression::parse(QString::fromLatin1(text));
    if (!parsed) {
        std::fprintf(stderr, "bad expression %s: %s\n", text, qPrintable(parsed.errorMessage()));
        std::exit(1);
    }
    return *parsed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double budgetMs = (argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 0.3) * 1000;

    struct Class
    {
        const char *name;
        const char *expression;
        bool withOracle;
    };
    const Class classes[] = {
        {"every minute", "* * * * *", true},      {"every 15 minutes", "*/15 * * * *", true},
        {"hourly at :30", "30 * * * *", true},    {"daily, restricted hour", "30 2 * * *", true},
        {"weekdays 09:30", "30 9 * * 1-5", true}, {"last weekday 18:00", "0 18 LW * *", true},
        {"2nd Monday", "0 9 * * 1#2", true},      {"every 10 s (6 fields)", "*/10 * * * * *", true},
        {"29 February", "0 0 29 2 *", false},     {"never (30 Feb)", "0 0 30 2 *", false},
    };
    const char *const zones[] = {"UTC", "America/New_York", "Australia/Lord_Howe"};
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

    std::printf("cron engine benchmark (budget %.0f ms per figure)\n\n", budgetMs);
    std::printf("%-24s %-20s %14s %14s %12s %10s\n", "expression", "zone", "chain/s", "random/s",
                "naive/s", "ratio");
    for (const Class &c : classes) {
        const CronExpression expr = parseOrDie(c.expression);
        for (const char *zoneId : zones) {
            const QTimeZone zone(zoneId);
            (void)expr.nextAfter(start, zone); // warm the zone cache

            // The node's pattern: each fire asks for the next one.
            // (Restarting after two years, so rare expressions do not wander off for centuries.)
            const QDateTime wrap = start.addYears(2);
            QDateTime cursor = start;
            const Rate chain = measure(budgetMs, 64, [&] {
                const QDateTime next = expr.nextAfter(cursor, zone);
                cursor = next.isValid() && next < wrap ? next : start;
            });
            // Arbitrary starting points within 2026.
            QRandomGenerator random(42);
            const Rate scattered = measure(budgetMs, 64, [&] {
                const QDateTime after = start.addSecs(random.bounded(365 * 86400));
                (void)expr.nextAfter(after, zone);
            });
            QString naive = QStringLiteral("n/a");
            QString ratio = QStringLiteral("n/a");
            if (c.withOracle) {
                QRandomGenerator oracleRandom(42);
                const qint64 window = 40 * 86400;
                const Rate reference = measure(budgetMs, 3, [&] {
                    const QDateTime after = start.addSecs(oracleRandom.bounded(365 * 86400));
                    (void)CronOracle::nextAfter(expr, after, zone, window);
                });
                naive = QString::number(reference.perSecond, 'f', 1);
                ratio = QString::number(scattered.perSecond / reference.perSecond, 'f', 0)
                    + QLatin1Char('x');
            }
            std::printf("%-24s %-20s %14.0f %14.0f %12s %10s\n", c.name, zoneId, chain.perSecond,
                        scattered.perSecond, qPrintable(naive), qPrintable(ratio));
        }
    }

    // Parsing.
    const char *const texts[] = {"*/15 * * * *", "30 9 * * MON-FRI", "0 18 LW * *",
                                 "0,15,30,45 8-18 1-7 JAN-JUN 1#2", "@daily"};
    int index = 0;
    const Rate parse = measure(budgetMs, 64, [&] {
        (void)CronExpression::parse(QString::fromLatin1(texts[index++ % 5]));
    });
    std::printf("\nparse: %.0f expressions/s\n", parse.perSecond);

    // A round of 10,000 schedules in mixed zones: each asks for its next fire once.
    QList<CronExpression> schedules;
    QList<QTimeZone> scheduleZones;
    const char *const mixTexts[] = {"* * * * *",   "*/5 * * * *",  "30 2 * * *", "0 9 * * 1-5",
                                    "0 18 LW * *", "15 */2 * * *", "0 0 1 * *",  "*/30 * * * * *"};
    const char *const mixZones[] = {"UTC",          "Europe/Berlin",       "America/New_York",
                                    "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"};
    for (int i = 0; i < 10000; ++i) {
        schedules.append(parseOrDie(mixTexts[i % 8]));
        scheduleZones.append(QTimeZone(mixZones[i % 6]));
    }
    QElapsedTimer timer;
    timer.start();
    int valid = 0;
    for (int i = 0; i < schedules.size(); ++i)
        valid += schedules.at(i).nextAfter(start, scheduleZones.at(i)).isValid() ? 1 : 0;
    std::printf("10,000 mixed schedules: %.2f ms for one nextAfter each (%d valid)\n",
                double(timer.nsecsElapsed()) / 1e6, valid);
    return 0;
}
