#include "retentionsettings.h"

#include "modelstr.h"
#include "storeclient.h"

#include <store/retentionstore.h>

namespace Cronhelm {

RetentionSettings::RetentionSettings(StoreClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

Permission RetentionSettings::editPermission() const
{
    if (m_client->role() == StoreRole::Admin)
        return {true, {}};
    return {false,
            ModelsTr::tr("You are signed in as %1. Changing how long the run history is "
                         "kept needs the cronhelm_admin role.")
                .arg(roleDisplayName(m_client->role()))};
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
    setBusy(true);
    m_client->call(
        this, [](StoreConnection &c) { return RetentionStore(c).policy(); },
        [this](const Result<RetentionPolicy> &policy) {
            setBusy(false);
            if (!policy) {
                emit failed(policy.errorMessage(), policy.error().field);
                return;
            }
            m_policy = *policy;
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
