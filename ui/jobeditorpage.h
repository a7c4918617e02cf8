#pragma once

#include <domain/records.h>

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;

namespace Cronhelm {

// One tab of the job editor. A page shows part of a JobSpec, writes it back, and shows the
// problems the job's rules find with its fields. A field's problem shows under it only once
// the user has touched the field (left it after editing, or tried to save), so a new job
// does not open covered in red; the editor still names the first problem next to Save.
class JobEditorPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void load(const JobSpec &spec) = 0;
    // Writes the page's fields into `spec`, which holds the job as loaded: what the page
    // does not show stays as it was.
    virtual void apply(JobSpec &spec) const = 0;
    virtual void setReadOnly() = 0;
    // The spec fields (as JobRules names them) whose problems this page shows, in the order
    // they appear on it.
    virtual QStringList fields() const = 0;
    // The widget to focus to fix a field's problem.
    virtual QWidget *editorFor(const QString &field) const = 0;

    // Says a rule's problem with one of fields() in the form's words (default: as is).
    virtual QString explain(const QString &field, const QString &message) const
    {
        Q_UNUSED(field)
        return message;
    }
    // Records the problem of one of fields() (empty: none) and shows it if touched.
    void setProblem(const QString &field, const QString &message);
    QString problem(const QString &field) const { return m_problems.value(field); }
    // Shows every field's problem from now on (the user tried to save).
    void touchAll();
    bool isTouched(const QString &field) const { return m_touchedAll || m_touched.contains(field); }

signals:
    // Something the user changed: the editor validates (debounced).
    void changed();

protected:
    // Where a field's problem shows, or nullptr when only the editor shows it.
    virtual QLabel *errorLabel(const QString &field) const = 0;
    // A warning about the field that does not block saving, shown (touched or not) where its
    // problem would be when there is none.
    virtual QString notice(const QString &field) const
    {
        Q_UNUSED(field);
        return {};
    }
    // Called when a field's problem was shown or hidden, for pages that offer help with it.
    virtual void problemShown(const QString &field, bool shown)
    {
        Q_UNUSED(field)
        Q_UNUSED(shown)
    }
    // Shows the field's problem or notice again (after the notice changed).
    void showProblem(const QString &field);
    // Marks the field touched when `widget` loses focus after an edit, and shows its problem.
    void watchTouch(QWidget *widget, const QString &field);
    void touch(const QString &field);
    // Error labels keep their line while empty, so a problem appearing moves nothing.
    void prepareErrorLabel(QLabel *label);
    void resizeEvent(QResizeEvent *event) override;

private:
    // A page in a QTabWidget gets no height-for-width: the label is given the height its
    // text needs at its width, so a wrapped message neither overlaps nor leaves a gap.
    static void fitErrorLabel(QLabel *label);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QHash<QString, QString> m_problems;
    QHash<QObject *, QString> m_watched;
    QList<QLabel *> m_errorLabels;
    QSet<QString> m_touched;
    bool m_touchedAll = false;
};

} // namespace Cronhelm
