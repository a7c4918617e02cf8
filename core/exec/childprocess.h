#pragma once

#include "runoutcome.h"

#include <QByteArray>
#include <QObject>

#include <memory>
#include <vector>

class QSocketNotifier;

namespace Cronhelm {

// What to execute, prepared ahead of the instant (during the lead) so that spawning it is
// a single posix_spawn call.
struct SpawnRequest
{
    QByteArray program;                  // a path, or a name looked up in PATH (searchPath)
    std::vector<QByteArray> arguments;   // argv, argv[0] included
    std::vector<QByteArray> environment; // "NAME=value", the whole environment of the child
    QByteArray workdir;                  // empty: the node's
    bool searchPath = false;
};

// One child process started with posix_spawn (vfork + exec, no per-process set-up of
// QProcess on the hot path): a new session (POSIX_SPAWN_SETSID) so that the whole job can
// be signalled as one process group, stdin /dev/null, stdout and stderr through pipes
// watched by socket notifiers, and the exit seen through a pidfd. Lives on one thread.
//
// The POSIX calls of the project (spawn, signals, wait) live here and in shellrun.cpp.
class ChildProcess final : public QObject
{
    Q_OBJECT

public:
    explicit ChildProcess(QObject *parent = nullptr);
    // A child still running is killed with its whole group (SIGKILL) and reaped.
    ~ChildProcess() override;

    // Starts the child; returns 0, or the errno of the failure (nothing was started then).
    // When it returns 0 the program has been executed (glibc's posix_spawn waits for the
    // exec) and is the leader of its own session and process group.
    int spawn(const SpawnRequest &request);

    bool isRunning() const { return m_pid > 0 && !m_exited; }
    // The process group id (= the child's pid), 0 before spawn().
    qint64 groupId() const { return m_pid; }
    // Sends `signal` to every process in the child's group (0: only asks whether any is
    // left). Returns whether any process received it.
    bool signalGroup(int signal) const;

Q_SIGNALS:
    void output(Cronhelm::LogStream stream, const QByteArray &data);
    // The child exited (its output read to that point); `waitStatus` as from waitpid().
    void exited(int waitStatus);

private:
    struct Pipe
    {
        int fd = -1;
        QSocketNotifier *notifier = nullptr;
    };
    void readPipe(Pipe &pipe, LogStream stream, bool drain);
    void closePipe(Pipe &pipe);
    void onPidfdReadable();
    void reap(int waitStatus);

    qint64 m_pid = 0;
    bool m_exited = false;
    int m_pidfd = -1;
    QSocketNotifier *m_exitNotifier = nullptr;
    Pipe m_stdout;
    Pipe m_stderr;
};

} // namespace Cronhelm
