#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpSocket;

namespace Cronhelm::Test {

// A TCP port on 127.0.0.1 that a client cannot connect to until the test says so: it
// listens with a backlog of 0 and a connection of its own fills the accept queue, so the
// kernel drops every further SYN (the client retries it later, as with a host that is down).
// acceptFromNow() starts accepting: the client's next SYN retry gets through, and each
// request is answered "200 ok" with the instant its first bytes arrived recorded.
// Deterministic on Linux (net.ipv4.tcp_abort_on_overflow = 0, the default).
class StalledListener : public QObject
{
    Q_OBJECT

public:
    StalledListener();
    ~StalledListener() override;

    bool isListening() const { return m_fd >= 0; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;

    void acceptFromNow();
    // When acceptFromNow() was called and when each request's first bytes were read,
    // microseconds since the epoch (system clock).
    qint64 acceptingSinceUs() const { return m_acceptingSinceUs; }
    QList<qint64> arrivalsUs() const { return m_arrivalsUs; }

Q_SIGNALS:
    void requestArrived();

private:
    void serve(QTcpSocket *socket);

    int m_fd = -1;
    quint16 m_port = 0;
    std::vector<int> m_fillers;
    std::unique_ptr<QTcpServer> m_server;
    qint64 m_acceptingSinceUs = 0;
    QList<qint64> m_arrivalsUs;
    QHash<QTcpSocket *, QByteArray> m_requests; // for tests: a few, never cleaned up
    QSet<QTcpSocket *> m_answered;
};

} // namespace Cronhelm::Test
