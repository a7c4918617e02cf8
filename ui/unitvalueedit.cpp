#include "unitvalueedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>

namespace Cronhelm {

UnitValueEdit::UnitValueEdit(const QString &name, const QList<Unit> &units, qint64 minimum,
                             qint64 maximum, QWidget *parent)
    : QWidget(parent)
    , m_units(units)
    , m_value(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_min(minimum)
    , m_max(maximum)
{
    m_value->setObjectName(name + QStringLiteral("Value"));
    m_unit->setObjectName(name + QStringLiteral("Unit"));
    for (const Unit &unit : units)
        m_unit->addItem(unit.name);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value);
    layout->addWidget(m_unit);
    layout->addStretch();
    setFocusProxy(m_value);
    connect(m_value, &QSpinBox::valueChanged, this, [this] { Q_EMIT valueChanged(value()); });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        updateSpinRange();
        Q_EMIT valueChanged(value());
    });
    updateSpinRange();
}

qint64 UnitValueEdit::value() const
{
    return m_value->value() * m_units.at(std::max(0, m_unit->currentIndex())).multiple;
}

void UnitValueEdit::setValue(qint64 value)
{
    int unit = 0;
    for (int i = int(m_units.size()) - 1; i > 0; --i) {
        if (value > 0 && value % m_units.at(i).multiple == 0) {
            unit = i;
            break;
        }
    }
    {
        const QSignalBlocker blockUnit(m_unit);
        const QSignalBlocker blockValue(m_value);
        m_unit->setCurrentIndex(unit);
        updateSpinRange();
        m_value->setValue(int(value / m_units.at(unit).multiple));
    }
    Q_EMIT valueChanged(this->value());
}

void UnitValueEdit::setRange(qint64 minimum, qint64 maximum)
{
    m_min = minimum;
    m_max = maximum;
    updateSpinRange();
}

void UnitValueEdit::updateSpinRange()
{
    const qint64 unit = m_units.at(std::max(0, m_unit->currentIndex())).multiple;
    const QSignalBlocker block(m_value);
    m_value->setRange(int((m_min + unit - 1) / unit), int(std::max<qint64>(1, m_max / unit)));
}

} // namespace Cronhelm
