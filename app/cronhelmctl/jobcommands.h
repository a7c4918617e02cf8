#pragma once

#include "commandgroup.h"

#include <domain/records.h>

#include <result.h>

#include <functional>

namespace Cronhelm {

class CommandParser;
class JobStore;

// `cronhelmctl job …`: create, change, inspect and operate jobs, addressed by name.
class JobCommands
{
public:
    static CommandGroup group();

private:
    static int add(const CtlContext &context, const QStringList &args);
    static int edit(const CtlContext &context, const QStringList &args);
    static int list(const CtlContext &context, const QStringList &args);
    static int show(const CtlContext &context, const QStringList &args);

    // The shape shared by pause, resume, delete, run-now and cancel-once: one NAME, look the
    // job up, do one thing, report it.
    using Action = std::function<int(JobStore &jobs, const JobRecord &job)>;
    static int onNamedJob(const CtlContext &context, const QStringList &args,
                          const QString &command, const QString &description, const Action &action);
};

} // namespace Cronhelm
