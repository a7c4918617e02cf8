#include "demoroutes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringBuilder>

namespace Cronhelm {

namespace {

HttpResponse textResponse(int status, const QByteArray &text)
{
    HttpResponse response;
    response.status = status;
    response.body = text;
    return response;
}

HttpResponse methodNotAllowed(const QByteArray &allowed)
{
    HttpResponse response = textResponse(405, "method not allowed\n");
    response.headers.append({QByteArrayLiteral("Allow"), allowed});
    return response;
}

bool isGet(const HttpRequest &request)
{
    return request.method == "GET" || request.method == "HEAD";
}

} // namespace

DemoRoutes::DemoRoutes(const NotificationLog &notifications)
    : m_notifications(notifications)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{}

HttpResponse DemoRoutes::answer(const HttpRequest &request)
{
    ++m_requests;
    if (request.path == QLatin1String("/health")) {
        return isGet(request) ? health(request) : methodNotAllowed("GET, HEAD");
    }
    if (request.path == QLatin1String("/report")) {
        return isGet(request) ? report(request) : methodNotAllowed("GET, HEAD");
    }
    if (request.path == QLatin1String("/notify") || request.path == QLatin1String("/slack")) {
        return request.method == "POST" ? notify(request) : methodNotAllowed("POST");
    }
    return textResponse(404, "not found\n");
}

HttpResponse DemoRoutes::health(const HttpRequest &request) const
{
    const QJsonObject status{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("time"), request.receivedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("uptime_s"), m_startedAt.secsTo(request.receivedAt)},
        {QStringLiteral("requests"), m_requests},
    };
    HttpResponse response;
    response.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    response.body = QJsonDocument(status).toJson(QJsonDocument::Compact) + '\n';
    return response;
}

HttpResponse DemoRoutes::report(const HttpRequest &request) const
{
    QRandomGenerator *random = QRandomGenerator::global();
    const bool slow = random->bounded(4) == 0;
    const int delayMs = slow ? random->bounded(2000, 4000) : random->bounded(50, 400);
    const QByteArray text = "Sales report at " % request.receivedAt.toString(Qt::ISODate).toLatin1()
        % ": " % QByteArray::number(random->bounded(100, 1000)) % " orders, "
        % QByteArray::number(random->bounded(0, 10)) % " refunds (prepared in "
        % QByteArray::number(delayMs) % " ms).\n";
    HttpResponse response = textResponse(200, text);
    response.delay = std::chrono::milliseconds(delayMs);
    return response;
}

HttpResponse DemoRoutes::notify(const HttpRequest &request)
{
    if (!m_notifications.append(request.receivedAt, request.path, request.body)) {
        return textResponse(
            500, "cannot store the notification: " % m_notifications.errorString().toUtf8() % '\n');
    }
    return textResponse(200, "ok");
}

} // namespace Cronhelm
