#include "displayformat.h"

#include "modelstr.h"

#include <QHash>
#include <QLocale>

namespace Cronhelm::Display {

namespace {

QTimeZone &zoneOverride()
{
    static QTimeZone zone;
    return zone;
}

} // namespace

QString statusText(const QString &status)
{
    if (status == QLatin1String("succeeded"))
        return ModelsTr::tr("Succeeded");
    if (status == QLatin1String("failed"))
        return ModelsTr::tr("Failed");
    if (status == QLatin1String("timed_out"))
        return ModelsTr::tr("Timed out");
    if (status == QLatin1String("abandoned"))
        return ModelsTr::tr("Abandoned");
    if (status == QLatin1String("cancelled"))
        return ModelsTr::tr("Cancelled");
    if (status == QLatin1String("skipped"))
        return ModelsTr::tr("Skipped");
    if (status == QLatin1String("queued"))
        return ModelsTr::tr("Queued");
    if (status == QLatin1String("running"))
        return ModelsTr::tr("Running");
    if (status.isEmpty())
        return ModelsTr::tr("Never ran");
    return status;
}

QIcon statusIcon(const QString &status)
{
    static QHash<QString, QIcon> cache;
    const QString key = status.isEmpty() ? QStringLiteral("none") : status;
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(QStringLiteral(":/icons/status-%1.svg").arg(key)));
    return *it;
}

bool isProblemStatus(const QString &status)
{
    return status == QLatin1String("failed") || status == QLatin1String("timed_out")
        || status == QLatin1String("abandoned");
}

bool isFinalStatus(const QString &status)
{
    return status != QLatin1String("queued") && status != QLatin1String("running")
        && !status.isEmpty();
}

QStringList allStatuses()
{
    return {QStringLiteral("succeeded"), QStringLiteral("failed"),  QStringLiteral("timed_out"),
            QStringLiteral("abandoned"), QStringLiteral("running"), QStringLiteral("queued"),
            QStringLiteral("cancelled"), QStringLiteral("skipped")};
}

QString triggerText(const QString &trigger)
{
    if (trigger == QLatin1String("schedule"))
        return ModelsTr::tr("Schedule");
    if (trigger == QLatin1String("manual"))
        return ModelsTr::tr("Run now");
    if (trigger == QLatin1String("retry"))
        return ModelsTr::tr("Retry");
    if (trigger == QLatin1String("catch_up"))
        return ModelsTr::tr("Catch-up");
    return trigger;
}

QStringList allTriggers()
{
    return {QStringLiteral("schedule"), QStringLiteral("manual"), QStringLiteral("retry"),
            QStringLiteral("catch_up")};
}

QString duration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return ModelsTr::tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60) {
        if (ms < 10000)
            return ModelsTr::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
        return ModelsTr::tr("%1 s").arg(s);
    }
    if (s < 3600)
        return ModelsTr::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400) {
        return ModelsTr::tr("%1 h %2 min")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    return ModelsTr::tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QTimeZone viewerZone()
{
    if (zoneOverride().isValid())
        return zoneOverride();
    const QTimeZone system = QTimeZone::systemTimeZone();
    return system.isValid() ? system : QTimeZone::utc();
}

void setViewerZone(const QTimeZone &zone)
{
    zoneOverride() = zone;
}

QString dateTime(const QDateTime &instant, const QTimeZone &zone, bool withSeconds)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    //: Date and time format (Qt QDateTime format), e.g. "Tue 3 Mar 2026 14:05"
    const QString format = withSeconds ? ModelsTr::tr("ddd d MMM yyyy HH:mm:ss")
                                       : ModelsTr::tr("ddd d MMM yyyy HH:mm");
    return QLocale().toString(local, format);
}

QString shortDateTime(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    const bool thisYear = local.date().year() == QDate::currentDate().year();
    //: Short date and time format for tables (Qt QDateTime format)
    const QString format = thisYear ? ModelsTr::tr("ddd d MMM HH:mm")
                                    //: Short date and time format with the year
                                    : ModelsTr::tr("ddd d MMM yyyy HH:mm");
    return QLocale().toString(local, format);
}

QString zoneCity(const QTimeZone &zone)
{
    QString id = QString::fromUtf8(zone.id());
    id = id.section(QLatin1Char('/'), -1);
    id.replace(QLatin1Char('_'), QLatin1Char(' '));
    return id.isEmpty() ? QStringLiteral("UTC") : id;
}

QString zoneAbbreviation(const QDateTime &instant, const QTimeZone &zone)
{
    const QString abbreviation = zone.abbreviation(instant);
    if (!abbreviation.isEmpty() && !abbreviation.startsWith(QLatin1Char('+'))
        && !abbreviation.startsWith(QLatin1Char('-')))
        return abbreviation;
    const int offset = zone.offsetFromUtc(instant);
    const int magnitude = qAbs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(magnitude / 60, 2, 10, QLatin1Char('0'))
        .arg(magnitude % 60, 2, 10, QLatin1Char('0'));
}

QString instantForViewer(const QDateTime &instant, const QTimeZone &jobZone)
{
    if (!instant.isValid())
        return {};
    const QTimeZone viewer = viewerZone();
    const QString mine =
        ModelsTr::tr("%1 %2").arg(dateTime(instant, viewer), zoneAbbreviation(instant, viewer));
    if (!jobZone.isValid() || jobZone.id() == viewer.id()
        || jobZone.offsetFromUtc(instant) == viewer.offsetFromUtc(instant))
        return mine;
    const QDateTime here = instant.toTimeZone(viewer);
    const QDateTime there = instant.toTimeZone(jobZone);
    const QString thereText = there.date() == here.date()
        ? QLocale().toString(there.time(), QStringLiteral("HH:mm"))
        : QLocale().toString(there, QStringLiteral("ddd HH:mm"));
    //: %1 the time in the viewer's zone, %2 the time in the job's zone, %3 its abbreviation,
    //: %4 the job's zone id
    return ModelsTr::tr("%1 (%2 %3 in %4)")
        .arg(mine, thereText, zoneAbbreviation(instant, jobZone), QString::fromUtf8(jobZone.id()));
}

QString shortInstantForViewer(const QDateTime &instant, const QTimeZone &jobZone)
{
    if (!instant.isValid())
        return {};
    const QTimeZone viewer = viewerZone();
    const QString mine = shortDateTime(instant, viewer);
    if (!jobZone.isValid() || jobZone.offsetFromUtc(instant) == viewer.offsetFromUtc(instant))
        return mine;
    const QDateTime here = instant.toTimeZone(viewer);
    const QDateTime there = instant.toTimeZone(jobZone);
    const QString thereText = there.date() == here.date()
        ? QLocale().toString(there.time(), QStringLiteral("HH:mm"))
        : QLocale().toString(there, QStringLiteral("ddd HH:mm"));
    //: %1 the time in the viewer's zone, %2 the time in the job's zone, %3 the job zone's city
    return ModelsTr::tr("%1 (%2 %3)").arg(mine, thereText, zoneCity(jobZone));
}

QIcon icon(const QString &name, const QString &themeName)
{
    const QIcon bundled(QStringLiteral(":/icons/%1.svg").arg(name));
    if (themeName.isEmpty())
        return bundled;
    return QIcon::fromTheme(themeName, bundled);
}

} // namespace Cronhelm::Display
