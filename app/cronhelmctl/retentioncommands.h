#pragma once

#include "commandgroup.h"

namespace Cronhelm {

// `cronhelmctl retention …`: the store-wide retention policy (docs/semantics.md,
// "Retention"). Jobs override it with `job add/edit --keep-days/--keep-runs`.
class RetentionCommands
{
public:
    static CommandGroup group();

private:
    static int show(const CtlContext &context, const QStringList &args);
    static int set(const CtlContext &context, const QStringList &args);
};

} // namespace Cronhelm
