#include "uitestsupport.h"

#include <jobchangesmodel.h>
#include <jobsfilterproxy.h>
#include <jobsmodel.h>
#include <storeclient.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestJobsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void loadsJobsWithPlainWords();
    void followsNotifyWithoutReset();
    void warnsWhenNoNodeHasTheLabels();
    void refusesIncompatibleSchema();
    void viewerSessionKnowsItsRole();
    void reconnectsAfterBackendTerminated();
    void filterProxyMatchesWords_data();
    void filterProxyMatchesWords();
    void jobChangesMaskSecrets();
};

void TestJobsModel::loadsJobsWithPlainWords()
{
    CH_DATABASE(db);
    QVERIFY(createJob(*db,
                      httpJobSpec(QStringLiteral("crm-sync"), QStringLiteral("30 9 * * 1-5"),
                                  QStringLiteral("America/New_York"))));
    QVERIFY(createJob(*db, httpJobSpec(QStringLiteral("billing"), QStringLiteral("*/5 * * * *"))));

    StoreClient client;
    JobsModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QCOMPARE(client.role(), StoreRole::Admin);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), 2);

    const int row = model.rowOfJob(model.jobs().at(0).spec.name == QLatin1String("billing")
                                       ? model.jobs().at(1).id
                                       : model.jobs().at(0).id);
    QCOMPARE(model.index(row, JobsModel::Name).data().toString(), QStringLiteral("crm-sync"));
    const QString schedule = model.index(row, JobsModel::Schedule).data().toString();
    QVERIFY2(schedule.contains(QLatin1String("09:30")), qPrintable(schedule));
    QVERIFY2(schedule.contains(QLatin1String("America/New_York")), qPrintable(schedule));
    QVERIFY(!model.index(row, JobsModel::NextRun).data().toString().isEmpty());
    QCOMPARE(model.index(row, JobsModel::LastResult).data().toString(),
             QStringLiteral("Never ran"));
    QCOMPARE(model.index(row, JobsModel::State).data().toString(), QStringLiteral("Active"));
    QCOMPARE(model.index(row, JobsModel::Owner).data().toString(), QStringLiteral("Data team"));
    QVERIFY(
        !model.index(row, JobsModel::LastResult).data(Qt::DecorationRole).value<QIcon>().isNull());
}

// A job whose run_on labels no live node has waits, queued: the list says so.
void TestJobsModel::warnsWhenNoNodeHasTheLabels()
{
    CH_DATABASE(db);
    QJsonObject spec = httpJobSpec(QStringLiteral("gpu-train"));
    spec.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("gpu")});
    QVERIFY(createJob(*db, spec));
    StoreClient client;
    JobsModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QVERIFY(loaded.wait(5000));
    const QModelIndex state = model.index(0, JobsModel::State);
    QCOMPARE(state.data().toString(), QStringLiteral("Active")); // nodes not known yet
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLiveNodeLabels({QStringList{QStringLiteral("eu")}, QStringList{}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(state.data().toString(), QStringLiteral("No node to run on"));
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(QLatin1String("labels gpu")));
    QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
    model.setLiveNodeLabels({QStringList{QStringLiteral("gpu"), QStringLiteral("eu")}});
    QCOMPARE(state.data().toString(), QStringLiteral("Active"));
}

void TestJobsModel::followsNotifyWithoutReset()
{
    CH_DATABASE(db);
    const qint64 jobId = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    QVERIFY(jobId);

    StoreClient client;
    JobsModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QVERIFY(loaded.wait(5000));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy updated(&model, &JobsModel::jobUpdated);

    // A run starting elsewhere shows within a second.
    FakeNode node(*db);
    QVERIFY(node.start());
    QElapsedTimer clock;
    clock.start();
    const qint64 runId = node.fire(jobId);
    QVERIFY(runId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, JobsModel::LastResult).data().toString(),
                              QStringLiteral("Running"), 1000);
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(model.index(0, JobsModel::LastDuration)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("Running for")));

    // ... and finishing.
    QVERIFY(node.finish(runId, QStringLiteral("failed"), 3));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, JobsModel::LastResult).data().toString(),
                              QStringLiteral("Failed"), 1000);
    QCOMPARE(model.index(0, JobsModel::LastResult).data(JobsModel::StatusRole).value<RunStatus>(),
             RunStatus::Failed);

    // Pausing in another session, a new job, a deleted job.
    CH_VERIFY_OK(db->query(QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(jobId)));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, JobsModel::State).data().toString(),
                              QStringLiteral("Paused"), 1000);
    QCOMPARE(model.index(0, JobsModel::NextRun).data().toString(), QStringLiteral("—"));
    const qint64 second = createJob(*db, httpJobSpec(QStringLiteral("second")));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 1000);
    CH_VERIFY_OK(db->query(QStringLiteral("SELECT cronhelm.delete_job(%1)").arg(second)));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 1000);
    QCOMPARE(resets.count(), 0);
    QVERIFY(updated.count() >= 4);
}

void TestJobsModel::refusesIncompatibleSchema()
{
    CH_DATABASE(db);
    CH_VERIFY_OK(db->query(QStringLiteral(
        "INSERT INTO cronhelm.schema_migrations (version, name) VALUES (999, '0999_future')")));
    StoreClient client;
    QSignalSpy failed(&client, &StoreClient::connectFailed);
    client.connectTo(db->conninfo());
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("999")), qPrintable(message));
    QCOMPARE(client.state(), ConnectionState::Offline);

    StoreClient unreachable;
    QSignalSpy failed2(&unreachable, &StoreClient::connectFailed);
    unreachable.connectTo(QStringLiteral("host=127.0.0.1 port=1 dbname=x user=y"));
    QVERIFY(failed2.wait(10000));
    QVERIFY2(failed2.at(0).at(0).toString().contains(QLatin1String("cannot be reached")),
             qPrintable(failed2.at(0).at(0).toString()));
}

void TestJobsModel::viewerSessionKnowsItsRole()
{
    CH_DATABASE(db);
    QVERIFY(createJob(*db, httpJobSpec(QStringLiteral("crm-sync"))));
    Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(viewer);
    StoreClient client;
    JobsModel model(&client);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QSignalSpy failed(&client, &StoreClient::connectFailed);
    client.connectTo(db->conninfoAs(*viewer));
    QVERIFY2(loaded.wait(10000), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(client.role(), StoreRole::Viewer);
    QCOMPARE(model.rowCount(), 1);
}

void TestJobsModel::reconnectsAfterBackendTerminated()
{
    CH_DATABASE(db);
    const qint64 jobId = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    StoreClient client;
    JobsModel model(&client);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QVERIFY(loaded.wait(5000));

    QSignalSpy states(&client, &StoreClient::stateChanged);
    QSignalSpy connected(&client, &StoreClient::connected);
    CH_VERIFY_OK(db->query(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE application_name = 'cronhelm' AND datname = current_database() "
                       "AND pid <> pg_backend_pid()")));
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty(), 3000);
    QCOMPARE(states.first().first().value<ConnectionState>(), ConnectionState::Reconnecting);
    QVERIFY(connected.wait(10000));
    QCOMPARE(connected.first().first().toBool(), true);
    QCOMPARE(client.state(), ConnectionState::Connected);

    // NOTIFY works again after the reconnect (LISTEN was re-registered).
    CH_VERIFY_OK(db->query(QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(jobId)));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, JobsModel::State).data().toString(),
                              QStringLiteral("Paused"), 2000);
}

void TestJobsModel::filterProxyMatchesWords_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty") << QString() << 2;
    QTest::newRow("name") << QStringLiteral("crm") << 1;
    QTest::newRow("owner, any case") << QStringLiteral("DATA team") << 2;
    QTest::newRow("words in any order") << QStringLiteral("sync crm") << 1;
    QTest::newRow("schedule words") << QStringLiteral("minutes") << 1;
    QTest::newRow("nothing") << QStringLiteral("zzz") << 0;
}

void TestJobsModel::filterProxyMatchesWords()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    CH_DATABASE(db);
    QVERIFY(createJob(*db, httpJobSpec(QStringLiteral("crm-sync"), QStringLiteral("0 9 * * *"))));
    QJsonObject billing = httpJobSpec(QStringLiteral("billing"), QStringLiteral("*/5 * * * *"));
    billing.insert(QStringLiteral("description"), QStringLiteral("Sends the invoices"));
    QVERIFY(createJob(*db, billing));
    StoreClient client;
    JobsModel model(&client);
    JobsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &JobsModel::loaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QVERIFY(loaded.wait(5000));
    proxy.setFilterText(filter);
    QCOMPARE(proxy.rowCount(), rows);
}

// The Changes tab never shows a secret: credential-like values are masked, an ${env:NAME}
// reference (which only names a secret) and ordinary fields are shown, bookkeeping is left
// out.
void TestJobsModel::jobChangesMaskSecrets()
{
    auto row = [](const QString &url, const QString &auth, const QString &webhook, int version) {
        return QJsonObject{
            {QStringLiteral("version"), version},
            {QStringLiteral("updated_at"), QStringLiteral("2026-01-0%1").arg(version)},
            {QStringLiteral("cron_expr"),
             version == 1 ? QStringLiteral("0 7 * * *") : QStringLiteral("0 8 * * *")},
            {QStringLiteral("target"),
             QJsonObject{{QStringLiteral("url"), url},
                         {QStringLiteral("headers"),
                          QJsonObject{{QStringLiteral("Authorization"), auth}}}}},
            {QStringLiteral("notify"), QJsonObject{{QStringLiteral("url"), webhook}}},
        };
    };
    const QJsonObject before = row(QStringLiteral("https://bob:hunter2@example.org/a"),
                                   QStringLiteral("Bearer ${env:CRM_TOKEN}"),
                                   QStringLiteral("https://hooks.example.org/T000/B000/XXXX"), 1);
    const QJsonObject after =
        row(QStringLiteral("https://bob:hunter3@example.org/b"), QStringLiteral("Bearer s3cr3t"),
            QStringLiteral("https://hooks.example.org/T000/B000/YYYY"), 2);
    const QList<JobChangesModel::FieldChange> changes =
        JobChangesModel::fieldChanges(before, after);
    QStringList shown;
    for (const JobChangesModel::FieldChange &c : changes)
        shown.append(QStringLiteral("%1: %2 -> %3").arg(c.field, c.before, c.after));
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QLatin1String("hunter")), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("s3cr3t")), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("XXXX")) && !all.contains(QLatin1String("YYYY")),
             qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("version")) && !all.contains(QLatin1String("updated_at")),
             qPrintable(all));
    QVERIFY2(shown.contains(QStringLiteral("Schedule: 0 7 * * * -> 0 8 * * *")), qPrintable(all));
    QVERIFY2(
        shown.contains(QStringLiteral("Header Authorization: Bearer ${env:CRM_TOKEN} -> ********")),
        qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("example.org/a"))
                 && all.contains(QLatin1String("example.org/b")),
             qPrintable(all));
    QVERIFY2(shown.contains(QStringLiteral("URL: https://bob:********@example.org/a -> "
                                           "https://bob:********@example.org/b")),
             qPrintable(all));
    QCOMPARE(changes.size(), 4); // schedule, URL, header, webhook
}

QTEST_MAIN(TestJobsModel)
#include "tst_jobsmodel.moc"
