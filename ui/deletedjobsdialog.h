#pragma once

#include <domain/auditrecords.h>

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Cronhelm {

class StoreClient;

// Job → Deleted Jobs… (administrators): the deleted jobs, and Restore, which brings one back
// from its last definition, paused, with its history (cronhelm.restore_job).
class DeletedJobsDialog : public QDialog
{
    Q_OBJECT

public:
    DeletedJobsDialog(StoreClient *client, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *restoreButton() const { return m_restore; }
    QString statusText() const;

signals:
    void loaded();
    void restored(qint64 jobId, const QString &name);

private:
    void reload();
    void restoreSelected();
    void updateButton();

    StoreClient *m_client;
    QTableWidget *m_table;
    QPushButton *m_restore;
    QLabel *m_status;
    QList<DeletedJob> m_jobs;
};

} // namespace Cronhelm
