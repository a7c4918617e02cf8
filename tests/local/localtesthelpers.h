#pragma once

// Shared by the local store's tests (tests/local, tests/ui): a data root for one test that
// the server's owner can enter (as root the server runs as 'postgres', which cannot enter
// /root or a 0700 temporary directory), and a way to ask a local store about its nodes.

#include <local/localstore.h>
#include <store/clusterstore.h>
#include <store/storeconnection.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace Cronhelm::Test {

// A fresh directory under /tmp (short, so the socket path stays far below its limit),
// enterable by every user. Removed on destruction, after stopping any server left in it.
class LocalRoot
{
public:
    LocalRoot()
        : m_dir(QStringLiteral("/tmp/chl-XXXXXX"))
    {
        QFile::setPermissions(m_dir.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                  | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                  | QFile::ExeOther);
    }
    ~LocalRoot()
    {
        LocalStore store(path());
        if (store.isServerRunning())
            (void)store.stopServer();
    }
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path() + QStringLiteral("/data"); }

private:
    QTemporaryDir m_dir;
};

// The ids of the nodes registered in the store, with their roles ("id=role").
inline QStringList nodesOf(const QString &conninfo)
{
    StoreConnection connection(conninfo);
    Result<ClusterStatus> status = ClusterStore(connection).status();
    QStringList out;
    if (!status)
        return {QStringLiteral("error: ") + status.errorMessage()};
    for (const NodeRecord &node : status->nodes)
        out.append(node.id + QLatin1Char('=') + wireName(node.role));
    return out;
}

// The permission bits of a file or folder (e.g. 0700), or -1 when it does not exist.
inline int modeOf(const QString &path)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

inline QString octal(int mode)
{
    return QStringLiteral("0%1").arg(mode, 0, 8);
}

// What psql said when another OS user tried to log in.
struct Attempt
{
    bool connected = false;
    QString output;
};

// The attack of issue 10: another local OS user (by default `nobody`) runs psql against the
// store's socket as `role` (by default the superuser cronhelm), with no password. Root only
// (runuser); callers skip otherwise.
inline Attempt connectAs(const QString &socketDir, int port,
                         const QString &osUser = QStringLiteral("nobody"),
                         const QString &role = QStringLiteral("cronhelm"))
{
    Attempt attempt;
    Result<QString> bin = LocalStore::findServerBinaries();
    if (!bin) {
        attempt.output = bin.errorMessage();
        return attempt;
    }
    QProcess psql;
    psql.setWorkingDirectory(QStringLiteral("/"));
    psql.setProcessChannelMode(QProcess::MergedChannels);
    psql.setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSFILE"));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
    psql.setProcessEnvironment(env);
    psql.start(QStringLiteral("runuser"),
               {QStringLiteral("-u"), osUser, QStringLiteral("--"), *bin + QStringLiteral("/psql"),
                QStringLiteral("-X"), QStringLiteral("-w"), QStringLiteral("-h"), socketDir,
                QStringLiteral("-p"), QString::number(port), QStringLiteral("-U"), role,
                QStringLiteral("-d"), QStringLiteral("cronhelm"), QStringLiteral("-Atc"),
                QStringLiteral("SELECT 'in as ' || current_user")});
    if (!psql.waitForFinished(30000)) {
        psql.kill();
        psql.waitForFinished();
    }
    attempt.output = QString::fromLocal8Bit(psql.readAll()).trimmed();
    attempt.connected = psql.exitStatus() == QProcess::NormalExit && psql.exitCode() == 0
        && attempt.output.contains(QLatin1String("in as "));
    return attempt;
}

} // namespace Cronhelm::Test
