#pragma once

#include "cronexpression.h"

namespace Cronhelm {

// A brute-force reference for CronExpression::nextAfter(), for tests and the benchmark only.
// It walks real instants one by one (a second apart for 6 fields, a minute apart for 5), asks
// QTimeZone for each instant's offset, and applies the DST rules literally:
// - hour field unrestricted: an instant fires when its wall-clock time matches;
// - hour field restricted: it fires when its wall-clock time matches and that wall-clock time
//   has not occurred before (fall-back overlap), or when it lies within a spring-forward gap's
//   length after the transition and the skipped wall-clock time it stands for (read with the
//   offset before the transition) matches.
// Assumes offsets that are whole minutes (all zones since the 1970s).
class CronOracle
{
public:
    static QDateTime nextAfter(const CronExpression &expr, const QDateTime &after,
                               const QTimeZone &zone, qint64 maxSeconds);
};

} // namespace Cronhelm
