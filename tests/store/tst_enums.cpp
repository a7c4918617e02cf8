// Each enum of the domain (core/domain/enums.cpp) is spelled once in C++; the columns that
// store one have a CHECK constraint listing the same words. A spelling added, renamed or
// removed on one side only would make a reader fall back silently (runs read back as
// "queued") or a write fail: this test reads each constraint from the schema
// (pg_get_constraintdef) and requires exactly the C++ spelling table.

#include "storetesthelpers.h"

#include <domain/enums.h>

#include <QRegularExpression>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

template<typename Enum>
QStringList spellings(const QList<Enum> &values = allValues<Enum>())
{
    QStringList names;
    for (Enum value : values)
        names.append(wireName(value));
    names.sort();
    return names;
}

} // namespace

class TestEnums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void checkConstraintsSpellTheEnums_data();
    void checkConstraintsSpellTheEnums();
    void apiWritesTheSpellings_data();
    void apiWritesTheSpellings();

private:
    FunctionDatabase m_db;
};

void TestEnums::checkConstraintsSpellTheEnums_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("spellings");
    QTest::newRow("RunStatus") << QStringLiteral("runs") << QStringLiteral("status")
                               << spellings<RunStatus>();
    QTest::newRow("RunTrigger") << QStringLiteral("runs") << QStringLiteral("trigger")
                                << spellings<RunTrigger>();
    QTest::newRow("LogStream") << QStringLiteral("run_logs") << QStringLiteral("stream")
                               << spellings<LogStream>();
    QTest::newRow("TargetKind") << QStringLiteral("jobs") << QStringLiteral("target_type")
                                << spellings<TargetKind>();
    QTest::newRow("ScheduleKind") << QStringLiteral("jobs") << QStringLiteral("schedule_kind")
                                  << spellings<ScheduleKind>();
    QTest::newRow("OnceState") << QStringLiteral("jobs") << QStringLiteral("once_state")
                               << spellings<OnceState>();
    QTest::newRow("RetryBackoff") << QStringLiteral("jobs") << QStringLiteral("retry_backoff")
                                  << spellings<RetryBackoff>();
    QTest::newRow("ConcurrencyPolicy") << QStringLiteral("jobs") << QStringLiteral("concurrency")
                                       << spellings<ConcurrencyPolicy>();
    QTest::newRow("MisfirePolicy")
        << QStringLiteral("jobs") << QStringLiteral("misfire") << spellings<MisfirePolicy>();
    // A node reports every role but Lost, which only the cluster view concludes.
    QList<NodeRole> reported = allValues<NodeRole>();
    reported.removeAll(NodeRole::Lost);
    QTest::newRow("NodeRole") << QStringLiteral("nodes") << QStringLiteral("state")
                              << spellings(reported);
}

void TestEnums::checkConstraintsSpellTheEnums()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QStringList, spellings);
    CH_FUNCTION_DATABASE(db, m_db);
    // The one CHECK constraint on that column alone.
    CH_SCALAR(definitions, db,
              QStringLiteral("SELECT string_agg(pg_get_constraintdef(c.oid), E'\\n') "
                             "FROM pg_constraint c "
                             "JOIN pg_attribute a ON a.attrelid = c.conrelid "
                             "AND a.attnum = c.conkey[1] "
                             "WHERE c.contype = 'c' AND cardinality(c.conkey) = 1 "
                             "AND c.conrelid = 'cronhelm.%1'::regclass AND a.attname = '%2'")
                  .arg(table, column));
    QVERIFY2(!definitions.isEmpty(), "no CHECK constraint on the column");
    QVERIFY2(!definitions.contains(QLatin1Char('\n')), qPrintable(definitions));

    // "CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, ...])))"
    static const QRegularExpression literal(QStringLiteral("'([^']*)'::text"));
    QStringList allowed;
    for (const QRegularExpressionMatch &m : literal.globalMatch(definitions))
        allowed.append(m.captured(1));
    allowed.sort();
    QCOMPARE(allowed, spellings);
}

// Columns without a CHECK constraint (audit_log.action, leadership_history.reason and
// end_reason): the words the SQL API's functions write there, read from their current
// source (pg_proc), must be exactly the C++ spellings, so that none is shown raw.
void TestEnums::apiWritesTheSpellings_data()
{
    QTest::addColumn<QString>("written"); // where a value is written, up to the value
    QTest::addColumn<QStringList>("spellings");
    QTest::newRow("AuditAction") << QStringLiteral("cronhelm\\._audit\\(\\s*")
                                 << spellings<AuditAction>();
    QTest::newRow("LeaseChangeReason") << QStringLiteral("(?:v_reason\\s*:=|end_reason\\s*=)\\s*")
                                       << spellings<LeaseChangeReason>();
}

void TestEnums::apiWritesTheSpellings()
{
    QFETCH(QString, written);
    QFETCH(QStringList, spellings);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_SCALAR(sources, db,
              QStringLiteral("SELECT string_agg(p.prosrc, E'\\n') FROM pg_proc p "
                             "WHERE p.pronamespace = 'cronhelm'::regnamespace"));
    // The value is a literal, or a CASE choosing between literals.
    const QRegularExpression value(written + QStringLiteral("(CASE\\b.*?\\bEND|'[a-z_]+')"),
                                   QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression literal(QStringLiteral("'([a-z_]+)'"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : value.globalMatch(sources)) {
        for (const QRegularExpressionMatch &word : literal.globalMatch(m.captured(1)))
            found.insert(word.captured(1));
    }
    QStringList allowed(found.cbegin(), found.cend());
    allowed.sort();
    QCOMPARE(allowed, spellings);
}

QTEST_GUILESS_MAIN(TestEnums)
#include "tst_enums.moc"
