#include "notificationlog.h"

#include <QFile>
#include <QStringBuilder>

#include <cstdio>

namespace Cronhelm {

NotificationLog::NotificationLog(const QString &path)
    : m_path(path)
{}

bool NotificationLog::append(const QDateTime &receivedAt, const QString &path,
                             const QByteArray &body)
{
    QByteArray entry = "--- " % receivedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() % ' '
        % path.toUtf8() % '\n' % body;
    if (!entry.endsWith('\n')) {
        entry += '\n';
    }
    if (m_path.isEmpty()) {
        std::fwrite(entry.constData(), 1, size_t(entry.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(entry) != entry.size()
        || !file.flush()) {
        m_error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Cronhelm
