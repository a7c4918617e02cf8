#include "privatelogfile.h"

#include <spdlog/sinks/rotating_file_sink.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Cronhelm {

namespace {

#ifdef Q_OS_UNIX
[[noreturn]] void refuse(const spdlog::filename_t &name, const char *why)
{
    throw spdlog::spdlog_ex("refusing the log file " + name + ": " + why);
}

// The file this node created or checked before spdlog opened it by name.
struct Identity
{
    dev_t device = 0;
    ino_t inode = 0;
};

// spdlog calls this before it opens (or, after a rotation, re-creates) the file. The file is
// opened without following a symbolic link (another user may plant one in a folder they can
// write to, to have the node write, or as root create, a file of their choosing), and must be
// a regular file of this node's user (one they own, made 0666, would let them read it).
void createPrivately(const spdlog::filename_t &name, Identity &identity)
{
    const QString path = QFile::decodeName(QByteArray::fromStdString(name));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder) && QDir().mkpath(folder))
        ::chmod(QFile::encodeName(folder).constData(), 0700);
    // In a folder every user may write to without the sticky bit, anyone may rename or
    // delete this file and put a link in its place between the checks below and spdlog's
    // own open, which truncates at a rotation: too late to refuse then. (/tmp is sticky:
    // there nobody but its owner removes the file, and a planted name is caught below.)
    struct stat folderInfo = {};
    if (::stat(QFile::encodeName(folder).constData(), &folderInfo) == 0
        && (folderInfo.st_mode & S_IWOTH) != 0 && (folderInfo.st_mode & S_ISVTX) == 0)
        refuse(name, "its folder is writable by every user");
    const int fd =
        ::open(name.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == ELOOP)
            refuse(name, "it is a symbolic link");
        return; // spdlog's own open reports why
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        ::close(fd);
        refuse(name, "it cannot be examined");
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        refuse(name, "it is not a regular file");
    }
    if (info.st_uid != ::geteuid()) {
        ::close(fd);
        refuse(name, "it belongs to another user");
    }
    if ((info.st_mode & S_IRWXO) != 0)
        ::fchmod(fd, info.st_mode & 0770);
    identity = {info.st_dev, info.st_ino};
    ::close(fd);
}

// ...and this once spdlog has opened it: still the file checked above, not one swapped in
// between. If not, the stream is pointed at /dev/null before the refusal, so that nothing
// is written to the other file even if the caller goes on.
void checkOpened(const spdlog::filename_t &name, std::FILE *file, const Identity &identity)
{
    struct stat info = {};
    if (::fstat(::fileno(file), &info) == 0 && info.st_dev == identity.device
        && info.st_ino == identity.inode)
        return;
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, ::fileno(file));
        ::close(null);
    }
    refuse(name, "it was replaced while it was being opened");
}
#endif

} // namespace

std::shared_ptr<spdlog::sinks::sink>
makePrivateLogFileSink(const QString &path, std::size_t maxBytes, std::size_t maxFiles)
{
    spdlog::file_event_handlers handlers;
#ifdef Q_OS_UNIX
    auto identity = std::make_shared<Identity>();
    handlers.before_open = [identity](const spdlog::filename_t &name) {
        createPrivately(name, *identity);
    };
    handlers.after_open = [identity](const spdlog::filename_t &name, std::FILE *file) {
        checkOpened(name, file, *identity);
    };
#endif
    return std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        QFile::encodeName(path).toStdString(), maxBytes, maxFiles, false, handlers);
}

} // namespace Cronhelm
