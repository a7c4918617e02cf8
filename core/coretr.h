#pragma once

#include <QCoreApplication>

namespace Cronhelm {

// The one translation context of the core library (non-QObject code).
struct CoreTr
{
    Q_DECLARE_TR_FUNCTIONS(Cronhelm::Core)
};

} // namespace Cronhelm
