#pragma once

#include "notificationlog.h"

#include <http/httprequest.h>
#include <http/httpresponse.h>

#include <QDateTime>

namespace Cronhelm {

// What the demo endpoint answers:
//   GET|HEAD /health     200, JSON: status, server time, uptime, requests served
//   GET|HEAD /report     200, a short text report; about one call in four is slow (2-4 s)
//                        and the others take a moment, so run durations vary
//   POST /notify, /slack 200 "ok"; the body (a Slack-style or webhook notification) is
//                        appended to the notification log
//   other methods on those paths: 405; any other path: 404
class DemoRoutes
{
public:
    explicit DemoRoutes(const NotificationLog &notifications);

    HttpResponse answer(const HttpRequest &request);

private:
    HttpResponse health(const HttpRequest &request) const;
    HttpResponse report(const HttpRequest &request) const;
    HttpResponse notify(const HttpRequest &request);

    NotificationLog m_notifications;
    QDateTime m_startedAt;
    qint64 m_requests = 0;
};

} // namespace Cronhelm
