#include "jobformat.h"

#include "ctltr.h"
#include "format.h"
#include "texttable.h"

#include <cron/crondescription.h>
#include <cron/cronexpression.h>

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
    const QJsonObject &t = job.target;
    auto text = [&t](const char *key) {
        return t.value(QLatin1String(key)).toString();
    };
    if (job.targetType == QLatin1String("http")) {
        list.add(CtlTr::tr("target"),
                 CtlTr::tr("HTTP %1 %2")
                     .arg(text("method").isEmpty() ? QStringLiteral("GET") : text("method"),
                          text("url")));
        const QJsonObject headers = t.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            list.add(CtlTr::tr("header"), it.key() + QStringLiteral(": ") + it.value().toString());
        const QJsonValue body = t.value(QLatin1String("body"));
        if (body.isString())
            list.add(CtlTr::tr("body"), body.toString());
        else if (body.isObject())
            list.add(CtlTr::tr("body"), QString::fromUtf8(QJsonDocument(body.toObject()).toJson()));
        else if (body.isArray())
            list.add(CtlTr::tr("body"), QString::fromUtf8(QJsonDocument(body.toArray()).toJson()));
        list.add(CtlTr::tr("expect status"),
                 text("expect_status").isEmpty() ? QStringLiteral("200-299")
                                                 : text("expect_status"));
        if (!text("fail_if_body_matches").isEmpty())
            list.add(CtlTr::tr("fail if body matches"), text("fail_if_body_matches"));
        return;
    }
    if (t.value(QLatin1String("argv")).isArray()) {
        QStringList argv;
        for (const QJsonValue &v : t.value(QLatin1String("argv")).toArray())
            argv.append(v.toString());
        list.add(CtlTr::tr("target"), CtlTr::tr("command %1").arg(argv.join(QLatin1Char(' '))));
    } else {
        list.add(CtlTr::tr("target"), CtlTr::tr("shell %1").arg(text("command")));
    }
    if (!text("workdir").isEmpty())
        list.add(CtlTr::tr("workdir"), text("workdir"));
    const QJsonObject env = t.value(QLatin1String("env")).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        list.add(CtlTr::tr("env"), it.key() + QLatin1Char('=') + it.value().toString());
}

void addNotify(KeyValueList &list, const JobRecord &job)
{
    if (job.notify.isEmpty()) {
        list.add(CtlTr::tr("notify"), CtlTr::tr("nobody"));
        return;
    }
    for (const QJsonValue &entry : job.notify) {
        const QJsonObject n = entry.toObject();
        QStringList on;
        for (const QJsonValue &event : n.value(QLatin1String("on")).toArray())
            on.append(event.toString());
        if (on.isEmpty())
            on = QStringList{QStringLiteral("failure"), QStringLiteral("recovery")};
        list.add(CtlTr::tr("notify"),
                 CtlTr::tr("%1 %2 on %3")
                     .arg(n.value(QLatin1String("kind")).toString(),
                          n.value(QLatin1String("url")).toString(), on.join(QStringLiteral(", "))));
    }
}

} // namespace

QDateTime nextRun(const JobRecord &job, const QDateTime &now)
{
    if (!job.enabled)
        return {};
    if (job.scheduleKind == QLatin1String("once"))
        return job.onceState == QLatin1String("pending") ? job.onceAt : QDateTime();
    if (job.nextFireAt.isValid())
        return job.nextFireAt;
    Result<CronExpression> expr = CronExpression::parse(job.cronExpr);
    const QTimeZone zone(job.timeZone.toUtf8());
    if (!expr || !zone.isValid())
        return {};
    return expr->nextAfter(now, zone);
}

QString schedule(const JobRecord &job)
{
    if (job.scheduleKind == QLatin1String("once")) {
        return CtlTr::tr("once %1").arg(
            job.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    return job.cronExpr;
}

QString details(const JobRecord &job, const QDateTime &now)
{
    const QTimeZone zone(job.timeZone.toUtf8());
    KeyValueList list;
    list.add(CtlTr::tr("name"), job.name);
    list.add(CtlTr::tr("id"), QString::number(job.id));
    list.add(CtlTr::tr("version"), QString::number(job.version));
    list.add(CtlTr::tr("description"), job.description);
    list.add(CtlTr::tr("owner"), job.owner);
    list.add(CtlTr::tr("paused"), yesNo(!job.enabled));
    if (job.scheduleKind == QLatin1String("once")) {
        list.add(CtlTr::tr("schedule"),
                 CtlTr::tr("once at %1 local time")
                     .arg(job.onceLocal.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        list.add(CtlTr::tr("time zone"), job.timeZone);
        list.add(CtlTr::tr("once at"), instantWithLocal(job.onceAt, zone));
        list.add(CtlTr::tr("once state"), job.onceState);
    } else {
        list.add(CtlTr::tr("schedule"), job.cronExpr);
        if (Result<CronExpression> expr = CronExpression::parse(job.cronExpr);
            expr && zone.isValid())
            list.add(CtlTr::tr("meaning"), describeCron(*expr, zone));
        list.add(CtlTr::tr("time zone"), job.timeZone);
    }
    list.add(CtlTr::tr("next run"), instantWithLocal(nextRun(job, now), zone));
    if (!job.scheduleError.isEmpty())
        list.add(CtlTr::tr("schedule error"), job.scheduleError);
    addTarget(list, job);
    list.add(CtlTr::tr("timeout"), CtlTr::tr("%1 s").arg(job.timeoutSeconds));
    list.add(CtlTr::tr("retries"),
             job.retries == 0 ? QStringLiteral("0")
                              : CtlTr::tr("%1 (%2 backoff, first delay %3 s)")
                                    .arg(job.retries)
                                    .arg(job.retryBackoff)
                                    .arg(job.retryDelaySeconds));
    list.add(CtlTr::tr("concurrency"), job.concurrency);
    list.add(CtlTr::tr("misfire"),
             job.misfire == QLatin1String("run_all")
                 ? CtlTr::tr("%1 (at most %2)").arg(job.misfire).arg(job.misfireBound)
                 : job.misfire);
    addNotify(list, job);
    list.add(CtlTr::tr("log limit"), CtlTr::tr("%1 bytes").arg(job.logLimitBytes));
    if (job.lastRunId != 0) {
        QString last = CtlTr::tr("run %1 %2").arg(job.lastRunId).arg(job.lastStatus);
        if (job.lastStartedAt.isValid())
            last += CtlTr::tr(", started %1").arg(Format::utc(job.lastStartedAt));
        if (job.lastDurationMs)
            last += CtlTr::tr(", took %1").arg(Format::duration(*job.lastDurationMs));
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
