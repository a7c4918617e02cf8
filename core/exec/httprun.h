#pragma once

#include "httpexchange.h"
#include "targetrun.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTimer>

#include <memory>
#include <optional>

namespace Cronhelm {

// An HTTP job: one request with the job's method, URL, headers and body (secrets
// resolved), plus "Idempotency-Key" (see idempotencykey.h; always Cronhelm's, a job header
// of that name is replaced) and "User-Agent: cronhelm/<version>" (unless the job sets one).
// A body without a Content-Type header is sent as application/json when it parses as JSON,
// else as text/plain; charset=utf-8.
//
// Succeeds when the final response's status is in expect_status and, if the job has
// fail_if_body_matches, the body does not match it. The whole exchange is bounded by the
// job timeout (a timer that aborts the request, so a 25-minute call just works); the node's
// connect and idle limits (HttpLimits) end it sooner when the host cannot be reached or goes
// silent. TLS errors are never ignored.
//
// Each hop is an HttpExchange on the thread's CurlEngine: no queue per host, and the run's
// start is reported when the request has been written to its connection, not before.
//
// Redirects are followed here, hop by hop (libcurl's following is off): at most
// max_redirects hops, never from https to http; 303 (and 301/302 after a POST) continue as
// GET without the body, 307/308 repeat the method and body. A hop to another origin (scheme,
// host, port) carries none of the headers the job defined, only Cronhelm's own
// (Idempotency-Key, User-Agent, a Content-Type for a body).
//
// The log gets the request line, redirects, status and timing, a summary of the response
// headers and the first 64 KiB of the body. For the regex check the body is kept up to
// 8 MiB; a longer body is checked on its first 8 MiB only (the log says so).
class HttpRun final : public TargetRun, private HttpExchange::Listener
{
    Q_OBJECT

public:
    static constexpr qsizetype bodySampleBytes = 64 * 1024;
    static constexpr qsizetype bodyCheckBytes = 8 * 1024 * 1024;

    explicit HttpRun(const RunContext &context, QObject *parent = nullptr);
    ~HttpRun() override;

    void prepare() override;
    void start() override;
    void cancel(const QString &reason) override;

private:
    struct Hop
    {
        QUrl url;
        QByteArray method;
        QByteArray body;
        bool bodyDropped = false; // a redirect turned it into a GET
    };

    // What start() sends: prepared ahead (prepare()) or at start; an error if it cannot.
    std::optional<QString> build();
    bool sameOrigin(const QUrl &url) const;
    // The connect and idle limits of this run: the job's where it sets them, else the node's.
    HttpLimits limits() const;
    HttpExchange::Request requestFor(const Hop &hop) const;
    // Sets up m_exchange for `hop`; an error if libcurl refuses it.
    std::optional<QString> prepareHop(const Hop &hop);
    std::optional<QString> sendPrepared();
    bool followRedirect(RunOutcome &outcome);
    bool willFollow(const HttpExchange::ResponseHead &head) const;
    void stop(RunStatus status, const QString &error);
    void conclude(const RunOutcome &outcome);
    RunOutcome judge(int httpStatus);
    QString elapsedText() const;
    // A Location (or Content-Location) header as the run's log shows it: masked.
    QString shownAddressHeader(const QByteArray &value) const;

    // HttpExchange::Listener
    void requestWritten() override;
    void responseHead(const HttpExchange::ResponseHead &head) override;
    void responseBody(QByteArrayView data) override;
    void exchangeEnded(const HttpExchange::End &end) override;

    std::unique_ptr<HttpExchange> m_exchange; // the hop in flight (or prepared)
    QUrl m_origin; // where the job pointed; its headers are only sent there
    Hop m_hop;
    HttpHeaderList m_jobHeaders; // resolved, without Idempotency-Key
    QByteArray m_idempotencyKey;
    bool m_jobSetsUserAgent = false;
    bool m_jobSetsContentType = false;
    QByteArray m_defaultContentType;                  // for the job's body
    std::optional<HttpExchange::ResponseHead> m_head; // of the hop in flight
    int m_redirects = 0;
    bool m_discardBody = false;  // the body of a redirect we follow
    QTimer m_timeoutTimer{this}; // parented: moveToThread() takes it along
    QElapsedTimer m_clock;
    QRegularExpression m_failPattern;
    QByteArray m_checkedBody; // only when there is a pattern, at most bodyCheckBytes
    qint64 m_bodyBytes = 0;
    bool m_startCalled = false;
    bool m_prepared = false;
    std::optional<QString> m_prepareError;
};

} // namespace Cronhelm
