#include "httprequestparser.h"

#include <QRegularExpression>
#include <QUrl>

namespace Cronhelm {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

} // namespace

HttpRequestParser::Status HttpRequestParser::fail(int status)
{
    m_errorStatus = status;
    return Status::Invalid;
}

HttpRequestParser::Status HttpRequestParser::next(HttpRequest &request)
{
    // A client may send empty lines between requests (RFC 9112, 2.2).
    while (m_buffer.startsWith("\r\n")) {
        m_buffer.remove(0, 2);
    }
    if (m_buffer.isEmpty()) {
        return Status::Incomplete;
    }
    // Not HTTP (e.g. a TLS ClientHello): say so as soon as the first byte shows it.
    if (m_buffer.at(0) < 'A' || m_buffer.at(0) > 'Z') {
        return fail(0);
    }
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        return m_buffer.size() <= maxHeadBytes ? Status::Incomplete : fail(431);
    }
    if (headEnd > maxHeadBytes) {
        return fail(431);
    }

    static const QRegularExpression requestLine(
        QStringLiteral("^([A-Z]+) ([\\x21-\\x7e]+) HTTP/1\\.([01])$"));
    QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
    }
    const QRegularExpressionMatch match =
        requestLine.match(QString::fromLatin1(lines.constFirst()));
    if (!match.hasMatch()) {
        return fail(400);
    }
    HttpRequest parsed;
    parsed.method = match.captured(1).toLatin1();
    parsed.target = match.captured(2).toLatin1();
    parsed.path = QUrl(QString::fromLatin1(parsed.target)).path();
    parsed.minorVersion = match.captured(3).toInt();

    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // No whitespace before the colon, no folded continuation lines (RFC 9112, 5).
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
            return fail(400);
        }
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (contentLength >= 0 && length != contentLength)) {
                return fail(400);
            }
            contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return fail(501); // chunked request bodies: not needed here
        }
        parsed.headers.append({name, value});
    }
    if (contentLength > maxBodyBytes) {
        return fail(413);
    }
    const qsizetype bodyStart = headEnd + 4;
    const qsizetype bodyLength = contentLength < 0 ? 0 : qsizetype(contentLength);
    if (m_buffer.size() - bodyStart < bodyLength) {
        return Status::Incomplete; // wait for the rest of the body
    }
    parsed.body = m_buffer.mid(bodyStart, bodyLength);
    m_buffer.remove(0, bodyStart + bodyLength);
    parsed.receivedAt = QDateTime::currentDateTimeUtc();
    request = std::move(parsed);
    return Status::Complete;
}

} // namespace Cronhelm
