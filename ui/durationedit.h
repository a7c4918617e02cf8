#pragma once

#include "unitvalueedit.h"

namespace Cronhelm {

// A length of time as a number and a unit (seconds, minutes, hours, days), for people who
// think "25 minutes", not "1500". Holds whole seconds.
class DurationEdit : public UnitValueEdit
{
    Q_OBJECT

public:
    explicit DurationEdit(QWidget *parent = nullptr);

    int seconds() const { return int(value()); }
    // Shows the value in the largest unit that divides it.
    void setSeconds(int seconds) { setValue(seconds); }

Q_SIGNALS:
    void secondsChanged(int seconds);
};

} // namespace Cronhelm
