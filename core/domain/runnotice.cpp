#include "runnotice.h"

#include <QStringList>

namespace Cronhelm {

namespace {

// An id as the API writes it: decimal digits, no sign or spaces, greater than zero.
std::optional<qint64> readId(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace

std::optional<RunNotice> RunNotice::parse(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(','));
    if (parts.size() != 3)
        return std::nullopt;
    const std::optional<qint64> jobId = readId(parts.at(0));
    const std::optional<qint64> runId = readId(parts.at(1));
    if (!jobId || !runId)
        return std::nullopt;
    RunNotice notice;
    notice.jobId = *jobId;
    notice.runId = *runId;
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
