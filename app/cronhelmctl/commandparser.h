#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cronhelm {

// One QCommandLineParser per (sub)command, with what every command shares: --help, --db,
// a usage line naming the whole command ("cronhelmctl job add [options] NAME"), the exit
// codes in the help text, and usage errors that exit with 2 (QCommandLineParser::process()
// would exit with 1 and cannot be used).
class CommandParser
{
public:
    enum class Database { Used, Unused };
    // command: the words after "cronhelmctl", e.g. "job add". A command that never connects
    // still accepts --db (scripts pass it everywhere) but does not advertise it.
    CommandParser(QString command, const QString &description, Database database = Database::Used);

    void addPositional(const QString &name, const QString &description, const QString &syntax = {});
    void addOption(const QCommandLineOption &option);
    void addOptions(const QList<QCommandLineOption> &options);

    // Parses `args`, whose first element is the command word itself (skipped). Returns an
    // exit code when the command must stop here: 0 after printing --help, 2 after a usage
    // error (already reported). Checks the number of positional arguments.
    std::optional<int> parse(const QStringList &args, int minPositional, int maxPositional);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }
    QStringList values(const QCommandLineOption &option) const { return m_parser.values(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    const QCommandLineParser &parser() const { return m_parser; }

    // The --db given after the command, if any.
    std::optional<QString> db() const;

    QString helpText() const;
    // Reports a usage error ("cronhelmctl: <message>" and where to find help); returns 2.
    int usageError(const QString &message) const;

private:
    QString m_command;
    QStringList m_syntax;
    QCommandLineParser m_parser;
};

// The shared --db option (also accepted before the command).
QCommandLineOption dbOption();

// Splits "a,b" and repeated options into one list, dropping empty items.
QStringList splitList(const QStringList &values);

} // namespace Cronhelm
