#include "shellrun.h"

#include "coretr.h"
#include "outputsink.h"
#include "secrets.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <cstring>
#include <signal.h>
#include <sys/wait.h>

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

// Processes a job left in its group after exiting get SIGTERM at once and SIGKILL once
// the grace has passed. This outlives the run (which is deleted as soon as its end is
// recorded): a parentless timer on the run's thread that deletes itself. It checks every
// 100 ms whether the group is gone, so that the group id is not signalled long after its
// last member died (a group id can only be reused once no member is left). If the thread
// ends first (the node shuts down during the grace), the group gets its SIGKILL then: no
// timer would be left to send it.
void killLeftoversAfter(qint64 group, std::chrono::milliseconds grace)
{
    auto *timer = new QTimer;
    const QDeadlineTimer deadline(grace);
    timer->setInterval(std::chrono::milliseconds(100));
    const pid_t target = -static_cast<pid_t>(group);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, target, deadline] {
        if (::kill(target, 0) != 0) {
            timer->stop();
            timer->deleteLater();
        } else if (deadline.hasExpired()) {
            ::kill(target, SIGKILL);
            timer->stop();
            timer->deleteLater();
        }
    });
    // Emitted on the thread itself as it ends, before its deferred deletes run.
    QObject::connect(
        QThread::currentThread(), &QThread::finished, timer,
        [timer, target] {
            if (timer->isActive() && ::kill(target, 0) == 0) {
                ::kill(target, SIGKILL);
            }
            timer->stop();
            timer->deleteLater();
        },
        Qt::DirectConnection);
    timer->start();
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
    connect(&m_child, &ChildProcess::output, this,
            [this](LogStream stream, const QByteArray &data) { sink().append(stream, data); });
    connect(&m_child, &ChildProcess::exited, this, &ShellRun::onExited);
}

ShellRun::~ShellRun()
{
    // Stop without reporting: the owner no longer wants to hear about this run. The child's
    // destructor kills its whole group.
    m_child.disconnect(this);
}

void ShellRun::prepare()
{
    if (m_prepared) {
        return;
    }
    m_prepared = true;
    const ShellTarget &shell = context().target.shell;
    const SecretResolver secrets(context().secrets);

    // A clean environment: the node's own credentials (PGPASSWORD, CRONHELM_DB, every
    // declared secret) are not the job's business. Only what a program needs to behave
    // normally comes from the node; the rest is what the job asked for.
    QProcessEnvironment environment = cleanEnvironment();
    for (const auto &[name, value] : shell.env) {
        auto resolved = secrets.resolve(value);
        if (!resolved) {
            m_prepareError = resolved.errorMessage();
            return;
        }
        environment.insert(name, std::move(resolved).value());
    }

    QStringList arguments;
    if (!shell.argv.isEmpty()) {
        // Arguments are on the command line every local user can read (ps, /proc/*/cmdline):
        // no place for a secret. The job's env, or a command's ${env:...}, carries it.
        for (const QString &argument : shell.argv) {
            if (SecretResolver::containsReference(argument)) {
                m_prepareError = CoreTr::tr("secret references are not allowed in a program's "
                                            "arguments (every local user can read them); pass "
                                            "the secret in the job's env instead");
                return;
            }
        }
        arguments = shell.argv;
        m_request.program = arguments.constFirst().toLocal8Bit();
        m_request.searchPath = !arguments.constFirst().contains(u'/');
    } else {
        auto command = secrets.toShellExpansions(shell.command, &environment);
        if (!command) {
            m_prepareError = command.errorMessage();
            return;
        }
        m_request.program = QByteArrayLiteral("/bin/sh");
        arguments = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), std::move(command).value()};
    }

    environment.insert(QStringLiteral("CRONHELM_RUN_ID"), QString::number(context().runId));
    environment.insert(QStringLiteral("CRONHELM_JOB_ID"), QString::number(context().jobId));
    environment.insert(QStringLiteral("CRONHELM_JOB_NAME"), context().jobName);
    environment.insert(QStringLiteral("CRONHELM_ATTEMPT"), QString::number(context().attempt));
    environment.insert(QStringLiteral("CRONHELM_SCHEDULED_FOR"),
                       context().scheduledFor.toUTC().toString(Qt::ISODateWithMs));

    for (const QString &argument : std::as_const(arguments)) {
        m_request.arguments.push_back(argument.toLocal8Bit());
    }
    for (const QString &entry : environment.toStringList()) {
        m_request.environment.push_back(entry.toLocal8Bit());
    }
    m_request.workdir = shell.workdir.toLocal8Bit();
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
    prepare();
    if (!m_prepareError.isEmpty()) {
        finishLater(RunStatus::Failed, m_prepareError);
        return;
    }
    const QString &workdir = context().target.shell.workdir;
    if (!workdir.isEmpty() && !QFileInfo(workdir).isDir()) {
        finishLater(
            RunStatus::Failed,
            CoreTr::tr("working directory \"%1\" does not exist on this node").arg(workdir));
        return;
    }

    m_clock.start();
    const int error = m_child.spawn(m_request);
    if (error != 0) {
        finishLater(RunStatus::Failed,
                    CoreTr::tr("could not start %1: %2")
                        .arg(quoteForDisplay(QString::fromLocal8Bit(m_request.program)),
                             QString::fromLocal8Bit(::strerror(error))));
        return;
    }
    // posix_spawn has returned: the program has been executed.
    reportStarted();
    sink().systemLine(CoreTr::tr("[cronhelm] running %1").arg(describeCommand()));
    if (context().timeoutSeconds > 0) {
        m_timeoutTimer.start(std::chrono::seconds(context().timeoutSeconds));
    }
}

void ShellRun::cancel(const QString &reason)
{
    const QString error =
        reason.isEmpty() ? CoreTr::tr("cancelled") : CoreTr::tr("cancelled: %1").arg(reason);
    if (isFinished()) {
        return;
    }
    if (!m_startCalled || !m_child.isRunning()) {
        m_startCalled = true; // a later start() does nothing
        finishLater(RunStatus::Cancelled, error);
        return;
    }
    stop(RunStatus::Cancelled, error);
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
    m_child.signalGroup(SIGTERM);
    m_killTimer.start(context().killGrace);
}

void ShellRun::escalate()
{
    if (!m_child.isRunning()) {
        return;
    }
    sink().systemLine(CoreTr::tr("[cronhelm] the job did not stop within %1 ms of SIGTERM; "
                                 "sending SIGKILL")
                          .arg(context().killGrace.count()));
    m_child.signalGroup(SIGKILL);
}

void ShellRun::stopLeftovers()
{
    if (!m_child.signalGroup(0)) {
        return;
    }
    if (m_stopStatus) {
        // Stopping already: the grace has been given.
        m_child.signalGroup(SIGKILL);
        sink().systemLine(CoreTr::tr("[cronhelm] the job left processes running in its process "
                                     "group; they were sent SIGKILL"));
        return;
    }
    m_child.signalGroup(SIGTERM);
    killLeftoversAfter(m_child.groupId(), context().killGrace);
    sink().systemLine(CoreTr::tr("[cronhelm] the job left processes running in its process "
                                 "group; they were sent SIGTERM, and get SIGKILL if still "
                                 "there after %1 ms")
                          .arg(context().killGrace.count()));
}

void ShellRun::onExited(int waitStatus)
{
    m_timeoutTimer.stop();
    m_killTimer.stop();
    stopLeftovers();

    RunOutcome outcome;
    const bool normalExit = WIFEXITED(waitStatus);
    const int exitCode = normalExit ? WEXITSTATUS(waitStatus) : 0;
    if (normalExit) {
        outcome.exitCode = exitCode;
    }
    if (m_stopStatus) {
        outcome.status = *m_stopStatus;
        outcome.error = m_stopError;
    } else if (!normalExit) {
        outcome.status = RunStatus::Failed;
        outcome.error = CoreTr::tr("terminated by signal %1").arg(WTERMSIG(waitStatus));
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
