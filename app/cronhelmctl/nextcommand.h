#pragma once

#include <QStringList>

namespace Cronhelm {

// `cronhelmctl next EXPR`: the next fire instants of a cron expression. Needs no database.
class NextCommand
{
public:
    int run(const QStringList &args);
};

} // namespace Cronhelm
