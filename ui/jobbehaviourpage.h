#pragma once

#include "jobeditorpage.h"

#include <permissions.h>

#include <QLineEdit>

#include <memory>
#include <optional>

namespace Ui {
class JobBehaviourPage;
}

namespace Cronhelm {

// How the job behaves when things go wrong or pile up: timeout, retries and their delay,
// overlapping runs, missed runs, how much log output is kept, and how long its run history
// is kept when not as the store-wide policy says (admins only).
class JobBehaviourPage : public JobEditorPage
{
    Q_OBJECT

public:
    explicit JobBehaviourPage(QWidget *parent = nullptr);
    ~JobBehaviourPage() override;

    void load(const JobSpec &spec) override;
    void apply(JobSpec &spec) const override;
    void setReadOnly() override;
    // Whether the session may give the job its own retention; when not, the retention
    // controls show the job's values read-only, with the reason as their tooltip.
    void setRetentionPermission(const Permission &may);
    QStringList fields() const override;
    QWidget *editorFor(const QString &field) const override;

    Ui::JobBehaviourPage *form() const { return m_ui.get(); }

protected:
    QLabel *errorLabel(const QString &) const override { return nullptr; }

private:
    std::optional<MisfirePolicy> misfire() const;
    void updateRetentionEnabled();

    std::unique_ptr<Ui::JobBehaviourPage> m_ui;
    QLineEdit *m_runOnEdit; // node labels (run_on), comma-separated; empty: any node
    Permission m_retention{true, {}};
    bool m_readOnly = false;
};

} // namespace Cronhelm
