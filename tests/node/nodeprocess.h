#pragma once

#include <QDateTime>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

namespace Cronhelm::Test {

// The real cronhelm-node binary as a child process of the test, for races with real
// competing processes: start it, read what it logs (one line per event on stderr), and
// crash it (SIGKILL), freeze it (SIGSTOP/SIGCONT) or stop it gracefully (SIGTERM).
//
// A process still running when the object is destroyed is killed. If the current test
// function failed, the tail of the node's log is printed, so a failure shows what the
// node did. CRONHELM_NODE_TEST_ECHO=1 echoes every line as it comes.
class NodeProcess : public QObject
{
    Q_OBJECT

public:
    NodeProcess(const QString &conninfo, const QString &nodeId, QObject *parent = nullptr);
    ~NodeProcess() override;

    // Options; set before start().
    void setLeaseTtl(double seconds) { m_leaseTtl = seconds; }
    void setShutdownGrace(double seconds) { m_shutdownGrace = seconds; }
    void setMaxParallel(int jobs) { m_maxParallel = jobs; }
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }

    // Starts the process; false (with a warning) when it cannot be started.
    bool start();

    QString nodeId() const { return m_nodeId; }
    qint64 pid() const { return m_pid; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // Everything the node logged so far, one entry a line.
    QStringList lines() const { return m_lines; }
    qsizetype lineCount() const { return m_lines.size(); }
    // The first line at index `from` or later that matches (no match when there is none).
    QRegularExpressionMatch findLine(const QRegularExpression &pattern, qsizetype from = 0) const;
    // Waits until a line at index `from` or later matches `pattern`; gives up at the
    // timeout or when the process has ended without logging one.
    QRegularExpressionMatch waitForLine(const QRegularExpression &pattern, int timeoutMs,
                                        qsizetype from = 0);
    QRegularExpressionMatch waitForLine(const QString &pattern, int timeoutMs, qsizetype from = 0)
    {
        return waitForLine(QRegularExpression(pattern), timeoutMs, from);
    }

    // Signals. Each returns false when the process is not running.
    bool kill();      // SIGKILL: a crash
    bool stop();      // SIGSTOP: frozen (a stalled VM, a long GC pause)
    bool cont();      // SIGCONT
    bool terminate(); // SIGTERM: graceful shutdown

    // Waits for the process to end (true) or the timeout (false).
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

    // The process's resident set size (VmRSS) in KiB, or -1 when unknown.
    qint64 residentKiB() const;

    // The log, prefixed with the node id, for diagnostics.
    QString describeLog(qsizetype lastLines = 80) const;

    // The binary under test: $CRONHELM_NODE_BINARY, else the one built with the tests.
    static QString binaryPath();

Q_SIGNALS:
    // A line was logged, or the process ended.
    void activity();

private:
    bool signal(int signalNumber);
    void readOutput();

    QString m_conninfo;
    QString m_nodeId;
    double m_leaseTtl = 0;
    double m_shutdownGrace = 2;
    int m_maxParallel = 0;
    QStringList m_extraArguments;
    QProcessEnvironment m_environment;
    QProcess m_process;
    qint64 m_pid = 0;
    QByteArray m_partial;
    QStringList m_lines;
    bool m_echo = false;
};

} // namespace Cronhelm::Test
