#pragma once

#include <domain/durationformat.h>
#include <domain/enums.h>
#include <domain/records.h>

#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace Cronhelm::Display {

// How run statuses, triggers, durations and instants are shown to people. Translated
// through the models' context.

// A run status for people; nothing: "Never ran".
QString statusText(std::optional<RunStatus> status);
// What a run ended with, in one line: "HTTP 502 · Bad gateway", "exit code 1". The node's
// own "exited with code 1" is not repeated after the exit code.
QString runOutcome(const RunRecord &run);
// The run's error (all lines) unless it only says what runOutcome() already says.
QString runErrorBeyondOutcome(const RunRecord &run);
// A coloured icon for a run status; nothing: "never ran".
QIcon statusIcon(std::optional<RunStatus> status);
// All statuses, in the order filters list them.
QList<RunStatus> allStatuses();

QString triggerText(RunTrigger trigger);

// Durations: formatDuration() (core/domain), the same in the CLI and the app.

// The zone the person at the screen lives in (the system's, unless overridden for tests).
QTimeZone viewerZone();
void setViewerZone(const QTimeZone &zone);

// "Tue 3 Mar 2026 14:05" in `zone`, in the application's locale.
QString dateTime(const QDateTime &instant, const QTimeZone &zone, bool withSeconds = false);
// "Tue 3 Mar 14:05" (the year only when it is not this year), for table cells.
QString shortDateTime(const QDateTime &instant, const QTimeZone &zone);
// A zone id as people read it: the aliases of UTC ("Etc/UTC", "Etc/Universal", "Zulu"...)
// are "UTC", the way the lists show them; any other id is itself ("Europe/Berlin").
QString zoneName(const QString &zoneId);
// "Berlin", "New York", "UTC": the place part of a zone id, for people.
QString zoneCity(const QTimeZone &zone);
// The short zone name at that instant, e.g. "CET", "EDT", or "UTC+05:30".
QString zoneAbbreviation(const QDateTime &instant, const QTimeZone &zone);
// "Tue 3 Mar 2026 14:05 CET" in the viewer's zone, and when the job's zone differs,
// "(08:05 EST in America/New_York)" after it.
QString instantForViewer(const QDateTime &instant, const QTimeZone &jobZone);
// The compact form for table cells: "Tue 3 Mar 14:05 (08:05 New York)".
QString shortInstantForViewer(const QDateTime &instant, const QTimeZone &jobZone);

// An icon from the bundled SVGs (":/icons/<name>.svg"), preferring the desktop theme's icon
// of `themeName` when there is one.
QIcon icon(const QString &name, const QString &themeName = QString());

} // namespace Cronhelm::Display
