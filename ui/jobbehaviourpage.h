#pragma once

#include "jobeditorpage.h"

#include <QLineEdit>

#include <memory>
#include <optional>

namespace Ui {
class JobBehaviourPage;
}

namespace Cronhelm {

// How the job behaves when things go wrong or pile up: timeout, retries and their delay,
// overlapping runs, missed runs, and how much log output is kept.
class JobBehaviourPage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobBehaviourPage(QWidget *parent = nullptr);
    ~JobBehaviourPage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;

    Ui::JobBehaviourPage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &) const override { return nullptr; }

private:
    std::optional<MisfirePolicy> misfire() const;

    std::unique_ptr<Ui::JobBehaviourPage> m_ui;
    QLineEdit *m_runOnEdit; // node labels (run_on), comma-separated; empty: any node
};

} // namespace Cronhelm
