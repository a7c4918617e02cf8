#pragma once

// StoreClient::call, for the models that run their own work on the store thread. Kept out
// of storeclient.h because it needs the SessionWorker and, through it, the store's
// connection, which the widgets that include storeclient.h must not see (arch.layering).

#include "sessionworker.h"
#include "storeclient.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>
#include <type_traits>

namespace Cronhelm {

template<typename Work, typename Done>
void StoreClient::call(QObject *context, Work &&work, Done &&done)
{
    using R = std::invoke_result_t<Work &, StoreConnection &>;
    QPointer<QObject> guard(context);
    SessionWorker *worker = m_worker;
    QObject *home = this; // on the GUI thread, and it outlives the store thread
    QMetaObject::invokeMethod(
        worker,
        [worker, home, guard, work = std::forward<Work>(work),
         done = std::forward<Done>(done)]() mutable {
            replyIfAlive(home, guard, std::make_shared<R>(worker->execute<R>(work)),
                         std::move(done));
        },
        Qt::QueuedConnection);
}

} // namespace Cronhelm
