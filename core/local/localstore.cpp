#include "localstore.h"

#include "localtr.h"

#include <store/migrator.h>
#include <store/storeconnection.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <QVersionNumber>

#include <algorithm>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Cronhelm {

namespace {

// The server's owner when Cronhelm runs as root (initdb refuses root), as in pg-local.sh.
constexpr char kServerUser[] = "postgres";
// sockaddr_un.sun_path holds 108 bytes with the terminating NUL.
constexpr int kMaxSocketPath = 107;

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

QString currentUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd *user = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(user->pw_name);
#endif
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

// A value in pg_hba.conf / pg_ident.conf: double-quoted, so that no user name is read as a
// keyword or a group.
QString configValue(const QString &value)
{
    QString escaped = value;
    escaped.remove(QLatin1Char('"'));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasServerPrograms(const QString &binDir)
{
    return QFileInfo(binDir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(binDir + QStringLiteral("/pg_ctl")).isExecutable();
}

QString clusterVersion(const QString &dataDir)
{
    QFile file(dataDir + QStringLiteral("/PG_VERSION"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// A value in a libpq conninfo string: quoted when it has to be.
QString conninfoValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

LocalStore::LocalStore(QString root)
    : m_root(root.isEmpty() ? defaultRoot() : QDir(root).absolutePath())
    , m_asRoot(runningAsRoot())
{}

QString LocalStore::defaultRoot()
{
    const QString configured = qEnvironmentVariable("CRONHELM_LOCAL_DIR");
    if (!configured.isEmpty())
        return QDir(configured).absolutePath();
    if (runningAsRoot())
        return QStringLiteral("/var/lib/cronhelm-local");
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = QDir::homePath() + QStringLiteral("/.local/share");
    return data + QStringLiteral("/cronhelm");
}

QString LocalStore::storeDir() const
{
    return m_root + QStringLiteral("/store");
}

QString LocalStore::dataDir() const
{
    return storeDir() + QStringLiteral("/data");
}

QString LocalStore::socketDir() const
{
    return storeDir() + QStringLiteral("/sock");
}

QString LocalStore::serverLog() const
{
    return storeDir() + QStringLiteral("/server.log");
}

QString LocalStore::conninfo() const
{
    const QString host = m_socketDir.isEmpty() ? socketDir() : m_socketDir;
    return QStringLiteral("host=%1 port=%2 user=cronhelm dbname=cronhelm")
        .arg(conninfoValue(host))
        .arg(m_port);
}

Result<QString> LocalStore::findServerBinaries(const QString &dataDir)
{
    const QString configured = qEnvironmentVariable("CRONHELM_PG_BINDIR");
    if (!configured.isEmpty()) {
        if (hasServerPrograms(configured))
            return configured;
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store needs the PostgreSQL server programs "
                                     "(initdb, pg_ctl), but they are not in %1 "
                                     "(CRONHELM_PG_BINDIR). Install the PostgreSQL server "
                                     "package (sudo apt install postgresql) or correct "
                                     "CRONHELM_PG_BINDIR.")
                             .arg(configured));
    }
    const QString base = QStringLiteral("/usr/lib/postgresql");
    const QString existing = dataDir.isEmpty() ? QString() : clusterVersion(dataDir);
    if (!existing.isEmpty()) {
        // A cluster only runs with the major version that made it.
        const QString bin = base + QLatin1Char('/') + existing + QStringLiteral("/bin");
        if (hasServerPrograms(bin))
            return bin;
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store in %1 was made with PostgreSQL %2, whose "
                                     "server programs are not installed. Install them (sudo apt "
                                     "install postgresql-%2) and try again.")
                             .arg(dataDir, existing));
    }
    QStringList versions = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        const QString bin = base + QLatin1Char('/') + version + QStringLiteral("/bin");
        if (hasServerPrograms(bin))
            return bin;
    }
    return makeError(ErrorKind::Other,
                     LocalTr::tr("The local store needs the PostgreSQL server programs (initdb, "
                                 "pg_ctl), which are not installed on this computer. Install the "
                                 "PostgreSQL server package (sudo apt install postgresql) and "
                                 "try again."));
}

Status LocalStore::start(const Progress &progress)
{
    auto say = [&progress](const QString &message) {
        if (progress)
            progress(message);
    };
    m_createdCluster = false;
    m_startedServer = false;
    m_socketDir.clear();
    say(LocalTr::tr("Preparing the local store in %1…").arg(QDir::toNativeSeparators(m_root)));
    Result<QString> binaries = findServerBinaries(dataDir());
    if (!binaries)
        return binaries.error();
    m_binDir = *binaries;
    if (Status prepared = prepareDirectories(); !prepared)
        return prepared;
    if (Status chosen = choosePort(); !chosen)
        return chosen;
    if (Status path = checkSocketPath(); !path)
        return path;
    if (!QFile::exists(dataDir() + QStringLiteral("/PG_VERSION"))) {
        say(LocalTr::tr("Creating the local store (the first start takes a few seconds)…"));
        if (Status created = initCluster(); !created)
            return created;
    }
    bool rulesChanged = false;
    if (Status written = writeAccessRules(&rulesChanged); !written)
        return written;
    if (isServerRunning()) {
        say(LocalTr::tr("Using the local database server that is already running."));
        readRunningServer();
        if (Status tightened = tightenRunningServer(rulesChanged); !tightened)
            return tightened;
    } else {
        say(LocalTr::tr("Starting the local database server…"));
        if (Status started = startServer(); !started)
            return started;
    }
    if (Status created = createDatabase(); !created)
        return created;
    say(LocalTr::tr("Bringing the local store's schema up to date…"));
    return migrate();
}

Status LocalStore::prepareDirectories()
{
    auto cannotCreate = [](const QString &path) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The folder %1 for the local store cannot be created.")
                             .arg(QDir::toNativeSeparators(path)));
    };
    if (!QDir().mkpath(m_root))
        return cannotCreate(m_root);
    if (Status own = checkOwnFolder(m_root); !own)
        return own;
    if (!m_asRoot) {
        if (!QDir().mkpath(storeDir()))
            return cannotCreate(storeDir());
        if (Status closed = makePrivate(m_root, true); !closed)
            return closed;
        return closeStore();
    }
    // As root the server runs as 'postgres': it must be able to reach its folders. The
    // folders above the root must let it pass; the root lets only it pass (0710
    // root:postgres); the store below is its alone.
    QDir parent(m_root);
    while (parent.cdUp()) {
        const QFileInfo info(parent.absolutePath());
        if (!info.permission(QFile::ExeOther)) {
            return makeError(
                ErrorKind::Other,
                LocalTr::tr("The local store's server runs as the 'postgres' user, which cannot "
                            "enter the folder %1. Choose a data folder that other users can "
                            "enter with CRONHELM_LOCAL_DIR (for example under /var/lib).")
                    .arg(info.absoluteFilePath()));
        }
        if (parent.isRoot())
            break;
    }
#ifdef Q_OS_UNIX
    const passwd *owner = ::getpwnam(kServerUser);
    if (!owner || ::lchown(QFile::encodeName(m_root).constData(), 0, owner->pw_gid) != 0
        || ::chmod(QFile::encodeName(m_root).constData(), 0710) != 0) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The folder %1 cannot be opened to the 'postgres' user "
                                     "alone.")
                             .arg(m_root));
    }
#endif
    if (!QDir().mkpath(storeDir()))
        return cannotCreate(storeDir());
    if (Status owned = giveToOwner(storeDir()); !owned)
        return owned;
    return closeStore();
}

Status LocalStore::closeStore() const
{
    if (Status closed = makePrivate(storeDir(), true); !closed)
        return closed;
    if (QFileInfo::exists(socketDir())) {
        if (Status closed = makePrivate(socketDir(), true); !closed)
            return closed;
    }
    if (QFileInfo::exists(serverLog()))
        return makePrivate(serverLog(), false);
    return Done{};
}

Status LocalStore::choosePort()
{
    QFile file(m_root + QStringLiteral("/port"));
    int port = 0;
    if (file.open(QIODevice::ReadOnly))
        port = QString::fromUtf8(file.readAll()).trimmed().toInt();
    file.close();
    if (port <= 0 || port > 65535) {
        // Only names the socket file (there is no TCP listener), so it cannot collide.
        port = 40000 + int(QRandomGenerator::global()->bounded(10000));
    }
    m_port = port;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QByteArray::number(port) + '\n') < 0) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The file %1 cannot be written: %2")
                             .arg(file.fileName(), file.errorString()));
    }
    return Done{};
}

Status LocalStore::checkSocketPath() const
{
    const QString socket = socketDir() + QStringLiteral("/.s.PGSQL.") + QString::number(m_port);
    const qsizetype length = QFile::encodeName(socket).size();
    if (length > kMaxSocketPath) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store's folder %1 is too deep: the database "
                                     "server's socket path would be %2 bytes long, but the "
                                     "system allows at most %3. Choose a shorter folder with "
                                     "CRONHELM_LOCAL_DIR.")
                             .arg(QDir::toNativeSeparators(m_root))
                             .arg(length)
                             .arg(kMaxSocketPath));
    }
    if (socketDir().contains(QLatin1Char('\''))) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store's folder %1 contains a quote character, "
                                     "which the database server cannot use. Choose another "
                                     "folder with CRONHELM_LOCAL_DIR.")
                             .arg(QDir::toNativeSeparators(m_root)));
    }
    return Done{};
}

Status LocalStore::initCluster()
{
    const QString log = storeDir() + QStringLiteral("/initdb.log");
    const Command initdb =
        run(m_binDir + QStringLiteral("/initdb"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("cronhelm"),
             QStringLiteral("--auth-local=peer"), QStringLiteral("--auth-host=scram-sha-256"),
             QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8"),
             QStringLiteral("--locale=C.UTF-8")},
            true, 120000, log);
    if (!initdb.error.isEmpty() || initdb.exitCode != 0) {
        const QString detail = initdb.error.isEmpty() ? logTail(log, 20) : initdb.error;
        return makeError(ErrorKind::Other,
                         LocalTr::tr("Creating the local store failed (initdb):\n%1").arg(detail));
    }
    m_createdCluster = true;
    return Done{};
}

Status LocalStore::startServer()
{
    if (!QDir().mkpath(socketDir())) {
        return makeError(
            ErrorKind::Other,
            LocalTr::tr("The folder %1 for the local store cannot be created.").arg(socketDir()));
    }
    if (m_asRoot) {
        if (Status owned = giveToOwner(socketDir()); !owned)
            return owned;
    }
    if (Status closed = makePrivate(socketDir(), true); !closed)
        return closed;
    if (Status written =
            writeOwned(storeDir() + QStringLiteral("/port"), QByteArray::number(m_port) + '\n');
        !written)
        return written;
    // The same server options as scripts/pg-local.sh with PG_DURABLE=1: this store keeps a
    // person's jobs and history, and a claimed slot must stay claimed after a power cut
    // (exactly once), so fsync and synchronous commit keep PostgreSQL's defaults.
    // The socket is the owner's alone (the folder around it is too).
    const QString options = QStringLiteral("-p %1 -k '%2' -c unix_socket_permissions=0700 "
                                           "-c listen_addresses='' -c max_connections=200")
                                .arg(m_port)
                                .arg(socketDir());
    const Command pgctl = run(m_binDir + QStringLiteral("/pg_ctl"),
                              {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), serverLog(),
                               QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                               QStringLiteral("-o"), options, QStringLiteral("start")},
                              true, 60000);
    if (!pgctl.error.isEmpty() || pgctl.exitCode != 0) {
        QString detail = logTail(serverLog(), 20);
        if (detail.isEmpty())
            detail = pgctl.error.isEmpty() ? pgctl.output.trimmed() : pgctl.error;
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local database server did not start. Its log "
                                     "says:\n%1")
                             .arg(detail));
    }
    m_startedServer = true;
    m_socketDir = socketDir();
    return Done{};
}

void LocalStore::readRunningServer()
{
    // postmaster.pid: pid, data directory, start time, port, socket directory, ...
    QFile file(dataDir() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const int port = lines.value(3).trimmed().toInt();
    const QString socket = lines.value(4).trimmed();
    if (port > 0 && port != m_port) {
        m_port = port;
        QFile portFile(m_root + QStringLiteral("/port"));
        if (portFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
            portFile.write(QByteArray::number(port) + '\n');
    }
    if (!socket.isEmpty())
        m_socketDir = socket;
}

QString LocalStore::serverUser() const
{
    return m_asRoot ? QString::fromLatin1(kServerUser) : currentUserName();
}

QStringList LocalStore::psqlConnection() const
{
    const QString host = m_socketDir.isEmpty() ? socketDir() : m_socketDir;
    return {QStringLiteral("-h"), host,
            QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("cronhelm")};
}

Status LocalStore::writeAccessRules(bool *changed) const
{
    *changed = false;
    // The same files as scripts/pg-local.sh writes for the same user, so that the local
    // stack and the app do not rewrite them back and forth.
    const QByteArray hba =
        "# Written by Cronhelm on every start of the server; edits are replaced.\n"
        "# Only the owner of the socket folder (0700) reaches this server. No trust.\n"
        "# TYPE  DATABASE  USER      ADDRESS  METHOD\n"
        "local   all       cronhelm           peer map=owner\n"
        "local   all       all                scram-sha-256\n";
    QByteArray ident = "# Written by Cronhelm on every start of the server; edits are replaced.\n"
                       "# The OS users that log in as cronhelm. MAPNAME SYSTEM-USERNAME "
                       "PG-USERNAME\n";
    const QString server = serverUser();
    const QString client = currentUserName();
    ident += "owner " + configValue(server).toUtf8() + " cronhelm\n";
    if (client != server)
        ident += "owner " + configValue(client).toUtf8() + " cronhelm\n";
    const std::pair<QString, QByteArray> files[] = {
        {dataDir() + QStringLiteral("/pg_hba.conf"), hba},
        {dataDir() + QStringLiteral("/pg_ident.conf"), ident},
    };
    for (const auto &[path, contents] : files) {
        if (readAll(path).trimmed() == contents.trimmed())
            continue;
        if (Status written = writeOwned(path, contents); !written)
            return written;
        if (Status closed = makePrivate(path, false); !closed)
            return closed;
        *changed = true;
    }
    return Done{};
}

Status LocalStore::tightenRunningServer(bool rulesChanged)
{
    // Its socket may have been made with mode 0777 (before Cronhelm set
    // unix_socket_permissions); the mode is only set when the server starts, so close it
    // here. The folder around it is closed already (prepareDirectories).
    const QString host = m_socketDir.isEmpty() ? socketDir() : m_socketDir;
    const QString socket = host + QStringLiteral("/.s.PGSQL.") + QString::number(m_port);
    if (QFileInfo::exists(socket)) {
        if (Status closed = makePrivate(socket, true); !closed)
            return closed;
    }
    if (!rulesChanged)
        return Done{};
    // Reload the rules and wait until the server has: new connections follow them then.
    const QString psql = m_binDir + QStringLiteral("/psql");
    const QStringList loadTime = psqlConnection()
        + QStringList{QStringLiteral("-X"), QStringLiteral("-d"), QStringLiteral("postgres"),
                      QStringLiteral("-qAtc"), QStringLiteral("SELECT pg_conf_load_time()")};
    const Command before = run(psql, loadTime, false, 30000);
    if (!before.error.isEmpty() || before.exitCode != 0) {
        return makeError(ErrorKind::ConnectionLost,
                         LocalTr::tr("Cannot connect to the local database server: %1")
                             .arg(before.error.isEmpty() ? before.output.trimmed() : before.error));
    }
    const Command reload =
        run(m_binDir + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("reload")}, true, 30000);
    if (!reload.error.isEmpty() || reload.exitCode != 0) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local database server did not reload its access "
                                     "rules: %1")
                             .arg(reload.error.isEmpty() ? reload.output.trimmed() : reload.error));
    }
    QDeadlineTimer deadline(15000);
    for (;;) {
        const Command now = run(psql, loadTime, false, 30000);
        if (now.error.isEmpty() && now.exitCode == 0 && now.output != before.output)
            return Done{};
        if (deadline.hasExpired()) {
            return makeError(ErrorKind::Other,
                             LocalTr::tr("The local database server did not reload its access "
                                         "rules in time: %1")
                                 .arg(now.error.isEmpty() ? now.output.trimmed() : now.error));
        }
        QThread::msleep(50);
    }
}

Status LocalStore::createDatabase()
{
    const QStringList connection = psqlConnection();
    // A server that was started a moment ago by someone else may still be starting up.
    QDeadlineTimer deadline(15000);
    Command exists;
    for (;;) {
        exists = run(m_binDir + QStringLiteral("/psql"),
                     connection
                         + QStringList{QStringLiteral("-X"), QStringLiteral("-d"),
                                       QStringLiteral("postgres"), QStringLiteral("-qAtc"),
                                       QStringLiteral("SELECT 1 FROM pg_database WHERE datname "
                                                      "= 'cronhelm'")},
                     false, 30000);
        if (exists.error.isEmpty() && exists.exitCode == 0)
            break;
        if (deadline.hasExpired() || !exists.error.isEmpty()) {
            const QString detail = exists.error.isEmpty() ? exists.output.trimmed() : exists.error;
            return makeError(
                ErrorKind::ConnectionLost,
                LocalTr::tr("Cannot connect to the local database server: %1").arg(detail));
        }
        QThread::msleep(250);
    }
    if (exists.output.trimmed() == QLatin1String("1"))
        return Done{};
    const Command createdb =
        run(m_binDir + QStringLiteral("/createdb"),
            connection + QStringList{QStringLiteral("cronhelm")}, false, 30000);
    if (!createdb.error.isEmpty() || createdb.exitCode != 0) {
        return makeError(
            ErrorKind::Other,
            LocalTr::tr("The cronhelm database cannot be created in the local store: %1")
                .arg(createdb.error.isEmpty() ? createdb.output.trimmed() : createdb.error));
    }
    return Done{};
}

Status LocalStore::migrate()
{
    StoreConnection connection(conninfo());
    Result<int> applied = Migrator(connection).migrate();
    if (!applied) {
        return makeError(applied.errorKind(),
                         LocalTr::tr("The schema of the local store cannot be brought up to "
                                     "date: %1")
                             .arg(applied.errorMessage()));
    }
    return Done{};
}

Status LocalStore::stop()
{
    if (!m_startedServer)
        return Done{};
    Status stopped = stopServer();
    if (stopped)
        m_startedServer = false;
    return stopped;
}

Status LocalStore::stopServer()
{
    if (!QFile::exists(dataDir() + QStringLiteral("/PG_VERSION")))
        return Done{};
    if (m_binDir.isEmpty()) {
        Result<QString> binaries = findServerBinaries(dataDir());
        if (!binaries)
            return binaries.error();
        m_binDir = *binaries;
    }
    const Command pgctl =
        run(m_binDir + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            true, 90000);
    if ((pgctl.error.isEmpty() && pgctl.exitCode == 0) || !isServerRunning())
        return Done{};
    return makeError(ErrorKind::Other,
                     LocalTr::tr("The local database server did not stop: %1")
                         .arg(pgctl.error.isEmpty() ? pgctl.output.trimmed() : pgctl.error));
}

bool LocalStore::isServerRunning() const
{
    if (!QFile::exists(dataDir() + QStringLiteral("/PG_VERSION")))
        return false;
    QString binDir = m_binDir;
    if (binDir.isEmpty()) {
        Result<QString> binaries = findServerBinaries(dataDir());
        if (!binaries)
            return QFile::exists(dataDir() + QStringLiteral("/postmaster.pid"));
        binDir = *binaries;
    }
    const Command status =
        run(binDir + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("status")}, true, 30000);
    return status.error.isEmpty() && status.exitCode == 0;
}

LocalStore::Command LocalStore::run(const QString &program, const QStringList &arguments,
                                    bool asOwner, int timeoutMs, const QString &outputFile) const
{
    Command out;
    QProcess process;
    if (asOwner && m_asRoot) {
        QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (runuser.isEmpty()) {
            runuser = QStandardPaths::findExecutable(
                QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        }
        if (runuser.isEmpty()) {
            out.error = LocalTr::tr("runuser is not installed; it is needed to run the database "
                                    "server as the 'postgres' user.");
            return out;
        }
        process.setProgram(runuser);
        process.setArguments(QStringList{QStringLiteral("-u"), QString::fromLatin1(kServerUser),
                                         QStringLiteral("--"), program}
                             + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    // The server's owner may not be allowed into the current directory (e.g. /root).
    process.setWorkingDirectory(QFileInfo::exists(storeDir()) ? storeDir() : QDir::rootPath());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    process.start();
    if (!process.waitForStarted(10000)) {
        out.error = LocalTr::tr("%1 cannot be run: %2").arg(program, process.errorString());
        return out;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        out.error = LocalTr::tr("%1 did not finish within %n seconds.", nullptr, timeoutMs / 1000)
                        .arg(program);
        return out;
    }
    if (outputFile.isEmpty())
        out.output = QString::fromLocal8Bit(process.readAll());
    out.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return out;
}

Status LocalStore::writeOwned(const QString &path, const QByteArray &contents) const
{
#ifdef Q_OS_UNIX
    // Opened without following a link: as root, the server's user owns the data folder and
    // could put a link in place of pg_hba.conf, and root would truncate and write what it
    // points to (/etc/shadow). Only a regular file with one name is written.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ELOOP)
        return symbolicLinkRefused(path);
    struct stat info = {};
    if (fd >= 0 && (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink != 1)) {
        ::close(fd);
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store's %1 is not a plain file; refusing to "
                                     "write it.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    QFile file;
    const bool opened =
        fd >= 0 && file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle);
    if (fd >= 0 && !opened)
        ::close(fd);
#else
    QFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly | QIODevice::Truncate);
#endif
    if (!opened || file.write(contents) < 0) {
        return makeError(
            ErrorKind::Other,
            LocalTr::tr("The file %1 cannot be written: %2")
                .arg(path,
                     opened ? file.errorString() : QString::fromLocal8Bit(std::strerror(errno))));
    }
    file.close();
    return m_asRoot ? giveToOwner(path) : Status(Done{});
}

Status LocalStore::giveToOwner(const QString &path) const
{
#ifdef Q_OS_UNIX
    const passwd *owner = ::getpwnam(kServerUser);
    if (!owner) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("As root, the local store's server runs as the 'postgres' "
                                     "user, but there is no such user. Install the PostgreSQL "
                                     "server package (sudo apt install postgresql)."));
    }
    if (Status notLink = refuseLink(path); !notLink)
        return notLink;
    // lchown: a link planted in between is changed itself, not what it points to.
    if (::lchown(QFile::encodeName(path).constData(), owner->pw_uid, owner->pw_gid) != 0) {
        return makeError(
            ErrorKind::Other,
            LocalTr::tr("The folder %1 cannot be given to the 'postgres' user.").arg(path));
    }
#else
    Q_UNUSED(path);
#endif
    return Done{};
}

Error LocalStore::symbolicLinkRefused(const QString &path)
{
    return makeError(ErrorKind::Other,
                     LocalTr::tr("The local store's %1 is a symbolic link; refusing to use "
                                 "it. Remove it, or choose another data folder with "
                                 "CRONHELM_LOCAL_DIR.")
                         .arg(QDir::toNativeSeparators(path)));
}

// As root a symbolic link would make chown/chmod act on whatever it points to: a file of
// the system, handed to 'postgres' or opened to it.
Status LocalStore::refuseLink(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISLNK(info.st_mode))
        return symbolicLinkRefused(path);
#else
    Q_UNUSED(path);
#endif
    return Done{};
}

// The store's folder must be a real folder of the user who runs the store: in a folder
// others can write to (/tmp), someone could have made it, or a link in its place, before.
Status LocalStore::checkOwnFolder(const QString &path)
{
    if (Status notLink = refuseLink(path); !notLink)
        return notLink;
#ifdef Q_OS_UNIX
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode)
        || info.st_uid != ::geteuid()) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store's folder %1 belongs to another user; "
                                     "refusing to use it. Choose another data folder with "
                                     "CRONHELM_LOCAL_DIR.")
                             .arg(QDir::toNativeSeparators(path)));
    }
#endif
    return Done{};
}

Status LocalStore::makePrivate(const QString &path, bool folder) const
{
    if (Status notLink = refuseLink(path); !notLink)
        return notLink;
#ifdef Q_OS_UNIX
    if (::chmod(QFile::encodeName(path).constData(), folder ? 0700 : 0600) != 0) {
        return makeError(ErrorKind::Other,
                         LocalTr::tr("The local store's %1 cannot be closed to other users.")
                             .arg(QDir::toNativeSeparators(path)));
    }
#else
    Q_UNUSED(path);
    Q_UNUSED(folder);
#endif
    return Done{};
}

QString LocalStore::logTail(const QString &path, int lines) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all =
        QString::fromLocal8Bit(file.readAll()).trimmed().split(QLatin1Char('\n'));
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

} // namespace Cronhelm
