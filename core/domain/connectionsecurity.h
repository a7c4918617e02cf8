#pragma once

#include <QString>

namespace Cronhelm {

// How a store connection is protected on its way, as libpq on this side sees it (never as
// the server reports it): for the desktop app's status bar and the node's start-up warning.
struct ConnectionSecurity
{
    bool localSocket = false; // a unix-domain socket: never leaves this computer
    bool encrypted = false;   // TLS is in use (libpq's PQsslInUse)
    QString tlsVersion;       // e.g. "TLSv1.3"
    QString cipher;
    QString sslMode; // the libpq sslmode the connection was made with

    // The server's certificate was checked against a trusted CA (verify-ca, verify-full).
    bool certificateVerified() const;
    // ... and it names the host connected to (verify-full): nobody on the path can pose as
    // the server, read or change what is sent.
    bool serverVerified() const;
};

} // namespace Cronhelm
