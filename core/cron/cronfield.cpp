#include "cronfield.h"

#include <coretr.h>

#include <QStringList>

#include <optional>

namespace Cronhelm {

namespace {

constexpr int kMaxStep[] = {60, 60, 24, 31, 12, 8};

const char *const kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const kWeekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

// Decimal digits only; saturates instead of overflowing (the range check reports it).
std::optional<qint64> parseDigits(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : text) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        value = qMin<qint64>(value * 10 + (c.unicode() - '0'), 1'000'000'000'000LL);
    }
    return value;
}

std::optional<int> parseName(CronFieldKind kind, QStringView text)
{
    if (text.size() != 3)
        return std::nullopt;
    if (kind == CronFieldKind::Month) {
        for (int i = 0; i < 12; ++i) {
            if (text.compare(QLatin1String(kMonthNames[i]), Qt::CaseInsensitive) == 0)
                return i + 1;
        }
    } else if (kind == CronFieldKind::DayOfWeek) {
        for (int i = 0; i < 7; ++i) {
            if (text.compare(QLatin1String(kWeekdayNames[i]), Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return std::nullopt;
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') + text.toString() + QLatin1Char('"');
}

class FieldParser
{
public:
    FieldParser(CronFieldKind kind)
        : m_kind(kind)
        , m_min(cronFieldMin(kind))
        , m_max(cronFieldMax(kind))
    {}

    Result<CronField> parse(QStringView text);

private:
    Error fail(const QString &problem) const
    {
        //: %1 is a cron field name such as "day-of-month", %2 the problem
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("%1: %2").arg(cronFieldName(m_kind), problem));
    }
    bool isDayOfMonth() const { return m_kind == CronFieldKind::DayOfMonth; }
    bool isDayOfWeek() const { return m_kind == CronFieldKind::DayOfWeek; }

    std::optional<Error> parseItem(QStringView item);
    std::optional<Error> parseDayOfMonthExtension(QStringView item, bool &handled);
    std::optional<Error> parseDayOfWeekExtension(QStringView item, bool &handled);
    std::optional<Error> checkMisplacedExtension(QStringView item) const;
    // A number or a name, range-checked against the field.
    std::optional<Error> parseValue(QStringView text, int &value) const;
    std::optional<Error> parseStep(QStringView text, int &step) const;
    void addRange(int from, int to, int step);

    CronFieldKind m_kind;
    int m_min;
    int m_max;
    CronField m_field;
};

Result<CronField> FieldParser::parse(QStringView text)
{
    if (text.isEmpty())
        return fail(CoreTr::tr("the field is empty"));
    m_field.restricted = !(text.startsWith(QLatin1Char('*')) || text == u"?");
    if (text == u"?") {
        if (!isDayOfMonth() && !isDayOfWeek())
            return fail(CoreTr::tr("\"?\" is only allowed in day-of-month and day-of-week"));
        addRange(m_min, m_max, 1);
        return m_field;
    }
    const auto items = text.split(QLatin1Char(','));
    for (QStringView item : items) {
        if (item.isEmpty())
            return fail(CoreTr::tr("empty item in the list %1").arg(quoted(text)));
        if (auto error = parseItem(item))
            return *error;
    }
    return m_field;
}

std::optional<Error> FieldParser::parseItem(QStringView item)
{
    if (item == u"?")
        return fail(CoreTr::tr("\"?\" must stand alone, not in a list"));

    bool handled = false;
    if (isDayOfMonth()) {
        if (auto error = parseDayOfMonthExtension(item, handled))
            return error;
    } else if (isDayOfWeek()) {
        if (auto error = parseDayOfWeekExtension(item, handled))
            return error;
    }
    if (handled)
        return std::nullopt;

    if (auto error = checkMisplacedExtension(item))
        return error;

    QStringView base = item;
    int step = 1;
    bool hasStep = false;
    if (const qsizetype slash = item.indexOf(QLatin1Char('/')); slash >= 0) {
        base = item.left(slash);
        if (auto error = parseStep(item.mid(slash + 1), step))
            return error;
        hasStep = true;
    }

    if (base == u"*") {
        addRange(m_min, m_max, step);
        return std::nullopt;
    }
    if (base.isEmpty())
        return fail(CoreTr::tr("%1 is missing a value before \"/\"").arg(quoted(item)));

    if (const qsizetype dash = base.indexOf(QLatin1Char('-')); dash >= 0) {
        const QStringView fromText = base.left(dash);
        const QStringView toText = base.mid(dash + 1);
        if (fromText.isEmpty() || toText.isEmpty())
            return fail(CoreTr::tr("%1 is not a complete range").arg(quoted(base)));
        int from = 0;
        int to = 0;
        if (auto error = parseValue(fromText, from))
            return error;
        if (auto error = parseValue(toText, to))
            return error;
        if (from > to)
            return fail(
                CoreTr::tr("range %1 descends (ranges do not wrap around)").arg(base.toString()));
        addRange(from, to, step);
        return std::nullopt;
    }

    int value = 0;
    if (auto error = parseValue(base, value))
        return error;
    // "a/n" runs from a to the field's maximum.
    addRange(value, hasStep ? m_max : value, step);
    return std::nullopt;
}

std::optional<Error> FieldParser::parseDayOfMonthExtension(QStringView item, bool &handled)
{
    const bool startsWithL = item.startsWith(QLatin1Char('L'), Qt::CaseInsensitive);
    const bool endsWithW = item.endsWith(QLatin1Char('W'), Qt::CaseInsensitive);
    if (!startsWithL && !endsWithW)
        return std::nullopt;
    handled = true;
    if (item.compare(u"LW", Qt::CaseInsensitive) == 0) {
        m_field.lastWeekday = true;
        return std::nullopt;
    }
    if (item.compare(u"L", Qt::CaseInsensitive) == 0) {
        m_field.lastDayOffsets |= 1u;
        return std::nullopt;
    }
    if (startsWithL) {
        if (item.size() < 3 || item.at(1) != QLatin1Char('-'))
            return fail(CoreTr::tr("%1 is not valid: use L, L-n or LW").arg(quoted(item)));
        const auto offset = parseDigits(item.mid(2));
        if (!offset)
            return fail(CoreTr::tr("%1 is not a number").arg(quoted(item.mid(2))));
        if (*offset > 30)
            return fail(CoreTr::tr("%1 is out of range L-0 to L-30").arg(item.toString()));
        m_field.lastDayOffsets |= 1u << *offset;
        return std::nullopt;
    }
    // nW
    const QStringView dayText = item.chopped(1);
    if (dayText.isEmpty())
        return fail(CoreTr::tr("\"W\" needs a day before it, e.g. 15W"));
    const auto day = parseDigits(dayText);
    if (!day)
        return fail(CoreTr::tr("%1 is not a number").arg(quoted(dayText)));
    if (*day < 1 || *day > 31)
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("The %1 must be %2–%3, not %4.")
                             .arg(cronFieldName(m_kind), QStringLiteral("1"), QStringLiteral("31"),
                                  dayText.toString()));
    m_field.nearestWeekdays |= 1u << *day;
    return std::nullopt;
}

std::optional<Error> FieldParser::parseDayOfWeekExtension(QStringView item, bool &handled)
{
    if (const qsizetype hash = item.indexOf(QLatin1Char('#')); hash >= 0) {
        handled = true;
        const QStringView dayText = item.left(hash);
        const QStringView nthText = item.mid(hash + 1);
        if (dayText.isEmpty())
            return fail(CoreTr::tr("%1 needs a weekday before \"#\", e.g. 1#2").arg(quoted(item)));
        int weekday = 0;
        if (auto error = parseValue(dayText, weekday))
            return error;
        const auto nth = parseDigits(nthText);
        if (!nth)
            return fail(CoreTr::tr("%1 is not a number").arg(quoted(nthText)));
        if (*nth < 1 || *nth > 5)
            return fail(CoreTr::tr("occurrence %1 in %2 is out of range 1-5")
                            .arg(nthText.toString(), quoted(item)));
        m_field.nthWeekdays[std::size_t(*nth)] |= quint8(1u << (weekday % 7));
        return std::nullopt;
    }
    if (item.size() >= 1 && item.endsWith(QLatin1Char('L'), Qt::CaseInsensitive)) {
        handled = true;
        const QStringView dayText = item.chopped(1);
        if (dayText.isEmpty())
            return fail(CoreTr::tr("\"L\" needs a weekday before it, e.g. 5L for the last Friday"));
        int weekday = 0;
        if (auto error = parseValue(dayText, weekday))
            return error;
        m_field.lastWeekdays |= quint8(1u << (weekday % 7));
        return std::nullopt;
    }
    return std::nullopt;
}

// "5L" in the minute field, "1#2" in day-of-month: say where the extension belongs.
std::optional<Error> FieldParser::checkMisplacedExtension(QStringView item) const
{
    const bool looksNumeric = isAsciiDigit(item.front())
        || (item.front().toUpper() == QLatin1Char('L') && !parseName(m_kind, item.left(3)));
    if (!looksNumeric)
        return std::nullopt;
    // A range may end in a name, as in Vixie cron and cronie ("1-WED", "1-JUL"): the
    // letters of a name are no extension.
    for (QStringView part : item.split(QLatin1Char('-'))) {
        if (parseName(m_kind, part.left(3)) && (part.size() == 3 || part.at(3) == QLatin1Char('/')))
            part = part.mid(3);
        for (QChar c : part) {
            const char16_t u = c.toUpper().unicode();
            if (u == '#' && !isDayOfWeek())
                return fail(CoreTr::tr("\"#\" is only allowed in day-of-week"));
            if (u == 'W' && !isDayOfMonth())
                return fail(CoreTr::tr("\"W\" is only allowed in day-of-month"));
            if (u == 'L' && !isDayOfMonth() && !isDayOfWeek())
                return fail(CoreTr::tr("\"L\" is only allowed in day-of-month and day-of-week"));
        }
    }
    return std::nullopt;
}

std::optional<Error> FieldParser::parseValue(QStringView text, int &value) const
{
    if (const auto number = parseDigits(text)) {
        if (*number < m_min || *number > m_max) {
            // Said as a rule people can follow, without the field-name prefix of fail().
            //: %1 a cron field name ("minute"), %2-%3 its range, %4 the value typed
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("The %1 must be %2–%3, not %4.")
                                 .arg(cronFieldName(m_kind), QString::number(m_min),
                                      QString::number(m_max), text.toString()));
        }
        value = int(*number);
        return std::nullopt;
    }
    if (const auto named = parseName(m_kind, text)) {
        value = *named;
        return std::nullopt;
    }
    if (m_kind == CronFieldKind::Month)
        return fail(CoreTr::tr("%1 is not a number or a month name").arg(quoted(text)));
    if (m_kind == CronFieldKind::DayOfWeek)
        return fail(CoreTr::tr("%1 is not a number or a weekday name").arg(quoted(text)));
    return fail(CoreTr::tr("%1 is not a number").arg(quoted(text)));
}

std::optional<Error> FieldParser::parseStep(QStringView text, int &step) const
{
    const auto number = parseDigits(text);
    if (!number)
        return fail(CoreTr::tr("step %1 is not a number").arg(quoted(text)));
    const int maxStep = kMaxStep[int(m_kind)];
    if (*number < 1 || *number > maxStep) {
        return fail(CoreTr::tr("step %1 is out of range 1-%2")
                        .arg(text.toString(), QString::number(maxStep)));
    }
    step = int(*number);
    return std::nullopt;
}

void FieldParser::addRange(int from, int to, int step)
{
    for (int v = from; v <= to; v += step) {
        const int bit = (isDayOfWeek() && v == 7) ? 0 : v;
        m_field.values |= quint64(1) << bit;
    }
}

} // namespace

QString cronFieldName(CronFieldKind kind)
{
    // The disambiguation keeps the field "second" apart from the ordinal "second" of the
    // plain-words descriptions (German "Sekunde" vs "zweiten").
    switch (kind) {
    case CronFieldKind::Second:
        return CoreTr::tr("second", "cron field name");
    case CronFieldKind::Minute:
        return CoreTr::tr("minute", "cron field name");
    case CronFieldKind::Hour:
        return CoreTr::tr("hour", "cron field name");
    case CronFieldKind::DayOfMonth:
        return CoreTr::tr("day-of-month", "cron field name");
    case CronFieldKind::Month:
        return CoreTr::tr("month", "cron field name");
    case CronFieldKind::DayOfWeek:
        return CoreTr::tr("day-of-week", "cron field name");
    }
    return QString();
}

int cronFieldMin(CronFieldKind kind)
{
    switch (kind) {
    case CronFieldKind::DayOfMonth:
    case CronFieldKind::Month:
        return 1;
    default:
        return 0;
    }
}

int cronFieldMax(CronFieldKind kind)
{
    switch (kind) {
    case CronFieldKind::Second:
    case CronFieldKind::Minute:
        return 59;
    case CronFieldKind::Hour:
        return 23;
    case CronFieldKind::DayOfMonth:
        return 31;
    case CronFieldKind::Month:
        return 12;
    case CronFieldKind::DayOfWeek:
        return 7;
    }
    return 0;
}

bool CronField::hasExtensions() const
{
    if (lastDayOffsets || nearestWeekdays || lastWeekday || lastWeekdays)
        return true;
    for (quint8 bits : nthWeekdays) {
        if (bits)
            return true;
    }
    return false;
}

Result<CronField> CronField::parse(CronFieldKind kind, QStringView text)
{
    return FieldParser(kind).parse(text);
}

} // namespace Cronhelm
