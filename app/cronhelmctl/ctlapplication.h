#pragma once

#include <QStringList>

namespace Cronhelm {

// The top level of cronhelmctl: global options (--db, --help, --version) and the choice of
// command. Returns the process exit code; nothing below it calls exit().
class CtlApplication
{
public:
    int run(const QStringList &arguments);

private:
    static QString helpText();
};

} // namespace Cronhelm
