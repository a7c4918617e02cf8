#pragma once

#include "commandgroup.h"

#include <domain/records.h>

#include <result.h>

namespace Cronhelm {

class CommandParser;

// `cronhelmctl runs …`: the run history, single runs, their logs, CSV export, cancelling.
class RunCommands
{
public:
    static CommandGroup group();

private:
    static int list(const CtlContext &context, const QStringList &args);
    static int show(const CtlContext &context, const QStringList &args);
    static int log(const CtlContext &context, const QStringList &args);
    static int exportRuns(const CtlContext &context, const QStringList &args);
    static int cancel(const CtlContext &context, const QStringList &args);

    // --job, --status, --trigger, --since, --until: shared by list and export.
    static void addFilterOptions(CommandParser &cmd);
    static Result<RunFilter> readFilter(const CommandParser &cmd);
    static Result<qint64> readRunId(const CommandParser &cmd);
};

} // namespace Cronhelm
