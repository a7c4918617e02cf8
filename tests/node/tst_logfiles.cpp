// The node's log files are the node user's alone (issue 10): cronhelm-node --log-file
// creates its file (and a missing folder) without access for other users, narrows a file
// an older version made world-readable, and every file the log rotates into is created the
// same way (the sink the node and the desktop app's local node share).

#include "nodetesthelpers.h"

#include <node/privatelogfile.h>

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

QString modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QStringLiteral("0%1").arg(info.st_mode & 07777, 0, 8);
}

// A file with these contents and this mode, as someone (an older version, an attacker) left it.
bool leaveFile(const QString &path, const QByteArray &contents, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

class LogFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nodeCreatesItsLogPrivately();
    void olderLogLosesOthersAccess();
    void rotatedFilesArePrivate();
    void plantedSymlinkIsRefused();
    void someoneElsesFileIsRefused();
    void folderOpenToEveryoneIsRefused();

private:
    QTemporaryDir m_dir;
};

void LogFilesTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // A permissive umask, as many shells have: the modes must not depend on it.
    ::umask(022);
}

void LogFilesTest::nodeCreatesItsLogPrivately()
{
    CH_DATABASE(db);
    const QString log = m_dir.filePath(QStringLiteral("new/node.log"));
    NodeProcess node(db->conninfo(), QStringLiteral("log-node"));
    node.setExtraArguments({QStringLiteral("--log-file"), log});
    QVERIFY(node.start());
    QVERIFY(node.waitForLine(QStringLiteral("became executor|starting"), 20000).hasMatch());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(log).size() > 0, 10000);
    QCOMPARE(modeOf(log), QStringLiteral("0600"));
    QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("new"))), QStringLiteral("0700"));
    QVERIFY(node.terminate());
    QVERIFY(node.waitForExit(20000));
    QCOMPARE(modeOf(log), QStringLiteral("0600"));
}

void LogFilesTest::olderLogLosesOthersAccess()
{
    CH_DATABASE(db);
    const QString log = m_dir.filePath(QStringLiteral("older.log"));
    QVERIFY(leaveFile(log, "a line from an older version\n", 0644));
    NodeProcess node(db->conninfo(), QStringLiteral("log-node-2"));
    node.setExtraArguments({QStringLiteral("--log-file"), log});
    QVERIFY(node.start());
    QVERIFY(node.waitForLine(QStringLiteral("starting"), 20000).hasMatch());
    // Other users lose access; the group keeps what it had (a log shipper's 0640 stays).
    QTRY_COMPARE_WITH_TIMEOUT(modeOf(log), QStringLiteral("0640"), 10000);
    QVERIFY(node.terminate());
    QVERIFY(node.waitForExit(20000));
}

void LogFilesTest::rotatedFilesArePrivate()
{
    const QString log = m_dir.filePath(QStringLiteral("rotating/node.log"));
    auto sink = makePrivateLogFileSink(log, 4096, 3);
    spdlog::logger logger("rotation-test", sink);
    const std::string line(200, 'x');
    for (int i = 0; i < 200; ++i)
        logger.info("{} {}", i, line);
    logger.flush();
    const QStringList files = QDir(m_dir.filePath(QStringLiteral("rotating")))
                                  .entryList(QDir::Files | QDir::NoDotAndDotDot);
    QCOMPARE(files,
             QStringList({QStringLiteral("node.1.log"), QStringLiteral("node.2.log"),
                          QStringLiteral("node.3.log"), QStringLiteral("node.log")}));
    for (const QString &file : files) {
        const QString path = m_dir.filePath(QStringLiteral("rotating/") + file);
        QVERIFY2(modeOf(path) == QLatin1String("0600"),
                 qPrintable(path + QLatin1Char(' ') + modeOf(path)));
    }
}

// Issue 10: in a folder other users can write to, one of them plants node.log as a symbolic
// link to a file of the node's user (or to a path where the node, as root, would create a
// file). The node refuses to start with that log rather than write through the link.
void LogFilesTest::plantedSymlinkIsRefused()
{
    CH_DATABASE(db);
    const QString victim = m_dir.filePath(QStringLiteral("victim"));
    QVERIFY(leaveFile(victim, "untouched\n", 0644));
    const QString planted = m_dir.filePath(QStringLiteral("planted.log"));
    QVERIFY(QFile::link(victim, planted));
    const QString nowhere = m_dir.filePath(QStringLiteral("created-by-the-node"));
    const QString dangling = m_dir.filePath(QStringLiteral("dangling.log"));
    QVERIFY(QFile::link(nowhere, dangling));

    for (const QString &log : {planted, dangling}) {
        NodeProcess node(db->conninfo(), QStringLiteral("log-node-3"));
        node.setExtraArguments({QStringLiteral("--log-file"), log});
        QVERIFY(node.start());
        QVERIFY(node.waitForExit(20000));
        QCOMPARE(node.exitCode(), 2);
        QVERIFY2(node.findLine(QRegularExpression(QStringLiteral(
                                   "refusing the log file .*: it is a symbolic link")))
                     .hasMatch(),
                 qPrintable(node.describeLog()));
    }
    QFile file(victim);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("untouched\n"));
    QCOMPARE(modeOf(victim), QStringLiteral("0644"));
    QVERIFY(!QFileInfo::exists(nowhere));

    // The sink itself, as the desktop app's embedded node uses it.
    QVERIFY_THROWS_EXCEPTION(spdlog::spdlog_ex, makePrivateLogFileSink(planted, 4096, 3));
}

// A file of another user (made 0666, so that the node could write it) would let that user
// read the log: refused too. Needs root, to make a file of another user.
void LogFilesTest::someoneElsesFileIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root, to give a file to another user");
    const QString log = m_dir.filePath(QStringLiteral("theirs.log"));
    QVERIFY(leaveFile(log, QByteArray(), 0666));
    QVERIFY(::chown(QFile::encodeName(log).constData(), 65534, 65534) == 0); // nobody
    QVERIFY_THROWS_EXCEPTION(spdlog::spdlog_ex, makePrivateLogFileSink(log, 4096, 3));
    QCOMPARE(QFileInfo(log).size(), 0);
}

// In a folder every user may write to (0777, not sticky) another user could swap the log for
// a link between the node's checks and spdlog's open, which truncates at each rotation: the
// node refuses such a folder at the start. A sticky one (as /tmp) is accepted.
void LogFilesTest::folderOpenToEveryoneIsRefused()
{
    const QString open = m_dir.filePath(QStringLiteral("open"));
    QVERIFY(QDir().mkpath(open));
    QVERIFY(::chmod(QFile::encodeName(open).constData(), 0777) == 0);
    const QString log = open + QStringLiteral("/node.log");
    try {
        makePrivateLogFileSink(log, 4096, 3);
        QFAIL("the sink was made");
    } catch (const spdlog::spdlog_ex &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(
                     QLatin1String("its folder is writable by every user")),
                 e.what());
    }
    QVERIFY(!QFileInfo::exists(log));

    QVERIFY(::chmod(QFile::encodeName(open).constData(), 01777) == 0);
    auto sink = makePrivateLogFileSink(log, 4096, 3);
    QVERIFY(sink);
    QCOMPARE(modeOf(log), QStringLiteral("0600"));
}

QTEST_GUILESS_MAIN(LogFilesTest)
#include "tst_logfiles.moc"
