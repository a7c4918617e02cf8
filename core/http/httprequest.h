#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace Cronhelm {

// Header fields in the order they were sent or are to be written.
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One HTTP/1.x request as a server received it (HttpRequestParser).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QString path;      // decoded path without the query
    int minorVersion = 1;
    HttpHeaders headers;
    QByteArray body;
    QDateTime receivedAt; // UTC, when the request was complete
    quint16 peerPort = 0; // tells a client's connections apart

    // The first header of that name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    // Whether the client keeps the connection open after the response: HTTP/1.1 unless
    // it sent "Connection: close", HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;
};

} // namespace Cronhelm
