#pragma once

#include <domain/records.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace Cronhelm::RecordJson {

// The --json shapes of cronhelmctl (docs/cli.md). Keys are snake_case like the SQL API;
// instants are UTC ISO-8601 strings with milliseconds or null.
// `schedule` is the SCHEDULE column of `job list` (the cron expression, or "once <local>").
QJsonObject job(const JobRecord &job, const QDateTime &nextRun, const QString &schedule);
QJsonObject run(const RunRecord &run);
QJsonObject cluster(const ClusterStatus &status);

// Indented UTF-8 JSON text with a final newline.
QByteArray toText(const QJsonObject &object);
QByteArray toText(const QJsonArray &array);

} // namespace Cronhelm::RecordJson
