#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace Cronhelm {

// An amount of data as a number and a unit (KB, MB), for people who think "10 MB", not
// "10240 KiB". Holds whole bytes, in units of 1024 (as file managers count them).
class SizeEdit : public QWidget
{
    Q_OBJECT

public:
    explicit SizeEdit(QWidget *parent = nullptr);

    qint64 bytes() const;
    // Shows the value in the largest unit that divides it (kilobytes at least).
    void setBytes(qint64 bytes);
    void setRange(qint64 minimumBytes, qint64 maximumBytes);

signals:
    void bytesChanged(qint64 bytes);

private:
    void updateSpinRange();

    QSpinBox *m_value;
    QComboBox *m_unit;
    qint64 m_min = 1024;
    qint64 m_max = qint64(1) << 30;
};

} // namespace Cronhelm
