#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace Cronhelm {

// A length of time as a number and a unit (seconds, minutes, hours, days), for people who
// think "25 minutes", not "1500". Holds whole seconds.
class DurationEdit : public QWidget
{
    Q_OBJECT

public:
    explicit DurationEdit(QWidget *parent = nullptr);

    int seconds() const;
    // Shows the value in the largest unit that divides it.
    void setSeconds(int seconds);
    void setRange(int minimumSeconds, int maximumSeconds);

signals:
    void secondsChanged(int seconds);

private:
    void updateSpinRange();

    QSpinBox *m_value;
    QComboBox *m_unit;
    int m_min = 0;
    int m_max = 604800;
};

} // namespace Cronhelm
