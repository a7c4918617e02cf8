#pragma once

#include <QMetaType>

#include <chrono>
#include <ctime>

namespace Cronhelm {

// Until when this node may act as the lease holder, on CLOCK_BOOTTIME. The monotonic clock
// (QDeadlineTimer, steady_clock) stops while the machine is suspended: a node that wakes
// up after a suspend longer than the lease would believe a lease that expired in the
// database long ago — and another node has been executing meanwhile — is still valid, and
// start targets under it. CLOCK_BOOTTIME counts the suspended time too.
class LeaseDeadline
{
public:
    // Already expired.
    LeaseDeadline() = default;

    static LeaseDeadline after(std::chrono::nanoseconds duration)
    {
        LeaseDeadline deadline;
        deadline.m_ns = nowNs() + duration.count();
        return deadline;
    }

    bool hasExpired() const { return nowNs() >= m_ns; }
    std::chrono::nanoseconds remaining() const
    {
        const qint64 left = m_ns - nowNs();
        return std::chrono::nanoseconds(left > 0 ? left : 0);
    }
    qint64 bootTimeNs() const { return m_ns; }

    // Nanoseconds on CLOCK_BOOTTIME.
    static qint64 nowNs()
    {
        timespec now{};
        ::clock_gettime(CLOCK_BOOTTIME, &now);
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    }

private:
    qint64 m_ns = 0;
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::LeaseDeadline)
