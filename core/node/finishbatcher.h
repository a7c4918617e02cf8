#pragma once

#include "backoff.h"

#include <store/nodestore.h> // FinishedRun

#include <QList>

#include <chrono>
#include <utility>

namespace Cronhelm {

// The Recorder's queue of run ends and every decision about it, without timers or a
// database (the Recorder owns those and does what the steps say):
// - run ends that come about together (a burst at one instant) are written in one
//   finish_runs call, `window` after the first of them, one call at a time, in order;
// - a batch the database refuses is written again one by one, at once, so that one bad end
//   never costs the others theirs;
// - a batch lost with the connection is kept, before anything queued since, and written
//   again after a backoff (250 ms doubling to 5 s, back to 250 ms after an answer) or as
//   soon as the connection is back (retryNow).
class FinishBatcher
{
public:
    using Entry = std::pair<FinishedRun, qint64>; // a run's end, its job
    static constexpr std::chrono::milliseconds window{100};

    // What the owner does next.
    struct Step
    {
        enum class Kind {
            Nothing,
            WriteAfter, // take a batch once `delay` has passed
            WriteNow,   // take a batch now
            RetryAfter, // call retryNow() once `delay` has passed (or the connection is back)
        };
        Kind kind = Kind::Nothing;
        std::chrono::milliseconds delay{0};

        friend bool operator==(const Step &, const Step &) = default;
    };

    // How the write of the batch in flight ended.
    enum class Answer { Written, Refused, ConnectionLost };

    struct Settled
    {
        Step next;
        qsizetype batch = 0; // how many ends the call carried
        // The ends done with, in order: written, or refused on their own (each is logged).
        QList<Entry> ends;
    };

    // A run ended: queued for a coming batch.
    Step add(const FinishedRun &run, qint64 jobId);
    // The runs of the next finish_runs call, now in flight. Empty while a call is in flight
    // or a retry waits, and when nothing is queued.
    QList<Entry> takeBatch();
    // The call in flight answered.
    Settled onAnswer(Answer answer);
    // Try again now what a lost connection kept back.
    Step retryNow();

    bool isIdle() const { return m_queue.isEmpty() && !m_writing; }
    bool isWriting() const { return m_writing; }
    bool isWaitingToRetry() const { return m_retryWaiting; }
    qsizetype queued() const { return m_queue.size(); }

private:
    Step nextWrite();

    QList<Entry> m_queue;
    QList<Entry> m_flight; // the batch in flight
    bool m_writing = false;
    bool m_flightSingly = false;
    int m_singly = 0; // after a refused batch: write this many one by one
    bool m_windowOpen = false;
    bool m_retryWaiting = false;
    Backoff m_backoff;
};

} // namespace Cronhelm
