#include "deletedjobsdialog.h"

#include <displayformat.h>
#include <storeclient.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cronhelm {

DeletedJobsDialog::DeletedJobsDialog(StoreClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_table(new QTableWidget(0, 3, this))
    , m_restore(new QPushButton(Display::icon(QStringLiteral("refresh")), tr("&Restore"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("deletedJobsDialog"));
    setWindowTitle(tr("Deleted Jobs"));
    m_table->setObjectName(QStringLiteral("deletedJobsTable"));
    m_table->setHorizontalHeaderLabels({tr("Job"), tr("Deleted"), tr("By")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_restore->setObjectName(QStringLiteral("restoreJob"));
    m_status->setWordWrap(true);
    auto *explanation = new QLabel(
        tr("Restore brings a job back as it was last defined, paused, with its run history. "
           "Resume it when you are ready."),
        this);
    explanation->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &DeletedJobsDialog::restoreSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DeletedJobsDialog::updateButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_table);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(620, 400);
    updateButton();
    reload();
}

QString DeletedJobsDialog::statusText() const
{
    return m_status->text();
}

void DeletedJobsDialog::reload()
{
    m_client->fetchDeletedJobs(this, [this](Result<QList<DeletedJob>> read) {
        if (!read) {
            m_status->setText(
                tr("The deleted jobs could not be read: %1").arg(read.errorMessage()));
            return;
        }
        m_jobs = *read;
        m_table->setRowCount(0);
        for (const DeletedJob &job : std::as_const(m_jobs)) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(job.name));
            m_table->setItem(
                row, 1,
                new QTableWidgetItem(Display::dateTime(job.deletedAt, Display::viewerZone())));
            m_table->setItem(row, 2, new QTableWidgetItem(job.deletedBy));
        }
        m_table->resizeColumnsToContents();
        if (m_jobs.isEmpty())
            m_status->setText(tr("No job has been deleted."));
        updateButton();
        emit loaded();
    });
}

void DeletedJobsDialog::updateButton()
{
    const int row = m_table->currentRow();
    const bool selected = row >= 0 && row < m_jobs.size() && !m_table->selectedItems().isEmpty();
    const bool taken = selected && m_jobs.at(row).nameTaken;
    m_restore->setEnabled(selected && !taken);
    m_restore->setToolTip(
        taken ? tr("A job named “%1” exists now: rename it first.").arg(m_jobs.at(row).name)
              : QString());
}

void DeletedJobsDialog::restoreSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_jobs.size())
        return;
    const DeletedJob job = m_jobs.at(row);
    m_restore->setEnabled(false);
    m_client->restoreJob(this, job.id, [this, job](Result<int> done) {
        if (!done) {
            m_status->setText(
                tr("“%1” could not be restored: %2").arg(job.name, done.errorMessage()));
            updateButton();
            return;
        }
        m_status->setText(tr("“%1” is back, paused. Resume it when you are ready.").arg(job.name));
        emit restored(job.id, job.name);
        reload();
    });
}

} // namespace Cronhelm
