#include "permissions.h"

#include "modelstr.h"

namespace Cronhelm {

namespace {

int rank(const QString &role)
{
    if (role == QLatin1String("admin"))
        return 3;
    if (role == QLatin1String("operator"))
        return 2;
    if (role == QLatin1String("viewer"))
        return 1;
    return 0;
}

} // namespace

QString roleDisplayName(const QString &role)
{
    if (role == QLatin1String("admin"))
        return ModelsTr::tr("administrator");
    if (role == QLatin1String("operator"))
        return ModelsTr::tr("operator");
    if (role == QLatin1String("viewer"))
        return ModelsTr::tr("viewer");
    return ModelsTr::tr("no Cronhelm role");
}

Permission permissionFor(const QString &role, JobAction action)
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
