#include "ctlconnection.h"

#include "commandparser.h"
#include "ctltr.h"

#include <coretr.h>

namespace Cronhelm {

QString CtlConnection::resolveConninfo(const CtlContext &context, const CommandParser &command)
{
    if (const std::optional<QString> db = command.db())
        return *db;
    if (context.db)
        return *context.db;
    return qEnvironmentVariable("CRONHELM_DB");
}

CtlConnection::CtlConnection(const QString &conninfo)
    : m_store(conninfo)
{}

Status CtlConnection::open()
{
    Status opened = m_store.open();
    if (opened)
        return opened;
    // The store says "Cannot connect to the database: …"; the command line words it in its
    // own style.
    QString detail = opened.errorMessage();
    for (const QString &prefix :
         {CoreTr::tr("Cannot connect to the database: %1").arg(QString()),
          CoreTr::tr("The connection to the database was lost: %1").arg(QString())}) {
        if (detail.startsWith(prefix))
            detail = detail.mid(prefix.size());
    }
    // Whatever the cause (unreachable server, refused login, malformed conninfo), a failure
    // to connect is exit code 1 for scripts: it says nothing about the operation asked for.
    return makeError(ErrorKind::Other,
                     CtlTr::tr("cannot connect to the database: %1").arg(detail.trimmed()));
}

} // namespace Cronhelm
