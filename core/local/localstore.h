#pragma once

#include <result.h>

#include <QString>

#include <functional>

namespace Cronhelm {

// A private PostgreSQL server for the current user: the "local store" of a one-machine
// Cronhelm. Same on-disk layout as scripts/local-stack.sh and scripts/pg-local.sh, so the
// desktop app (`cronhelm --local`) and the README's run command share one store:
//
//   <root>/port              the port number (names the socket file; no TCP listener)
//   <root>/store/data        the cluster (initdb -U cronhelm -E UTF8)
//   <root>/store/sock        the unix socket directory
//   <root>/store/port        the port, as pg-local.sh writes it
//   <root>/store/server.log  the server's log (0600)
//
// <root> is $CRONHELM_LOCAL_DIR, else $XDG_DATA_HOME/cronhelm (~/.local/share/cronhelm);
// as root /var/lib/cronhelm-local, and the server runs as the 'postgres' user (initdb
// refuses root), started through runuser.
//
// Who gets in (the same rules as pg-local.sh; docs/security.md): <root> and every folder
// below it are the owner's alone (0700; as root <root> is 0710 root:postgres so that the
// server can enter), the socket is 0700, and pg_hba.conf trusts nobody: the OS user that
// owns the store logs in as the superuser cronhelm by peer authentication (pg_ident map
// "owner": the current user and the server's user), every other role needs its password.
// start() re-applies all of this every time, so a store made by an older version (folders
// 0755, socket 0777, trust) is tightened, whether its server runs already or not.
//
// Every method blocks (initdb takes seconds): call them from a worker thread, never from
// the GUI thread (LocalStack does that).
class LocalStore
{
public:
    using Progress = std::function<void(const QString &message)>;

    // root empty: defaultRoot().
    explicit LocalStore(QString root = QString());

    static QString defaultRoot();
    // The PostgreSQL server programs: $CRONHELM_PG_BINDIR, else the bin directory of the
    // version an existing cluster was made with, else the newest /usr/lib/postgresql/*/bin
    // that has initdb. An error says which package to install.
    static Result<QString> findServerBinaries(const QString &dataDir = QString());

    QString root() const { return m_root; }
    QString storeDir() const;
    QString dataDir() const;
    QString socketDir() const;
    QString serverLog() const;

    // Creates the cluster when there is none, starts the server unless it already runs,
    // creates the cronhelm database and brings the schema up to date. On success
    // conninfo() connects.
    Status start(const Progress &progress = {});
    // Stops the server (pg_ctl stop -m fast), but only when start() started it.
    Status stop();
    // Stops the server whoever started it.
    Status stopServer();

    // Whether a server runs on the data directory (pg_ctl status).
    bool isServerRunning() const;

    int port() const { return m_port; }
    QString conninfo() const;
    // What the last start() did.
    bool createdCluster() const { return m_createdCluster; }
    bool startedServer() const { return m_startedServer; }

private:
    struct Command
    {
        int exitCode = -1;
        QString output;
        QString error; // the program could not be run at all
    };
    Command run(const QString &program, const QStringList &arguments, bool asOwner, int timeoutMs,
                const QString &outputFile = QString()) const;
    Status prepareDirectories();
    // Writes pg_hba.conf and pg_ident.conf; `changed` tells whether either was different.
    Status writeAccessRules(bool *changed) const;
    // For a server that runs already (maybe started by an older version): closes its socket
    // to other users and makes it load changed access rules.
    Status tightenRunningServer(bool rulesChanged);
    QString serverUser() const;
    QStringList psqlConnection() const;
    Status choosePort();
    Status checkSocketPath() const;
    Status initCluster();
    Status startServer();
    void readRunningServer();
    Status createDatabase();
    Status migrate();
    Status writeOwned(const QString &path, const QByteArray &contents) const;
    Status giveToOwner(const QString &path) const;
    // The refusal of `path`, found to be a symbolic link.
    static Error symbolicLinkRefused(const QString &path);
    // An error when `path` is a symbolic link.
    static Status refuseLink(const QString &path);
    // An error unless `path` is a folder (not a link) of this process's user.
    static Status checkOwnFolder(const QString &path);
    // Only the owner may enter, read or write (0700 folders, 0600 files).
    Status makePrivate(const QString &path, bool folder) const;
    // The store folder, its socket folder and the server log: the owner's alone (an older
    // store made them readable by everyone; tightened on every start).
    Status closeStore() const;
    QString logTail(const QString &path, int lines) const;

    QString m_root;
    QString m_binDir;
    QString m_socketDir; // where the running server's socket is
    int m_port = 0;
    bool m_asRoot = false;
    bool m_createdCluster = false;
    bool m_startedServer = false;
};

} // namespace Cronhelm
