#include "durationedit.h"

namespace Cronhelm {

DurationEdit::DurationEdit(QWidget *parent)
    : UnitValueEdit(
        QStringLiteral("duration"),
        {{tr("seconds"), 1}, {tr("minutes"), 60}, {tr("hours"), 3600}, {tr("days"), 86400}}, 0,
        604800, parent)
{
    connect(this, &UnitValueEdit::valueChanged, this,
            [this](qint64 seconds) { Q_EMIT secondsChanged(int(seconds)); });
}

} // namespace Cronhelm
