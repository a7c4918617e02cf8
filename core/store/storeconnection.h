#pragma once

#include <result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace pqxx {
class transaction_base;
}

namespace Cronhelm {

// How a connection travels, as libpq on this side knows it. Never what the server says of
// itself (pg_stat_ssl, inet_client_addr()): a server posing as the store can claim anything.
struct StoreTransport
{
    bool localSocket = false; // a unix-domain socket (libpq's host is a folder or "@name")
    bool tls = false;         // PQsslInUse
    QString tlsProtocol;      // PQsslAttribute "protocol", e.g. "TLSv1.3"
    QString tlsCipher;        // PQsslAttribute "cipher"
};

struct StoreNotification
{
    QString channel;
    QString payload;
};

// One libpqxx connection to the store, owned by exactly one thread.
//
// The session always runs with TimeZone=UTC and ISO dates so that the store layer can
// parse timestamps without guessing. A lost connection is never re-established behind
// the caller's back (libpqxx's reactivation is inhibited): session state such as the
// executor's advisory lock and LISTEN registrations must be rebuilt knowingly, by open().
class StoreConnection
{
public:
    explicit StoreConnection(QString conninfo);
    ~StoreConnection();
    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    // Connects, or reconnects after a loss. Re-registers the channels from listen().
    Status open();
    void close();
    bool isOpen() const;
    QString conninfo() const { return m_conninfo; }

    // A human description of where this connects, without any password.
    QString describeTarget() const;
    // How the open connection travels (all false when closed).
    StoreTransport transport() const;

    // Runs fn(transaction) in one transaction and commits it. Exceptions from libpqxx are
    // mapped to Error values here; a lost connection is closed so isOpen() tells.
    template<typename Fn>
    auto transact(Fn &&fn) -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>;
    // The same for one statement (a store function call), in autocommit: one round trip
    // instead of three (BEGIN, the statement, COMMIT). For the node's hot path.
    template<typename Fn>
    auto statement(Fn &&fn) -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>;

    // LISTEN on a channel; notifications are collected by pollNotifications().
    Status listen(const QString &channel);
    // The socket to watch for incoming notifications (-1 when closed).
    int socket() const;
    // Reads what arrived on the socket without blocking and returns the notifications.
    Result<QList<StoreNotification>> pollNotifications();

    // For the store classes only.
    pqxx::transaction_base *beginRaw(bool autocommit = false);
    void abortRaw(pqxx::transaction_base *tx);
    Status commitRaw(pqxx::transaction_base *tx);
    Error mapFailure(const std::exception &e);

private:
    template<typename Fn>
    auto run(Fn &&fn, bool autocommit)
        -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>;

    struct Private;
    std::unique_ptr<Private> d;
    QString m_conninfo;
    QStringList m_channels;
};

// Maps an exception thrown by libpqxx (or anything else) to an Error value.
Error errorFromException(const std::exception &e);

// Timestamps in the session's ISO/UTC format, e.g. "2026-03-08 07:30:00.123456+00".
QDateTime parsePgTimestamp(const char *text);
// Instants sent as parameters: ISO-8601 UTC with milliseconds.
std::string toPgTimestamp(const QDateTime &instant);

template<typename Fn>
auto StoreConnection::transact(Fn &&fn)
    -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>
{
    return run(std::forward<Fn>(fn), false);
}

template<typename Fn>
auto StoreConnection::statement(Fn &&fn)
    -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>
{
    return run(std::forward<Fn>(fn), true);
}

template<typename Fn>
auto StoreConnection::run(Fn &&fn, bool autocommit)
    -> Result<decltype(fn(std::declval<pqxx::transaction_base &>()))>
{
    using R = decltype(fn(std::declval<pqxx::transaction_base &>()));
    if (!isOpen()) {
        if (Status opened = open(); !opened)
            return opened.error();
    }
    pqxx::transaction_base *tx = nullptr;
    try {
        tx = beginRaw(autocommit);
        R value = fn(*tx);
        if (Status committed = commitRaw(tx); !committed)
            return committed.error();
        return value;
    } catch (const std::exception &e) {
        abortRaw(tx);
        return mapFailure(e);
    }
}

} // namespace Cronhelm
