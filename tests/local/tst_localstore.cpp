#include "localtesthelpers.h"

#include <local/localstack.h>
#include <local/localstore.h>
#include <store/jobstore.h>
#include <store/migrator.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <pqxx/pqxx>

#include <memory>

#include <sys/prctl.h>
#include <sys/stat.h>
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
    void storeIsTheOwnersAlone();
    void secondStartReusesTheRunningServer();
    void stopThenStartKeepsTheData();
    void missingServerProgramsAreNamed();
    void tooLongSocketPathIsRefused();
    void plantedFoldersAreRefused();
    void plantedConfigFileIsRefused();
    void stackRunsANodeAndStopsWhatItStarted();
    void stackLeavesAServerItDidNotStart();
    void olderStoreIsTightened();

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

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// The layout's modes: nothing in it is open to other OS users. As root the root folder lets
// the server's user ('postgres', its group) pass, and nobody else.
void verifyPrivateLayout(const QString &root, int port)
{
    const QString store = root + QStringLiteral("/store");
    const QString socket = store + QStringLiteral("/sock/.s.PGSQL.") + QString::number(port);
    const std::pair<QString, int> expected[] = {
        {root, runningAsRoot() ? 0710 : 0700},
        {store, 0700},
        {store + QStringLiteral("/sock"), 0700},
        {socket, 0700},
        {store + QStringLiteral("/server.log"), 0600},
        {store + QStringLiteral("/data/pg_hba.conf"), 0600},
    };
    for (const auto &[path, mode] : expected) {
        QVERIFY2(modeOf(path) == mode,
                 qPrintable(QStringLiteral("%1 has mode %2, expected %3")
                                .arg(path, octal(modeOf(path)), octal(mode))));
    }
    const QByteArray hba = readFile(store + QStringLiteral("/data/pg_hba.conf"));
    for (const QByteArray &line : hba.split('\n')) {
        if (!line.trimmed().startsWith('#'))
            QVERIFY2(!line.contains("trust"), hba.constData());
    }
    QVERIFY2(hba.contains("peer map=owner"), hba.constData());
}

// What an older version left: folders 0755, the socket 0777, the server's log 0644, and a
// pg_hba.conf that trusts every local connection. When the server runs, it is made to load
// that (and, as root, shown to let `nobody` in: the hole being closed).
void makeLikeAnOlderVersion(const QString &root, const QString &conninfo, int port)
{
    const QString store = root + QStringLiteral("/store");
    QFile hba(store + QStringLiteral("/data/pg_hba.conf"));
    QVERIFY(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
    hba.write("local all all trust\n");
    hba.close();
    QFile ident(store + QStringLiteral("/data/pg_ident.conf"));
    QVERIFY(ident.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ident.close();
    const QString socket = store + QStringLiteral("/sock/.s.PGSQL.") + QString::number(port);
    QCOMPARE(::chmod(QFile::encodeName(root).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(store).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(store + QStringLiteral("/sock")).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(store + QStringLiteral("/server.log")).constData(), 0644),
             0);
    if (!QFileInfo::exists(socket))
        return; // not running: nothing to reload
    QCOMPARE(::chmod(QFile::encodeName(socket).constData(), 0777), 0);
    StoreConnection connection(conninfo);
    auto loadTime = [&connection] {
        return connection.statement([](pqxx::transaction_base &tx) {
            return tx.exec("SELECT pg_conf_load_time()::text")[0][0].as<std::string>();
        });
    };
    const Result<std::string> before = loadTime();
    CH_VERIFY_OK(before);
    CH_VERIFY_OK(connection.statement(
        [](pqxx::transaction_base &tx) { return tx.exec("SELECT pg_reload_conf()").size(); }));
    QTRY_VERIFY_WITH_TIMEOUT(loadTime().ok() && *loadTime() != *before, 10000);
    if (runningAsRoot()) {
        const Attempt attempt = connectAs(store + QStringLiteral("/sock"), port);
        QVERIFY2(attempt.connected, qPrintable(attempt.output));
    }
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

// Issue 10: any local user could log in to the one-machine store as its superuser (trust,
// socket 0777, folders 0755) and run shell jobs or COPY ... TO PROGRAM as the nodes' user.
void TestLocalStore::storeIsTheOwnersAlone()
{
    QVERIFY(m_first);
    const QString root = m_root->path();
    const QString socketDir = root + QStringLiteral("/store/sock");
    // The attack: another OS user logs in as the superuser.
    if (runningAsRoot()) {
        const Attempt nobody = connectAs(socketDir, m_first->port());
        QVERIFY2(!nobody.connected, qPrintable(nobody.output));
        QVERIFY2(nobody.output.contains(QLatin1String("Permission denied")),
                 qPrintable(nobody.output));
    }
    verifyPrivateLayout(root, m_first->port());
    if (QTest::currentTestFailed())
        return;
    // The owner still gets in (the store's own connection), without a password.
    {
        StoreConnection connection(m_first->conninfo());
        CH_VERIFY_OK(connection.open());
    }
    if (!runningAsRoot())
        QSKIP("another OS user can only be tried as root (CI runs this test as root)");

    // Behind the closed folders, the server trusts nobody either: with every folder opened
    // (as an administrator might by mistake), `nobody` is still refused, as cronhelm (peer:
    // not the owner) and as a role of its own (no password).
    const QString socket =
        socketDir + QStringLiteral("/.s.PGSQL.") + QString::number(m_first->port());
    const QStringList opened = {root, root + QStringLiteral("/store"), socketDir};
    for (const QString &path : opened)
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(socket).constData(), 0777), 0);
    const Attempt asCronhelm = connectAs(socketDir, m_first->port());
    const Attempt asItself =
        connectAs(socketDir, m_first->port(), QStringLiteral("nobody"), QStringLiteral("nobody"));
    // Closed again by the next start (tested in olderStoreIsTightened); here by hand.
    QCOMPARE(::chmod(QFile::encodeName(root).constData(), 0710), 0);
    for (const QString &path : opened.mid(1))
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0700), 0);
    QCOMPARE(::chmod(QFile::encodeName(socket).constData(), 0700), 0);
    QVERIFY2(!asCronhelm.connected, qPrintable(asCronhelm.output));
    QVERIFY2(asCronhelm.output.contains(QLatin1String("Peer authentication failed")),
             qPrintable(asCronhelm.output));
    QVERIFY2(!asItself.connected, qPrintable(asItself.output));
    QVERIFY2(asItself.output.contains(QLatin1String("password")), qPrintable(asItself.output));
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

// Issue 10: with CRONHELM_LOCAL_DIR in a folder others can write to (/tmp), one of them could
// make the data folder a symbolic link (to a system folder, which root would then hand to
// 'postgres') or make it themselves. Both are refused before anything is created or chowned.
void TestLocalStore::plantedFoldersAreRefused()
{
    LocalRoot other;
    const QString target = other.path() + QStringLiteral("/target");
    QVERIFY(QDir().mkpath(target));
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0755) == 0);
    const QString linked = other.path() + QStringLiteral("/linked");
    QVERIFY(QFile::link(target, linked));
    LocalStore store(linked);
    Status started = store.start();
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains(QLatin1String("is a symbolic link")),
             qPrintable(started.errorMessage()));
    QVERIFY(QDir(target).isEmpty());
    QCOMPARE(QFileInfo(target).permissions() & QFile::ExeOther, QFile::ExeOther); // untouched

    if (::geteuid() != 0)
        QSKIP("needs root, to make a folder of another user");
    const QString theirs = other.path() + QStringLiteral("/theirs");
    QVERIFY(QDir().mkpath(theirs));
    QVERIFY(::chown(QFile::encodeName(theirs).constData(), 65534, 65534) == 0); // nobody
    LocalStore planted(theirs);
    started = planted.start();
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains(QLatin1String("belongs to another user")),
             qPrintable(started.errorMessage()));
    QVERIFY(QDir(theirs).isEmpty());
    struct stat info = {};
    QVERIFY(::stat(QFile::encodeName(theirs).constData(), &info) == 0);
    QCOMPARE(info.st_uid, uid_t(65534));
}

// Issue 10: as root the data folder belongs to the server's user ('postgres'), who could put
// a link in place of pg_ident.conf; every start rewrites it, so root would have truncated
// and written the file the link points to. Here the test plants the link itself.
void TestLocalStore::plantedConfigFileIsRefused()
{
    LocalRoot root;
    {
        LocalStore store(root.path());
        const Status started = store.start();
        QVERIFY2(started, qPrintable(started.errorMessage()));
        const Status stopped = store.stop();
        QVERIFY2(stopped, qPrintable(stopped.errorMessage()));
    }
    const QString victim = root.path() + QStringLiteral("/precious.txt");
    QFile precious(victim);
    QVERIFY(precious.open(QIODevice::WriteOnly));
    precious.write("precious\n");
    precious.close();
    const QString ident = root.path() + QStringLiteral("/store/data/pg_ident.conf");
    QVERIFY(QFile::remove(ident));
    QVERIFY(QFile::link(victim, ident));

    LocalStore again(root.path());
    const Status started = again.start();
    QVERIFY(!started);
    QVERIFY2(started.errorMessage().contains(QLatin1String("is a symbolic link")),
             qPrintable(started.errorMessage()));
    QCOMPARE(readFile(victim), QByteArray("precious\n"));
    QVERIFY(QFileInfo(ident).isSymLink()); // left for a person to look at
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

    // The app hosts this node: its jobs run as the app's user and must not read the app's
    // environment or memory (passwords of its other stores). Not dumpable, /proc/<app>/environ
    // is root's; a process of the same user (as a job is) cannot open it. As root, which may
    // read anything, only the flag can be checked.
    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    if (!runningAsRoot()) {
        QProcess reader;
        reader.start(QStringLiteral("cat"),
                     {QStringLiteral("/proc/%1/environ").arg(QCoreApplication::applicationPid())});
        QVERIFY(reader.waitForFinished(10000));
        QVERIFY2(reader.exitCode() != 0, reader.readAllStandardOutput().left(200).constData());
    }

    // Shutting down hands the lease over and stops the server this stack started.
    QSignalSpy stopped(&stack, &LocalStack::stopped);
    stack.shutdown();
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stack.state(), LocalStack::State::Stopped);
    QVERIFY(!LocalStore(root.path()).isServerRunning());
    const QByteArray log = readFile(root.path() + QStringLiteral("/desktop-node.log"));
    QVERIFY2(log.contains("node test-desktop stopped"), log.right(2000).constData());
    // The embedded node's log and the server's are the owner's alone.
    QCOMPARE(octal(modeOf(root.path() + QStringLiteral("/desktop-node.log"))),
             QStringLiteral("0600"));
    QCOMPARE(octal(modeOf(root.path() + QStringLiteral("/store/server.log"))),
             QStringLiteral("0600"));

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

// A store made by an older version (folders 0755, socket 0777, trust) is closed on the next
// start: whether its server still runs (the new rules are loaded into it) or not.
void TestLocalStore::olderStoreIsTightened()
{
    LocalRoot root;
    LocalStore first(root.path());
    CH_VERIFY_OK(first.start());
    const int port = first.port();
    const QString socketDir = root.path() + QStringLiteral("/store/sock");

    // Running: the next start reuses the server and closes it.
    makeLikeAnOlderVersion(root.path(), first.conninfo(), port);
    if (QTest::currentTestFailed())
        return;
    LocalStore reused(root.path());
    CH_VERIFY_OK(reused.start());
    QVERIFY(!reused.startedServer());
    verifyPrivateLayout(root.path(), port);
    if (runningAsRoot()) {
        const Attempt attempt = connectAs(socketDir, port);
        QVERIFY2(!attempt.connected, qPrintable(attempt.output));
        // The server itself has loaded the new rules: with the folders opened, still refused.
        const QStringList opened = {root.path(), root.path() + QStringLiteral("/store"), socketDir};
        for (const QString &path : opened)
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0755), 0);
        const QString socket = socketDir + QStringLiteral("/.s.PGSQL.") + QString::number(port);
        QCOMPARE(::chmod(QFile::encodeName(socket).constData(), 0777), 0);
        const Attempt behind = connectAs(socketDir, port);
        QVERIFY2(!behind.connected, qPrintable(behind.output));
        QVERIFY2(behind.output.contains(QLatin1String("Peer authentication failed")),
                 qPrintable(behind.output));
    }

    // Stopped: the next start closes the folders before the server starts.
    CH_VERIFY_OK(first.stopServer());
    makeLikeAnOlderVersion(root.path(), first.conninfo(), port);
    LocalStore restarted(root.path());
    CH_VERIFY_OK(restarted.start());
    QVERIFY(restarted.startedServer());
    verifyPrivateLayout(root.path(), port);
    if (runningAsRoot()) {
        const Attempt attempt = connectAs(socketDir, port);
        QVERIFY2(!attempt.connected, qPrintable(attempt.output));
    }
    {
        StoreConnection connection(restarted.conninfo());
        CH_VERIFY_OK(connection.open());
    }
    CH_VERIFY_OK(restarted.stop());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
