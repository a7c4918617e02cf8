#include "sqlprobe.h"

#include <pqxx/pqxx>

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>

namespace Cronhelm::Test {

struct SqlProbe::Session
{
    explicit Session(const std::string &conninfo)
        : connection(conninfo)
    {}
    pqxx::connection connection;
};

SqlProbe::SqlProbe(const QString &conninfo)
    : m_conninfo(conninfo)
{}

SqlProbe::~SqlProbe() = default;

bool SqlProbe::ensureOpen()
{
    if (m_session && m_session->connection.is_open())
        return true;
    m_session.reset();
    try {
        auto session = std::make_unique<Session>(m_conninfo.toStdString());
        pqxx::nontransaction tx(session->connection);
        tx.exec("SET TimeZone = 'UTC'");
        tx.commit();
        m_session = std::move(session);
        return true;
    } catch (const std::exception &e) {
        m_lastError = QString::fromUtf8(e.what()).trimmed();
        return false;
    }
}

Result<QList<QStringList>> SqlProbe::query(const QString &sql)
{
    if (!ensureOpen())
        return makeError(ErrorKind::ConnectionLost, m_lastError);
    try {
        pqxx::nontransaction tx(m_session->connection);
        const pqxx::result r = tx.exec(sql.toStdString());
        tx.commit();
        QList<QStringList> rows;
        for (const pqxx::row &row : r) {
            QStringList cells;
            for (const pqxx::field &f : row)
                cells.append(f.is_null() ? QString() : QString::fromUtf8(f.c_str()));
            rows.append(cells);
        }
        return rows;
    } catch (const pqxx::broken_connection &e) {
        m_session.reset();
        m_lastError = QString::fromUtf8(e.what()).trimmed();
        return makeError(ErrorKind::ConnectionLost, m_lastError);
    } catch (const std::exception &e) {
        // After a server restart the error may also come as an SQL error (57P01) or as
        // "not connected": start the next query on a fresh session, whatever it was.
        m_session.reset();
        m_lastError = QString::fromUtf8(e.what()).trimmed();
        return makeError(ErrorKind::Other, m_lastError);
    }
}

Result<QString> SqlProbe::value(const QString &sql)
{
    Result<QList<QStringList>> rows = query(sql);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().isEmpty())
        return makeError(ErrorKind::NotFound, QStringLiteral("no rows from: %1").arg(sql));
    return rows->first().first();
}

double SqlProbe::number(const QString &sql)
{
    Result<QString> v = value(sql);
    return v ? v->toDouble() : 0.0;
}

bool SqlProbe::waitUntil(const QString &condition, int timeoutMs, int pollMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    m_lastError.clear();
    while (true) {
        Result<QString> v = value(QStringLiteral("SELECT (%1)").arg(condition));
        if (v && *v == QLatin1String("t"))
            return true;
        if (!v)
            m_lastError = v.errorMessage();
        if (deadline.hasExpired())
            return false;
        // Keeps the event loop running: node output, HTTP test servers.
        QTest::qWait(int(std::min<qint64>(pollMs, std::max<qint64>(1, deadline.remainingTime()))));
    }
}

QString SqlProbe::quote(const QString &text)
{
    if (ensureOpen())
        return QString::fromStdString(m_session->connection.quote(text.toStdString()));
    // Standard-conforming strings: doubling quotes is enough for a literal.
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString SqlProbe::timestamp(const QDateTime &instant)
{
    return QStringLiteral("'%1'::timestamptz").arg(instant.toUTC().toString(Qt::ISODateWithMs));
}

qint64 SqlProbe::createJob(const QJsonObject &spec)
{
    const QString json = QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    Result<QString> id =
        value(QStringLiteral("SELECT cronhelm.create_job(%1::jsonb)").arg(quote(json)));
    if (!id) {
        m_lastError = id.errorMessage();
        return 0;
    }
    return id->toLongLong();
}

bool SqlProbe::updateJob(qint64 jobId, const QJsonObject &changes)
{
    const QString json = QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact));
    Result<QString> version =
        value(QStringLiteral("SELECT cronhelm.update_job(%1, (SELECT version FROM cronhelm.jobs "
                             "WHERE id = %1), %2::jsonb)")
                  .arg(jobId)
                  .arg(quote(json)));
    if (!version) {
        m_lastError = version.errorMessage();
        return false;
    }
    return true;
}

} // namespace Cronhelm::Test
