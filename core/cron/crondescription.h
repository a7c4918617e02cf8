#pragma once

#include <QString>
#include <QTimeZone>

namespace Cronhelm {

class CronExpression;

// Plain words for staff, translated through CoreTr: "At 09:30 on Monday to Friday
// (America/New_York)", "Every 5 minutes (UTC)". Unusual shapes get a generic but faithful
// field-by-field description, never a wrong one.
QString describeCron(const CronExpression &expr, const QTimeZone &zone);

// The zone's id as people are shown it: "UTC" for its aliases (a server's "Etc/UTC"), the
// IANA id otherwise ("Europe/Berlin").
QString zoneDisplayName(const QTimeZone &zone);

} // namespace Cronhelm
