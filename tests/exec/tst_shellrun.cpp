#include "runrecorder.h"

#include <exec/shellrun.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>
#include <signal.h>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

QJsonObject command(const QString &line)
{
    return QJsonObject{{QStringLiteral("command"), line}};
}

// Alive = exists and is not a zombie (an orphaned zombie may linger where PID 1 does not
// reap, but it is not running anything).
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
}

// Live (non-zombie) processes whose process group is `group`.
QList<qint64> groupMembers(qint64 group)
{
    QList<qint64> members;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid) {
            continue;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        // After the name: state, ppid, pgrp.
        if (fields.size() > 2 && fields.at(0) != "Z" && fields.at(2).toLongLong() == group) {
            members.append(pid);
        }
    }
    return members;
}

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    return file.readAll().trimmed().toLongLong();
}

// Peak resident memory of this process in KiB (Linux).
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// A job that writes its process group and a child's pid to files, then exits, leaving the
// child behind ignoring SIGTERM.
struct LeftoverJob
{
    QTemporaryDir dir;
    QString groupFile = dir.filePath(QStringLiteral("group"));
    QString childFile = dir.filePath(QStringLiteral("child"));

    QJsonObject target() const
    {
        return command(QStringLiteral("echo $$ > '%1'; trap '' TERM; sleep 100 & echo $! > '%2'")
                           .arg(groupFile, childFile));
    }
    qint64 group() const { return readPid(groupFile); }
    qint64 child() const { return readPid(childFile); }
};

} // namespace

class TestShellRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        registerExecMetaTypes();
    }

    void exitStatus_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("stdoutText");
        QTest::addColumn<QString>("stderrContains"); // empty: stderr must be empty
        QTest::addColumn<qint64>("logBytes");        // -1: not checked

        QTest::newRow("success") << QStringLiteral("echo hello") << RunStatus::Succeeded << 0
                                 << QString() << QStringLiteral("hello\n") << QString()
                                 << qint64(6);
        QTest::newRow("exit code") << QStringLiteral("echo partial; exit 3") << RunStatus::Failed
                                   << 3 << QStringLiteral("exited with code 3")
                                   << QStringLiteral("partial\n") << QString() << qint64(8);
        QTest::newRow("stderr") << QStringLiteral("echo oops >&2; false") << RunStatus::Failed << 1
                                << QStringLiteral("exited with code 1") << QString()
                                << QStringLiteral("oops\n") << qint64(5);
        QTest::newRow("command not found")
            << QStringLiteral("no-such-command-cronhelm") << RunStatus::Failed << 127
            << QStringLiteral("exited with code 127") << QString()
            << QStringLiteral("no-such-command-cronhelm") << qint64(-1);
        QTest::newRow("utf8 and emoji")
            << QStringLiteral("printf 'h\\303\\251llo \\360\\237\\216\\211\\n'")
            << RunStatus::Succeeded << 0 << QString() << QStringLiteral("h\u00e9llo \U0001F389\n")
            << QString() << qint64(12);
        QTest::newRow("emoji split across writes")
            << QStringLiteral("printf '\\360\\237'; sleep 0.2; printf '\\216\\211\\n'")
            << RunStatus::Succeeded << 0 << QString() << QStringLiteral("\U0001F389\n") << QString()
            << qint64(5);
        QTest::newRow("invalid utf8")
            << QStringLiteral("printf 'a\\377b'") << RunStatus::Succeeded << 0 << QString()
            << QStringLiteral("a\uF7FFb") << QString() << qint64(3);
    }

    void exitStatus()
    {
        QFETCH(QString, line);
        QFETCH(RunStatus, status);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        QFETCH(QString, stdoutText);
        QFETCH(QString, stderrContains);
        QFETCH(qint64, logBytes);

        ShellRun run(shellContext(command(line)));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, status);
        QCOMPARE(outcome.exitCode, std::optional<int>(exitCode));
        QCOMPARE(outcome.error, error);
        QVERIFY(!outcome.httpStatus);
        QCOMPARE(recorder.text(LogStream::Stdout), stdoutText);
        if (stderrContains.isEmpty()) {
            QCOMPARE(recorder.text(LogStream::Stderr), QString());
        } else {
            QVERIFY(recorder.text(LogStream::Stderr).contains(stderrContains));
        }
        if (logBytes >= 0) {
            QCOMPARE(outcome.logBytes, logBytes);
        }
        QVERIFY(!outcome.logTruncated);
        QVERIFY(recorder.text(LogStream::System).startsWith(QStringLiteral("[cronhelm] running")));
        QTest::qWait(50);
        QCOMPARE(recorder.finishedCount(), 1);
    }

    void argvIsPassedVerbatim()
    {
        ShellRun run(shellContext(
            QJsonObject{{QStringLiteral("argv"),
                         QJsonArray{QStringLiteral("printf"), QStringLiteral("[%s][%s]"),
                                    QStringLiteral("a b"), QStringLiteral("$HOME;*")}}}));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QCOMPARE(recorder.text(LogStream::Stdout), QStringLiteral("[a b][$HOME;*]"));
    }

    void programMissing()
    {
        ShellRun run(shellContext(
            QJsonObject{{QStringLiteral("argv"), QJsonArray{QStringLiteral("/no/such/prog")}}}));
        RunRecorder recorder(&run);
        QSignalSpy started(&run, &TargetRun::started);
        run.start();
        QCOMPARE(recorder.finishedCount(), 0); // never from inside start()
        QVERIFY(recorder.waitFinished());
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(!outcome.exitCode);
        QVERIFY2(outcome.error.startsWith(QStringLiteral("could not start /no/such/prog")),
                 qPrintable(outcome.error));
        // Nothing was executed, so there is no start to record.
        QCOMPARE(started.count(), 0);
    }

    void workdir()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonObject target = command(QStringLiteral("pwd"));
        target.insert(QStringLiteral("workdir"), dir.path());
        ShellRun run(shellContext(target));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QCOMPARE(recorder.text(LogStream::Stdout).trimmed(), dir.path());
    }

    void workdirMissing()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        QJsonObject target = command(QStringLiteral("touch '%1'").arg(marker));
        target.insert(QStringLiteral("workdir"), QStringLiteral("/no/such/dir"));
        ShellRun run(shellContext(target));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("working directory \"/no/such/dir\" does not exist on this node"));
        QVERIFY(!QFile::exists(marker));
    }

    void environment()
    {
        QJsonObject target = command(
            QStringLiteral("echo \"$GREETING|$CRONHELM_RUN_ID|$CRONHELM_JOB_ID|$CRONHELM_ATTEMPT|"
                           "$CRONHELM_JOB_NAME|$CRONHELM_SCHEDULED_FOR|${PATH:+path}\""));
        target.insert(QStringLiteral("env"),
                      QJsonObject{{QStringLiteral("GREETING"), QStringLiteral("hi there")}});
        ShellRun run(shellContext(target));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QCOMPARE(recorder.text(LogStream::Stdout),
                 QStringLiteral("hi there|42|7|1|test job|2027-02-10T03:00:00.000Z|path\n"));
    }

    void secretsResolved()
    {
        QJsonObject target =
            command(QStringLiteral("echo \"${env:CRONHELM_SECRET_DB_PASSWORD}|$FROM_ENV\""));
        target.insert(QStringLiteral("env"),
                      QJsonObject{{QStringLiteral("FROM_ENV"),
                                   QStringLiteral("user:${env:CRONHELM_SECRET_DB_PASSWORD}")}});
        RunContext context = shellContext(target);
        context.secrets.insert(QStringLiteral("CRONHELM_SECRET_DB_PASSWORD"),
                               QStringLiteral("pa55"));
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QCOMPARE(recorder.text(LogStream::Stdout), QStringLiteral("pa55|user:pa55\n"));
        // The log shows the reference, not the secret.
        QVERIFY(recorder.text(LogStream::System)
                    .contains(QStringLiteral("${env:CRONHELM_SECRET_DB_PASSWORD}")));
        QVERIFY(!recorder.text(LogStream::System).contains(QStringLiteral("pa55")));
    }

    // The node's own credentials and other jobs' secrets are not in a job's environment.
    void environmentIsClean()
    {
        qputenv("PGPASSWORD", "node-db-password");
        qputenv("CRONHELM_SECRET_OTHER", "other-jobs-secret");
        QJsonObject target = command(QStringLiteral("env"));
        target.insert(QStringLiteral("env"),
                      QJsonObject{{QStringLiteral("OWN"), QStringLiteral("mine")}});
        RunContext context = shellContext(target);
        context.secrets = QProcessEnvironment::systemEnvironment();
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        qunsetenv("PGPASSWORD");
        qunsetenv("CRONHELM_SECRET_OTHER");
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QStringList names;
        for (const QString &line : recorder.text(LogStream::Stdout).split(u'\n')) {
            if (!line.isEmpty()) {
                names.append(line.section(u'=', 0, 0));
            }
        }
        const QStringList allowed{
            QStringLiteral("PATH"), QStringLiteral("HOME"), QStringLiteral("LANG"),
            QStringLiteral("TZ"), QStringLiteral("OWN"), QStringLiteral("CRONHELM_RUN_ID"),
            QStringLiteral("CRONHELM_JOB_ID"), QStringLiteral("CRONHELM_JOB_NAME"),
            QStringLiteral("CRONHELM_ATTEMPT"), QStringLiteral("CRONHELM_SCHEDULED_FOR"),
            // set by sh itself
            QStringLiteral("PWD"), QStringLiteral("OLDPWD"), QStringLiteral("SHLVL"),
            QStringLiteral("_")};
        for (const QString &name : std::as_const(names)) {
            QVERIFY2(allowed.contains(name), qPrintable(name));
        }
        QVERIFY(names.contains(QStringLiteral("OWN")));
        QVERIFY(names.contains(QStringLiteral("PATH")));
        QVERIFY(!recorder.log().contains(QLatin1String("node-db-password")));
        QVERIFY(!recorder.log().contains(QLatin1String("other-jobs-secret")));
    }

    // A job may not refer to the node's credentials, even by name.
    void undeclaredSecretRefused()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        RunContext context =
            shellContext(command(QStringLiteral("echo ${env:PGPASSWORD} > '%1'").arg(marker)));
        context.secrets.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("node-db-password"));
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error,
                 QStringLiteral("secret reference ${env:PGPASSWORD} is refused: jobs may only use "
                                "variables whose names start with CRONHELM_SECRET_"));
        QVERIFY(!QFile::exists(marker));
    }

    // The attack of a secret that is shell syntax: quotes, ; and $( ) in the value are data.
    // And while the job runs, its command line (what ps shows every local user) holds only
    // the reference.
    void secretIsNeverShellText()
    {
        QTemporaryDir dir;
        const QString pwned = dir.filePath(QStringLiteral("pwned"));
        const QString pwned2 = dir.filePath(QStringLiteral("pwned2"));
        const QString pidFile = dir.filePath(QStringLiteral("pid"));
        const QString go = dir.filePath(QStringLiteral("go"));
        const QString secret = QStringLiteral("'; touch %1; '$(touch %2)").arg(pwned, pwned2);
        RunContext context = shellContext(command(
            QStringLiteral("echo $$ > '%1'; while [ ! -e '%2' ]; do sleep 0.02; done; "
                           "echo '${env:CRONHELM_SECRET_EVIL}'; echo ${env:CRONHELM_SECRET_EVIL}; "
                           "printf '%s\\n' \"${env:CRONHELM_SECRET_EVIL}\"")
                .arg(pidFile, go)));
        context.secrets.insert(QStringLiteral("CRONHELM_SECRET_EVIL"), secret);
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QTRY_VERIFY(readPid(pidFile) > 0);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(readPid(pidFile)));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray shown = cmdline.readAll();
        QVERIFY2(shown.contains("${CRONHELM_SECRET_EVIL}"), shown.constData());
        QVERIFY2(!shown.contains("touch"), shown.constData());
        QFile(go).open(QIODevice::WriteOnly);
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QVERIFY(!QFile::exists(pwned));
        QVERIFY(!QFile::exists(pwned2));
        // Inside single quotes the expansion is literal; unquoted or double-quoted the
        // value arrives as data.
        const QStringList lines = recorder.text(LogStream::Stdout).split(u'\n');
        QCOMPARE(lines.value(0), QStringLiteral("${CRONHELM_SECRET_EVIL}"));
        QCOMPARE(lines.value(2), secret);
    }

    void secretMissing_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("command") << QStringLiteral("command");
        QTest::newRow("env") << QStringLiteral("env");
    }

    void secretMissing()
    {
        QFETCH(QString, where);
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        QJsonObject target;
        if (where == QLatin1String("argv")) {
            target.insert(QStringLiteral("argv"),
                          QJsonArray{QStringLiteral("touch"), marker,
                                     QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}")});
        } else if (where == QLatin1String("env")) {
            target = command(QStringLiteral("touch '%1'").arg(marker));
            target.insert(QStringLiteral("env"),
                          QJsonObject{{QStringLiteral("T"),
                                       QStringLiteral("${env:CRONHELM_SECRET_API_TOKEN}")}});
        } else {
            target =
                command(QStringLiteral("touch '%1' ${env:CRONHELM_SECRET_API_TOKEN}").arg(marker));
        }
        ShellRun run(shellContext(target));
        RunRecorder recorder(&run);
        run.start();
        QCOMPARE(recorder.finishedCount(), 0); // never from inside start()
        QVERIFY(recorder.waitFinished());
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, RunStatus::Failed);
        QCOMPARE(outcome.error,
                 QStringLiteral("secret ${env:CRONHELM_SECRET_API_TOKEN} is not set on this node"));
        QVERIFY(recorder.text(LogStream::System).contains(outcome.error));
        QTest::qWait(200);
        QVERIFY(!QFile::exists(marker));
    }

    void crashIsFailure()
    {
        ShellRun run(shellContext(command(QStringLiteral("kill -9 $$"))));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Failed);
        QCOMPARE(recorder.outcome().error, QStringLiteral("terminated by signal 9"));
        QVERIFY(!recorder.outcome().exitCode);
    }

    void timeoutKillsProcessGroup()
    {
        QTemporaryDir dir;
        const QString childPid = dir.filePath(QStringLiteral("child"));
        const QString shellPid = dir.filePath(QStringLiteral("shell"));
        RunContext context = shellContext(
            command(QStringLiteral("echo $$ > '%1'; sleep 100 & echo $! > '%2'; sleep 100")
                        .arg(shellPid, childPid)));
        context.timeoutSeconds = 1;
        context.killGrace = std::chrono::seconds(5);
        ShellRun run(context);
        RunRecorder recorder(&run);
        QElapsedTimer clock;
        clock.start();
        run.start();
        QVERIFY(recorder.waitFinished(10000));
        QVERIFY2(clock.elapsed() < 4000, "SIGTERM should have been enough");
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, RunStatus::TimedOut);
        QCOMPARE(outcome.error, QStringLiteral("timed out after 1 s"));
        const qint64 shell = readPid(shellPid);
        const qint64 child = readPid(childPid);
        QVERIFY(shell > 0 && child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(shell), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    }

    void sigtermIgnoredEscalatesToSigkill()
    {
        QTemporaryDir dir;
        const QString childPid = dir.filePath(QStringLiteral("child"));
        // Ignored signals stay ignored across exec, so neither process reacts to SIGTERM.
        RunContext context = shellContext(command(
            QStringLiteral("trap '' TERM; sleep 100 & echo $! > '%1'; sleep 100").arg(childPid)));
        context.timeoutSeconds = 1;
        context.killGrace = std::chrono::milliseconds(500);
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished(10000));
        QCOMPARE(recorder.outcome().status, RunStatus::TimedOut);
        QVERIFY(recorder.text(LogStream::System).contains(QStringLiteral("sending SIGKILL")));
        const qint64 child = readPid(childPid);
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
    }

    // Issue 10: a job that traps TERM and leaves a background child. After the timeout and
    // the grace nothing of its process group remains.
    void timeoutWithTrappedTermLeavesNothing()
    {
        QTemporaryDir dir;
        const QString groupFile = dir.filePath(QStringLiteral("group"));
        RunContext context =
            shellContext(command(QStringLiteral("trap 'echo got TERM' TERM; echo $$ > '%1'; "
                                                "(trap '' TERM; while :; do sleep 1; done) & "
                                                "while :; do sleep 1; done")
                                     .arg(groupFile)));
        context.timeoutSeconds = 1;
        context.killGrace = std::chrono::milliseconds(700);
        ShellRun run(context);
        RunRecorder recorder(&run);
        run.start();
        QTRY_VERIFY(readPid(groupFile) > 0);
        const qint64 group = readPid(groupFile);
        QTRY_VERIFY(groupMembers(group).size() >= 2);
        QVERIFY(recorder.waitFinished(10000));
        QCOMPARE(recorder.outcome().status, RunStatus::TimedOut);
        QTRY_VERIFY_WITH_TIMEOUT(groupMembers(group).isEmpty(), 3000);
    }

    // A job that exits normally but leaves a child that ignores SIGTERM: the child gets
    // SIGKILL once the grace has passed, although the run has long been reported.
    void leftoverIgnoringTermIsKilledAfterGrace()
    {
        const LeftoverJob job;
        RunContext context = shellContext(job.target());
        context.killGrace = std::chrono::milliseconds(800);
        auto run = std::make_unique<ShellRun>(context);
        RunRecorder recorder(run.get());
        run->start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QVERIFY(recorder.text(LogStream::System).contains(QStringLiteral("get SIGKILL")));
        // The run is gone (as the node deletes it once recorded); the kill is not.
        run.reset();
        const qint64 group = job.group();
        const qint64 child = job.child();
        QVERIFY(group > 0 && child > 0);
        QVERIFY(processAlive(child)); // SIGTERM alone did not stop it
        QTRY_VERIFY_WITH_TIMEOUT(groupMembers(group).isEmpty(), 3000);
    }

    // The same, but the run's thread ends (the node shuts down) during the grace: the child
    // gets its SIGKILL then, not never.
    void leftoverKilledWhenItsThreadEnds()
    {
        const LeftoverJob job;
        RunContext context = shellContext(job.target());
        context.killGrace = std::chrono::minutes(5);
        QThread thread;
        thread.start();
        auto *run = new ShellRun(context);
        run->moveToThread(&thread);
        QObject receiver;
        std::optional<RunOutcome> outcome;
        connect(run, &TargetRun::finished, &receiver,
                [&outcome](const RunOutcome &o) { outcome = o; });
        QMetaObject::invokeMethod(run, [run] { run->start(); });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(outcome->status, RunStatus::Succeeded);
        run->deleteLater();
        const qint64 group = job.group();
        const qint64 child = job.child();
        QVERIFY(group > 0 && child > 0);
        QVERIFY(processAlive(child)); // SIGTERM alone did not stop it
        thread.quit();
        QVERIFY(thread.wait(5000));
        const bool gone = QTest::qWaitFor([&] { return groupMembers(group).isEmpty(); }, 3000);
        if (!gone) {
            ::kill(-static_cast<pid_t>(group), SIGKILL);
        }
        QVERIFY2(gone, "the leftover outlived its thread's end");
    }

    void cancel()
    {
        ShellRun run(shellContext(command(QStringLiteral("echo started; sleep 100"))));
        RunRecorder recorder(&run);
        run.start();
        QTRY_VERIFY(recorder.text(LogStream::Stdout).contains(QStringLiteral("started")));
        run.cancel(QStringLiteral("stopped by alice"));
        QVERIFY(recorder.waitFinished(5000));
        QCOMPARE(recorder.outcome().status, RunStatus::Cancelled);
        QCOMPARE(recorder.outcome().error, QStringLiteral("cancelled: stopped by alice"));
        run.cancel(QStringLiteral("again"));
        QTest::qWait(50);
        QCOMPARE(recorder.finishedCount(), 1);
    }

    void cancelBeforeStart()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        ShellRun run(shellContext(command(QStringLiteral("touch '%1'").arg(marker))));
        RunRecorder recorder(&run);
        run.cancel(QString());
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Cancelled);
        QCOMPARE(recorder.outcome().error, QStringLiteral("cancelled"));
        QTest::qWait(100);
        QVERIFY(!QFile::exists(marker));
    }

    void leftoverProcessesAreStopped()
    {
        QTemporaryDir dir;
        const QString childPid = dir.filePath(QStringLiteral("child"));
        ShellRun run(
            shellContext(command(QStringLiteral("sleep 100 & echo $! > '%1'").arg(childPid))));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished());
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        const qint64 child = readPid(childPid);
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
        QVERIFY(recorder.text(LogStream::System).contains(QStringLiteral("left processes")));
    }

    // A process left behind that keeps writing into the job's stdout must not keep the
    // runner reading at the job's exit.
    void leftoverWritingForeverDoesNotHoldTheRun()
    {
        QTemporaryDir dir;
        const QString childPid = dir.filePath(QStringLiteral("child"));
        ShellRun run(shellContext(command(
            QStringLiteral("yes & echo $! > '%1'; while [ ! -s '%1' ]; do :; done; sleep 0.1")
                .arg(childPid))));
        RunRecorder recorder(&run);
        run.start();
        QVERIFY(recorder.waitFinished(10000));
        QCOMPARE(recorder.outcome().status, RunStatus::Succeeded);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(readPid(childPid)), 5000);
    }

    void destroyingARunningRunKillsIt()
    {
        QTemporaryDir dir;
        const QString childPid = dir.filePath(QStringLiteral("child"));
        auto run = std::make_unique<ShellRun>(shellContext(
            command(QStringLiteral("sleep 100 & echo $! > '%1'; sleep 100").arg(childPid))));
        QSignalSpy finished(run.get(), &TargetRun::finished);
        run->start();
        QTRY_VERIFY(readPid(childPid) > 0);
        run.reset();
        QCOMPARE(finished.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(readPid(childPid)), 5000);
    }

    void hugeOutputIsCappedInBoundedMemory()
    {
        constexpr qint64 total = 100'000'000;
        constexpr qint64 limit = 1024 * 1024;
        RunContext context =
            shellContext(command(QStringLiteral("head -c %1 /dev/zero | tr '\\0' x; "
                                                "echo done >&2")
                                     .arg(total)));
        context.logLimitBytes = limit;
        ShellRun run(context);
        RunRecorder recorder(&run);
        const qint64 peakBefore = peakRssKiB();
        QElapsedTimer clock;
        clock.start();
        run.start();
        QVERIFY(recorder.waitFinished(90000));
        qInfo("100 MB of output took %lld ms, %lld pieces", clock.elapsed(),
              static_cast<long long>(recorder.pieceCount()));
        const RunOutcome outcome = recorder.outcome();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QVERIFY(outcome.logTruncated);
        QCOMPARE(outcome.logBytes, total + 5); // all of it counted, "done\n" included
        const QString kept = recorder.text(LogStream::Stdout);
        QCOMPARE(kept.size(), limit);
        QCOMPARE(kept.count(u'x'), limit);
        QVERIFY(recorder.text(LogStream::Stderr).isEmpty()); // came after the limit
        QCOMPARE(recorder.text(LogStream::System)
                     .count(QStringLiteral("[cronhelm] output truncated: log limit of 1048576 "
                                           "bytes reached; further output was discarded")),
                 1);
        QVERIFY(recorder.pieceCount() < 100);
        if (peakBefore > 0) {
            const qint64 growthKiB = peakRssKiB() - peakBefore;
            QVERIFY2(growthKiB < 48 * 1024,
                     qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(growthKiB)));
        }
    }
};

QTEST_GUILESS_MAIN(TestShellRun)
#include "tst_shellrun.moc"
