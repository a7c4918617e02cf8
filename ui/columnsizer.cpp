#include "columnsizer.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace Cronhelm {

ColumnSizer::ColumnSizer(QTableView *view, QList<Column> columns, int growColumn)
    : QObject(view)
    , m_view(view)
    , m_columns(std::move(columns))
    , m_growColumn(growColumn)
    , m_later(new QTimer(this))
{
    // Several changes in a row (a page of rows, a resize) fit once.
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, &ColumnSizer::fit);
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        // Dragged by hand (the button is down): leave the widths alone from now on. Restoring
        // the saved header state also resizes sections, and must not stop the fitting.
        if (!m_fitting && QGuiApplication::mouseButtons().testFlag(Qt::LeftButton))
            m_userResized = true;
    });
    auto later = [this] {
        m_later->start();
    };
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    view->viewport()->installEventFilter(this);
    view->setItemDelegate(new ElidingDelegate(view));
    view->setTextElideMode(Qt::ElideMiddle);
    m_later->start();
}

bool ColumnSizer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_later->start();
    return QObject::eventFilter(watched, event);
}

void ColumnSizer::fit()
{
    if (m_userResized)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    const int padding = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) * 2 + 12;
    struct Want
    {
        Column column;
        int minimum;
        int width;
    };
    QList<Want> wants;
    int total = 0;
    for (const Column &c : std::as_const(m_columns)) {
        if (m_view->isColumnHidden(c.column))
            continue;
        // The header must never be clipped ("Letztes Ergebnis"), whatever the language.
        const int minimum = header->sectionSizeHint(c.column);
        // The rows on screen (QTableView's hint looks at those, not at millions of runs).
        const QAbstractItemView *view = m_view;
        int width = std::max(minimum, view->sizeHintForColumn(c.column) + padding);
        if (c.maxWidth > 0)
            width = std::max(minimum, std::min(width, c.maxWidth));
        wants.append({c, minimum, width});
        total += width;
    }
    const int available = m_view->viewport()->width();
    if (total > available) {
        // Long text first: cut in the middle it still reads, a cut "Never ran" does not.
        for (Want &w : wants) {
            if (w.column.elidesWellDownTo <= 0)
                continue;
            const int floor = std::max(w.minimum, w.column.elidesWellDownTo);
            const int give = std::clamp(total - available, 0, std::max(0, w.width - floor));
            w.width -= give;
            total -= give;
        }
    }
    if (total > available) {
        // The least important give way first, each down to its header.
        QList<Want *> order;
        for (Want &w : wants)
            order.append(&w);
        std::stable_sort(order.begin(), order.end(), [](const Want *a, const Want *b) {
            return a->column.priority < b->column.priority;
        });
        for (Want *w : std::as_const(order)) {
            const int give = std::min(total - available, w->width - w->minimum);
            w->width -= give;
            total -= give;
            if (total <= available)
                break;
        }
    } else {
        for (Want &w : wants) {
            if (w.column.column == m_growColumn)
                w.width += available - total;
        }
    }
    m_fitting = true;
    for (const Want &w : std::as_const(wants))
        header->resizeSection(w.column.column, w.width);
    m_fitting = false;
}

void ElidingDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

bool ElidingDelegate::isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty())
        return false;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return opt.fontMetrics.horizontalAdvance(opt.text) > textRect.width() - 2 * margin;
}

bool ElidingDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid() || !isElided(option, index))
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString full = index.data(Qt::DisplayRole).toString();
    const QString own = index.data(Qt::ToolTipRole).toString();
    const QString tip = own.isEmpty() || own == full
        ? full
        : QStringLiteral("<p>%1</p><p>%2</p>").arg(full.toHtmlEscaped(), own.toHtmlEscaped());
    QToolTip::showText(event->globalPos(), tip, view->viewport(), option.rect);
    return true;
}

} // namespace Cronhelm
