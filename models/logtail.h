#pragma once

#include <domain/records.h>

#include <QObject>

namespace Cronhelm {

class StoreClient;

// Follows one run's log: loads what is there, then every piece the node appends (woken by
// the store's cronhelm_log NOTIFY, so a printed line shows within a fraction of a second),
// and the run's own record as it changes (running, finished, truncated).
class LogTail : public QObject
{
    Q_OBJECT

public:
    LogTail(StoreClient *client, qint64 runId, QObject *parent = nullptr);

    void start();
    qint64 runId() const { return m_runId; }
    bool hasRun() const { return m_hasRun; }
    RunRecord run() const { return m_run; }
    int lastSeq() const { return m_lastSeq; }
    qint64 receivedChars() const { return m_receivedChars; }
    bool isCaughtUp() const { return m_caughtUp; }

signals:
    void runChanged(const Cronhelm::RunRecord &run);
    void chunksArrived(const QList<Cronhelm::LogChunk> &chunks);
    // Everything stored so far has been delivered.
    void caughtUp();
    void failed(const QString &message);

private:
    void fetchRun();
    void fetchLog();

    StoreClient *m_client;
    qint64 m_runId;
    RunRecord m_run;
    bool m_hasRun = false;
    int m_lastSeq = -1;
    qint64 m_receivedChars = 0;
    bool m_caughtUp = false;
    bool m_logInFlight = false;
    bool m_logAgain = false;
    bool m_runInFlight = false;
    bool m_runAgain = false;
};

} // namespace Cronhelm
