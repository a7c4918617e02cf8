#include "notifier.h"

#include "coretr.h"
#include "secrets.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace Cronhelm {

namespace {

QString describeTarget(const NotificationTarget &target, const QUrl &url)
{
    const QString host = url.isValid() ? url.host() : CoreTr::tr("(invalid URL)");
    return QStringLiteral("%1 %2").arg(wireName(target.kind), host);
}

} // namespace

Notifier::Notifier(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

Notifier::~Notifier()
{
    // Undelivered notifications die with us; nothing may call back into a dead object.
    for (QNetworkReply *reply : std::as_const(m_pending)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

int Notifier::notify(NotifyEvent event, const QList<NotificationTarget> &targets,
                     const RunSummary &run)
{
    int started = 0;
    for (const NotificationTarget &target : targets) {
        if (event != NotifyEvent::None && target.wants(event)) {
            send(target, event, run);
            ++started;
        }
    }
    return started;
}

void Notifier::send(const NotificationTarget &target, NotifyEvent event, const RunSummary &run)
{
    auto resolved = SecretResolver(m_secrets).resolve(target.url);
    const QUrl url = resolved ? QUrl(*resolved, QUrl::StrictMode) : QUrl();
    const QString name = describeTarget(target, url);
    if (!resolved) {
        // Reported from the event loop, like every other outcome of notify().
        QMetaObject::invokeMethod(
            this,
            [this, name, event, id = run.runId, error = resolved.errorMessage()] {
                fail(name, event, id, error);
            },
            Qt::QueuedConnection);
        return;
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"),
                         QByteArrayLiteral("cronhelm/" CRONHELM_VERSION));
    // Not followed: webhook endpoints answer directly, and Qt 6.4's redirect following can
    // send a request twice (see httprun.h). A 3xx is reported as a failed delivery.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    const QJsonObject payload =
        target.kind == NotifyKind::Slack ? slackPayload(event, run) : webhookPayload(event, run);
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    m_pending.append(reply);

    // The whole delivery is bounded, not just its idle time: a hung endpoint must not pile
    // up requests.
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] { reply->abort(); });
    timer->start(m_timeout);

    connect(reply, &QNetworkReply::finished, this, [this, reply, name, event, id = run.runId] {
        m_pending.removeOne(reply);
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            fail(name, event, id, CoreTr::tr("no answer within %1 ms").arg(m_timeout.count()));
        } else if (status.isValid() && (status.toInt() < 200 || status.toInt() > 299)) {
            fail(name, event, id, CoreTr::tr("HTTP %1").arg(status.toInt()));
        } else if (reply->error() != QNetworkReply::NoError) {
            fail(name, event, id, reply->errorString());
        } else {
            Q_EMIT delivered(name, event, id);
        }
    });
}

void Notifier::fail(const QString &target, NotifyEvent event, qint64 runId, const QString &error)
{
    spdlog::warn("notification ({}) of run {} to {} failed: {}", wireName(event).toStdString(),
                 runId, target.toStdString(), error.toStdString());
    Q_EMIT deliveryFailed(target, event, runId, error);
}

} // namespace Cronhelm
