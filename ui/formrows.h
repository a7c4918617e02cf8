#pragma once

#include <QFormLayout>

#include <vector>

namespace Cronhelm {

// Shows and hides rows of a QFormLayout by taking them out of the form and putting them
// back in their place, never by hiding them in it.
//
// Why: Qt 6.4's QFormLayout skips a hidden row when it lays out, but keeps the row's old
// index into its per-row array; heightForWidth() then reads and writes through that stale
// index, past the end of the array once fewer rows are shown than when the index was
// taken (valgrind: invalid writes in QFormLayoutPrivate::setupHfwLayoutData; the job
// editor crashed now and then while its schedule rows changed). A row that is not in the
// form has no index to go stale. This applies to setRowVisible() and to hiding a row's
// widgets alike, so every form whose rows come and go uses this class.
class FormRows
{
public:
    // Remembers the form's rows in their current order; rows added later are not known.
    explicit FormRows(QFormLayout *form);
    ~FormRows();

    FormRows(const FormRows &) = delete;
    FormRows &operator=(const FormRows &) = delete;

    // Shows or hides the row whose field (or label) is `widget`.
    void setRowVisible(QWidget *widget, bool visible);
    bool isRowVisible(QWidget *widget) const;

private:
    struct Row
    {
        QWidget *label = nullptr;
        QWidget *field = nullptr;
        bool spanning = false; // the field spans both columns
        bool fixed = false;    // the field is a layout: always shown
        bool shown = true;
    };
    // Index into m_rows of the row holding `widget`, or -1.
    int indexOf(QWidget *widget) const;

    QFormLayout *m_form;
    std::vector<Row> m_rows; // in the form's order
};

} // namespace Cronhelm
