#include "uitestsupport.h"

#include <connectiondialog.h>
#include <connectionparams.h>
#include <connectionprofiles.h>
#include <messagebar.h>
#include <passwordstore.h>
#include <startup.h>
#include <store/storeconnection.h>

#include <pqxx/pqxx>
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
    void explainsRealFailures_data();
    void explainsRealFailures();
    void rotatedPasswordGoesOffline();
    void tooManyClientsIsRetried();
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
    // What the store layer decides (core/store/connectfailure.h), with a German libpq
    // message as the detail: the explanation must come from the kind, the SQLSTATE and the
    // field alone.
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("sqlstate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says");
    const int refused = int(ErrorKind::LoginRefused);
    const int lost = int(ErrorKind::ConnectionLost);
    QTest::newRow("password") << refused << "28P01"
                              << "password"
                              << "refused the password";
    QTest::newRow("no password") << refused << ""
                                 << "password"
                                 << "asks for a password";
    QTest::newRow("role or hba") << refused << "28000"
                                 << "user"
                                 << "does not let this user in";
    QTest::newRow("database") << refused << "3D000"
                              << "database"
                              << "database does not exist";
    QTest::newRow("no connect") << refused << "42501"
                                << "database"
                                << "may not connect to this database";
    QTest::newRow("too many") << lost << "53300"
                              << ""
                              << "no connection to spare";
    QTest::newRow("starting") << lost << "57P03"
                              << ""
                              << "starting up";
    QTest::newRow("unreachable") << lost << ""
                                 << ""
                                 << "cannot be reached";
    QTest::newRow("ca file") << lost << ""
                             << "sslrootcert"
                             << "CA certificate file cannot be read";
    QTest::newRow("name mismatch") << lost << ""
                                   << "host"
                                   << "different host name";
    QTest::newRow("verify") << lost << ""
                            << "certificate"
                            << "could not be verified";
    QTest::newRow("no tls") << lost << ""
                            << "sslmode"
                            << "does not offer TLS";
    QTest::newRow("other refusal") << refused << ""
                                   << ""
                                   << "refused this login";
}

void TestConnection::explainsConnectFailures()
{
    QFETCH(int, kind);
    QFETCH(QString, sqlstate);
    QFETCH(QString, field);
    QFETCH(QString, says);
    const QString libpq = QStringLiteral(
        "Verbindung zum Server auf Socket »/tmp/.s.PGSQL.5432« fehlgeschlagen: FATAL:  ...");
    const QString text = explainConnectFailure(Error{ErrorKind(kind), libpq, field, sqlstate});
    QVERIFY2(text.contains(says), qPrintable(text));
    QVERIFY(text.contains(libpq.trimmed())); // the raw message stays as a detail
}

// The same against the real server: under ui.german.connection libpq and the server speak
// German, and the explanation is still the precise one.
void TestConnection::explainsRealFailures_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("says");
    QTest::newRow("wrong password") << "password=not-it"
                                    << "refused the password";
    QTest::newRow("no password") << "passfile=/nonexistent/pgpass"
                                 << "asks for a password";
    QTest::newRow("login taken away") << "NOLOGIN"
                                      << "does not let this user in";
    QTest::newRow("unknown database") << "dbname=no_such_db"
                                      << "database does not exist";
}

void TestConnection::explainsRealFailures()
{
    QFETCH(QString, how);
    QFETCH(QString, says);
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    if (how == QLatin1String("NOLOGIN"))
        CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(*login)));
    // libpq takes the last value given for a key.
    StoreConnection connection(db->conninfoAs(*login) + QLatin1Char(' ')
                               + (how == QLatin1String("NOLOGIN") ? QString() : how));
    Status opened = connection.open();
    QVERIFY(!opened);
    const QString text = explainConnectFailure(opened.error());
    QVERIFY2(text.contains(says), qPrintable(text));
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

namespace {

// Ends the app's session(s) on the server, as an administrator or a restart would; not the
// one of `spared`.
void terminateAppSessions(TestDatabase &db, const QString &spared = QStringLiteral("0"))
{
    CH_VERIFY_OK(db.query(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE application_name = 'cronhelm' AND datname = current_database() "
                       "AND pid <> pg_backend_pid() AND pid <> %1")
            .arg(spared)));
}

} // namespace

// Issue 12's own example: the password is changed while the app is connected. The app
// loses its session, tries again, is refused, and stops (Offline), saying why, instead of
// retrying forever. Under ui.german.connection the server and libpq speak German.
void TestConnection::rotatedPasswordGoesOffline()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfoAs(*login)));
    QSignalSpy states(&client, &StoreClient::stateChanged);
    CH_VERIFY_OK(
        db->query(QStringLiteral("ALTER ROLE %1 PASSWORD 'rotated-elsewhere'").arg(*login)));
    terminateAppSessions(*db);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Offline, 10000);
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.first().first().value<ConnectionState>(), ConnectionState::Reconnecting);
    QVERIFY2(client.stateMessage().contains(QLatin1String("refused the password")),
             qPrintable(client.stateMessage()));
    // And it stays there: no further attempt (the first retry comes within a second).
    const qsizetype seen = states.size();
    QVERIFY(!QTest::qWaitFor([&] { return states.size() > seen; }, 3000));
    QCOMPARE(client.state(), ConnectionState::Offline);
}

// A server out of connections for this login (53300) is up and refusing, like a refused
// login, but it passes: the app keeps trying and gets back in once a slot is free.
void TestConnection::tooManyClientsIsRetried()
{
    CH_DATABASE(db);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    StoreClient client;
    QVERIFY(connectClient(client, db->conninfoAs(*login)));
    auto holder = std::make_unique<StoreConnection>(db->conninfoAs(*login));
    Result<int> holderPid = holder->transact([](pqxx::transaction_base &tx) {
        return tx.exec("SELECT pg_backend_pid()")[0][0].as<int>();
    });
    CH_VERIFY_OK(holderPid);
    CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 CONNECTION LIMIT 1").arg(*login)));
    QSignalSpy states(&client, &StoreClient::stateChanged);
    terminateAppSessions(*db, QString::number(*holderPid));
    // Refused at least twice, and still trying.
    QTRY_VERIFY_WITH_TIMEOUT(
        client.stateMessage().contains(QLatin1String("no connection to spare")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(states.size() >= 3, 10000);
    for (const QList<QVariant> &change : std::as_const(states))
        QVERIFY(change.first().value<ConnectionState>() != ConnectionState::Offline);
    QCOMPARE(client.state(), ConnectionState::Reconnecting);
    holder.reset();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Connected, 30000);
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
