#include "finishbatcher.h"

namespace Cronhelm {

FinishBatcher::Step FinishBatcher::add(const FinishedRun &run, qint64 jobId)
{
    m_queue.append({run, jobId});
    if (m_writing || m_windowOpen || m_retryWaiting)
        return {}; // it goes with the batch that is coming anyway
    m_windowOpen = true;
    return {Step::Kind::WriteAfter, window};
}

QList<FinishBatcher::Entry> FinishBatcher::takeBatch()
{
    if (m_writing || m_retryWaiting || m_queue.isEmpty())
        return {};
    m_windowOpen = false;
    m_flightSingly = m_singly > 0;
    if (m_flightSingly) {
        --m_singly;
        m_flight = {m_queue.takeFirst()};
    } else {
        m_flight.clear();
        m_flight.swap(m_queue);
    }
    m_writing = true;
    return m_flight;
}

FinishBatcher::Settled FinishBatcher::onAnswer(Answer answer)
{
    Settled out;
    if (!m_writing)
        return out;
    m_writing = false;
    QList<Entry> flight = std::exchange(m_flight, {});
    out.batch = flight.size();
    if (answer == Answer::ConnectionLost) {
        // Written when the connection is back, in order; finish_run is a no-op for a run
        // whose end was recorded after all (the answer, not the write, was lost).
        m_queue = flight + m_queue;
        if (m_flightSingly)
            ++m_singly;
        m_retryWaiting = true;
        m_windowOpen = false;
        out.next = {Step::Kind::RetryAfter, m_backoff.next()};
        return out;
    }
    m_backoff.reset();
    if (answer == Answer::Refused && flight.size() > 1) {
        m_queue = flight + m_queue;
        m_singly = int(flight.size());
        out.next = {Step::Kind::WriteNow, {}};
        return out;
    }
    out.ends = std::move(flight);
    out.next = nextWrite();
    return out;
}

FinishBatcher::Step FinishBatcher::retryNow()
{
    m_retryWaiting = false;
    if (m_writing || m_queue.isEmpty())
        return {};
    m_windowOpen = false;
    return {Step::Kind::WriteNow, {}};
}

// After an answer: the rest of a refused batch at once, anything else after the window.
FinishBatcher::Step FinishBatcher::nextWrite()
{
    if (m_queue.isEmpty())
        return {};
    if (m_singly > 0)
        return {Step::Kind::WriteNow, {}};
    if (m_windowOpen)
        return {};
    m_windowOpen = true;
    return {Step::Kind::WriteAfter, window};
}

} // namespace Cronhelm
