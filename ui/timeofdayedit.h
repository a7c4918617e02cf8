#pragma once

#include <QLineEdit>
#include <QTime>

namespace Cronhelm {

// A time of day (hours and minutes, 24-hour clock) typed as people type it: "07:30",
// "0730", "7:30", "730" or "7" all mean 07:30 or 07:00, after Ctrl+A, after Home, or after
// clicking anywhere. QTimeEdit keeps the old hour when the hour is typed over a selected
// or partly replaced text ("09:00", Ctrl+A, "07:30" gives 09:30), so a schedule would be
// saved at a time nobody typed. Digits typed in the middle overwrite (as a QTimeEdit
// does after Home), the colon is skipped over, Up and Down step the hour or the minute
// under the cursor.
class TimeOfDayEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit TimeOfDayEdit(QWidget *parent = nullptr);

    // The last time typed completely (or set).
    QTime time() const { return m_time; }
    void setTime(const QTime &time);
    // Whether the text is a time (false while "25:00" or "7:6x" is typed).
    bool isComplete() const;
    // Reads "07:30", "7:30", "0730", "730", "7" (and "7.30"); invalid when it is not a time.
    static QTime parse(const QString &text);

signals:
    void timeChanged(const QTime &time);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void textWasEdited(const QString &text);
    void stepBy(int steps);

    QTime m_time = QTime(0, 0);
};

} // namespace Cronhelm
