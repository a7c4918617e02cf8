#include "nextcommand.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"
#include "format.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <cron/localtime.h>

namespace Cronhelm {

namespace {

constexpr int maxCount = 10000;

} // namespace

int NextCommand::run(const QStringList &args)
{
    CommandParser cmd(QStringLiteral("next"),
                      CtlTr::tr("Print the next fire instants of a cron expression, one per "
                                "line: the instant in UTC, a tab, and the local time in the "
                                "zone. Needs no database."),
                      CommandParser::Database::Unused);
    cmd.addPositional(QStringLiteral("expr"),
                      CtlTr::tr("Cron expression: 5 fields (min hour dom month dow), 6 with "
                                "seconds first, or a macro such as @daily. Quote it."),
                      QStringLiteral("EXPR"));
    const QCommandLineOption tz(QStringLiteral("tz"),
                                CtlTr::tr("IANA time zone the fields are read in (default UTC)."),
                                CtlTr::tr("zone"));
    const QCommandLineOption after(QStringLiteral("after"),
                                   CtlTr::tr("Start strictly after this ISO-8601 instant, e.g. "
                                             "2026-03-08T06:59:30Z (default now; without an "
                                             "offset the time is UTC)."),
                                   CtlTr::tr("instant"));
    const QCommandLineOption count(
        QStringLiteral("count"),
        CtlTr::tr("How many instants (default 5, at most %1).").arg(maxCount), CtlTr::tr("n"),
        QStringLiteral("5"));
    const QCommandLineOption describe(QStringLiteral("describe"),
                                      CtlTr::tr("Print the schedule in plain words first."));
    cmd.addOptions({tz, after, count, describe});
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;

    const QString text = cmd.positional().constFirst();
    Result<CronExpression> expr = CronExpression::parse(text);
    if (!expr) {
        return Console::fail(makeError(
            ErrorKind::BadInput,
            CtlTr::tr("invalid cron expression \"%1\": %2").arg(text, expr.errorMessage())));
    }
    Result<QTimeZone> zone =
        zoneFromId(cmd.isSet(tz) ? cmd.value(tz).trimmed() : QStringLiteral("UTC"));
    if (!zone)
        return Console::fail(zone.error());
    QDateTime start = QDateTime::currentDateTimeUtc();
    if (cmd.isSet(after)) {
        Result<QDateTime> parsed =
            Format::parseInstant(cmd.value(after), QStringLiteral("--after"));
        if (!parsed)
            return Console::fail(parsed.error());
        start = *parsed;
    }
    Result<qint64> n =
        Format::parseInteger(cmd.value(count), QStringLiteral("--count"), 1, maxCount);
    if (!n)
        return Console::fail(n.error());

    if (cmd.isSet(describe))
        Console::outLine(describeCron(*expr, *zone));
    const QList<QDateTime> instants = expr->nextInstants(start, *zone, int(*n));
    for (const QDateTime &instant : instants)
        Console::outLine(Format::utc(instant) + QLatin1Char('\t') + Format::local(instant, *zone));
    if (instants.size() < *n) {
        Console::note(
            instants.isEmpty()
                ? CtlTr::tr("The expression never fires after %1.").arg(Format::utc(start))
                : CtlTr::tr("The expression fires only %n more time(s).", nullptr,
                            int(instants.size())));
    }
    return ExitOk;
}

} // namespace Cronhelm
