#include "jobspecbuilder.h"

#include "commandparser.h"
#include "ctltr.h"
#include "enumchoices.h"
#include "format.h"

#include <cron/cronexpression.h>
#include <cron/localtime.h>

#include <QRegularExpression>

namespace Cronhelm {

namespace {

// Option names, spelled once.
const QString optName = QStringLiteral("name");
const QString optCron = QStringLiteral("cron");
const QString optOnce = QStringLiteral("once");
const QString optOccurrence = QStringLiteral("occurrence");
const QString optTz = QStringLiteral("tz");
const QString optHttp = QStringLiteral("http");
const QString optMethod = QStringLiteral("method");
const QString optHeader = QStringLiteral("header");
const QString optRemoveHeader = QStringLiteral("remove-header");
const QString optBody = QStringLiteral("body");
const QString optExpectStatus = QStringLiteral("expect-status");
const QString optFailIf = QStringLiteral("fail-if-body-matches");
const QString optShell = QStringLiteral("shell");
const QString optWorkdir = QStringLiteral("workdir");
const QString optEnv = QStringLiteral("env");
const QString optUnsetEnv = QStringLiteral("unset-env");
const QString optTimeout = QStringLiteral("timeout");
const QString optRetries = QStringLiteral("retries");
const QString optBackoff = QStringLiteral("retry-backoff");
const QString optRetryDelay = QStringLiteral("retry-delay");
const QString optConcurrency = QStringLiteral("concurrency");
const QString optMisfire = QStringLiteral("misfire");
const QString optMisfireBound = QStringLiteral("misfire-bound");
const QString optLogLimit = QStringLiteral("log-limit");
const QString optDescription = QStringLiteral("description");
const QString optOwner = QStringLiteral("owner");
const QString optPaused = QStringLiteral("paused");
const QString optResume = QStringLiteral("resume");
const QString optSlack = QStringLiteral("notify-slack");
const QString optWebhook = QStringLiteral("notify-webhook");
const QString optNotifyOn = QStringLiteral("notify-on");
const QString optNoNotify = QStringLiteral("no-notify");
const QString optNotifyQuiet = QStringLiteral("notify-quiet");
const QString optRunOn = QStringLiteral("run-on");
const QString optKeepDays = QStringLiteral("keep-days");
const QString optKeepRuns = QStringLiteral("keep-runs");

Error badInput(const QString &message)
{
    return makeError(ErrorKind::BadInput, message);
}

QString dashed(const QString &option)
{
    return QStringLiteral("--") + option;
}

std::optional<QString> optionalValue(const QCommandLineParser &p, const QString &name)
{
    if (!p.isSet(name))
        return std::nullopt;
    return p.value(name);
}

// "NAME: value" or "NAME=value" pairs; `separator` splits at its first occurrence.
Result<QList<QPair<QString, QString>>> readPairs(const QStringList &values, QChar separator,
                                                 const QString &option)
{
    QList<QPair<QString, QString>> pairs;
    for (const QString &value : values) {
        const qsizetype at = value.indexOf(separator);
        const QString name = value.left(at).trimmed();
        if (at < 0 || name.isEmpty() || name.contains(QLatin1Char(' '))) {
            return badInput(CtlTr::tr("%1: \"%2\" is not of the form NAME%3VALUE")
                                .arg(dashed(option), value, QString(separator)));
        }
        QString v = value.mid(at + 1);
        if (separator == QLatin1Char(':'))
            v = v.trimmed();
        pairs.append({name, v});
    }
    return pairs;
}

Status oneOf(const std::optional<QString> &value, const QStringList &allowed, const QString &option)
{
    if (value && !allowed.contains(*value)) {
        return badInput(CtlTr::tr("%1: \"%2\" is not one of %3")
                            .arg(dashed(option), *value, allowed.join(QStringLiteral(", "))));
    }
    return Done{};
}

// An option whose value is one of an enum's spellings.
template<typename Enum>
Status readEnum(const QCommandLineParser &p, const QString &option, std::optional<Enum> &out)
{
    if (!p.isSet(option))
        return Done{};
    Result<Enum> value = readChoice<Enum>(p.value(option), option);
    if (!value)
        return value.error();
    out = *value;
    return Done{};
}

// The events a notification target has, from --notify-on.
void setEvents(NotificationTarget &target, const QList<NotifyEvent> &events)
{
    target.onFailure = events.contains(NotifyEvent::Failure);
    target.onSuccess = events.contains(NotifyEvent::Success);
    target.onRecovery = events.contains(NotifyEvent::Recovery);
}

template<typename Parse>
Status readNumber(const QCommandLineParser &p, const QString &option, std::optional<qint64> &out,
                  Parse parse)
{
    if (!p.isSet(option))
        return Done{};
    Result<qint64> value = parse(p.value(option), dashed(option));
    if (!value)
        return value.error();
    out = *value;
    return Done{};
}

// A retention override: a whole number, or "default" for the store-wide policy.
Status readOverride(const QCommandLineParser &p, const QString &option,
                    std::optional<std::optional<int>> &out)
{
    if (!p.isSet(option))
        return Done{};
    const QString text = p.value(option).trimmed();
    if (text == QLatin1String("default")) {
        out = std::optional<int>();
        return Done{};
    }
    // The range is the domain's rule (checkRules); here only the form.
    Result<qint64> value = Format::parseInteger(text, dashed(option), 0, 1000000000);
    if (!value)
        return value.error();
    out = std::optional<int>(int(*value));
    return Done{};
}

} // namespace

JobSpecBuilder::JobSpecBuilder(Mode mode)
    : m_mode(mode)
{}

QList<QCommandLineOption> JobSpecBuilder::options() const
{
    const bool edit = m_mode == Mode::Edit;
    QList<QCommandLineOption> o;
    if (edit)
        o.append({optName, CtlTr::tr("Rename the job."), CtlTr::tr("new-name")});
    o.append({optCron,
              CtlTr::tr("Cron schedule: 5 fields (min hour dom month dow), 6 with seconds "
                        "first, or a macro such as @daily."),
              CtlTr::tr("expr")});
    o.append({optOnce,
              CtlTr::tr("One-off schedule at this local date and time in the job's zone "
                        "(YYYY-MM-DDTHH:MM[:SS])."),
              CtlTr::tr("local-time")});
    o.append({optOccurrence,
              CtlTr::tr("For a --once time that happens twice (clocks go back): first or "
                        "second."),
              CtlTr::tr("first|second")});
    o.append({optTz,
              edit ? CtlTr::tr("IANA time zone of the schedule.")
                   : CtlTr::tr("IANA time zone of the schedule (default UTC)."),
              CtlTr::tr("zone")});
    o.append({optHttp, CtlTr::tr("HTTP target: the URL to call."), CtlTr::tr("url")});
    o.append({optMethod, CtlTr::tr("HTTP method (default GET)."), CtlTr::tr("method")});
    o.append({optHeader,
              CtlTr::tr("HTTP header, repeatable. Values may refer to secrets on "
                        "the node: ${env:CRONHELM_SECRET_NAME}."),
              CtlTr::tr("\"Name: value\"")});
    if (edit) {
        o.append(
            {optRemoveHeader, CtlTr::tr("Remove an HTTP header, repeatable."), CtlTr::tr("name")});
    }
    o.append({optBody, CtlTr::tr("HTTP request body."), CtlTr::tr("text")});
    o.append({optExpectStatus,
              CtlTr::tr("HTTP status code or range that counts as success (default 200-299)."),
              CtlTr::tr("range")});
    o.append({optFailIf,
              CtlTr::tr("Fail the run when the response body matches this regular expression."),
              CtlTr::tr("regex")});
    o.append({optShell, CtlTr::tr("Shell target: a command line run with /bin/sh -c."),
              CtlTr::tr("command")});
    o.append({optWorkdir, CtlTr::tr("Working directory of the shell command."), CtlTr::tr("dir")});
    o.append({optEnv, CtlTr::tr("Environment variable of the shell command, repeatable."),
              CtlTr::tr("NAME=VALUE")});
    if (edit) {
        o.append({optUnsetEnv, CtlTr::tr("Remove an environment variable, repeatable."),
                  CtlTr::tr("name")});
    }
    o.append({optTimeout, CtlTr::tr("Timeout of a run in seconds (or 90s, 25m, 2h)."),
              CtlTr::tr("seconds")});
    o.append({optRetries, CtlTr::tr("Retries after a failed run."), CtlTr::tr("n")});
    o.append({optBackoff, CtlTr::tr("Retry backoff: fixed or exponential."),
              spellings<RetryBackoff>().join(QLatin1Char('|'))});
    o.append({optRetryDelay, CtlTr::tr("Delay before the first retry, in seconds."),
              CtlTr::tr("seconds")});
    o.append({optConcurrency,
              CtlTr::tr("When a run is due while the previous one still runs: allow, forbid "
                        "(skip it) or replace (cancel the old one)."),
              spellings<ConcurrencyPolicy>().join(QLatin1Char('|'))});
    o.append({optMisfire,
              CtlTr::tr("Slots missed while no executor was alive: run_once, skip or run_all."),
              spellings<MisfirePolicy>().join(QLatin1Char('|'))});
    o.append({optMisfireBound, CtlTr::tr("At most this many missed slots run with run_all."),
              CtlTr::tr("n")});
    o.append({optLogLimit, CtlTr::tr("Size cap of a run's log (e.g. 10M)."), CtlTr::tr("bytes")});
    o.append(
        {optSlack, CtlTr::tr("Notify this Slack incoming webhook, repeatable."), CtlTr::tr("url")});
    o.append({optWebhook, CtlTr::tr("Notify this generic webhook, repeatable."), CtlTr::tr("url")});
    o.append({optNotifyOn,
              CtlTr::tr("Which outcomes notify: failure, success, recovery (comma-separated; "
                        "default failure,recovery)."),
              CtlTr::tr("events")});
    if (edit)
        o.append({optNoNotify, CtlTr::tr("Remove all notification targets.")});
    o.append({optNotifyQuiet,
              CtlTr::tr("Announce a repeated failure at most once in this many seconds."),
              CtlTr::tr("seconds")});
    o.append({optRunOn,
              CtlTr::tr("Run only on nodes that have all these labels (comma-separated; \"\" "
                        "for any node)."),
              CtlTr::tr("labels")});
    o.append({optKeepDays,
              CtlTr::tr("Keep this job's runs this many days (\"default\": the store-wide "
                        "retention policy)."),
              CtlTr::tr("days")});
    o.append({optKeepRuns,
              CtlTr::tr("Keep at least this job's last n runs, however old (\"default\": the "
                        "store-wide retention policy)."),
              CtlTr::tr("n")});
    o.append({optDescription, CtlTr::tr("Description for people."), CtlTr::tr("text")});
    o.append({optOwner, CtlTr::tr("Owner (a person or team)."), CtlTr::tr("text")});
    o.append({optPaused, edit ? CtlTr::tr("Pause the job.") : CtlTr::tr("Create the job paused.")});
    if (edit)
        o.append({optResume, CtlTr::tr("Resume the job.")});
    return o;
}

Status JobSpecBuilder::read(const QCommandLineParser &p)
{
    if (m_mode == Mode::Edit)
        m_name = optionalValue(p, optName);
    for (auto step : {&JobSpecBuilder::readSchedule, &JobSpecBuilder::readTarget,
                      &JobSpecBuilder::readPolicies, &JobSpecBuilder::readNotify}) {
        if (Status s = (this->*step)(p); !s)
            return s;
    }
    return Done{};
}

Status JobSpecBuilder::readSchedule(const QCommandLineParser &p)
{
    if (p.isSet(optCron) && p.isSet(optOnce))
        return badInput(CtlTr::tr("give either --cron or --once, not both"));
    if (m_mode == Mode::Add && !p.isSet(optCron) && !p.isSet(optOnce))
        return badInput(CtlTr::tr("a job needs a schedule: --cron EXPR or --once LOCAL-TIME"));
    if (p.isSet(optCron)) {
        const QString text = p.value(optCron);
        Result<CronExpression> parsed = CronExpression::parse(text);
        if (!parsed) {
            return badInput(CtlTr::tr("--cron: invalid cron expression \"%1\": %2")
                                .arg(text, parsed.errorMessage()));
        }
        m_cron = parsed->text();
    }
    if (p.isSet(optTz)) {
        Result<QTimeZone> zone = zoneFromId(p.value(optTz).trimmed());
        if (!zone)
            return badInput(CtlTr::tr("--tz: %1").arg(zone.errorMessage()));
        m_zone = *zone;
    }
    if (p.isSet(optOnce)) {
        static const QRegularExpression pattern(QStringLiteral(
            "^\\s*(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?\\s*$"));
        const QString text = p.value(optOnce);
        const QRegularExpressionMatch m = pattern.match(text);
        const QDate date = m.hasMatch()
            ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt())
            : QDate();
        const QTime time = m.hasMatch()
            ? QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt())
            : QTime();
        if (!date.isValid() || !time.isValid()) {
            return badInput(CtlTr::tr("--once: \"%1\" is not a local date and time like "
                                      "2027-02-10T03:00 (give the zone with --tz, not an offset)")
                                .arg(text));
        }
        m_onceDate = date;
        m_onceTime = time;
    }
    if (p.isSet(optOccurrence)) {
        m_occurrence = p.value(optOccurrence).trimmed().toLower();
        if (Status s = oneOf(m_occurrence, {QStringLiteral("first"), QStringLiteral("second")},
                             optOccurrence);
            !s)
            return s;
    }
    return Done{};
}

Status JobSpecBuilder::readTarget(const QCommandLineParser &p)
{
    if (p.isSet(optHttp) && p.isSet(optShell))
        return badInput(CtlTr::tr("give either --http or --shell, not both"));
    if (m_mode == Mode::Add && !p.isSet(optHttp) && !p.isSet(optShell))
        return badInput(CtlTr::tr("a job needs a target: --http URL or --shell COMMAND"));
    // Only the form of each option is checked here; what a job may be is the domain's
    // rules' (checkRules), applied to the whole job.
    m_httpUrl = optionalValue(p, optHttp);
    if (m_httpUrl)
        *m_httpUrl = m_httpUrl->trimmed();
    m_method = optionalValue(p, optMethod);
    if (m_method)
        *m_method = m_method->trimmed().toUpper();
    Result<Pairs> headers = readPairs(p.values(optHeader), QLatin1Char(':'), optHeader);
    if (!headers)
        return headers.error();
    m_headers = *headers;
    if (m_mode == Mode::Edit)
        m_removeHeaders = p.values(optRemoveHeader);
    m_body = optionalValue(p, optBody);
    m_expectStatus = optionalValue(p, optExpectStatus);
    if (m_expectStatus)
        *m_expectStatus = m_expectStatus->remove(QLatin1Char(' '));
    m_failIfBodyMatches = optionalValue(p, optFailIf);
    m_shell = optionalValue(p, optShell);
    m_workdir = optionalValue(p, optWorkdir);
    Result<Pairs> env = readPairs(p.values(optEnv), QLatin1Char('='), optEnv);
    if (!env)
        return env.error();
    m_env = *env;
    if (m_mode == Mode::Edit)
        m_unsetEnv = p.values(optUnsetEnv);
    return Done{};
}

Status JobSpecBuilder::readPolicies(const QCommandLineParser &p)
{
    if (Status s = readNumber(p, optTimeout, m_timeout, Format::parseSeconds); !s)
        return s;
    auto count = [](const QString &text, const QString &what) {
        return Format::parseInteger(text, what, 0, 1000000);
    };
    if (Status s = readNumber(p, optRetries, m_retries, count); !s)
        return s;
    if (Status s = readNumber(p, optRetryDelay, m_retryDelay, Format::parseSeconds); !s)
        return s;
    if (Status s = readNumber(p, optMisfireBound, m_misfireBound, count); !s)
        return s;
    if (Status s = readNumber(p, optLogLimit, m_logLimit, Format::parseBytes); !s)
        return s;
    if (Status s = readEnum(p, optBackoff, m_retryBackoff); !s)
        return s;
    if (Status s = readEnum(p, optConcurrency, m_concurrency); !s)
        return s;
    if (Status s = readEnum(p, optMisfire, m_misfire); !s)
        return s;
    if (p.isSet(optRunOn))
        m_runOn = splitList(p.values(optRunOn));
    if (Status s = readOverride(p, optKeepDays, m_keepDays); !s)
        return s;
    if (Status s = readOverride(p, optKeepRuns, m_keepRuns); !s)
        return s;
    m_description = optionalValue(p, optDescription);
    m_owner = optionalValue(p, optOwner);
    const bool resume = m_mode == Mode::Edit && p.isSet(optResume);
    if (p.isSet(optPaused) && resume)
        return badInput(CtlTr::tr("give either --paused or --resume, not both"));
    if (p.isSet(optPaused))
        m_enabled = false;
    else if (resume)
        m_enabled = true;
    return Done{};
}

Status JobSpecBuilder::readNotify(const QCommandLineParser &p)
{
    m_slack = p.values(optSlack);
    m_webhooks = p.values(optWebhook);
    m_noNotify = m_mode == Mode::Edit && p.isSet(optNoNotify);
    if (m_noNotify && (!m_slack.isEmpty() || !m_webhooks.isEmpty()))
        return badInput(CtlTr::tr("--no-notify cannot be combined with new notification targets"));
    if (p.isSet(optNotifyOn)) {
        // Every event a run can be but "none".
        Result<QList<NotifyEvent>> events = readChoices<NotifyEvent>(
            splitList(p.values(optNotifyOn)), optNotifyOn,
            {NotifyEvent::Failure, NotifyEvent::Success, NotifyEvent::Recovery});
        if (!events)
            return events.error();
        m_notifyOn = *events;
    }
    return readNumber(p, optNotifyQuiet, m_notifyQuiet, Format::parseSeconds);
}

Status JobSpecBuilder::putOnce(JobSpec &spec, const QDate &date, const QTime &time,
                               const QTimeZone &zone) const
{
    const LocalTimeResolution r = resolveLocalTime(date, time, zone);
    QDateTime at;
    switch (r.kind) {
    case LocalTimeResolution::Kind::Unique:
        at = r.first;
        break;
    case LocalTimeResolution::Kind::Nonexistent:
        return badInput(CtlTr::tr("--once: %1").arg(r.explanation));
    case LocalTimeResolution::Kind::Ambiguous:
        if (m_occurrence.isEmpty()) {
            return badInput(CtlTr::tr("--once: %1 Add --occurrence first or --occurrence second.")
                                .arg(r.explanation));
        }
        at = m_occurrence == QLatin1String("second") ? r.second : r.first;
        break;
    }
    spec.scheduleKind = ScheduleKind::Once;
    spec.onceLocal = QDateTime(date, time, Qt::UTC);
    spec.onceAt = at.toUTC();
    return Done{};
}

bool JobSpecBuilder::hasTargetOptions() const
{
    return m_httpUrl || m_method || !m_headers.isEmpty() || !m_removeHeaders.isEmpty() || m_body
        || m_expectStatus || m_failIfBodyMatches || m_shell || m_workdir || !m_env.isEmpty()
        || !m_unsetEnv.isEmpty();
}

namespace {

void setPairs(QList<QPair<QString, QString>> &pairs, const QList<QPair<QString, QString>> &set,
              const QStringList &remove)
{
    auto drop = [&pairs](const QString &name) {
        pairs.removeIf([&name](const auto &p) { return p.first == name; });
    };
    for (const QString &name : remove)
        drop(name);
    for (const auto &[name, value] : set) {
        drop(name);
        pairs.append({name, value});
    }
    std::sort(pairs.begin(), pairs.end());
}

} // namespace

Status JobSpecBuilder::applyTarget(TargetSpec &t) const
{
    const bool http = t.kind == TargetKind::Http;
    const bool httpOptions = m_method || !m_headers.isEmpty() || !m_removeHeaders.isEmpty()
        || m_body || m_expectStatus || m_failIfBodyMatches;
    const bool shellOptions = m_workdir || !m_env.isEmpty() || !m_unsetEnv.isEmpty();
    if (http && shellOptions) {
        return badInput(CtlTr::tr("--workdir and --env apply to shell jobs, and this is an HTTP "
                                  "job"));
    }
    if (!http && httpOptions) {
        return badInput(CtlTr::tr("--method, --header, --body, --expect-status and "
                                  "--fail-if-body-matches apply to HTTP jobs, and this is a "
                                  "shell job"));
    }
    if (http) {
        if (m_httpUrl)
            t.http.url = *m_httpUrl;
        if (m_method)
            t.http.method = *m_method;
        setPairs(t.http.headers, m_headers, m_removeHeaders);
        if (m_body) {
            t.http.body = *m_body;
            t.http.bodyIsJson = false;
        }
        if (m_expectStatus) {
            const std::optional<StatusRange> range =
                m_expectStatus->isEmpty() ? StatusRange() : StatusRange::parse(*m_expectStatus);
            if (!range) {
                return badInput(CtlTr::tr("--expect-status: \"%1\" is not a status code like 200 "
                                          "or an ascending range like 200-299 (100 to 599)")
                                    .arg(*m_expectStatus));
            }
            t.http.expectStatus = *range;
        }
        if (m_failIfBodyMatches)
            t.http.failIfBodyMatches = *m_failIfBodyMatches;
    } else {
        if (m_shell) {
            // A command line replaces an argv form written through the SQL API.
            t.shell.argv.clear();
            t.shell.command = *m_shell;
        }
        if (m_workdir)
            t.shell.workdir = *m_workdir;
        setPairs(t.shell.env, m_env, m_unsetEnv);
    }
    return Done{};
}

QStringList JobSpecBuilder::applyPolicies(JobSpec &spec) const
{
    QStringList touched;
    auto number = [&touched](const char *key, const std::optional<qint64> &value, auto &field) {
        if (!value)
            return;
        field = std::remove_reference_t<decltype(field)>(*value);
        touched.append(QLatin1String(key));
    };
    number("timeout_s", m_timeout, spec.timeoutSeconds);
    number("retries", m_retries, spec.retries);
    number("retry_delay_s", m_retryDelay, spec.retryDelaySeconds);
    number("misfire_bound", m_misfireBound, spec.misfireBound);
    number("log_limit_bytes", m_logLimit, spec.logLimitBytes);
    number("notify_quiet_s", m_notifyQuiet, spec.notifyQuietSeconds);
    if (m_retryBackoff) {
        spec.retryBackoff = *m_retryBackoff;
        touched.append(QStringLiteral("retry_backoff"));
    }
    if (m_concurrency) {
        spec.concurrency = *m_concurrency;
        touched.append(QStringLiteral("concurrency"));
    }
    if (m_misfire) {
        spec.misfire = *m_misfire;
        touched.append(QStringLiteral("misfire"));
    }
    if (m_description) {
        spec.description = *m_description;
        touched.append(QStringLiteral("description"));
    }
    if (m_owner) {
        spec.owner = *m_owner;
        touched.append(QStringLiteral("owner"));
    }
    if (m_enabled) {
        spec.enabled = *m_enabled;
        touched.append(QStringLiteral("enabled"));
    }
    if (m_runOn) {
        spec.runOn = *m_runOn;
        touched.append(QStringLiteral("run_on"));
    }
    if (m_keepDays) {
        spec.keepDays = *m_keepDays;
        touched.append(QStringLiteral("keep_days"));
    }
    if (m_keepRuns) {
        spec.keepRuns = *m_keepRuns;
        touched.append(QStringLiteral("keep_runs"));
    }
    return touched;
}

QList<NotificationTarget> JobSpecBuilder::notifyTargets() const
{
    QList<NotificationTarget> list;
    auto add = [this, &list](NotifyKind kind, const QString &url) {
        NotificationTarget target;
        target.kind = kind;
        target.url = url.trimmed();
        if (m_notifyOn)
            setEvents(target, *m_notifyOn);
        list.append(target);
    };
    for (const QString &url : m_slack)
        add(NotifyKind::Slack, url);
    for (const QString &url : m_webhooks)
        add(NotifyKind::Webhook, url);
    return list;
}

// The rules of a job are the domain's (core/domain); a problem is reported against the
// option that sets the field, so the message says what to change.
Status JobSpecBuilder::checkRules(const JobSpec &spec)
{
    const FieldProblems problems = JobRules::check(spec);
    if (problems.isEmpty())
        return Done{};
    static const QHash<QString, QString> options = {
        {QStringLiteral("name"), QStringLiteral("NAME")},
        {QStringLiteral("description"), dashed(optDescription)},
        {QStringLiteral("owner"), dashed(optOwner)},
        {QStringLiteral("target.url"), dashed(optHttp)},
        {QStringLiteral("target.method"), dashed(optMethod)},
        {QStringLiteral("target.headers"), dashed(optHeader)},
        {QStringLiteral("target.body"), dashed(optBody)},
        {QStringLiteral("target.expect_status"), dashed(optExpectStatus)},
        {QStringLiteral("target.fail_if_body_matches"), dashed(optFailIf)},
        {QStringLiteral("target.command"), dashed(optShell)},
        {QStringLiteral("target.workdir"), dashed(optWorkdir)},
        {QStringLiteral("target.env"), dashed(optEnv)},
        {QStringLiteral("time_zone"), dashed(optTz)},
        {QStringLiteral("cron"), dashed(optCron)},
        {QStringLiteral("once"), dashed(optOnce)},
        {QStringLiteral("notify"), dashed(optSlack)},
        {QStringLiteral("timeout_s"), dashed(optTimeout)},
        {QStringLiteral("retries"), dashed(optRetries)},
        {QStringLiteral("retry_delay_s"), dashed(optRetryDelay)},
        {QStringLiteral("misfire_bound"), dashed(optMisfireBound)},
        {QStringLiteral("notify_quiet_s"), dashed(optNotifyQuiet)},
        {QStringLiteral("log_limit_bytes"), dashed(optLogLimit)},
        {QStringLiteral("run_on"), dashed(optRunOn)},
        {QStringLiteral("keep_days"), dashed(optKeepDays)},
        {QStringLiteral("keep_runs"), dashed(optKeepRuns)},
    };
    const FieldProblem &first = problems.constFirst();
    Error error =
        makeError(ErrorKind::BadInput,
                  CtlTr::tr("%1: %2").arg(options.value(first.field, first.field), first.message),
                  first.field);
    return error;
}

Result<QJsonObject> JobSpecBuilder::spec(const QString &name) const
{
    JobSpec spec;
    spec.name = name;
    const QTimeZone zone = m_zone.value_or(QTimeZone("UTC"));
    spec.timeZone = QString::fromUtf8(zone.id());
    if (m_cron) {
        spec.scheduleKind = ScheduleKind::Cron;
        spec.cron = *m_cron;
    } else if (Status s = putOnce(spec, *m_onceDate, m_onceTime, zone); !s) {
        return s.error();
    }
    spec.target.kind = m_httpUrl ? TargetKind::Http : TargetKind::Shell;
    if (Status s = applyTarget(spec.target); !s)
        return s.error();
    applyPolicies(spec);
    if (m_notifyOn && m_slack.isEmpty() && m_webhooks.isEmpty())
        return badInput(CtlTr::tr("--notify-on needs --notify-slack or --notify-webhook"));
    spec.notify = notifyTargets();
    if (Status s = checkRules(spec); !s)
        return s.error();
    return spec.toJson();
}

Result<QJsonObject> JobSpecBuilder::changes(const JobRecord &current) const
{
    JobSpec spec = current.spec;
    QStringList touched;
    if (m_name) {
        spec.name = *m_name;
        touched.append(QStringLiteral("name"));
    }

    // Schedule: a new zone alone moves a one-off to the same wall-clock time in that zone.
    const QTimeZone zone = m_zone.value_or(QTimeZone(current.spec.timeZone.toUtf8()));
    if (m_zone) {
        spec.timeZone = QString::fromUtf8(m_zone->id());
        touched.append(QStringLiteral("time_zone"));
    }
    if (m_cron) {
        spec.scheduleKind = ScheduleKind::Cron;
        spec.cron = *m_cron;
        touched += {QStringLiteral("schedule_kind"), QStringLiteral("cron")};
    } else if (m_onceDate) {
        if (Status s = putOnce(spec, *m_onceDate, m_onceTime, zone); !s)
            return s.error();
        touched += {QStringLiteral("schedule_kind"), QStringLiteral("once_local"),
                    QStringLiteral("once_at")};
    } else if ((m_zone || !m_occurrence.isEmpty()) && current.isOnce()) {
        if (Status s =
                putOnce(spec, current.spec.onceLocal.date(), current.spec.onceLocal.time(), zone);
            !s)
            return s.error();
        touched += {QStringLiteral("once_local"), QStringLiteral("once_at")};
    }

    // Target: options change the current target; --http on a shell job (or --shell on an
    // HTTP job) starts a new one of that type.
    if (hasTargetOptions()) {
        TargetKind kind = current.spec.target.kind;
        if (m_httpUrl)
            kind = TargetKind::Http;
        else if (m_shell)
            kind = TargetKind::Shell;
        if (kind != current.spec.target.kind) {
            spec.target = TargetSpec();
            spec.target.kind = kind;
        }
        if (Status s = applyTarget(spec.target); !s)
            return s.error();
        touched += {QStringLiteral("target_type"), QStringLiteral("target")};
    }

    touched += applyPolicies(spec);

    // Notifications: new targets replace the list; --notify-on alone changes the events of
    // the targets the job has.
    if (m_noNotify) {
        spec.notify.clear();
        touched.append(QStringLiteral("notify"));
    } else if (!m_slack.isEmpty() || !m_webhooks.isEmpty()) {
        spec.notify = notifyTargets();
        touched.append(QStringLiteral("notify"));
    } else if (m_notifyOn) {
        if (current.spec.notify.isEmpty())
            return badInput(CtlTr::tr("--notify-on: the job has no notification targets; add "
                                      "--notify-slack or --notify-webhook"));
        for (NotificationTarget &target : spec.notify)
            setEvents(target, *m_notifyOn);
        touched.append(QStringLiteral("notify"));
    }

    if (touched.isEmpty())
        return badInput(CtlTr::tr("nothing to change: give at least one option (see --help)"));
    if (Status s = checkRules(spec); !s)
        return s.error();
    // What the options named, plus anything that changed with it (a new kind's keys).
    const QJsonObject json = spec.toJson();
    QJsonObject changes = current.spec.changesTo(spec);
    for (const QString &key : std::as_const(touched))
        changes.insert(key, json.value(key));
    return changes;
}

} // namespace Cronhelm
