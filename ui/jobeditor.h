#pragma once

#include <domain/records.h>
#include <result.h>

#include <QDialog>
#include <QJsonObject>
#include <QLineEdit>

#include <memory>
#include <optional>

class QLabel;
class QTimer;

namespace Ui {
class JobEditor;
}

namespace Cronhelm {

class MessageBar;
class StoreClient;
struct SchedulePattern;

// Creates, edits, duplicates or shows a job. The form (jobeditor.ui) covers the whole job
// spec: target, schedule (builder, raw cron expression or one-off date-time), zone, the
// behaviour on timeouts, retries, overlaps and missed runs, and notifications. It validates
// as the user types, previews the next fire times in the job's zone and the user's, and
// saves through the store: a stale version shows who changed the job and offers to reload;
// a lost connection keeps everything typed.
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
    Ui::JobEditor *form() const { return m_ui.get(); }
    MessageBar *messageBar() const { return m_messages; }
    // The rows of the preview: job zone text, viewer zone text.
    QList<QPair<QString, QString>> preview() const;
    // Saves (as the Save button does).
    void save();

signals:
    void saved(qint64 jobId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void setUpForm();
    void load(const JobRecord &job);
    void setPattern(const SchedulePattern &pattern);
    SchedulePattern patternFromForm() const;
    void builderChanged();
    void cronEdited();
    void updatePatternRows();
    void validate();
    void updatePreview();
    void updateOnce();
    void updateSaveButton();
    void handleSaveError(const Error &error);
    void reloadFromStore();
    void setReadOnly();
    bool isDirty() const;
    void setProblem(const QString &field, QLabel *label, const QString &message);
    // Where the form shows a problem with a spec field, and on which tab.
    QLabel *labelFor(const QString &field) const;
    QWidget *tabFor(const QString &field) const;
    static const QStringList &formFields();
    std::optional<QDateTime> onceInstant() const;

    StoreClient *m_client;
    Mode m_mode;
    JobRecord m_original;
    std::unique_ptr<Ui::JobEditor> m_ui;
    MessageBar *m_messages;
    QLineEdit *m_runOnEdit; // node labels (run_on), comma-separated; empty: any node
    QTimer *m_validateTimer;
    QMap<QString, QString> m_problems;
    std::optional<JobSpec> m_loadedSpec; // as loaded (or saved): to tell unsaved changes
    bool m_syncing = false;
    bool m_saving = false;
    bool m_onceAmbiguous = false;
};

} // namespace Cronhelm
