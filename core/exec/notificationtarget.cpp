#include "notificationtarget.h"

#include "coretr.h"

#include <QJsonObject>

namespace Cronhelm {

bool NotificationTarget::wants(NotifyEvent event) const
{
    switch (event) {
    case NotifyEvent::Failure:
        return onFailure;
    case NotifyEvent::Success:
        return onSuccess;
    case NotifyEvent::Recovery:
        return onRecovery || onSuccess;
    case NotifyEvent::None:
        break;
    }
    return false;
}

Result<QList<NotificationTarget>> NotificationTarget::listFromJson(const QJsonArray &notify)
{
    QList<NotificationTarget> targets;
    for (qsizetype i = 0; i < notify.size(); ++i) {
        if (!notify.at(i).isObject()) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("notify[%1]: must be an object with kind and url").arg(i));
        }
        const QJsonObject entry = notify.at(i).toObject();
        NotificationTarget target;

        const QString kind = entry.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("slack")) {
            target.kind = Kind::Slack;
        } else if (kind == QLatin1String("webhook")) {
            target.kind = Kind::Webhook;
        } else {
            return makeError(
                ErrorKind::BadInput,
                CoreTr::tr("notify[%1].kind: \"%2\" is not slack or webhook").arg(i).arg(kind));
        }

        target.url = entry.value(QLatin1String("url")).toString().trimmed();
        if (!target.url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
            && !target.url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
            return makeError(
                ErrorKind::BadInput,
                CoreTr::tr("notify[%1].url: \"%2\" is not an http(s) URL").arg(i).arg(target.url));
        }

        const QJsonValue on = entry.value(QLatin1String("on"));
        if (!on.isUndefined() && !on.isNull()) {
            if (!on.isArray()) {
                return makeError(ErrorKind::BadInput,
                                 CoreTr::tr("notify[%1].on: must be a list of failure, success "
                                            "and recovery")
                                     .arg(i));
            }
            target.onFailure = target.onSuccess = target.onRecovery = false;
            for (const QJsonValue &event : on.toArray()) {
                const QString name = event.toString();
                if (name == QLatin1String("failure")) {
                    target.onFailure = true;
                } else if (name == QLatin1String("success")) {
                    target.onSuccess = true;
                } else if (name == QLatin1String("recovery")) {
                    target.onRecovery = true;
                } else {
                    return makeError(ErrorKind::BadInput,
                                     CoreTr::tr("notify[%1].on: \"%2\" is not failure, success "
                                                "or recovery")
                                         .arg(i)
                                         .arg(name));
                }
            }
        }
        targets.append(target);
    }
    return targets;
}

} // namespace Cronhelm
