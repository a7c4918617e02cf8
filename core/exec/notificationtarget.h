#pragma once

#include "notifypolicy.h"
#include "result.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Cronhelm {

// One entry of a job's "notify" list:
//   {"kind": "slack" | "webhook", "url": "https://…", "on": ["failure", "success", "recovery"]}
// "on" defaults to ["failure", "recovery"].
struct NotificationTarget
{
    enum class Kind { Slack, Webhook };

    Kind kind = Kind::Webhook;
    // May contain ${env:NAME} references (a Slack webhook URL is itself a secret); the
    // Notifier resolves them when sending, so keep it as text rather than a QUrl.
    QString url;
    bool onFailure = true;
    bool onSuccess = false;
    bool onRecovery = true;

    // A recovery is also a success: a target that wants every success hears of it too.
    bool wants(NotifyEvent event) const;

    // Errors are BadInput with a message naming the entry ("notify[1].kind: …").
    static Result<QList<NotificationTarget>> listFromJson(const QJsonArray &notify);
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::NotificationTarget)
