#pragma once

#include <result.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Cronhelm::Test {

// A database of its own for one test, on the harness's PostgreSQL server (started by the
// CTest fixture "pg"; see tests/CMakeLists.txt). Created fresh, with the Cronhelm schema
// installed unless asked otherwise; dropped, with the roles it created, on destruction.
class TestDatabase
{
public:
    // label: a short name for the test (part of the database name, for debugging).
    // ctype: the database's LC_CTYPE (and LC_COLLATE), e.g. "C"; empty: the server's.
    static Result<std::unique_ptr<TestDatabase>>
    create(const QString &label, bool installSchema = true, const QString &ctype = {});
    ~TestDatabase();

    QString name() const { return m_name; }
    // libpq conninfo for the superuser that owns the schema.
    QString conninfo() const;
    // libpq conninfo for logging in as `role`.
    QString conninfoAs(const QString &role) const;
    // Creates a LOGIN role (unique name) that is a member of `memberOf` (e.g.
    // "cronhelm_viewer"), or of nothing when empty. Returns its name.
    Result<QString> createLoginRole(const QString &memberOf);

    // Runs SQL as the owner and returns the rows as text (NULL as a null QString).
    Result<QList<QStringList>> query(const QString &sql);
    // The first column of the first row, or an error when there is no row.
    Result<QString> scalar(const QString &sql);

    // Where the harness server is: its socket directory and port.
    static QString serverHost();
    static QString serverPort();

private:
    TestDatabase() = default;
    QString m_name;
    QStringList m_roles;
};

} // namespace Cronhelm::Test
