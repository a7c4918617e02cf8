#include "testdatabase.h"

#include <store/migrator.h>
#include <store/storeconnection.h>

#include <pqxx/pqxx>

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace Cronhelm::Test {

namespace {

QString conninfoFor(const QString &db, const QString &user)
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(TestDatabase::serverHost(), TestDatabase::serverPort(), db, user);
}

QAtomicInt counter;

// The password of the roles tests create: scripts/pg-local.sh keeps it in the file libpq
// reads as PGPASSFILE ("*:*:*:*:password"), so every client the tests start finds it.
QString rolePassword()
{
    QFile file(qEnvironmentVariable("PGPASSFILE"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed().section(QLatin1Char(':'), 4);
}

Status execAsAdmin(const std::string &sql)
{
    try {
        pqxx::connection c(
            conninfoFor(QStringLiteral("postgres"), QStringLiteral("cronhelm")).toStdString());
        pqxx::nontransaction tx(c);
        tx.exec(sql);
        return Done{};
    } catch (const std::exception &e) {
        return errorFromException(e);
    }
}

} // namespace

QString TestDatabase::serverHost()
{
    return qEnvironmentVariable("CRONHELM_TEST_PGHOST");
}

QString TestDatabase::serverPort()
{
    return qEnvironmentVariable("CRONHELM_TEST_PGPORT", QStringLiteral("5432"));
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::create(const QString &label, bool installSchema,
                                                           const QString &ctype)
{
    if (serverHost().isEmpty()) {
        return makeError(ErrorKind::Other,
                         QStringLiteral("CRONHELM_TEST_PGHOST is not set: run the tests through "
                                        "ctest, whose fixture starts PostgreSQL"));
    }
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    QString clean = label.toLower();
    clean.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    db->m_name = QStringLiteral("t_%1_%2_%3")
                     .arg(clean.left(30))
                     .arg(QCoreApplication::applicationPid())
                     .arg(counter.fetchAndAddRelaxed(1));
    std::string sql = "CREATE DATABASE " + db->m_name.toStdString();
    if (!ctype.isEmpty()) {
        // template1 has the server's locale: another one needs template0.
        sql += " TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE '" + ctype.toStdString()
            + "' LC_COLLATE '" + ctype.toStdString() + "'";
    }
    if (Status s = execAsAdmin(sql); !s)
        return s.error();
    if (installSchema) {
        StoreConnection connection(db->conninfo());
        Migrator migrator(connection);
        if (Result<int> r = migrator.migrate(); !r)
            return r.error();
    }
    return db;
}

TestDatabase::~TestDatabase()
{
    (void)execAsAdmin("DROP DATABASE IF EXISTS " + m_name.toStdString() + " WITH (FORCE)");
    for (const QString &role : std::as_const(m_roles))
        (void)execAsAdmin("DROP ROLE IF EXISTS " + role.toStdString());
}

QString TestDatabase::conninfo() const
{
    return conninfoFor(m_name, QStringLiteral("cronhelm"));
}

QString TestDatabase::conninfoAs(const QString &role) const
{
    return conninfoFor(m_name, role);
}

Result<QString> TestDatabase::createLoginRole(const QString &memberOf)
{
    const QString role = QStringLiteral("%1_u%2").arg(m_name).arg(m_roles.size());
    // Only the server's owner logs in without a password (peer); see scripts/pg-local.sh.
    const QString password = rolePassword();
    if (password.isEmpty()) {
        return makeError(ErrorKind::Other,
                         QStringLiteral("PGPASSFILE does not name the harness's pgpass file: "
                                        "run the tests through ctest"));
    }
    std::string sql =
        "CREATE ROLE " + role.toStdString() + " LOGIN PASSWORD '" + password.toStdString() + "'";
    if (!memberOf.isEmpty())
        sql += " IN ROLE " + memberOf.toStdString();
    if (Status s = execAsAdmin(sql); !s)
        return s.error();
    m_roles.append(role);
    return role;
}

Result<QList<QStringList>> TestDatabase::query(const QString &sql)
{
    try {
        pqxx::connection c(conninfo().toStdString());
        pqxx::work tx(c);
        tx.exec("SET TimeZone = 'UTC'");
        const pqxx::result r = tx.exec(sql.toStdString());
        tx.commit();
        QList<QStringList> rows;
        for (const pqxx::row &row : r) {
            QStringList cells;
            for (const pqxx::field &f : row)
                cells.append(f.is_null() ? QString() : QString::fromUtf8(f.c_str()));
            rows.append(cells);
        }
        return rows;
    } catch (const std::exception &e) {
        return errorFromException(e);
    }
}

Result<QString> TestDatabase::scalar(const QString &sql)
{
    Result<QList<QStringList>> rows = query(sql);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().isEmpty())
        return makeError(ErrorKind::NotFound, QStringLiteral("no rows from: %1").arg(sql));
    return rows->first().first();
}

} // namespace Cronhelm::Test
