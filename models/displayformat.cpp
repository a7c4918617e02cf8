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

QString statusText(std::optional<RunStatus> status)
{
    if (!status)
        return ModelsTr::tr("Never ran");
    switch (*status) {
    case RunStatus::Succeeded:
        return ModelsTr::tr("Succeeded");
    case RunStatus::Failed:
        return ModelsTr::tr("Failed");
    case RunStatus::TimedOut:
        return ModelsTr::tr("Timed out");
    case RunStatus::Abandoned:
        return ModelsTr::tr("Abandoned");
    case RunStatus::Cancelled:
        return ModelsTr::tr("Cancelled");
    case RunStatus::Skipped:
        return ModelsTr::tr("Skipped");
    case RunStatus::Queued:
        return ModelsTr::tr("Queued");
    case RunStatus::Running:
        return ModelsTr::tr("Running");
    }
    return wireName(*status);
}

QIcon statusIcon(std::optional<RunStatus> status)
{
    static QHash<QString, QIcon> cache;
    const QString key = status ? wireName(*status) : QStringLiteral("none");
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(QStringLiteral(":/icons/status-%1.svg").arg(key)));
    return *it;
}

QList<RunStatus> allStatuses()
{
    return {RunStatus::Succeeded, RunStatus::Failed, RunStatus::TimedOut,  RunStatus::Abandoned,
            RunStatus::Running,   RunStatus::Queued, RunStatus::Cancelled, RunStatus::Skipped};
}

QString triggerText(RunTrigger trigger)
{
    switch (trigger) {
    case RunTrigger::Schedule:
        return ModelsTr::tr("Schedule");
    case RunTrigger::Manual:
        return ModelsTr::tr("Run now");
    case RunTrigger::Retry:
        return ModelsTr::tr("Retry");
    case RunTrigger::CatchUp:
        return ModelsTr::tr("Catch-up");
    }
    return wireName(trigger);
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

namespace {

// The node writes "exited with code N" as a run's error when nothing else went wrong
// (core/exec/shellrun.cpp), in its own language: English or the one this app uses.
bool errorOnlyRepeatsExitCode(const RunRecord &run)
{
    if (!run.exitCode || run.error.isEmpty())
        return false;
    const QString error = run.error.trimmed();
    const char *source = "exited with code %1";
    return error == QString::fromLatin1(source).arg(*run.exitCode)
        || error == QCoreApplication::translate("Cronhelm::Core", source).arg(*run.exitCode);
}

} // namespace

QString runOutcome(const RunRecord &run)
{
    QStringList parts;
    if (run.httpStatus)
        parts.append(ModelsTr::tr("HTTP %1").arg(*run.httpStatus));
    if (run.exitCode)
        parts.append(ModelsTr::tr("exit code %1").arg(*run.exitCode));
    if (!run.error.isEmpty() && !errorOnlyRepeatsExitCode(run))
        parts.append(run.error.section(QLatin1Char('\n'), 0, 0));
    // A queued run's result so far: why it waits.
    if (!run.waitReason.isEmpty())
        parts.append(run.waitReason);
    //: separates the parts of a run's result ("HTTP 502 · Bad gateway")
    return parts.join(ModelsTr::tr(" · "));
}

QString runErrorBeyondOutcome(const RunRecord &run)
{
    return errorOnlyRepeatsExitCode(run) ? QString() : run.error;
}

QString zoneName(const QString &zoneId)
{
    static const QStringList utcAliases{
        QStringLiteral("Etc/UTC"),   QStringLiteral("Etc/UCT"),   QStringLiteral("Etc/Universal"),
        QStringLiteral("Etc/Zulu"),  QStringLiteral("Universal"), QStringLiteral("Zulu"),
        QStringLiteral("UCT"),       QStringLiteral("Etc/GMT"),   QStringLiteral("Etc/GMT0"),
        QStringLiteral("Etc/GMT+0"), QStringLiteral("Etc/GMT-0"), QStringLiteral("Etc/Greenwich"),
        QStringLiteral("GMT"),       QStringLiteral("GMT0"),      QStringLiteral("Greenwich")};
    return utcAliases.contains(zoneId) ? QStringLiteral("UTC") : zoneId;
}

QString zoneCity(const QTimeZone &zone)
{
    if (zoneName(QString::fromUtf8(zone.id())) == QLatin1String("UTC"))
        return QStringLiteral("UTC");
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
        .arg(mine, thereText, zoneAbbreviation(instant, jobZone),
             zoneName(QString::fromUtf8(jobZone.id())));
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
