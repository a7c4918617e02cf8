#include "retentioncommands.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"
#include "format.h"
#include "recordjson.h"
#include "texttable.h"

#include <domain/joblimits.h>
#include <store/retentionstore.h>

#include <QJsonArray>
#include <QJsonObject>

namespace Cronhelm {

namespace {

QString policyText(const RetentionPolicy &p)
{
    return CtlTr::tr("keep days: %1\nkeep runs: %2\n").arg(p.keepDays).arg(p.keepRuns);
}

QJsonValue optionalNumber(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

CommandGroup RetentionCommands::group()
{
    CommandGroup g(QStringLiteral("retention"),
                   CtlTr::tr("The store-wide retention policy: a run is deleted once it finished "
                             "more than keep-days days ago and is not among the last keep-runs "
                             "runs of its job. The executor applies it on its own."));
    g.add(QStringLiteral("show"), CtlTr::tr("Show the policy and the jobs that override it."),
          &RetentionCommands::show);
    g.add(QStringLiteral("set"), CtlTr::tr("Change the policy (admin)."), &RetentionCommands::set);
    return g;
}

int RetentionCommands::show(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("retention show"),
                      CtlTr::tr("Show the store-wide retention policy and the jobs with a "
                                "retention of their own."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlTr::tr("Print one JSON object for scripts."));
    cmd.addOption(json);
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    Result<RetentionPolicy> policy = RetentionStore(db.store()).policy();
    if (!policy)
        return Console::fail(policy.error());
    // The same list as the app's retention dialog, read by the store (not every job's spec).
    Result<QList<JobRetention>> overriding = RetentionStore(db.store()).overrides();
    if (!overriding)
        return Console::fail(overriding.error());

    if (cmd.isSet(json)) {
        QJsonArray list;
        for (const JobRetention &job : std::as_const(*overriding)) {
            list.append(QJsonObject{{QStringLiteral("job"), job.job},
                                    {QStringLiteral("keep_days"), optionalNumber(job.keepDays)},
                                    {QStringLiteral("keep_runs"), optionalNumber(job.keepRuns)}});
        }
        Console::outBytes(RecordJson::toText(QJsonObject{
            {QStringLiteral("keep_days"), policy->keepDays},
            {QStringLiteral("keep_runs"), policy->keepRuns},
            {QStringLiteral("overrides"), list},
        }));
        return ExitOk;
    }
    QString out = policyText(*policy);
    if (!overriding->isEmpty()) {
        out += QLatin1Char('\n') + CtlTr::tr("Jobs with their own retention:") + QLatin1Char('\n');
        TextTable table({CtlTr::tr("JOB"), CtlTr::tr("KEEP DAYS"), CtlTr::tr("KEEP RUNS")});
        for (const JobRetention &job : std::as_const(*overriding)) {
            table.addRow({job.job,
                          job.keepDays ? QString::number(*job.keepDays) : CtlTr::tr("default"),
                          job.keepRuns ? QString::number(*job.keepRuns) : CtlTr::tr("default")});
        }
        out += table.render();
    }
    Console::out(out);
    return ExitOk;
}

int RetentionCommands::set(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("retention set"),
                      CtlTr::tr("Change the store-wide retention policy (admin). An option not "
                                "given keeps its value. Prints the policy now in force."));
    const QCommandLineOption keepDays(
        QStringLiteral("keep-days"),
        CtlTr::tr("Delete runs that finished more than this many days ago (1 to %1).")
            .arg(JobLimits::maxKeepDays),
        CtlTr::tr("days"));
    const QCommandLineOption keepRuns(
        QStringLiteral("keep-runs"),
        CtlTr::tr("But keep at least the last n runs of each job (0 to %1).")
            .arg(JobLimits::maxKeepRuns),
        CtlTr::tr("n"));
    cmd.addOptions({keepDays, keepRuns});
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    if (!cmd.isSet(keepDays) && !cmd.isSet(keepRuns))
        return cmd.usageError(CtlTr::tr("give --keep-days, --keep-runs or both"));
    // The form of the numbers is checked before connecting; their range too (the rules
    // are RetentionPolicy's, the same the database applies).
    std::optional<qint64> days;
    std::optional<qint64> runs;
    if (cmd.isSet(keepDays)) {
        Result<qint64> v = Format::parseInteger(cmd.value(keepDays), QStringLiteral("--keep-days"),
                                                1, JobLimits::maxKeepDays);
        if (!v)
            return Console::fail(v.error());
        days = *v;
    }
    if (cmd.isSet(keepRuns)) {
        Result<qint64> v = Format::parseInteger(cmd.value(keepRuns), QStringLiteral("--keep-runs"),
                                                0, JobLimits::maxKeepRuns);
        if (!v)
            return Console::fail(v.error());
        runs = *v;
    }

    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    RetentionStore store(db.store());
    Result<RetentionPolicy> current = store.policy();
    if (!current)
        return Console::fail(current.error());
    RetentionPolicy policy = *current;
    if (days)
        policy.keepDays = int(*days);
    if (runs)
        policy.keepRuns = int(*runs);
    if (Status set = store.setPolicy(policy); !set)
        return Console::fail(set.error());
    Console::out(policyText(policy));
    return ExitOk;
}

} // namespace Cronhelm
