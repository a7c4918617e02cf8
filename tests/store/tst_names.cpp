// Job names are free text: quotes, backslashes, commas, emoji and SQL-ish text must
// round-trip unchanged through create, list, lookup by name, rename, run history, the CSV
// export and a psql session. Control characters (line breaks, tabs) and text-direction
// overrides are refused, with the field named (tests/domain/tst_jobrules.cpp).

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QBuffer>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestNames : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();

private:
    FunctionDatabase m_db;
};

void TestNames::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("single quote") << QStringLiteral("O'Brien's nightly");
    QTest::newRow("double quotes") << QStringLiteral("the \"big\" sync");
    QTest::newRow("backslashes") << QStringLiteral("C:\\jobs\\sync \\N \\\\");
    QTest::newRow("commas") << QStringLiteral("sync, then report, then mail");
    QTest::newRow("emoji") << QStringLiteral("deploy 🚀 ✅ — Zürich 東京");
    QTest::newRow("everything") << QStringLiteral("\"O'Neil\", \\x 🎉,\"\"");
    QTest::newRow("sql") << QStringLiteral("x'); DROP TABLE cronhelm.jobs; --");
    QTest::newRow("like wildcards") << QStringLiteral("100%_done");
    QTest::newRow("array syntax") << QStringLiteral("{a,b} NULL \"{}\"");
    QTest::newRow("padded") << QStringLiteral("  padded  ");
}

void TestNames::roundTrip()
{
    QFETCH(QString, name);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RunStore runs(connection);

    Result<qint64> id = jobs.create(httpJob(name));
    CH_VERIFY_OK(id);
    // A look-alike must never be confused with it (exact match, no pattern matching).
    const QString lookalike = QString(name).replace(QLatin1Char('%'), QLatin1Char('x')) + u'x';
    Result<qint64> other = jobs.create(httpJob(lookalike));
    CH_VERIFY_OK(other);

    Result<QList<JobRecord>> all = jobs.list();
    CH_VERIFY_OK(all);
    bool listed = false;
    for (const JobRecord &j : *all)
        listed = listed || (j.id == *id && j.spec.name == name);
    QVERIFY(listed);
    Result<JobRecord> found = jobs.byName(name);
    CH_VERIFY_OK(found);
    QCOMPARE(found->id, *id);
    QCOMPARE(found->spec.name, name);
    QCOMPARE(found->spec.toJson().value(QStringLiteral("name")).toString(), name);

    // Rename away and back.
    CH_VERIFY_OK(
        jobs.update(*id, 1, {{QStringLiteral("name"), QString(name + QStringLiteral(" v2"))}}));
    CH_VERIFY_OK(jobs.byName(name + QStringLiteral(" v2")));
    CH_VERIFY_OK(jobs.update(*id, 2, {{QStringLiteral("name"), name}}));
    QCOMPARE(jobs.byName(name)->id, *id);

    // A psql session finds it with a properly quoted literal.
    PsqlSession session(db->conninfoAs(viewer));
    const SqlOutcome looked =
        session.exec(QStringLiteral("SELECT cronhelm.job_id(%1)").arg(session.quote(name)));
    QVERIFY2(looked.ok(), qPrintable(looked.describe()));
    QCOMPARE(looked.value().toLongLong(), *id);
    const SqlOutcome listedRaw = session.exec(
        QStringLiteral("SELECT name FROM cronhelm.job_overview WHERE id = %1").arg(*id));
    QCOMPARE(listedRaw.value(), name);

    // Run history, filtered by the name.
    Result<qint64> run = jobs.runNow(*id);
    CH_VERIFY_OK(run);
    CH_VERIFY_OK(jobs.runNow(*other));
    RunFilter filter;
    filter.jobName = name;
    Result<QList<RunRecord>> history = runs.page(filter, 10);
    CH_VERIFY_OK(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->at(0).id, *run);
    QCOMPARE(history->at(0).job, name);
    Result<RunRecord> byId = runs.byId(*run);
    CH_VERIFY_OK(byId);
    QCOMPARE(byId->job, name);

    // CSV export: one record, the name in the job column exactly.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Result<qint64> exported = runs.exportCsv(filter, out, QStringLiteral("UTC"));
    CH_VERIFY_OK(exported);
    QCOMPARE(*exported, qint64(1));
    QList<QStringList> records;
    QVERIFY2(parseCsv(out.data(), &records), out.data().constData());
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).size(), RunStore::csvColumns().size());
    QCOMPARE(records.at(1).at(0), QString::number(*run));
    QCOMPARE(records.at(1).at(1), name);
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
