#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace Cronhelm {

// An amount as a number and a unit ("25 minutes", "10 MB"), for people who do not think in
// the base unit. Holds whole base units; DurationEdit and SizeEdit name them.
class UnitValueEdit : public QWidget
{
    Q_OBJECT

public:
    struct Unit
    {
        QString name;    // shown in the unit box
        qint64 multiple; // base units per unit, ascending
    };

    qint64 value() const;
    // Shows the value in the largest unit that divides it.
    void setValue(qint64 value);
    void setRange(qint64 minimum, qint64 maximum);

Q_SIGNALS:
    void valueChanged(qint64 value);

protected:
    // `name` prefixes the object names of the number ("<name>Value") and unit ("<name>Unit").
    UnitValueEdit(const QString &name, const QList<Unit> &units, qint64 minimum, qint64 maximum,
                  QWidget *parent);

private:
    void updateSpinRange();

    QList<Unit> m_units;
    QSpinBox *m_value;
    QComboBox *m_unit;
    qint64 m_min;
    qint64 m_max;
};

} // namespace Cronhelm
