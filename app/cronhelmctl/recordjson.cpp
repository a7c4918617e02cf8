#include "recordjson.h"

#include "format.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Cronhelm::RecordJson {

namespace {

template<typename T>
QJsonValue optionalNumber(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject job(const JobRecord &j, const QDateTime &nextRun, const QString &schedule)
{
    const JobSpec &spec = j.spec;
    QJsonArray problems;
    for (const FieldProblem &p : j.specProblems)
        problems.append(QJsonObject{{QStringLiteral("field"), p.field},
                                    {QStringLiteral("message"), p.message}});
    QJsonObject o{
        {QStringLiteral("id"), double(j.id)},
        {QStringLiteral("version"), j.version},
        {QStringLiteral("name"), spec.name},
        {QStringLiteral("description"), spec.description},
        {QStringLiteral("owner"), spec.owner},
        {QStringLiteral("target_type"), wireName(spec.target.kind)},
        {QStringLiteral("target"), spec.target.toJson()},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("schedule_kind"), wireName(spec.scheduleKind)},
        {QStringLiteral("cron"), j.isOnce() ? QJsonValue(QJsonValue::Null) : spec.cron},
        {QStringLiteral("time_zone"), spec.timeZone},
        {QStringLiteral("enabled"), spec.enabled},
        {QStringLiteral("paused"), !spec.enabled},
        {QStringLiteral("timeout_s"), spec.timeoutSeconds},
        {QStringLiteral("retries"), spec.retries},
        {QStringLiteral("retry_backoff"), wireName(spec.retryBackoff)},
        {QStringLiteral("retry_delay_s"), spec.retryDelaySeconds},
        {QStringLiteral("concurrency"), wireName(spec.concurrency)},
        {QStringLiteral("misfire"), wireName(spec.misfire)},
        {QStringLiteral("misfire_bound"), spec.misfireBound},
        {QStringLiteral("notify"), NotificationTarget::listToJson(spec.notify)},
        {QStringLiteral("notify_quiet_s"), spec.notifyQuietSeconds},
        {QStringLiteral("log_limit_bytes"), double(spec.logLimitBytes)},
        {QStringLiteral("run_on"), QJsonArray::fromStringList(spec.runOn)},
        {QStringLiteral("keep_days"), optionalNumber(spec.keepDays)},
        {QStringLiteral("keep_runs"), optionalNumber(spec.keepRuns)},
        {QStringLiteral("problems"), problems},
        {QStringLiteral("next_run_at"), Format::jsonInstant(nextRun)},
        {QStringLiteral("next_fire_at"), Format::jsonInstant(j.nextFireAt)},
        {QStringLiteral("schedule_error"), stringOrNull(j.scheduleError)},
        {QStringLiteral("last_run_id"),
         j.lastRunId ? QJsonValue(double(j.lastRunId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("last_status"),
         j.lastStatus ? QJsonValue(wireName(*j.lastStatus)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("last_started_at"), Format::jsonInstant(j.lastStartedAt)},
        {QStringLiteral("last_finished_at"), Format::jsonInstant(j.lastFinishedAt)},
        {QStringLiteral("last_duration_ms"), optionalNumber(j.lastDurationMs)},
        {QStringLiteral("running_count"), j.runningCount},
        {QStringLiteral("created_at"), Format::jsonInstant(j.createdAt)},
        {QStringLiteral("created_by"), j.createdBy},
        {QStringLiteral("updated_at"), Format::jsonInstant(j.updatedAt)},
        {QStringLiteral("updated_by"), j.updatedBy},
    };
    if (j.isOnce()) {
        o.insert(QStringLiteral("once_local"),
                 spec.onceLocal.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        o.insert(QStringLiteral("once_at"), Format::jsonInstant(spec.onceAt));
        o.insert(QStringLiteral("once_state"), wireName(j.onceState));
    } else {
        o.insert(QStringLiteral("once_local"), QJsonValue::Null);
        o.insert(QStringLiteral("once_at"), QJsonValue::Null);
        o.insert(QStringLiteral("once_state"), QJsonValue::Null);
    }
    return o;
}

QJsonObject run(const RunRecord &r)
{
    return QJsonObject{
        {QStringLiteral("id"), double(r.id)},
        {QStringLiteral("job_id"), double(r.jobId)},
        {QStringLiteral("job"), r.job},
        {QStringLiteral("trigger"), wireName(r.trigger)},
        {QStringLiteral("triggered_by"), stringOrNull(r.triggeredBy)},
        {QStringLiteral("scheduled_for"), Format::jsonInstant(r.scheduledFor)},
        {QStringLiteral("due_at"), Format::jsonInstant(r.dueAt)},
        {QStringLiteral("started_at"), Format::jsonInstant(r.startedAt)},
        {QStringLiteral("finished_at"), Format::jsonInstant(r.finishedAt)},
        {QStringLiteral("status"), wireName(r.status)},
        {QStringLiteral("attempt"), r.attempt},
        {QStringLiteral("first_run_id"),
         r.firstRunId ? QJsonValue(double(r.firstRunId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("node"), stringOrNull(r.node)},
        {QStringLiteral("term"), optionalNumber(r.term)},
        {QStringLiteral("exit_code"), optionalNumber(r.exitCode)},
        {QStringLiteral("http_status"), optionalNumber(r.httpStatus)},
        {QStringLiteral("error"), stringOrNull(r.error)},
        {QStringLiteral("duration_ms"), optionalNumber(r.durationMs)},
        {QStringLiteral("log_bytes"), double(r.logBytes)},
        {QStringLiteral("log_truncated"), r.logTruncated},
        {QStringLiteral("cancel_requested"), r.cancelRequested},
        {QStringLiteral("wait_reason"),
         r.waitReason.isEmpty() ? QJsonValue() : QJsonValue(r.waitReason)},
    };
}

QJsonObject cluster(const ClusterStatus &s)
{
    const LeaseRecord &lease = s.lease;
    QJsonArray nodes;
    for (const NodeRecord &n : s.nodes) {
        nodes.append(QJsonObject{
            {QStringLiteral("id"), n.id},
            {QStringLiteral("host"), n.host},
            {QStringLiteral("pid"), n.pid},
            {QStringLiteral("version"), n.version},
            {QStringLiteral("role"), wireName(n.role)},
            {QStringLiteral("is_executor"), n.id == lease.executor},
            {QStringLiteral("started_at"), Format::jsonInstant(n.startedAt)},
            {QStringLiteral("last_seen"), Format::jsonInstant(n.lastSeen)},
            {QStringLiteral("last_seen_age_s"), n.lastSeenAgeSeconds},
            {QStringLiteral("clock_offset_ms"), optionalNumber(n.clockOffsetMs)},
            {QStringLiteral("running_jobs"), n.runningJobs},
            {QStringLiteral("capacity"), n.capacity},
            {QStringLiteral("busy"), n.busy},
            {QStringLiteral("labels"), QJsonArray::fromStringList(n.labels)},
        });
    }
    QJsonArray changes;
    for (const LeadershipChange &c : s.recentChanges) {
        changes.append(QJsonObject{
            {QStringLiteral("term"), double(c.term)},
            {QStringLiteral("holder"), c.holder},
            {QStringLiteral("acquired_at"), Format::jsonInstant(c.acquiredAt)},
            {QStringLiteral("previous_holder"), stringOrNull(c.previousHolder)},
            {QStringLiteral("reason"), c.reason},
            {QStringLiteral("ended_at"), Format::jsonInstant(c.endedAt)},
            {QStringLiteral("end_reason"), stringOrNull(c.endReason)},
        });
    }
    const bool held = !lease.executor.isEmpty();
    QJsonValue remaining = QJsonValue::Null;
    if (held && lease.expiresAt.isValid() && lease.dbNow.isValid())
        remaining = double(lease.dbNow.msecsTo(lease.expiresAt)) / 1000.0;
    return QJsonObject{
        {QStringLiteral("executor"), held ? QJsonValue(lease.executor) : QJsonValue::Null},
        {QStringLiteral("term"), double(lease.term)},
        {QStringLiteral("lease_expires_at"),
         held ? Format::jsonInstant(lease.expiresAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lease_expires_in_s"), remaining},
        {QStringLiteral("lease_acquired_at"), Format::jsonInstant(lease.acquiredAt)},
        {QStringLiteral("lease_renewed_at"), Format::jsonInstant(lease.renewedAt)},
        {QStringLiteral("last_holder"), stringOrNull(lease.lastHolder)},
        {QStringLiteral("db_now"), Format::jsonInstant(lease.dbNow)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("recent_changes"), changes},
    };
}

QByteArray toText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray toText(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace Cronhelm::RecordJson
