#pragma once

#include <result.h>

#include <store/storeconnection.h>

#include <QString>

#include <memory>
#include <optional>

namespace Cronhelm {

class CommandParser;

// What the top-level command line decided for every command.
struct CtlContext
{
    std::optional<QString> db; // --db given before the command
};

// The database connection of one cronhelmctl command. Commands that need no database
// (next, --help, --version) never create one.
class CtlConnection
{
public:
    // --db after the command wins, then --db before it, then $CRONHELM_DB; otherwise an
    // empty conninfo, so libpq applies the usual PG* environment variables.
    static QString resolveConninfo(const CtlContext &context, const CommandParser &command);

    explicit CtlConnection(const QString &conninfo);

    // Connects; a failure is reported as "cannot connect to the database: …".
    Status open();
    StoreConnection &store() { return m_store; }

private:
    StoreConnection m_store;
};

} // namespace Cronhelm
