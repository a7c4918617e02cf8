#include "privatelogfile.h"

#include <spdlog/sinks/rotating_file_sink.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Cronhelm {

namespace {

// spdlog calls this before it opens (or, after a rotation, re-creates) the file.
void createPrivately(const spdlog::filename_t &name)
{
#ifdef Q_OS_UNIX
    const QString path = QFile::decodeName(QByteArray::fromStdString(name));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder) && QDir().mkpath(folder))
        ::chmod(QFile::encodeName(folder).constData(), 0700);
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return; // spdlog's own open reports why
    struct stat info = {};
    if (::fstat(fd, &info) == 0 && (info.st_mode & S_IRWXO) != 0)
        ::fchmod(fd, info.st_mode & 0770); // fails harmlessly on someone else's file
    ::close(fd);
#else
    Q_UNUSED(name);
#endif
}

} // namespace

std::shared_ptr<spdlog::sinks::sink>
makePrivateLogFileSink(const QString &path, std::size_t maxBytes, std::size_t maxFiles)
{
    spdlog::file_event_handlers handlers;
    handlers.before_open = createPrivately;
    return std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        QFile::encodeName(path).toStdString(), maxBytes, maxFiles, false, handlers);
}

} // namespace Cronhelm
