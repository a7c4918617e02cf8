#pragma once

#include "connectionparams.h"

#include <QStringList>

#include <optional>

namespace Cronhelm {

// A saved way to connect, kept in QSettings. Never holds the password: that lives in the
// system keychain (when the user asks for it), keyed by keychainKey().
struct ConnectionProfile
{
    QString name;
    ConnectionParams params; // password always empty here
    bool rememberPassword = false;

    QString keychainKey() const;
};

class ConnectionProfiles
{
public:
    static QStringList names();
    static std::optional<ConnectionProfile> load(const QString &name);
    // Adds or replaces the profile of that name (the password is dropped).
    static void save(const ConnectionProfile &profile);
    static void remove(const QString &name);
    static QString lastUsed();
    static void setLastUsed(const QString &name);
    // Whether the last connection was to the local store on this computer (then the next
    // start without arguments starts and connects to it again).
    static bool lastUsedLocal();
    static void setLastUsedLocal(bool local);
};

} // namespace Cronhelm
