#include "connectfailure.h"

#include <libpq-fe.h>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Cronhelm {

namespace {

using Clock = std::chrono::steady_clock;

// The options libpq connects with: those conninfo gives, else libpq's defaults (which the
// PG* environment variables set).
class Options
{
public:
    static std::optional<Options> of(const QString &conninfo)
    {
        char *error = nullptr;
        std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> given(
            PQconninfoParse(conninfo.toUtf8().constData(), &error), &PQconninfoFree);
        PQfreemem(error);
        if (!given)
            return std::nullopt;
        std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> defaults(PQconndefaults(),
                                                                              &PQconninfoFree);
        Options out;
        for (const PQconninfoOption *o = given.get(); o->keyword; ++o) {
            if (o->val && *o->val)
                out.set(o->keyword, o->val);
        }
        for (const PQconninfoOption *o = defaults.get(); o && o->keyword; ++o) {
            if (o->val && *o->val && out.get(o->keyword).empty())
                out.set(o->keyword, o->val);
        }
        return out;
    }

    std::string get(const std::string &key) const
    {
        for (const auto &[k, v] : m_values) {
            if (k == key)
                return v;
        }
        return {};
    }

    void set(const std::string &key, const std::string &value)
    {
        for (auto &[k, v] : m_values) {
            if (k == key) {
                v = value;
                return;
            }
        }
        m_values.emplace_back(key, value);
    }

    // Seconds libpq waits for a server (connect_timeout), within sensible bounds.
    std::chrono::milliseconds timeout() const
    {
        const int seconds = std::atoi(get("connect_timeout").c_str());
        return std::chrono::seconds(seconds <= 0 ? 10 : std::max(seconds, 2));
    }

    const std::vector<std::pair<std::string, std::string>> &values() const { return m_values; }

private:
    std::vector<std::pair<std::string, std::string>> m_values;
};

struct ProbeResult
{
    bool connected = false;
    bool needsPassword = false; // libpq was asked for a password and had none
    bool timedOut = false;      // no answer within connect_timeout
    QString sqlstate;           // the server's code for refusing, when it sent one
};

// The SQLSTATE of a connect failure reported with PQERRORS_SQLSTATE: libpq then ends the
// server's report with a line "...<severity>:  <code>" (the severity translated, the code
// not); a note of its own may follow (where the password came from).
QString sqlstateIn(const char *message)
{
    const QStringList lines = QString::fromUtf8(message).split(QLatin1Char('\n'));
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QString line = lines.at(i).trimmed();
        const qsizetype at = line.lastIndexOf(QLatin1String(":  "));
        const QString code = at < 0 ? QString() : line.mid(at + 3);
        if (code.size() != 5)
            continue;
        const bool isCode = std::all_of(code.cbegin(), code.cend(), [](QChar c) {
            return c.isDigit() || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
        });
        if (isCode)
            return code;
    }
    return {};
}

// One connection attempt with libpq asked for error codes, not sentences.
ProbeResult probe(const Options &options)
{
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &[k, v] : options.values()) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn *conn = PQconnectStartParams(keys.data(), values.data(), 0);
    if (!conn)
        return {};
    PQsetErrorVerbosity(conn, PQERRORS_SQLSTATE);
    ProbeResult result;
    const Clock::time_point deadline = Clock::now() + options.timeout();
    PostgresPollingStatusType state =
        PQstatus(conn) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            break;
        }
        pollfd fd{PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const int ready = ::poll(&fd, 1, int(left.count()));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0)
            state = PQconnectPoll(conn);
    }
    result.connected = PQstatus(conn) == CONNECTION_OK;
    result.needsPassword = PQconnectionNeedsPassword(conn) == 1;
    if (!result.connected)
        result.sqlstate = sqlstateIn(PQerrorMessage(conn));
    PQfinish(conn);
    return result;
}

enum class TlsOffer { Unknown, Offered, Refused };

// Asks the server whether it speaks TLS (PostgreSQL's SSLRequest: eight bytes, answered
// 'S' or 'N'). Nothing else is sent: no user name, no password.
TlsOffer askForTls(const std::string &host, const std::string &port,
                   std::chrono::milliseconds timeout)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (::getaddrinfo(host.c_str(), port.empty() ? "5432" : port.c_str(), &hints, &found) != 0)
        return TlsOffer::Unknown;
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            found->ai_protocol);
    if (fd < 0)
        return TlsOffer::Unknown;
    const auto closeFd = [fd](TlsOffer offer) {
        ::close(fd);
        return offer;
    };
    const int ms = int(timeout.count());
    if (::connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
        pollfd out{fd, POLLOUT, 0};
        int error = 0;
        socklen_t size = sizeof error;
        if (errno != EINPROGRESS || ::poll(&out, 1, ms) != 1
            || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0 || error != 0)
            return closeFd(TlsOffer::Unknown);
    }
    const unsigned char request[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}; // 80877103
    if (::send(fd, request, sizeof request, MSG_NOSIGNAL) != ssize_t(sizeof request))
        return closeFd(TlsOffer::Unknown);
    pollfd in{fd, POLLIN, 0};
    char answer = 0;
    if (::poll(&in, 1, ms) != 1 || ::recv(fd, &answer, 1, 0) != 1)
        return closeFd(TlsOffer::Unknown);
    if (answer == 'S')
        return closeFd(TlsOffer::Offered);
    return closeFd(answer == 'N' ? TlsOffer::Refused : TlsOffer::Unknown);
}

bool reachedTheServer(const ProbeResult &p)
{
    return p.connected || p.needsPassword || !p.sqlstate.isEmpty();
}

// Why TLS failed on this side, for a connection that required it and got no word from the
// server: the field to look at, or empty when it cannot be told.
QString tlsFailure(const Options &options)
{
    const std::string mode = options.get("sslmode");
    const bool verifies = mode == "verify-ca" || mode == "verify-full";
    if (!verifies && mode != "require")
        return {};
    const std::string host =
        options.get("hostaddr").empty() ? options.get("host") : options.get("hostaddr");
    // A socket never uses TLS; several hosts are not told apart here.
    if (host.empty() || host[0] == '/' || host[0] == '@' || host.find(',') != std::string::npos)
        return {};
    switch (askForTls(host, options.get("port"), options.timeout())) {
    case TlsOffer::Refused:
        return QLatin1String(ConnectField::sslMode);
    case TlsOffer::Unknown:
        return {};
    case TlsOffer::Offered:
        break;
    }
    if (!verifies)
        return {};
    QString caFile = QString::fromStdString(options.get("sslrootcert"));
    if (caFile.isEmpty()) // libpq's default
        caFile = QDir::homePath() + QStringLiteral("/.postgresql/root.crt");
    if (!QFileInfo(caFile).isReadable())
        return QLatin1String(ConnectField::caFile);
    if (mode == "verify-full") {
        // The same CA without the name check, and nothing to authenticate with: does the
        // certificate pass then? No password goes to a server that has not proven its name.
        Options relaxed = options;
        relaxed.set("sslmode", "verify-ca");
        relaxed.set("password", "");
        relaxed.set("passfile", "/nonexistent/cronhelm-probe-passfile");
        if (reachedTheServer(probe(relaxed)))
            return QLatin1String(ConnectField::host);
    }
    return QLatin1String(ConnectField::certificate);
}

} // namespace

void classifyConnectFailure(const QString &conninfo, Error &error)
{
    error.kind = ErrorKind::ConnectionLost;
    error.field.clear();
    error.sqlstate.clear();
    const std::optional<Options> options = Options::of(conninfo);
    if (!options)
        return;
    const ProbeResult again = probe(*options);
    if (again.connected)
        return; // the server takes connections now: the first attempt lost a race
    const QString &state = again.sqlstate;
    error.sqlstate = state;
    if (state.startsWith(QLatin1String("28"))) {
        // invalid_password, or invalid_authorization_specification: no such role, no
        // LOGIN, no pg_hba.conf entry (the server does not say which, by design).
        error.kind = ErrorKind::LoginRefused;
        error.field = QLatin1String(state == QLatin1String("28P01") ? ConnectField::password
                                                                    : ConnectField::user);
    } else if (state == QLatin1String("3D000") || state == QLatin1String("42501")) {
        // No such database, or no CONNECT privilege on it.
        error.kind = ErrorKind::LoginRefused;
        error.field = QLatin1String(ConnectField::database);
    } else if (state.isEmpty() && again.needsPassword) {
        error.kind = ErrorKind::LoginRefused;
        error.field = QLatin1String(ConnectField::password);
    } else if (state.isEmpty() && !again.timedOut) {
        // A server that does not answer at all is unreachable; one that does may have
        // failed the TLS checks on this side.
        error.field = tlsFailure(*options);
    }
    // Any other code (53300 too many connections, 57P03 starting up or shutting down, …)
    // comes from a server that is there and may well take the login a moment later.
}

} // namespace Cronhelm
