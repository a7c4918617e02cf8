#pragma once

#include "enums.h"
#include "fieldproblem.h"
#include "notificationtarget.h"
#include "targetspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cronhelm {

// A job's definition: everything a person decides about a job, with its defaults. This is
// the one place that says what a job is; the SQL API (cronhelm.create_job / update_job),
// the CLI, the desktop app's editor and the node all read and check jobs through it.
// The JSON form is the job spec of the SQL API (keys as in cronhelm._apply_spec).
struct JobSpec
{
    QString name;
    QString description;
    QString owner;
    TargetSpec target;

    ScheduleKind scheduleKind = ScheduleKind::Cron;
    QString cron; // ScheduleKind::Cron
    QString timeZone = QStringLiteral("UTC");
    QDateTime onceLocal; // ScheduleKind::Once: the wall-clock digits chosen in timeZone
    QDateTime onceAt;    // ScheduleKind::Once: the instant they resolve to (UTC)

    bool enabled = true;
    int timeoutSeconds = 3600;
    int retries = 0;
    RetryBackoff retryBackoff = RetryBackoff::Exponential;
    int retryDelaySeconds = 30;
    ConcurrencyPolicy concurrency = ConcurrencyPolicy::Forbid;
    MisfirePolicy misfire = MisfirePolicy::RunOnce;
    int misfireBound = 100;
    QList<NotificationTarget> notify;
    int notifyQuietSeconds = 3600;
    qint64 logLimitBytes = 10 * 1024 * 1024;
    // Node labels a node must all have to run this job; empty: any node.
    QStringList runOn;
    // Retention of this job's run history, overriding the store-wide policy when set.
    std::optional<int> keepDays;
    std::optional<int> keepRuns;

    bool operator==(const JobSpec &) const = default;

    // The spec as JSON, complete (every key, defaults included).
    QJsonObject toJson() const;
    // The keys of `changed` whose values differ from this spec's: the changes argument of
    // cronhelm.update_job.
    QJsonObject changesTo(const JobSpec &changed) const;
};

// The result of reading a job spec: the spec as far as it could be read, and every problem
// found, in the order the SQL API checks them (so problems.first() is what it would say).
struct JobSpecReading
{
    JobSpec spec;
    FieldProblems problems;

    bool ok() const { return problems.isEmpty(); }
};

// The rules of a job, in one place.
namespace JobRules {

// Reads a spec (the JSON of cronhelm.create_job) over `base`: keys that are absent keep the
// base's values, as cronhelm.update_job does. Unknown keys and values of the wrong type
// are problems. Then checks the result (check()).
JobSpecReading read(const QJsonObject &json, const JobSpec &base = JobSpec());

// Every problem of a complete definition, in the SQL API's order. Besides what the SQL API
// checks, the cron expression is parsed in full (the database checks only its shape) and
// a schedule that never fires is refused.
FieldProblems check(const JobSpec &spec);

// A job name as stored: Unicode NFC. (The database normalises the same way.)
QString normalizedName(const QString &name);
// Whether two names count as the same job name (case does not matter).
bool sameName(const QString &a, const QString &b);

} // namespace JobRules

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::JobSpec)
