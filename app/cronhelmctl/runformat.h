#pragma once

#include <domain/records.h>

#include <QList>
#include <QString>

namespace Cronhelm::RunFormat {

// The `runs list` table.
QString table(const QList<RunRecord> &runs);
// Everything about a run, human readable (`runs show`).
QString details(const RunRecord &run);

} // namespace Cronhelm::RunFormat
