#include "commandparser.h"

#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"

namespace Cronhelm {

QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              CtlTr::tr("Connect with this libpq conninfo string or URI "
                                        "(default: $CRONHELM_DB, else the PG* variables)."),
                              CtlTr::tr("conninfo"));
}

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &value : values) {
        const QStringList parts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
        }
    }
    return out;
}

CommandParser::CommandParser(QString command, const QString &description, Database database)
    : m_command(std::move(command))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                          CtlTr::tr("Show this help.")));
    QCommandLineOption db = dbOption();
    if (database == Database::Unused)
        db.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.addOption(db);
}

void CommandParser::addPositional(const QString &name, const QString &description,
                                  const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
    m_syntax.append(syntax.isEmpty() ? name : syntax);
}

void CommandParser::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

void CommandParser::addOptions(const QList<QCommandLineOption> &options)
{
    m_parser.addOptions(options);
}

std::optional<int> CommandParser::parse(const QStringList &args, int minPositional,
                                        int maxPositional)
{
    if (!m_parser.parse(args))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        Console::out(helpText());
        return ExitOk;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositional) {
        return usageError(
            CtlTr::tr("missing argument: %1").arg(m_syntax.mid(count).join(QLatin1Char(' '))));
    }
    if (maxPositional >= 0 && count > maxPositional) {
        return usageError(CtlTr::tr("unexpected argument \"%1\" (quote values that contain "
                                    "spaces)")
                              .arg(m_parser.positionalArguments().at(maxPositional)));
    }
    return std::nullopt;
}

std::optional<QString> CommandParser::db() const
{
    if (!m_parser.isSet(QStringLiteral("db")))
        return std::nullopt;
    return m_parser.value(QStringLiteral("db"));
}

QString CommandParser::helpText() const
{
    // QCommandLineParser names the executable by the path it was started with and knows
    // nothing of subcommands: replace its usage line with the whole command.
    QString text = m_parser.helpText();
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    QString usage = QStringLiteral("cronhelmctl ") + m_command + QStringLiteral(" [options]");
    if (!m_syntax.isEmpty())
        usage += QLatin1Char(' ') + m_syntax.join(QLatin1Char(' '));
    text = CtlTr::tr("Usage: %1").arg(usage) + QLatin1Char('\n') + text.mid(firstBreak);
    return text + QLatin1Char('\n') + exitCodesHelp();
}

int CommandParser::usageError(const QString &message) const
{
    Console::error(message);
    Console::note(CtlTr::tr("Try \"cronhelmctl %1 --help\".").arg(m_command));
    return ExitBadInput;
}

} // namespace Cronhelm
