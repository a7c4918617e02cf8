#pragma once

#include "permissions.h"

#include <domain/retentionpolicy.h>

#include <QObject>

namespace Cronhelm {

class StoreClient;

// The store-wide retention policy for the History Retention dialog: reads it with the jobs
// that keep their history their own way, says whether this session may change it, and saves
// it. Talks to the store through StoreClient (the store
// thread); answers arrive as signals on the GUI thread.
class RetentionSettings : public QObject
{
    Q_OBJECT

public:
    explicit RetentionSettings(StoreClient *client, QObject *parent = nullptr);

    // Admins only; otherwise the reason, for a tooltip. The database decides in the end.
    Permission editPermission() const;
    bool isBusy() const { return m_busy; }
    RetentionPolicy policy() const { return m_policy; }
    // The jobs with a retention of their own, as of the last load (by name).
    QList<JobRetention> overrides() const { return m_overrides; }

    void load();
    void save(const RetentionPolicy &policy);

signals:
    // The policy and overrides() were read.
    void loaded(const Cronhelm::RetentionPolicy &policy);
    void saved(const Cronhelm::RetentionPolicy &policy);
    // A load or save failed. field: "keep_days" or "keep_runs" when the store says which
    // value it refused; empty otherwise.
    void failed(const QString &message, const QString &field);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    StoreClient *m_client;
    RetentionPolicy m_policy;
    QList<JobRetention> m_overrides;
    bool m_busy = false;
};

} // namespace Cronhelm
