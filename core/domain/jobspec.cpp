#include "jobspec.h"

#include "coretr.h"
#include "joblimits.h"

#include <cron/cronexpression.h>
#include <cron/localtime.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Cronhelm {

namespace {

// What read() found in the JSON that the typed spec cannot hold.
struct RawParts
{
    std::optional<QJsonValue> target; // the "target" value as given
    std::optional<QJsonValue> notify; // the "notify" value as given
    QHash<QString, QString> invalid;  // key -> problem, for unknown enum spellings
};

const QString onceLocalFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss");

// The ", " and ": " separators PostgreSQL prints in a jsonb value's text where compact JSON
// has "," and ":": one space after each.
qsizetype jsonbSeparatorSpaces(const QJsonValue &value)
{
    qsizetype spaces = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        spaces += object.size() + qMax<qsizetype>(0, object.size() - 1);
        for (auto it = object.begin(); it != object.end(); ++it)
            spaces += jsonbSeparatorSpaces(it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        spaces += qMax<qsizetype>(0, array.size() - 1);
        for (const QJsonValue &element : array)
            spaces += jsonbSeparatorSpaces(element);
    }
    return spaces;
}

// The UTF-8 size of `object` as the SQL API measures a target: octet_length(target::text),
// the jsonb printed with those spaces. Strings are escaped alike on both sides.
qsizetype jsonbTextSize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size()
        + jsonbSeparatorSpaces(object);
}

bool hasForbiddenNameCharacter(const QString &name)
{
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        // Control characters and line/paragraph separators, and the bidirectional marks,
        // embeddings, overrides and isolates that make a name read differently from what it
        // is ("Trojan Source"). The same set as cronhelm._has_forbidden_name_char (SQL).
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x061c || u == 0x200e || u == 0x200f
            || (u >= 0x2028 && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)) {
            return true;
        }
    }
    return false;
}

// A name of white space only is no name. White space as Unicode has it (the space separators,
// the line and paragraph separators, tab to carriage return and U+0085), spelled out rather
// than left to QChar::isSpace(), so that it stays the list cronhelm._is_blank_name (SQL,
// 0013_blank_names.sql) has.
bool isBlankName(const QString &name)
{
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool space = (u >= 0x09 && u <= 0x0d) || u == 0x20 || u == 0x85 || u == 0xa0
            || u == 0x1680 || (u >= 0x2000 && u <= 0x200a) || u == 0x2028 || u == 0x2029
            || u == 0x202f || u == 0x205f || u == 0x3000;
        if (!space)
            return false;
    }
    return true;
}

FieldProblems checkParts(const JobSpec &spec, const RawParts &raw)
{
    using namespace JobLimits;
    FieldProblems problems;
    auto problem = [&problems](const QString &field, const QString &message) {
        problems.append({field, message});
    };
    auto range = [&problem](const QString &field, qint64 value, qint64 min, qint64 max) {
        if (value < min || value > max)
            problem(field, CoreTr::tr("Must be from %1 to %2.").arg(min).arg(max));
    };

    auto invalid = [&](const QString &field) {
        if (!raw.invalid.contains(field))
            return false;
        problem(field, raw.invalid.value(field));
        return true;
    };
    // The kinds first: the rest depends on them (an unknown kind stops here, as in SQL).
    if (invalid(QStringLiteral("target_type")) || invalid(QStringLiteral("schedule_kind")))
        return problems;

    if (isBlankName(spec.name))
        problem(QStringLiteral("name"), CoreTr::tr("A job needs a name."));
    else if (characterCount(spec.name) > maxNameLength)
        problem(QStringLiteral("name"),
                CoreTr::tr("The name is longer than %1 characters.").arg(maxNameLength));
    else if (hasForbiddenNameCharacter(spec.name))
        problem(QStringLiteral("name"),
                CoreTr::tr("The name contains a control or text-direction character."));
    if (characterCount(spec.description) > maxDescriptionLength)
        problem(
            QStringLiteral("description"),
            CoreTr::tr("The description is longer than %1 characters.").arg(maxDescriptionLength));
    if (characterCount(spec.owner) > maxOwnerLength)
        problem(QStringLiteral("owner"),
                CoreTr::tr("The owner is longer than %1 characters.").arg(maxOwnerLength));

    if (raw.target && !raw.target->isObject()) {
        problem(QStringLiteral("target"), CoreTr::tr("Must be a JSON object."));
    } else {
        const QJsonObject target = raw.target ? raw.target->toObject() : spec.target.toJson();
        if (jsonbTextSize(target) > maxTargetBytes) {
            problem(QStringLiteral("target"),
                    CoreTr::tr("The target is larger than %1 KB.").arg(maxTargetBytes / 1024));
        }
        TargetSpec::fromJson(spec.target.kind, target, &problems);
    }

    Result<QTimeZone> zone = zoneFromId(spec.timeZone);
    if (!zone)
        problem(QStringLiteral("time_zone"),
                CoreTr::tr("\"%1\" is not a known time zone.").arg(spec.timeZone));

    if (spec.scheduleKind == ScheduleKind::Cron) {
        Result<CronExpression> cron = CronExpression::parse(spec.cron);
        if (!cron) {
            problem(QStringLiteral("cron"), cron.errorMessage());
        } else if (zone && !cron->nextAfter(QDateTime::currentDateTimeUtc(), *zone).isValid()) {
            problem(QStringLiteral("cron"),
                    CoreTr::tr("This schedule never runs: no date matches all of its fields."));
        }
    } else if (!spec.onceLocal.isValid() || !spec.onceAt.isValid()) {
        problem(QStringLiteral("once"), CoreTr::tr("A one-off schedule needs a date and time."));
    } else if (zone) {
        const QDateTime shown = spec.onceAt.toTimeZone(*zone);
        if (shown.date() != spec.onceLocal.date() || shown.time() != spec.onceLocal.time()) {
            problem(QStringLiteral("once"),
                    CoreTr::tr("%1 does not fall on %2 in %3 (that local time may not exist "
                               "there).")
                        .arg(spec.onceAt.toString(Qt::ISODate),
                             spec.onceLocal.toString(onceLocalFormat), spec.timeZone));
        }
    }

    NotificationTarget::listFromJson(
        raw.notify ? *raw.notify : QJsonValue(NotificationTarget::listToJson(spec.notify)),
        &problems);

    range(QStringLiteral("timeout_s"), spec.timeoutSeconds, minTimeoutSeconds, maxTimeoutSeconds);
    range(QStringLiteral("retries"), spec.retries, 0, maxRetries);
    invalid(QStringLiteral("retry_backoff"));
    range(QStringLiteral("retry_delay_s"), spec.retryDelaySeconds, 0, maxRetryDelaySeconds);
    invalid(QStringLiteral("concurrency"));
    invalid(QStringLiteral("misfire"));
    range(QStringLiteral("misfire_bound"), spec.misfireBound, minMisfireBound, maxMisfireBound);
    range(QStringLiteral("notify_quiet_s"), spec.notifyQuietSeconds, 0, maxNotifyQuietSeconds);
    range(QStringLiteral("log_limit_bytes"), spec.logLimitBytes, minLogLimitBytes,
          maxLogLimitBytes);

    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    if (spec.runOn.size() > maxRunOnLabels) {
        problem(QStringLiteral("run_on"), CoreTr::tr("More than %1 labels.").arg(maxRunOnLabels));
    } else {
        for (const QString &l : spec.runOn) {
            if (!label.match(l).hasMatch()) {
                problem(QStringLiteral("run_on"),
                        CoreTr::tr("\"%1\" is not a node label (letters, digits, '.', '_' and "
                                   "'-', at most %2 characters).")
                            .arg(l)
                            .arg(maxLabelLength));
                break;
            }
        }
    }
    if (spec.keepDays)
        range(QStringLiteral("keep_days"), *spec.keepDays, minKeepDays, maxKeepDays);
    if (spec.keepRuns)
        range(QStringLiteral("keep_runs"), *spec.keepRuns, 0, maxKeepRuns);
    return problems;
}

// What read() found while taking the JSON apart, before the rules run.
class SpecReader
{
public:
    SpecReader(const QJsonObject &json, JobSpec spec)
        : m_json(json)
        , m_spec(std::move(spec))
    {}

    JobSpecReading read();

private:
    void problem(const QString &field, const QString &message)
    {
        m_problems.append({field, message});
    }
    bool has(const QString &key) const { return m_json.contains(key); }

    void text(const QString &key, QString &out, bool nullable);
    void number(const QString &key, int &out);
    void optionalNumber(const QString &key, std::optional<int> &out);
    void onceInstants();
    void runOn();

    const QJsonObject &m_json;
    JobSpec m_spec;
    FieldProblems m_problems;
};

void SpecReader::text(const QString &key, QString &out, bool nullable)
{
    const QJsonValue v = m_json.value(key);
    if (v.isString())
        out = v.toString();
    else if (v.isNull() && nullable)
        out.clear();
    else
        problem(key, CoreTr::tr("Must be text."));
}

void SpecReader::number(const QString &key, int &out)
{
    const QJsonValue v = m_json.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d)) || d < INT_MIN || d > INT_MAX)
        problem(key, CoreTr::tr("Must be a whole number."));
    else
        out = int(d);
}

void SpecReader::optionalNumber(const QString &key, std::optional<int> &out)
{
    if (m_json.value(key).isNull()) {
        out.reset();
        return;
    }
    int value = 0;
    const qsizetype before = m_problems.size();
    number(key, value);
    if (m_problems.size() == before)
        out = value;
}

void SpecReader::onceInstants()
{
    if (has(QStringLiteral("once_local"))) {
        const QDateTime local = QDateTime::fromString(
            m_json.value(QLatin1String("once_local")).toString(), Qt::ISODate);
        if (!local.isValid())
            problem(QStringLiteral("once_local"), CoreTr::tr("Must be a local date and time."));
        else
            m_spec.onceLocal = QDateTime(local.date(), local.time(), Qt::UTC);
    }
    if (has(QStringLiteral("once_at"))) {
        const QDateTime at =
            QDateTime::fromString(m_json.value(QLatin1String("once_at")).toString(), Qt::ISODate);
        if (!at.isValid())
            problem(QStringLiteral("once_at"), CoreTr::tr("Must be an instant."));
        else
            m_spec.onceAt = at.toUTC();
    }
}

void SpecReader::runOn()
{
    const QJsonValue v = m_json.value(QLatin1String("run_on"));
    m_spec.runOn.clear();
    if (v.isNull())
        return;
    const QJsonArray labels = v.toArray();
    bool strings = v.isArray();
    for (const QJsonValue &label : labels) {
        strings = strings && label.isString();
        m_spec.runOn.append(label.toString());
    }
    if (!strings)
        problem(QStringLiteral("run_on"), CoreTr::tr("Must be a list of node labels."));
}

JobSpecReading SpecReader::read()
{
    static const QStringList known = {QStringLiteral("name"),
                                      QStringLiteral("description"),
                                      QStringLiteral("owner"),
                                      QStringLiteral("target_type"),
                                      QStringLiteral("target"),
                                      QStringLiteral("schedule_kind"),
                                      QStringLiteral("cron"),
                                      QStringLiteral("time_zone"),
                                      QStringLiteral("once_local"),
                                      QStringLiteral("once_at"),
                                      QStringLiteral("enabled"),
                                      QStringLiteral("timeout_s"),
                                      QStringLiteral("retries"),
                                      QStringLiteral("retry_backoff"),
                                      QStringLiteral("retry_delay_s"),
                                      QStringLiteral("concurrency"),
                                      QStringLiteral("misfire"),
                                      QStringLiteral("misfire_bound"),
                                      QStringLiteral("notify"),
                                      QStringLiteral("notify_quiet_s"),
                                      QStringLiteral("log_limit_bytes"),
                                      QStringLiteral("run_on"),
                                      QStringLiteral("keep_days"),
                                      QStringLiteral("keep_runs")};
    static const QStringList notNull = {
        QStringLiteral("enabled"),        QStringLiteral("timeout_s"),
        QStringLiteral("retries"),        QStringLiteral("retry_backoff"),
        QStringLiteral("retry_delay_s"),  QStringLiteral("concurrency"),
        QStringLiteral("misfire"),        QStringLiteral("misfire_bound"),
        QStringLiteral("notify_quiet_s"), QStringLiteral("log_limit_bytes")};

    // As cronhelm._apply_spec: unknown keys first, then nulls where no null exists.
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (!known.contains(it.key()))
            problem(it.key(), CoreTr::tr("\"%1\" is not a job field.").arg(it.key()));
        else if (it.value().isNull() && notNull.contains(it.key()))
            problem(it.key(), CoreTr::tr("Must not be empty."));
    }
    if (!m_problems.isEmpty())
        return {m_spec, m_problems};

    if (has(QStringLiteral("name")))
        text(QStringLiteral("name"), m_spec.name, false);
    if (has(QStringLiteral("description")))
        text(QStringLiteral("description"), m_spec.description, true);
    if (has(QStringLiteral("owner")))
        text(QStringLiteral("owner"), m_spec.owner, true);
    if (has(QStringLiteral("cron")))
        text(QStringLiteral("cron"), m_spec.cron, true);
    if (has(QStringLiteral("time_zone")))
        text(QStringLiteral("time_zone"), m_spec.timeZone, false);
    onceInstants();
    if (has(QStringLiteral("enabled"))) {
        if (!m_json.value(QLatin1String("enabled")).isBool())
            problem(QStringLiteral("enabled"), CoreTr::tr("Must be true or false."));
        else
            m_spec.enabled = m_json.value(QLatin1String("enabled")).toBool();
    }
    if (has(QStringLiteral("timeout_s")))
        number(QStringLiteral("timeout_s"), m_spec.timeoutSeconds);
    if (has(QStringLiteral("retries")))
        number(QStringLiteral("retries"), m_spec.retries);
    if (has(QStringLiteral("retry_delay_s")))
        number(QStringLiteral("retry_delay_s"), m_spec.retryDelaySeconds);
    if (has(QStringLiteral("misfire_bound")))
        number(QStringLiteral("misfire_bound"), m_spec.misfireBound);
    if (has(QStringLiteral("notify_quiet_s")))
        number(QStringLiteral("notify_quiet_s"), m_spec.notifyQuietSeconds);
    if (has(QStringLiteral("log_limit_bytes"))) {
        const QJsonValue v = m_json.value(QLatin1String("log_limit_bytes"));
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
            problem(QStringLiteral("log_limit_bytes"), CoreTr::tr("Must be a whole number."));
        else
            m_spec.logLimitBytes = qint64(v.toDouble());
    }
    if (has(QStringLiteral("keep_days")))
        optionalNumber(QStringLiteral("keep_days"), m_spec.keepDays);
    if (has(QStringLiteral("keep_runs")))
        optionalNumber(QStringLiteral("keep_runs"), m_spec.keepRuns);
    if (has(QStringLiteral("run_on")))
        runOn();
    if (!m_problems.isEmpty()) {
        // The SQL API checks the keys in alphabetical order.
        std::stable_sort(
            m_problems.begin(), m_problems.end(),
            [](const FieldProblem &a, const FieldProblem &b) { return a.field < b.field; });
        return {m_spec, m_problems};
    }

    // Values that cannot be held by the typed spec (an unknown spelling) are reported
    // where the rules would report them, so the order stays the SQL API's.
    RawParts raw;
    auto kindOf = [&](const QString &key, auto &out) {
        if (!has(key))
            return;
        using Enum = std::decay_t<decltype(out)>;
        const QJsonValue v = m_json.value(key);
        if (const std::optional<Enum> value = fromWireName<Enum>(v.toString())) {
            out = *value;
            return;
        }
        QStringList names;
        for (Enum e : allValues<Enum>())
            names.append(QLatin1Char('"') + wireName(e) + QLatin1Char('"'));
        raw.invalid.insert(key,
                           CoreTr::tr("\"%1\" is not one of %2.")
                               .arg(v.toVariant().toString(), names.join(QLatin1String(", "))));
    };
    const TargetKind baseKind = m_spec.target.kind;
    kindOf(QStringLiteral("target_type"), m_spec.target.kind);
    kindOf(QStringLiteral("schedule_kind"), m_spec.scheduleKind);
    if (!has(QStringLiteral("schedule_kind")) && has(QStringLiteral("once_local"))
        && !has(QStringLiteral("cron"))) {
        m_spec.scheduleKind = ScheduleKind::Once; // as create_job infers it
    }
    kindOf(QStringLiteral("retry_backoff"), m_spec.retryBackoff);
    kindOf(QStringLiteral("concurrency"), m_spec.concurrency);
    kindOf(QStringLiteral("misfire"), m_spec.misfire);
    if (!has(QStringLiteral("target")) && m_spec.target.http == HttpTarget()
        && m_spec.target.shell == ShellTarget()) {
        raw.target = QJsonValue(); // a new job without a target: the whole target is missing
    } else if (has(QStringLiteral("target"))) {
        raw.target = m_json.value(QLatin1String("target"));
        FieldProblems ignored; // check() reports them, in order
        m_spec.target = TargetSpec::fromJson(m_spec.target.kind, raw.target->toObject(), &ignored);
    } else if (m_spec.target.kind != baseKind) {
        // A new kind without a new target: the database keeps the target it has, whose keys
        // are the old kind's, and judges that (as SQL's update_job does).
        TargetSpec kept = m_spec.target;
        kept.kind = baseKind;
        raw.target = kept.toJson();
    }
    if (has(QStringLiteral("notify"))) {
        raw.notify = m_json.value(QLatin1String("notify"));
        FieldProblems ignored;
        m_spec.notify = NotificationTarget::listFromJson(*raw.notify, &ignored);
    }
    return {m_spec, checkParts(m_spec, raw)};
}

} // namespace

QJsonObject JobSpec::toJson() const
{
    QJsonObject json{
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("target_type"), wireName(target.kind)},
        {QStringLiteral("target"), target.toJson()},
        {QStringLiteral("schedule_kind"), wireName(scheduleKind)},
        {QStringLiteral("time_zone"), timeZone},
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("timeout_s"), timeoutSeconds},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("retry_backoff"), wireName(retryBackoff)},
        {QStringLiteral("retry_delay_s"), retryDelaySeconds},
        {QStringLiteral("concurrency"), wireName(concurrency)},
        {QStringLiteral("misfire"), wireName(misfire)},
        {QStringLiteral("misfire_bound"), misfireBound},
        {QStringLiteral("notify"), NotificationTarget::listToJson(notify)},
        {QStringLiteral("notify_quiet_s"), notifyQuietSeconds},
        {QStringLiteral("log_limit_bytes"), logLimitBytes},
        {QStringLiteral("run_on"), QJsonArray::fromStringList(runOn)},
        {QStringLiteral("keep_days"), keepDays ? QJsonValue(*keepDays) : QJsonValue()},
        {QStringLiteral("keep_runs"), keepRuns ? QJsonValue(*keepRuns) : QJsonValue()},
    };
    if (scheduleKind == ScheduleKind::Cron) {
        json.insert(QStringLiteral("cron"), cron);
    } else {
        json.insert(QStringLiteral("once_local"), onceLocal.toString(onceLocalFormat));
        json.insert(QStringLiteral("once_at"), onceAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return json;
}

QJsonObject JobSpec::changesTo(const JobSpec &changed) const
{
    const QJsonObject before = toJson();
    const QJsonObject after = changed.toJson();
    QJsonObject changes;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.value(it.key()) != it.value())
            changes.insert(it.key(), it.value());
    }
    // A switch between cron and one-off carries the other kind's keys along with it.
    if (changes.contains(QLatin1String("schedule_kind"))) {
        for (const QString &key : {QStringLiteral("cron"), QStringLiteral("once_local"),
                                   QStringLiteral("once_at"), QStringLiteral("time_zone")}) {
            if (after.contains(key))
                changes.insert(key, after.value(key));
        }
    }
    // The target's meaning depends on its kind: both go together.
    if (changes.contains(QLatin1String("target_type"))
        || changes.contains(QLatin1String("target"))) {
        changes.insert(QStringLiteral("target_type"), after.value(QLatin1String("target_type")));
        changes.insert(QStringLiteral("target"), after.value(QLatin1String("target")));
    }
    return changes;
}

namespace JobRules {

JobSpecReading read(const QJsonObject &json, const JobSpec &base)
{
    return SpecReader(json, base).read();
}

FieldProblems check(const JobSpec &spec)
{
    return checkParts(spec, RawParts());
}

QString normalizedName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

bool sameName(const QString &a, const QString &b)
{
    return normalizedName(a).compare(normalizedName(b), Qt::CaseInsensitive) == 0;
}

} // namespace JobRules

} // namespace Cronhelm
