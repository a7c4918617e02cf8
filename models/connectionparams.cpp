#include "connectionparams.h"

#include "modelstr.h"

#include <store/connectfailure.h>

#include <QFileInfo>
#include <QStringList>

namespace Cronhelm {

namespace {

// libpq: values with spaces or quotes are single-quoted, with \ and ' escaped.
QString quoted(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')))
        return value;
    QString out = value;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString keyValue(const char *key, const QString &value)
{
    return QLatin1String(key) + QLatin1Char('=') + quoted(value);
}

} // namespace

bool ConnectionParams::usesLocalSocket() const
{
    return host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@'));
}

QString ConnectionParams::systemCaFile()
{
    // The places distributions keep the bundle (Go's crypto/x509 list, the usual ones).
    static const char *const candidates[] = {
        "/etc/ssl/certs/ca-certificates.crt",                // Debian, Ubuntu, Gentoo, Arch
        "/etc/pki/tls/certs/ca-bundle.crt",                  // Fedora, RHEL
        "/etc/ssl/ca-bundle.pem",                            // openSUSE
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS, RHEL 7
        "/etc/ssl/cert.pem",                                 // macOS, Alpine
    };
    for (const char *candidate : candidates) {
        const QString file = QString::fromLatin1(candidate);
        if (QFileInfo(file).isReadable())
            return file;
    }
    return {};
}

QString ConnectionParams::effectiveRootCert() const
{
    if (!sslRootCert.isEmpty())
        return sslRootCert;
    const bool verifies =
        sslMode == QLatin1String("verify-ca") || sslMode == QLatin1String("verify-full");
    if (!verifies || usesLocalSocket())
        return {};
    return systemCaFile();
}

QString ConnectionParams::toConninfo() const
{
    QStringList parts;
    if (!host.isEmpty())
        parts << keyValue("host", host);
    parts << keyValue("port", QString::number(port));
    if (!database.isEmpty())
        parts << keyValue("dbname", database);
    if (!user.isEmpty())
        parts << keyValue("user", user);
    if (!password.isEmpty())
        parts << keyValue("password", password);
    if (!sslMode.isEmpty())
        parts << keyValue("sslmode", sslMode);
    if (const QString rootCert = effectiveRootCert(); !rootCert.isEmpty())
        parts << keyValue("sslrootcert", rootCert);
    return parts.join(QLatin1Char(' '));
}

QString ConnectionParams::describe() const
{
    ConnectionParams safe = *this;
    safe.password.clear();
    return safe.toConninfo();
}

QString withAppConnectDefaults(const QString &conninfo)
{
    const QString trimmed = conninfo.trimmed();
    const bool uri = trimmed.startsWith(QLatin1String("postgresql://"))
        || trimmed.startsWith(QLatin1String("postgres://"));
    const std::pair<const char *, const char *> defaults[] = {
        {"connect_timeout", "5"},
        {"keepalives_idle", "10"},
        {"keepalives_interval", "5"},
        {"keepalives_count", "3"},
    };
    QString out = trimmed;
    for (const auto &[key, value] : defaults) {
        if (trimmed.contains(QLatin1String(key)))
            continue;
        if (uri) {
            out += (out.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                + QLatin1String(key) + QLatin1Char('=') + QLatin1String(value);
        } else {
            out += QLatin1Char(' ') + QLatin1String(key) + QLatin1Char('=') + QLatin1String(value);
        }
    }
    return out;
}

namespace {

QString unreachableText()
{
    return ModelsTr::tr("The server cannot be reached. Check the host name and port, and that "
                        "this computer is on the right network (VPN).");
}

} // namespace

QString explainConnectFailure(const Error &error)
{
    // Chosen by what the store layer decided (kind, the server's SQLSTATE, the setting at
    // fault: core/store/connectfailure.h), never by the message's words, which libpq and the
    // server translate.
    const QString &field = error.field;
    const QString &state = error.sqlstate;
    auto is = [&field](const char *name) {
        return field == QLatin1String(name);
    };
    QString human;
    if (is(ConnectField::password) && state.isEmpty()) {
        human = ModelsTr::tr("The server asks for a password, but none was given.");
    } else if (is(ConnectField::password)) {
        human = ModelsTr::tr("The server refused the password. Check the user name and the "
                             "password.");
    } else if (is(ConnectField::user)) {
        human = ModelsTr::tr("The server does not let this user in from this computer: the "
                             "user may not exist or may not log in, or the server does not "
                             "accept connections from here for this user and database "
                             "(pg_hba.conf). Check the user name, or ask the database "
                             "administrator.");
    } else if (is(ConnectField::database) && state == QLatin1String("42501")) {
        human = ModelsTr::tr("This user may not connect to this database. Ask the database "
                             "administrator to grant it CONNECT.");
    } else if (is(ConnectField::database)) {
        human = ModelsTr::tr("The database does not exist on this server. Check the database "
                             "name.");
    } else if (is(ConnectField::caFile)) {
        human = ModelsTr::tr("The CA certificate file cannot be read. Choose the CA file your "
                             "administrator gave you.");
    } else if (is(ConnectField::host)) {
        human = ModelsTr::tr("The server's certificate was issued for a different host name. "
                             "Use the host name written in the certificate.");
    } else if (is(ConnectField::certificate)) {
        human = ModelsTr::tr("The server's certificate could not be verified with the CA file. "
                             "Check that you chose the right CA file.");
    } else if (is(ConnectField::sslMode)) {
        human = ModelsTr::tr("The server does not offer TLS, but the connection requires it.");
    } else if (state.startsWith(QLatin1String("53"))) {
        human = ModelsTr::tr("The server has no connection to spare right now (too many "
                             "clients, or this user's connection limit is reached).");
    } else if (state.startsWith(QLatin1String("57P"))) {
        human = ModelsTr::tr("The server is starting up or shutting down.");
    } else if (error.kind == ErrorKind::ConnectionLost) {
        human = unreachableText();
    } else if (error.kind == ErrorKind::LoginRefused) {
        human = ModelsTr::tr("The server refused this login. Check the user name, the password "
                             "and the database name, or ask the database administrator whether "
                             "this computer may connect.");
    }
    const QString &message = error.message;
    if (human.isEmpty())
        return message.trimmed();
    //: %1 the explanation, %2 the database library's own message
    return ModelsTr::tr("%1\n\nDetails: %2").arg(human, message.trimmed());
}

} // namespace Cronhelm
