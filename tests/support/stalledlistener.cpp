#include "stalledlistener.h"

#include <QTcpSocket>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace Cronhelm::Test {

namespace {

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

} // namespace

StalledListener::StalledListener()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_fd, 0) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
    // With a backlog of 0 the accept queue holds one connection; two fillers make sure it
    // is full (the second may stay half-open, which is just as good).
    for (int i = 0; i < 2; ++i) {
        const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        const sockaddr_in to = loopback(m_port);
        ::connect(filler, reinterpret_cast<const sockaddr *>(&to), sizeof to);
        m_fillers.push_back(filler);
    }
}

StalledListener::~StalledListener()
{
    const bool handedOver = m_server != nullptr; // the server closes it
    m_server.reset();
    for (int filler : m_fillers) {
        ::close(filler);
    }
    if (m_fd >= 0 && !handedOver) {
        ::close(m_fd);
    }
}

QUrl StalledListener::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void StalledListener::acceptFromNow()
{
    m_acceptingSinceUs = nowUs();
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            serve(socket);
        }
    });
    m_server->setSocketDescriptor(m_fd); // takes it over, and accepts what is queued
}

void StalledListener::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        QByteArray &request = m_requests[socket];
        const bool first = request.isEmpty();
        if (first) {
            m_arrivalsUs.append(nowUs());
        }
        request.append(socket->readAll());
        if (request.contains("\r\n\r\n") && !m_answered.contains(socket)) {
            m_answered.insert(socket);
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            socket->disconnectFromHost();
        }
        if (first) {
            Q_EMIT requestArrived();
        }
    });
}

} // namespace Cronhelm::Test
