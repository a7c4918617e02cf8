#pragma once

#include "notificationpayload.h"
#include <domain/notificationtarget.h>

#include <QList>
#include <QObject>
#include <QProcessEnvironment>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace Cronhelm {

// Posts run notifications (Slack text or the generic webhook JSON) to a job's targets.
// Fire and forget for the caller: every delivery is bounded by a timeout, and a failure is
// logged and reported through deliveryFailed(), never passed back to the run.
// Targets are named in signals and logs by kind and host only: a webhook URL is a secret.
class Notifier : public QObject
{
    Q_OBJECT

public:
    // The network manager must live in this object's thread and outlive it.
    explicit Notifier(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Notifier() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Where ${env:CRONHELM_SECRET_NAME} in target URLs is looked up; the node's environment by
    // default.
    void setSecrets(const QProcessEnvironment &secrets) { m_secrets = secrets; }

    // Sends to every target that wants `event` (see NotificationTarget::wants); returns how
    // many deliveries were started. Does nothing for NotifyEvent::None.
    int notify(NotifyEvent event, const QList<NotificationTarget> &targets, const RunSummary &run);

    int pendingCount() const { return static_cast<int>(m_pending.size()); }

Q_SIGNALS:
    void delivered(const QString &target, Cronhelm::NotifyEvent event, qint64 runId);
    void deliveryFailed(const QString &target, Cronhelm::NotifyEvent event, qint64 runId,
                        const QString &error);

private:
    void send(const NotificationTarget &target, NotifyEvent event, const RunSummary &run);
    void fail(const QString &target, NotifyEvent event, qint64 runId, const QString &error);

    QNetworkAccessManager *m_network;
    QProcessEnvironment m_secrets = QProcessEnvironment::systemEnvironment();
    std::chrono::milliseconds m_timeout = std::chrono::seconds(10);
    QList<QNetworkReply *> m_pending;
};

} // namespace Cronhelm
