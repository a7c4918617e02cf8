#include "targetspec.h"

#include "coretr.h"
#include "joblimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Cronhelm {

namespace {

// Reads the target JSON while collecting problems; every check names its field.
class TargetReader
{
public:
    TargetReader(const QJsonObject &json, FieldProblems *problems)
        : m_json(json)
        , m_problems(problems)
    {}

    void problem(const QString &field, const QString &message)
    {
        m_problems->append({field, message});
    }

    QJsonValue value(const char *key) const { return m_json.value(QLatin1String(key)); }
    static bool absent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

    // A whole number in [min, max] under `key`, or `fallback` when absent.
    int wholeNumber(const char *key, int min, int max, int fallback)
    {
        const QJsonValue v = value(key);
        if (absent(v))
            return fallback;
        const double number = v.toDouble(-1.0);
        if (!v.isDouble() || number < min || number > max || number != double(qint64(number))) {
            problem(QStringLiteral("target.") + QLatin1String(key),
                    CoreTr::tr("Must be a whole number from %1 to %2.").arg(min).arg(max));
            return fallback;
        }
        return int(number);
    }

    // An object of string values under `key`.
    QList<QPair<QString, QString>> stringMap(const char *key)
    {
        QList<QPair<QString, QString>> pairs;
        const QJsonValue v = value(key);
        const QString field = QStringLiteral("target.") + QLatin1String(key);
        if (absent(v))
            return pairs;
        if (!v.isObject()) {
            problem(field, CoreTr::tr("Must be an object of name: value pairs."));
            return pairs;
        }
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                problem(field, CoreTr::tr("The value of \"%1\" must be text.").arg(it.key()));
                continue;
            }
            pairs.append({it.key(), it.value().toString()});
        }
        return pairs;
    }

    void unknownKeys(const QStringList &known)
    {
        for (auto it = m_json.begin(); it != m_json.end(); ++it) {
            if (!known.contains(it.key())) {
                problem(QStringLiteral("target"),
                        CoreTr::tr("\"%1\" is not a field of this kind of target.").arg(it.key()));
            }
        }
    }

private:
    const QJsonObject &m_json;
    FieldProblems *m_problems;
};

// RFC 9110 token characters: what a header name may consist of.
bool isHeaderName(const QString &name)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(name).hasMatch();
}

bool hasLineBreak(const QString &value)
{
    return value.contains(u'\r') || value.contains(u'\n');
}

bool isHttpUrl(const QString &url)
{
    // The URL may still hold ${env:...} references, so only its scheme and host part can
    // be checked here; the resolved URL is checked again before the request is sent.
    static const QRegularExpression pattern(QStringLiteral("^https?://[^\\s/]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(url).hasMatch();
}

bool hasSecretReference(const QString &text)
{
    return text.contains(QLatin1String("${env:"));
}

} // namespace

std::optional<StatusRange> StatusRange::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})(?:-(\\d{3}))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    StatusRange range;
    range.low = match.captured(1).toInt();
    range.high = match.hasCaptured(2) ? match.captured(2).toInt() : range.low;
    if (range.low < 100 || range.high > 599 || range.low > range.high)
        return std::nullopt;
    return range;
}

namespace {

void readHttp(TargetReader &in, HttpTarget &http)
{
    in.unknownKeys({QStringLiteral("url"), QStringLiteral("method"), QStringLiteral("headers"),
                    QStringLiteral("body"), QStringLiteral("expect_status"),
                    QStringLiteral("fail_if_body_matches"), QStringLiteral("max_redirects"),
                    QStringLiteral("connect_timeout_s"), QStringLiteral("idle_timeout_s")});

    const QJsonValue url = in.value("url");
    http.url = url.toString();
    if (!url.isString() || !isHttpUrl(http.url)) {
        in.problem(QStringLiteral("target.url"),
                   CoreTr::tr("\"%1\" is not a web address starting with http:// or https://.")
                       .arg(http.url));
    } else if (JobLimits::characterCount(http.url) > JobLimits::maxUrlLength) {
        in.problem(
            QStringLiteral("target.url"),
            CoreTr::tr("The address is longer than %1 characters.").arg(JobLimits::maxUrlLength));
    }

    static const QStringList methods = {QStringLiteral("GET"),    QStringLiteral("POST"),
                                        QStringLiteral("PUT"),    QStringLiteral("PATCH"),
                                        QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                        QStringLiteral("OPTIONS")};
    const QJsonValue method = in.value("method");
    if (!TargetReader::absent(method)) {
        http.method = method.toString().toUpper();
        if (!method.isString() || !methods.contains(http.method)) {
            in.problem(QStringLiteral("target.method"),
                       CoreTr::tr("\"%1\" is not a supported method (use one of %2).")
                           .arg(method.toString(), methods.join(QLatin1String(", "))));
        }
    }

    http.headers = in.stringMap("headers");
    if (http.headers.size() > JobLimits::maxHeaders) {
        in.problem(QStringLiteral("target.headers"),
                   CoreTr::tr("More than %1 headers.").arg(JobLimits::maxHeaders));
    }
    for (const auto &[name, value] : std::as_const(http.headers)) {
        if (!isHeaderName(name)) {
            in.problem(QStringLiteral("target.headers"),
                       CoreTr::tr("\"%1\" is not a valid header name.").arg(name));
        } else if (hasLineBreak(value)) {
            in.problem(
                QStringLiteral("target.headers"),
                CoreTr::tr("The value of header \"%1\" cannot contain line breaks.").arg(name));
        }
    }

    const QJsonValue body = in.value("body");
    if (body.isString()) {
        http.body = body.toString();
    } else if (body.isObject() || body.isArray()) {
        // Convenience: a JSON body can be written inline instead of as an escaped string.
        const QJsonDocument document =
            body.isObject() ? QJsonDocument(body.toObject()) : QJsonDocument(body.toArray());
        http.body = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        http.bodyIsJson = true;
    } else if (!TargetReader::absent(body)) {
        in.problem(QStringLiteral("target.body"),
                   CoreTr::tr("The body must be text or a JSON object."));
    }
    if (http.body.toUtf8().size() > JobLimits::maxBodyBytes) {
        in.problem(
            QStringLiteral("target.body"),
            CoreTr::tr("The body is larger than %1 KB.").arg(JobLimits::maxBodyBytes / 1024));
    }

    const QJsonValue expect = in.value("expect_status");
    if (!TargetReader::absent(expect)) {
        const QString text =
            expect.isDouble() ? QString::number(expect.toDouble()) : expect.toString();
        const std::optional<StatusRange> range =
            expect.isString() || expect.isDouble() ? StatusRange::parse(text) : std::nullopt;
        if (range) {
            http.expectStatus = *range;
        } else {
            in.problem(QStringLiteral("target.expect_status"),
                       CoreTr::tr("\"%1\" is not an HTTP status like 200 or an ascending range "
                                  "like 200-299 (100 to 599).")
                           .arg(text));
        }
    }

    const QJsonValue regex = in.value("fail_if_body_matches");
    if (regex.isString()) {
        http.failIfBodyMatches = regex.toString();
        const QRegularExpression expression(http.failIfBodyMatches);
        if (!expression.isValid()) {
            in.problem(QStringLiteral("target.fail_if_body_matches"),
                       CoreTr::tr("\"%1\" is not a valid regular expression: %2 (at character "
                                  "%3).")
                           .arg(http.failIfBodyMatches, expression.errorString())
                           .arg(expression.patternErrorOffset()));
        }
    } else if (!TargetReader::absent(regex)) {
        in.problem(QStringLiteral("target.fail_if_body_matches"),
                   CoreTr::tr("Must be a regular expression."));
    }

    http.maxRedirects = in.wholeNumber("max_redirects", 0, JobLimits::maxRedirects,
                                       HttpTarget::defaultMaxRedirects);
    if (!TargetReader::absent(in.value("connect_timeout_s"))) {
        http.connectTimeoutSeconds =
            in.wholeNumber("connect_timeout_s", 1, JobLimits::maxConnectTimeoutSeconds, 0);
    }
    if (!TargetReader::absent(in.value("idle_timeout_s")))
        http.idleTimeoutSeconds =
            in.wholeNumber("idle_timeout_s", 0, JobLimits::maxTimeoutSeconds, 0);
}

void readShell(TargetReader &in, ShellTarget &shell)
{
    in.unknownKeys({QStringLiteral("command"), QStringLiteral("argv"), QStringLiteral("workdir"),
                    QStringLiteral("env")});

    const QJsonValue command = in.value("command");
    const QJsonValue argv = in.value("argv");
    const bool hasCommand = !TargetReader::absent(command);
    const bool hasArgv = !TargetReader::absent(argv);
    if (hasCommand && hasArgv) {
        in.problem(QStringLiteral("target.command"),
                   CoreTr::tr("Give either a command line or a list of arguments, not both."));
    } else if (hasCommand) {
        shell.command = command.toString();
        if (!command.isString() || shell.command.trimmed().isEmpty()) {
            in.problem(QStringLiteral("target.command"),
                       CoreTr::tr("The command line cannot be empty."));
        }
    } else if (hasArgv) {
        const QJsonArray items = argv.toArray();
        bool strings = true;
        for (const QJsonValue &item : items) {
            strings = strings && item.isString();
            shell.argv.append(item.toString());
        }
        if (!argv.isArray() || items.isEmpty() || !strings) {
            in.problem(QStringLiteral("target.argv"),
                       CoreTr::tr("The arguments must be a non-empty list of texts."));
        } else if (shell.argv.constFirst().isEmpty()) {
            in.problem(QStringLiteral("target.argv"),
                       CoreTr::tr("The program name (the first argument) cannot be empty."));
        } else if (std::any_of(shell.argv.cbegin(), shell.argv.cend(), hasSecretReference)) {
            // Arguments are visible to every local user (ps, /proc); secrets go through the
            // environment (see docs/security.md).
            in.problem(QStringLiteral("target.argv"),
                       CoreTr::tr("A secret reference (${env:…}) in an argument would be "
                                  "visible to every user of the node; pass it in the job's "
                                  "environment or use a command line."));
        }
    } else {
        in.problem(QStringLiteral("target.command"),
                   CoreTr::tr("A shell job needs a command line."));
    }

    const QJsonValue workdir = in.value("workdir");
    if (workdir.isString())
        shell.workdir = workdir.toString();
    else if (!TargetReader::absent(workdir))
        in.problem(QStringLiteral("target.workdir"), CoreTr::tr("Must be a folder path."));

    shell.env = in.stringMap("env");
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const auto &pair : std::as_const(shell.env)) {
        if (!envName.match(pair.first).hasMatch()) {
            in.problem(QStringLiteral("target.env"),
                       CoreTr::tr("\"%1\" is not a valid variable name (letters, digits and _; "
                                  "not starting with a digit).")
                           .arg(pair.first));
        }
    }
}

QJsonObject pairsObject(const QList<QPair<QString, QString>> &pairs)
{
    QJsonObject object;
    for (const auto &[name, value] : pairs)
        object.insert(name, value);
    return object;
}

} // namespace

QString StatusRange::toString() const
{
    return low == high ? QString::number(low) : QStringLiteral("%1-%2").arg(low).arg(high);
}

TargetSpec TargetSpec::fromJson(TargetKind kind, const QJsonObject &json, FieldProblems *problems)
{
    TargetSpec spec;
    spec.kind = kind;
    TargetReader in(json, problems);
    if (kind == TargetKind::Http)
        readHttp(in, spec.http);
    else
        readShell(in, spec.shell);
    return spec;
}

Result<TargetSpec> TargetSpec::parse(TargetKind kind, const QJsonObject &json)
{
    FieldProblems problems;
    TargetSpec spec = fromJson(kind, json, &problems);
    if (!problems.isEmpty()) {
        const FieldProblem &first = problems.constFirst();
        return makeError(ErrorKind::BadInput, first.field + QStringLiteral(": ") + first.message,
                         first.field);
    }
    return spec;
}

QJsonObject TargetSpec::toJson() const
{
    QJsonObject json;
    if (kind == TargetKind::Shell) {
        if (!shell.argv.isEmpty())
            json.insert(QStringLiteral("argv"), QJsonArray::fromStringList(shell.argv));
        else
            json.insert(QStringLiteral("command"), shell.command);
        if (!shell.workdir.isEmpty())
            json.insert(QStringLiteral("workdir"), shell.workdir);
        if (!shell.env.isEmpty())
            json.insert(QStringLiteral("env"), pairsObject(shell.env));
        return json;
    }
    json.insert(QStringLiteral("url"), http.url);
    json.insert(QStringLiteral("method"), http.method);
    if (!http.headers.isEmpty())
        json.insert(QStringLiteral("headers"), pairsObject(http.headers));
    if (http.bodyIsJson) {
        const QJsonDocument document = QJsonDocument::fromJson(http.body.toUtf8());
        if (document.isObject())
            json.insert(QStringLiteral("body"), document.object());
        else
            json.insert(QStringLiteral("body"), document.array());
    } else if (!http.body.isEmpty()) {
        json.insert(QStringLiteral("body"), http.body);
    }
    if (http.expectStatus != StatusRange{})
        json.insert(QStringLiteral("expect_status"), http.expectStatus.toString());
    if (!http.failIfBodyMatches.isEmpty())
        json.insert(QStringLiteral("fail_if_body_matches"), http.failIfBodyMatches);
    if (http.maxRedirects != HttpTarget::defaultMaxRedirects)
        json.insert(QStringLiteral("max_redirects"), http.maxRedirects);
    if (http.connectTimeoutSeconds)
        json.insert(QStringLiteral("connect_timeout_s"), *http.connectTimeoutSeconds);
    if (http.idleTimeoutSeconds)
        json.insert(QStringLiteral("idle_timeout_s"), *http.idleTimeoutSeconds);
    return json;
}

bool SecretNames::isVariableName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

bool SecretNames::isDeclared(const QString &name)
{
    return isVariableName(name) && name.startsWith(prefix) && name.size() > prefix.size();
}

namespace {

void collectUndeclared(const QString &field, const QJsonValue &value, QStringList *seen,
                       FieldProblems *problems)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectUndeclared(field, it.value(), seen, problems);
        return;
    }
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectUndeclared(field, item, seen, problems);
        return;
    }
    const QString text = value.toString();
    if (!text.contains(QLatin1String("${env:")))
        return;
    // What core/exec/secrets.cpp takes for a reference: anything up to the next "}".
    static const QRegularExpression reference(QStringLiteral("\\$\\{env:([^}]*)\\}"));
    QRegularExpressionMatchIterator it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString written = match.captured(0);
        const QString name = match.captured(1);
        if (SecretNames::isDeclared(name) || seen->contains(written))
            continue;
        seen->append(written);
        if (!SecretNames::isVariableName(name) || name == SecretNames::prefix) {
            problems->append({field,
                              CoreTr::tr("%1 does not name a secret the nodes can give (letters, "
                                         "digits and _ after %2), so every run would fail.")
                                  .arg(written, SecretNames::prefix)});
        } else {
            problems->append({field,
                              CoreTr::tr("%1 is not a secret the nodes give to jobs: only names "
                                         "starting with %2 are, so every run would fail. Write "
                                         "${env:%2%3} and have the nodes' operator declare it.")
                                  .arg(written, SecretNames::prefix, name)});
        }
    }
}

} // namespace

FieldProblems undeclaredSecretReferences(const QString &field, const QJsonValue &value)
{
    FieldProblems problems;
    QStringList seen;
    collectUndeclared(field, value, &seen, &problems);
    return problems;
}

FieldProblems undeclaredSecretReferences(const QJsonObject &target)
{
    FieldProblems problems;
    for (auto it = target.begin(); it != target.end(); ++it)
        problems += undeclaredSecretReferences(QStringLiteral("target.") + it.key(), it.value());
    return problems;
}

QStringList literalSecretHeaders(const HttpTarget &target)
{
    static const QRegularExpression credential(
        QStringLiteral("^(authorization|proxy-authorization|cookie)$|api[-_]?key|token|secret|"
                       "passw(or)?d|credential|session"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (const auto &[name, value] : target.headers) {
        if (credential.match(name).hasMatch() && !value.trimmed().isEmpty()
            && !value.contains(QLatin1String("${env:"))) {
            names.append(name);
        }
    }
    return names;
}

} // namespace Cronhelm
