#pragma once

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
    QString sslMode =
        QStringLiteral("prefer"); // disable | prefer | require | verify-ca | verify-full
    QString sslRootCert;          // CA file for verify-ca / verify-full

    // A libpq conninfo string (key=value, values quoted as libpq requires).
    QString toConninfo() const;
    // The same, without the password: safe to show or log.
    QString describe() const;
};

// Adds what the desktop app always wants to a conninfo the user gave (a connect timeout and
// TCP keepalives, so a dead server is noticed), unless the user set them. Accepts both the
// key=value and the postgresql:// URI forms.
QString withAppConnectDefaults(const QString &conninfo);

// A human explanation of why connecting failed, from libpq's message: unreachable server,
// wrong password, missing database, TLS problems. The raw message is kept as a detail.
QString explainConnectFailure(const QString &libpqMessage);

} // namespace Cronhelm
