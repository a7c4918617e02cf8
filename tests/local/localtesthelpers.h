#pragma once

// Shared by the local store's tests (tests/local, tests/ui): a data root for one test that
// the server's owner can enter (as root the server runs as 'postgres', which cannot enter
// /root or a 0700 temporary directory), and a way to ask a local store about its nodes.

#include <local/localstore.h>
#include <store/clusterstore.h>
#include <store/storeconnection.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

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

} // namespace Cronhelm::Test
