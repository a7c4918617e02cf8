#include "jobformat.h"

#include "ctltr.h"
#include "format.h"
#include "texttable.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>
#include <domain/durationformat.h>
#include <domain/jobschedule.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Cronhelm::JobFormat {

namespace {

QString yesNo(bool value)
{
    return value ? CtlTr::tr("yes") : CtlTr::tr("no");
}

QString instantWithLocal(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid())
        return QStringLiteral("-");
    return CtlTr::tr("%1 (%2)").arg(Format::utc(instant), Format::local(instant, zone));
}

void addTarget(KeyValueList &list, const JobRecord &job)
{
    const TargetSpec &t = job.spec.target;
    if (t.kind == TargetKind::Http) {
        list.add(CtlTr::tr("target"), CtlTr::tr("HTTP %1 %2").arg(t.http.method, t.http.url));
        for (const auto &[name, value] : t.http.headers)
            list.add(CtlTr::tr("header"), name + QStringLiteral(": ") + value);
        if (!t.http.body.isEmpty()) {
            list.add(CtlTr::tr("body"),
                     t.http.bodyIsJson
                         ? QString::fromUtf8(QJsonDocument::fromJson(t.http.body.toUtf8()).toJson())
                         : t.http.body);
        }
        list.add(CtlTr::tr("expect status"), t.http.expectStatus.toString());
        if (!t.http.failIfBodyMatches.isEmpty())
            list.add(CtlTr::tr("fail if body matches"), t.http.failIfBodyMatches);
        return;
    }
    if (!t.shell.argv.isEmpty())
        list.add(CtlTr::tr("target"),
                 CtlTr::tr("command %1").arg(t.shell.argv.join(QLatin1Char(' '))));
    else
        list.add(CtlTr::tr("target"), CtlTr::tr("shell %1").arg(t.shell.command));
    if (!t.shell.workdir.isEmpty())
        list.add(CtlTr::tr("workdir"), t.shell.workdir);
    for (const auto &[name, value] : t.shell.env)
        list.add(CtlTr::tr("env"), name + QLatin1Char('=') + value);
}

void addNotify(KeyValueList &list, const JobRecord &job)
{
    if (job.spec.notify.isEmpty()) {
        list.add(CtlTr::tr("notify"), CtlTr::tr("nobody"));
        return;
    }
    for (const NotificationTarget &n : job.spec.notify) {
        QStringList on;
        if (n.onFailure)
            on.append(wireName(NotifyEvent::Failure));
        if (n.onSuccess)
            on.append(wireName(NotifyEvent::Success));
        if (n.onRecovery)
            on.append(wireName(NotifyEvent::Recovery));
        list.add(
            CtlTr::tr("notify"),
            CtlTr::tr("%1 %2 on %3").arg(wireName(n.kind), n.url, on.join(QStringLiteral(", "))));
    }
}

} // namespace

QString schedule(const JobRecord &job)
{
    if (job.isOnce()) {
        return CtlTr::tr("once %1").arg(
            job.spec.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    return job.spec.cron;
}

QString details(const JobRecord &job, const QDateTime &now)
{
    const JobSpec &spec = job.spec;
    const QTimeZone zone(spec.timeZone.toUtf8());
    KeyValueList list;
    list.add(CtlTr::tr("name"), spec.name);
    list.add(CtlTr::tr("id"), QString::number(job.id));
    list.add(CtlTr::tr("version"), QString::number(job.version));
    list.add(CtlTr::tr("description"), spec.description);
    list.add(CtlTr::tr("owner"), spec.owner);
    list.add(CtlTr::tr("paused"), yesNo(!spec.enabled));
    if (job.isOnce()) {
        list.add(CtlTr::tr("schedule"),
                 CtlTr::tr("once at %1 local time")
                     .arg(spec.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        list.add(CtlTr::tr("time zone"), spec.timeZone);
        list.add(CtlTr::tr("once at"), instantWithLocal(spec.onceAt, zone));
        list.add(CtlTr::tr("once state"), wireName(job.onceState));
    } else {
        list.add(CtlTr::tr("schedule"), spec.cron);
        if (Result<CronExpression> expr = CronExpression::parse(spec.cron); expr && zone.isValid())
            list.add(CtlTr::tr("meaning"), describeCron(*expr, zone));
        list.add(CtlTr::tr("time zone"), spec.timeZone);
    }
    list.add(CtlTr::tr("next run"), instantWithLocal(nextRunOf(job, now), zone));
    if (!job.scheduleError.isEmpty())
        list.add(CtlTr::tr("schedule error"), job.scheduleError);
    for (const FieldProblem &problem : job.specProblems)
        list.add(CtlTr::tr("problem"), problem.field + QStringLiteral(": ") + problem.message);
    addTarget(list, job);
    list.add(CtlTr::tr("timeout"), CtlTr::tr("%1 s").arg(spec.timeoutSeconds));
    list.add(CtlTr::tr("retries"),
             spec.retries == 0 ? QStringLiteral("0")
                               : CtlTr::tr("%1 (%2 backoff, first delay %3 s)")
                                     .arg(spec.retries)
                                     .arg(wireName(spec.retryBackoff))
                                     .arg(spec.retryDelaySeconds));
    list.add(CtlTr::tr("concurrency"), wireName(spec.concurrency));
    list.add(CtlTr::tr("misfire"),
             spec.misfire == MisfirePolicy::RunAll
                 ? CtlTr::tr("%1 (at most %2)").arg(wireName(spec.misfire)).arg(spec.misfireBound)
                 : wireName(spec.misfire));
    if (!spec.runOn.isEmpty())
        list.add(CtlTr::tr("run on"), spec.runOn.join(QStringLiteral(", ")));
    if (spec.keepDays || spec.keepRuns) {
        list.add(CtlTr::tr("keep runs"),
                 CtlTr::tr("%1 days, at least the last %2")
                     .arg(spec.keepDays ? QString::number(*spec.keepDays) : CtlTr::tr("default"),
                          spec.keepRuns ? QString::number(*spec.keepRuns) : CtlTr::tr("default")));
    }
    addNotify(list, job);
    list.add(CtlTr::tr("log limit"), CtlTr::tr("%1 bytes").arg(spec.logLimitBytes));
    if (job.lastRunId != 0) {
        QString last = CtlTr::tr("run %1 %2")
                           .arg(job.lastRunId)
                           .arg(job.lastStatus ? wireName(*job.lastStatus) : QString());
        if (job.lastStartedAt.isValid())
            last += CtlTr::tr(", started %1").arg(Format::utc(job.lastStartedAt));
        if (job.lastDurationMs)
            last += CtlTr::tr(", took %1").arg(formatDuration(*job.lastDurationMs));
        list.add(CtlTr::tr("last run"), last);
    } else {
        list.add(CtlTr::tr("last run"), CtlTr::tr("never"));
    }
    list.add(CtlTr::tr("running"), QString::number(job.runningCount));
    list.add(CtlTr::tr("created"),
             CtlTr::tr("%1 by %2").arg(Format::utc(job.createdAt), job.createdBy));
    list.add(CtlTr::tr("updated"),
             CtlTr::tr("%1 by %2").arg(Format::utc(job.updatedAt), job.updatedBy));
    return list.render();
}

} // namespace Cronhelm::JobFormat
