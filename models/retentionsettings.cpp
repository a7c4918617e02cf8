#include "retentionsettings.h"

#include "modelstr.h"
#include "storeclientcall.h"

#include <store/retentionstore.h>

namespace Cronhelm {

RetentionSettings::RetentionSettings(StoreClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

Permission RetentionSettings::editPermission() const
{
    return retentionPermission(m_client->role());
}

void RetentionSettings::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void RetentionSettings::load()
{
    struct Read
    {
        RetentionPolicy policy;
        QList<JobRetention> overrides;
    };
    setBusy(true);
    m_client->call(
        this,
        [](StoreConnection &c) -> Result<Read> {
            RetentionStore store(c);
            Result<RetentionPolicy> policy = store.policy();
            if (!policy)
                return policy.error();
            Result<QList<JobRetention>> overrides = store.overrides();
            if (!overrides)
                return overrides.error();
            return Read{*policy, *overrides};
        },
        [this](const Result<Read> &read) {
            setBusy(false);
            if (!read) {
                emit failed(read.errorMessage(), read.error().field);
                return;
            }
            m_policy = read->policy;
            m_overrides = read->overrides;
            emit loaded(m_policy);
        });
}

void RetentionSettings::save(const RetentionPolicy &policy)
{
    // The same rules as the database, so a value it would refuse is named at once.
    if (const FieldProblems problems = policy.problems(); !problems.isEmpty()) {
        emit failed(problems.constFirst().message, problems.constFirst().field);
        return;
    }
    setBusy(true);
    m_client->call(
        this,
        [policy](StoreConnection &c) -> Result<RetentionPolicy> {
            if (Status set = RetentionStore(c).setPolicy(policy); !set)
                return set.error();
            return policy;
        },
        [this](const Result<RetentionPolicy> &set) {
            setBusy(false);
            if (!set) {
                emit failed(set.errorMessage(), set.error().field);
                return;
            }
            m_policy = *set;
            emit saved(m_policy);
        });
}

} // namespace Cronhelm
