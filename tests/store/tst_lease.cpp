// The executor lease: competing nodes (separate connections, so separate server
// processes, started together), renewal, hand-over, crash and freeze take-over, and the
// leadership history the cluster view shows.

#include "storetesthelpers.h"

#include <store/clusterstore.h>
#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <QtTest>

#include <latch>
#include <thread>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// One cronhelm-node's connection to the store.
struct Node
{
    Node(const QString &conninfo, const QString &nodeId)
        : id(nodeId)
        , connection(conninfo)
        , store(connection)
    {}
    QString id;
    StoreConnection connection;
    NodeStore store;

    int backendPid() { return Cronhelm::Test::backendPid(connection); }
};

} // namespace

class TestLease : public QObject
{
    Q_OBJECT

private slots:
    void competingNodes();
    void crashedHolderTakenOverAtOnce();
    void frozenHolderTakenOverAfterExpiry();
    void releaseByOthersIsRefused();
    void clusterStatus();
};

// Rounds of two nodes asking for the lease at the same moment: exactly one wins each
// round, the winner renews under the same term, and after its release the next round's
// winner holds term + 1.
void TestLease::competingNodes()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(role, db, "cronhelm_node");
    Node a(db->conninfoAs(role), QStringLiteral("node-a"));
    Node b(db->conninfoAs(role), QStringLiteral("node-b"));
    Node *nodes[2] = {&a, &b};
    QVERIFY(a.backendPid() > 0);
    QVERIFY(b.backendPid() > 0);

    constexpr int rounds = 6;
    QStringList winners;
    for (int round = 1; round <= rounds; ++round) {
        std::latch start(2);
        Result<std::optional<qint64>> got[2] = {makeError(ErrorKind::Other, {}),
                                                makeError(ErrorKind::Other, {})};
        auto contend = [&](int i) {
            start.arrive_and_wait();
            got[i] = nodes[i]->store.acquireLease(nodes[i]->id, 30);
        };
        std::thread ta(contend, 0);
        std::thread tb(contend, 1);
        ta.join();
        tb.join();
        CH_VERIFY_OK(got[0]);
        CH_VERIFY_OK(got[1]);
        QVERIFY2(got[0]->has_value() != got[1]->has_value(), "exactly one node must win");
        const int w = got[0]->has_value() ? 0 : 1;
        Node &winner = *nodes[w];
        Node &loser = *nodes[1 - w];
        QCOMPARE(**got[w], qint64(round));
        winners.append(winner.id);

        // The winner renews under the same term; the loser keeps getting nothing.
        Result<std::optional<qint64>> renewed = winner.store.acquireLease(winner.id, 30);
        CH_VERIFY_OK(renewed);
        QCOMPARE(renewed->value_or(-1), qint64(round));
        Result<std::optional<qint64>> lost = loser.store.acquireLease(loser.id, 30);
        CH_VERIFY_OK(lost);
        QVERIFY(!lost->has_value());

        // Hand-over: the other node takes over at once under the next term.
        Result<bool> released = winner.store.releaseLease(winner.id);
        CH_VERIFY_OK(released);
        QVERIFY(*released);
        if (round == rounds) {
            Result<std::optional<qint64>> next = loser.store.acquireLease(loser.id, 30);
            CH_VERIFY_OK(next);
            QCOMPARE(next->value_or(-1), qint64(rounds + 1));
            winners.append(loser.id);
        }
    }

    Result<QList<QStringList>> history = db->query(QStringLiteral(
        "SELECT term, holder, coalesce(previous_holder, '-'), reason, coalesce(end_reason, '-'),"
        " (ended_at IS NOT NULL)::text FROM cronhelm.leadership_changes ORDER BY term"));
    CH_VERIFY_OK(history);
    QCOMPARE(history->size(), rounds + 1);
    for (int i = 0; i <= rounds; ++i) {
        const QStringList &row = history->at(i);
        QCOMPARE(row.at(0), QString::number(i + 1));
        QCOMPARE(row.at(1), winners.at(i));
        QCOMPARE(row.at(2), i == 0 ? QStringLiteral("-") : winners.at(i - 1));
        QCOMPARE(row.at(3), i == 0 ? QStringLiteral("first") : QStringLiteral("released"));
        QCOMPARE(row.at(4), i == rounds ? QStringLiteral("-") : QStringLiteral("released"));
        QCOMPARE(row.at(5), i == rounds ? QStringLiteral("false") : QStringLiteral("true"));
    }
}

// The executor's process dies: its session ends and with it the advisory lock, so a
// standby takes over without waiting for the lease to expire.
void TestLease::crashedHolderTakenOverAtOnce()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(role, db, "cronhelm_node");
    Node a(db->conninfoAs(role), QStringLiteral("node-a"));
    Node b(db->conninfoAs(role), QStringLiteral("node-b"));
    Result<std::optional<qint64>> term = a.store.acquireLease(a.id, 60);
    CH_VERIFY_OK(term);
    QCOMPARE(term->value_or(-1), qint64(1));
    Result<std::optional<qint64>> standby = b.store.acquireLease(b.id, 60);
    CH_VERIFY_OK(standby);
    QVERIFY(!standby->has_value());

    const int pid = a.backendPid();
    a.connection.close();
    QVERIFY(waitForBackendGone(*db, pid));

    Result<std::optional<qint64>> taken = b.store.acquireLease(b.id, 60);
    CH_VERIFY_OK(taken);
    QCOMPARE(taken->value_or(-1), qint64(2));
    CH_SCALAR(
        reason, db,
        QStringLiteral("SELECT reason || ',' || previous_holder FROM cronhelm.leadership_changes"
                       " WHERE term = 2"));
    QCOMPARE(reason, QStringLiteral("holder_gone,node-a"));
    CH_SCALAR(ended, db,
              QStringLiteral("SELECT end_reason FROM cronhelm.leadership_changes WHERE term = 1"));
    QCOMPARE(ended, QStringLiteral("holder_gone"));

    // The restarted node A is a standby now.
    Result<std::optional<qint64>> back = a.store.acquireLease(a.id, 60);
    CH_VERIFY_OK(back);
    QVERIFY(!back->has_value());
}

// The executor is frozen (SIGSTOP, network cut): its session lives on, but its lease
// expires. A standby takes over, ends the frozen session, and the lease then stays with
// the new executor: a third node must not take it from under it.
void TestLease::frozenHolderTakenOverAfterExpiry()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(role, db, "cronhelm_node");
    Node a(db->conninfoAs(role), QStringLiteral("node-a"));
    Node b(db->conninfoAs(role), QStringLiteral("node-b"));
    Node c(db->conninfoAs(role), QStringLiteral("node-c"));
    Result<std::optional<qint64>> term = a.store.acquireLease(a.id, 0.4);
    CH_VERIFY_OK(term);
    QCOMPARE(term->value_or(-1), qint64(1));
    const int frozenPid = a.backendPid();

    // (Before expiry a standby gets nothing: see competingNodes.) After expiry a standby
    // takes over, although A's session still holds the advisory lock.
    QVERIFY(QTest::qWaitFor(
        [&] {
            Result<QString> expired = db->scalar(QStringLiteral(
                "SELECT (expires_at <= clock_timestamp())::text FROM cronhelm.lease"));
            return expired && *expired == QLatin1String("true");
        },
        5000));
    Result<std::optional<qint64>> taken = b.store.acquireLease(b.id, 30);
    CH_VERIFY_OK(taken);
    QCOMPARE(taken->value_or(-1), qint64(2));
    CH_SCALAR(reason, db,
              QStringLiteral("SELECT reason FROM cronhelm.leadership_changes WHERE term = 2"));
    QCOMPARE(reason, QStringLiteral("expired"));

    // A's session was ended: when it thaws, it learns that it lost the connection.
    QVERIFY(waitForBackendGone(*db, frozenPid));
    Result<std::optional<qint64>> thawed = a.store.acquireLease(a.id, 30);
    QCOMPARE(kindOf(thawed), QStringLiteral("ConnectionLost"));

    // With A's lock gone and B not yet holding it, C must still see B's valid lease.
    Result<std::optional<qint64>> third = c.store.acquireLease(c.id, 30);
    CH_VERIFY_OK(third);
    QVERIFY2(!third->has_value(), "a third node took over a valid lease");
    // A, reconnected, is a standby too.
    Result<std::optional<qint64>> again = a.store.acquireLease(a.id, 30);
    CH_VERIFY_OK(again);
    QVERIFY(!again->has_value());

    // B renews under its term and holds the lock again: its crash is noticed at once.
    Result<std::optional<qint64>> renewed = b.store.acquireLease(b.id, 30);
    CH_VERIFY_OK(renewed);
    QCOMPARE(renewed->value_or(-1), qint64(2));
    const int bPid = b.backendPid();
    b.connection.close();
    QVERIFY(waitForBackendGone(*db, bPid));
    Result<std::optional<qint64>> next = c.store.acquireLease(c.id, 30);
    CH_VERIFY_OK(next);
    QCOMPARE(next->value_or(-1), qint64(3));
}

void TestLease::releaseByOthersIsRefused()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(role, db, "cronhelm_node");
    Node a(db->conninfoAs(role), QStringLiteral("node-a"));
    Node b(db->conninfoAs(role), QStringLiteral("node-b"));
    CH_VERIFY_OK(a.store.acquireLease(a.id, 30));
    Result<bool> released = b.store.releaseLease(b.id);
    CH_VERIFY_OK(released);
    QVERIFY(!*released);
    Result<std::optional<qint64>> still = a.store.acquireLease(a.id, 30);
    CH_VERIFY_OK(still);
    QCOMPARE(still->value_or(-1), qint64(1));
}

void TestLease::clusterStatus()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(role, db, "cronhelm_node");
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    Node a(db->conninfoAs(role), QStringLiteral("node-a"));
    Node b(db->conninfoAs(role), QStringLiteral("node-b"));
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-60);
    Result<QDateTime> dbNow =
        a.store.heartbeat({a.id, QStringLiteral("host-a"), 101, QStringLiteral("0.1.0"), started},
                          NodeRole::Executor, 3);
    CH_VERIFY_OK(dbNow);
    QVERIFY(qAbs(dbNow->msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
    CH_VERIFY_OK(
        b.store.heartbeat({b.id, QStringLiteral("host-b"), 202, QStringLiteral("0.1.0"), started},
                          NodeRole::Standby, 0));
    CH_VERIFY_OK(a.store.acquireLease(a.id, 30));

    StoreConnection viewerConnection(db->conninfoAs(viewer));
    ClusterStore cluster(viewerConnection);
    Result<ClusterStatus> status = cluster.status();
    CH_VERIFY_OK(status);
    QCOMPARE(status->lease.executor, a.id);
    QCOMPARE(status->lease.lastHolder, a.id);
    QCOMPARE(status->lease.term, qint64(1));
    QVERIFY(status->lease.expiresAt > status->lease.dbNow);
    QVERIFY(status->lease.acquiredAt <= status->lease.renewedAt);
    QCOMPARE(status->nodes.size(), 2);
    QCOMPARE(status->nodes.at(0).id, a.id); // the executor first
    QCOMPARE(status->nodes.at(0).role, NodeRole::Executor);
    QCOMPARE(status->nodes.at(0).host, QStringLiteral("host-a"));
    QCOMPARE(status->nodes.at(0).pid, 101);
    QCOMPARE(status->nodes.at(0).runningJobs, 3);
    QCOMPARE(status->nodes.at(0).startedAt, started);
    QVERIFY(status->nodes.at(0).clockOffsetMs.has_value());
    QVERIFY(qAbs(*status->nodes.at(0).clockOffsetMs) < 5000);
    QCOMPARE(status->nodes.at(1).role, NodeRole::Standby);
    QCOMPARE(status->recentChanges.size(), 1);
    QCOMPARE(status->recentChanges.at(0).holder, a.id);
    QCOMPARE(status->recentChanges.at(0).reason, QStringLiteral("first"));

    // A silent node is "lost"; one that said it stopped is "stopped".
    CH_EXEC(db,
            QStringLiteral("UPDATE cronhelm.nodes SET last_seen = now() - interval '5 minutes'"
                           " WHERE id = 'node-b'"));
    status = cluster.status();
    CH_VERIFY_OK(status);
    QCOMPARE(status->nodes.at(1).role, NodeRole::Lost);
    QVERIFY(status->nodes.at(1).lastSeenAgeSeconds > 290);
    CH_VERIFY_OK(
        b.store.heartbeat({b.id, QStringLiteral("host-b"), 202, QStringLiteral("0.1.0"), started},
                          NodeRole::Stopped, 0));
    status = cluster.status();
    CH_VERIFY_OK(status);
    QCOMPARE(status->nodes.at(1).role, NodeRole::Stopped);

    // After a release there is no executor; the term stays.
    CH_VERIFY_OK(a.store.releaseLease(a.id));
    status = cluster.status();
    CH_VERIFY_OK(status);
    QVERIFY(status->lease.executor.isEmpty());
    QCOMPARE(status->lease.lastHolder, QString());
    QCOMPARE(status->lease.term, qint64(1));
    QCOMPARE(status->nodes.at(0).role, NodeRole::Standby);
    QCOMPARE(status->recentChanges.at(0).endReason, QStringLiteral("released"));
}

QTEST_GUILESS_MAIN(TestLease)
#include "tst_lease.moc"
