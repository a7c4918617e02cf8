#include "timeofdayedit.h"

#include <QKeyEvent>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTimer>

namespace Cronhelm {

namespace {

QString format(const QTime &time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

} // namespace

TimeOfDayEdit::TimeOfDayEdit(QWidget *parent)
    : QLineEdit(parent)
{
    // At most "HH:mm" or "HHmm"; anything else cannot become a time.
    setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,2}[:.]?[0-9]{0,2}")), this));
    setMaxLength(5);
    setText(format(m_time));
    setPlaceholderText(tr("hh:mm"));
    const int width = fontMetrics().horizontalAdvance(QStringLiteral("00:00")) * 2 + 16;
    setMaximumWidth(width);
    connect(this, &QLineEdit::textEdited, this, &TimeOfDayEdit::textWasEdited);
    connect(this, &QLineEdit::editingFinished, this, [this] {
        // Written out in full once the user is done ("730" becomes "07:30").
        if (isComplete() && text() != format(m_time))
            setText(format(m_time));
    });
}

void TimeOfDayEdit::setTime(const QTime &time)
{
    const QTime minutes(time.hour(), time.minute());
    setText(format(minutes));
    if (minutes != m_time) {
        m_time = minutes;
        emit timeChanged(m_time);
    }
}

bool TimeOfDayEdit::isComplete() const
{
    return parse(text()).isValid();
}

QTime TimeOfDayEdit::parse(const QString &text)
{
    static const QRegularExpression separated(
        QStringLiteral("^\\s*([0-9]{1,2})\\s*[:.]\\s*([0-9]{2})\\s*$"));
    static const QRegularExpression digits(QStringLiteral("^\\s*([0-9]{1,4})\\s*$"));
    int hour = -1;
    int minute = -1;
    if (const auto m = separated.match(text); m.hasMatch()) {
        hour = m.captured(1).toInt();
        minute = m.captured(2).toInt();
    } else if (const auto d = digits.match(text); d.hasMatch()) {
        const QString n = d.captured(1);
        if (n.size() <= 2) { // "7", "07": the hour
            hour = n.toInt();
            minute = 0;
        } else { // "730", "0730": hour and minute
            hour = n.left(n.size() - 2).toInt();
            minute = n.right(2).toInt();
        }
    }
    return QTime(hour, minute); // invalid when out of range
}

void TimeOfDayEdit::textWasEdited(const QString &text)
{
    const QTime typed = parse(text);
    if (!typed.isValid() || typed == m_time)
        return;
    m_time = typed;
    emit timeChanged(m_time);
}

void TimeOfDayEdit::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    // Tabbing in selects the whole time, so typing replaces it.
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
        QTimer::singleShot(0, this, &QLineEdit::selectAll);
}

void TimeOfDayEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        stepBy(event->key() == Qt::Key_Up ? 1 : -1);
        return;
    }
    const QString typed = event->text();
    const bool digit = typed.size() == 1 && typed.at(0).isDigit();
    const bool colon = typed == QLatin1String(":") || typed == QLatin1String(".");
    const int pos = cursorPosition();
    const QString current = text();
    // Typing inside a complete "HH:mm" overwrites, as in a time field; at the end (after
    // Ctrl+A replaced everything, or after Backspace) it simply inserts.
    if ((digit || colon) && !hasSelectedText() && pos < current.size() && current.size() == 5
        && current.at(2) == QLatin1Char(':')) {
        QString next = current;
        int at = pos;
        if (colon) {
            if (at == 1) { // "7:" over "09:00": the hour was one digit
                next.replace(0, 2, QLatin1Char('0') + next.at(0));
                at = 2;
            }
            if (at == 2) {
                setText(next);
                setCursorPosition(3);
                emit textEdited(next);
            }
            return; // a colon anywhere else means nothing
        }
        if (at == 2) // the colon is skipped over: "0730" typed after Home
            at = 3;
        next[at] = typed.at(0);
        setText(next);
        setCursorPosition(at + 1);
        emit textEdited(next);
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void TimeOfDayEdit::stepBy(int steps)
{
    const bool hours = cursorPosition() <= 2;
    const int pos = cursorPosition();
    setTime(m_time.addSecs(steps * (hours ? 3600 : 60)));
    setCursorPosition(pos);
}

} // namespace Cronhelm
