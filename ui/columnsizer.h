#pragma once

#include <QList>
#include <QObject>
#include <QStyledItemDelegate>

class QTableView;
class QTimer;

namespace Cronhelm {

// Sizes a table's columns by their content and importance, instead of fixed widths with all
// spare room going to the last column. Every column asks for the width its header and its
// visible cells need; when the table is too narrow, the least important columns give way
// first (down to their header's width), their text elided — after the columns of long text
// that reads well cut in the middle have given some of theirs; spare room goes to the column
// with the most to say. A column the user drags keeps the width the user gave it.
class ColumnSizer : public QObject
{
    Q_OBJECT

public:
    struct Column
    {
        int column;
        int priority;     // higher: keeps its width longer when room is short
        int maxWidth = 0; // 0: no limit
        // Long text that still reads when cut in the middle (a schedule's description):
        // when room is short it gives way first, down to this width, before any column
        // loses what it needs for its short text ("Never ran", a date). 0: not so.
        int elidesWellDownTo = 0;
    };

    ColumnSizer(QTableView *view, QList<Column> columns, int growColumn);

    // Fits the columns now (it also happens by itself when the rows or the width change).
    void fit();
    bool userResized() const { return m_userResized; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    QList<Column> m_columns;
    int m_growColumn;
    QTimer *m_later;
    bool m_fitting = false;
    bool m_userResized = false;
};

// Elides cell text in the middle ("…the last weekday of every month" keeps its start and
// end) and shows the full text as the tooltip when it does not fit, above the model's own.
class ElidingDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // True when the index's text does not fit in `option`'s rectangle.
    bool isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Cronhelm
