#include "storeconnection.h"

#include "connectfailure.h"

#include <coretr.h>

#include <libintl.h>
#include <libpq-fe.h>
#include <pqxx/pqxx>

#include <cstring>
#include <utility>
#include <vector>

namespace Cronhelm {

namespace {

class CollectingReceiver : public pqxx::notification_receiver
{
public:
    CollectingReceiver(pqxx::connection_base &c, const std::string &channel,
                       QList<StoreNotification> *sink)
        : pqxx::notification_receiver(c, channel)
        , m_sink(sink)
    {}
    void operator()(const std::string &payload, int) override
    {
        m_sink->append({QString::fromStdString(channel()), QString::fromStdString(payload)});
    }

private:
    QList<StoreNotification> *m_sink;
};

// libpqxx puts the server's whole report into what(): "<SEVERITY>:  msg\nDETAIL:  ...\n
// HINT:  ...". The severity and the labels are translated into the server's and libpq's
// languages ("FEHLER:  ..."), so nothing here looks for words: the primary message is what
// follows the first ":  " of the first line (libpq's layout in every language).
QString primaryMessage(const char *what)
{
    const QString text = QString::fromUtf8(what);
    const QString first = text.section(QLatin1Char('\n'), 0, 0);
    const qsizetype at = first.indexOf(QLatin1String(":  "));
    return (at < 0 ? first : first.mid(at + 3)).trimmed();
}

// The label libpq writes before a part of a report, in the user's language ("TIP:  " for
// "HINT:  " in German). Asked of libpq's own message catalogue ("libpq5-<major>", with the
// message id as libpq formats it, e.g. "HINT:  %s\n") rather than assumed to be English.
QString libpqLabel(const char *format)
{
    const std::string domain = "libpq5-" + std::to_string(PQlibVersion() / 10000);
    return QString::fromUtf8(dgettext(domain.c_str(), format)).section(QLatin1String("%s"), 0, 0);
}

// The hint of a report (a sentence for people, e.g. "Reload the job and apply your changes
// again.").
QString hintOf(const char *what)
{
    static const QString label = libpqLabel("HINT:  %s\n");
    const QStringList lines = QString::fromUtf8(what).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(label))
            return lines.at(i).mid(label.size()).trimmed();
    }
    return {};
}

// The primary message and, when there is one, the hint after it.
QString messageOf(const char *what)
{
    const QString hint = hintOf(what);
    return hint.isEmpty() ? primaryMessage(what) : primaryMessage(what) + QLatin1Char(' ') + hint;
}

// The field an error of the SQL API is about. libpqxx 6 does not expose the error's COLUMN
// field, so the API repeats it in DETAIL as "cronhelm_field=<field>" (0004_domain.sql);
// this is data we put there, not a message, and it reads the same in every language. Only
// a DETAIL line that is exactly that counts: the primary message quotes people's text (a job
// name, a time zone), which may contain "cronhelm_field=" and even a line break. libpq writes
// the DETAIL line after the primary message, so the last such line is the API's.
QString fieldOf(const char *what)
{
    static const QString marker = libpqLabel("DETAIL:  %s\n") + QLatin1String("cronhelm_field=");
    const QStringList lines = QString::fromUtf8(what).split(QLatin1Char('\n'));
    for (qsizetype i = lines.size() - 1; i >= 1; --i) {
        if (lines.at(i).startsWith(marker))
            return lines.at(i).mid(marker.size()).trimmed();
    }
    return {};
}

// Which role a refused call needs, so a refusal says what to ask for. Read from the
// statement that was refused (language-independent), not from the message.
QString roleHintFor(const std::string &query)
{
    static const char *const operatorFns[] = {"cronhelm.run_now", "cronhelm.pause_job",
                                              "cronhelm.resume_job", "cronhelm.cancel_run",
                                              "cronhelm.cancel_once"};
    static const char *const adminFns[] = {"cronhelm.create_job", "cronhelm.update_job",
                                           "cronhelm.delete_job", "cronhelm.restore_job"};
    for (const char *fn : operatorFns) {
        if (query.find(fn) != std::string::npos)
            return CoreTr::tr("This needs the cronhelm_operator or cronhelm_admin role.");
    }
    for (const char *fn : adminFns) {
        if (query.find(fn) != std::string::npos)
            return CoreTr::tr("This needs the cronhelm_admin role.");
    }
    // Anything else (a view, the schema itself): the login lacks the role for it, often
    // any Cronhelm role at all.
    return CoreTr::tr("This needs a Cronhelm role this login does not have: ask an "
                      "administrator to grant it cronhelm_viewer, cronhelm_operator or "
                      "cronhelm_admin.");
}

// libpqxx 6 keeps the libpq handle to itself. This policy connects exactly as
// pqxx::connect_direct does and hands the handle to the StoreConnection being opened on this
// thread, for what only libpq knows (TLS in use, the socket). Reactivation is inhibited, so
// the handle lives as long as the pqxx connection.
thread_local PGconn *t_openedHandle = nullptr;

class RecordingConnect : public pqxx::connect_direct
{
public:
    explicit RecordingConnect(const std::string &options)
        : pqxx::connect_direct(options)
    {}
    handle do_startconnect(handle orig) override
    {
        handle opened = pqxx::connect_direct::do_startconnect(orig);
        t_openedHandle = opened;
        return opened;
    }
};

using RecordingConnection = pqxx::basic_connection_base<RecordingConnect>;

} // namespace

struct StoreConnection::Private
{
    std::unique_ptr<RecordingConnection> connection;
    PGconn *handle = nullptr; // owned by connection
    std::vector<std::unique_ptr<CollectingReceiver>> receivers;
    QList<StoreNotification> pending;
};

StoreConnection::StoreConnection(QString conninfo)
    : d(std::make_unique<Private>())
    , m_conninfo(std::move(conninfo))
{}

StoreConnection::~StoreConnection()
{
    close();
}

Status StoreConnection::open()
{
    close();
    try {
        t_openedHandle = nullptr;
        d->connection = std::make_unique<RecordingConnection>(m_conninfo.toStdString());
        d->handle = std::exchange(t_openedHandle, nullptr);
        // We reconnect knowingly (see the class comment), never silently. libpqxx 6 marks
        // this deprecated because 7 drops reactivation altogether, which is what we want.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        d->connection->inhibit_reactivation(true);
#pragma GCC diagnostic pop
        pqxx::nontransaction setup(*d->connection);
        setup.exec("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; "
                   "SET IntervalStyle = 'iso_8601'; SET application_name = 'cronhelm'");
        setup.commit();
        for (const QString &channel : std::as_const(m_channels)) {
            d->receivers.push_back(std::make_unique<CollectingReceiver>(
                *d->connection, channel.toStdString(), &d->pending));
        }
        return Done{};
    } catch (const std::exception &e) {
        // Nothing was established yet (or it broke during the session setup): say that it
        // cannot connect, not that a connection was lost.
        const bool neverConnected = !d->connection || !d->connection->is_open();
        d->receivers.clear();
        d->connection.reset();
        d->handle = nullptr;
        Error error = errorFromException(e);
        if (error.kind == ErrorKind::Other || neverConnected)
            error.kind = ErrorKind::ConnectionLost;
        if (neverConnected || dynamic_cast<const pqxx::broken_connection *>(&e)) {
            error.message =
                CoreTr::tr("Cannot connect to the database: %1").arg(primaryMessage(e.what()));
            // Whether trying again can help, and what to look at: decided by the server's
            // SQLSTATE and what libpq knows, never by the (translated) message.
            if (neverConnected)
                classifyConnectFailure(m_conninfo, error);
        }
        return error;
    }
}

void StoreConnection::close()
{
    d->receivers.clear();
    d->handle = nullptr;
    if (d->connection) {
        try {
            d->connection->disconnect();
        } catch (const std::exception &) {
            // Closing a dead connection has nothing left to report.
        }
        d->connection.reset();
    }
}

bool StoreConnection::isOpen() const
{
    return d->connection && d->connection->is_open();
}

QString StoreConnection::describeTarget() const
{
    if (!isOpen())
        return CoreTr::tr("(not connected)");
    const char *host = d->connection->hostname();
    const char *db = d->connection->dbname();
    const char *user = d->connection->username();
    return CoreTr::tr("database %1 on %2 as %3")
        .arg(QString::fromUtf8(db ? db : ""), QString::fromUtf8(host ? host : "localhost"),
             QString::fromUtf8(user ? user : ""));
}

StoreTransport StoreConnection::transport() const
{
    StoreTransport out;
    if (!isOpen() || !d->handle)
        return out;
    const char *host = PQhost(d->handle);
    out.localSocket = host && (host[0] == '/' || host[0] == '@');
    out.tls = PQsslInUse(d->handle) == 1;
    if (out.tls) {
        const char *protocol = PQsslAttribute(d->handle, "protocol");
        const char *cipher = PQsslAttribute(d->handle, "cipher");
        out.tlsProtocol = QString::fromUtf8(protocol ? protocol : "");
        out.tlsCipher = QString::fromUtf8(cipher ? cipher : "");
    }
    return out;
}

Status StoreConnection::listen(const QString &channel)
{
    if (!m_channels.contains(channel))
        m_channels.append(channel);
    if (!isOpen())
        return open();
    try {
        d->receivers.push_back(std::make_unique<CollectingReceiver>(
            *d->connection, channel.toStdString(), &d->pending));
        return Done{};
    } catch (const std::exception &e) {
        return mapFailure(e);
    }
}

int StoreConnection::socket() const
{
    return isOpen() ? d->connection->sock() : -1;
}

Result<QList<StoreNotification>> StoreConnection::pollNotifications()
{
    if (!isOpen())
        return makeError(ErrorKind::ConnectionLost, CoreTr::tr("not connected to the database"));
    try {
        d->connection->get_notifs();
    } catch (const std::exception &e) {
        return mapFailure(e);
    }
    QList<StoreNotification> out;
    out.swap(d->pending);
    return out;
}

pqxx::transaction_base *StoreConnection::beginRaw(bool autocommit)
{
    if (autocommit)
        return new pqxx::nontransaction(*d->connection);
    return new pqxx::work(*d->connection);
}

void StoreConnection::abortRaw(pqxx::transaction_base *tx)
{
    if (!tx)
        return;
    try {
        tx->abort();
    } catch (const std::exception &) {
        // The connection may be gone; there is nothing left to abort.
    }
    delete tx;
}

Status StoreConnection::commitRaw(pqxx::transaction_base *tx)
{
    try {
        tx->commit();
        delete tx;
        return Done{};
    } catch (const std::exception &e) {
        delete tx;
        return mapFailure(e);
    }
}

Error StoreConnection::mapFailure(const std::exception &e)
{
    Error error = errorFromException(e);
    if (error.kind == ErrorKind::ConnectionLost || (d->connection && !d->connection->is_open()))
        close();
    return error;
}

Error errorFromException(const std::exception &e)
{
    if (dynamic_cast<const pqxx::broken_connection *>(&e)
        || dynamic_cast<const pqxx::in_doubt_error *>(&e)) {
        return {
            ErrorKind::ConnectionLost,
            CoreTr::tr("The connection to the database was lost: %1").arg(primaryMessage(e.what())),
            QString(), QString()};
    }
    // libpqxx 6 throws these for SQLSTATE class 40 outside the sql_error hierarchy: the
    // transaction lost a race and may simply be retried.
    if (dynamic_cast<const pqxx::serialization_failure *>(&e)
        || dynamic_cast<const pqxx::deadlock_detected *>(&e)) {
        return {ErrorKind::Conflict, messageOf(e.what()), QString(), QString()};
    }
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        std::string state = sql->sqlstate();
        // libpqxx 6 constructs insufficient_privilege without its SQLSTATE.
        if (state.empty() && dynamic_cast<const pqxx::insufficient_privilege *>(&e))
            state = "42501";
        Error error{ErrorKind::Other, messageOf(e.what()), fieldOf(e.what()),
                    QString::fromStdString(state)};
        if (state == "42501") {
            error.kind = ErrorKind::Permission;
            // A shell command refused to an admin names its field (schema 5's trigger).
            const QString hint = error.field == QLatin1String("target_type")
                ? CoreTr::tr("This needs the cronhelm_shell_admin role.")
                : roleHintFor(sql->query());
            error.message = CoreTr::tr("%1. %2").arg(error.message, hint);
        } else if (state == "CHINV" || state.rfind("22", 0) == 0 || state == "23514") {
            error.kind = ErrorKind::BadInput;
        } else if (state == "CHNFD") {
            error.kind = ErrorKind::NotFound;
        } else if (state == "CHCON" || state == "23505" || state == "40001" || state == "40P01") {
            error.kind = ErrorKind::Conflict;
        } else if (state == "CHFEN") {
            error.kind = ErrorKind::Fenced;
        } else if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02"
                   || state == "57P03") {
            error.kind = ErrorKind::ConnectionLost;
        } else if (state.rfind("28", 0) == 0 || state == "3D000") {
            // invalid authorization / password, no such database: a person must act.
            error.kind = ErrorKind::LoginRefused;
        } else if (state == "3F000" || state == "42P01" || state == "42883") {
            error.message = CoreTr::tr("%1 (is the cronhelm schema installed and current? Run "
                                       "\"cronhelmctl migrate\".)")
                                .arg(error.message);
        }
        return error;
    }
    return {ErrorKind::Other, QString::fromUtf8(e.what()).trimmed(), QString(), QString()};
}

QDateTime parsePgTimestamp(const char *text)
{
    // "YYYY-MM-DD HH:MM:SS[.ffffff]+00" (the session runs in UTC).
    if (!text || std::strlen(text) < 19)
        return {};
    auto num = [text](int pos, int len) {
        int v = 0;
        for (int i = 0; i < len; ++i)
            v = v * 10 + (text[pos + i] - '0');
        return v;
    };
    const QDate date(num(0, 4), num(5, 2), num(8, 2));
    int ms = 0;
    int pos = 19;
    if (text[pos] == '.') {
        int digits = 0;
        ++pos;
        while (text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) {
                ms = ms * 10 + (text[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        while (digits < 3) {
            ms *= 10;
            ++digits;
        }
    }
    const QTime time(num(11, 2), num(14, 2), num(17, 2), ms);
    return QDateTime(date, time, Qt::UTC);
}

std::string toPgTimestamp(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace Cronhelm
