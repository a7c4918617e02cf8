#include "childprocess.h"

#include <QSocketNotifier>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

// glibc 2.36's <sys/pidfd.h> lacks the extern "C" wrapper its other headers have.
extern "C" {
#include <sys/pidfd.h>
}

namespace Cronhelm {

namespace {

// Bytes read per notification and stream: enough to keep up with a fast writer, small
// enough that one chatty job does not hold its thread.
constexpr size_t readChunk = 64 * 1024;
constexpr int maxChunksPerWakeup = 4;

std::vector<char *> pointers(const std::vector<QByteArray> &strings)
{
    std::vector<char *> result;
    result.reserve(strings.size() + 1);
    for (const QByteArray &s : strings) {
        result.push_back(const_cast<char *>(s.constData()));
    }
    result.push_back(nullptr);
    return result;
}

// posix_spawn's attribute and file-action objects, released whatever happens.
struct SpawnSetup
{
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    SpawnSetup()
    {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnSetup()
    {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    SpawnSetup(const SpawnSetup &) = delete;
    SpawnSetup &operator=(const SpawnSetup &) = delete;
};

void closeFd(int &fd)
{
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

} // namespace

ChildProcess::ChildProcess(QObject *parent)
    : QObject(parent)
{}

ChildProcess::~ChildProcess()
{
    if (isRunning()) {
        signalGroup(SIGKILL);
        // Reaped here so no zombie is left, but waiting at most 5 s (as QProcess did): a
        // process in uninterruptible sleep dies only when its I/O ends, and the thread
        // must not hang on it.
        if (m_pidfd >= 0) {
            pollfd exit{m_pidfd, POLLIN, 0};
            while (::poll(&exit, 1, 5000) < 0 && errno == EINTR) {}
        }
        int status = 0;
        ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
    }
    closePipe(m_stdout);
    closePipe(m_stderr);
    delete m_exitNotifier;
    closeFd(m_pidfd);
}

int ChildProcess::spawn(const SpawnRequest &request)
{
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    // Close-on-exec everywhere: these must not leak into the processes other threads are
    // spawning at the same moment. dup2() onto 1 and 2 clears the flag for this child.
    if (::pipe2(out, O_CLOEXEC) != 0) {
        return errno;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        const int error = errno;
        ::close(out[0]);
        ::close(out[1]);
        return error;
    }

    SpawnSetup setup;
    // The child leads a new session (so a new process group, and no controlling terminal),
    // with no blocked signals and default dispositions (the node's SIGPIPE handling and its
    // threads' masks are not the job's).
    sigset_t none;
    sigemptyset(&none);
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setsigmask(&setup.attr, &none);
    posix_spawnattr_setsigdefault(&setup.attr, &all);
    posix_spawnattr_setflags(&setup.attr,
                             POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&setup.actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&setup.actions, err[1], STDERR_FILENO);
    if (!request.workdir.isEmpty()) {
        posix_spawn_file_actions_addchdir_np(&setup.actions, request.workdir.constData());
    }

    const std::vector<char *> argv = pointers(request.arguments);
    const std::vector<char *> envp = pointers(request.environment);
    pid_t pid = 0;
    const int error = request.searchPath
        ? ::posix_spawnp(&pid, request.program.constData(), &setup.actions, &setup.attr,
                         argv.data(), envp.data())
        : ::posix_spawn(&pid, request.program.constData(), &setup.actions, &setup.attr, argv.data(),
                        envp.data());
    ::close(out[1]);
    ::close(err[1]);
    if (error != 0) {
        ::close(out[0]);
        ::close(err[0]);
        return error;
    }
    m_pid = pid;
    m_exited = false;

    // Only our read ends are non-blocking; the child's write ends stay blocking.
    for (int fd : {out[0], err[0]}) {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    m_stdout.fd = out[0];
    m_stderr.fd = err[0];
    m_stdout.notifier = new QSocketNotifier(out[0], QSocketNotifier::Read, this);
    m_stderr.notifier = new QSocketNotifier(err[0], QSocketNotifier::Read, this);
    connect(m_stdout.notifier, &QSocketNotifier::activated, this,
            [this] { readPipe(m_stdout, LogStream::Stdout, false); });
    connect(m_stderr.notifier, &QSocketNotifier::activated, this,
            [this] { readPipe(m_stderr, LogStream::Stderr, false); });

    // The child is ours and unreaped, so its pid cannot have been reused yet. (pidfd_open
    // needs Linux 5.3; Debian 12 has 6.1.)
    m_pidfd = ::pidfd_open(pid, 0);
    if (m_pidfd < 0) {
        const int pidfdError = errno;
        signalGroup(SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        m_exited = true;
        closePipe(m_stdout);
        closePipe(m_stderr);
        return pidfdError;
    }
    m_exitNotifier = new QSocketNotifier(m_pidfd, QSocketNotifier::Read, this);
    connect(m_exitNotifier, &QSocketNotifier::activated, this, &ChildProcess::onPidfdReadable);
    return 0;
}

bool ChildProcess::signalGroup(int signal) const
{
    if (m_pid <= 0) {
        return false;
    }
    // Negative pid: every process in the group. The group id stays reserved while any
    // member lives (a zombie leader included), so this cannot hit an unrelated process.
    return ::kill(-static_cast<pid_t>(m_pid), signal) == 0;
}

void ChildProcess::readPipe(Pipe &pipe, LogStream stream, bool drain)
{
    if (pipe.fd < 0) {
        return;
    }
    // One buffer per thread: a 64 KiB allocation per read, freed at once, made glibc
    // consolidate its heap on every child's exit (seen in perf at 167 starts/s).
    thread_local std::array<char, readChunk> buffer;
    // Draining at the child's exit takes what is in the pipe at that moment, no more: a
    // process the job left behind may go on writing into it forever.
    int available = 0;
    if (drain && ::ioctl(pipe.fd, FIONREAD, &available) != 0) {
        available = 0;
    }
    qint64 left = available;
    for (int chunk = 0; drain ? left > 0 : chunk < maxChunksPerWakeup; ++chunk) {
        const size_t want = drain ? std::min<size_t>(buffer.size(), size_t(left)) : buffer.size();
        const ssize_t got = ::read(pipe.fd, buffer.data(), want);
        if (got > 0) {
            left -= got;
            Q_EMIT output(stream, QByteArray(buffer.data(), got));
            continue;
        }
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            closePipe(pipe); // end of output (every writer closed it) or a broken pipe
        }
        return;
    }
}

void ChildProcess::closePipe(Pipe &pipe)
{
    if (pipe.notifier) {
        pipe.notifier->setEnabled(false);
        pipe.notifier->deleteLater();
        pipe.notifier = nullptr;
    }
    closeFd(pipe.fd);
}

void ChildProcess::onPidfdReadable()
{
    int status = 0;
    const pid_t got = ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
    if (got == static_cast<pid_t>(m_pid)) {
        reap(status);
    }
}

void ChildProcess::reap(int waitStatus)
{
    m_exited = true;
    if (m_exitNotifier) {
        m_exitNotifier->setEnabled(false);
        m_exitNotifier->deleteLater();
        m_exitNotifier = nullptr;
    }
    closeFd(m_pidfd);
    // What the child wrote before it exited is in the pipes; take it all. Processes it left
    // behind may still hold the pipes open: they are the run's business (signalled by the
    // owner), their later output is not read.
    readPipe(m_stdout, LogStream::Stdout, true);
    readPipe(m_stderr, LogStream::Stderr, true);
    closePipe(m_stdout);
    closePipe(m_stderr);
    Q_EMIT exited(waitStatus);
}

} // namespace Cronhelm
