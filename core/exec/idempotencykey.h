#pragma once

#include <QDateTime>
#include <QString>

namespace Cronhelm {

// The Idempotency-Key header of an HTTP job request: a name-based (version 5) UUID, in the
// lowercase 8-4-4-4-12 form without braces, of the name
//     "cronhelm:<job id>:<scheduled instant, ms since the Unix epoch, UTC>:<attempt>"
// in a fixed Cronhelm namespace UUID. Every node computes the same key for the same slot
// and attempt, so a receiver can drop a duplicate even when two nodes fire it (split
// brain); a retry (next attempt) gets a new key because it is meant to run again.
QString idempotencyKey(qint64 jobId, const QDateTime &scheduledFor, int attempt);

} // namespace Cronhelm
