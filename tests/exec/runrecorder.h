#pragma once

#include <exec/targetrun.h>

#include <QList>
#include <QPair>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Cronhelm::Test {

// Collects what a TargetRun reports, for assertions.
class RunRecorder
{
public:
    explicit RunRecorder(TargetRun *run)
        : m_finished(run, &TargetRun::finished)
    {
        QObject::connect(run, &TargetRun::output, run,
                         [this](LogStream stream, const QString &text) {
                             m_pieces.append({stream, text});
                         });
    }

    bool waitFinished(int timeoutMs = 10000)
    {
        return !m_finished.isEmpty() || m_finished.wait(timeoutMs);
    }
    int finishedCount() const { return static_cast<int>(m_finished.count()); }
    RunOutcome outcome() const { return m_finished.at(0).at(0).value<RunOutcome>(); }

    QString text(LogStream stream) const
    {
        QString all;
        for (const auto &[s, text] : m_pieces) {
            if (s == stream) {
                all += text;
            }
        }
        return all;
    }
    QString log() const
    {
        QString all;
        for (const auto &piece : m_pieces) {
            all += piece.second;
        }
        return all;
    }
    qsizetype pieceCount() const { return m_pieces.size(); }

private:
    QSignalSpy m_finished;
    QList<QPair<LogStream, QString>> m_pieces;
};

inline RunContext shellContext(const QJsonObject &target)
{
    RunContext context;
    context.runId = 42;
    context.jobId = 7;
    context.jobName = QStringLiteral("test job");
    context.scheduledFor = QDateTime(QDate(2027, 2, 10), QTime(3, 0), Qt::UTC);
    context.attempt = 1;
    auto spec = TargetSpec::parse(TargetKind::Shell, target);
    if (!spec) {
        qFatal("bad shell target in test: %s", qPrintable(spec.errorMessage()));
    }
    context.target = *spec;
    context.timeoutSeconds = 30;
    context.logLimitBytes = 1024 * 1024;
    context.secrets = QProcessEnvironment();
    return context;
}

} // namespace Cronhelm::Test
