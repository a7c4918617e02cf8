#pragma once

#include <result.h>

#include <QObject>

#include <functional>

namespace Cronhelm {

// Passwords in the system keychain (QtKeychain: Secret Service, Windows Credential Store,
// macOS Keychain), never in the settings file. Every call is asynchronous. When no keychain
// is available the error says so in words a person understands, and the app asks for the
// password each session instead.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    explicit PasswordStore(QObject *parent = nullptr);

    // NotFound when nothing is stored; Other with a human message when the keychain cannot
    // be used.
    void read(const QString &key, std::function<void(Result<QString>)> done);
    void write(const QString &key, const QString &password, std::function<void(Status)> done);
    void remove(const QString &key);

    static QString serviceName();

signals:
    // A password could not be stored: the user should know it will be asked for again.
    void writeFailed(const QString &message);
};

} // namespace Cronhelm
