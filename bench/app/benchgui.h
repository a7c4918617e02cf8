#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace Cronhelm::Bench {

// Gaps between the ticks of a 1 ms timer on the GUI thread: how long the event loop was
// kept from running, per phase and overall.
class StallMeter : public QObject
{
public:
    StallMeter();

    void start();
    // Starts a new phase; `name` must outlive the meter (a string literal).
    void phase(const char *name);
    double phaseMax() const { return m_phaseMax; }
    // CPU time the GUI thread used during the phase's longest gap: near the gap itself when
    // the thread was busy, near zero when it was waiting for a core (a loaded machine).
    double phaseMaxCpu() const { return m_phaseMaxCpu; }
    // The longest gap of the phase that the last phase() call ended.
    double lastPhaseMax() const { return m_lastPhaseMax; }
    double lastPhaseMaxCpu() const { return m_lastPhaseMaxCpu; }
    int phaseOver16() const { return m_phaseOver16; }
    double overallMax() const { return m_max; }
    QString overallWhere() const { return m_maxWhere; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    const char *m_phase = "start";
    double m_phaseMax = 0;
    double m_phaseMaxCpu = 0;
    double m_lastPhaseMax = 0;
    double m_lastPhaseMaxCpu = 0;
    int m_phaseOver16 = 0;
    double m_max = 0;
    QString m_maxWhere;
};

// Runs the event loop until pred() holds; false on timeout.
bool waitFor(const std::function<bool()> &pred, int timeoutMs);

} // namespace Cronhelm::Bench
