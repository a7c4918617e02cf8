#pragma once

#include <local/localstack.h>

#include <QObject>
#include <QPointer>
#include <QString>

namespace Cronhelm {

class StoreClient;

// "Use the local store on this computer", wired once. Starts (or reuses) the LocalStack,
// connects the StoreClient to it when it is ready, and remembers the choice so the next
// start without arguments opens the local store again. The main window and the connection
// dialog only show what it reports, each in its own message bar.
class LocalStoreController : public QObject
{
    Q_OBJECT

public:
    explicit LocalStoreController(StoreClient *client, QObject *parent = nullptr);

    // The stack to start (owned by the caller, who stops it on exit); nullptr: none offered.
    void setStack(LocalStack *stack);
    LocalStack *stack() const { return m_stack; }
    bool isAvailable() const { return m_stack != nullptr; }
    // Between start() and connected() or failed().
    bool isStarting() const { return m_starting; }
    // The client's session is the local store's.
    bool isClientOnLocalStore() const;

    // Starts the stack (or reuses a running one) and connects the client to it; reports
    // progress(), then connected() or failed(). Does nothing without a stack.
    void start();

Q_SIGNALS:
    void progress(const QString &message);
    void connected();
    // The stack could not be started; the message says why, in words for staff.
    void failed(const QString &message);
    // The embedded node stopped by itself while the store stays open.
    void nodeStopped(const QString &message);
    void availabilityChanged(bool available);

private:
    StoreClient *m_client;
    QPointer<LocalStack> m_stack;
    bool m_starting = false;
};

} // namespace Cronhelm
