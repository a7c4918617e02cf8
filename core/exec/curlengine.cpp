#include "curlengine.h"

#include <QSocketNotifier>

#include <spdlog/spdlog.h>

#include <mutex>

namespace Cronhelm {

namespace {

void initCurlOnce()
{
    // curl_global_init() must run before any other libcurl call, once per process.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void retire(QSocketNotifier *&notifier)
{
    if (!notifier) {
        return;
    }
    // It may be the one whose activated() we are in: unregister now, delete later.
    notifier->setEnabled(false);
    notifier->deleteLater();
    notifier = nullptr;
}

} // namespace

CurlEngine::CurlEngine(QObject *parent)
    : QObject(parent)
{
    initCurlOnce();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlEngine::socketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlEngine::timerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    // No limit per host or in total (libcurl's defaults, said out loud): every request
    // gets its own connection at once, however many go to one host.
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
    curl_multi_setopt(m_multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

CurlEngine::~CurlEngine()
{
    for (auto &[easy, done] : m_transfers) {
        curl_multi_remove_handle(m_multi, easy);
    }
    m_transfers.clear();
    for (auto &[socket, watch] : m_watches) {
        delete watch.read;
        delete watch.write;
    }
    m_watches.clear();
    curl_multi_cleanup(m_multi);
}

bool CurlEngine::add(CURL *easy, Done done, QString *error)
{
    const CURLMcode code = curl_multi_add_handle(m_multi, easy);
    if (code != CURLM_OK) {
        *error = QString::fromUtf8(curl_multi_strerror(code));
        return false;
    }
    // libcurl asks for a timeout of 0 now (timerCallback): the transfer starts from the
    // event loop, never inside this call.
    m_transfers.emplace(easy, std::move(done));
    return true;
}

void CurlEngine::remove(CURL *easy)
{
    if (m_transfers.erase(easy) == 0) {
        return;
    }
    if (m_insideCurl > 0) {
        spdlog::error("curl engine: a transfer was removed from inside a curl callback");
    }
    curl_multi_remove_handle(m_multi, easy);
}

int CurlEngine::socketCallback(CURL *, curl_socket_t socket, int what, void *engine, void *)
{
    auto *self = static_cast<CurlEngine *>(engine);
    if (what == CURL_POLL_REMOVE) {
        self->unwatch(socket);
    } else {
        self->watch(socket, what);
    }
    return 0;
}

int CurlEngine::timerCallback(CURLM *, long timeoutMs, void *engine)
{
    auto *self = static_cast<CurlEngine *>(engine);
    if (timeoutMs < 0) {
        self->m_timer.stop();
    } else {
        self->m_timer.start(int(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
    }
    return 0;
}

void CurlEngine::watch(curl_socket_t socket, int what)
{
    Watch &w = m_watches[socket];
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead && !w.read) {
        w.read = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(w.read, &QSocketNotifier::activated, this,
                [this, socket] { act(socket, CURL_CSELECT_IN); });
    } else if (!wantRead) {
        retire(w.read);
    }
    if (wantWrite && !w.write) {
        w.write = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(w.write, &QSocketNotifier::activated, this,
                [this, socket] { act(socket, CURL_CSELECT_OUT); });
    } else if (!wantWrite) {
        retire(w.write);
    }
}

void CurlEngine::unwatch(curl_socket_t socket)
{
    const auto it = m_watches.find(socket);
    if (it == m_watches.end()) {
        return;
    }
    retire(it->second.read);
    retire(it->second.write);
    m_watches.erase(it);
}

void CurlEngine::act(curl_socket_t socket, int events)
{
    int running = 0;
    ++m_insideCurl;
    curl_multi_socket_action(m_multi, socket, events, &running);
    --m_insideCurl;
    collectFinished();
}

void CurlEngine::collectFinished()
{
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE) {
            continue;
        }
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        const auto it = m_transfers.find(easy);
        if (it == m_transfers.end()) {
            continue; // removed meanwhile
        }
        Done done = std::move(it->second);
        m_transfers.erase(it);
        curl_multi_remove_handle(m_multi, easy);
        // May add transfers or remove others; curl_multi_info_read copes with both.
        done(result);
    }
}

} // namespace Cronhelm
