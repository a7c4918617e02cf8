// TLS to the store (issue 10): a connection typed into the dialog for a network host is
// verify-full by default, against a real PostgreSQL with TLS (a CA and a server certificate
// made with openssl for this run). The right CA connects and the status bar says the
// connection is encrypted and the server verified; another CA, or a host name the
// certificate does not name, is refused with an explanation; weaker modes and local
// sockets are shown for what they are. The dialog is driven with keys and clicks, as a
// person would.

#include "uitestsupport.h"

#include <connectiondialog.h>
#include <connectionprofiles.h>
#include <connectionstatus.h>
#include <mainwindow.h>
#include <messagebar.h>
#include <storeclient.h>

#include <httptestserver.h>
#include <store/migrator.h>
#include <store/storeconnection.h>

#include <pqxx/pqxx>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void typedHostDefaultsToVerifyFull();
    void unverifiableServerIsRefused_data();
    void unverifiableServerIsRefused();
    void weakerModeIsShownUnverified();
    void localSocketNeedsNoTls();
    void securityIsDecidedOnThisSide_data();
    void securityIsDecidedOnThisSide();
    void nodeWarnsWhenTheStoreIsNotVerified_data();
    void nodeWarnsWhenTheStoreIsNotVerified();

private:
    // Runs a program; false (with its output as a warning) when it fails.
    bool run(const QString &program, const QStringList &arguments,
             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QString certFile(const char *name) const { return m_certs.filePath(QLatin1String(name)); }

    // Types a connection into the dialog, as a person would; empty values are left alone.
    void type(ConnectionDialog *dialog, const QString &host, const QString &caFile,
              const QString &profile = QString());

    QTemporaryDir m_certs;
    QString m_serverDir;
    quint16 m_port = 0;
    QString m_password;
};

namespace {

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

QPushButton *connectButton(ConnectionDialog *dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

QString pgLocal()
{
    return qEnvironmentVariable("CRONHELM_SOURCE_DIR") + QStringLiteral("/scripts/pg-local.sh");
}

} // namespace

bool TestTls::run(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_certs.path());
    process.start(program, arguments);
    if (!process.waitForFinished(90000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
                 process.readAll().constData());
        return false;
    }
    return true;
}

void TestTls::initTestCase()
{
    prepareGuiTestEnvironment();
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(!qEnvironmentVariable("CRONHELM_SOURCE_DIR").isEmpty(),
             "CRONHELM_SOURCE_DIR is not set: run the tests through ctest");
    QVERIFY(m_certs.isValid());

    // A CA, a server certificate it signs for the name "localhost" only, and another CA.
    const QString openssl = QStringLiteral("openssl");
    const QStringList ecKey = {
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    for (const char *ca : {"ca", "other-ca"}) {
        const QString name = QLatin1String(ca);
        QVERIFY(run(openssl,
                    QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                        + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                      QStringLiteral("-out"), name + QStringLiteral(".crt"),
                                      QStringLiteral("-days"), QStringLiteral("2"),
                                      QStringLiteral("-subj"),
                                      QStringLiteral("/CN=Cronhelm test ") + name}));
    }
    QVERIFY(run(openssl,
                QStringList{QStringLiteral("req")} + ecKey
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                  QStringLiteral("-out"), QStringLiteral("server.csr"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}));
    QFile extensions(certFile("server.ext"));
    QVERIFY(extensions.open(QIODevice::WriteOnly));
    extensions.write("subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n"
                     "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    QVERIFY(
        run(openssl,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), QStringLiteral("server.crt"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")}));

    // A server of its own with TLS on and a TCP listener on 127.0.0.1 (hostssl only).
    m_serverDir = QStringLiteral("/tmp/chtls-%1").arg(QCoreApplication::applicationPid());
    m_port = HttpTestServer::unusedPort();
    QVERIFY(m_port != 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PG_LISTEN"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("PG_TLS_CERT"), certFile("server.crt"));
    env.insert(QStringLiteral("PG_TLS_KEY"), certFile("server.key"));
    QVERIFY(run(QStringLiteral("bash"),
                {pgLocal(), QStringLiteral("start"), m_serverDir, QString::number(m_port)}, env));
    QFile pgpass(m_serverDir + QStringLiteral("/pgpass"));
    QVERIFY(pgpass.open(QIODevice::ReadOnly));
    m_password = QString::fromUtf8(pgpass.readLine()).trimmed().section(QLatin1Char(':'), 4);
    QVERIFY(!m_password.isEmpty());
    // The schema, through the socket as the store's owner.
    StoreConnection owner(QStringLiteral("host=%1/sock port=%2 dbname=cronhelm user=cronhelm")
                              .arg(m_serverDir)
                              .arg(m_port));
    CH_VERIFY_OK(Migrator(owner).migrate());
}

void TestTls::init()
{
    QSettings().clear();
}

void TestTls::cleanupTestCase()
{
    if (!m_serverDir.isEmpty())
        run(QStringLiteral("bash"), {pgLocal(), QStringLiteral("destroy"), m_serverDir});
}

void TestTls::type(ConnectionDialog *dialog, const QString &host, const QString &caFile,
                   const QString &profile)
{
    QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), host);
    auto *port = child<QSpinBox>(dialog, "portSpin");
    port->setFocus();
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, QString::number(m_port));
    QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("cronhelm"));
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), m_password);
    if (!caFile.isEmpty())
        QTest::keyClicks(child<QLineEdit>(dialog, "caFileEdit"), caFile);
    if (!profile.isEmpty())
        QTest::keyClicks(child<QLineEdit>(dialog, "profileNameEdit"), profile);
}

void TestTls::typedHostDefaultsToVerifyFull()
{
    StoreClient client;
    MainWindow window(&client);
    window.show();
    QPointer<ConnectionDialog> dialog = window.showConnectionDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    type(dialog, QStringLiteral("localhost"), certFile("ca.crt"), QStringLiteral("Secure"));
    QCOMPARE(child<QSpinBox>(dialog, "portSpin")->value(), int(m_port));
    // Nobody touched the TLS choice: a network host gets the safest mode.
    auto *mode = child<QComboBox>(dialog, "sslModeCombo");
    QCOMPARE(mode->currentData().toString(), QStringLiteral("verify-full"));
    QVERIFY(mode->isEnabled());
    QVERIFY(child<QLabel>(dialog, "tlsNote")->isHidden());
    QVERIFY(connectButton(dialog)->isEnabled());
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !accepted.isEmpty() || (dialog && dialog->messageBar()->type() == MessageBar::Type::Error),
        15000);
    QVERIFY2(!accepted.isEmpty(), dialog ? qPrintable(dialog->messageBar()->text()) : "");
    QCOMPARE(client.state(), ConnectionState::Connected);

    // The status bar asks the server: encrypted, and the server verified.
    ConnectionStatus *status = window.connectionStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->securityText(), QStringLiteral("Encrypted, server verified"),
                              10000);
    const QString why = status->findChild<QLabel *>(QStringLiteral("securityLabel"))->toolTip();
    QVERIFY2(why.contains(QLatin1String("TLSv1.")) && why.contains(QLatin1String("verify-full")),
             qPrintable(why));

    // The saved profile keeps verify-full and the CA file (and no password).
    const std::optional<ConnectionProfile> saved =
        ConnectionProfiles::load(QStringLiteral("Secure"));
    QVERIFY(saved);
    QCOMPARE(saved->params.sslMode, QStringLiteral("verify-full"));
    QCOMPARE(saved->params.sslRootCert, certFile("ca.crt"));
    QVERIFY(saved->params.password.isEmpty());
    client.disconnectFromStore();
}

void TestTls::unverifiableServerIsRefused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("says");
    // A server posing with a certificate from a CA this user does not trust.
    QTest::newRow("another CA") << QStringLiteral("localhost") << QStringLiteral("other-ca.crt")
                                << QStringLiteral("could not be verified");
    // The right CA, but the certificate names another host.
    QTest::newRow("another name") << QStringLiteral("127.0.0.1") << QStringLiteral("ca.crt")
                                  << QStringLiteral("different host name");
}

void TestTls::unverifiableServerIsRefused()
{
    QFETCH(QString, host);
    QFETCH(QString, ca);
    QFETCH(QString, says);
    StoreClient client;
    MainWindow window(&client);
    window.show();
    QPointer<ConnectionDialog> dialog = window.showConnectionDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    type(dialog, host, m_certs.filePath(ca));
    QCOMPARE(child<QComboBox>(dialog, "sslModeCombo")->currentData().toString(),
             QStringLiteral("verify-full"));
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->messageBar()->type() == MessageBar::Type::Error, 15000);
    const QString message = dialog->messageBar()->text();
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY(dialog->isVisible());
    QCOMPARE(client.state(), ConnectionState::Offline);
    QVERIFY(window.connectionStatus()->securityText().isEmpty());
}

void TestTls::weakerModeIsShownUnverified()
{
    StoreClient client;
    MainWindow window(&client);
    window.show();
    QPointer<ConnectionDialog> dialog = window.showConnectionDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    type(dialog, QStringLiteral("localhost"), QString());
    // Down twice from the safest: "Require TLS (certificate not checked)".
    auto *mode = child<QComboBox>(dialog, "sslModeCombo");
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(mode->currentData().toString(), QStringLiteral("require"));
    auto *note = child<QLabel>(dialog, "tlsNote");
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(QLatin1String("pose as it")), qPrintable(note->text()));
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    QVERIFY(accepted.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->securityText(),
                              QStringLiteral("Encrypted, server not verified"), 10000);
    client.disconnectFromStore();
    QTRY_VERIFY(window.connectionStatus()->securityText().isEmpty());
}

void TestTls::localSocketNeedsNoTls()
{
    StoreClient client;
    MainWindow window(&client);
    window.show();
    QPointer<ConnectionDialog> dialog = window.showConnectionDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    // The store's owner through its socket (peer: no password needed, none typed).
    QTest::keyClicks(child<QLineEdit>(dialog, "hostEdit"), m_serverDir + QStringLiteral("/sock"));
    auto *port = child<QSpinBox>(dialog, "portSpin");
    port->setFocus();
    QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(port, QString::number(m_port));
    QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("cronhelm"));
    QVERIFY(!child<QComboBox>(dialog, "sslModeCombo")->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "caFileEdit")->isEnabled());
    QVERIFY(child<QLabel>(dialog, "tlsNote")->text().contains(QLatin1String("Not needed")));
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    QVERIFY(accepted.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->securityText(),
                              QStringLiteral("Local connection"), 10000);
    client.disconnectFromStore();
}

// A node is the part of the product that runs what the store tells it: it says loudly
// when its connection could be served by someone posing as the store.
void TestTls::nodeWarnsWhenTheStoreIsNotVerified_data()
{
    QTest::addColumn<QString>("modeAndCa");
    QTest::addColumn<QString>("says");
    QTest::newRow("require") << QStringLiteral("sslmode=require")
                             << QStringLiteral("the server is not verified (sslmode=require)");
    QTest::newRow("verify-full")
        << QStringLiteral("sslmode=verify-full sslrootcert=%1").arg(certFile("ca.crt"))
        << QStringLiteral("server verified");
}

void TestTls::nodeWarnsWhenTheStoreIsNotVerified()
{
    QFETCH(QString, modeAndCa);
    QFETCH(QString, says);
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(
        qEnvironmentVariable("CRONHELM_BUILD_DIR")
            + QStringLiteral("/app/cronhelm-node/cronhelm-node"),
        {QStringLiteral("--db"),
         QStringLiteral("host=localhost port=%1 dbname=cronhelm user=cronhelm password=%2 %3")
             .arg(m_port)
             .arg(m_password, modeAndCa),
         QStringLiteral("--node-id"), QStringLiteral("tls-node")});
    QVERIFY(node.waitForStarted());
    QByteArray output;
    QTRY_VERIFY2_WITH_TIMEOUT((output += node.readAll()).contains("database connection"),
                              output.constData(), 15000);
    QVERIFY2(output.contains(says.toUtf8()), output.constData());
    QCOMPARE(output.contains("could pose as the store"), says.contains(QLatin1String("not")));
    node.terminate();
    QVERIFY(node.waitForFinished(15000));
}

// A server posing as the store can say anything about the connection: that it is
// encrypted (pg_stat_ssl), that it comes through a local socket (inet_client_addr() NULL).
// The status bar takes neither from it: a login whose search_path puts lying stand-ins for
// both before pg_catalog plays the impostor, over plain TCP and over unverified TLS.
void TestTls::securityIsDecidedOnThisSide_data()
{
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain TCP") << QStringLiteral("disable") << QStringLiteral("Not encrypted");
    QTest::newRow("unverified TLS")
        << QStringLiteral("require") << QStringLiteral("Encrypted, server not verified");
}

void TestTls::securityIsDecidedOnThisSide()
{
    QFETCH(QString, sslMode);
    QFETCH(QString, shown);
    const QString owner = QStringLiteral("host=%1/sock port=%2 dbname=cronhelm user=cronhelm")
                              .arg(m_serverDir)
                              .arg(m_port);
    StoreConnection admin(owner);
    Result<bool> prepared = admin.transact([this](pqxx::transaction_base &tx) {
        if (tx.exec("SELECT 1 FROM pg_roles WHERE rolname = 'impostor'").empty()) {
            tx.exec("CREATE ROLE impostor LOGIN IN ROLE cronhelm_viewer PASSWORD "
                    + tx.quote(m_password.toStdString()));
            tx.exec("CREATE SCHEMA impostor_says AUTHORIZATION impostor");
            tx.exec("CREATE VIEW impostor_says.pg_stat_ssl AS SELECT pg_backend_pid() AS pid, "
                    "true AS ssl, 'TLSv1.3'::text AS version, 'FAKE'::text AS cipher");
            tx.exec("CREATE FUNCTION impostor_says.inet_client_addr() RETURNS inet "
                    "LANGUAGE sql AS 'SELECT NULL::inet'");
            tx.exec("GRANT SELECT ON impostor_says.pg_stat_ssl TO impostor");
            tx.exec("GRANT EXECUTE ON FUNCTION impostor_says.inet_client_addr() TO impostor");
            tx.exec("ALTER ROLE impostor SET search_path = impostor_says, pg_catalog, "
                    "\"$user\", public");
        }
        return true;
    });
    CH_VERIFY_OK(prepared);
    // Plain TCP for this login only (the server otherwise takes TLS only: hostssl).
    QFile hba(m_serverDir + QStringLiteral("/data/pg_hba.conf"));
    QVERIFY(hba.open(QIODevice::ReadWrite | QIODevice::Text));
    if (!hba.readAll().contains("impostor"))
        hba.write("host cronhelm impostor 127.0.0.1/32 scram-sha-256\n");
    hba.close();
    CH_VERIFY_OK(admin.transact([](pqxx::transaction_base &tx) {
        tx.exec("SELECT pg_reload_conf()");
        return true;
    }));
    const QString conninfo =
        QStringLiteral("host=127.0.0.1 port=%1 dbname=cronhelm user=impostor password=%2 "
                       "sslmode=%3")
            .arg(m_port)
            .arg(m_password, sslMode);
    // The lie works: asked, the server claims TLS and a local socket.
    StoreConnection lied(conninfo);
    Result<QString> claims = lied.transact([](pqxx::transaction_base &tx) {
        const pqxx::row r = tx.exec("SELECT s.ssl, inet_client_addr() IS NULL FROM pg_stat_ssl s "
                                    "WHERE s.pid = pg_backend_pid()")[0];
        return QString::fromStdString(r[0].as<std::string>() + r[1].as<std::string>());
    });
    CH_VERIFY_OK(claims);
    QCOMPARE(*claims, QStringLiteral("tt"));

    StoreClient client;
    MainWindow window(&client);
    window.show();
    QVERIFY(connectClient(client, conninfo));
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->securityText(), shown, 10000);
    const QString why =
        window.connectionStatus()->findChild<QLabel *>(QStringLiteral("securityLabel"))->toolTip();
    QVERIFY2(!why.contains(QLatin1String("FAKE")), qPrintable(why));
    client.disconnectFromStore();
}

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
