#pragma once

#include <QObject>

class QSocketNotifier;

namespace Cronhelm {

// Turns SIGTERM / SIGINT into a Qt signal on the main thread (self-pipe), so shutdown runs
// as ordinary event-loop code instead of inside a signal handler.
class SignalBridge : public QObject
{
    Q_OBJECT

public:
    explicit SignalBridge(QObject *parent = nullptr);
    ~SignalBridge() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Cronhelm
