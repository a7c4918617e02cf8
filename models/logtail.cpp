#include "logtail.h"

#include "displayformat.h"
#include "storeclient.h"

namespace Cronhelm {

namespace {
constexpr int kBatch = 2000;
}

LogTail::LogTail(StoreClient *client, qint64 runId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_runId(runId)
{
    connect(client, &StoreClient::logAppended, this, [this](qint64 runId) {
        if (runId == m_runId)
            fetchLog();
    });
    connect(client, &StoreClient::runChanged, this, [this](qint64, qint64 runId) {
        if (runId == m_runId)
            fetchRun();
    });
    connect(client, &StoreClient::connected, this, [this] {
        // Whatever arrived while the connection was down.
        fetchRun();
        fetchLog();
    });
}

void LogTail::start()
{
    fetchRun();
    fetchLog();
}

void LogTail::fetchRun()
{
    if (m_runInFlight) {
        m_runAgain = true;
        return;
    }
    m_runInFlight = true;
    m_client->fetchRun(this, m_runId, [this](Result<RunRecord> run) {
        m_runInFlight = false;
        if (!run) {
            emit failed(run.errorMessage());
            return;
        }
        const bool finishedNow = m_hasRun && !isFinal(m_run.status) && isFinal(run->status);
        m_run = *run;
        m_hasRun = true;
        emit runChanged(m_run);
        if (finishedNow)
            fetchLog(); // the last pieces are written before the run is finished
        if (m_runAgain) {
            m_runAgain = false;
            fetchRun();
        }
    });
}

void LogTail::fetchLog()
{
    if (m_logInFlight) {
        m_logAgain = true;
        return;
    }
    m_logInFlight = true;
    m_client->fetchLog(this, m_runId, m_lastSeq, kBatch, [this](Result<QList<LogChunk>> chunks) {
        m_logInFlight = false;
        if (!chunks) {
            emit failed(chunks.errorMessage());
            return;
        }
        if (!chunks->isEmpty()) {
            m_lastSeq = chunks->constLast().seq;
            for (const LogChunk &chunk : std::as_const(*chunks))
                m_receivedChars += chunk.data.size();
            emit chunksArrived(*chunks);
        }
        if (chunks->size() >= kBatch || m_logAgain) {
            m_logAgain = false;
            fetchLog();
            return;
        }
        m_caughtUp = true;
        emit caughtUp();
    });
}

} // namespace Cronhelm
