#include "uitestsupport.h"

#include <connectiondialog.h>
#include <connectionparams.h>
#include <connectionprofiles.h>
#include <messagebar.h>
#include <passwordstore.h>
#include <startup.h>
#include <storeclient.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void explainsConnectFailures_data();
    void explainsConnectFailures();
    void buildsConninfo();
    void parsesCommandLine_data();
    void parsesCommandLine();
    void connectsAndSavesProfileWithoutPassword();
    void keychainUnavailableIsSaidPlainly();
    void unreachableServerStaysInDialog();
    void verifyFullNeedsCaFile();
};

namespace {

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// Fills the dialog for the harness server.
void fill(ConnectionDialog &dialog, TestDatabase &db, const QString &profile)
{
    child<QLineEdit>(&dialog, "hostEdit")->setText(TestDatabase::serverHost());
    child<QSpinBox>(&dialog, "portSpin")->setValue(TestDatabase::serverPort().toInt());
    child<QLineEdit>(&dialog, "databaseEdit")->setText(db.name());
    child<QLineEdit>(&dialog, "userEdit")->setText(QStringLiteral("cronhelm"));
    child<QLineEdit>(&dialog, "profileNameEdit")->setText(profile);
    auto *mode = child<QComboBox>(&dialog, "sslModeCombo");
    mode->setCurrentIndex(mode->findData(QStringLiteral("disable")));
}

QStringList words(const char *line)
{
    return QString::fromLatin1(line).split(QLatin1Char(' '));
}

QPushButton *connectButton(ConnectionDialog &dialog)
{
    return child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

} // namespace

void TestConnection::initTestCase()
{
    prepareGuiTestEnvironment();
    // No session bus: the system keychain is unavailable, as on a bare desktop.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

void TestConnection::init()
{
    QSettings().clear();
}

void TestConnection::explainsConnectFailures_data()
{
    QTest::addColumn<QString>("libpq");
    QTest::addColumn<QString>("says");
    QTest::newRow("password") << "connection to server at \"db\" (10.0.0.1), port 5432 failed: "
                                 "FATAL:  password authentication failed for user \"maria\""
                              << "refused the password";
    QTest::newRow("no password") << "fe_sendauth: no password supplied"
                                 << "asks for a password";
    QTest::newRow("refused")
        << "connection to server at \"db\" (10.0.0.1), port 5432 failed: Connection refused\n\tIs "
           "the server running on that host and accepting TCP/IP connections?"
        << "cannot be reached";
    QTest::newRow("dns")
        << "could not translate host name \"dbx\" to address: Name or service not known"
        << "cannot be reached";
    QTest::newRow("timeout") << "connection to server at \"db\" failed: timeout expired"
                             << "cannot be reached";
    QTest::newRow("database") << "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: "
                                 "FATAL:  database \"nope\" does not exist"
                              << "database does not exist";
    QTest::newRow("role") << "FATAL:  role \"nobody\" does not exist"
                          << "user does not exist";
    QTest::newRow("hba") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"maria\", "
                            "database \"cronhelm\", no encryption"
                         << "does not accept connections from this computer";
    QTest::newRow("ca file")
        << "root certificate file \"/x/ca.crt\" does not exist\nEither provide the file or change "
           "sslmode to disable server certificate verification."
        << "CA certificate file cannot be read";
    QTest::newRow("name mismatch")
        << "server certificate for \"db.internal\" does not match host name \"db\""
        << "different host name";
    QTest::newRow("verify") << "SSL error: certificate verify failed"
                            << "could not be verified";
    QTest::newRow("no tls") << "server does not support SSL, but SSL was required"
                            << "does not offer TLS";
}

void TestConnection::explainsConnectFailures()
{
    QFETCH(QString, libpq);
    QFETCH(QString, says);
    const QString text = explainConnectFailure(Error{ErrorKind::Other, libpq, {}, {}});
    QVERIFY2(text.contains(says), qPrintable(text));
    QVERIFY(text.contains(libpq.trimmed())); // the raw message stays as a detail
}

void TestConnection::buildsConninfo()
{
    ConnectionParams p;
    p.host = QStringLiteral("db.example.com");
    p.port = 6432;
    p.database = QStringLiteral("cron helm");
    p.user = QStringLiteral("maria");
    p.password = QStringLiteral("it's s3cret\\");
    p.sslMode = QStringLiteral("verify-full");
    p.sslRootCert = QStringLiteral("/etc/ssl/ca.crt");
    QCOMPARE(p.toConninfo(),
             QStringLiteral(
                 "host=db.example.com port=6432 dbname='cron helm' user=maria "
                 "password='it\\'s s3cret\\\\' sslmode=verify-full sslrootcert=/etc/ssl/ca.crt"));
    QVERIFY(!p.describe().contains(QLatin1String("s3cret")));
    QCOMPARE(
        withAppConnectDefaults(QStringLiteral("postgresql://db/x")),
        QStringLiteral(
            "postgresql://db/"
            "x?connect_timeout=5&keepalives_idle=10&keepalives_interval=5&keepalives_count=3"));
    QVERIFY(withAppConnectDefaults(QStringLiteral("host=db connect_timeout=30"))
                .contains(QLatin1String("connect_timeout=30")));
    QVERIFY(!withAppConnectDefaults(QStringLiteral("host=db connect_timeout=30"))
                 .contains(QLatin1String("connect_timeout=5")));
}

void TestConnection::parsesCommandLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("runs");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("db") << words("cronhelm --db host=x") << true << 0;
    QTest::newRow("profile and lang") << words("cronhelm --profile prod --lang de") << true << 0;
    QTest::newRow("local") << words("cronhelm --local") << true << 0;
    QTest::newRow("two sources") << words("cronhelm --db x --local") << false << 2;
    QTest::newRow("unknown option") << words("cronhelm --frobnicate") << false << 2;
    QTest::newRow("stray argument") << words("cronhelm extra") << false << 2;
    QTest::newRow("help") << words("cronhelm --help") << false << 0;
    QTest::newRow("help all") << words("cronhelm --help-all") << false << 0;
}

void TestConnection::parsesCommandLine()
{
    QFETCH(QStringList, args);
    QFETCH(bool, runs);
    QFETCH(int, exitCode);
    const ParsedCommandLine parsed = parseCommandLine(args);
    QCOMPARE(parsed.options.has_value(), runs);
    if (!runs) {
        QCOMPARE(parsed.exitCode, exitCode);
        QVERIFY(!parsed.output.isEmpty());
    }
    if (qstrcmp(QTest::currentDataTag(), "profile and lang") == 0) {
        QCOMPARE(parsed.options->profile, QStringLiteral("prod"));
        QCOMPARE(parsed.options->language, QStringLiteral("de"));
    }
}

void TestConnection::connectsAndSavesProfileWithoutPassword()
{
    CH_DATABASE(db);
    StoreClient client;
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.show();
    fill(dialog, *db, QStringLiteral("Production"));
    child<QLineEdit>(&dialog, "passwordEdit")->setText(QStringLiteral("hunter2"));
    child<QCheckBox>(&dialog, "rememberCheck")->setChecked(true);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy writeFailed(&passwords, &PasswordStore::writeFailed);
    connectButton(dialog)->click();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(client.state(), ConnectionState::Connected);

    const std::optional<ConnectionProfile> saved =
        ConnectionProfiles::load(QStringLiteral("Production"));
    QVERIFY(saved);
    QCOMPARE(saved->params.database, db->name());
    QVERIFY(saved->rememberPassword);
    QCOMPARE(ConnectionProfiles::lastUsed(), QStringLiteral("Production"));
    // The password is nowhere in the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("Production"));
    QVERIFY(!contents.contains("hunter2"));
    // Without a keychain, the user is told the password was not kept.
    QVERIFY(writeFailed.wait(5000));
    QVERIFY2(
        writeFailed.first().first().toString().contains(QLatin1String("keychain is not available")),
        qPrintable(writeFailed.first().first().toString()));
}

void TestConnection::keychainUnavailableIsSaidPlainly()
{
    CH_DATABASE(db);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.params.host = TestDatabase::serverHost();
    profile.params.port = TestDatabase::serverPort().toInt();
    profile.params.database = db->name();
    profile.params.user = QStringLiteral("cronhelm");
    profile.params.sslMode = QStringLiteral("disable");
    profile.rememberPassword = true;
    ConnectionProfiles::save(profile);

    StoreClient client;
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.selectProfile(QStringLiteral("Staging"));
    dialog.connectWhenReady(); // as `cronhelm --profile Staging`
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.keychainNote().isEmpty(), 5000);
    QVERIFY2(dialog.keychainNote().contains(QLatin1String("ask for the password each session")),
             qPrintable(dialog.keychainNote()));
    // The harness server needs no password, so connecting still works.
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 10000);
}

void TestConnection::unreachableServerStaysInDialog()
{
    StoreClient client;
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.show();
    child<QLineEdit>(&dialog, "hostEdit")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&dialog, "portSpin")->setValue(1);
    child<QLineEdit>(&dialog, "userEdit")->setText(QStringLiteral("maria"));
    connectButton(dialog)->click();
    QVERIFY(!connectButton(dialog)->isEnabled()); // while connecting
    QTRY_VERIFY_WITH_TIMEOUT(dialog.messageBar()->type() == MessageBar::Type::Error, 10000);
    QVERIFY2(dialog.messageBar()->text().contains(QLatin1String("cannot be reached")),
             qPrintable(dialog.messageBar()->text()));
    // Nothing was ever established: the details say it cannot connect, not that a
    // connection was lost.
    QVERIFY2(dialog.messageBar()->text().contains(QLatin1String("Cannot connect to the database")),
             qPrintable(dialog.messageBar()->text()));
    QVERIFY(!dialog.messageBar()->text().contains(QLatin1String("lost")));
    QVERIFY(dialog.isVisible());
    QVERIFY(connectButton(dialog)->isEnabled());
    QCOMPARE(client.state(), ConnectionState::Offline);
}

void TestConnection::verifyFullNeedsCaFile()
{
    StoreClient client;
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.show();
    child<QLineEdit>(&dialog, "hostEdit")->setText(QStringLiteral("db.example.com"));
    auto *mode = child<QComboBox>(&dialog, "sslModeCombo");
    mode->setCurrentIndex(mode->findData(QStringLiteral("verify-full")));
    // No CA file chosen: the system's trusted CAs, where this computer has them.
    const QString system = ConnectionParams::systemCaFile();
    QCOMPARE(connectButton(dialog)->isEnabled(), !system.isEmpty());
    QCOMPARE(child<QLabel>(&dialog, "caError")->isHidden(), !system.isEmpty());
    if (!system.isEmpty()) {
        QVERIFY(dialog.params().toConninfo().contains(QLatin1String("sslrootcert=") + system));
        QVERIFY(dialog.params().sslRootCert.isEmpty()); // a profile keeps "the system's"
    }
    child<QLineEdit>(&dialog, "caFileEdit")->setText(QStringLiteral("/nonexistent/ca.crt"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "caError")->text().contains(QLatin1String("does not exist")));
    QTemporaryDir dir;
    QFile ca(dir.filePath(QStringLiteral("ca.crt")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\n");
    ca.close();
    child<QLineEdit>(&dialog, "caFileEdit")->setText(ca.fileName());
    QVERIFY(connectButton(dialog)->isEnabled());
    QCOMPARE(dialog.params().sslMode, QStringLiteral("verify-full"));
    QVERIFY(dialog.params().toConninfo().contains(QLatin1String("sslrootcert=") + ca.fileName()));
}

QTEST_MAIN(TestConnection)
#include "tst_connection.moc"
