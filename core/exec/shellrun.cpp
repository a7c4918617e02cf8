#include "shellrun.h"

#include "coretr.h"
#include "outputsink.h"
#include "secrets.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <signal.h>
#include <unistd.h>

namespace Cronhelm {

namespace {

QString quoteForDisplay(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(argument).hasMatch()) {
        return argument;
    }
    QString quoted = argument;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}

// What a job gets from the node's environment: PATH, HOME, LANG and TZ, nothing else.
QProcessEnvironment cleanEnvironment()
{
    const QProcessEnvironment node = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    for (const char *name : {"PATH", "HOME", "LANG", "TZ"}) {
        const QString key = QLatin1String(name);
        if (node.contains(key)) {
            environment.insert(key, node.value(key));
        }
    }
    if (!environment.contains(QStringLiteral("PATH"))) {
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    }
    return environment;
}

} // namespace

ShellRun::ShellRun(const RunContext &context, QObject *parent)
    : TargetRun(context, parent)
{
    m_timeoutTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        stop(RunStatus::TimedOut,
             CoreTr::tr("timed out after %n s", nullptr, this->context().timeoutSeconds));
    });
    connect(&m_killTimer, &QTimer::timeout, this, &ShellRun::escalate);
    connect(&m_process, &QProcess::started, this, &ShellRun::onStarted);
    connect(&m_process, &QProcess::finished, this, &ShellRun::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ShellRun::onProcessError);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ShellRun::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ShellRun::readOutput);
}

ShellRun::~ShellRun()
{
    // Stop without reporting: the owner no longer wants to hear about this run.
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        signalGroup(SIGKILL);
        m_process.waitForFinished(5000);
    }
}

void ShellRun::start()
{
    if (m_startCalled) {
        return;
    }
    m_startCalled = true;
    if (isFinished()) {
        return; // cancelled before it started
    }
    const ShellTarget &shell = context().target.shell;
    const SecretResolver secrets(context().secrets);

    // A clean environment: the node's own credentials (PGPASSWORD, CRONHELM_DB, every
    // declared secret) are not the job's business. Only what a program needs to behave
    // normally comes from the node; the rest is what the job asked for.
    QProcessEnvironment environment = cleanEnvironment();
    for (const auto &[name, value] : shell.env) {
        auto resolved = secrets.resolve(value);
        if (!resolved) {
            finishLater(RunStatus::Failed, resolved.errorMessage());
            return;
        }
        environment.insert(name, std::move(resolved).value());
    }

    QString program;
    QStringList arguments;
    if (!shell.argv.isEmpty()) {
        // Arguments are on the command line every local user can read (ps, /proc/*/cmdline):
        // no place for a secret. The job's env, or a command's ${env:...}, carries it.
        for (const QString &argument : shell.argv) {
            if (SecretResolver::containsReference(argument)) {
                finishLater(RunStatus::Failed,
                            CoreTr::tr("secret references are not allowed in a program's "
                                       "arguments (every local user can read them); pass "
                                       "the secret in the job's env instead"));
                return;
            }
        }
        arguments = shell.argv;
        program = arguments.takeFirst();
    } else {
        auto command = secrets.toShellExpansions(shell.command, &environment);
        if (!command) {
            finishLater(RunStatus::Failed, command.errorMessage());
            return;
        }
        program = QStringLiteral("/bin/sh");
        arguments = {QStringLiteral("-c"), std::move(command).value()};
    }

    environment.insert(QStringLiteral("CRONHELM_RUN_ID"), QString::number(context().runId));
    environment.insert(QStringLiteral("CRONHELM_JOB_ID"), QString::number(context().jobId));
    environment.insert(QStringLiteral("CRONHELM_JOB_NAME"), context().jobName);
    environment.insert(QStringLiteral("CRONHELM_ATTEMPT"), QString::number(context().attempt));
    environment.insert(QStringLiteral("CRONHELM_SCHEDULED_FOR"),
                       context().scheduledFor.toUTC().toString(Qt::ISODateWithMs));

    if (!shell.workdir.isEmpty()) {
        if (!QFileInfo(shell.workdir).isDir()) {
            finishLater(RunStatus::Failed,
                        CoreTr::tr("working directory \"%1\" does not exist on this node")
                            .arg(shell.workdir));
            return;
        }
        m_process.setWorkingDirectory(shell.workdir);
    }

    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessEnvironment(environment);
    m_process.setStandardInputFile(QProcess::nullDevice());
    // A new session makes the child the leader of its own process group, so that the whole
    // job (its children too) can be signalled, and the node's terminal signals stay ours.
    m_process.setChildProcessModifier([] { ::setsid(); });

    sink().systemLine(CoreTr::tr("[cronhelm] running %1").arg(describeCommand()));
    m_clock.start();
    if (context().timeoutSeconds > 0) {
        m_timeoutTimer.start(std::chrono::seconds(context().timeoutSeconds));
    }
    m_process.start(QIODevice::ReadOnly);
    // Known as soon as start() returns (the fork is synchronous); started() may come later,
    // and a cancel or destruction in between must still reach the job.
    m_groupId = m_process.processId();
    if (m_process.state() != QProcess::NotRunning) {
        // The child exists (forked; it execs the program next). A failed fork leaves the
        // process NotRunning and is reported by onProcessError().
        reportStarted();
    }
}

void ShellRun::cancel(const QString &reason)
{
    const QString error =
        reason.isEmpty() ? CoreTr::tr("cancelled") : CoreTr::tr("cancelled: %1").arg(reason);
    if (isFinished()) {
        return;
    }
    if (!m_startCalled || m_process.state() == QProcess::NotRunning) {
        m_startCalled = true; // a later start() does nothing
        finishLater(RunStatus::Cancelled, error);
        return;
    }
    stop(RunStatus::Cancelled, error);
}

void ShellRun::onStarted()
{
    if (m_groupId == 0) {
        m_groupId = m_process.processId();
    }
}

void ShellRun::stop(RunStatus status, const QString &error)
{
    if (m_stopStatus || isFinished()) {
        return; // already stopping: the first reason wins
    }
    m_stopStatus = status;
    m_stopError = error;
    m_timeoutTimer.stop();
    sink().systemLine(
        CoreTr::tr("[cronhelm] %1; sending SIGTERM to the job's process group").arg(error));
    signalGroup(SIGTERM);
    m_killTimer.start(context().killGrace);
}

void ShellRun::escalate()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    sink().systemLine(CoreTr::tr("[cronhelm] the job did not stop within %1 ms of SIGTERM; "
                                 "sending SIGKILL")
                          .arg(context().killGrace.count()));
    signalGroup(SIGKILL);
}

bool ShellRun::signalGroup(int signal)
{
    if (m_groupId <= 0) {
        return false;
    }
    // Negative pid: every process in the group. The group id stays reserved as long as any
    // member lives, so this cannot hit an unrelated process.
    if (::kill(-static_cast<pid_t>(m_groupId), signal) == 0) {
        return true;
    }
    // Just forked, setsid() not yet run: there is no group yet, and no children either.
    return m_process.state() != QProcess::NotRunning
        && ::kill(static_cast<pid_t>(m_groupId), signal) == 0;
}

void ShellRun::readOutput()
{
    sink().append(LogStream::Stdout, m_process.readAllStandardOutput());
    sink().append(LogStream::Stderr, m_process.readAllStandardError());
}

void ShellRun::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readOutput();
    m_timeoutTimer.stop();
    m_killTimer.stop();

    // Anything the job left running in its group goes too: after a stop at once, after a
    // normal exit politely.
    if (signalGroup(0)) {
        signalGroup(m_stopStatus ? SIGKILL : SIGTERM);
        sink().systemLine(
            CoreTr::tr("[cronhelm] the job left processes running in its process "
                       "group; they were sent %1")
                .arg(m_stopStatus ? QStringLiteral("SIGKILL") : QStringLiteral("SIGTERM")));
    }

    RunOutcome outcome;
    if (exitStatus == QProcess::NormalExit) {
        outcome.exitCode = exitCode;
    }
    if (m_stopStatus) {
        outcome.status = *m_stopStatus;
        outcome.error = m_stopError;
    } else if (exitStatus == QProcess::CrashExit) {
        outcome.status = RunStatus::Failed;
        // On a crash QProcess reports the signal number as the exit code.
        outcome.error = CoreTr::tr("terminated by signal %1").arg(exitCode);
    } else if (exitCode != 0) {
        outcome.status = RunStatus::Failed;
        outcome.error = CoreTr::tr("exited with code %1").arg(exitCode);
    } else {
        outcome.status = RunStatus::Succeeded;
    }
    sink().systemLine(outcome.status == RunStatus::Succeeded
                          ? CoreTr::tr("[cronhelm] exited with code 0 after %1").arg(elapsedText())
                          : CoreTr::tr("[cronhelm] %1 after %2").arg(outcome.error, elapsedText()));
    finish(outcome);
}

void ShellRun::onProcessError(QProcess::ProcessError error)
{
    // Crashes and the like arrive with finished(); only a failed start comes alone, and it
    // may come from inside QProcess::start(), so it is reported from the event loop.
    if (error != QProcess::FailedToStart || isFinished()) {
        return;
    }
    m_timeoutTimer.stop();
    m_killTimer.stop();
    finishLater(m_stopStatus.value_or(RunStatus::Failed),
                CoreTr::tr("could not start %1: %2")
                    .arg(quoteForDisplay(m_process.program()), m_process.errorString()));
}

QString ShellRun::describeCommand() const
{
    // Built from the job definition, not the resolved values, so secrets stay out of logs.
    const ShellTarget &shell = context().target.shell;
    QStringList words;
    if (shell.argv.isEmpty()) {
        words = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), shell.command};
    } else {
        words = shell.argv;
    }
    for (QString &word : words) {
        word = quoteForDisplay(word);
    }
    QString text = words.join(u' ');
    if (!shell.workdir.isEmpty()) {
        text = CoreTr::tr("%1 in %2").arg(text, quoteForDisplay(shell.workdir));
    }
    return text;
}

QString ShellRun::elapsedText() const
{
    return CoreTr::tr("%1 s").arg(static_cast<double>(m_clock.elapsed()) / 1000.0, 0, 'f', 1);
}

} // namespace Cronhelm
