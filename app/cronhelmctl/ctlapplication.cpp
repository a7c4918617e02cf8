#include "ctlapplication.h"

#include "commandparser.h"
#include "console.h"
#include "ctlconnection.h"
#include "ctltr.h"
#include "exitcodes.h"
#include "jobcommands.h"
#include "migratecommand.h"
#include "nextcommand.h"
#include "retentioncommands.h"
#include "runcommands.h"
#include "statuscommand.h"

#include <QCommandLineParser>

namespace Cronhelm {

QString CtlApplication::helpText()
{
    return CtlTr::tr(
               "Usage: cronhelmctl [--db conninfo] <command> [options]\n"
               "\n"
               "Cronhelm's command line: highly available cron for teams.\n"
               "\n"
               "Commands:\n"
               "  next EXPR        Print the next fire instants of a cron expression.\n"
               "  migrate          Install or upgrade the database schema.\n"
               "  job …            add, edit, list, show, pause, resume, delete, run-now, "
               "cancel-once\n"
               "  runs …           list, show, log, export, cancel\n"
               "  status           Show the executor, its lease and the nodes.\n"
               "  retention …      show, set: how long the run history is kept\n"
               "\n"
               "Options:\n"
               "  --db <conninfo>  libpq conninfo string or URI, before or after the command\n"
               "                   (default: $CRONHELM_DB, else the PG* variables).\n"
               "  -h, --help       Show this help; \"cronhelmctl <command> --help\" for a "
               "command.\n"
               "  -v, --version    Show the version.\n"
               "\n")
        + exitCodesHelp();
}

int CtlApplication::run(const QStringList &arguments)
{
    // Global options come before the command; everything from the command on belongs to
    // it (its own parser accepts --db as well, so --db works on either side).
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QString());
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(dbOption());
    if (!parser.parse(arguments)) {
        Console::error(parser.errorText());
        Console::note(CtlTr::tr("Try \"cronhelmctl --help\"."));
        return ExitBadInput;
    }
    if (parser.isSet(version)) {
        Console::outLine(QStringLiteral("cronhelmctl " CRONHELM_VERSION));
        return ExitOk;
    }
    QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || rest.value(0) == QLatin1String("help")) {
        Console::out(helpText());
        return ExitOk;
    }
    if (rest.isEmpty()) {
        Console::error(CtlTr::tr("missing command"));
        Console::note(helpText());
        return ExitBadInput;
    }

    CtlContext context;
    if (parser.isSet(QStringLiteral("db")))
        context.db = parser.value(QStringLiteral("db"));
    const QString command = rest.constFirst();
    if (command == QLatin1String("next"))
        return NextCommand().run(rest);
    if (command == QLatin1String("migrate"))
        return MigrateCommand(context).run(rest);
    if (command == QLatin1String("status"))
        return StatusCommand(context).run(rest);
    if (command == QLatin1String("job") || command == QLatin1String("jobs"))
        return JobCommands::group().run(context, rest.mid(1));
    if (command == QLatin1String("runs") || command == QLatin1String("run"))
        return RunCommands::group().run(context, rest.mid(1));
    if (command == QLatin1String("retention"))
        return RetentionCommands::group().run(context, rest.mid(1));
    Console::error(CtlTr::tr("unknown command \"%1\"").arg(command));
    Console::note(CtlTr::tr("Try \"cronhelmctl --help\"."));
    return ExitBadInput;
}

} // namespace Cronhelm
