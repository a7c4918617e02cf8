#include "sizeedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace Cronhelm {

namespace {
constexpr qint64 kUnits[] = {1024, 1024 * 1024};
}

SizeEdit::SizeEdit(QWidget *parent)
    : QWidget(parent)
    , m_value(new QSpinBox(this))
    , m_unit(new QComboBox(this))
{
    m_value->setObjectName(QStringLiteral("sizeValue"));
    m_unit->setObjectName(QStringLiteral("sizeUnit"));
    //: units of data size: kilobytes, megabytes
    m_unit->addItems({tr("KB"), tr("MB")});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value);
    layout->addWidget(m_unit);
    layout->addStretch();
    setFocusProxy(m_value);
    connect(m_value, &QSpinBox::valueChanged, this, [this] { emit bytesChanged(bytes()); });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        updateSpinRange();
        emit bytesChanged(bytes());
    });
    updateSpinRange();
}

qint64 SizeEdit::bytes() const
{
    return m_value->value() * kUnits[std::max(0, m_unit->currentIndex())];
}

void SizeEdit::setBytes(qint64 bytes)
{
    const int unit = bytes > 0 && bytes % kUnits[1] == 0 ? 1 : 0;
    {
        const QSignalBlocker blockUnit(m_unit);
        const QSignalBlocker blockValue(m_value);
        m_unit->setCurrentIndex(unit);
        updateSpinRange();
        m_value->setValue(int(std::max<qint64>(1, bytes / kUnits[unit])));
    }
    emit bytesChanged(this->bytes());
}

void SizeEdit::setRange(qint64 minimumBytes, qint64 maximumBytes)
{
    m_min = minimumBytes;
    m_max = maximumBytes;
    updateSpinRange();
}

void SizeEdit::updateSpinRange()
{
    const qint64 unit = kUnits[std::max(0, m_unit->currentIndex())];
    const QSignalBlocker block(m_value);
    m_value->setRange(int(std::max<qint64>(1, (m_min + unit - 1) / unit)),
                      int(std::max<qint64>(1, m_max / unit)));
}

} // namespace Cronhelm
