#include "retentiondialog.h"

#include "messagebar.h"
#include "ui_retentiondialog.h"

#include <domain/joblimits.h>
#include <retentionsettings.h>

#include <QAction>
#include <QPushButton>
#include <QTreeWidget>

namespace Cronhelm {

RetentionDialog::RetentionDialog(StoreClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RetentionDialog>())
    , m_settings(new RetentionSettings(client, this))
    , m_message(new MessageBar(this))
{
    m_ui->setupUi(this);
    m_ui->layout->insertWidget(0, m_message);
    m_ui->explanation->setText(
        tr("Runs and their output are deleted once they are older than the days below, "
           "except the last runs of each job. A job can set its own values. The executor "
           "deletes them in small batches, without delaying any job."));
    m_ui->keepDays->setRange(JobLimits::minKeepDays, JobLimits::maxKeepDays);
    //: Spin box suffix: "365 days"
    m_ui->keepDays->setSuffix(tr(" days"));
    m_ui->keepRuns->setRange(0, JobLimits::maxKeepRuns);
    //: Spin box suffix: "100 runs of each job"
    m_ui->keepRuns->setSuffix(tr(" runs of each job"));
    m_ui->overridesList->setHeaderLabels(
        {tr("Job"), tr("Deletes runs after"), tr("Keeps at least")});
    m_ui->overridesList->setSelectionMode(QAbstractItemView::NoSelection);
    m_ui->overridesLabel->hide();
    m_ui->overridesList->hide();
    m_ui->buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &RetentionDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &RetentionDialog::reject);

    connect(m_settings, &RetentionSettings::loaded, this, &RetentionDialog::onLoaded);
    connect(m_settings, &RetentionSettings::saved, this, [this] { QDialog::accept(); });
    connect(m_settings, &RetentionSettings::failed, this, &RetentionDialog::onFailed);
    connect(m_settings, &RetentionSettings::busyChanged, this, &RetentionDialog::updateEnabled);

    const Permission may = m_settings->editPermission();
    if (!may.allowed) {
        // Read-only: Save goes away, Cancel becomes Close; the values say why they are fixed.
        m_ui->buttons->setStandardButtons(QDialogButtonBox::Close);
        m_ui->note->setText(may.reason);
        for (QWidget *w :
             {static_cast<QWidget *>(m_ui->keepDays), static_cast<QWidget *>(m_ui->keepRuns)}) {
            w->setToolTip(may.reason);
        }
    }
    updateEnabled();
    m_settings->load();
}

RetentionDialog::~RetentionDialog() = default;

void RetentionDialog::updateEnabled()
{
    const bool editable = m_loaded && !m_settings->isBusy() && m_settings->editPermission().allowed;
    m_ui->keepDays->setEnabled(editable);
    m_ui->keepRuns->setEnabled(editable);
    if (QPushButton *save = m_ui->buttons->button(QDialogButtonBox::Save))
        save->setEnabled(editable);
}

void RetentionDialog::onLoaded(const RetentionPolicy &policy)
{
    m_loaded = true;
    m_message->clearMessage();
    m_ui->keepDays->setValue(policy.keepDays);
    m_ui->keepRuns->setValue(policy.keepRuns);
    showOverrides();
    updateEnabled();
    if (m_ui->keepDays->isEnabled()) {
        m_ui->keepDays->setFocus();
        m_ui->keepDays->selectAll();
    }
}

void RetentionDialog::showOverrides()
{
    // Set in the job editor (Behaviour) or with cronhelmctl job edit --keep-days/--keep-runs.
    const QList<JobRetention> overrides = m_settings->overrides();
    m_ui->overridesList->clear();
    for (const JobRetention &job : overrides) {
        const QString days =
            job.keepDays ? tr("%n day(s)", nullptr, *job.keepDays) : tr("as the policy says");
        const QString runs = job.keepRuns ? tr("the last %n run(s)", nullptr, *job.keepRuns)
                                          : tr("as the policy says");
        auto *item = new QTreeWidgetItem(m_ui->overridesList, {job.job, days, runs});
        item->setData(0, Qt::UserRole, job.jobId);
    }
    m_ui->overridesList->resizeColumnToContents(0);
    m_ui->overridesLabel->setVisible(!overrides.isEmpty());
    m_ui->overridesList->setVisible(!overrides.isEmpty());
}

void RetentionDialog::onFailed(const QString &message, const QString &field)
{
    if (!m_loaded) {
        auto *retry = new QAction(tr("Retry"), m_message);
        connect(retry, &QAction::triggered, m_settings, &RetentionSettings::load);
        m_message->showMessage(MessageBar::Type::Error,
                               tr("The retention policy could not be read: %1").arg(message),
                               {retry});
        return;
    }
    m_message->showMessage(MessageBar::Type::Error,
                           tr("The retention policy was not saved: %1").arg(message));
    if (field == QLatin1String("keep_days"))
        m_ui->keepDays->setFocus();
    else if (field == QLatin1String("keep_runs"))
        m_ui->keepRuns->setFocus();
}

void RetentionDialog::accept()
{
    if (!m_loaded || m_settings->isBusy() || !m_settings->editPermission().allowed)
        return;
    m_message->clearMessage();
    m_settings->save({m_ui->keepDays->value(), m_ui->keepRuns->value()});
}

} // namespace Cronhelm
