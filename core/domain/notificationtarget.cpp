#include "notificationtarget.h"

#include "coretr.h"
#include "joblimits.h"

#include <QJsonObject>
#include <QRegularExpression>

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

QList<NotificationTarget> NotificationTarget::listFromJson(const QJsonValue &notify,
                                                           FieldProblems *problems)
{
    const QString field = QStringLiteral("notify");
    QList<NotificationTarget> targets;
    if (notify.isUndefined() || notify.isNull())
        return targets;
    if (!notify.isArray()) {
        problems->append({field, CoreTr::tr("Must be a list of notification targets.")});
        return targets;
    }
    const QJsonArray list = notify.toArray();
    if (list.size() > JobLimits::maxNotifyTargets) {
        problems->append(
            {field,
             CoreTr::tr("More than %1 notification targets.").arg(JobLimits::maxNotifyTargets)});
    }
    static const QRegularExpression httpUrl(QStringLiteral("^https?://"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject entry = list.at(i).toObject();
        NotificationTarget target;
        const std::optional<NotifyKind> kind =
            fromWireName<NotifyKind>(entry.value(QLatin1String("kind")).toString());
        target.url = entry.value(QLatin1String("url")).toString();
        if (!list.at(i).isObject() || !kind || !httpUrl.match(target.url).hasMatch()) {
            problems->append({field,
                              CoreTr::tr("Notification %1 needs the kind slack or webhook "
                                         "and a web address starting with http:// or "
                                         "https://.")
                                  .arg(i + 1)});
            continue;
        }
        target.kind = *kind;
        const QJsonValue on = entry.value(QLatin1String("on"));
        if (!on.isUndefined() && !on.isNull()) {
            target.onFailure = target.onSuccess = target.onRecovery = false;
            bool valid = on.isArray();
            for (const QJsonValue &event : on.toArray()) {
                switch (fromWireName<NotifyEvent>(event.toString()).value_or(NotifyEvent::None)) {
                case NotifyEvent::Failure:
                    target.onFailure = true;
                    break;
                case NotifyEvent::Success:
                    target.onSuccess = true;
                    break;
                case NotifyEvent::Recovery:
                    target.onRecovery = true;
                    break;
                case NotifyEvent::None:
                    valid = false;
                    break;
                }
            }
            if (!valid) {
                problems->append({field,
                                  CoreTr::tr("Notification %1: \"on\" must list failure, "
                                             "success and/or recovery.")
                                      .arg(i + 1)});
            }
        }
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (it.key() != QLatin1String("kind") && it.key() != QLatin1String("url")
                && it.key() != QLatin1String("on")) {
                problems->append({field,
                                  CoreTr::tr("Notification %1: \"%2\" is not a field of a "
                                             "notification target.")
                                      .arg(i + 1)
                                      .arg(it.key())});
            }
        }
        targets.append(target);
    }
    return targets;
}

Result<QList<NotificationTarget>> NotificationTarget::parseList(const QJsonArray &notify)
{
    FieldProblems problems;
    QList<NotificationTarget> targets = listFromJson(notify, &problems);
    if (!problems.isEmpty()) {
        return makeError(ErrorKind::BadInput,
                         problems.constFirst().field + QStringLiteral(": ")
                             + problems.constFirst().message,
                         problems.constFirst().field);
    }
    return targets;
}

QJsonArray NotificationTarget::listToJson(const QList<NotificationTarget> &targets)
{
    QJsonArray list;
    for (const NotificationTarget &t : targets) {
        // "on" always written out: what a target is told about is never left implicit.
        QJsonArray on;
        if (t.onFailure)
            on.append(wireName(NotifyEvent::Failure));
        if (t.onSuccess)
            on.append(wireName(NotifyEvent::Success));
        if (t.onRecovery)
            on.append(wireName(NotifyEvent::Recovery));
        list.append(QJsonObject{{QStringLiteral("kind"), wireName(t.kind)},
                                {QStringLiteral("url"), t.url},
                                {QStringLiteral("on"), on}});
    }
    return list;
}

} // namespace Cronhelm
