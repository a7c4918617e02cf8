// `cronhelmctl status`: the JSON shape scripts rely on (executor, term, lease_expires_at,
// nodes) and the human summary, for an empty cluster, an executor with a standby (written
// through cronhelm.heartbeat / cronhelm.acquire_lease as nodes do), and an expired lease.

#include "ctlrunner.h"

#include <domain/durationformat.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace Cronhelm::Test;

namespace {

QStringList ctlArgs(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

bool heartbeat(TestDatabase &db, const char *node, const char *host, const char *state)
{
    return db
        .query(QStringLiteral("SELECT cronhelm.heartbeat('%1', '%2', 4242, '0.1.0', now(), now(), "
                              "'%3', 2)")
                   .arg(QLatin1String(node), QLatin1String(host), QLatin1String(state)))
        .ok();
}

QJsonObject statusJson(const TestDatabase &db)
{
    const CtlResult r = runCtlOn(db.conninfo(), ctlArgs({"status", "--json"}));
    if (r.exitCode != 0)
        qWarning("%s", r.describe().constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not one JSON object: %s", r.out.constData());
    return doc.object();
}

} // namespace

class TestCtlStatus : public QObject
{
    Q_OBJECT

private slots:
    void emptyCluster();
    void executorAndStandby();
    void expiredLease();
    void viewerMayLook();
    void agesReadAsInTheApp();
};

void TestCtlStatus::emptyCluster()
{
    CTL_DATABASE(db, QStringLiteral("cli status empty"));
    const QJsonObject s = statusJson(*db);
    QVERIFY(s.contains(QStringLiteral("executor")));
    QVERIFY(s.value(QStringLiteral("executor")).isNull());
    QVERIFY(s.value(QStringLiteral("term")).isDouble());
    QCOMPARE(s.value(QStringLiteral("term")).toInt(), 0);
    QVERIFY(s.contains(QStringLiteral("lease_expires_at")));
    QVERIFY(s.value(QStringLiteral("lease_expires_at")).isNull());
    QVERIFY(s.value(QStringLiteral("nodes")).isArray());
    QCOMPARE(s.value(QStringLiteral("nodes")).toArray().size(), 0);

    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"status"}));
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(QLatin1String("executor: none")), r.describe().constData());
}

void TestCtlStatus::executorAndStandby()
{
    CTL_DATABASE(db, QStringLiteral("cli status executor"));
    QVERIFY(heartbeat(*db, "node-a", "dc1-host", "executor"));
    QVERIFY(heartbeat(*db, "node-b", "dc2-host", "standby"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT cronhelm.acquire_lease('node-a', 30)")).value(),
             QStringLiteral("1"));

    const QJsonObject s = statusJson(*db);
    QCOMPARE(s.value(QStringLiteral("executor")).toString(), QStringLiteral("node-a"));
    QCOMPARE(s.value(QStringLiteral("term")).toInt(), 1);
    const QDateTime expires = QDateTime::fromString(
        s.value(QStringLiteral("lease_expires_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(20));
    QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(40));

    const QJsonArray nodes = s.value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), 2);
    QJsonObject a;
    QJsonObject b;
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        for (const char *key : {"id", "host", "last_seen", "role", "version", "pid"})
            QVERIFY2(n.contains(QLatin1String(key)), key);
        (n.value(QStringLiteral("id")).toString() == QLatin1String("node-a") ? a : b) = n;
    }
    QCOMPARE(a.value(QStringLiteral("host")).toString(), QStringLiteral("dc1-host"));
    QCOMPARE(a.value(QStringLiteral("role")).toString(), QStringLiteral("executor"));
    QCOMPARE(b.value(QStringLiteral("id")).toString(), QStringLiteral("node-b"));
    QCOMPARE(b.value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
    QVERIFY(
        QDateTime::fromString(b.value(QStringLiteral("last_seen")).toString(), Qt::ISODateWithMs)
            .isValid());

    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"status"}));
    CTL_EXPECT_EXIT(r, 0);
    static const QRegularExpression line(
        QStringLiteral("^executor: node-a \\(term 1, lease expires in \\d+(\\.\\d)? s\\)$"));
    QVERIFY2(line.match(r.lines().value(0)).hasMatch(), r.describe().constData());
    QVERIFY2(r.text().contains(QLatin1String("dc2-host")), r.describe().constData());
    QVERIFY2(r.text().contains(QLatin1String("standby")), r.describe().constData());

    // What each node offers and holds: node-b reports labels and capacity, and holds a run.
    QVERIFY(db->query(QStringLiteral(
        "SELECT cronhelm.heartbeat('node-b', 'dc2-host', 4243, '0.1.0', now(), now(), "
        "'standby', 1, 10, ARRAY['gpu','eu'])")));
    const qint64 job = db->scalar(QStringLiteral("SELECT cronhelm.create_job('{\"name\": "
                                                 "\"busy\", \"target_type\": \"shell\", "
                                                 "\"target\": {\"command\": \"true\"}, "
                                                 "\"cron\": \"0 0 1 1 *\"}')"))
                           .value()
                           .toLongLong();
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, "
                                     "scheduled_for, due_at, status, node_id) VALUES (%1, "
                                     "'manual', now(), now(), 'running', 'node-b')")
                          .arg(job)));
    const QJsonArray offered = statusJson(*db).value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &v : offered) {
        const QJsonObject n = v.toObject();
        if (n.value(QStringLiteral("id")).toString() != QLatin1String("node-b"))
            continue;
        QCOMPARE(n.value(QStringLiteral("capacity")).toInt(), 10);
        QCOMPARE(n.value(QStringLiteral("busy")).toInt(), 1);
        QCOMPARE(n.value(QStringLiteral("labels")).toArray(),
                 (QJsonArray{QStringLiteral("gpu"), QStringLiteral("eu")}));
    }
    const CtlResult busy = runCtlOn(db->conninfo(), ctlArgs({"status"}));
    CTL_EXPECT_EXIT(busy, 0);
    QVERIFY2(busy.text().contains(QLatin1String("1 of 10")), busy.describe().constData());
    QVERIFY2(busy.text().contains(QLatin1String("gpu,eu")), busy.describe().constData());
    QVERIFY2(busy.text().contains(QStringLiteral("2 nodes · 1 of 266 slots busy")),
             busy.describe().constData());
}

void TestCtlStatus::expiredLease()
{
    CTL_DATABASE(db, QStringLiteral("cli status expired"));
    QVERIFY(heartbeat(*db, "node-a", "dc1-host", "executor"));
    QCOMPARE(db->scalar(QStringLiteral("SELECT cronhelm.acquire_lease('node-a', 0.05)")).value(),
             QStringLiteral("1"));
    // The 0.05 s lease runs out on the database's clock, the one status reads.
    QTRY_VERIFY_WITH_TIMEOUT(db->scalar(QStringLiteral("SELECT executor IS NULL FROM "
                                                       "cronhelm.executor_lease"))
                                     .value()
                                 == QLatin1String("t"),
                             5000);
    const QJsonObject s = statusJson(*db);
    QVERIFY(s.value(QStringLiteral("executor")).isNull());
    QVERIFY(s.value(QStringLiteral("lease_expires_at")).isNull());
    QCOMPARE(s.value(QStringLiteral("term")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("last_holder")).toString(), QStringLiteral("node-a"));

    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"status"}));
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().startsWith(QLatin1String("executor: none (last holder node-a, term 1, "
                                               "lease expired")),
             r.describe().constData());
}

void TestCtlStatus::viewerMayLook()
{
    CTL_DATABASE(db, QStringLiteral("cli status viewer"));
    QVERIFY(heartbeat(*db, "node-a", "dc1-host", "standby"));
    Cronhelm::Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.ok());
    const CtlResult r = runCtlOn(db->conninfoAs(*viewer), ctlArgs({"status", "--json"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("nodes")).toArray().size(), 1);
}

// A node's last heartbeat reads as the desktop app's cluster view shows it (formatElapsed,
// the one formatter), not in a CLI format of its own ("5420.5 s ago").
void TestCtlStatus::agesReadAsInTheApp()
{
    CTL_DATABASE(db, QStringLiteral("cli status ages"));
    QVERIFY(heartbeat(*db, "node-a", "dc1-host", "standby"));
    QVERIFY(db->query(QStringLiteral("UPDATE cronhelm.nodes SET last_seen = now() - "
                                     "interval '90 minutes 20 seconds' WHERE id = 'node-a'")));
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"status"}));
    CTL_EXPECT_EXIT(r, 0);
    const QString expected =
        QStringLiteral("%1 ago").arg(Cronhelm::formatElapsed((90 * 60 + 20) * 1000));
    QCOMPARE(expected, QStringLiteral("1 h 30 min ago"));
    QVERIFY2(r.text().contains(expected), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlStatus)
#include "tst_ctlstatus.moc"
