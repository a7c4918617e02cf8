#include "cronexpression.h"

#include "civil.h"
#include "cronfield.h"
#include "cronmatcher.h"
#include "cronsearch.h"
#include "zonerules.h"

#include <coretr.h>

#include <QStringList>

namespace Cronhelm {

struct CronExpression::Data
{
    QString text;
    bool hasSeconds = false;
    CronMatcher matcher;
};

namespace {

struct Macro
{
    const char *name;
    const char *fields;
};

constexpr Macro kMacros[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
};

const CronMatcher &emptyMatcher()
{
    static const CronMatcher matcher;
    return matcher;
}

} // namespace

CronExpression::CronExpression() = default;

Result<CronExpression> CronExpression::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QStringView view(trimmed);
    QList<QStringView> fields;
    for (qsizetype i = 0; i < view.size();) {
        while (i < view.size() && view.at(i).isSpace())
            ++i;
        const qsizetype begin = i;
        while (i < view.size() && !view.at(i).isSpace())
            ++i;
        if (i > begin)
            fields.append(view.mid(begin, i - begin));
    }

    QString expanded; // a macro's fields
    if (!fields.isEmpty() && fields.front().startsWith(QLatin1Char('@'))) {
        for (const Macro &macro : kMacros) {
            if (fields.front().compare(QLatin1String(macro.name), Qt::CaseInsensitive) == 0)
                expanded = QLatin1String(macro.fields);
        }
        if (expanded.isEmpty()) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("unknown macro \"%1\" (use @yearly, @annually, @monthly, "
                                        "@weekly, @daily, @midnight or @hourly)")
                                 .arg(fields.front().toString()));
        }
        if (fields.size() > 1) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("unexpected text after %1: \"%2\"")
                                 .arg(fields.front().toString(), fields.at(1).toString()));
        }
        fields = QStringView(expanded).split(QLatin1Char(' '));
    }

    if (fields.size() != 5 && fields.size() != 6) {
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("expected 5 or 6 fields, found %1").arg(fields.size()));
    }
    const bool hasSeconds = fields.size() == 6;
    std::array<CronField, 6> parsed;
    if (!hasSeconds)
        parsed[0].values = 1; // second 0
    for (int i = 0; i < fields.size(); ++i) {
        const int index = hasSeconds ? i : i + 1;
        auto field = CronField::parse(CronFieldKind(index), fields.at(i));
        if (!field)
            return field.error();
        parsed[std::size_t(index)] = *field;
    }

    CronExpression expression;
    expression.m_data =
        std::make_shared<const Data>(Data{trimmed, hasSeconds, CronMatcher(parsed)});
    return expression;
}

QString CronExpression::text() const
{
    return m_data ? m_data->text : QString();
}

bool CronExpression::hasSeconds() const
{
    return m_data && m_data->hasSeconds;
}

bool CronExpression::isHourRestricted() const
{
    return m_data && m_data->matcher.hourRestricted();
}

const CronMatcher &CronExpression::matcher() const
{
    return m_data ? m_data->matcher : emptyMatcher();
}

bool CronExpression::matchesLocal(const QDate &date, const QTime &time) const
{
    if (!m_data || !date.isValid() || !time.isValid())
        return false;
    const CronMatcher &m = m_data->matcher;
    return m.matchesDay(date.year(), date.month(), date.day())
        && m.matchesTime(time.hour(), time.minute(), time.second());
}

QDateTime CronExpression::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!m_data || !after.isValid() || !zone.isValid())
        return QDateTime();
    const qint64 firstSecond = Civil::floorDiv(after.toMSecsSinceEpoch(), 1000) + 1;
    CronSearch search(m_data->matcher, ZoneRules::forZone(zone));
    const auto instant = search.firstAtOrAfter(firstSecond);
    if (!instant)
        return QDateTime();
    return QDateTime::fromSecsSinceEpoch(*instant, Qt::UTC);
}

QList<QDateTime> CronExpression::nextInstants(const QDateTime &after, const QTimeZone &zone,
                                              int count) const
{
    QList<QDateTime> instants;
    if (!m_data || !after.isValid() || !zone.isValid() || count <= 0)
        return instants;
    instants.reserve(count);
    CronSearch search(m_data->matcher, ZoneRules::forZone(zone));
    qint64 next = Civil::floorDiv(after.toMSecsSinceEpoch(), 1000) + 1;
    while (instants.size() < count) {
        const auto instant = search.firstAtOrAfter(next);
        if (!instant)
            break;
        instants.append(QDateTime::fromSecsSinceEpoch(*instant, Qt::UTC));
        next = *instant + 1;
    }
    return instants;
}

} // namespace Cronhelm
