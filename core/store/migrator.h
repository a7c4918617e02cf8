#pragma once

#include <result.h>

#include <QString>

namespace Cronhelm {

class StoreConnection;

// Applies the versioned schema migrations shipped inside the binaries (Qt resources
// under :/cronhelm/migrations). Idempotent; refuses a database whose schema is newer than
// this build knows.
class Migrator
{
public:
    explicit Migrator(StoreConnection &connection);

    // The newest schema version this build contains.
    static int latestVersion();

    // 0 when the schema is not installed.
    Result<int> installedVersion();

    // Brings the schema to `targetVersion` (default: latest). Returns the number of
    // migrations applied.
    Result<int> migrate(int targetVersion = -1);

    // For the node and the apps: OK only when the installed schema is exactly the one this
    // build speaks; otherwise a message saying what to do.
    Status checkCompatible();

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm
