#include "placeholdertableview.h"

#include <QPainter>

namespace Cronhelm {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : QTableView(parent)
{}

void PlaceholderTableView::setPlaceholder(std::function<QString()> text)
{
    m_placeholder = std::move(text);
    viewport()->update();
}

QString PlaceholderTableView::placeholderText() const
{
    if (!m_placeholder || !model() || model()->rowCount() > 0)
        return {};
    return m_placeholder();
}

void PlaceholderTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    const QString text = placeholderText();
    if (text.isEmpty())
        return;
    QPainter painter(viewport());
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.6f);
    painter.setPen(colour);
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace Cronhelm
