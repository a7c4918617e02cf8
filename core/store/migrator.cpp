#include "migrator.h"

#include "storeconnection.h"

#include <coretr.h>

#include <pqxx/pqxx>

#include <QDir>
#include <QFile>

namespace Cronhelm {

namespace {

struct Migration
{
    int version;
    QString name;
    QString path;
};

QList<Migration> bundledMigrations()
{
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/cronhelm/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        // NNNN_name.sql
        bool ok = false;
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok)
            out.append({version, file.chopped(4), dir.filePath(file)});
    }
    return out;
}

// Serialises concurrent `migrate` calls (two nodes starting at once).
constexpr long long migrationLockKey = 0x43524f4e4d4947; // "CRONMIG"

} // namespace

Migrator::Migrator(StoreConnection &connection)
    : m_connection(connection)
{}

int Migrator::latestVersion()
{
    const QList<Migration> all = bundledMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> Migrator::installedVersion()
{
    return m_connection.transact([](pqxx::transaction_base &tx) {
        const pqxx::result exists =
            tx.exec("SELECT to_regclass('cronhelm.schema_migrations') IS NOT NULL");
        if (!exists[0][0].as<bool>())
            return 0;
        const pqxx::result r =
            tx.exec("SELECT coalesce(max(version), 0) FROM cronhelm.schema_migrations");
        return r[0][0].as<int>();
    });
}

Result<int> Migrator::migrate(int targetVersion)
{
    const QList<Migration> all = bundledMigrations();
    const int latest = all.isEmpty() ? 0 : all.last().version;
    if (targetVersion < 0)
        targetVersion = latest;

    // Read every file first: a broken resource must not leave a half-migrated schema.
    QList<std::pair<Migration, std::string>> scripts;
    for (const Migration &m : all) {
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorKind::Other, CoreTr::tr("cannot read migration %1").arg(m.path));
        scripts.append({m, file.readAll().toStdString()});
    }

    struct Outcome
    {
        int applied = 0;
        int installed = 0;
    };
    Result<Outcome> outcome = m_connection.transact([&](pqxx::transaction_base &tx) {
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", migrationLockKey);
        tx.exec("CREATE SCHEMA IF NOT EXISTS cronhelm");
        tx.exec("CREATE TABLE IF NOT EXISTS cronhelm.schema_migrations ("
                " version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
                " applied_by text NOT NULL DEFAULT session_user)");
        Outcome o;
        o.installed =
            tx.exec("SELECT coalesce(max(version), 0) FROM cronhelm.schema_migrations")[0][0]
                .as<int>();
        if (o.installed > latest)
            return o;
        for (const auto &[m, sql] : scripts) {
            if (m.version <= o.installed || m.version > targetVersion)
                continue;
            tx.exec(sql);
            tx.exec_params("INSERT INTO cronhelm.schema_migrations (version, name) VALUES ($1, $2)",
                           m.version, m.name.toStdString());
            ++o.applied;
        }
        return o;
    });
    if (!outcome)
        return outcome.error();
    if (outcome->installed > latest) {
        return makeError(ErrorKind::Conflict,
                         CoreTr::tr("The database schema is version %1, newer than this Cronhelm "
                                    "(which knows up to version %2). Upgrade Cronhelm before "
                                    "using this database.")
                             .arg(outcome->installed)
                             .arg(latest));
    }
    return outcome->applied;
}

Status Migrator::checkCompatible()
{
    Result<int> installed = installedVersion();
    if (!installed)
        return installed.error();
    const int latest = latestVersion();
    if (*installed == 0) {
        return makeError(ErrorKind::NotFound,
                         CoreTr::tr("The database has no Cronhelm schema yet. Run \"cronhelmctl "
                                    "migrate\" to install it."));
    }
    if (*installed > latest) {
        return makeError(ErrorKind::Conflict,
                         CoreTr::tr("The database schema is version %1, newer than this Cronhelm "
                                    "(which knows up to version %2). Upgrade Cronhelm.")
                             .arg(*installed)
                             .arg(latest));
    }
    if (*installed < latest) {
        return makeError(ErrorKind::Conflict,
                         CoreTr::tr("The database schema is version %1 but this Cronhelm needs "
                                    "version %2. Run \"cronhelmctl migrate\".")
                             .arg(*installed)
                             .arg(latest));
    }
    return Done{};
}

} // namespace Cronhelm
