#include "retentiondialog.h"

#include "messagebar.h"
#include "ui_retentiondialog.h"

#include <domain/joblimits.h>
#include <retentionsettings.h>

#include <QAction>
#include <QPushButton>

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
    m_ui->keepDays->setRange(1, JobLimits::maxKeepDays);
    //: Spin box suffix: "365 days"
    m_ui->keepDays->setSuffix(tr(" days"));
    m_ui->keepRuns->setRange(0, JobLimits::maxKeepRuns);
    //: Spin box suffix: "100 runs of each job"
    m_ui->keepRuns->setSuffix(tr(" runs of each job"));
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
    updateEnabled();
    if (m_ui->keepDays->isEnabled()) {
        m_ui->keepDays->setFocus();
        m_ui->keepDays->selectAll();
    }
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
