#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <memory>
#include <utility>

namespace Cronhelm {

// Hands a result computed on a worker thread back to the object that asked for it, unless
// that object was destroyed meanwhile.
//
// A QPointer may only be read on the thread its object lives on, and an event may only be
// posted to an object that exists; so the worker never touches `context` at all. It posts
// to `home`, an object on the context's thread that outlives every reply in flight (the
// StoreClient, the StoreWorker's own home object), and the pointer is checked there.
template<typename R, typename Done>
void replyIfAlive(QObject *home, const QPointer<QObject> &context, std::shared_ptr<R> result,
                  Done &&done)
{
    QMetaObject::invokeMethod(
        home,
        [context, result = std::move(result), done = std::forward<Done>(done)]() mutable {
            if (context)
                done(std::move(*result));
        },
        Qt::QueuedConnection);
}

} // namespace Cronhelm
