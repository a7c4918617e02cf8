#pragma once

#include "jobeditorpage.h"

#include <permissions.h>

#include <memory>

namespace Ui {
class JobTargetPage;
}

namespace Cronhelm {

// What the job runs: an HTTP request (method, URL, headers, body, what counts as success)
// or a shell command (command, working directory, environment).
class JobTargetPage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobTargetPage(QWidget *parent = nullptr);
    ~JobTargetPage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    // Only the fields of the kind of target chosen.
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;
    // A field of the kind of target not chosen: its problems are not this job's.
    bool isOtherKindField(const QString &field) const;
    bool isShell() const;
    // The database refuses shell commands from anyone but cronhelm_shell_admin: without
    // that, the shell choice is offered disabled, its tooltip saying why.
    void setShellPermission(const Permission &shell);
    // An empty address or command is asked for, not called "not a web address".
    QString explain(const QString &field, const QString &message) const override;

    Ui::JobTargetPage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &field) const override;
    // A credential written out in a header, a secret reference the nodes refuse: allowed,
    // but pointed out under the field.
    QString notice(const QString &field) const override;

private:
    std::unique_ptr<Ui::JobTargetPage> m_ui;
};

} // namespace Cronhelm
