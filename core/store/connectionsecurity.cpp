#include "connectionsecurity.h"

#include "storeconnection.h"

#include <coretr.h>

#include <libpq-fe.h>

#include <memory>

namespace Cronhelm {

QString effectiveSslMode(const QString &conninfo)
{
    // libpq's own parser, so that both forms and every quoting rule are read as libpq does.
    char *error = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(conninfo.toUtf8().constData(), &error), &PQconninfoFree);
    PQfreemem(error);
    if (!options)
        return {};
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (qstrcmp(option->keyword, "sslmode") == 0 && option->val && *option->val)
            return QString::fromUtf8(option->val);
    }
    // Not given: libpq's default, which $PGSSLMODE overrides.
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> defaults(PQconndefaults(),
                                                                          &PQconninfoFree);
    for (const PQconninfoOption *option = defaults.get(); option && option->keyword; ++option) {
        if (qstrcmp(option->keyword, "sslmode") == 0 && option->val && *option->val)
            return QString::fromUtf8(option->val);
    }
    return QStringLiteral("prefer");
}

Result<ConnectionSecurity> readConnectionSecurity(StoreConnection &connection)
{
    // Decided on this side (libpq), never taken from the server's own report: a server
    // posing as the store would claim TLS, or a local socket, to hide a downgrade.
    if (!connection.isOpen())
        return makeError(ErrorKind::ConnectionLost, CoreTr::tr("not connected to the database"));
    const StoreTransport transport = connection.transport();
    ConnectionSecurity security;
    security.localSocket = transport.localSocket;
    security.encrypted = transport.tls;
    security.tlsVersion = transport.tlsProtocol;
    security.cipher = transport.tlsCipher;
    security.sslMode = effectiveSslMode(connection.conninfo());
    return security;
}

} // namespace Cronhelm
