// libFuzzer target for the cron engine: arbitrary bytes as an expression. Valid expressions
// are scheduled in a few zones near DST changes and checked against basic invariants and, over
// a short window, against the brute-force oracle. Built by scripts/fuzz-cron.sh (not by CMake).
#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <cron/cronoracle.h>

#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Cronhelm;

namespace {

[[noreturn]] void fail(const char *what, const QString &text, const QDateTime &after,
                       const QTimeZone &zone, const QDateTime &got = {},
                       const QDateTime &expected = {})
{
    std::fprintf(stderr,
                 "INVARIANT BROKEN: %s\n  expression: %s\n  zone: %s\n  after: %s\n"
                 "  got: %s\n  expected: %s\n",
                 what, qPrintable(text), zone.id().constData(),
                 qPrintable(after.toString(Qt::ISODateWithMs)),
                 qPrintable(got.toString(Qt::ISODate)), qPrintable(expected.toString(Qt::ISODate)));
    std::abort();
}

bool matchesAt(const CronExpression &expr, qint64 localSeconds)
{
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(localSeconds, Qt::UTC);
    return expr.matchesLocal(wall.date(), wall.time());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 200)
        return 0;
    static const QTimeZone zones[] = {QTimeZone("America/New_York"),
                                      QTimeZone("Australia/Lord_Howe"),
                                      QTimeZone("Pacific/Chatham"), QTimeZone::utc()};
    // Starts just before 2026 transitions (and one ordinary day).
    static const QDateTime starts[] = {
        QDateTime(QDate(2026, 3, 8), QTime(5, 47, 13), Qt::UTC),  // NY spring 07:00Z
        QDateTime(QDate(2026, 11, 1), QTime(4, 59, 59), Qt::UTC), // NY fall 06:00Z
        QDateTime(QDate(2026, 10, 3), QTime(14, 40), Qt::UTC),    // Lord Howe spring 15:30Z
        QDateTime(QDate(2026, 4, 4), QTime(13, 1, 30), Qt::UTC),  // Chatham / Lord Howe fall
        QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC),
    };

    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = CronExpression::parse(text);
    if (!parsed) {
        if (parsed.errorKind() != ErrorKind::BadInput || parsed.errorMessage().isEmpty())
            fail("error without a BadInput message", text, {}, QTimeZone::utc());
        return 0;
    }
    const CronExpression &expr = *parsed;
    if (expr.text() != text.trimmed())
        fail("text() is not the trimmed input", text, {}, QTimeZone::utc());

    std::size_t hash = size;
    for (std::size_t i = 0; i < size; ++i)
        hash = hash * 31 + data[i];
    for (int round = 0; round < 2; ++round) {
        const QTimeZone &zone = zones[(hash + std::size_t(round) * 3) % std::size(zones)];
        const QDateTime after = starts[(hash / 7 + std::size_t(round)) % std::size(starts)];
        (void)describeCron(expr, zone);

        const QList<QDateTime> chain = expr.nextInstants(after, zone, 3);
        QDateTime previous = after;
        for (const QDateTime &instant : chain) {
            if (!instant.isValid() || instant <= previous)
                fail("instants not strictly increasing", text, previous, zone, instant);
            if (instant.time().msec() != 0 || instant.timeSpec() != Qt::UTC)
                fail("instant not a whole UTC second", text, previous, zone, instant);
            const qint64 u = instant.toSecsSinceEpoch();
            const int offset = zone.offsetFromUtc(instant);
            // It matches where it fires, or (restricted hour, spring-forward gap) it stands for
            // a skipped wall-clock time read with the earlier offset.
            const int earlier = zone.offsetFromUtc(instant.addDays(-2));
            const bool ok = matchesAt(expr, u + offset)
                || (expr.isHourRestricted() && earlier < offset && matchesAt(expr, u + earlier));
            if (!ok)
                fail("instant does not match", text, previous, zone, instant);
            if (expr.nextAfter(previous, zone) != instant)
                fail("nextAfter disagrees with nextInstants", text, previous, zone,
                     expr.nextAfter(previous, zone), instant);
            previous = instant;
        }

        // Differential check over a short window against the brute-force walk.
        const qint64 window = expr.hasSeconds() ? 300 : 6 * 3600;
        const QDateTime oracle = CronOracle::nextAfter(expr, after, zone, window);
        const QDateTime actual = chain.isEmpty() ? QDateTime() : chain.front();
        if (oracle.isValid() ? actual != oracle
                             : (actual.isValid() && actual <= after.addSecs(window)))
            fail("differs from the oracle", text, after, zone, actual, oracle);
    }
    return 0;
}
