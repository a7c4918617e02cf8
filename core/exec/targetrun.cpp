#include "targetrun.h"

#include "httprun.h"
#include "outputsink.h"
#include "shellrun.h"

#include <chrono>

namespace Cronhelm {

TargetRun::TargetRun(const RunContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_sink(new OutputSink(context.logLimitBytes, this))
{
    connect(m_sink, &OutputSink::output, this, &TargetRun::output);
}

TargetRun::~TargetRun() = default;

void TargetRun::reportStarted()
{
    if (m_startReported || m_finished) {
        return;
    }
    m_startReported = true;
    const qint64 atUs = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    Q_EMIT started(atUs);
}

void TargetRun::finish(RunOutcome outcome)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_sink->finish();
    outcome.logBytes = m_sink->producedBytes();
    outcome.logTruncated = m_sink->truncated();
    Q_EMIT finished(outcome);
}

void TargetRun::finishLater(RunStatus status, const QString &error)
{
    QMetaObject::invokeMethod(
        this,
        [this, status, error] {
            if (!m_finished) {
                m_sink->systemLine(QStringLiteral("[cronhelm] ") + error);
            }
            RunOutcome outcome;
            outcome.status = status;
            outcome.error = error;
            finish(outcome);
        },
        Qt::QueuedConnection);
}

std::unique_ptr<TargetRun> createTargetRun(const RunContext &context, QObject *parent)
{
    if (context.target.kind == TargetKind::Http) {
        return std::make_unique<HttpRun>(context, parent);
    }
    return std::make_unique<ShellRun>(context, parent);
}

void registerExecMetaTypes()
{
    qRegisterMetaType<Cronhelm::LogStream>();
    qRegisterMetaType<Cronhelm::RunStatus>();
    qRegisterMetaType<Cronhelm::RunOutcome>();
    qRegisterMetaType<Cronhelm::TargetSpec>();
    qRegisterMetaType<Cronhelm::RunContext>();
}

} // namespace Cronhelm
