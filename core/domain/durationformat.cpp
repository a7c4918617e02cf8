#include "durationformat.h"

#include "coretr.h"

#include <QLocale>

namespace Cronhelm {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return CoreTr::tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60) {
        if (ms < 10000)
            return CoreTr::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
        return CoreTr::tr("%1 s").arg(s);
    }
    if (s < 3600)
        return CoreTr::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400) {
        return CoreTr::tr("%1 h %2 min")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    return CoreTr::tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString formatElapsed(qint64 ms)
{
    return formatDuration(ms - ms % 1000);
}

QString formatSize(qint64 bytes)
{
    constexpr qint64 kb = 1024;
    constexpr qint64 mb = kb * 1024;
    constexpr qint64 gb = mb * 1024;
    auto amount = [](qint64 value, qint64 unit) {
        // Whole numbers stay whole ("10 MB"); others get one decimal ("1.5 GB").
        if (value % unit == 0)
            return QLocale().toString(value / unit);
        return QLocale().toString(double(value) / double(unit), 'f', 1);
    };
    if (bytes >= gb)
        return CoreTr::tr("%1 GB").arg(amount(bytes, gb));
    if (bytes >= mb)
        return CoreTr::tr("%1 MB").arg(amount(bytes, mb));
    if (bytes >= kb)
        return CoreTr::tr("%1 KB").arg(amount(bytes, kb));
    return CoreTr::tr("%n byte(s)", nullptr, int(bytes));
}

} // namespace Cronhelm
