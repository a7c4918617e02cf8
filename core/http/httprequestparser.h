#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Cronhelm {

// Splits the bytes a client sends on one connection into requests, however the bytes were
// cut into reads: feed each read to append(), then call next() until it no longer says
// Complete. Bodies are framed by Content-Length (what Qt, curl and most clients send with a
// body); chunked request bodies are refused, as are heads over 64 KiB and bodies over
// 8 MiB. After Invalid the connection cannot be resynchronised: answer errorStatus() (when
// it is not 0) and close.
class HttpRequestParser
{
public:
    enum class Status { Incomplete, Complete, Invalid };

    static constexpr qsizetype maxHeadBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;

    void append(QByteArrayView bytes) { m_buffer.append(bytes); }

    // Takes the next complete request off the buffer into `request`.
    Status next(HttpRequest &request);

    // After Invalid: the status to answer with (400, 413, 431, 501), or 0 when the bytes
    // were not HTTP at all (e.g. a TLS handshake) and the connection should just be closed.
    int errorStatus() const { return m_errorStatus; }

    // Bytes received but not yet part of a complete request.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    Status fail(int status);

    QByteArray m_buffer;
    int m_errorStatus = 0;
};

} // namespace Cronhelm
