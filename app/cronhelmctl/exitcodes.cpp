#include "exitcodes.h"

#include "ctltr.h"

namespace Cronhelm {

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadInput:
        return ExitBadInput;
    case ErrorKind::Permission:
        return ExitPermission;
    case ErrorKind::NotFound:
        return ExitNotFound;
    case ErrorKind::Conflict:
        return ExitConflict;
    case ErrorKind::ConnectionLost:
    case ErrorKind::LoginRefused:
    case ErrorKind::Fenced:
    case ErrorKind::Other:
        break;
    }
    return ExitOther;
}

QString exitCodesHelp()
{
    return CtlTr::tr("Exit codes:\n"
                     "  0  success\n"
                     "  1  other error (e.g. cannot connect to the database)\n"
                     "  2  bad input or usage error\n"
                     "  3  refused by the database's permissions\n"
                     "  4  not found\n"
                     "  5  conflict (changed by someone else, duplicate name, newer schema)\n");
}

} // namespace Cronhelm
