#pragma once

#include <connectionparams.h>

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class ConnectionDialog;
}

namespace Cronhelm {

class FormRows;

class LocalStoreController;
class MessageBar;
class PasswordStore;
class StoreClient;

// Where to connect: server, port, database, user, password, TLS (verify-full by default, with
// the system's trusted CAs or a CA file; not asked for a socket on this computer), and saved
// profiles (QSettings; the password only in the system keychain). Stays
// open until the connection works, showing why it did not in words people understand.
// With a LocalStoreController, it also offers the local store on this computer (one button, no
// password): it starts or reuses the store and its node, and connects.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(StoreClient *client, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void selectProfile(const QString &name);
    // Connects as soon as the profile's password has been read from the keychain (or
    // found missing): for `cronhelm --profile NAME`.
    void connectWhenReady();
    // Offers the local store (hidden without one). The controller is shared with the main
    // window, which owns it.
    void setLocalStore(LocalStoreController *local);

    ConnectionParams params() const;
    Ui::ConnectionDialog *form() const { return m_ui.get(); }
    MessageBar *messageBar() const { return m_messages; }
    QString keychainNote() const;

private:
    void loadProfile(const QString &name);
    void forgetProfile();
    void refillProfiles(const QString &select);
    void validate();
    void startConnect();
    void startLocal();
    void connected();
    void failed(const QString &message);
    void setKeychainNote(const QString &text);

    StoreClient *m_client;
    PasswordStore *m_passwords;
    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    std::unique_ptr<FormRows> m_formRows; // the notes come and go
    MessageBar *m_messages;
    QPointer<LocalStoreController> m_local;
    bool m_connecting = false;
    bool m_autoConnect = false;
    int m_readingPassword = 0;
    bool m_keychainAvailable = true;
};

} // namespace Cronhelm
