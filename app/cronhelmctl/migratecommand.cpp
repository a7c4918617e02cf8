#include "migratecommand.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"

#include <store/migrator.h>

namespace Cronhelm {

MigrateCommand::MigrateCommand(const CtlContext &context)
    : m_context(context)
{}

int MigrateCommand::run(const QStringList &args)
{
    CommandParser cmd(QStringLiteral("migrate"),
                      CtlTr::tr("Install or upgrade the Cronhelm schema in the database. Safe to "
                                "run again: it applies only what is missing, and refuses a "
                                "schema newer than this build (exit 5)."));
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;

    CtlConnection db(CtlConnection::resolveConninfo(m_context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    Migrator migrator(db.store());
    Result<int> before = migrator.installedVersion();
    if (!before)
        return Console::fail(before.error());
    Result<int> applied = migrator.migrate();
    if (!applied)
        return Console::fail(applied.error());
    const int latest = Migrator::latestVersion();
    if (*applied == 0) {
        Console::outLine(CtlTr::tr("schema is up to date (version %1)").arg(latest));
    } else if (*before == 0) {
        Console::outLine(
            CtlTr::tr("installed schema version %1 (%n migration(s) applied)", nullptr, *applied)
                .arg(latest));
    } else {
        Console::outLine(CtlTr::tr("upgraded schema from version %1 to %2 (%n migration(s) "
                                   "applied)",
                                   nullptr, *applied)
                             .arg(*before)
                             .arg(latest));
    }
    return ExitOk;
}

} // namespace Cronhelm
