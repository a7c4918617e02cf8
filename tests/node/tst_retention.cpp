// The executor applies the retention policy on its own (docs/semantics.md, "Retention"):
// old runs and their logs go in batches of the configured size while a job keeps firing
// every second, without a missed slot; the last runs of each job stay.

#include "nodetesthelpers.h"

#include <QSet>
#include <QStandardPaths>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class RetentionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sweepsInBatchesWhileFiring();
};

void RetentionTest::sweepsInBatchesWhileFiring()
{
    constexpr int oldRuns = 3000;
    constexpr int keepRuns = 5;
    constexpr int batch = 100;
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.set_retention_policy(30, %1)").arg(keepRuns));
    CH_CREATE_JOB(archive, probe, shellJob(QStringLiteral("archive"), QStringLiteral("true")));
    CH_CREATE_JOB(tick, probe,
                  with(shellJob(QStringLiteral("tick"), QStringLiteral("echo tick"),
                                QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    // 40 days of history for archive, one run a minute, each with two log chunks.
    CH_EXEC(probe,
            QStringLiteral("WITH new AS ("
                           " INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at,"
                           "   created_at, started_at, finished_at, status)"
                           " SELECT %1, 'schedule', t, t, t, t, t + interval '1 second',"
                           "   'succeeded'"
                           "   FROM generate_series(1, %2) g,"
                           "   LATERAL (SELECT now() - interval '40 days' + g * interval"
                           "            '1 minute' AS t) s"
                           " ORDER BY g RETURNING id)"
                           " INSERT INTO cronhelm.run_logs (run_id, seq, stream, data)"
                           " SELECT id, seq, 'stdout', 'old' FROM new, generate_series(0, 1) seq")
                .arg(archive)
                .arg(oldRuns));

    const QString newestSql =
        QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id FROM"
                       " cronhelm.runs WHERE job_id = %1 ORDER BY id DESC LIMIT %2) n")
            .arg(archive)
            .arg(keepRuns);
    CH_VALUE(newest, probe, newestSql);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRONHELM_NODE_TEST_RETENTION_BATCH"), QString::number(batch));
    env.insert(QStringLiteral("CRONHELM_NODE_TEST_RETENTION_REST_MS"), QStringLiteral("500"));
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setLeaseTtl(10);
    node->setEnvironment(env);
    QVERIFY2(node->start(), "cannot start cronhelm-node");
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);

    // Watch the count fall: every value seen is a whole number of batches from the start.
    const QString countSql =
        QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(archive);
    QSet<int> seen;
    QDeadlineTimer deadline(60000);
    int left = oldRuns;
    while (left > keepRuns && !deadline.hasExpired()) {
        left = int(probe.number(countSql));
        seen.insert(left);
        QTest::qWait(10);
    }
    QCOMPARE(left, keepRuns);
    for (int value : std::as_const(seen)) {
        QVERIFY2(value == keepRuns || (oldRuns - value) % batch == 0,
                 qPrintable(QStringLiteral("%1 runs left: not a whole batch").arg(value)));
    }
    QVERIFY2(seen.size() >= 3, "the runs went all at once, not in batches");
    CH_WAIT_LINE(*node, QStringLiteral("retention: deleted %1 runs").arg(oldRuns - keepRuns), 5000,
                 0);

    // The newest five stay (and only they), with their logs; no other log is left behind.
    CH_VALUE(kept, probe,
             QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM cronhelm.runs"
                            " WHERE job_id = %1")
                 .arg(archive));
    QCOMPARE(kept, newest);
    CH_VALUE(logs, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.run_logs l JOIN cronhelm.runs r"
                            " ON r.id = l.run_id WHERE r.job_id = %1")
                 .arg(archive));
    QCOMPARE(logs.toInt(), 2 * keepRuns);

    // tick fired every second throughout, none of its slots missed or late by a second.
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1"
                           " AND status = 'succeeded') >= 3")
                .arg(tick),
            10000);
    CH_VALUE(gaps, probe,
             QStringLiteral("SELECT count(*) FROM (SELECT scheduled_for - lag(scheduled_for)"
                            " OVER (ORDER BY scheduled_for) AS step FROM cronhelm.runs"
                            " WHERE job_id = %1) s WHERE step <> interval '1 second'")
                 .arg(tick));
    QCOMPARE(gaps, QStringLiteral("0"));
    CH_VALUE(late, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1"
                            " AND started_at - scheduled_for >= interval '1 second'")
                 .arg(tick));
    QCOMPARE(late, QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(RetentionTest)
#include "tst_retention.moc"
