#pragma once

#include <QCoreApplication>

namespace Cronhelm {

// The one translation context of cronhelmctl (its classes are not QObjects).
struct CtlTr
{
    Q_DECLARE_TR_FUNCTIONS(Cronhelm::Ctl)
};

} // namespace Cronhelm
