#pragma once

#include <QStringView>
#include <QtGlobal>

namespace Cronhelm::JobLimits {

// Size limits of a job definition. The SQL API (core/migrations/0004_domain.sql,
// cronhelm._validate_job) enforces the same numbers; tests/domain/tst_jobrules.cpp checks
// that both agree.
// Text lengths count characters (Unicode code points), as SQL's length() does: an emoji
// outside the Basic Multilingual Plane is one character, not two UTF-16 units.
constexpr int maxNameLength = 200;         // characters
constexpr int maxDescriptionLength = 4000; // characters
constexpr int maxOwnerLength = 200;        // characters
constexpr int maxUrlLength = 8192;         // characters
constexpr int maxHeaders = 100;
constexpr int maxBodyBytes = 256 * 1024;   // UTF-8 bytes of the request body
constexpr int maxTargetBytes = 512 * 1024; // UTF-8 bytes of the whole target JSON
constexpr int maxRedirects = 50;
constexpr int maxConnectTimeoutSeconds = 3600;
constexpr int minTimeoutSeconds = 1;
constexpr int maxTimeoutSeconds = 604800; // 7 days
constexpr int maxRetries = 100;
constexpr int maxRetryDelaySeconds = 86400;
constexpr int minMisfireBound = 1;
constexpr int maxMisfireBound = 10000;
constexpr int maxNotifyTargets = 20;
constexpr int maxNotifyQuietSeconds = 30 * 86400;
constexpr qint64 minLogLimitBytes = 1024;
constexpr qint64 maxLogLimitBytes = qint64(1024) * 1024 * 1024; // 1 GiB
constexpr int maxRunOnLabels = 32;
constexpr int maxLabelLength = 63;
constexpr int minKeepDays = 1;
constexpr int maxKeepDays = 36500;
constexpr int maxKeepRuns = 1000000;

// The length of `text` in characters (code points), as the limits above count it.
inline qsizetype characterCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
    }
    return count;
}

} // namespace Cronhelm::JobLimits
