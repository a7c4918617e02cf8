#pragma once

#include "ctlconnection.h"

#include <QStringList>

namespace Cronhelm {

// `cronhelmctl migrate`: installs or upgrades the store schema (idempotent).
class MigrateCommand
{
public:
    explicit MigrateCommand(const CtlContext &context);
    int run(const QStringList &args);

private:
    const CtlContext &m_context;
};

} // namespace Cronhelm
