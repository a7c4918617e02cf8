#pragma once

#include <result.h>

#include <domain/jobspec.h>
#include <domain/records.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace Cronhelm {

// Turns the options of `job add` and `job edit` into a job spec (core/domain) and from it
// the JSON of the SQL API (cronhelm.create_job / update_job).
//
// read() checks the form of each option (numbers, durations, the one-off local time, the
// spellings of enumerations); the job's rules are the domain's (JobRules), checked on the
// whole job before anything is sent, so for `job add` bad input is refused (exit 2) before
// anything connects.
class JobSpecBuilder
{
public:
    enum class Mode { Add, Edit };
    explicit JobSpecBuilder(Mode mode);

    QList<QCommandLineOption> options() const;

    Status read(const QCommandLineParser &parser);

    // job add: the complete spec of a new job.
    Result<QJsonObject> spec(const QString &name) const;
    // job edit: only the keys the given options change, against the job as read just now.
    Result<QJsonObject> changes(const JobRecord &current) const;

private:
    using Pairs = QList<QPair<QString, QString>>;

    Status readSchedule(const QCommandLineParser &p);
    Status readTarget(const QCommandLineParser &p);
    Status readPolicies(const QCommandLineParser &p);
    Status readNotify(const QCommandLineParser &p);

    // Sets the schedule of `spec` to a one-off at `date time` in `zone`.
    Status putOnce(JobSpec &spec, const QDate &date, const QTime &time,
                   const QTimeZone &zone) const;
    Status applyTarget(TargetSpec &target) const;
    bool hasTargetOptions() const;
    // Returns the spec keys the options set.
    QStringList applyPolicies(JobSpec &spec) const;
    QList<NotificationTarget> notifyTargets() const;
    static Status checkRules(const JobSpec &spec);

    Mode m_mode;

    std::optional<QString> m_name;
    std::optional<QString> m_cron;
    std::optional<QDate> m_onceDate;
    QTime m_onceTime;
    QString m_occurrence;
    std::optional<QTimeZone> m_zone;

    std::optional<QString> m_httpUrl;
    std::optional<QString> m_method;
    Pairs m_headers;
    QStringList m_removeHeaders;
    std::optional<QString> m_body;
    std::optional<QString> m_expectStatus;
    std::optional<QString> m_failIfBodyMatches;
    std::optional<QString> m_shell;
    std::optional<QString> m_workdir;
    Pairs m_env;
    QStringList m_unsetEnv;

    std::optional<qint64> m_timeout;
    std::optional<qint64> m_retries;
    std::optional<RetryBackoff> m_retryBackoff;
    std::optional<qint64> m_retryDelay;
    std::optional<ConcurrencyPolicy> m_concurrency;
    std::optional<MisfirePolicy> m_misfire;
    std::optional<qint64> m_misfireBound;
    std::optional<qint64> m_logLimit;
    std::optional<QString> m_description;
    std::optional<QString> m_owner;
    std::optional<bool> m_enabled;
    std::optional<QStringList> m_runOn;
    // Retention overrides: absent (not given), or a number / nothing ("default").
    std::optional<std::optional<int>> m_keepDays;
    std::optional<std::optional<int>> m_keepRuns;

    QStringList m_slack;
    QStringList m_webhooks;
    std::optional<QList<NotifyEvent>> m_notifyOn;
    bool m_noNotify = false;
    std::optional<qint64> m_notifyQuiet;
};

} // namespace Cronhelm
