#include "format.h"

#include "ctltr.h"

#include <QRegularExpression>

namespace Cronhelm::Format {

QString utc(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
}

QString local(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid() || !zone.isValid())
        return {};
    return instant.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QLatin1Char(' ') + zone.abbreviation(instant);
}

QJsonValue jsonInstant(const QDateTime &instant)
{
    if (!instant.isValid())
        return QJsonValue::Null;
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

Result<QDateTime> parseInstant(const QString &text, const QString &what)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return QDateTime::currentDateTimeUtc();
    QString iso = trimmed;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    // Qt reads ISO-8601 with or without fractional seconds and offsets; a lone "Z" or an
    // offset makes it an instant, plain digits come back as local time.
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid() || iso.size() < 10) {
        return makeError(ErrorKind::BadInput,
                         CtlTr::tr("%1: \"%2\" is not an ISO-8601 instant such as "
                                   "2026-03-08T06:59:30Z")
                             .arg(what, text));
    }
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
    return parsed.toUTC();
}

Result<qint64> parseSeconds(const QString &text, const QString &what)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,9})\\s*([smhd]?)\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return makeError(ErrorKind::BadInput,
                         CtlTr::tr("%1: \"%2\" is not a number of seconds (or e.g. 90s, 25m, 2h)")
                             .arg(what, text));
    }
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("m"))
        return value * 60;
    if (unit == QLatin1String("h"))
        return value * 3600;
    if (unit == QLatin1String("d"))
        return value * 86400;
    return value;
}

Result<qint64> parseBytes(const QString &text, const QString &what)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,12})\\s*([kmg]?)b?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return makeError(
            ErrorKind::BadInput,
            CtlTr::tr("%1: \"%2\" is not a size in bytes (or e.g. 512k, 10M)").arg(what, text));
    }
    qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("k"))
        value *= 1024;
    else if (unit == QLatin1String("m"))
        value *= 1024 * 1024;
    else if (unit == QLatin1String("g"))
        value *= 1024 * 1024 * 1024;
    return value;
}

Result<qint64> parseInteger(const QString &text, const QString &what, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return makeError(ErrorKind::BadInput,
                         CtlTr::tr("%1: \"%2\" is not a whole number from %3 to %4")
                             .arg(what, text, QString::number(min), QString::number(max)));
    }
    return value;
}

} // namespace Cronhelm::Format
