#pragma once

#include "jobeditorpage.h"

#include <memory>

namespace Ui {
class JobNotifyPage;
}

namespace Cronhelm {

// Where to tell people about the job's runs (Slack or a webhook, on failure, success or
// recovery) and how long to stay quiet after a notification.
class JobNotifyPage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobNotifyPage(QWidget *parent = nullptr);
    ~JobNotifyPage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;

    Ui::JobNotifyPage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &field) const override;

private:
    void addTarget();

    std::unique_ptr<Ui::JobNotifyPage> m_ui;
};

} // namespace Cronhelm
