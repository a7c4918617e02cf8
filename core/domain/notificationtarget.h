#pragma once

#include "enums.h"
#include "fieldproblem.h"

#include <result.h>

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
    NotifyKind kind = NotifyKind::Webhook;
    // May contain ${env:CRONHELM_SECRET_NAME} references (a Slack webhook URL is itself a secret);
    // the Notifier resolves them when sending, so keep it as text rather than a QUrl.
    QString url;
    bool onFailure = true;
    bool onSuccess = false;
    bool onRecovery = true;

    // A recovery is also a success: a target that wants every success hears of it too.
    bool wants(NotifyEvent event) const;

    // Reads a job's "notify" array; problems have the field "notify".
    static QList<NotificationTarget> listFromJson(const QJsonValue &notify,
                                                  FieldProblems *problems);
    static QJsonArray listToJson(const QList<NotificationTarget> &targets);
    // All or nothing: the first problem as a BadInput error.
    static Result<QList<NotificationTarget>> parseList(const QJsonArray &notify);

    bool operator==(const NotificationTarget &) const = default;
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::NotificationTarget)
