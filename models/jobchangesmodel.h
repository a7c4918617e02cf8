#pragma once

#include <domain/auditrecords.h>

#include <QAbstractTableModel>

namespace Cronhelm {

class StoreClient;

// A job's changes from the audit trail, newest first: when, who, what, and for an edit each
// field that changed as "old → new". Secrets are never shown: values of credential-like
// fields (an Authorization header, a webhook address) appear as "********", unless they are
// only ${env:NAME} references, which name a secret without holding it; an address shows
// without its password, query values and fragment. The store's own masking rules
// (core/domain/secretmask.h). Reloads when the job changes.
class JobChangesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Who, What, Details, ColumnCount };

    struct FieldChange
    {
        QString field; // for people: "Schedule", "URL", "Header Authorization"
        QString before;
        QString after;
    };

    explicit JobChangesModel(StoreClient *client, QObject *parent = nullptr);

    void showJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    void reload();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // What changed between two versions of a job row (as the audit trail stores them),
    // with secrets masked. Bookkeeping (version, timestamps) is left out.
    static QList<FieldChange> fieldChanges(const QJsonObject &before, const QJsonObject &after);
    static bool isSecretField(const QString &path);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    static QString actionText(const QString &action);
    QString details(const JobChange &change) const;

    StoreClient *m_client;
    qint64 m_jobId = 0;
    quint64 m_generation = 0;
    QList<JobChange> m_changes;
};

} // namespace Cronhelm
