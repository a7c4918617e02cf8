#include "commandgroup.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"

#include <QCommandLineParser>

namespace Cronhelm {

CommandGroup::CommandGroup(QString name, QString description)
    : m_name(std::move(name))
    , m_description(std::move(description))
{}

void CommandGroup::add(const QString &name, const QString &summary, Handler handler)
{
    m_subcommands.append({name, summary, std::move(handler)});
}

int CommandGroup::run(const CtlContext &context, const QStringList &args) const
{
    // Options before the subcommand; everything from the subcommand on is its own.
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    parser.addOption(help);
    parser.addOption(dbOption());
    if (!parser.parse(QStringList{m_name} + args)) {
        Console::error(parser.errorText());
        Console::note(CtlTr::tr("Try \"cronhelmctl %1 --help\".").arg(m_name));
        return ExitBadInput;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || rest.value(0) == QLatin1String("help")) {
        Console::out(helpText());
        return ExitOk;
    }
    if (rest.isEmpty()) {
        Console::error(CtlTr::tr("missing subcommand"));
        Console::note(helpText());
        return ExitBadInput;
    }
    CtlContext inner = context;
    if (parser.isSet(QStringLiteral("db")))
        inner.db = parser.value(QStringLiteral("db"));
    for (const Subcommand &sub : m_subcommands) {
        if (sub.name == rest.constFirst())
            return sub.handler(inner, rest);
    }
    Console::error(CtlTr::tr("unknown subcommand \"%1 %2\"").arg(m_name, rest.constFirst()));
    Console::note(CtlTr::tr("Try \"cronhelmctl %1 --help\".").arg(m_name));
    return ExitBadInput;
}

QString CommandGroup::helpText() const
{
    QString text =
        CtlTr::tr("Usage: cronhelmctl %1 [--db conninfo] <subcommand> [options]\n\n").arg(m_name)
        + m_description + QStringLiteral("\n\n") + CtlTr::tr("Subcommands:") + QLatin1Char('\n');
    qsizetype width = 0;
    for (const Subcommand &sub : m_subcommands)
        width = std::max(width, sub.name.size());
    for (const Subcommand &sub : m_subcommands)
        text += QStringLiteral("  ") + sub.name.leftJustified(width + 2) + sub.summary
            + QLatin1Char('\n');
    text += QLatin1Char('\n')
        + CtlTr::tr("Run \"cronhelmctl %1 <subcommand> --help\" for its options.").arg(m_name)
        + QStringLiteral("\n\n") + exitCodesHelp();
    return text;
}

} // namespace Cronhelm
