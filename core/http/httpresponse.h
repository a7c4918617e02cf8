#pragma once

#include "httprequest.h"

#include <QByteArray>

#include <chrono>

namespace Cronhelm {

// A response to write back: status, headers and body. Content-Length, Date, Connection and
// (when absent) a text/plain Content-Type are added by toBytes().
struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    // Answer only after this long (a slow endpoint); later requests on the same connection
    // wait their turn, so responses stay in order.
    std::chrono::milliseconds delay{0};

    // The bytes on the wire. `withBody` is false for HEAD (the Content-Length is still that
    // of the body); 1xx, 204 and 304 never carry one.
    QByteArray toBytes(bool withBody, bool keepAlive) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace Cronhelm
