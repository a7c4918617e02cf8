#include "permissions.h"

#include "modelstr.h"

namespace Cronhelm {

namespace {

// The roles include each other: viewer < operator < admin.
int rank(StoreRole role)
{
    switch (role) {
    case StoreRole::Admin:
        return 3;
    case StoreRole::Operator:
        return 2;
    case StoreRole::Viewer:
        return 1;
    case StoreRole::None:
        break;
    }
    return 0;
}

} // namespace

QString roleDisplayName(StoreRole role)
{
    switch (role) {
    case StoreRole::Admin:
        return ModelsTr::tr("administrator");
    case StoreRole::Operator:
        return ModelsTr::tr("operator");
    case StoreRole::Viewer:
        return ModelsTr::tr("viewer");
    case StoreRole::None:
        break;
    }
    return ModelsTr::tr("no Cronhelm role");
}

Permission retentionPermission(StoreRole role)
{
    if (role == StoreRole::Admin)
        return {true, {}};
    return {false,
            ModelsTr::tr("You are signed in as %1. Changing how long the run history is "
                         "kept needs the cronhelm_admin role.")
                .arg(roleDisplayName(role))};
}

Permission shellPermission(bool mayWriteShell)
{
    if (mayWriteShell)
        return {true, {}};
    return {false,
            ModelsTr::tr("A shell command runs on every scheduler node, so creating or "
                         "changing one needs the cronhelm_shell_admin role.")};
}

Permission permissionFor(StoreRole role, JobAction action)
{
    const int have = rank(role);
    const QString who = roleDisplayName(role);
    switch (action) {
    case JobAction::PauseResume:
    case JobAction::RunNow:
    case JobAction::CancelRun:
        if (have >= 2)
            return {true, {}};
        return {false,
                ModelsTr::tr("You are signed in as %1. Running, pausing and resuming jobs needs "
                             "the cronhelm_operator or cronhelm_admin role.")
                    .arg(who)};
    case JobAction::Create:
    case JobAction::Edit:
    case JobAction::Duplicate:
    case JobAction::Delete:
        if (have >= 3)
            return {true, {}};
        return {false,
                ModelsTr::tr("You are signed in as %1. Creating, changing and deleting jobs "
                             "needs the cronhelm_admin role.")
                    .arg(who)};
    }
    return {false, {}};
}

} // namespace Cronhelm
