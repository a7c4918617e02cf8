#include "httpexchange.h"

#include "curlengine.h"

#include <cstring>

namespace Cronhelm {

namespace {

constexpr long keepAliveSeconds = 60;
// "No limit" for the connect phase: libcurl reads 0 as its own default of 300 s.
constexpr long unlimitedMs = 365L * 24 * 3600 * 1000;

bool hasHeader(const HttpHeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

QByteArray HttpExchange::ResponseHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpExchange::HttpExchange(Listener *listener)
    : m_listener(listener)
{}

HttpExchange::~HttpExchange()
{
    if (m_running && m_engine) {
        m_engine->remove(m_easy);
    }
    if (m_easy) {
        curl_easy_cleanup(m_easy);
    }
    curl_slist_free_all(m_headerList);
}

std::optional<QString> HttpExchange::prepare(const Request &request)
{
    m_easy = curl_easy_init();
    if (!m_easy) {
        return QStringLiteral("libcurl could not set up a request");
    }
    CURL *e = m_easy;
    m_url = request.url.toEncoded();
    m_method = request.method;
    m_body = request.body;

    curl_easy_setopt(e, CURLOPT_URL, m_url.constData());
    // http and https only, on every hop; redirects are followed by HttpRun, hop by hop.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    // A connection of its own, closed after the response: nothing of one job (a TLS
    // session, a half-read response, a server's idea of who is talking) reaches another,
    // and a stale pooled connection can never make libcurl send a request a second time.
    curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
    // One request per connection, so a request is written the moment its connection is up
    // (no HTTP/2 stream limit of a shared connection to wait behind).
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); // every decoding libcurl has
    curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, m_errorBuffer);

    const auto connectMs = std::chrono::milliseconds(request.limits.connectTimeout).count();
    m_connectLimited = connectMs > 0;
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     m_connectLimited ? long(connectMs) : unlimitedMs);
    if (request.limits.idleTimeout.count() > 0) {
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, long(request.limits.idleTimeout.count()));
    }
    // A peer that vanished during a long call is noticed by TCP keep-alive probes.
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPIDLE, keepAliveSeconds);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPINTVL, keepAliveSeconds);

    const bool withBody = !m_body.isEmpty() || m_method == "POST";
    if (m_method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (!withBody) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        if (m_method != "GET") {
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m_method.constData());
        }
    } else {
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_body.size()));
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, m_body.constData()); // not copied: ours
        if (m_method != "POST") {
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m_method.constData());
        }
    }

    for (const auto &[name, value] : request.headers) {
        // "Name;" is libcurl's way to send a header with an empty value.
        const QByteArray line =
            value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        m_headerList = curl_slist_append(m_headerList, line.constData());
    }
    if (withBody && !hasHeader(request.headers, "Content-Type")) {
        // libcurl would say application/x-www-form-urlencoded.
        m_headerList = curl_slist_append(m_headerList, "Content-Type:");
    }
    // No "Expect: 100-continue" pause before a large body.
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, m_headerList);

    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &HttpExchange::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &HttpExchange::onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
    // The debug callback is how libcurl tells the moment the request was written.
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, &HttpExchange::onDebug);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
    return std::nullopt;
}

std::optional<QString> HttpExchange::start(CurlEngine *engine)
{
    QString error;
    if (!m_easy
        || !engine->add(
            m_easy, [this](CURLcode result) { onDone(result); }, &error)) {
        return error.isEmpty() ? QStringLiteral("libcurl could not set up a request") : error;
    }
    m_engine = engine;
    m_running = true;
    return std::nullopt;
}

size_t HttpExchange::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *exchange = static_cast<HttpExchange *>(self);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    ResponseHead &head = exchange->m_head;
    if (line.startsWith("HTTP/")) {
        // A new response: after a 1xx, the final one.
        head = ResponseHead();
        const QList<QByteArray> parts = line.split(' ');
        head.status = parts.size() > 1 ? parts.at(1).toInt() : 0;
        const qsizetype reasonAt = line.indexOf(' ', line.indexOf(' ') + 1);
        head.reason = reasonAt > 0 ? line.mid(reasonAt + 1) : QByteArray();
    } else if (line.isEmpty()) {
        if (head.status >= 200 && !exchange->m_headDone) {
            exchange->m_headDone = true;
            exchange->m_listener->responseHead(head);
        }
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        head.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return bytes;
}

size_t HttpExchange::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *exchange = static_cast<HttpExchange *>(self);
    const size_t bytes = size * count;
    exchange->m_listener->responseBody(QByteArrayView(data, qsizetype(bytes)));
    return bytes;
}

int HttpExchange::onDebug(CURL *, curl_infotype type, char *, size_t, void *self)
{
    auto *exchange = static_cast<HttpExchange *>(self);
    // libcurl reports the request head as HEADER_OUT right after writing it to the socket.
    if (type == CURLINFO_HEADER_OUT && !exchange->m_written) {
        exchange->m_written = true;
        exchange->m_listener->requestWritten();
    }
    return 0;
}

void HttpExchange::onDone(CURLcode result)
{
    m_running = false;
    End end;
    end.gotHead = m_headDone;
    if (result != CURLE_OK) {
        if (result == CURLE_OPERATION_TIMEDOUT) {
            // The only libcurl timeouts set are the connect one and the idle (low speed) one;
            // the request is written as soon as the connection is up.
            end.failure =
                !m_written && m_connectLimited ? Failure::ConnectTimeout : Failure::IdleTimeout;
        } else {
            end.failure = Failure::Other;
        }
        QString text = m_errorBuffer[0] ? QString::fromUtf8(m_errorBuffer)
                                        : QString::fromUtf8(curl_easy_strerror(result));
        long osError = 0;
        curl_easy_getinfo(m_easy, CURLINFO_OS_ERRNO, &osError);
        if (osError != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(int(osError)));
            if (!text.contains(reason, Qt::CaseInsensitive)) {
                text += QStringLiteral(" (%1)").arg(reason);
            }
        }
        end.error = text;
    }
    m_listener->exchangeEnded(end); // the last thing: it may destroy this exchange
}

} // namespace Cronhelm
