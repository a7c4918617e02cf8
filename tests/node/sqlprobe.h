#pragma once

#include <result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Cronhelm::Test {

// The test's own session with a store database (as the superuser that owns the schema,
// TimeZone UTC, autocommit): runs SQL and waits for SQL conditions by polling, while the
// event loop keeps running (so node processes' output and test HTTP servers are served).
// A lost connection is opened again on the next call, so the probe outlives a server
// restart.
class SqlProbe
{
public:
    explicit SqlProbe(const QString &conninfo);
    ~SqlProbe();
    SqlProbe(const SqlProbe &) = delete;
    SqlProbe &operator=(const SqlProbe &) = delete;

    // Rows as text (NULL as a null QString).
    Result<QList<QStringList>> query(const QString &sql);
    // The first cell of the first row; an error when there is no row.
    Result<QString> value(const QString &sql);
    // The first cell as a number (0 when it is not one).
    double number(const QString &sql);

    // Polls `condition` (SQL returning one boolean) every pollMs until it is true.
    // Returns false at the timeout; lastError() then tells the last failure, if any.
    bool waitUntil(const QString &condition, int timeoutMs, int pollMs = 25);
    QString lastError() const { return m_lastError; }

    // An SQL string literal.
    QString quote(const QString &text);
    // A timestamptz literal for an instant.
    static QString timestamp(const QDateTime &instant);

    // cronhelm.create_job(spec): the new job's id, or 0 (lastError() says why).
    qint64 createJob(const QJsonObject &spec);
    // cronhelm.update_job(id, current version, changes): true when it worked.
    bool updateJob(qint64 jobId, const QJsonObject &changes);

private:
    struct Session;
    bool ensureOpen();

    QString m_conninfo;
    std::unique_ptr<Session> m_session;
    QString m_lastError;
};

} // namespace Cronhelm::Test
