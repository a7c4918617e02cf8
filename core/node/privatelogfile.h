#pragma once

#include <QString>

#include <cstddef>
#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace Cronhelm {

// A rotating log file for the node (cronhelm-node --log-file, the desktop app's local
// node) that other OS users cannot read: the file, and each file it rotates into, is
// created with mode 0600 before anything is written to it (never 0644 first and narrowed
// later, which would let a reader keep it open). An existing file loses every permission
// for other users (an older version made it 0644); group permissions an administrator gave
// it, e.g. 0640 for a log shipper, are kept. A missing folder is created with mode 0700.
// A symbolic link, or a file that is not a regular file of this process's user, is refused
// (in a folder others can write to, they could plant one to have the node write, or as root
// create, a file of their choosing, or read the log). Throws spdlog::spdlog_ex, as spdlog's
// own sinks do, when the file cannot be opened or is refused.
std::shared_ptr<spdlog::sinks::sink>
makePrivateLogFileSink(const QString &path, std::size_t maxBytes, std::size_t maxFiles);

} // namespace Cronhelm
