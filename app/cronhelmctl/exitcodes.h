#pragma once

#include <result.h>

#include <QString>

namespace Cronhelm {

// The exit codes of cronhelmctl: a contract with scripts (docs/cli.md). Never renumber.
enum ExitCode : int {
    ExitOk = 0,
    ExitOther = 1,      // anything else, including connection failures
    ExitBadInput = 2,   // invalid arguments, expressions, zones, instants; usage errors
    ExitPermission = 3, // the database refused the operation for this role
    ExitNotFound = 4,   // no such job or run
    ExitConflict = 5,   // stale edit, duplicate name, newer schema, already finished
};

int exitCodeFor(ErrorKind kind);

// The "Exit codes" paragraph appended to every --help text.
QString exitCodesHelp();

} // namespace Cronhelm
