#include "runcommands.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "enumchoices.h"
#include "exitcodes.h"
#include "format.h"
#include "recordjson.h"
#include "runformat.h"
#include "texttable.h"

#include <domain/logtext.h>
#include <store/jobstore.h>
#include <store/runstore.h>

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QThread>
#include <QTimeZone>

#include <cstdio>

namespace Cronhelm {

namespace {

const QString optJob = QStringLiteral("job");
const QString optStatus = QStringLiteral("status");
const QString optTrigger = QStringLiteral("trigger");
const QString optSince = QStringLiteral("since");
const QString optUntil = QStringLiteral("until");

// The values of a repeatable, comma-separated option, each one of the enum's spellings.
template<typename Enum>
Result<QList<Enum>> readOptionChoices(const CommandParser &cmd, const QString &option)
{
    return readChoices<Enum>(splitList(cmd.values(option)), option);
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), CtlTr::tr("Print JSON for scripts."));
}

QString runIdPositionalHelp()
{
    return CtlTr::tr("The run's id (as printed by \"job run-now\" and \"runs list\").");
}

} // namespace

CommandGroup RunCommands::group()
{
    CommandGroup g(QStringLiteral("runs"),
                   CtlTr::tr("The run history: list and filter runs, show one, print or follow "
                             "its log, export to CSV, cancel a run."));
    g.add(QStringLiteral("list"), CtlTr::tr("List runs, newest first."), &RunCommands::list);
    g.add(QStringLiteral("show"), CtlTr::tr("Show everything about a run."), &RunCommands::show);
    g.add(QStringLiteral("log"), CtlTr::tr("Print a run's log; --follow tails it."),
          &RunCommands::log);
    g.add(QStringLiteral("export"), CtlTr::tr("Export the run history as CSV."),
          &RunCommands::exportRuns);
    g.add(QStringLiteral("cancel"), CtlTr::tr("Cancel a queued or running run (operator)."),
          &RunCommands::cancel);
    return g;
}

void RunCommands::addFilterOptions(CommandParser &cmd)
{
    cmd.addOptions({
        {optJob, CtlTr::tr("Only runs of the job with this name."), CtlTr::tr("name")},
        {optStatus,
         CtlTr::tr("Only runs with this status; repeatable or comma-separated (%1).")
             .arg(spellings<RunStatus>().join(QStringLiteral(", "))),
         CtlTr::tr("status")},
        {optTrigger,
         CtlTr::tr("Only runs with this trigger; repeatable or comma-separated (%1).")
             .arg(spellings<RunTrigger>().join(QStringLiteral(", "))),
         CtlTr::tr("trigger")},
        {optSince,
         CtlTr::tr("Only runs scheduled at or after this ISO-8601 instant (UTC unless an "
                   "offset is given)."),
         CtlTr::tr("instant")},
        {optUntil, CtlTr::tr("Only runs scheduled before this ISO-8601 instant."),
         CtlTr::tr("instant")},
    });
}

Result<RunFilter> RunCommands::readFilter(const CommandParser &cmd)
{
    RunFilter filter;
    if (cmd.isSet(optJob))
        filter.jobName = cmd.value(optJob);
    Result<QList<RunStatus>> statuses = readOptionChoices<RunStatus>(cmd, optStatus);
    if (!statuses)
        return statuses.error();
    filter.statuses = *statuses;
    Result<QList<RunTrigger>> triggers = readOptionChoices<RunTrigger>(cmd, optTrigger);
    if (!triggers)
        return triggers.error();
    filter.triggers = *triggers;
    if (cmd.isSet(optSince)) {
        Result<QDateTime> since =
            Format::parseInstant(cmd.value(optSince), QStringLiteral("--since"));
        if (!since)
            return since.error();
        filter.since = *since;
    }
    if (cmd.isSet(optUntil)) {
        Result<QDateTime> until =
            Format::parseInstant(cmd.value(optUntil), QStringLiteral("--until"));
        if (!until)
            return until.error();
        filter.until = *until;
    }
    return filter;
}

Result<qint64> RunCommands::readRunId(const CommandParser &cmd)
{
    return Format::parseInteger(cmd.positional().constFirst(), CtlTr::tr("RUN_ID"), 1,
                                std::numeric_limits<qint64>::max());
}

int RunCommands::list(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("runs list"),
                      CtlTr::tr("List runs, newest first. Instants are UTC."));
    addFilterOptions(cmd);
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   CtlTr::tr("At most this many runs (default 50)."),
                                   CtlTr::tr("n"), QStringLiteral("50"));
    const QCommandLineOption json = jsonOption();
    cmd.addOptions({limit, json});
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    Result<RunFilter> filter = readFilter(cmd);
    if (!filter)
        return Console::fail(filter.error());
    Result<qint64> n =
        Format::parseInteger(cmd.value(limit), QStringLiteral("--limit"), 1, 1000000);
    if (!n)
        return Console::fail(n.error());

    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    RunStore runs(db.store());
    Result<QList<RunRecord>> page = runs.page(*filter, int(*n));
    if (!page)
        return Console::fail(page.error());
    if (cmd.isSet(json)) {
        QJsonArray array;
        for (const RunRecord &run : std::as_const(*page))
            array.append(RecordJson::run(run));
        Console::outBytes(RecordJson::toText(array));
        return ExitOk;
    }
    Console::out(RunFormat::table(*page));
    return ExitOk;
}

int RunCommands::show(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("runs show"), CtlTr::tr("Show everything about a run."));
    cmd.addPositional(QStringLiteral("run-id"), runIdPositionalHelp(), QStringLiteral("RUN_ID"));
    const QCommandLineOption json = jsonOption();
    cmd.addOption(json);
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    Result<qint64> id = readRunId(cmd);
    if (!id)
        return Console::fail(id.error());
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    RunStore runs(db.store());
    Result<RunRecord> run = runs.byId(*id);
    if (!run)
        return Console::fail(run.error());
    if (cmd.isSet(json))
        Console::outBytes(RecordJson::toText(RecordJson::run(*run)));
    else
        Console::out(RunFormat::details(*run));
    return ExitOk;
}

int RunCommands::log(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("runs log"),
                      CtlTr::tr("Print a run's log as it was recorded (stdout, stderr and the "
                                "node's own notes, in order)."));
    cmd.addPositional(QStringLiteral("run-id"), runIdPositionalHelp(), QStringLiteral("RUN_ID"));
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")},
                                    CtlTr::tr("Keep printing new output until the run has "
                                              "finished."));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      CtlTr::tr("With --follow: poll every this many "
                                                "milliseconds (default 500)."),
                                      CtlTr::tr("ms"), QStringLiteral("500"));
    cmd.addOptions({follow, interval});
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    Result<qint64> id = readRunId(cmd);
    if (!id)
        return Console::fail(id.error());
    Result<qint64> pollMs =
        Format::parseInteger(cmd.value(interval), QStringLiteral("--interval"), 50, 60000);
    if (!pollMs)
        return Console::fail(pollMs.error());
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    RunStore runs(db.store());

    int lastSeq = -1;
    constexpr int pageSize = 10000;
    for (;;) {
        // The status is read before the chunks: once it says finished, the chunks read after
        // it are the whole log.
        Result<RunRecord> run = runs.byId(*id);
        if (!run)
            return Console::fail(run.error());
        qsizetype got = 0;
        do {
            Result<QList<LogChunk>> chunks = runs.logChunks(*id, lastSeq, pageSize);
            if (!chunks)
                return Console::fail(chunks.error());
            for (const LogChunk &chunk : std::as_const(*chunks)) {
                // The bytes the job printed, NUL and non-UTF-8 included (LogText).
                Console::outBytes(LogText::toBytes(chunk.data));
                lastSeq = chunk.seq;
            }
            got = chunks->size();
            Console::flush();
        } while (got == pageSize);
        if (!cmd.isSet(follow) || isFinal(run->status))
            break;
        QThread::msleep(ulong(*pollMs));
    }
    return ExitOk;
}

int RunCommands::exportRuns(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("runs export"),
                      CtlTr::tr("Export the run history (oldest first) as RFC 4180 CSV, streamed "
                                "straight from the database. The header row starts with %1. "
                                "Instants are UTC ISO-8601 with milliseconds; the *_local "
                                "columns use the system time zone (or --tz).")
                          .arg(RunStore::csvColumns().mid(0, 13).join(QLatin1Char(','))));
    addFilterOptions(cmd);
    const QCommandLineOption csv(QStringLiteral("csv"), CtlTr::tr("Write CSV (required)."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    CtlTr::tr("Write to this file instead of standard output."),
                                    CtlTr::tr("file"));
    const QCommandLineOption tz(QStringLiteral("tz"),
                                CtlTr::tr("Time zone of the *_local columns (default: the "
                                          "system's)."),
                                CtlTr::tr("zone"));
    cmd.addOptions({csv, output, tz});
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    if (!cmd.isSet(csv))
        return cmd.usageError(CtlTr::tr("choose the format: --csv"));
    Result<RunFilter> filter = readFilter(cmd);
    if (!filter)
        return Console::fail(filter.error());
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (cmd.isSet(tz)) {
        zone = cmd.value(tz).trimmed();
        if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8())) {
            return Console::fail(makeError(ErrorKind::BadInput,
                                           CtlTr::tr("--tz: unknown time zone \"%1\"").arg(zone)));
        }
    }

    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    RunStore runs(db.store());
    if (!cmd.isSet(output)) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return Console::fail(makeError(ErrorKind::Other, out.errorString()));
        Result<qint64> rows = runs.exportCsv(*filter, out, zone);
        out.close();
        return rows ? int(ExitOk) : Console::fail(rows.error());
    }
    // Written to a temporary file and renamed at the end: a failed export never leaves a
    // truncated file that looks complete.
    const QString path = cmd.value(output);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return Console::fail(makeError(
            ErrorKind::Other, CtlTr::tr("cannot write %1: %2").arg(path, out.errorString())));
    }
    Result<qint64> rows = runs.exportCsv(*filter, out, zone);
    if (!rows) {
        out.cancelWriting();
        return Console::fail(rows.error());
    }
    if (!out.commit()) {
        return Console::fail(makeError(
            ErrorKind::Other, CtlTr::tr("cannot write %1: %2").arg(path, out.errorString())));
    }
    Console::note(CtlTr::tr("exported %n run(s) to %1", nullptr, int(*rows)).arg(path));
    return ExitOk;
}

int RunCommands::cancel(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("runs cancel"),
                      CtlTr::tr("Cancel a queued run at once, or ask the executor to stop a "
                                "running one. A finished run cannot be cancelled (exit 5)."));
    cmd.addPositional(QStringLiteral("run-id"), runIdPositionalHelp(), QStringLiteral("RUN_ID"));
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    Result<qint64> id = readRunId(cmd);
    if (!id)
        return Console::fail(id.error());
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    Result<QString> state = jobs.cancelRun(*id);
    if (!state)
        return Console::fail(state.error());
    Console::outLine(*state == QLatin1String("cancelled")
                         ? CtlTr::tr("run %1 cancelled").arg(*id)
                         : CtlTr::tr("run %1 is being cancelled by the executor").arg(*id));
    return ExitOk;
}

} // namespace Cronhelm
