#pragma once

#include <QObject>
#include <QTimer>

#include <curl/curl.h>

#include <functional>
#include <unordered_map>

class QSocketNotifier;

namespace Cronhelm {

// Drives any number of HTTP transfers at once on the thread it lives in: one libcurl multi
// handle whose sockets and timeout are watched by the Qt event loop (QSocketNotifier and a
// QTimer, through CURLMOPT_SOCKETFUNCTION / CURLMOPT_TIMERFUNCTION), so a target thread's
// event loop also runs its requests. Unlike QNetworkAccessManager (at most 6 connections per
// host in Qt 6.4, the rest wait in a queue nobody sees) there is no limit per host or in
// total: a transfer added here starts connecting on the next turn of the event loop.
//
// Single-threaded: every call, and every transfer's curl callbacks, happen on this object's
// thread. The curl callbacks of a transfer run inside the engine; they must not add or
// remove transfers (libcurl forbids it) — a transfer's `Done` runs outside them and may.
class CurlEngine final : public QObject
{
    Q_OBJECT

public:
    // Called once when a transfer ends (the handle is out of the engine by then). It may
    // add new transfers and destroy the handle's owner.
    using Done = std::function<void(CURLcode result)>;

    explicit CurlEngine(QObject *parent = nullptr);
    // Transfers still in the engine are taken out without their Done; their owners clean
    // up their easy handles.
    ~CurlEngine() override;
    CurlEngine(const CurlEngine &) = delete;
    CurlEngine &operator=(const CurlEngine &) = delete;

    // Starts a configured easy handle (the caller keeps owning it and must not clean it up
    // before Done or remove()). Nothing happens inside this call: the transfer begins from
    // the event loop. Returns libcurl's error text on failure.
    bool add(CURL *easy, Done done, QString *error);
    // Stops a transfer at once, without its Done. Not from inside a curl callback.
    void remove(CURL *easy);

    qsizetype transfers() const { return qsizetype(m_transfers.size()); }

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int socketCallback(CURL *easy, curl_socket_t socket, int what, void *engine, void *);
    static int timerCallback(CURLM *multi, long timeoutMs, void *engine);
    void watch(curl_socket_t socket, int what);
    void unwatch(curl_socket_t socket);
    void act(curl_socket_t socket, int events);
    void collectFinished();

    CURLM *m_multi = nullptr;
    QTimer m_timer{this}; // libcurl's own timeouts; parented so moveToThread() takes it
    std::unordered_map<CURL *, Done> m_transfers;
    std::unordered_map<curl_socket_t, Watch> m_watches;
    int m_insideCurl = 0;
};

} // namespace Cronhelm
