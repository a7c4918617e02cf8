#include "connectionsecurity.h"

#include "storeconnection.h"

#include <libpq-fe.h>
#include <pqxx/pqxx>

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
    Result<ConnectionSecurity> read = connection.statement([](pqxx::transaction_base &tx) {
        const pqxx::result r =
            tx.exec("SELECT s.ssl, s.version, s.cipher, inet_client_addr() IS NULL"
                    " FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()");
        ConnectionSecurity security;
        if (r.empty())
            return security;
        const pqxx::row row = r[0];
        security.encrypted = !row[0].is_null() && row[0].as<bool>();
        if (!row[1].is_null())
            security.tlsVersion = QString::fromUtf8(row[1].c_str());
        if (!row[2].is_null())
            security.cipher = QString::fromUtf8(row[2].c_str());
        security.localSocket = row[3].as<bool>();
        return security;
    });
    if (read)
        read->sslMode = effectiveSslMode(connection.conninfo());
    return read;
}

} // namespace Cronhelm
