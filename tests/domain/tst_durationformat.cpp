// One duration formatter for the CLI and the desktop app (core/domain/durationformat.h).

#include <domain/durationformat.h>

#include <QLocale>
#include <QStandardPaths>
#include <QTest>

using namespace Cronhelm;

class TestDurationFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
    }
    void formatDuration_data();
    void formatDuration();
    void formatElapsed_data();
    void formatElapsed();
    void followsTheLocale();
};

void TestDurationFormat::formatDuration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative is zero") << qint64(-5) << QStringLiteral("0 ms");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0 ms");
    QTest::newRow("850 ms") << qint64(850) << QStringLiteral("850 ms");
    QTest::newRow("999 ms") << qint64(999) << QStringLiteral("999 ms");
    QTest::newRow("1 s") << qint64(1000) << QStringLiteral("1.0 s");
    QTest::newRow("8.2 s") << qint64(8240) << QStringLiteral("8.2 s");
    QTest::newRow("9.99 s") << qint64(9990) << QStringLiteral("10.0 s");
    QTest::newRow("10 s") << qint64(10000) << QStringLiteral("10 s");
    QTest::newRow("45.9 s") << qint64(45900) << QStringLiteral("45 s");
    QTest::newRow("59.9 s") << qint64(59999) << QStringLiteral("59 s");
    QTest::newRow("1 min") << qint64(60000) << QStringLiteral("1 min 00 s");
    QTest::newRow("3 min 5 s") << qint64(185000) << QStringLiteral("3 min 05 s");
    QTest::newRow("59 min 59 s") << qint64(3599000) << QStringLiteral("59 min 59 s");
    QTest::newRow("1 h") << qint64(3600000) << QStringLiteral("1 h 00 min");
    QTest::newRow("1 h 2 min") << qint64(3720000) << QStringLiteral("1 h 02 min");
    QTest::newRow("23 h 59 min") << qint64(86399000) << QStringLiteral("23 h 59 min");
    QTest::newRow("1 d") << qint64(86400000) << QStringLiteral("1 d 0 h");
    QTest::newRow("2 d 3 h") << qint64(183600000) << QStringLiteral("2 d 3 h");
}

void TestDurationFormat::formatDuration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Cronhelm::formatDuration(ms), text);
}

void TestDurationFormat::formatElapsed_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("under a second") << qint64(400) << QStringLiteral("0 ms");
    QTest::newRow("4.7 s") << qint64(4700) << QStringLiteral("4.0 s");
    QTest::newRow("45.3 s") << qint64(45300) << QStringLiteral("45 s");
    QTest::newRow("90 min 20.5 s") << qint64(5420500) << QStringLiteral("1 h 30 min");
}

void TestDurationFormat::formatElapsed()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Cronhelm::formatElapsed(ms), text);
}

void TestDurationFormat::followsTheLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(Cronhelm::formatDuration(8240), QStringLiteral("8,2 s"));
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(TestDurationFormat)
#include "tst_durationformat.moc"
