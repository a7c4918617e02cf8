#pragma once

#include "unitvalueedit.h"

namespace Cronhelm {

// An amount of data as a number and a unit (KB, MB), for people who think "10 MB", not
// "10240 KiB". Holds whole bytes, in units of 1024 (as file managers count them).
class SizeEdit : public UnitValueEdit
{
    Q_OBJECT

public:
    explicit SizeEdit(QWidget *parent = nullptr);

    qint64 bytes() const { return value(); }
    // Shows the value in the largest unit that divides it (kilobytes at least).
    void setBytes(qint64 bytes) { setValue(bytes); }

Q_SIGNALS:
    void bytesChanged(qint64 bytes);
};

} // namespace Cronhelm
