#include "targetspec.h"

#include "coretr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Cronhelm {

namespace {

constexpr int maxRedirectsLimit = 50;

Error badInput(const QString &message)
{
    return makeError(ErrorKind::BadInput, message);
}

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

Result<StatusRange> parseStatusRange(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{3})(?:\\s*-\\s*(\\d{3}))?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return badInput(CoreTr::tr("target.expect_status: \"%1\" is not a status code like 200 "
                                   "or a range like 200-299")
                            .arg(text));
    }
    StatusRange range;
    range.low = match.captured(1).toInt();
    range.high = match.hasCaptured(2) ? match.captured(2).toInt() : range.low;
    if (range.low < 100 || range.high > 599 || range.low > range.high) {
        return badInput(
            CoreTr::tr("target.expect_status: \"%1\" is not an ascending range of HTTP status "
                       "codes (100-599)")
                .arg(text));
    }
    return range;
}

// An object of string values. QJsonObject keeps its keys sorted, not in document order;
// neither headers nor environment variables depend on order.
Result<QList<QPair<QString, QString>>> stringMap(const QJsonObject &target, const QString &field)
{
    QList<QPair<QString, QString>> pairs;
    const QJsonValue value = target.value(field);
    if (value.isUndefined() || value.isNull()) {
        return pairs;
    }
    if (!value.isObject()) {
        return badInput(CoreTr::tr("target.%1: must be an object of name: value").arg(field));
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            return badInput(
                CoreTr::tr("target.%1.%2: the value must be a string").arg(field, it.key()));
        }
        pairs.append({it.key(), it.value().toString()});
    }
    return pairs;
}

Result<TargetSpec> parseHttp(const QJsonObject &target)
{
    TargetSpec spec;
    spec.kind = TargetSpec::Kind::Http;
    HttpTarget &http = spec.http;

    static const QStringList methods = {QStringLiteral("GET"),    QStringLiteral("POST"),
                                        QStringLiteral("PUT"),    QStringLiteral("PATCH"),
                                        QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                        QStringLiteral("OPTIONS")};
    const QJsonValue method = target.value(QLatin1String("method"));
    if (!method.isUndefined() && !method.isNull()) {
        http.method = method.toString().trimmed().toUpper();
        if (!methods.contains(http.method)) {
            return badInput(CoreTr::tr("target.method: \"%1\" is not supported (use one of %2)")
                                .arg(method.toString(), methods.join(QLatin1String(", "))));
        }
    }

    http.url = target.value(QLatin1String("url")).toString().trimmed();
    // The URL may still hold ${env:...} references, so only its scheme can be checked here;
    // the resolved URL is checked again before the request is sent.
    if (!http.url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        && !http.url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        return badInput(CoreTr::tr("target.url: \"%1\" is not an http(s) URL").arg(http.url));
    }

    auto headers = stringMap(target, QStringLiteral("headers"));
    if (!headers) {
        return headers.error();
    }
    for (const auto &[name, value] : *headers) {
        if (!isHeaderName(name)) {
            return badInput(
                CoreTr::tr("target.headers: \"%1\" is not a valid header name").arg(name));
        }
        if (hasLineBreak(value)) {
            return badInput(
                CoreTr::tr("target.headers.%1: a header value cannot contain line breaks")
                    .arg(name));
        }
    }
    http.headers = std::move(headers).value();

    const QJsonValue body = target.value(QLatin1String("body"));
    if (body.isString()) {
        http.body = body.toString();
    } else if (body.isObject() || body.isArray()) {
        // Convenience: a JSON body can be written inline instead of as an escaped string.
        const QJsonDocument document =
            body.isObject() ? QJsonDocument(body.toObject()) : QJsonDocument(body.toArray());
        http.body = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        http.bodyIsJson = true;
    } else if (!body.isUndefined() && !body.isNull()) {
        return badInput(CoreTr::tr("target.body: must be a string or a JSON object"));
    }

    const QJsonValue expect = target.value(QLatin1String("expect_status"));
    if (expect.isString()) {
        auto range = parseStatusRange(expect.toString());
        if (!range) {
            return range.error();
        }
        http.expectStatus = *range;
    } else if (expect.isDouble()) {
        auto range = parseStatusRange(QString::number(expect.toInt()));
        if (!range) {
            return range.error();
        }
        http.expectStatus = *range;
    } else if (!expect.isUndefined() && !expect.isNull()) {
        return badInput(CoreTr::tr("target.expect_status: use a code like 200 or a range like "
                                   "200-299"));
    }

    const QJsonValue regex = target.value(QLatin1String("fail_if_body_matches"));
    if (regex.isString() && !regex.toString().isEmpty()) {
        const QRegularExpression expression(regex.toString());
        if (!expression.isValid()) {
            return badInput(CoreTr::tr("target.fail_if_body_matches: \"%1\" is not a valid "
                                       "regular expression: %2 (at character %3)")
                                .arg(regex.toString(), expression.errorString())
                                .arg(expression.patternErrorOffset()));
        }
        http.failIfBodyMatches = regex.toString();
    } else if (!regex.isUndefined() && !regex.isNull() && !regex.isString()) {
        return badInput(CoreTr::tr("target.fail_if_body_matches: must be a regular expression "
                                   "string"));
    }

    const QJsonValue redirects = target.value(QLatin1String("max_redirects"));
    if (!redirects.isUndefined() && !redirects.isNull()) {
        const double count = redirects.toDouble(-1);
        if (!redirects.isDouble() || count < 0 || count > maxRedirectsLimit
            || count != static_cast<int>(count)) {
            return badInput(CoreTr::tr("target.max_redirects: must be a whole number from 0 to %1")
                                .arg(maxRedirectsLimit));
        }
        http.maxRedirects = static_cast<int>(count);
    }
    return spec;
}

Result<TargetSpec> parseShell(const QJsonObject &target)
{
    TargetSpec spec;
    spec.kind = TargetSpec::Kind::Shell;
    ShellTarget &shell = spec.shell;

    const QJsonValue command = target.value(QLatin1String("command"));
    const QJsonValue argv = target.value(QLatin1String("argv"));
    const bool hasCommand = !command.isUndefined() && !command.isNull();
    const bool hasArgv = !argv.isUndefined() && !argv.isNull();
    if (hasCommand && hasArgv) {
        return badInput(CoreTr::tr("target.command: give either a command line or argv, not both"));
    }
    if (hasCommand) {
        if (!command.isString() || command.toString().trimmed().isEmpty()) {
            return badInput(CoreTr::tr("target.command: must be a non-empty command line"));
        }
        shell.command = command.toString();
    } else if (hasArgv) {
        if (!argv.isArray() || argv.toArray().isEmpty()) {
            return badInput(CoreTr::tr("target.argv: must be a non-empty list of strings"));
        }
        const QJsonArray items = argv.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString()) {
                return badInput(CoreTr::tr("target.argv[%1]: must be a string").arg(i));
            }
            shell.argv.append(items.at(i).toString());
        }
        if (shell.argv.constFirst().isEmpty()) {
            return badInput(CoreTr::tr("target.argv[0]: the program name cannot be empty"));
        }
    } else {
        return badInput(CoreTr::tr("target.command: a shell job needs a command line or argv"));
    }

    const QJsonValue workdir = target.value(QLatin1String("workdir"));
    if (workdir.isString()) {
        shell.workdir = workdir.toString();
    } else if (!workdir.isUndefined() && !workdir.isNull()) {
        return badInput(CoreTr::tr("target.workdir: must be a directory path"));
    }

    auto env = stringMap(target, QStringLiteral("env"));
    if (!env) {
        return env.error();
    }
    for (const auto &pair : *env) {
        if (pair.first.isEmpty() || pair.first.contains(u'=') || pair.first.contains(QChar(0))) {
            return badInput(
                CoreTr::tr("target.env: \"%1\" is not a valid variable name").arg(pair.first));
        }
    }
    shell.env = std::move(env).value();
    return spec;
}

} // namespace

QString StatusRange::toString() const
{
    return low == high ? QString::number(low) : QStringLiteral("%1-%2").arg(low).arg(high);
}

Result<TargetSpec> TargetSpec::fromJson(const QString &type, const QJsonObject &target)
{
    if (type == QLatin1String("http")) {
        return parseHttp(target);
    }
    if (type == QLatin1String("shell")) {
        return parseShell(target);
    }
    return badInput(
        CoreTr::tr("target_type: \"%1\" is not a target type (use http or shell)").arg(type));
}

} // namespace Cronhelm
