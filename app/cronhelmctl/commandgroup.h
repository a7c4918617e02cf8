#pragma once

#include "ctlconnection.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Cronhelm {

// A command with subcommands ("job add", "runs list"): lists them in its help, accepts
// --db before the subcommand, and hands the rest of the arguments to the chosen one.
class CommandGroup
{
public:
    using Handler = std::function<int(const CtlContext &context, const QStringList &args)>;

    CommandGroup(QString name, QString description);
    void add(const QString &name, const QString &summary, Handler handler);

    // args: what follows the group's name on the command line.
    int run(const CtlContext &context, const QStringList &args) const;
    QString helpText() const;

private:
    struct Subcommand
    {
        QString name;
        QString summary;
        Handler handler;
    };
    QString m_name;
    QString m_description;
    QList<Subcommand> m_subcommands;
};

} // namespace Cronhelm
