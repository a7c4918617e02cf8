#pragma once

// Shared by the desktop app's tests (tests/ui): databases with sample jobs, a stand-in for
// the node that records runs and logs through the node's own SQL API, and waiting helpers.

#include <result.h>
#include <store/jobstore.h>
#include <store/storeconnection.h>
#include <storeclient.h>
#include <testdatabase.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#define CH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &chResult_ = (expr);                                                            \
        QVERIFY2(chResult_.ok(), qPrintable(chResult_.errorMessage()));                            \
    } while (false)

#define CH_DATABASE(var)                                                                           \
    std::unique_ptr<Cronhelm::Test::TestDatabase> var;                                             \
    do {                                                                                           \
        auto chDb_ = Cronhelm::Test::TestDatabase::create(                                         \
            QString::fromLatin1(QTest::currentTestFunction()));                                    \
        QVERIFY2(chDb_.ok(), qPrintable(chDb_.errorMessage()));                                    \
        var = std::move(chDb_).value();                                                            \
    } while (false)

namespace Cronhelm::Test {

// A private XDG runtime dir and test-mode settings, so tests never touch the user's files.
inline void prepareGuiTestEnvironment()
{
    static QTemporaryDir runtime;
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    QStandardPaths::setTestModeEnabled(true);
}

// Connects the app's store client and waits for it (false after 10 s).
inline bool connectClient(StoreClient &client, const QString &conninfo)
{
    QSignalSpy connected(&client, &StoreClient::connected);
    client.connectTo(conninfo);
    return connected.wait(10000);
}

// Connects the client as a new login that is a member of `memberOf` (cronhelm_viewer, …).
inline bool connectClientAs(StoreClient &client, TestDatabase &db, const QString &memberOf)
{
    const Result<QString> login = db.createLoginRole(memberOf);
    if (!login) {
        qWarning("cannot create a login in %s: %s", qPrintable(memberOf),
                 qPrintable(login.errorMessage()));
        return false;
    }
    return connectClient(client, db.conninfoAs(*login));
}

inline QJsonObject httpJobSpec(const QString &name,
                               const QString &cron = QStringLiteral("*/5 * * * *"),
                               const QString &zone = QStringLiteral("Europe/Berlin"))
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("owner"), QStringLiteral("Data team")},
        {QStringLiteral("description"), QStringLiteral("Syncs the CRM")},
        {QStringLiteral("target_type"), QStringLiteral("http")},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("url"), QStringLiteral("https://example.org/hook")}}},
        {QStringLiteral("cron"), cron},
        {QStringLiteral("time_zone"), zone},
    };
}

// Creates a job as the schema owner; returns its id (0 on failure, with a test failure).
inline qint64 createJob(TestDatabase &db, const QJsonObject &spec)
{
    StoreConnection connection(db.conninfo());
    JobStore jobs(connection);
    Result<qint64> id = jobs.create(spec);
    if (!id) {
        qWarning("createJob: %s", qPrintable(id.errorMessage()));
        return 0;
    }
    return *id;
}

// What cronhelm-node does with a run, through the node's SQL API (fire_slots, claim_run,
// append_log, finish_run), so every NOTIFY the app listens to is sent for real.
class FakeNode
{
public:
    explicit FakeNode(TestDatabase &db, QString id = QStringLiteral("node-test"))
        : m_db(db)
        , m_id(std::move(id))
    {}

    bool start()
    {
        const QString hb =
            QStringLiteral("SELECT cronhelm.heartbeat('%1', 'host-a', 4242, '0.1.0', now(), "
                           "now(), 'executor', 0)")
                .arg(m_id);
        if (!m_db.query(hb))
            return false;
        Result<QString> term =
            m_db.scalar(QStringLiteral("SELECT cronhelm.acquire_lease('%1', 60)").arg(m_id));
        if (!term || term->isEmpty())
            return false;
        m_term = term->toLongLong();
        return true;
    }
    qint64 term() const { return m_term; }

    // A scheduled slot fired now; returns the run id.
    qint64 fire(qint64 jobId)
    {
        Result<QString> run = m_db.scalar(
            QStringLiteral("SELECT run_id FROM cronhelm.fire_slots('%1', %2, ARRAY[%3]::bigint[],"
                           " ARRAY[date_trunc('second', now())], ARRAY['schedule'],"
                           " ARRAY['running'], ARRAY[NULL]::text[])")
                .arg(m_id)
                .arg(m_term)
                .arg(jobId));
        return run ? run->toLongLong() : 0;
    }
    bool claim(qint64 runId)
    {
        Result<QString> ok = m_db.scalar(QStringLiteral("SELECT cronhelm.claim_run('%1', %2, %3)")
                                             .arg(m_id)
                                             .arg(m_term)
                                             .arg(runId));
        return ok && *ok == QLatin1String("t");
    }
    bool log(qint64 runId, int seq, const QString &text,
             const QString &stream = QStringLiteral("stdout"))
    {
        QString quoted = text;
        quoted.replace(QLatin1Char('\''), QLatin1String("''"));
        return bool(m_db.query(QStringLiteral("SELECT cronhelm.append_log(%1, ARRAY[%2], "
                                              "ARRAY['%3'], ARRAY[E'%4'])")
                                   .arg(runId)
                                   .arg(seq)
                                   .arg(stream, quoted)));
    }
    bool finish(qint64 runId, const QString &status, int exitCode = 0, bool truncated = false)
    {
        return bool(m_db.query(
            QStringLiteral("SELECT cronhelm.finish_run('%1', %2, '%3', %4, NULL, %5, 100, %6)")
                .arg(m_id)
                .arg(runId)
                .arg(status)
                .arg(exitCode)
                .arg(status == QLatin1String("succeeded")
                         ? QStringLiteral("NULL")
                         : QStringLiteral("'exit code %1'").arg(exitCode))
                .arg(truncated ? QStringLiteral("true") : QStringLiteral("false"))));
    }

private:
    TestDatabase &m_db;
    QString m_id;
    qint64 m_term = 0;
};

} // namespace Cronhelm::Test
