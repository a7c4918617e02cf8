#include "nodeconfig.h"

#include <coretr.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSettings>

namespace Cronhelm {

QString NodeConfig::defaultNodeId()
{
    return QStringLiteral("%1:%2")
        .arg(QHostInfo::localHostName())
        .arg(QCoreApplication::applicationPid());
}

Status NodeConfig::loadFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("config file %1 does not exist").arg(path));
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorKind::BadInput, CoreTr::tr("cannot read config file %1").arg(path));
    static const QStringList known = {QStringLiteral("db"),
                                      QStringLiteral("node_id"),
                                      QStringLiteral("log_file"),
                                      QStringLiteral("lease_ttl"),
                                      QStringLiteral("max_parallel"),
                                      QStringLiteral("shutdown_grace"),
                                      QStringLiteral("labels"),
                                      QStringLiteral("http_connect_timeout"),
                                      QStringLiteral("http_idle_timeout")};
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        if (!known.contains(key)) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("%1: unknown setting \"%2\"").arg(path, key));
        }
    }
    // QSettings reads an unquoted value with commas as a list (a conninfo with several
    // hosts: "host=db1,db2"); put it back together rather than lose it.
    auto text = [&settings](const QString &key) {
        const QVariant v = settings.value(key);
        return v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(','))
                                                    : v.toString();
    };
    if (settings.contains(QStringLiteral("db")))
        conninfo = text(QStringLiteral("db"));
    if (settings.contains(QStringLiteral("node_id")))
        nodeId = text(QStringLiteral("node_id"));
    if (settings.contains(QStringLiteral("log_file")))
        logFile = text(QStringLiteral("log_file"));
    if (settings.contains(QStringLiteral("labels")))
        labels = splitLabels(text(QStringLiteral("labels")));
    bool ok = true;
    if (settings.contains(QStringLiteral("lease_ttl")))
        leaseTtlSeconds = settings.value(QStringLiteral("lease_ttl")).toDouble(&ok);
    if (ok && settings.contains(QStringLiteral("max_parallel")))
        maxParallel = settings.value(QStringLiteral("max_parallel")).toInt(&ok);
    if (ok && settings.contains(QStringLiteral("shutdown_grace"))) {
        shutdownGrace = std::chrono::milliseconds(
            qint64(settings.value(QStringLiteral("shutdown_grace")).toDouble(&ok) * 1000));
    }
    if (ok && settings.contains(QStringLiteral("http_connect_timeout"))) {
        http.connectTimeout =
            std::chrono::seconds(settings.value(QStringLiteral("http_connect_timeout")).toInt(&ok));
    }
    if (ok && settings.contains(QStringLiteral("http_idle_timeout"))) {
        http.idleTimeout =
            std::chrono::seconds(settings.value(QStringLiteral("http_idle_timeout")).toInt(&ok));
    }
    if (!ok)
        return makeError(ErrorKind::BadInput, CoreTr::tr("%1: a number is not valid").arg(path));
    return Done{};
}

QStringList NodeConfig::splitLabels(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString l = part.trimmed();
        if (!l.isEmpty() && !out.contains(l))
            out.append(l);
    }
    return out;
}

Status NodeConfig::validate() const
{
    if (leaseTtlSeconds < 1.0 || leaseTtlSeconds > 600.0) {
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("--lease-ttl must be between 1 and 600 seconds"));
    }
    if (maxParallel < 1)
        return makeError(ErrorKind::BadInput, CoreTr::tr("--max-parallel must be at least 1"));
    if (http.connectTimeout.count() < 0 || http.idleTimeout.count() < 0) {
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("--http-connect-timeout and --http-idle-timeout must not be "
                                    "negative"));
    }
    // The same rule as a job's run_on labels (core/domain/jobspec.cpp).
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch()) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("\"%1\" is not a node label (letters, digits, '.', '_' "
                                        "and '-', at most 63)")
                                 .arg(l));
        }
    }
    if (nodeId.isEmpty())
        return makeError(ErrorKind::BadInput, CoreTr::tr("the node id must not be empty"));
    return Done{};
}

} // namespace Cronhelm
