#include "benchgui.h"

#include <QCoreApplication>

#include <ctime>

namespace Cronhelm::Bench {

namespace {
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

StallMeter::StallMeter()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

void StallMeter::start()
{
    m_clock.start();
    m_last = 0;
    m_lastCpu = threadCpuNs();
    m_timer.start();
}

void StallMeter::phase(const char *name)
{
    tick();
    m_lastPhaseMax = m_phaseMax;
    m_lastPhaseMaxCpu = m_phaseMaxCpu;
    m_phase = name;
    m_phaseMax = 0;
    m_phaseMaxCpu = 0;
    m_phaseOver16 = 0;
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    const double gapMs = double(now - m_last) / 1e6;
    const double cpuMs = double(cpu - m_lastCpu) / 1e6;
    m_last = now;
    m_lastCpu = cpu;
    if (gapMs > m_phaseMax) {
        m_phaseMax = gapMs;
        m_phaseMaxCpu = cpuMs;
    }
    if (gapMs > 16.0)
        ++m_phaseOver16;
    if (gapMs > m_max) {
        m_max = gapMs;
        m_maxWhere = QString::fromLatin1(m_phase);
    }
}

bool waitFor(const std::function<bool()> &pred, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

} // namespace Cronhelm::Bench
