#include "runoutcome.h"

namespace Cronhelm {

QString logStreamName(LogStream stream)
{
    switch (stream) {
    case LogStream::Stdout:
        return QStringLiteral("stdout");
    case LogStream::Stderr:
        return QStringLiteral("stderr");
    case LogStream::System:
        return QStringLiteral("system");
    }
    return QStringLiteral("system");
}

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Succeeded:
        return QStringLiteral("succeeded");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::TimedOut:
        return QStringLiteral("timed_out");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

} // namespace Cronhelm
