#include "../local/localtesthelpers.h"

#include <local/localstore.h>

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

// `cronhelm --local` as a process (offscreen): it starts the local store and its node and
// connects; SIGTERM closes it the ordinary way, which stops the node and the server it
// started. The next start without arguments opens the local store again.
class TestLocalApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void localStartsAndSigtermStopsEverything();
    void nextStartWithoutArgumentsIsLocalAgain();

private:
    void runUntilNodeIsExecutor(const QStringList &arguments);

    QTemporaryDir m_home;
    std::unique_ptr<LocalRoot> m_root;
    QString m_app;
};

void TestLocalApp::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_root = std::make_unique<LocalRoot>();
    m_app = qEnvironmentVariable("CRONHELM_BUILD_DIR") + QStringLiteral("/app/cronhelm/cronhelm");
    QVERIFY2(QFile::exists(m_app), qPrintable(m_app));
}

void TestLocalApp::runUntilNodeIsExecutor(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The app's settings go to a private home, never the user's.
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    QDir(m_home.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(m_home.path() + QStringLiteral("/runtime"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path() + QStringLiteral("/runtime"));
    env.insert(QStringLiteral("CRONHELM_LOCAL_DIR"), m_root->path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("CRONHELM_PG_BINDIR"));

    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(m_app, arguments);
    QVERIFY(app.waitForStarted(10000));

    // Running: the desktop node is registered in the local store and executes its jobs.
    LocalStore store(m_root->path());
    auto executorRegistered = [&] {
        QFile port(m_root->path() + QStringLiteral("/port"));
        if (!port.open(QIODevice::ReadOnly) || !store.isServerRunning())
            return false;
        const QString conninfo =
            QStringLiteral("host=%1/store/sock port=%2 user=cronhelm dbname=cronhelm "
                           "connect_timeout=5")
                .arg(m_root->path(), QString::fromUtf8(port.readAll().trimmed()));
        for (const QString &node : nodesOf(conninfo)) {
            if (node.endsWith(QLatin1String("-desktop=executor")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(executorRegistered() || app.state() == QProcess::NotRunning,
                              qPrintable(QString::fromLocal8Bit(app.readAll())), 120000);
    QVERIFY2(app.state() == QProcess::Running, qPrintable(QString::fromLocal8Bit(app.readAll())));

    // SIGTERM: the app closes, the node hands over, the server it started stops.
    app.terminate();
    QVERIFY(app.waitForFinished(60000));
    const QString output = QString::fromLocal8Bit(app.readAll());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("not available")), qPrintable(output));
    QVERIFY(!store.isServerRunning());
}

void TestLocalApp::localStartsAndSigtermStopsEverything()
{
    runUntilNodeIsExecutor({QStringLiteral("--local")});
}

void TestLocalApp::nextStartWithoutArgumentsIsLocalAgain()
{
    runUntilNodeIsExecutor({});
}

QTEST_GUILESS_MAIN(TestLocalApp)
#include "tst_localapp.moc"
