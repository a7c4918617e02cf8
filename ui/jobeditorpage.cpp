#include "jobeditorpage.h"

#include <QEvent>
#include <QLabel>

namespace Cronhelm {

void JobEditorPage::setProblem(const QString &field, const QString &message)
{
    if (message.isEmpty())
        m_problems.remove(field);
    else
        m_problems.insert(field, message);
    showProblem(field);
}

void JobEditorPage::touchAll()
{
    m_touchedAll = true;
    for (const QString &field : fields())
        showProblem(field);
}

void JobEditorPage::watchTouch(QWidget *widget, const QString &field)
{
    m_watched.insert(widget, field);
    widget->installEventFilter(this);
}

void JobEditorPage::touch(const QString &field)
{
    m_touched.insert(field);
    showProblem(field);
}

void JobEditorPage::prepareErrorLabel(QLabel *label)
{
    // Always there, one line tall while empty: a one-line problem appearing moves nothing
    // below it (QFormLayout drops the row of a hidden label, whatever its size policy).
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->clear();
    label->show();
    m_errorLabels.append(label);
    fitErrorLabel(label);
}

void JobEditorPage::fitErrorLabel(QLabel *label)
{
    const int line = label->fontMetrics().lineSpacing();
    const int width = label->width() > 50 ? label->width() : 400;
    const int needed = label->text().isEmpty() ? line : label->heightForWidth(width);
    label->setFixedHeight(std::max(line, needed));
}

void JobEditorPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    for (QLabel *label : std::as_const(m_errorLabels))
        fitErrorLabel(label);
}

void JobEditorPage::showProblem(const QString &field)
{
    QLabel *label = errorLabel(field);
    if (!label)
        return;
    QString message = isTouched(field) ? m_problems.value(field) : QString();
    const bool error = !message.isEmpty();
    if (!error)
        message = notice(field);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xda, 0x44, 0x53) : QColor(0x9a, 0x67, 0x00));
    label->setPalette(p);
    label->setText(message);
    fitErrorLabel(label);
    problemShown(field, error);
}

bool JobEditorPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        if (const auto it = m_watched.constFind(watched); it != m_watched.cend())
            touch(*it);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cronhelm
