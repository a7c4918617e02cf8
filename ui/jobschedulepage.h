#pragma once

#include "jobeditorpage.h"

#include <QDateTime>

class QPushButton;

#include <memory>
#include <optional>

namespace Ui {
class JobSchedulePage;
}

namespace Cronhelm {

class FormRows;

struct SchedulePattern;

// When the job runs: the schedule builder (every few minutes, daily, weekly, monthly ...)
// kept in step with a raw cron expression, or a one-off date and time; the time zone; a
// description in words and the next fire times in the job's zone and the user's.
class JobSchedulePage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobSchedulePage(QWidget *parent = nullptr);
    ~JobSchedulePage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;

    // A one-off instant that may stay in the past (the saved one of the job being edited).
    void setKeptOnceInstant(const QDateTime &instant) { m_keptOnce = instant; }
    // The problems only the form knows (a weekly pattern without a day, a time half typed,
    // a local time that does not exist or exists twice), by field.
    QHash<QString, QString> formProblems();
    // Says a rule's problem with the schedule in words for people who do not know cron.
    QString explain(const QString &field, const QString &message) const override;
    // Updates the description and the preview (none while the schedule has a problem).
    void updatePreview(bool scheduleHasProblem);
    // The rows of the preview: job zone text, viewer zone text.
    QList<QPair<QString, QString>> preview() const;

    Ui::JobSchedulePage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &field) const override;
    void problemShown(const QString &field, bool shown) override;

private:
    void setPattern(const SchedulePattern &pattern);
    SchedulePattern patternFromForm() const;
    void builderChanged();
    void cronEdited();
    void updatePatternRows();
    void useBuilder();
    void updateCronHelp();
    // The one-off problem or information line; sets m_onceAmbiguous.
    QString updateOnce();
    std::optional<QDateTime> onceInstant() const;
    bool looksLikeWords() const;

    std::unique_ptr<Ui::JobSchedulePage> m_ui;
    QPushButton *m_useBuilder;
    // Rows that come and go (pattern fields, the builder offer, cron help, the DST choice).
    std::unique_ptr<FormRows> m_recurringRows;
    std::unique_ptr<FormRows> m_onceRows;
    QDateTime m_keptOnce;
    bool m_syncing = false;
    bool m_onceAmbiguous = false;
};

} // namespace Cronhelm
