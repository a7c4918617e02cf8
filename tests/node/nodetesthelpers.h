#pragma once

// Shared by the node tests (tests/node/tst_*.cpp): databases, job specs, node processes
// and the lines they log.

#include "nodeprocess.h"
#include "sqlprobe.h"

#include <testdatabase.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <cstdio>
#include <limits>

#include <memory>

// QVERIFY that a Result holds a value; otherwise fail with its error message.
#define CH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &chResult_ = (expr);                                                            \
        QVERIFY2(chResult_.ok(), qPrintable(chResult_.errorMessage()));                            \
    } while (false)

// Declares `std::unique_ptr<TestDatabase> var`, a fresh database with the schema installed
// and named after the test function, or fails the test.
#define CH_DATABASE(var)                                                                           \
    std::unique_ptr<Cronhelm::Test::TestDatabase> var;                                             \
    do {                                                                                           \
        auto chDb_ =                                                                               \
            Cronhelm::Test::createDatabase(QString::fromLatin1(QTest::currentTestFunction()));     \
        QVERIFY2(chDb_.ok(), qPrintable(chDb_.errorMessage()));                                    \
        var = std::move(chDb_).value();                                                            \
    } while (false)

// Waits until the SQL condition holds, or fails the test naming it.
#define CH_WAIT(probe, condition, timeoutMs)                                                       \
    do {                                                                                           \
        const QString chCondition_ = (condition);                                                  \
        QVERIFY2((probe).waitUntil(chCondition_, (timeoutMs)),                                     \
                 qPrintable(QStringLiteral("not within %1 ms: %2 (last error: %3)")                \
                                .arg(timeoutMs)                                                    \
                                .arg(chCondition_, (probe).lastError())));                         \
    } while (false)

// Declares `QString var`, the first cell of a probe query, or fails the test.
#define CH_VALUE(var, probe, sql)                                                                  \
    QString var;                                                                                   \
    do {                                                                                           \
        auto chValue_ = (probe).value(sql);                                                        \
        QVERIFY2(chValue_.ok(), qPrintable(chValue_.errorMessage()));                              \
        var = *chValue_;                                                                           \
    } while (false)

#define CH_EXEC(probe, sql)                                                                        \
    do {                                                                                           \
        auto chQuery_ = (probe).query(sql);                                                        \
        QVERIFY2(chQuery_.ok(), qPrintable(chQuery_.errorMessage()));                              \
    } while (false)

// Declares `qint64 var`, the id of a new job, or fails the test.
#define CH_CREATE_JOB(var, probe, spec)                                                            \
    qint64 var = (probe).createJob(spec);                                                          \
    QVERIFY2(var > 0, qPrintable((probe).lastError()))

// Declares `std::unique_ptr<NodeProcess> var`, a started node, or fails the test.
#define CH_START_NODE(var, conninfo, id, ttl)                                                      \
    auto var = std::make_unique<Cronhelm::Test::NodeProcess>((conninfo), (id));                    \
    var->setLeaseTtl(ttl);                                                                         \
    QVERIFY2(var->start(), "cannot start cronhelm-node")

// Waits until `node` logs a line matching `pattern` (from line `from` on), or fails.
#define CH_WAIT_LINE(node, pattern, timeoutMs, from)                                               \
    QVERIFY2((node).waitForLine(QString(pattern), (timeoutMs), (from)).hasMatch(),                 \
             qPrintable(QStringLiteral("node %1 did not log /%2/ within %3 ms")                    \
                            .arg((node).nodeId(), QString(pattern))                                \
                            .arg(timeoutMs)))

// Declares `quint32 var`, the seed of a randomised test: CRONHELM_TEST_SEED when set (to
// replay a failure), else a fresh one; printed either way. A seed that is not a whole number
// from 0 to 4294967295 fails the test rather than replaying something else.
#define CH_TEST_SEED(var)                                                                          \
    quint32 var = 0;                                                                               \
    do {                                                                                           \
        QString chSeedError_;                                                                      \
        QVERIFY2(Cronhelm::Test::readTestSeed(&var, &chSeedError_), qPrintable(chSeedError_));     \
        std::fprintf(stderr, "%s %s: seed %u (replay with %s=%u)\n", QTest::currentAppName(),      \
                     QTest::currentTestFunction(), var, Cronhelm::Test::seedVariable, var);        \
    } while (false)

namespace Cronhelm::Test {

// The environment variable that replays a randomised test (CH_TEST_SEED).
inline constexpr const char *seedVariable = "CRONHELM_TEST_SEED";

inline bool readTestSeed(quint32 *seed, QString *error)
{
    if (!qEnvironmentVariableIsSet(seedVariable)) {
        *seed = QRandomGenerator::system()->generate();
        return true;
    }
    const QString text = qEnvironmentVariable(seedVariable).trimmed();
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok, 10);
    if (!ok || value > std::numeric_limits<quint32>::max()) {
        *error = QStringLiteral("%1=\"%2\" is not a seed: give the number a failed run printed.")
                     .arg(QLatin1String(seedVariable), text);
        return false;
    }
    *seed = quint32(value);
    return true;
}

// TestDatabase::create(label), tried again when it lost the race for the cluster-wide
// roles: the schema's first migration creates them if they do not exist, and two test
// processes migrating their databases at the same moment can both find them missing.
inline Result<std::unique_ptr<TestDatabase>> createDatabase(const QString &label)
{
    for (int attempt = 1;; ++attempt) {
        Result<std::unique_ptr<TestDatabase>> db = TestDatabase::create(label);
        if (db || attempt == 3
            || !db.errorMessage().contains(QLatin1String("pg_authid_rolname_index"))) {
            return db;
        }
    }
}

// What cronhelm-node logs (app/cronhelm-node, core/node).
inline QString executorLine()
{
    return QStringLiteral("lease: this node is now the executor \\(term (\\d+)\\)");
}
// The executor has loaded the jobs and is firing.
inline QString loadedLine()
{
    return QStringLiteral("executor: term (\\d+): \\d+ jobs loaded");
}
inline QString connectedLine()
{
    return QStringLiteral("control: connected");
}
inline QString stoppedFiringLine(qint64 term)
{
    return QStringLiteral("executor: stopped firing \\(term %1\\)").arg(term);
}

inline QJsonObject with(QJsonObject spec, const QString &key, const QJsonValue &value)
{
    spec.insert(key, value);
    return spec;
}

// A cron expression (6 fields) that fires only at `instant` (UTC, whole second) this year.
inline QString cronAt(const QDateTime &instant)
{
    const QDateTime t = instant.toUTC();
    return QStringLiteral("%1 %2 %3 %4 %5 *")
        .arg(t.time().second())
        .arg(t.time().minute())
        .arg(t.time().hour())
        .arg(t.date().day())
        .arg(t.date().month());
}

// The first whole second at least `leadMs` from now (UTC).
inline QDateTime wholeSecondAfter(int leadMs)
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch() + leadMs;
    return QDateTime::fromMSecsSinceEpoch((ms / 1000 + 1) * 1000, QTimeZone::utc());
}

// A cron expression that never fires during a test run.
inline QString never()
{
    return QStringLiteral("0 0 1 1 *");
}

// A shell job (the database's defaults for everything not given).
inline QJsonObject shellJob(const QString &name, const QString &command,
                            const QString &cron = never())
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("target_type"), QStringLiteral("shell")},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("command"), command}}},
        {QStringLiteral("cron"), cron},
    };
}

inline QJsonObject httpJob(const QString &name, const QJsonObject &target,
                           const QString &cron = never())
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("target_type"), QStringLiteral("http")},
        {QStringLiteral("target"), target},
        {QStringLiteral("cron"), cron},
    };
}

// The exactly-once checks of the chaos tests (every-second jobs, nodes killed at random).
// How many (job, slot) pairs ran more than once, whatever the attempt or trigger.
inline QString slotsRunTwiceSql()
{
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM cronhelm.runs WHERE status IN "
                          "('running', 'succeeded') GROUP BY job_id, scheduled_for HAVING "
                          "count(*) > 1) d");
}

// The seconds between each job's first and last slot that have no row ("job@instant"), for
// the jobs in `jobList` ("1,2,3").
inline Result<QStringList> missingSlots(SqlProbe &probe, const QString &jobList)
{
    Result<QList<QStringList>> gaps = probe.query(
        QStringLiteral("WITH bounds AS (SELECT job_id, min(scheduled_for) AS lo, "
                       "max(scheduled_for) AS hi FROM cronhelm.runs WHERE job_id IN (%1) GROUP "
                       "BY job_id) SELECT b.job_id, s FROM bounds b, generate_series(b.lo, b.hi, "
                       "interval '1 second') s WHERE NOT EXISTS (SELECT 1 FROM cronhelm.runs r "
                       "WHERE r.job_id = b.job_id AND r.scheduled_for = s AND r.trigger IN "
                       "('schedule', 'catch_up')) ORDER BY 1, 2")
            .arg(jobList));
    if (!gaps)
        return gaps.error();
    QStringList missing;
    for (const QStringList &row : *gaps)
        missing.append(row.join(QLatin1Char('@')));
    return missing;
}

} // namespace Cronhelm::Test
