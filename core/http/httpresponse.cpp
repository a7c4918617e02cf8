#include "httpresponse.h"

#include <QLocale>
#include <QStringBuilder>

namespace Cronhelm {

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::toBytes(bool withBody, bool keepAlive) const
{
    const bool bodyless = (status >= 100 && status < 200) || status == 204 || status == 304;
    QByteArray out = "HTTP/1.1 " % QByteArray::number(status) % ' ' % reasonPhrase(status) % "\r\n";
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        out += name % ": " % value % "\r\n";
        hasContentType |= name.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
    out += "Date: " % date.toLatin1() % " GMT\r\n";
    if (!bodyless) {
        if (!hasContentType) {
            out += "Content-Type: text/plain; charset=utf-8\r\n";
        }
        out += "Content-Length: " % QByteArray::number(body.size()) % "\r\n";
    }
    out += keepAlive ? QByteArrayView("Connection: keep-alive\r\n\r\n")
                     : QByteArrayView("Connection: close\r\n\r\n");
    if (withBody && !bodyless) {
        out += body;
    }
    return out;
}

} // namespace Cronhelm
