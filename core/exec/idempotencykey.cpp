#include "idempotencykey.h"

#include <QUuid>

namespace Cronhelm {

namespace {

// {5c1f0a3e-7d2b-4e69-9a41-2f86c30bd715}. Fixed forever: changing it would change every
// key and defeat deduplication across an upgrade.
constexpr QUuid keyNamespace(0x5c1f0a3e, 0x7d2b, 0x4e69, 0x9a, 0x41, 0x2f, 0x86, 0xc3, 0x0b, 0xd7,
                             0x15);

} // namespace

QString idempotencyKey(qint64 jobId, const QDateTime &scheduledFor, int attempt)
{
    const QByteArray name = "cronhelm:" + QByteArray::number(jobId) + ':'
        + QByteArray::number(scheduledFor.toMSecsSinceEpoch()) + ':' + QByteArray::number(attempt);
    return QUuid::createUuidV5(keyNamespace, name).toString(QUuid::WithoutBraces);
}

} // namespace Cronhelm
