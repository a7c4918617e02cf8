#pragma once

#include "jobeditorpage.h"

#include <memory>

namespace Ui {
class JobGeneralPage;
}

namespace Cronhelm {

// The job's name, description, owner and whether it is active. Checks the name against the
// other jobs' names as the user types: the same name in other letter case is refused (the
// store would refuse it on Save), one that differs only in spaces gets a warning.
class JobGeneralPage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobGeneralPage(QWidget *parent = nullptr);
    ~JobGeneralPage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;

    // The names of the other jobs (the jobs model holds them), by job id; `self` is the
    // job being edited (0 for a new one), whose own name is no clash.
    void setOtherJobs(const QList<QPair<qint64, QString>> &jobs, qint64 self);
    // A name of another job that clashes with the typed one: refused (same but for letter
    // case) or similar (same but for spaces). Empty when none.
    QString clashingName() const;
    bool nameIsRefused() const;
    // The problem of the name that is not a rule's: a clash with another job's name.
    QString nameClashProblem() const;

    Ui::JobGeneralPage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &field) const override;
    QString notice(const QString &field) const override;

private:
    void updateNameNotice();

    std::unique_ptr<Ui::JobGeneralPage> m_ui;
    QList<QPair<qint64, QString>> m_otherJobs;
    qint64 m_self = 0;
};

} // namespace Cronhelm
