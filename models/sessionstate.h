#pragma once

#include <domain/enums.h>

#include <QString>

namespace Cronhelm {

// What the widgets know of the desktop app's store session: plain values, so that they need
// nothing of the store's connection to show it.
enum class ConnectionState {
    Offline,    // not connected and not trying (never connected, or a problem only a person fixes)
    Connecting, // the first attempt is under way
    Connected,
    Reconnecting, // the connection was lost; retrying with backoff
};

struct SessionInfo
{
    StoreRole role = StoreRole::None;
    bool mayWriteShell = false; // cronhelm_shell_admin: may create and change shell jobs
    QString target;             // "database x on host as user", without the password
};

} // namespace Cronhelm
