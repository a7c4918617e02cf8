#pragma once

#include "targetrun.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

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
// job timeout (a timer that aborts the request, so a 25-minute call just works). TLS errors
// are never ignored.
//
// Redirects are followed here, hop by hop, with the request's redirect policy set to manual:
// Qt 6.4's own following (NoLessSafeRedirectPolicy) was seen to send the same request twice
// on one connection in about 40 % of redirect chains, which a cron job must never do. The
// rules are NoLessSafe's plus the usual ones: at most max_redirects hops, never from https
// to http; 303 (and 301/302 after a POST) continue as GET without the body, 307/308 repeat
// the method and body; credentials (Authorization, Cookie) are not sent to another origin.
//
// The log gets the request line, redirects, status and timing, a summary of the response
// headers and the first 64 KiB of the body. For the regex check the body is kept up to
// 8 MiB; a longer body is checked on its first 8 MiB only (the log says so).
class HttpRun final : public TargetRun
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
    QNetworkRequest requestFor(const Hop &hop) const;
    void send(const Hop &hop);
    void sendRequest(const QNetworkRequest &request);
    bool followRedirect(int status, QNetworkReply *reply, RunOutcome &outcome);
    bool willFollow(int status, const QNetworkReply *reply) const;
    void onReadyRead();
    void onReplyFinished();
    void stop(RunStatus status, const QString &error);
    void logResponseHead();
    RunOutcome judge(int httpStatus);
    QString elapsedText() const;

    QPointer<QNetworkReply> m_reply;
    QUrl m_origin; // where the job pointed; credentials are only sent there
    Hop m_hop;
    QList<QPair<QByteArray, QByteArray>> m_headers; // resolved, sent on every hop
    int m_redirects = 0;
    bool m_discardBody = false;  // the body of a redirect we follow
    QTimer m_timeoutTimer{this}; // parented: moveToThread() takes it along
    QElapsedTimer m_clock;
    QRegularExpression m_failPattern;
    QByteArray m_checkedBody; // only when there is a pattern, at most bodyCheckBytes
    qint64 m_bodyBytes = 0;
    bool m_headLogged = false;
    bool m_startCalled = false;
    bool m_prepared = false;
    std::optional<QString> m_prepareError;
    QNetworkRequest m_firstRequest; // for m_hop, built by prepare()
    std::optional<RunStatus> m_stopStatus;
    QString m_stopError;
};

} // namespace Cronhelm
