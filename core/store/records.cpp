#include "records.h"

namespace Cronhelm {

QJsonObject JobRecord::toSpec() const
{
    QJsonObject spec{
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("target_type"), targetType},
        {QStringLiteral("target"), target},
        {QStringLiteral("schedule_kind"), scheduleKind},
        {QStringLiteral("time_zone"), timeZone},
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("timeout_s"), timeoutSeconds},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("retry_backoff"), retryBackoff},
        {QStringLiteral("retry_delay_s"), retryDelaySeconds},
        {QStringLiteral("concurrency"), concurrency},
        {QStringLiteral("misfire"), misfire},
        {QStringLiteral("misfire_bound"), misfireBound},
        {QStringLiteral("notify"), notify},
        {QStringLiteral("notify_quiet_s"), notifyQuietSeconds},
        {QStringLiteral("log_limit_bytes"), logLimitBytes},
    };
    if (scheduleKind == QLatin1String("cron")) {
        spec.insert(QStringLiteral("cron"), cronExpr);
    } else {
        spec.insert(QStringLiteral("once_local"),
                    onceLocal.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        spec.insert(QStringLiteral("once_at"), onceAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return spec;
}

} // namespace Cronhelm
