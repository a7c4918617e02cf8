#include "httprequest.h"

namespace Cronhelm {

namespace {

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    const QList<QByteArray> items = list.split(',');
    for (const QByteArray &item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("Connection");
    if (minorVersion == 0) {
        return hasToken(connection, "keep-alive");
    }
    return !hasToken(connection, "close");
}

} // namespace Cronhelm
