#include "notificationpayload.h"

#include "coretr.h"

#include <QJsonValue>

namespace Cronhelm {

namespace {

constexpr qsizetype maxErrorChars = 500;

QString shortError(const QString &error)
{
    QString line = error.section(u'\n', 0, 0).trimmed();
    if (line.size() > maxErrorChars) {
        line = line.left(maxErrorChars - 1) + QStringLiteral("…");
    }
    return line;
}

std::optional<qint64> durationMs(const RunSummary &run)
{
    if (!run.startedAt.isValid() || !run.finishedAt.isValid()) {
        return std::nullopt;
    }
    return run.startedAt.msecsTo(run.finishedAt);
}

QString durationText(qint64 ms)
{
    if (ms < 60 * 1000) {
        return CoreTr::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
    }
    const qint64 seconds = ms / 1000;
    if (seconds < 3600) {
        return CoreTr::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return CoreTr::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QJsonValue isoOrNull(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(instant.toUTC().toString(Qt::ISODateWithMs))
                             : QJsonValue(QJsonValue::Null);
}

template<typename T>
QJsonValue valueOrNull(const std::optional<T> &value)
{
    return value ? QJsonValue(static_cast<qint64>(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString notificationText(NotifyEvent event, const RunSummary &run)
{
    const QString node = run.node.isEmpty() ? CoreTr::tr("an unknown node") : run.node;
    const auto duration = durationMs(run);
    const QString after = duration ? durationText(*duration) : CoreTr::tr("an unknown time");
    const QString error = shortError(run.error);

    QString text;
    switch (event) {
    case NotifyEvent::Recovery:
        text = CoreTr::tr("Cronhelm: job \"%1\" recovered on %2: it succeeded after %3.")
                   .arg(run.jobName, node, after);
        break;
    case NotifyEvent::Success:
        text = CoreTr::tr("Cronhelm: job \"%1\" succeeded on %2 after %3.")
                   .arg(run.jobName, node, after);
        break;
    case NotifyEvent::Failure:
    case NotifyEvent::None:
        if (run.status == RunStatus::TimedOut) {
            text = CoreTr::tr("Cronhelm: job \"%1\" timed out on %2 after %3.")
                       .arg(run.jobName, node, after);
        } else if (run.status == RunStatus::Abandoned) {
            text = CoreTr::tr("Cronhelm: job \"%1\" was abandoned: node %2 stopped while it ran.")
                       .arg(run.jobName, node);
        } else if (error.isEmpty()) {
            text = CoreTr::tr("Cronhelm: job \"%1\" failed on %2 after %3.")
                       .arg(run.jobName, node, after);
        } else {
            text = CoreTr::tr("Cronhelm: job \"%1\" failed on %2 after %3: %4")
                       .arg(run.jobName, node, after, error);
        }
        break;
    }
    if (run.attempt > 1) {
        text += u' ' + CoreTr::tr("(attempt %1)").arg(run.attempt);
    }
    return text;
}

QJsonObject slackPayload(NotifyEvent event, const RunSummary &run)
{
    // Slack reads &, < and > as markup; escaped, a job name or error shows as written.
    QString text = notificationText(event, run);
    text.replace(u'&', QLatin1String("&amp;"));
    text.replace(u'<', QLatin1String("&lt;"));
    text.replace(u'>', QLatin1String("&gt;"));
    return QJsonObject{{QStringLiteral("text"), text}};
}

QJsonObject webhookPayload(NotifyEvent event, const RunSummary &run)
{
    const QJsonObject job{
        {QStringLiteral("id"), run.jobId},
        {QStringLiteral("name"), run.jobName},
    };
    const QString error = shortError(run.error);
    const QJsonObject runObject{
        {QStringLiteral("id"), run.runId},
        {QStringLiteral("status"), wireName(run.status)},
        {QStringLiteral("attempt"), run.attempt},
        {QStringLiteral("scheduled_for"), isoOrNull(run.scheduledFor)},
        {QStringLiteral("started_at"), isoOrNull(run.startedAt)},
        {QStringLiteral("finished_at"), isoOrNull(run.finishedAt)},
        {QStringLiteral("duration_ms"), valueOrNull(durationMs(run))},
        {QStringLiteral("exit_code"), valueOrNull(run.exitCode)},
        {QStringLiteral("http_status"), valueOrNull(run.httpStatus)},
        {QStringLiteral("error"), error.isEmpty() ? QJsonValue(QJsonValue::Null) : error},
    };
    return QJsonObject{
        {QStringLiteral("event"), wireName(event)},
        {QStringLiteral("job"), job},
        {QStringLiteral("run"), runObject},
        {QStringLiteral("node"), run.node},
    };
}

} // namespace Cronhelm
