#pragma once

#include <domain/enums.h>

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

Permission permissionFor(StoreRole role, JobAction action);

// Whether the session may pick the shell target: create a shell job or change a shell job's
// command (cronhelm_shell_admin, checked by the database).
Permission shellPermission(bool mayWriteShell);

// Whether the session may change how long run history is kept: the store-wide policy or a
// job's own (cronhelm_admin, checked by the database).
Permission retentionPermission(StoreRole role);

// "administrator", "operator", "viewer", "no Cronhelm role": for the status bar.
QString roleDisplayName(StoreRole role);

} // namespace Cronhelm
