#include "jobchangesmodel.h"

#include "displayformat.h"
#include "storeclient.h"

#include <domain/secretmask.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Cronhelm {

namespace {

// The row's bookkeeping, which every change touches.
bool isBookkeeping(const QString &path)
{
    static const QStringList keys{QStringLiteral("id"),         QStringLiteral("version"),
                                  QStringLiteral("created_at"), QStringLiteral("created_by"),
                                  QStringLiteral("updated_at"), QStringLiteral("updated_by"),
                                  QStringLiteral("deleted_at"), QStringLiteral("schedule_since")};
    return keys.contains(path);
}

// Nested objects become "target.url", "target.headers.Authorization"; arrays and scalars
// are leaves (compact JSON for arrays).
void flatten(const QJsonValue &value, const QString &path, QMap<QString, QString> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                    out);
        return;
    }
    QString text;
    if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isString())
        text = value.toString();
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        text = QString::number(value.toDouble());
    out.insert(path, text);
}

QString fieldLabel(const QString &path)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Name")},
        {QStringLiteral("description"),
         QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Description")},
        {QStringLiteral("owner"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Owner")},
        {QStringLiteral("cron_expr"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Schedule")},
        {QStringLiteral("time_zone"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Time zone")},
        {QStringLiteral("enabled"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Active")},
        {QStringLiteral("target.url"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "URL")},
        {QStringLiteral("target.method"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Method")},
        {QStringLiteral("target.command"),
         QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Command")},
        {QStringLiteral("timeout_s"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Timeout")},
        {QStringLiteral("retries"), QT_TRANSLATE_NOOP("Cronhelm::JobChangesModel", "Retries")},
    };
    if (path.startsWith(QLatin1String("target.headers.")))
        //: a changed HTTP header of a job, %1 its name ("Authorization")
        return QCoreApplication::translate("Cronhelm::JobChangesModel", "Header %1")
            .arg(path.section(QLatin1Char('.'), 2));
    const auto it = labels.find(path);
    return it == labels.end() ? path
                              : QCoreApplication::translate("Cronhelm::JobChangesModel", *it);
}

// A value that is a web address ("https://…"), which may hold a password or a key.
bool isAddress(const QString &value)
{
    static const QRegularExpression scheme(QStringLiteral("\\A[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(value).hasMatch();
}

} // namespace

JobChangesModel::JobChangesModel(StoreClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    connect(client, &StoreClient::jobChanged, this, [this](qint64 id) {
        if (id == m_jobId)
            reload();
    });
}

bool JobChangesModel::isSecretField(const QString &path)
{
    static const QRegularExpression secret(
        QStringLiteral("authorization|cookie|token|secret|password|passwd|api[-_]?key|private"),
        QRegularExpression::CaseInsensitiveOption);
    // A notification webhook's address is its credential (Slack, Teams).
    if (path.startsWith(QLatin1String("notify")) && path.endsWith(QLatin1String("url")))
        return true;
    return secret.match(path.section(QLatin1Char('.'), -1)).hasMatch();
}

QList<JobChangesModel::FieldChange> JobChangesModel::fieldChanges(const QJsonObject &before,
                                                                  const QJsonObject &after)
{
    QMap<QString, QString> old, now;
    flatten(before, QString(), old);
    flatten(after, QString(), now);
    QStringList paths = old.keys() + now.keys();
    paths.removeDuplicates();
    std::sort(paths.begin(), paths.end());
    QList<FieldChange> out;
    for (const QString &path : std::as_const(paths)) {
        if (isBookkeeping(path) || old.value(path) == now.value(path))
            continue;
        // The job spec duplicates the columns (spec.*): report each field once.
        if (path.startsWith(QLatin1String("spec.")))
            continue;
        FieldChange change{fieldLabel(path), old.value(path), now.value(path)};
        auto mask = [&path](const QString &value) {
            if (value.isEmpty())
                return value;
            // The audit is masked by the store already; this covers rows it did not mask,
            // with the store's own rules (core/domain/secretmask.h).
            if (isSecretField(path))
                return maskedSecretValue(value);
            return isAddress(value) ? maskedAddress(value) : value;
        };
        change.before = mask(change.before);
        change.after = mask(change.after);
        out.append(change);
    }
    return out;
}

void JobChangesModel::showJob(qint64 jobId)
{
    if (jobId == m_jobId)
        return;
    m_jobId = jobId;
    beginResetModel();
    m_changes.clear();
    endResetModel();
    reload();
}

void JobChangesModel::reload()
{
    const quint64 generation = ++m_generation;
    if (m_jobId <= 0 || !m_client->isConnected())
        return;
    m_client->fetchJobChanges(this, m_jobId, [this, generation](Result<QList<JobChange>> read) {
        if (generation != m_generation)
            return; // another job was selected meanwhile
        if (!read) {
            emit loadFailed(read.errorMessage());
            return;
        }
        beginResetModel();
        m_changes = *read;
        endResetModel();
        emit loaded();
    });
}

int JobChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int JobChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case What:
        return tr("What");
    case Details:
        return tr("Changes");
    }
    return {};
}

QString JobChangesModel::actionText(const QString &action)
{
    const std::optional<AuditAction> known = fromWireName<AuditAction>(action);
    if (!known)
        return action; // written by a newer version
    switch (*known) {
    case AuditAction::CreateJob:
        return tr("Created");
    case AuditAction::UpdateJob:
        return tr("Changed");
    case AuditAction::DeleteJob:
        return tr("Deleted");
    case AuditAction::RestoreJob:
        return tr("Restored");
    case AuditAction::PauseJob:
        return tr("Paused");
    case AuditAction::ResumeJob:
        return tr("Resumed");
    case AuditAction::CancelOnce:
        return tr("One-off cancelled");
    // Not a change of the job (jobChanges() reads rows without a run, and the policy is the
    // store's): named as the API calls them, should one ever be listed.
    case AuditAction::RunNow:
    case AuditAction::CancelRun:
    case AuditAction::SetRetentionPolicy:
        break;
    }
    return action;
}

QString JobChangesModel::details(const JobChange &change) const
{
    if (fromWireName<AuditAction>(change.action) != AuditAction::UpdateJob)
        return {};
    QStringList parts;
    for (const FieldChange &field : fieldChanges(change.before, change.after)) {
        //: a changed field of a job: %1 field, %2 old value, %3 new value
        parts.append(tr("%1: %2 → %3")
                         .arg(field.field, field.before.isEmpty() ? tr("(none)") : field.before,
                              field.after.isEmpty() ? tr("(none)") : field.after));
    }
    return parts.join(QStringLiteral("; "));
}

QVariant JobChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobChange &change = m_changes.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When:
            return Display::shortDateTime(change.at, Display::viewerZone());
        case Who:
            return change.actor;
        case What:
            return actionText(change.action);
        case Details:
            return details(change);
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == When)
            return Display::dateTime(change.at, Display::viewerZone(), true);
        if (index.column() == Details) {
            const QString text = details(change);
            return text.isEmpty()
                ? QVariant()
                : QVariant(text.split(QStringLiteral("; ")).join(QLatin1Char('\n')));
        }
    }
    return {};
}

} // namespace Cronhelm
