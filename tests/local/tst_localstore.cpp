#include "localtesthelpers.h"

#include <local/localstack.h>
#include <local/localstore.h>
#include <store/jobstore.h>
#include <store/migrator.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace Cronhelm;
using namespace Cronhelm::Test;

#define CH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &chResult_ = (expr);                                                            \
        QVERIFY2(chResult_.ok(), qPrintable(chResult_.errorMessage()));                            \
    } while (false)

// The local store against real PostgreSQL server programs, in a private directory
// (CRONHELM_LOCAL_DIR's role is played by the root given to each object). As root the
// server runs as 'postgres' through runuser; as any other user, as that user.
class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultRootFollowsTheEnvironment();
    void freshStartCreatesTheStore();
    void secondStartReusesTheRunningServer();
    void stopThenStartKeepsTheData();
    void missingServerProgramsAreNamed();
    void tooLongSocketPathIsRefused();
    void stackRunsANodeAndStopsWhatItStarted();
    void stackLeavesAServerItDidNotStart();

private:
    std::unique_ptr<LocalRoot> m_root;
    std::unique_ptr<LocalStore> m_first;
};

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject shellJob(const QString &name, const QString &command)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("target_type"), QStringLiteral("shell")},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("command"), command}}},
        {QStringLiteral("cron"), QStringLiteral("0 0 1 1 *")},
    };
}

} // namespace

void TestLocalStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("CRONHELM_PG_BINDIR");
    m_root = std::make_unique<LocalRoot>();
    QVERIFY(m_root->isValid());
}

void TestLocalStore::defaultRootFollowsTheEnvironment()
{
    const QByteArray saved = qgetenv("CRONHELM_LOCAL_DIR");
    qputenv("CRONHELM_LOCAL_DIR", "/tmp/somewhere/cronhelm");
    QCOMPARE(LocalStore::defaultRoot(), QStringLiteral("/tmp/somewhere/cronhelm"));
    QCOMPARE(LocalStore().root(), QStringLiteral("/tmp/somewhere/cronhelm"));
    qunsetenv("CRONHELM_LOCAL_DIR");
    if (::geteuid() == 0) {
        QCOMPARE(LocalStore::defaultRoot(), QStringLiteral("/var/lib/cronhelm-local"));
    } else {
        const QByteArray xdg = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", "/tmp/xdg-data");
        QCOMPARE(LocalStore::defaultRoot(), QStringLiteral("/tmp/xdg-data/cronhelm"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(LocalStore::defaultRoot(),
                 QDir::homePath() + QStringLiteral("/.local/share/cronhelm"));
        if (!xdg.isEmpty())
            qputenv("XDG_DATA_HOME", xdg);
    }
    if (!saved.isEmpty())
        qputenv("CRONHELM_LOCAL_DIR", saved);
}

void TestLocalStore::freshStartCreatesTheStore()
{
    m_first = std::make_unique<LocalStore>(m_root->path());
    QStringList progress;
    CH_VERIFY_OK(m_first->start([&progress](const QString &m) { progress.append(m); }));
    QVERIFY(m_first->createdCluster());
    QVERIFY(m_first->startedServer());
    QVERIFY(m_first->isServerRunning());
    QVERIFY2(progress.join(QLatin1Char('\n')).contains(QLatin1String("Creating the local store")),
             qPrintable(progress.join(QLatin1Char('\n'))));

    // The layout of scripts/local-stack.sh and scripts/pg-local.sh.
    const QString root = m_root->path();
    QVERIFY(QFile::exists(root + QStringLiteral("/store/data/PG_VERSION")));
    QCOMPARE(readFile(root + QStringLiteral("/port")).trimmed().toInt(), m_first->port());
    QCOMPARE(readFile(root + QStringLiteral("/store/port")).trimmed().toInt(), m_first->port());
    QCOMPARE(m_first->conninfo(),
             QStringLiteral("host=%1/store/sock port=%2 user=cronhelm "
                            "dbname=cronhelm")
                 .arg(root)
                 .arg(m_first->port()));

    // The schema is there and a job can be added.
    StoreConnection connection(m_first->conninfo());
    Result<int> version = Migrator(connection).installedVersion();
    CH_VERIFY_OK(version);
    QCOMPARE(*version, Migrator::latestVersion());
    CH_VERIFY_OK(
        JobStore(connection).create(shellJob(QStringLiteral("kept"), QStringLiteral("true"))));
}

void TestLocalStore::secondStartReusesTheRunningServer()
{
    QVERIFY(m_first);
    const QDateTime created =
        QFileInfo(m_root->path() + QStringLiteral("/store/data/PG_VERSION")).lastModified();
    LocalStore second(m_root->path());
    QStringList progress;
    CH_VERIFY_OK(second.start([&progress](const QString &m) { progress.append(m); }));
    QVERIFY(!second.createdCluster());
    QVERIFY(!second.startedServer());
    QVERIFY(progress.join(QLatin1Char('\n')).contains(QLatin1String("already running")));
    QCOMPARE(second.conninfo(), m_first->conninfo());
    QCOMPARE(QFileInfo(m_root->path() + QStringLiteral("/store/data/PG_VERSION")).lastModified(),
             created);
    // It did not start the server, so it does not stop it.
    CH_VERIFY_OK(second.stop());
    QVERIFY(m_first->isServerRunning());
    StoreConnection connection(second.conninfo());
    CH_VERIFY_OK(JobStore(connection).byName(QStringLiteral("kept")));
}

void TestLocalStore::stopThenStartKeepsTheData()
{
    QVERIFY(m_first);
    CH_VERIFY_OK(m_first->stop());
    QVERIFY(!m_first->isServerRunning());
    QVERIFY(!QFile::exists(m_root->path() + QStringLiteral("/store/data/postmaster.pid")));

    LocalStore again(m_root->path());
    CH_VERIFY_OK(again.start());
    QVERIFY(again.startedServer());
    QVERIFY(!again.createdCluster());
    QCOMPARE(again.port(), m_first->port()); // the port file is kept
    {
        StoreConnection connection(again.conninfo());
        CH_VERIFY_OK(JobStore(connection).byName(QStringLiteral("kept")));
    }
    CH_VERIFY_OK(again.stop());
    QVERIFY(!again.isServerRunning());
}

void TestLocalStore::missingServerProgramsAreNamed()
{
    LocalRoot other;
    qputenv("CRONHELM_PG_BINDIR", "/nonexistent/pg/bin");
    LocalStore store(other.path());
    Status started = store.start();
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains(QLatin1String("sudo apt install postgresql")),
             qPrintable(started.errorMessage()));
    QVERIFY(started.errorMessage().contains(QLatin1String("/nonexistent/pg/bin")));
    QVERIFY(!QFile::exists(other.path() + QStringLiteral("/store/data")));

    // The stack says the same, by signal.
    LocalStack::Options options;
    options.root = other.path();
    LocalStack stack(options);
    QSignalSpy failed(&stack, &LocalStack::failed);
    stack.start();
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("sudo apt install")));
    QCOMPARE(stack.state(), LocalStack::State::Stopped);
    qunsetenv("CRONHELM_PG_BINDIR");
}

void TestLocalStore::tooLongSocketPathIsRefused()
{
    LocalRoot other;
    const QString deep = other.path() + QLatin1Char('/') + QString(90, QLatin1Char('x'));
    LocalStore store(deep);
    Status started = store.start();
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains(QLatin1String("at most 107")),
             qPrintable(started.errorMessage()));
    QVERIFY(started.errorMessage().contains(QLatin1String("CRONHELM_LOCAL_DIR")));
    QVERIFY(!QFile::exists(deep + QStringLiteral("/store/data"))); // no initdb ran
}

void TestLocalStore::stackRunsANodeAndStopsWhatItStarted()
{
    LocalRoot root;
    LocalStack::Options options;
    options.root = root.path();
    options.nodeId = QStringLiteral("test-desktop");
    options.shutdownGrace = std::chrono::milliseconds(1000);
    LocalStack stack(options);
    QSignalSpy ready(&stack, &LocalStack::ready);
    QSignalSpy failed(&stack, &LocalStack::failed);
    QSignalSpy progress(&stack, &LocalStack::progress);
    stack.start();
    QVERIFY(stack.isActive());
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(stack.startedServer());
    QVERIFY(stack.createdCluster());
    QVERIFY(progress.count() >= 3);
    const QString conninfo = ready.first().first().toString();
    QCOMPARE(conninfo, stack.conninfo());

    // The embedded node registers and, alone, becomes the executor: it runs the jobs.
    QTRY_VERIFY_WITH_TIMEOUT(nodesOf(conninfo).contains(QStringLiteral("test-desktop=executor")),
                             20000);
    StoreConnection connection(conninfo);
    Result<qint64> job =
        JobStore(connection).create(shellJob(QStringLiteral("hello"), QStringLiteral("echo hi")));
    CH_VERIFY_OK(job);
    Result<qint64> run = JobStore(connection).runNow(*job);
    CH_VERIFY_OK(run);
    QTRY_VERIFY_WITH_TIMEOUT(RunStore(connection).byId(*run).ok()
                                 && RunStore(connection).byId(*run)->status == RunStatus::Succeeded,
                             20000);
    connection.close();

    // Shutting down hands the lease over and stops the server this stack started.
    QSignalSpy stopped(&stack, &LocalStack::stopped);
    stack.shutdown();
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stack.state(), LocalStack::State::Stopped);
    QVERIFY(!LocalStore(root.path()).isServerRunning());
    const QByteArray log = readFile(root.path() + QStringLiteral("/desktop-node.log"));
    QVERIFY2(log.contains("node test-desktop stopped"), log.right(2000).constData());

    // And it can be started again, keeping the data.
    stack.start();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 2 || failed.count() > 0, 120000);
    QVERIFY(failed.isEmpty());
    QVERIFY(!stack.createdCluster());
    {
        StoreConnection again(stack.conninfo());
        CH_VERIFY_OK(JobStore(again).byName(QStringLiteral("hello")));
    }
    stack.shutdown();
    QVERIFY(stopped.wait(60000));
    QVERIFY(!LocalStore(root.path()).isServerRunning());
}

void TestLocalStore::stackLeavesAServerItDidNotStart()
{
    LocalRoot root;
    LocalStore running(root.path());
    CH_VERIFY_OK(running.start());

    LocalStack::Options options;
    options.root = root.path();
    options.runNode = false;
    LocalStack stack(options);
    QSignalSpy ready(&stack, &LocalStack::ready);
    stack.start();
    QVERIFY(ready.wait(60000));
    QVERIFY(!stack.startedServer());
    QSignalSpy stopped(&stack, &LocalStack::stopped);
    stack.shutdown();
    QVERIFY(stopped.wait(30000));
    QVERIFY(running.isServerRunning());
    CH_VERIFY_OK(running.stop());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
