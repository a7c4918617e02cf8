#pragma once

#include "httplimits.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <curl/curl.h>

#include <optional>

namespace Cronhelm {

class CurlEngine;

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request and its response over libcurl: one hop of an HttpRun. The request goes
// exactly as given (no redirect following, no cookies, no authentication of curl's own,
// http and https only, TLS verified, a fresh connection that is closed afterwards so that
// nothing is shared with another job). What happens is told to a Listener, on the engine's
// thread.
class HttpExchange
{
public:
    struct Request
    {
        QUrl url;
        QByteArray method;
        HttpHeaderList headers;
        QByteArray body;
        HttpLimits limits;
    };

    // The final response's status line and headers (1xx interim responses are skipped).
    struct ResponseHead
    {
        int status = 0;
        QByteArray reason;
        HttpHeaderList headers;
        QByteArray header(QByteArrayView name) const;
    };

    enum class Failure { None, ConnectTimeout, IdleTimeout, Other };

    struct End
    {
        Failure failure = Failure::None;
        QString error; // libcurl's account of a failure, with the system's reason if any
        bool gotHead = false;
    };

    class Listener
    {
    public:
        // The request's first bytes were written to the connection (the request has left).
        virtual void requestWritten() = 0;
        virtual void responseHead(const ResponseHead &head) = 0;
        virtual void responseBody(QByteArrayView data) = 0;
        // The last call; the listener may destroy the exchange in it.
        virtual void exchangeEnded(const End &end) = 0;

    protected:
        ~Listener() = default;
    };

    explicit HttpExchange(Listener *listener);
    // Stops the transfer if it is still running (no exchangeEnded()).
    ~HttpExchange();
    HttpExchange(const HttpExchange &) = delete;
    HttpExchange &operator=(const HttpExchange &) = delete;

    // Sets the request up without sending anything (any thread). Returns an error text if
    // libcurl refuses it.
    std::optional<QString> prepare(const Request &request);
    // Hands the prepared request to `engine` (its thread); it leaves from the event loop.
    std::optional<QString> start(CurlEngine *engine);

private:
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);
    static int onDebug(CURL *, curl_infotype type, char *, size_t, void *self);
    void onDone(CURLcode result);

    Listener *m_listener;
    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QByteArray m_url;
    QByteArray m_body;
    QByteArray m_method;
    QPointer<CurlEngine> m_engine;
    bool m_running = false;
    bool m_written = false;
    bool m_headDone = false;
    bool m_connectLimited = false;
    ResponseHead m_head;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};

} // namespace Cronhelm
