#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Cronhelm {

// Appends each notification the demo endpoint receives to a text file, with the time and
// the path it came to, so that `tail -f` shows them as they arrive. Without a file the
// entries go to standard output.
class NotificationLog
{
public:
    explicit NotificationLog(const QString &path = {});

    // False (with the reason in errorString()) when the file cannot be written.
    bool append(const QDateTime &receivedAt, const QString &path, const QByteArray &body);
    QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
};

} // namespace Cronhelm
