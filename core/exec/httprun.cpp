#include "httprun.h"

#include "coretr.h"
#include "idempotencykey.h"
#include "outputsink.h"
#include "secrets.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Cronhelm {

namespace {

constexpr int maxLoggedHeaders = 30;
constexpr qsizetype maxLoggedHeaderValue = 200;
constexpr qsizetype maxQuotedMatch = 100;

// Shown in logs instead of the URL as resolved, which may hold secrets.
QString displayUrl(const QString &urlTemplate)
{
    static const QRegularExpression userInfo(QStringLiteral("^([A-Za-z]+://)[^/@]*@"));
    QString shown = urlTemplate;
    shown.replace(userInfo, QStringLiteral("\\1"));
    return shown;
}

QString displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

bool isSensitiveHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "set-cookie" || lower == "authorization" || lower == "proxy-authenticate"
        || lower == "www-authenticate" || lower.contains("token") || lower.contains("secret");
}

// Errors Qt raises for an HTTP status it got: the status decides, not the error.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::NoError
        || (error >= QNetworkReply::ContentAccessDenied
            && error <= QNetworkReply::UnknownContentError
            && error != QNetworkReply::ContentReSendError)
        || error == QNetworkReply::ProtocolInvalidOperationError
        || (error >= QNetworkReply::InternalServerError
            && error <= QNetworkReply::UnknownServerError);
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

HttpRun::~HttpRun()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpRun::prepare()
{
    if (m_prepared || m_startCalled) {
        return;
    }
    m_prepared = true;
    m_prepareError = build();
    if (!m_prepareError) {
        m_firstRequest = requestFor(m_hop);
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
    if (context().timeoutSeconds > 0) {
        // One budget for the whole exchange, redirects included.
        m_timeoutTimer.start(std::chrono::seconds(context().timeoutSeconds));
    }
    sendRequest(m_firstRequest);
    reportStarted(); // the request is issued: the network manager has it
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

    bool hasUserAgent = false;
    bool hasContentType = false;
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
        hasUserAgent |= name.compare(QLatin1String("User-Agent"), Qt::CaseInsensitive) == 0;
        hasContentType |= name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        m_headers.append({name.toLatin1(), resolved->toUtf8()});
    }
    m_headers.append(
        {QByteArrayLiteral("Idempotency-Key"),
         idempotencyKey(context().jobId, context().scheduledFor, context().attempt).toLatin1()});
    if (!hasUserAgent) {
        m_headers.append(
            {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("cronhelm/" CRONHELM_VERSION)});
    }

    auto body = secrets.resolve(http.body);
    if (!body) {
        return body.errorMessage();
    }
    if (!body->isEmpty() && !hasContentType) {
        m_headers.append(
            {QByteArrayLiteral("Content-Type"),
             http.bodyIsJson ? QByteArrayLiteral("application/json") : defaultContentType(*body)});
    }
    m_origin = url;
    m_hop = Hop{url, http.method.toLatin1(), body->toUtf8(), false};
    return std::nullopt;
}

void HttpRun::send(const Hop &hop)
{
    m_hop = hop;
    sendRequest(requestFor(hop));
}

QNetworkRequest HttpRun::requestFor(const Hop &hop) const
{
    const bool sameOrigin = hop.url.scheme() == m_origin.scheme()
        && hop.url.host() == m_origin.host() && hop.url.port() == m_origin.port();
    QNetworkRequest request(hop.url);
    for (const auto &[name, value] : std::as_const(m_headers)) {
        const QByteArray lower = name.toLower();
        if (!sameOrigin
            && (lower == "authorization" || lower == "cookie" || lower == "proxy-authorization")) {
            continue; // credentials stay with the origin the job named
        }
        if (hop.bodyDropped && lower == "content-type") {
            continue;
        }
        request.setRawHeader(name, value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // The node's network manager is shared by all jobs: no cookies, cached credentials or
    // cached responses may leak from one job's request into another's.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

void HttpRun::sendRequest(const QNetworkRequest &request)
{
    const Hop &hop = m_hop;
    m_bodyBytes = 0;
    m_checkedBody.clear();
    m_headLogged = false;
    m_discardBody = false;

    QNetworkAccessManager *network = context().network;
    if (hop.method == "HEAD") {
        m_reply = network->head(request);
    } else if (hop.method == "GET" && hop.body.isEmpty()) {
        m_reply = network->get(request);
    } else {
        m_reply = network->sendCustomRequest(request, hop.method, hop.body);
    }
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpRun::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpRun::onReplyFinished);
}

bool HttpRun::willFollow(int status, const QNetworkReply *reply) const
{
    // With max_redirects 0 a 3xx is the final response, judged like any other status.
    const bool redirect =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirect && context().target.http.maxRedirects > 0 && reply->hasRawHeader("Location");
}

bool HttpRun::followRedirect(int status, QNetworkReply *reply, RunOutcome &outcome)
{
    const int maxRedirects = context().target.http.maxRedirects;
    outcome.status = RunStatus::Failed;
    outcome.httpStatus = status;
    if (m_redirects >= maxRedirects) {
        outcome.error = CoreTr::tr("too many redirects (more than %1)").arg(maxRedirects);
        return false;
    }
    const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    const QString scheme = target.scheme().toLower();
    if (!target.isValid() || target.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        outcome.error = CoreTr::tr("HTTP %1 redirects to \"%2\", which is not an http(s) URL")
                            .arg(status)
                            .arg(QString::fromUtf8(reply->rawHeader("Location")));
        return false;
    }
    if (reply->url().scheme().toLower() == QLatin1String("https")
        && scheme == QLatin1String("http")) {
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
    sink().systemLine(CoreTr::tr("[cronhelm] redirected to %1 %2")
                          .arg(QString::fromLatin1(next.method), displayUrl(target)));
    send(next);
    return true;
}

void HttpRun::cancel(const QString &reason)
{
    if (isFinished()) {
        return;
    }
    const QString error =
        reason.isEmpty() ? CoreTr::tr("cancelled") : CoreTr::tr("cancelled: %1").arg(reason);
    if (!m_reply) {
        m_startCalled = true;
        finishLater(RunStatus::Cancelled, error);
        return;
    }
    stop(RunStatus::Cancelled, error);
}

void HttpRun::stop(RunStatus status, const QString &error)
{
    if (m_stopStatus || !m_reply) {
        return;
    }
    m_stopStatus = status;
    m_stopError = error;
    m_reply->abort(); // finished() follows, synchronously
}

void HttpRun::onReadyRead()
{
    if (!m_headLogged) {
        logResponseHead();
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        m_discardBody = status.isValid() && willFollow(status.toInt(), m_reply);
    }
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty() || m_discardBody) {
        return;
    }
    if (m_bodyBytes < bodySampleBytes) {
        const qsizetype room = bodySampleBytes - m_bodyBytes;
        sink().append(LogStream::Stdout, QByteArrayView(data).first(qMin(room, data.size())));
    }
    if (m_failPattern.isValid() && !m_failPattern.pattern().isEmpty()
        && m_checkedBody.size() < bodyCheckBytes) {
        const qsizetype room = bodyCheckBytes - m_checkedBody.size();
        m_checkedBody.append(QByteArrayView(data).first(qMin(room, data.size())));
    }
    m_bodyBytes += data.size();
}

void HttpRun::logResponseHead()
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        return;
    }
    m_headLogged = true;
    const QString reason = QString::fromUtf8(
        m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    QStringList lines;
    lines << CoreTr::tr("[cronhelm] HTTP %1 %2 after %3")
                 .arg(status.toInt())
                 .arg(reason, elapsedText());
    const auto headers = m_reply->rawHeaderPairs();
    for (qsizetype i = 0; i < headers.size() && i < maxLoggedHeaders; ++i) {
        const auto &[name, value] = headers.at(i);
        QString shown = isSensitiveHeader(name) ? CoreTr::tr("(hidden)") : QString::fromUtf8(value);
        if (shown.size() > maxLoggedHeaderValue) {
            shown = shown.left(maxLoggedHeaderValue) + QStringLiteral("…");
        }
        lines << QStringLiteral("[cronhelm]   %1: %2").arg(QString::fromLatin1(name), shown);
    }
    if (headers.size() > maxLoggedHeaders) {
        lines << CoreTr::tr("[cronhelm]   (%1 more headers not shown)")
                     .arg(headers.size() - maxLoggedHeaders);
    }
    sink().systemLine(lines.join(u'\n'));
}

void HttpRun::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!m_stopStatus) {
        onReadyRead();
    }
    if (!m_headLogged && !m_stopStatus) {
        logResponseHead();
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorString = reply->errorString();
    reply->disconnect(this);
    reply->deleteLater();
    m_reply.clear();

    RunOutcome outcome;
    if (statusAttribute.isValid()) {
        outcome.httpStatus = statusAttribute.toInt();
    }
    if (m_stopStatus) {
        outcome.status = *m_stopStatus;
        outcome.error = m_stopError;
    } else if (!statusAttribute.isValid() || !isHttpStatusError(error)) {
        outcome.status = RunStatus::Failed;
        outcome.error = statusAttribute.isValid()
            ? CoreTr::tr("the HTTP %1 response was cut off: %2")
                  .arg(statusAttribute.toInt())
                  .arg(errorString)
            : CoreTr::tr("request failed: %1").arg(errorString);
    } else if (willFollow(statusAttribute.toInt(), reply)) {
        if (followRedirect(statusAttribute.toInt(), reply, outcome)) {
            return; // the next hop is on its way
        }
    } else {
        outcome = judge(statusAttribute.toInt());
    }
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
        if (match.hasMatch()) {
            QString matched = match.captured(0).simplified();
            if (matched.size() > maxQuotedMatch) {
                matched = matched.left(maxQuotedMatch) + QStringLiteral("…");
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

QString HttpRun::elapsedText() const
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (ms < 10000) {
        return CoreTr::tr("%1 ms").arg(ms);
    }
    return CoreTr::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}

} // namespace Cronhelm
