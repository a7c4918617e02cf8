#pragma once

#include "ctlconnection.h"

#include <QStringList>

namespace Cronhelm {

// `cronhelmctl status`: the cluster — nodes, the executor, its term and lease expiry.
class StatusCommand
{
public:
    explicit StatusCommand(const CtlContext &context);
    int run(const QStringList &args);

private:
    const CtlContext &m_context;
};

} // namespace Cronhelm
