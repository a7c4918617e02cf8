#pragma once

#include <result.h>

#include <QString>

namespace Cronhelm {

// What the connection dialog and saved profiles hold. The password is never stored with
// the rest (it lives in the system keychain, or only in memory).
struct ConnectionParams
{
    QString host;
    int port = 5432;
    QString database = QStringLiteral("cronhelm");
    QString user;
    QString password;
    // disable | prefer | require | verify-ca | verify-full. verify-full by default: only it
    // stops someone on the network path from posing as the server (prefer can be downgraded
    // to no TLS at all, require and verify-ca accept any certificate or any name).
    QString sslMode = QStringLiteral("verify-full");
    // CA file for verify-ca / verify-full; empty: the system's trusted CAs (systemCaFile()).
    QString sslRootCert;

    // Whether host names a unix-domain socket (empty: libpq's default socket, or a folder):
    // such a connection does not leave the computer, and libpq never uses TLS on it.
    bool usesLocalSocket() const;
    // The CA file libpq is given: sslRootCert, else for verify-ca / verify-full over the
    // network the system's CA file (libpq 15 has no sslrootcert=system).
    QString effectiveRootCert() const;
    // The system's bundle of trusted CA certificates (Debian's
    // /etc/ssl/certs/ca-certificates.crt and its equivalents elsewhere); empty when this
    // computer has none Cronhelm knows.
    static QString systemCaFile();

    // A libpq conninfo string (key=value, values quoted as libpq requires).
    QString toConninfo() const;
    // The same, without the password: safe to show or log.
    QString describe() const;
};

// Adds what the desktop app always wants to a conninfo the user gave (a connect timeout and
// TCP keepalives, so a dead server is noticed), unless the user set them. Accepts both the
// key=value and the postgresql:// URI forms.
QString withAppConnectDefaults(const QString &conninfo);

// A human explanation of why connecting failed: unreachable server, wrong password, missing
// database, TLS problems, a server out of connections. The raw message is kept as a detail.
// Chosen by the error's kind, SQLSTATE and field (see core/store/connectfailure.h), so it is
// as precise in every language.
QString explainConnectFailure(const Error &error);

} // namespace Cronhelm
