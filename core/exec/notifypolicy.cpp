#include "notifypolicy.h"

namespace Cronhelm {

namespace {

const QString succeeded = QStringLiteral("succeeded");
const QString failed = QStringLiteral("failed");

} // namespace

QString notifyEventName(NotifyEvent event)
{
    switch (event) {
    case NotifyEvent::Failure:
        return QStringLiteral("failure");
    case NotifyEvent::Success:
        return QStringLiteral("success");
    case NotifyEvent::Recovery:
        return QStringLiteral("recovery");
    case NotifyEvent::None:
        break;
    }
    return QString();
}

bool isFailureStatus(QStringView runStatus)
{
    return runStatus == u"failed" || runStatus == u"timed_out" || runStatus == u"abandoned";
}

NotifyDecision decideNotification(const NotifyPolicyInput &input)
{
    NotifyDecision decision;
    decision.outcome = input.previousOutcome;
    const bool wasFailing = input.previousOutcome == failed;

    if (isFailureStatus(input.runStatus)) {
        decision.outcome = failed;
        bool announce = true;
        if (wasFailing && input.lastFailureAnnouncedAt.isValid()) {
            const qint64 since = input.lastFailureAnnouncedAt.secsTo(input.now);
            announce = since >= input.quietSeconds;
        }
        if (announce) {
            decision.event = NotifyEvent::Failure;
            decision.failureAnnounced = true;
        }
    } else if (input.runStatus == succeeded) {
        decision.outcome = succeeded;
        decision.event = wasFailing ? NotifyEvent::Recovery : NotifyEvent::Success;
    }
    return decision;
}

} // namespace Cronhelm
