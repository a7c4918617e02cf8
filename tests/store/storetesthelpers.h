#pragma once

// Shared by the store tests (tests/store/tst_*.cpp): fresh databases, job specs, and
// "psql-equivalent" sessions that talk raw SQL as a given login role.

#include <result.h>
#include <store/storeconnection.h>
#include <testdatabase.h>

#include <pqxx/pqxx>

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <domaintesthelpers.h>

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <memory>

namespace Cronhelm::Test {

inline QString kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadInput:
        return QStringLiteral("BadInput");
    case ErrorKind::Permission:
        return QStringLiteral("Permission");
    case ErrorKind::NotFound:
        return QStringLiteral("NotFound");
    case ErrorKind::Conflict:
        return QStringLiteral("Conflict");
    case ErrorKind::ConnectionLost:
        return QStringLiteral("ConnectionLost");
    case ErrorKind::LoginRefused:
        return QStringLiteral("LoginRefused");
    case ErrorKind::Fenced:
        return QStringLiteral("Fenced");
    case ErrorKind::Other:
        return QStringLiteral("Other");
    }
    return QStringLiteral("?");
}

template<typename T>
QString kindOf(const Result<T> &r)
{
    return r.ok() ? QStringLiteral("ok") : kindName(r.errorKind());
}

} // namespace Cronhelm::Test

// QVERIFY that a Result holds a value; otherwise fail with its error message.
#define CH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &chResult_ = (expr);                                                            \
        QVERIFY2(chResult_.ok(), qPrintable(chResult_.errorMessage()));                            \
    } while (false)

// Declares `std::unique_ptr<TestDatabase> var`, a fresh database with the schema installed
// (or empty when `schema` is false), or fails the test.
#define CH_DATABASE_EX(var, label, schema)                                                         \
    std::unique_ptr<Cronhelm::Test::TestDatabase> var;                                             \
    do {                                                                                           \
        auto chDb_ = Cronhelm::Test::TestDatabase::create(label, schema);                          \
        QVERIFY2(chDb_.ok(), qPrintable(chDb_.errorMessage()));                                    \
        var = std::move(chDb_).value();                                                            \
    } while (false)
#define CH_DATABASE(var)                                                                           \
    CH_DATABASE_EX(var, QString::fromLatin1(QTest::currentTestFunction()), true)

// Declares `TestDatabase *var`, the database of the current test function, shared by
// its data rows (see FunctionDatabase).
#define CH_FUNCTION_DATABASE(var, holder)                                                          \
    Cronhelm::Test::TestDatabase *var = nullptr;                                                   \
    do {                                                                                           \
        auto chDb_ = (holder).get();                                                               \
        QVERIFY2(chDb_.ok(), qPrintable(chDb_.errorMessage()));                                    \
        var = *chDb_;                                                                              \
    } while (false)

// Declares `QString var`, a new login role that is a member of `memberOf`.
#define CH_LOGIN_ROLE(var, db, memberOf)                                                           \
    QString var;                                                                                   \
    do {                                                                                           \
        auto chRole_ = (db)->createLoginRole(QStringLiteral(memberOf));                            \
        QVERIFY2(chRole_.ok(), qPrintable(chRole_.errorMessage()));                                \
        var = *chRole_;                                                                            \
    } while (false)

// Declares `QString var`, the first cell of an owner query, or fails the test.
#define CH_SCALAR(var, db, sql)                                                                    \
    QString var;                                                                                   \
    do {                                                                                           \
        auto chScalar_ = (db)->scalar(sql);                                                        \
        QVERIFY2(chScalar_.ok(), qPrintable(chScalar_.errorMessage()));                            \
        var = *chScalar_;                                                                          \
    } while (false)

#define CH_EXEC(db, sql)                                                                           \
    do {                                                                                           \
        auto chQuery_ = (db)->query(sql);                                                          \
        QVERIFY2(chQuery_.ok(), qPrintable(chQuery_.errorMessage()));                              \
    } while (false)

namespace Cronhelm::Test {

// One database per test function, shared by the rows of a data-driven function (creating
// a database costs ~0.2 s; rows that only add their own, uniquely named data need no
// fresh one each). Switching to another function drops the previous database.
class FunctionDatabase
{
public:
    Result<TestDatabase *> get()
    {
        const QByteArray function = QTest::currentTestFunction();
        if (!m_database || function != m_function) {
            m_database.reset();
            Result<std::unique_ptr<TestDatabase>> created =
                TestDatabase::create(QString::fromLatin1(function));
            if (!created)
                return created.error();
            m_database = std::move(created).value();
            m_function = function;
        }
        return m_database.get();
    }
    void reset() { m_database.reset(); }

private:
    std::unique_ptr<TestDatabase> m_database;
    QByteArray m_function;
};

// A minimal valid HTTP job.
inline QJsonObject httpJob(const QString &name, const QString &cron = QStringLiteral("*/5 * * * *"))
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("target_type"), QStringLiteral("http")},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("url"), QStringLiteral("https://hooks.example.org/sync")}}},
        {QStringLiteral("cron"), cron},
    };
}

// A minimal valid shell job.
inline QJsonObject shellJob(const QString &name, const QString &cron = QStringLiteral("0 3 * * *"))
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("target_type"), QStringLiteral("shell")},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("command"), QStringLiteral("true")}}},
        {QStringLiteral("cron"), cron},
    };
}

// What a raw SQL statement did: rows as text, or the server's SQLSTATE and message.
struct SqlOutcome
{
    QString sqlstate; // empty on success
    QString message;
    QList<QStringList> rows;

    bool ok() const { return sqlstate.isEmpty(); }
    QString value() const { return rows.value(0).value(0); }
    QString describe() const
    {
        return ok() ? QStringLiteral("ok") : QStringLiteral("%1: %2").arg(sqlstate, message);
    }
};

// A psql-equivalent session: one libpqxx connection, autocommit, raw SQL text, logged
// in as whichever role the conninfo names.
class PsqlSession
{
public:
    explicit PsqlSession(const QString &conninfo)
    {
        try {
            m_connection = std::make_unique<pqxx::connection>(conninfo.toStdString());
            pqxx::nontransaction tx(*m_connection);
            tx.exec("SET TimeZone = 'UTC'");
        } catch (const std::exception &e) {
            m_error = QString::fromUtf8(e.what()).trimmed();
            m_connection.reset();
        }
    }

    bool isOpen() const { return m_connection && m_connection->is_open(); }
    QString connectError() const { return m_error; }

    SqlOutcome exec(const QString &sql)
    {
        SqlOutcome out;
        if (!m_connection) {
            out.sqlstate = QStringLiteral("08006");
            out.message = m_error;
            return out;
        }
        try {
            pqxx::nontransaction tx(*m_connection);
            const pqxx::result r = tx.exec(sql.toStdString());
            for (const pqxx::row &row : r) {
                QStringList cells;
                for (const pqxx::field &f : row)
                    cells.append(f.is_null() ? QString() : QString::fromUtf8(f.c_str()));
                out.rows.append(cells);
            }
        } catch (const pqxx::sql_error &e) {
            out.sqlstate = QString::fromStdString(e.sqlstate());
            // libpqxx 6 constructs insufficient_privilege without its SQLSTATE.
            if (out.sqlstate.isEmpty() && dynamic_cast<const pqxx::insufficient_privilege *>(&e))
                out.sqlstate = QStringLiteral("42501");
            if (out.sqlstate.isEmpty())
                out.sqlstate = QStringLiteral("?????");
            out.message = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        } catch (const std::exception &e) {
            out.sqlstate = QStringLiteral("08006");
            out.message = QString::fromUtf8(e.what()).trimmed();
        }
        return out;
    }

    // An SQL string literal for `text`, escaped by libpq.
    QString quote(const QString &text) const
    {
        return QString::fromStdString(m_connection->quote(text.toStdString()));
    }

private:
    std::unique_ptr<pqxx::connection> m_connection;
    QString m_error;
};

// Waits (on the connection's socket, via QSocketNotifier) until a notification on
// `channel` with `payload` arrives; returns everything received meanwhile in `seen`.
inline bool waitForNotification(StoreConnection &connection, const QString &channel,
                                const QString &payload, int timeoutMs = 5000,
                                QList<StoreNotification> *seen = nullptr)
{
    // Already received by an earlier wait that was looking for something else?
    if (seen) {
        for (const StoreNotification &n : std::as_const(*seen)) {
            if (n.channel == channel && n.payload == payload)
                return true;
        }
    }
    QSocketNotifier notifier(qintptr(connection.socket()), QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        Result<QList<StoreNotification>> got = connection.pollNotifications();
        if (!got)
            return false;
        bool found = false;
        for (const StoreNotification &n : *got) {
            if (seen)
                seen->append(n);
            if (n.channel == channel && n.payload == payload)
                found = true;
        }
        if (found)
            return true;
        if (deadline.hasExpired())
            return false;
        activated.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

// A strict RFC 4180 reader for the exports: records end in CRLF; quoted fields may hold
// commas, doubled quotes and line breaks. Returns false (and stops) on malformed input.
// Each field remembers whether it was quoted, so NULL (empty, unquoted) and '' ("")
// can be told apart: quoted empty fields come back as an empty, non-null QString,
// unquoted empty ones as a null QString.
inline bool parseCsv(const QByteArray &bytes, QList<QStringList> *records)
{
    QStringList record;
    QByteArray field;
    bool quoted = false;
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    auto endField = [&] {
        if (field.isEmpty())
            record.append(quoted ? QStringLiteral("") : QString());
        else
            record.append(QString::fromUtf8(field));
        field.clear();
        quoted = false;
    };
    while (i < n) {
        if (field.isEmpty() && !quoted && bytes.at(i) == '"') {
            quoted = true;
            ++i;
            while (true) {
                if (i >= n)
                    return false; // unterminated quote
                if (bytes.at(i) == '"') {
                    if (i + 1 < n && bytes.at(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(bytes.at(i++));
            }
            if (i < n && bytes.at(i) != ',' && bytes.at(i) != '\r')
                return false; // text after a closing quote
            continue;
        }
        const char c = bytes.at(i);
        if (c == ',') {
            endField();
            ++i;
        } else if (c == '\r') {
            if (i + 1 >= n || bytes.at(i + 1) != '\n')
                return false; // a bare CR
            endField();
            records->append(record);
            record.clear();
            i += 2;
        } else if (c == '\n' || c == '"') {
            return false; // a bare LF or a quote inside an unquoted field
        } else {
            field.append(c);
            ++i;
        }
    }
    return record.isEmpty() && field.isEmpty(); // the last record ended with CRLF
}

// Waits until the server process `pid` has exited (a closed or terminated session ends
// asynchronously on the server).
inline bool waitForBackendGone(TestDatabase &db, int pid, int timeoutMs = 5000)
{
    return QTest::qWaitFor(
        [&] {
            Result<QString> alive = db.scalar(
                QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(pid));
            return alive && *alive == QLatin1String("0");
        },
        timeoutMs);
}

// The server process of a store connection, or -1.
inline int backendPid(StoreConnection &connection)
{
    Result<int> pid = connection.transact([](pqxx::transaction_base &tx) {
        return tx.exec("SELECT pg_backend_pid()")[0][0].as<int>();
    });
    return pid ? *pid : -1;
}

// Whatever notifications are already queued or arrive within `ms`.
inline QList<StoreNotification> drainNotifications(StoreConnection &connection, int ms = 100)
{
    QList<StoreNotification> all;
    waitForNotification(connection, QStringLiteral("\x01never"), QString(), ms, &all);
    return all;
}

} // namespace Cronhelm::Test
