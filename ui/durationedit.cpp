#include "durationedit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace Cronhelm {

namespace {
constexpr int kUnits[] = {1, 60, 3600, 86400};
}

DurationEdit::DurationEdit(QWidget *parent)
    : QWidget(parent)
    , m_value(new QSpinBox(this))
    , m_unit(new QComboBox(this))
{
    m_value->setObjectName(QStringLiteral("durationValue"));
    m_unit->setObjectName(QStringLiteral("durationUnit"));
    m_unit->addItems({tr("seconds"), tr("minutes"), tr("hours"), tr("days")});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_value);
    layout->addWidget(m_unit);
    layout->addStretch();
    setFocusProxy(m_value);
    connect(m_value, &QSpinBox::valueChanged, this, [this] { emit secondsChanged(seconds()); });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        updateSpinRange();
        emit secondsChanged(seconds());
    });
    updateSpinRange();
}

int DurationEdit::seconds() const
{
    return m_value->value() * kUnits[std::max(0, m_unit->currentIndex())];
}

void DurationEdit::setSeconds(int seconds)
{
    int unit = 0;
    for (int i = 3; i > 0; --i) {
        if (seconds > 0 && seconds % kUnits[i] == 0) {
            unit = i;
            break;
        }
    }
    {
        const QSignalBlocker blockUnit(m_unit);
        const QSignalBlocker blockValue(m_value);
        m_unit->setCurrentIndex(unit);
        updateSpinRange();
        m_value->setValue(seconds / kUnits[unit]);
    }
    emit secondsChanged(this->seconds());
}

void DurationEdit::setRange(int minimumSeconds, int maximumSeconds)
{
    m_min = minimumSeconds;
    m_max = maximumSeconds;
    updateSpinRange();
}

void DurationEdit::updateSpinRange()
{
    const int unit = kUnits[std::max(0, m_unit->currentIndex())];
    const QSignalBlocker block(m_value);
    m_value->setRange((m_min + unit - 1) / unit, std::max(1, m_max / unit));
}

} // namespace Cronhelm
