#include "storeconnection.h"

#include <coretr.h>

#include <pqxx/pqxx>

#include <QRegularExpression>

#include <cstring>
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

// libpqxx puts the server's whole report into what(): "ERROR:  msg\nDETAIL: ...\nHINT: ...".
// Users get the primary message and the hint, not the PL/pgSQL context.
QString serverMessage(const char *what)
{
    const QString text = QString::fromUtf8(what);
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString primary = lines.value(0).trimmed();
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL|PANIC):\\s+"));
    primary.remove(severity);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("HINT:")))
            primary += QLatin1Char(' ') + line.mid(5).trimmed();
    }
    return primary;
}

// Which role a refused function needs, so a refusal says what to ask for.
QString roleHintFor(const QString &message)
{
    static const QRegularExpression fn(QStringLiteral("function (\\w+)"));
    const QString name = fn.match(message).captured(1);
    static const QStringList operatorFns = {
        QStringLiteral("run_now"), QStringLiteral("pause_job"), QStringLiteral("resume_job"),
        QStringLiteral("cancel_run"), QStringLiteral("cancel_once")};
    static const QStringList adminFns = {QStringLiteral("create_job"), QStringLiteral("update_job"),
                                         QStringLiteral("delete_job")};
    if (operatorFns.contains(name))
        return CoreTr::tr("This needs the cronhelm_operator or cronhelm_admin role.");
    if (adminFns.contains(name))
        return CoreTr::tr("This needs the cronhelm_admin role.");
    return {};
}

} // namespace

struct StoreConnection::Private
{
    std::unique_ptr<pqxx::connection> connection;
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
        d->connection = std::make_unique<pqxx::connection>(m_conninfo.toStdString());
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
        Error error = errorFromException(e);
        if (error.kind == ErrorKind::Other || neverConnected)
            error.kind = ErrorKind::ConnectionLost;
        if (neverConnected || dynamic_cast<const pqxx::broken_connection *>(&e)) {
            error.message =
                CoreTr::tr("Cannot connect to the database: %1").arg(serverMessage(e.what()));
        }
        return error;
    }
}

void StoreConnection::close()
{
    d->receivers.clear();
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
            CoreTr::tr("The connection to the database was lost: %1").arg(serverMessage(e.what()))};
    }
    // libpqxx 6 throws these for SQLSTATE class 40 outside the sql_error hierarchy: the
    // transaction lost a race and may simply be retried.
    if (dynamic_cast<const pqxx::serialization_failure *>(&e)
        || dynamic_cast<const pqxx::deadlock_detected *>(&e)) {
        return {ErrorKind::Conflict, serverMessage(e.what())};
    }
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        std::string state = sql->sqlstate();
        // libpqxx 6 constructs insufficient_privilege without its SQLSTATE.
        if (state.empty() && dynamic_cast<const pqxx::insufficient_privilege *>(&e))
            state = "42501";
        const QString message = serverMessage(e.what());
        if (state == "42501") {
            const QString hint = roleHintFor(message);
            return {ErrorKind::Permission,
                    hint.isEmpty() ? message : CoreTr::tr("%1. %2").arg(message, hint)};
        }
        if (state == "CHINV" || state.rfind("22", 0) == 0 || state == "23514")
            return {ErrorKind::BadInput, message};
        if (state == "CHNFD")
            return {ErrorKind::NotFound, message};
        if (state == "CHCON" || state == "23505" || state == "40001" || state == "40P01")
            return {ErrorKind::Conflict, message};
        if (state == "CHFEN")
            return {ErrorKind::Fenced, message};
        if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
            return {ErrorKind::ConnectionLost, message};
        if (state == "3F000" || state == "42P01" || state == "42883") {
            return {ErrorKind::Other,
                    CoreTr::tr("%1 (is the cronhelm schema installed and current? Run "
                               "\"cronhelmctl migrate\".)")
                        .arg(message)};
        }
        return {ErrorKind::Other, message};
    }
    return {ErrorKind::Other, QString::fromUtf8(e.what()).trimmed()};
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
