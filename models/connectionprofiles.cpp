#include "connectionprofiles.h"

#include <QSettings>

#include <algorithm>

namespace Cronhelm {

namespace {

QList<ConnectionProfile> readAll()
{
    QSettings settings;
    QList<ConnectionProfile> out;
    const int n = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.params.host = settings.value(QStringLiteral("host")).toString();
        p.params.port = settings.value(QStringLiteral("port"), 5432).toInt();
        p.params.database = settings.value(QStringLiteral("database")).toString();
        p.params.user = settings.value(QStringLiteral("user")).toString();
        p.params.sslMode =
            settings.value(QStringLiteral("sslMode"), QStringLiteral("verify-full")).toString();
        p.params.sslRootCert = settings.value(QStringLiteral("sslRootCert")).toString();
        p.rememberPassword = settings.value(QStringLiteral("rememberPassword")).toBool();
        if (!p.name.isEmpty())
            out.append(p);
    }
    settings.endArray();
    return out;
}

void writeAll(const QList<ConnectionProfile> &profiles)
{
    QSettings settings;
    settings.remove(QStringLiteral("profiles"));
    settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("host"), p.params.host);
        settings.setValue(QStringLiteral("port"), p.params.port);
        settings.setValue(QStringLiteral("database"), p.params.database);
        settings.setValue(QStringLiteral("user"), p.params.user);
        settings.setValue(QStringLiteral("sslMode"), p.params.sslMode);
        settings.setValue(QStringLiteral("sslRootCert"), p.params.sslRootCert);
        settings.setValue(QStringLiteral("rememberPassword"), p.rememberPassword);
        // Deliberately no password key: passwords go to the system keychain only.
    }
    settings.endArray();
}

} // namespace

QString ConnectionProfile::keychainKey() const
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(params.user, params.host.isEmpty() ? QStringLiteral("localhost") : params.host,
             QString::number(params.port), params.database);
}

QStringList ConnectionProfiles::names()
{
    QStringList out;
    for (const ConnectionProfile &p : readAll())
        out.append(p.name);
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return out;
}

std::optional<ConnectionProfile> ConnectionProfiles::load(const QString &name)
{
    for (const ConnectionProfile &p : readAll()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> all = readAll();
    ConnectionProfile clean = profile;
    clean.params.password.clear();
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const ConnectionProfile &p) { return p.name == profile.name; });
    if (it != all.end())
        *it = clean;
    else
        all.append(clean);
    writeAll(all);
}

void ConnectionProfiles::remove(const QString &name)
{
    QList<ConnectionProfile> all = readAll();
    all.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    writeAll(all);
}

QString ConnectionProfiles::lastUsed()
{
    return QSettings().value(QStringLiteral("lastProfile")).toString();
}

void ConnectionProfiles::setLastUsed(const QString &name)
{
    QSettings().setValue(QStringLiteral("lastProfile"), name);
}

bool ConnectionProfiles::lastUsedLocal()
{
    return QSettings().value(QStringLiteral("lastLocal")).toBool();
}

void ConnectionProfiles::setLastUsedLocal(bool local)
{
    QSettings().setValue(QStringLiteral("lastLocal"), local);
}

} // namespace Cronhelm
