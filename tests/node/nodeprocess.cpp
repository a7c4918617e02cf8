#include "nodeprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/types.h>

namespace Cronhelm::Test {

NodeProcess::NodeProcess(const QString &conninfo, const QString &nodeId, QObject *parent)
    : QObject(parent)
    , m_conninfo(conninfo)
    , m_nodeId(nodeId)
    , m_environment(QProcessEnvironment::systemEnvironment())
    , m_echo(qEnvironmentVariableIntValue("CRONHELM_NODE_TEST_ECHO") != 0)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &NodeProcess::readOutput);
    connect(&m_process, &QProcess::finished, this, [this] {
        readOutput();
        if (!m_partial.isEmpty()) {
            m_lines.append(QString::fromUtf8(m_partial));
            m_partial.clear();
        }
        Q_EMIT activity();
    });
}

NodeProcess::~NodeProcess()
{
    if (isRunning()) {
        signal(SIGKILL);
        m_process.waitForFinished(5000);
    }
    if (QTest::currentTestFailed())
        std::fprintf(stderr, "%s\n", qPrintable(describeLog()));
}

QString NodeProcess::binaryPath()
{
    const QString fromEnvironment = qEnvironmentVariable("CRONHELM_NODE_BINARY");
    return fromEnvironment.isEmpty() ? QStringLiteral(CRONHELM_NODE_BINARY) : fromEnvironment;
}

bool NodeProcess::start()
{
    QStringList arguments{QStringLiteral("--db"), m_conninfo, QStringLiteral("--node-id"),
                          m_nodeId};
    if (m_leaseTtl > 0)
        arguments << QStringLiteral("--lease-ttl") << QString::number(m_leaseTtl);
    if (m_shutdownGrace >= 0)
        arguments << QStringLiteral("--shutdown-grace") << QString::number(m_shutdownGrace);
    if (m_maxParallel > 0)
        arguments << QStringLiteral("--max-parallel") << QString::number(m_maxParallel);
    arguments << m_extraArguments;
    m_process.setProcessEnvironment(m_environment);
    m_process.start(binaryPath(), arguments);
    if (!m_process.waitForStarted(10000)) {
        qWarning("cannot start %s: %s", qPrintable(binaryPath()),
                 qPrintable(m_process.errorString()));
        return false;
    }
    m_pid = m_process.processId();
    return true;
}

void NodeProcess::readOutput()
{
    m_partial += m_process.readAllStandardOutput();
    qsizetype start = 0;
    bool added = false;
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n', start)) {
        const QString line = QString::fromUtf8(m_partial.constData() + start, end - start);
        m_lines.append(line);
        if (m_echo)
            std::fprintf(stderr, "  node %s| %s\n", qPrintable(m_nodeId), qPrintable(line));
        start = end + 1;
        added = true;
    }
    m_partial.remove(0, start);
    if (added)
        Q_EMIT activity();
}

QRegularExpressionMatch NodeProcess::findLine(const QRegularExpression &pattern,
                                              qsizetype from) const
{
    for (qsizetype i = std::max<qsizetype>(0, from); i < m_lines.size(); ++i) {
        QRegularExpressionMatch match = pattern.match(m_lines.at(i));
        if (match.hasMatch())
            return match;
    }
    return {};
}

QRegularExpressionMatch NodeProcess::waitForLine(const QRegularExpression &pattern, int timeoutMs,
                                                 qsizetype from)
{
    QSignalSpy spy(this, &NodeProcess::activity);
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype next = std::max<qsizetype>(0, from);
    while (true) {
        for (; next < m_lines.size(); ++next) {
            QRegularExpressionMatch match = pattern.match(m_lines.at(next));
            if (match.hasMatch())
                return match;
        }
        if (!isRunning() || deadline.hasExpired())
            return {};
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

bool NodeProcess::signal(int signalNumber)
{
    if (!isRunning() || m_pid <= 0)
        return false;
    return ::kill(pid_t(m_pid), signalNumber) == 0;
}

bool NodeProcess::kill()
{
    return signal(SIGKILL);
}

bool NodeProcess::stop()
{
    return signal(SIGSTOP);
}

bool NodeProcess::cont()
{
    return signal(SIGCONT);
}

bool NodeProcess::terminate()
{
    return signal(SIGTERM);
}

bool NodeProcess::waitForExit(int timeoutMs)
{
    if (!isRunning())
        return true;
    QSignalSpy finished(&m_process, &QProcess::finished);
    return finished.wait(timeoutMs) || !isRunning();
}

qint64 NodeProcess::residentKiB() const
{
    if (m_pid <= 0)
        return -1;
    QFile status(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = status.readAll().split('\n');
    for (const QByteArray &line : fields) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString NodeProcess::describeLog(qsizetype lastLines) const
{
    QString text = QStringLiteral("--- log of node %1 (pid %2, last %3 of %4 lines) ---\n")
                       .arg(m_nodeId)
                       .arg(m_pid)
                       .arg(std::min(lastLines, m_lines.size()))
                       .arg(m_lines.size());
    for (qsizetype i = std::max<qsizetype>(0, m_lines.size() - lastLines); i < m_lines.size();
         ++i) {
        text += QStringLiteral("  %1| %2\n").arg(m_nodeId, m_lines.at(i));
    }
    return text;
}

} // namespace Cronhelm::Test
