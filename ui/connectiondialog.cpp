#include "connectiondialog.h"

#include "formrows.h"

#include "messagebar.h"
#include "passwordstore.h"
#include "ui_connectiondialog.h"

#include <connectionprofiles.h>
#include <localstorecontroller.h>
#include <storeclient.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>

namespace Cronhelm {

ConnectionDialog::ConnectionDialog(StoreClient *client, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_passwords(passwords)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_messages(new MessageBar(this))
{
    Ui::ConnectionDialog &ui = *m_ui;
    ui.setupUi(this);
    ui.mainLayout->insertWidget(1, m_messages);
    ui.buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    // The safest first, and the default for a new connection (ConnectionParams).
    ui.sslModeCombo->addItem(tr("Require TLS, my CA and the right server name (safest)"),
                             QStringLiteral("verify-full"));
    ui.sslModeCombo->addItem(tr("Require TLS and a certificate from my CA"),
                             QStringLiteral("verify-ca"));
    ui.sslModeCombo->addItem(tr("Require TLS (certificate not checked)"),
                             QStringLiteral("require"));
    ui.sslModeCombo->addItem(tr("Use TLS when the server offers it"), QStringLiteral("prefer"));
    ui.sslModeCombo->addItem(tr("No TLS"), QStringLiteral("disable"));
    ui.sslModeCombo->setCurrentIndex(ui.sslModeCombo->findData(ConnectionParams().sslMode));
    if (const QString system = ConnectionParams::systemCaFile(); !system.isEmpty()) {
        //: %1 the file of the system's trusted certificate authorities
        ui.caFileEdit->setPlaceholderText(tr("the system's trusted CAs (%1)").arg(system));
    }
    m_formRows = std::make_unique<FormRows>(ui.form);
    for (QWidget *note :
         {static_cast<QWidget *>(ui.tlsNote), static_cast<QWidget *>(ui.keychainNote),
          static_cast<QWidget *>(ui.caError)})
        m_formRows->setRowVisible(note, false);
    QPalette errorPalette = ui.caError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    ui.caError->setPalette(errorPalette);

    connect(ui.profileCombo, &QComboBox::activated, this,
            [this](int index) { loadProfile(m_ui->profileCombo->itemData(index).toString()); });
    connect(ui.deleteProfileButton, &QPushButton::clicked, this, &ConnectionDialog::forgetProfile);
    connect(ui.browseCaButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose the CA Certificate"), m_ui->caFileEdit->text(),
            tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_ui->caFileEdit->setText(file);
    });
    for (QLineEdit *edit : {ui.hostEdit, ui.databaseEdit, ui.userEdit, ui.caFileEdit})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(ui.sslModeCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::validate);
    connect(ui.buttonBox, &QDialogButtonBox::accepted, this, &ConnectionDialog::startConnect);
    connect(ui.localButton, &QPushButton::clicked, this, &ConnectionDialog::startLocal);
    setLocalStore(nullptr);
    connect(ui.buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(client, &StoreClient::connected, this, [this] {
        if (m_connecting)
            connected();
    });
    connect(client, &StoreClient::connectFailed, this, [this](const QString &message) {
        if (m_connecting)
            failed(message);
    });

    const QString last = ConnectionProfiles::lastUsed();
    refillProfiles(last);
    if (!last.isEmpty() && ConnectionProfiles::load(last))
        loadProfile(last);
    validate();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setLocalStore(LocalStoreController *local)
{
    if (m_local)
        disconnect(m_local, nullptr, this, nullptr);
    m_local = local;
    const bool offered = local && local->isAvailable();
    m_ui->localSeparator->setVisible(offered);
    m_ui->localButton->setVisible(offered);
    m_ui->localNote->setVisible(offered);
    if (!local)
        return;
    connect(local, &LocalStoreController::availabilityChanged, this,
            [this, local] { setLocalStore(local); });
    connect(local, &LocalStoreController::progress, this, [this](const QString &message) {
        if (m_connecting)
            m_messages->showMessage(MessageBar::Type::Information, message);
    });
    connect(local, &LocalStoreController::failed, this, [this](const QString &message) {
        if (m_connecting)
            failed(message);
    });
}

void ConnectionDialog::refillProfiles(const QString &select)
{
    QComboBox *combo = m_ui->profileCombo;
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(tr("New connection"), QString());
    for (const QString &name : ConnectionProfiles::names())
        combo->addItem(name, name);
    const int index = combo->findData(select);
    combo->setCurrentIndex(std::max(0, index));
    m_ui->deleteProfileButton->setEnabled(combo->currentIndex() > 0);
}

void ConnectionDialog::selectProfile(const QString &name)
{
    refillProfiles(name);
    loadProfile(name);
}

void ConnectionDialog::loadProfile(const QString &name)
{
    Ui::ConnectionDialog &ui = *m_ui;
    m_ui->deleteProfileButton->setEnabled(!name.isEmpty());
    const std::optional<ConnectionProfile> profile = ConnectionProfiles::load(name);
    const ConnectionProfile p = profile.value_or(ConnectionProfile());
    ui.hostEdit->setText(p.params.host);
    ui.portSpin->setValue(p.params.port);
    ui.databaseEdit->setText(profile ? p.params.database : QStringLiteral("cronhelm"));
    ui.userEdit->setText(p.params.user);
    ui.passwordEdit->clear();
    ui.sslModeCombo->setCurrentIndex(std::max(0, ui.sslModeCombo->findData(p.params.sslMode)));
    ui.caFileEdit->setText(p.params.sslRootCert);
    ui.rememberCheck->setChecked(p.rememberPassword);
    ui.profileNameEdit->setText(name);
    setKeychainNote({});
    if (!profile || !p.rememberPassword)
        return;
    ++m_readingPassword;
    m_passwords->read(p.keychainKey(),
                      [this, guard = QPointer<ConnectionDialog>(this)](Result<QString> password) {
                          if (!guard)
                              return;
                          --m_readingPassword;
                          if (password) {
                              m_ui->passwordEdit->setText(*password);
                              setKeychainNote(
                                  tr("The password was filled in from the system keychain."));
                          } else {
                              m_keychainAvailable = password.errorKind() != ErrorKind::Other;
                              setKeychainNote(password.errorMessage());
                          }
                          if (m_autoConnect && m_readingPassword == 0) {
                              m_autoConnect = false;
                              startConnect();
                          }
                      });
}

void ConnectionDialog::connectWhenReady()
{
    if (m_readingPassword > 0)
        m_autoConnect = true;
    else
        startConnect();
}

void ConnectionDialog::forgetProfile()
{
    const QString name = m_ui->profileCombo->currentData().toString();
    if (name.isEmpty())
        return;
    if (const std::optional<ConnectionProfile> p = ConnectionProfiles::load(name);
        p && p->rememberPassword)
        m_passwords->remove(p->keychainKey());
    ConnectionProfiles::remove(name);
    refillProfiles({});
    loadProfile({});
}

void ConnectionDialog::setKeychainNote(const QString &text)
{
    m_ui->keychainNote->setText(text);
    m_formRows->setRowVisible(m_ui->keychainNote, !text.isEmpty());
}

QString ConnectionDialog::keychainNote() const
{
    return m_ui->keychainNote->isHidden() ? QString() : m_ui->keychainNote->text();
}

ConnectionParams ConnectionDialog::params() const
{
    const Ui::ConnectionDialog &ui = *m_ui;
    ConnectionParams p;
    p.host = ui.hostEdit->text().trimmed();
    p.port = ui.portSpin->value();
    p.database = ui.databaseEdit->text().trimmed();
    p.user = ui.userEdit->text().trimmed();
    p.password = ui.passwordEdit->text();
    p.sslMode = ui.sslModeCombo->currentData().toString();
    p.sslRootCert = ui.caFileEdit->text().trimmed();
    return p;
}

void ConnectionDialog::validate()
{
    Ui::ConnectionDialog &ui = *m_ui;
    const ConnectionParams p = params();
    const bool local = p.usesLocalSocket();
    const QString &mode = p.sslMode;
    const bool needsCa =
        !local && (mode == QLatin1String("verify-ca") || mode == QLatin1String("verify-full"));
    ui.sslModeCombo->setEnabled(!local);
    ui.caFileEdit->setEnabled(needsCa);
    ui.browseCaButton->setEnabled(needsCa);
    // What this choice protects against, said where it is made.
    QString tlsNote;
    if (local) {
        tlsNote = tr("Not needed: a connection through a socket on this computer does not go "
                     "over the network.");
    } else if (mode == QLatin1String("verify-ca")) {
        tlsNote = tr("The server's name is not checked: any server with a certificate from "
                     "this CA can pose as it.");
    } else if (mode != QLatin1String("verify-full")) {
        tlsNote = tr("The server is not verified: someone on the network path can pose as it "
                     "and read the password and everything Cronhelm sends.");
    }
    ui.tlsNote->setText(tlsNote);
    m_formRows->setRowVisible(ui.tlsNote, !tlsNote.isEmpty());
    QPalette notePalette = palette();
    if (!local)
        notePalette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    ui.tlsNote->setPalette(notePalette);
    QString caProblem;
    const QString ca = ui.caFileEdit->text().trimmed();
    if (needsCa && ca.isEmpty() && ConnectionParams::systemCaFile().isEmpty()) {
        caProblem = tr("Choose the CA certificate file: this mode checks the server against "
                       "it, and this computer has no store of trusted CAs that Cronhelm knows.");
    } else if (needsCa && !ca.isEmpty() && !QFileInfo(ca).isReadable()) {
        caProblem = tr("The file %1 does not exist or cannot be read.").arg(ca);
    }
    ui.caError->setText(caProblem);
    m_formRows->setRowVisible(ui.caError, !caProblem.isEmpty());
    QPushButton *connectButton = ui.buttonBox->button(QDialogButtonBox::Ok);
    QString why = caProblem;
    if (ui.databaseEdit->text().trimmed().isEmpty())
        why = tr("Enter the database name.");
    if (m_connecting)
        why = tr("Connecting…");
    connectButton->setEnabled(why.isEmpty());
    connectButton->setToolTip(why);
    ui.localButton->setEnabled(!m_connecting);
}

void ConnectionDialog::startConnect()
{
    validate();
    if (!m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_connecting = true;
    validate();
    const ConnectionParams p = params();
    m_messages->showMessage(
        MessageBar::Type::Information,
        tr("Connecting to %1…").arg(p.host.isEmpty() ? tr("this computer") : p.host));
    m_client->connectTo(p.toConninfo());
}

void ConnectionDialog::startLocal()
{
    if (!m_local || m_connecting)
        return;
    m_connecting = true;
    validate();
    m_local->start();
}

void ConnectionDialog::connected()
{
    m_connecting = false;
    if (m_local && m_local->isClientOnLocalStore()) {
        // LocalStoreController remembers the choice for the next start.
        accept();
        return;
    }
    ConnectionProfiles::setLastUsedLocal(false);
    const ConnectionParams p = params();
    const QString name = m_ui->profileNameEdit->text().trimmed();
    if (!name.isEmpty()) {
        ConnectionProfile profile;
        profile.name = name;
        profile.params = p;
        profile.rememberPassword = m_ui->rememberCheck->isChecked();
        const std::optional<ConnectionProfile> before = ConnectionProfiles::load(name);
        ConnectionProfiles::save(profile);
        ConnectionProfiles::setLastUsed(name);
        if (profile.rememberPassword && !p.password.isEmpty()) {
            // A failure is announced by the store (PasswordStore::writeFailed): this dialog
            // is closed by then.
            m_passwords->write(profile.keychainKey(), p.password, [](Status) {});
        } else if (!profile.rememberPassword && before && before->rememberPassword) {
            m_passwords->remove(before->keychainKey());
        }
    }
    accept();
}

void ConnectionDialog::failed(const QString &message)
{
    m_connecting = false;
    validate();
    m_messages->showMessage(MessageBar::Type::Error, message);
}

} // namespace Cronhelm
