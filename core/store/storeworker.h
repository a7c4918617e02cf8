#pragma once

#include <replyguard.h>

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace Cronhelm {

class StoreConnection;

// A thread with a store connection of its own. Work is posted as a function of the
// connection; its result comes back as a value, on the thread of a context object.
//
// This keeps every database call off the caller's event loop (the node's timers and
// processes, the desktop app's GUI thread) while the code that builds queries stays
// ordinary synchronous code. One connection per thread, as libpqxx requires.
class StoreWorker
{
public:
    StoreWorker(const QString &conninfo, const QString &threadName);
    // Finishes the work already posted, then stops the thread.
    ~StoreWorker();
    StoreWorker(const StoreWorker &) = delete;
    StoreWorker &operator=(const StoreWorker &) = delete;

    // Runs work(connection) on the worker thread, then done(result) on the thread that made
    // this worker, unless context has been destroyed by then. context must live on that
    // thread (see replyIfAlive).
    template<typename Work, typename Done>
    void post(QObject *context, Work &&work, Done &&done)
    {
        using R = std::invoke_result_t<Work, StoreConnection &>;
        QPointer<QObject> guard(context);
        StoreConnection *connection = m_connection.get();
        QObject *home = m_home.get();
        QMetaObject::invokeMethod(
            m_receiver,
            [home, guard, connection, work = std::forward<Work>(work),
             done = std::forward<Done>(done)]() mutable {
                replyIfAlive(home, guard, std::make_shared<R>(work(*connection)), std::move(done));
            },
            Qt::QueuedConnection);
    }

    // Runs work(connection) on the worker thread; nothing comes back.
    template<typename Work>
    void post(Work &&work)
    {
        StoreConnection *connection = m_connection.get();
        QMetaObject::invokeMethod(
            m_receiver,
            [connection, work = std::forward<Work>(work)]() mutable { work(*connection); },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_receiver = nullptr; // lives in m_thread
    // Lives on the thread that made this worker; answers are delivered through it. Deleted
    // after the thread has finished all work, so no answer can be posted to it afterwards.
    std::unique_ptr<QObject> m_home = std::make_unique<QObject>();
    std::unique_ptr<StoreConnection> m_connection;
};

} // namespace Cronhelm
