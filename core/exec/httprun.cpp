#include "httprun.h"

#include "coretr.h"
#include "idempotencykey.h"
#include "outputsink.h"
#include "secrets.h"

#include "curlengine.h"

#include <domain/secretmask.h>

#include <QJsonDocument>
#include <QJsonParseError>

namespace Cronhelm {

namespace {

constexpr int maxLoggedHeaders = 30;
constexpr qsizetype maxLoggedHeaderValue = 200;
constexpr qsizetype maxQuotedMatch = 100;

// Shown in run logs, which every role reads, instead of the address as resolved: masked as
// job_overview masks it for viewers (user information, query values, fragment).
QString displayUrl(const QString &urlTemplate)
{
    return maskedAddress(urlTemplate);
}

QString displayUrl(const QUrl &url)
{
    return maskedAddress(url.toString(QUrl::FullyEncoded));
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443
                                                                                           : 80);
}

QString hostAndPort(const QUrl &url)
{
    return QStringLiteral("%1:%2").arg(url.host()).arg(effectivePort(url));
}

// Response headers that hold an address, which may carry a token (a signed download link,
// ?session=…): shown masked like the job's own address.
bool isAddressHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "location" || lower == "content-location";
}

bool isSensitiveHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "set-cookie" || lower == "authorization" || lower == "proxy-authenticate"
        || lower == "www-authenticate" || lower.contains("token") || lower.contains("secret");
}

// A piece of a response quoted in a run's error: control characters (a NUL above all,
// which libpq would take for the end of the text) are shown as \xNN.
QString quotable(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0)) {
            shown += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        } else {
            shown += c;
        }
    }
    return shown;
}

QByteArray defaultContentType(const QString &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? QByteArrayLiteral("application/json")
                                                   : QByteArrayLiteral("text/plain; charset=utf-8");
}

} // namespace

HttpRun::HttpRun(const RunContext &context, QObject *parent)
    : TargetRun(context, parent)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        stop(RunStatus::TimedOut,
             CoreTr::tr("timed out after %n s", nullptr, this->context().timeoutSeconds));
    });
    if (!context.target.http.failIfBodyMatches.isEmpty()) {
        m_failPattern.setPattern(context.target.http.failIfBodyMatches);
    }
}

HttpRun::~HttpRun() = default; // m_exchange stops its transfer

void HttpRun::prepare()
{
    if (m_prepared || m_startCalled) {
        return;
    }
    m_prepared = true;
    m_prepareError = build();
    if (!m_prepareError) {
        m_prepareError = prepareHop(m_hop);
    }
}

void HttpRun::start()
{
    if (m_startCalled) {
        return;
    }
    if (!m_prepared) {
        prepare();
    }
    m_startCalled = true;
    if (isFinished()) {
        return;
    }
    if (m_prepareError) {
        finishLater(RunStatus::Failed, *m_prepareError);
        return;
    }
    m_clock.start();
    if (const auto error = sendPrepared()) {
        m_exchange.reset();
        finishLater(RunStatus::Failed, *error);
        return;
    }
    if (context().timeoutSeconds > 0) {
        // One budget for the whole exchange, redirects included.
        m_timeoutTimer.start(std::chrono::seconds(context().timeoutSeconds));
    }
    // The run's start is reported by requestWritten(), when the request has left.
    sink().systemLine(
        QStringLiteral("[cronhelm] %1 %2")
            .arg(context().target.http.method, displayUrl(context().target.http.url)));
}

std::optional<QString> HttpRun::build()
{
    const HttpTarget &http = context().target.http;
    if (!context().network) {
        return CoreTr::tr("no network access for HTTP jobs on this node");
    }
    const SecretResolver secrets(context().secrets);

    auto urlText = secrets.resolve(http.url);
    if (!urlText) {
        return urlText.errorMessage();
    }
    const QUrl url(*urlText, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return CoreTr::tr("\"%1\" is not a valid http(s) URL").arg(displayUrl(http.url));
    }

    for (const auto &[name, value] : http.headers) {
        if (name.compare(QLatin1String("Idempotency-Key"), Qt::CaseInsensitive) == 0) {
            continue; // ours, always
        }
        auto resolved = secrets.resolve(value);
        if (!resolved) {
            return resolved.errorMessage();
        }
        if (resolved->contains(u'\r') || resolved->contains(u'\n')) {
            return CoreTr::tr("header %1: the value contains a line break").arg(name);
        }
        m_jobSetsUserAgent |= name.compare(QLatin1String("User-Agent"), Qt::CaseInsensitive) == 0;
        m_jobSetsContentType |=
            name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        m_jobHeaders.append({name.toLatin1(), resolved->toUtf8()});
    }
    m_idempotencyKey =
        idempotencyKey(context().jobId, context().scheduledFor, context().attempt).toLatin1();

    auto body = secrets.resolve(http.body);
    if (!body) {
        return body.errorMessage();
    }
    m_defaultContentType =
        http.bodyIsJson ? QByteArrayLiteral("application/json") : defaultContentType(*body);
    m_origin = url;
    m_hop = Hop{url, http.method.toLatin1(), body->toUtf8(), false};
    return std::nullopt;
}

bool HttpRun::sameOrigin(const QUrl &url) const
{
    return url.scheme().compare(m_origin.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_origin.host(), Qt::CaseInsensitive) == 0
        && effectivePort(url) == effectivePort(m_origin);
}

HttpLimits HttpRun::limits() const
{
    // The job's own limits, where it sets them, win over the node's.
    HttpLimits limits = context().httpLimits;
    const HttpTarget &http = context().target.http;
    if (http.connectTimeoutSeconds) {
        limits.connectTimeout = std::chrono::seconds(*http.connectTimeoutSeconds);
    }
    if (http.idleTimeoutSeconds) {
        limits.idleTimeout = std::chrono::seconds(*http.idleTimeoutSeconds);
    }
    return limits;
}

HttpExchange::Request HttpRun::requestFor(const Hop &hop) const
{
    HttpExchange::Request request;
    request.url = hop.url;
    request.method = hop.method;
    request.body = hop.body;
    request.limits = limits();
    // The job's headers (credentials or not: any of them may be a secret) only go to the
    // origin the job named.
    const bool jobHeaders = sameOrigin(hop.url);
    if (jobHeaders) {
        for (const auto &[name, value] : m_jobHeaders) {
            if (hop.bodyDropped && name.compare("content-type", Qt::CaseInsensitive) == 0) {
                continue;
            }
            request.headers.append({name, value});
        }
    }
    request.headers.append({QByteArrayLiteral("Idempotency-Key"), m_idempotencyKey});
    if (!jobHeaders || !m_jobSetsUserAgent) {
        request.headers.append(
            {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("cronhelm/" CRONHELM_VERSION)});
    }
    if (!hop.body.isEmpty() && (!jobHeaders || !m_jobSetsContentType)) {
        request.headers.append({QByteArrayLiteral("Content-Type"), m_defaultContentType});
    }
    return request;
}

std::optional<QString> HttpRun::prepareHop(const Hop &hop)
{
    m_hop = hop;
    m_exchange = std::make_unique<HttpExchange>(static_cast<HttpExchange::Listener *>(this));
    return m_exchange->prepare(requestFor(hop));
}

std::optional<QString> HttpRun::sendPrepared()
{
    m_bodyBytes = 0;
    m_checkedBody.clear();
    m_head.reset();
    m_discardBody = false;
    return m_exchange->start(context().network);
}

bool HttpRun::willFollow(const HttpExchange::ResponseHead &head) const
{
    // With max_redirects 0 a 3xx is the final response, judged like any other status.
    const int status = head.status;
    const bool redirect =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirect && context().target.http.maxRedirects > 0 && !head.header("Location").isEmpty();
}

bool HttpRun::followRedirect(RunOutcome &outcome)
{
    const int status = m_head->status;
    const QByteArray location = m_head->header("Location");
    const int maxRedirects = context().target.http.maxRedirects;
    outcome.status = RunStatus::Failed;
    outcome.httpStatus = status;
    if (m_redirects >= maxRedirects) {
        outcome.error = CoreTr::tr("too many redirects (more than %1)").arg(maxRedirects);
        return false;
    }
    const QUrl target = m_hop.url.resolved(QUrl::fromEncoded(location));
    const QString scheme = target.scheme().toLower();
    if (!target.isValid() || target.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        outcome.error = CoreTr::tr("HTTP %1 redirects to \"%2\", which is not an http(s) URL")
                            .arg(status)
                            .arg(quotable(maskedAddress(QString::fromUtf8(location))));
        return false;
    }
    if (m_hop.url.scheme().toLower() == QLatin1String("https") && scheme == QLatin1String("http")) {
        outcome.error = CoreTr::tr("refused to follow a redirect from https to http");
        return false;
    }
    ++m_redirects;
    Hop next = m_hop;
    next.url = target;
    // RFC 9110 15.4: 303 continues as GET; after 301/302 every client turns POST into GET.
    // 307/308 must repeat the request as it was.
    if ((status == 303 && next.method != "HEAD")
        || ((status == 301 || status == 302) && next.method == "POST")) {
        next.method = QByteArrayLiteral("GET");
        next.body.clear();
        next.bodyDropped = true;
    }
    // 307/308 (and 301/302 of a PUT or PATCH) repeat the body, which may hold resolved
    // secrets like the job's headers do; the headers stay with the origin, so must the body.
    if (!next.body.isEmpty() && !sameOrigin(target)) {
        outcome.error = CoreTr::tr("HTTP %1 redirects the request body to %2, another origin: "
                                   "refused, as the body may hold secrets meant for %3 only")
                            .arg(status)
                            .arg(hostAndPort(target), hostAndPort(m_origin));
        return false;
    }
    sink().systemLine(CoreTr::tr("[cronhelm] redirected to %1 %2")
                          .arg(QString::fromLatin1(next.method), displayUrl(target)));
    auto error = prepareHop(next);
    if (!error) {
        error = sendPrepared();
    }
    if (error) {
        outcome.error = CoreTr::tr("request failed: %1").arg(*error);
        return false;
    }
    return true;
}

void HttpRun::cancel(const QString &reason)
{
    if (isFinished()) {
        return;
    }
    const QString error =
        reason.isEmpty() ? CoreTr::tr("cancelled") : CoreTr::tr("cancelled: %1").arg(reason);
    if (!m_startCalled || m_prepareError) {
        m_startCalled = true;
        finishLater(RunStatus::Cancelled, error);
        return;
    }
    stop(RunStatus::Cancelled, error);
}

void HttpRun::stop(RunStatus status, const QString &error)
{
    if (!m_exchange || isFinished()) {
        return;
    }
    m_exchange.reset(); // aborts the transfer; it reports nothing more
    RunOutcome outcome;
    outcome.status = status;
    outcome.error = error;
    if (m_head) {
        outcome.httpStatus = m_head->status;
    }
    conclude(outcome);
}

void HttpRun::requestWritten()
{
    reportStarted(); // once: the first hop's request has left
}

void HttpRun::responseHead(const HttpExchange::ResponseHead &head)
{
    m_head = head;
    m_discardBody = willFollow(head);
    QStringList lines;
    lines << CoreTr::tr("[cronhelm] HTTP %1 %2 after %3")
                 .arg(head.status)
                 .arg(QString::fromUtf8(head.reason), elapsedText());
    for (qsizetype i = 0; i < head.headers.size() && i < maxLoggedHeaders; ++i) {
        const auto &[name, value] = head.headers.at(i);
        QString shown = isSensitiveHeader(name) ? CoreTr::tr("(hidden)")
            : isAddressHeader(name)             ? shownAddressHeader(value)
                                                : QString::fromUtf8(value);
        if (shown.size() > maxLoggedHeaderValue) {
            shown = shown.left(maxLoggedHeaderValue) + QStringLiteral("…");
        }
        lines << QStringLiteral("[cronhelm]   %1: %2").arg(QString::fromLatin1(name), shown);
    }
    if (head.headers.size() > maxLoggedHeaders) {
        lines << CoreTr::tr("[cronhelm]   (%1 more headers not shown)")
                     .arg(head.headers.size() - maxLoggedHeaders);
    }
    sink().systemLine(lines.join(u'\n'));
}

void HttpRun::responseBody(QByteArrayView data)
{
    if (data.isEmpty() || m_discardBody) {
        return;
    }
    if (m_bodyBytes < bodySampleBytes) {
        const qsizetype room = bodySampleBytes - m_bodyBytes;
        sink().append(LogStream::Stdout, data.first(qMin(room, data.size())));
    }
    if (m_failPattern.isValid() && !m_failPattern.pattern().isEmpty()
        && m_checkedBody.size() < bodyCheckBytes) {
        const qsizetype room = bodyCheckBytes - m_checkedBody.size();
        m_checkedBody.append(data.first(qMin(room, data.size())));
    }
    m_bodyBytes += data.size();
}

void HttpRun::exchangeEnded(const HttpExchange::End &end)
{
    // Destroyed at the end of this function, not inside its own call.
    std::unique_ptr<HttpExchange> finished = std::move(m_exchange);
    RunOutcome outcome;
    if (m_head) {
        outcome.httpStatus = m_head->status;
    }
    const qint64 limitSeconds = end.failure == HttpExchange::Failure::ConnectTimeout
        ? qint64(limits().connectTimeout.count())
        : qint64(limits().idleTimeout.count());
    if (end.failure == HttpExchange::Failure::ConnectTimeout) {
        outcome.status = RunStatus::Failed;
        outcome.error = CoreTr::tr("could not connect to %1 within %n s (connect timeout)", nullptr,
                                   int(limitSeconds))
                            .arg(hostAndPort(m_hop.url));
    } else if (end.failure == HttpExchange::Failure::IdleTimeout) {
        outcome.status = RunStatus::Failed;
        outcome.error = CoreTr::tr("nothing received from %1 for %n s (idle timeout)", nullptr,
                                   int(limitSeconds))
                            .arg(hostAndPort(m_hop.url));
    } else if (end.failure != HttpExchange::Failure::None || !m_head) {
        outcome.status = RunStatus::Failed;
        outcome.error = m_head
            ? CoreTr::tr("the HTTP %1 response was cut off: %2").arg(m_head->status).arg(end.error)
            : CoreTr::tr("request failed: %1").arg(end.error);
    } else if (willFollow(*m_head)) {
        if (followRedirect(outcome)) {
            return; // the next hop is on its way
        }
    } else {
        outcome = judge(m_head->status);
    }
    conclude(outcome);
}

void HttpRun::conclude(const RunOutcome &outcome)
{
    m_timeoutTimer.stop();
    if (m_bodyBytes > bodySampleBytes) {
        sink().systemLine(CoreTr::tr("[cronhelm] the response body has %1 bytes; the log shows "
                                     "the first %2")
                              .arg(m_bodyBytes)
                              .arg(bodySampleBytes));
    }
    if (outcome.status == RunStatus::Succeeded) {
        sink().systemLine(CoreTr::tr("[cronhelm] succeeded after %1").arg(elapsedText()));
    } else {
        sink().systemLine(CoreTr::tr("[cronhelm] %1 (after %2)").arg(outcome.error, elapsedText()));
    }
    finish(outcome);
}

RunOutcome HttpRun::judge(int httpStatus)
{
    const StatusRange &expected = context().target.http.expectStatus;
    RunOutcome outcome;
    outcome.httpStatus = httpStatus;
    if (!expected.contains(httpStatus)) {
        outcome.status = RunStatus::Failed;
        outcome.error = expected.low == expected.high
            ? CoreTr::tr("HTTP %1 is not the expected %2").arg(httpStatus).arg(expected.low)
            : CoreTr::tr("HTTP %1 is outside the expected %2")
                  .arg(httpStatus)
                  .arg(expected.toString());
        return outcome;
    }
    if (m_failPattern.isValid() && !m_failPattern.pattern().isEmpty()) {
        if (m_bodyBytes > bodyCheckBytes) {
            sink().systemLine(CoreTr::tr("[cronhelm] fail_if_body_matches was checked on the "
                                         "first %1 bytes of the body only")
                                  .arg(bodyCheckBytes));
        }
        const QRegularExpressionMatch match = m_failPattern.match(QString::fromUtf8(m_checkedBody));
        if (!match.isValid()) {
            // PCRE2 gave up (its match or depth limit, typically a pattern that backtracks
            // catastrophically): the body was not checked, so it cannot pass.
            outcome.status = RunStatus::Failed;
            outcome.error = CoreTr::tr("fail_if_body_matches \"%1\" could not be checked against "
                                       "the body: the regular expression engine gave up (too "
                                       "much backtracking); simplify the pattern")
                                .arg(m_failPattern.pattern());
            return outcome;
        }
        if (match.hasMatch()) {
            QString matched = match.captured(0).simplified();
            if (matched.size() > maxQuotedMatch) {
                matched = quotable(matched.left(maxQuotedMatch)) + QStringLiteral("…");
            } else {
                matched = quotable(matched);
            }
            outcome.status = RunStatus::Failed;
            outcome.error = CoreTr::tr("response body matches \"%1\": \"%2\"")
                                .arg(m_failPattern.pattern(), matched);
            return outcome;
        }
    }
    outcome.status = RunStatus::Succeeded;
    return outcome;
}

QString HttpRun::shownAddressHeader(const QByteArray &value) const
{
    // Relative to the request it answers, as a client reads it; without user information,
    // which the header did not carry.
    const QUrl address =
        m_hop.url.resolved(QUrl::fromEncoded(value)).adjusted(QUrl::RemoveUserInfo);
    return displayUrl(address);
}

QString HttpRun::elapsedText() const
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (ms < 10000) {
        return CoreTr::tr("%1 ms").arg(ms);
    }
    return CoreTr::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}

} // namespace Cronhelm
