#include "runnotice.h"

#include <QStringList>

namespace Cronhelm {

std::optional<RunNotice> RunNotice::parse(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(','));
    if (parts.size() != 3)
        return std::nullopt;
    RunNotice notice;
    bool jobOk = false;
    bool runOk = false;
    notice.jobId = parts.at(0).toLongLong(&jobOk);
    notice.runId = parts.at(1).toLongLong(&runOk);
    if (!jobOk || !runOk)
        return std::nullopt;
    if (parts.at(2) == QLatin1String("cancel")) {
        notice.cancelRequest = true;
        return notice;
    }
    notice.status = fromWireName<RunStatus>(parts.at(2));
    if (!notice.status)
        return std::nullopt;
    return notice;
}

QString RunNotice::toPayload() const
{
    return QStringLiteral("%1,%2,%3")
        .arg(jobId)
        .arg(runId)
        .arg(cancelRequest ? QStringLiteral("cancel")
                           : wireName(status.value_or(RunStatus::Queued)));
}

} // namespace Cronhelm
