#pragma once

#include <domain/connectionsecurity.h>
#include <result.h>

#include <QString>

namespace Cronhelm {

class StoreConnection;

// The sslmode a libpq connection string (key=value or URI) connects with: the one it gives,
// else $PGSSLMODE, else libpq's default ("prefer"). Empty when the string does not parse.
QString effectiveSslMode(const QString &conninfo);

// What libpq knows of this open connection: TLS in use, protocol, cipher, socket or not.
Result<ConnectionSecurity> readConnectionSecurity(StoreConnection &connection);

} // namespace Cronhelm
