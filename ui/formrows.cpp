#include "formrows.h"

#include <QWidget>

#include <algorithm>

namespace Cronhelm {

FormRows::FormRows(QFormLayout *form)
    : m_form(form)
{
    for (int i = 0; i < form->rowCount(); ++i) {
        Row row;
        if (QLayoutItem *label = form->itemAt(i, QFormLayout::LabelRole))
            row.label = label->widget();
        // itemAt(FieldRole) answers a spanning item too: ask for that first. A row whose
        // field is a layout (not a widget) is known for its place only.
        row.spanning = form->itemAt(i, QFormLayout::SpanningRole) != nullptr;
        if (QLayoutItem *field = form->itemAt(i, QFormLayout::FieldRole)) {
            row.field = field->widget();
            row.fixed = !row.field;
        }
        m_rows.push_back(row);
    }
}

FormRows::~FormRows() = default;

int FormRows::indexOf(QWidget *widget) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [widget](const Row &row) {
        return widget && (row.field == widget || row.label == widget);
    });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

bool FormRows::isRowVisible(QWidget *widget) const
{
    const int index = indexOf(widget);
    return index >= 0 && m_rows[size_t(index)].shown;
}

void FormRows::setRowVisible(QWidget *widget, bool visible)
{
    const int index = indexOf(widget);
    Q_ASSERT_X(index >= 0, "FormRows::setRowVisible", "the widget is in no row of this form");
    Q_ASSERT_X(index < 0 || !m_rows[size_t(index)].fixed, "FormRows::setRowVisible",
               "a row whose field is a layout cannot be hidden");
    if (index < 0 || m_rows[size_t(index)].fixed || m_rows[size_t(index)].shown == visible)
        return;
    Row *row = &m_rows[size_t(index)];
    row->shown = visible;
    if (!visible) {
        int formRow = -1;
        QFormLayout::ItemRole role;
        m_form->getWidgetPosition(row->field ? row->field : row->label, &formRow, &role);
        if (formRow < 0)
            return;
        const QFormLayout::TakeRowResult taken = m_form->takeRow(formRow);
        // The items are ours now; deleting them leaves their widgets alone.
        delete taken.labelItem;
        delete taken.fieldItem;
        for (QWidget *w : {row->label, row->field}) {
            if (w)
                w->hide();
        }
        return;
    }
    // Back where it was: after the rows before it that are in the form.
    const auto before =
        std::count_if(m_rows.begin(), m_rows.begin() + index, [](const Row &r) { return r.shown; });
    if (row->spanning)
        m_form->insertRow(int(before), row->field);
    else
        m_form->insertRow(int(before), row->label, row->field);
    for (QWidget *w : {row->label, row->field}) {
        if (w)
            w->show();
    }
}

} // namespace Cronhelm
