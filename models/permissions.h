#pragma once

#include <QString>

namespace Cronhelm {

// What a Cronhelm role may do, mirrored from the database's grants so the app can disable
// what would be refused and say why. The database still decides.
enum class JobAction { Create, Edit, Duplicate, Delete, PauseResume, RunNow, CancelRun };

struct Permission
{
    bool allowed = false;
    QString reason; // why not, for a tooltip; empty when allowed
};

Permission permissionFor(const QString &role, JobAction action);

// "administrator", "operator", "viewer", "no Cronhelm role": for the status bar.
QString roleDisplayName(const QString &role);

} // namespace Cronhelm
