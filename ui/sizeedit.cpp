#include "sizeedit.h"

namespace Cronhelm {

SizeEdit::SizeEdit(QWidget *parent)
    //: units of data size: kilobytes, megabytes
    : UnitValueEdit(QStringLiteral("size"), {{tr("KB"), 1024}, {tr("MB"), 1024 * 1024}}, 1024,
                    qint64(1) << 30, parent)
{
    connect(this, &UnitValueEdit::valueChanged, this, &SizeEdit::bytesChanged);
}

} // namespace Cronhelm
