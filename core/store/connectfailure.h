#pragma once

#include <result.h>

#include <QString>

namespace Cronhelm {

// What a failed connection attempt is about (Error::field of a connect failure), so that
// callers explain it without reading libpq's or the server's words, which are translated.
namespace ConnectField {
inline constexpr char password[] = "password";       // refused, or asked for and none given
inline constexpr char user[] = "user";               // SQLSTATE class 28: role, login, pg_hba
inline constexpr char database[] = "database";       // no such database, or no CONNECT
inline constexpr char caFile[] = "sslrootcert";      // the CA file cannot be read
inline constexpr char certificate[] = "certificate"; // the CA does not vouch for the server
inline constexpr char host[] = "host";               // the certificate names another host
inline constexpr char sslMode[] = "sslmode";         // TLS required; the server offers none
} // namespace ConnectField

// Decides why connecting with conninfo failed and sets error's kind, sqlstate and field:
// - the server's SQLSTATE, read by trying once more with libpq reporting codes only
//   (class 28, 3D000 and 42501 are a refused login: LoginRefused; 53300 "too many
//   connections", 57P03 "starting up" and the like pass: ConnectionLost);
// - what libpq knows on this side (it asked for a password and had none);
// - for TLS failures, the CA file on disk, whether the server answers a TLS request, and
//   whether the certificate passes without the host name check.
// A second attempt that simply succeeds means the first one lost a race with the server
// (a restart): ConnectionLost, worth retrying. Anything undecided is ConnectionLost too, so
// nothing transient is ever taken for a refusal that only a person can lift.
void classifyConnectFailure(const QString &conninfo, Error &error);

} // namespace Cronhelm
