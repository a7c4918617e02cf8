#pragma once

#include <QCoreApplication>

namespace Cronhelm {

// The one translation context of the models library (non-QObject code).
struct ModelsTr
{
    Q_DECLARE_TR_FUNCTIONS(Cronhelm::Models)
};

} // namespace Cronhelm
