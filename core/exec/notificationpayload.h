#pragma once

#include "notifypolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Cronhelm {

// The facts about a finished run that notifications report; the executor fills it from
// the run it recorded.
struct RunSummary
{
    qint64 jobId = 0;
    QString jobName;
    qint64 runId = 0;
    RunStatus status = RunStatus::Succeeded; // final
    int attempt = 1;
    QDateTime scheduledFor;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<int> exitCode;
    std::optional<int> httpStatus;
    QString error;
    QString node; // the node that ran it
};

// One readable line without emoji, e.g.
//   Cronhelm: job "Sync CRM" failed on node-a after 12.3 s: HTTP 500 is outside …
QString notificationText(NotifyEvent event, const RunSummary &run);

// {"text": notificationText(...)} — what a Slack-compatible incoming webhook accepts.
QJsonObject slackPayload(NotifyEvent event, const RunSummary &run);

// {"event": "failure", "job": {"id", "name"}, "run": {"id", "status", "attempt",
//  "scheduled_for", "started_at", "finished_at", "duration_ms", "exit_code", "http_status",
//  "error"}, "node": "…"}; instants in ISO 8601 UTC with milliseconds, unknown values null,
// error shortened to its first line and at most 500 characters.
QJsonObject webhookPayload(NotifyEvent event, const RunSummary &run);

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::RunSummary)
