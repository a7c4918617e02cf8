// SpreadsheetCsv, the history as a spreadsheet opens it, without a database: every cell a
// spreadsheet would run as a formula (= + - @, a tab or a carriage return first) gets a
// leading apostrophe, any other is unchanged, and quoting follows RFC 4180.

#include <spreadsheetcsv.h>

#include <QtTest>

using namespace Cronhelm;

class SpreadsheetCsvTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cell_data();
    void cell();
    void rowNeutralisesEveryColumn();
};

void SpreadsheetCsvTest::cell_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    // Formula starts.
    QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("hyperlink, quoted for its comma")
        << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
        << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    QTest::newRow("plus") << QStringLiteral("+41 cmd|' /C calc'!A0")
                          << QStringLiteral("'+41 cmd|' /C calc'!A0");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1:A2)") << QStringLiteral("'@SUM(A1:A2)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("carriage return, quoted")
        << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("lone equals") << QStringLiteral("=") << QStringLiteral("'=");

    // Everything else as it is.
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("nightly backup") << QStringLiteral("nightly backup");
    QTest::newRow("formula sign later") << QStringLiteral("a=1") << QStringLiteral("a=1");
    QTest::newRow("leading space") << QStringLiteral(" =1") << QStringLiteral(" =1");
    QTest::newRow("apostrophe") << QStringLiteral("'quoted") << QStringLiteral("'quoted");
    QTest::newRow("number") << QStringLiteral("42") << QStringLiteral("42");
    QTest::newRow("date") << QStringLiteral("2026-12-04 10:00:00")
                          << QStringLiteral("2026-12-04 10:00:00");
    QTest::newRow("non-ASCII") << QStringLiteral("Größe ≥ 5 €") << QStringLiteral("Größe ≥ 5 €");

    // RFC 4180 quoting.
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("double quote") << QStringLiteral("say \"hi\"")
                                  << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
    QTest::newRow("carriage return inside")
        << QStringLiteral("one\r\ntwo") << QStringLiteral("\"one\r\ntwo\"");
    QTest::newRow("tab inside") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
}

void SpreadsheetCsvTest::cell()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SpreadsheetCsv::cell(text), expected);
}

void SpreadsheetCsvTest::rowNeutralisesEveryColumn()
{
    RunRecord run;
    run.id = 7;
    run.jobId = 3;
    run.job = QStringLiteral("=cmd|' /C calc'!A0");
    run.status = RunStatus::Failed;
    run.node = QStringLiteral("@node");
    run.error = QStringLiteral("+1, then -1");
    const QByteArray row = SpreadsheetCsv(QTimeZone::utc()).row(run);
    QVERIFY2(row.endsWith("\r\n"), row.constData());
    QVERIFY2(row.contains(",'=cmd|' /C calc'!A0,"), row.constData());
    QVERIFY2(row.contains(",'@node,"), row.constData());
    QVERIFY2(row.contains(",\"'+1, then -1\""), row.constData());
}

QTEST_GUILESS_MAIN(SpreadsheetCsvTest)
#include "tst_spreadsheetcsv.moc"
