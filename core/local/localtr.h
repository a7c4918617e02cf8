#pragma once

#include <QCoreApplication>

namespace Cronhelm {

// The one translation context of the local store library (non-QObject code).
struct LocalTr
{
    Q_DECLARE_TR_FUNCTIONS(Cronhelm::Local)
};

} // namespace Cronhelm
