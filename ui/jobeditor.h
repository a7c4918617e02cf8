#pragma once

#include <domain/records.h>
#include <result.h>

#include <QDialog>
#include <QMap>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QTabWidget;
class QTimer;

namespace Cronhelm {

class JobBehaviourPage;
class JobEditorPage;
class JobGeneralPage;
class JobNotifyPage;
class JobSchedulePage;
class JobTargetPage;
class MessageBar;
class StoreClient;

// Creates, edits, duplicates or shows a job. The dialog holds one page per part of the job
// (general, what to run, when, behaviour, notifications); each page shows its fields and
// writes them back. The dialog validates the whole spec as the user types with the
// domain's rules (the same the database and the node apply), marks the tabs that have a
// problem and names the first one next to Save, and saves through the store: a stale
// version shows who changed the job and offers to reload; a lost connection keeps
// everything typed.
class JobEditor : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit, Duplicate, View };

    JobEditor(StoreClient *client, Mode mode, const JobRecord &job, QWidget *parent = nullptr);
    ~JobEditor() override;

    Mode mode() const { return m_mode; }
    // The job the form describes.
    JobSpec spec() const;
    // The problems that block saving, by field ("name", "cron", "once", ...).
    QMap<QString, QString> problems() const { return m_problems; }
    // What the line next to Save says: the first problem in the order of the tabs, or why
    // saving is not possible now. Empty when Save is enabled.
    QString saveBlockedReason() const;
    MessageBar *messageBar() const { return m_messages; }
    // The rows of the preview: job zone text, viewer zone text.
    QList<QPair<QString, QString>> preview() const;
    // The other jobs' names (from the jobs model), checked against the name as it is typed.
    void setOtherJobs(const QList<QPair<qint64, QString>> &jobs);
    // Saves (as the Save button does).
    void save();
    // An edit is waiting for the debounced check (problems, preview, Save) to run.
    bool isCheckPending() const;

signals:
    void saved(qint64 jobId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void setUpForm();
    void load(const JobRecord &job);
    void validate();
    void markTabs();
    void updateSaveButton();
    void goToProblem(const QString &field);
    void handleSaveError(const Error &error);
    void reloadFromStore();
    void setReadOnly();
    bool isDirty() const;
    QList<JobEditorPage *> pages() const;
    JobEditorPage *pageFor(const QString &field) const;
    // The field of a rule's problem as the pages name it ("target.headers.X" is shown at
    // "target.headers", a method's problem at the URL).
    static QString formField(const QString &field);

    StoreClient *m_client;
    Mode m_mode;
    JobRecord m_original;
    MessageBar *m_messages;
    QTabWidget *m_tabs;
    JobGeneralPage *m_general;
    JobTargetPage *m_target;
    JobSchedulePage *m_schedule;
    JobBehaviourPage *m_behaviour;
    JobNotifyPage *m_notify;
    QLabel *m_saveReason;
    QDialogButtonBox *m_buttons;
    QTimer *m_validateTimer;
    QMap<QString, QString> m_problems;
    // The blocking problems in the order of the tabs and their fields: (field, message).
    QList<QPair<QString, QString>> m_orderedProblems;
    std::optional<JobSpec> m_loadedSpec; // as loaded (or saved): to tell unsaved changes
    bool m_saving = false;
};

} // namespace Cronhelm
