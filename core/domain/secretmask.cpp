#include "secretmask.h"

#include <QRegularExpression>
#include <QStringList>

namespace Cronhelm {

QString secretMask()
{
    return QStringLiteral("********");
}

QString maskedSecretValue(const QString &value)
{
    static const QRegularExpression reference(
        QStringLiteral("\\A((Bearer|Basic|Token) )?\\$\\{env:[A-Za-z_][A-Za-z0-9_]*\\}\\z"));
    return reference.match(value).hasMatch() ? value : secretMask();
}

namespace {

// One name=value pair of a query: the name stays, the value is masked. A pair without "="
// may itself be a key; an empty value has nothing to hide.
QString maskedQueryPair(const QString &pair)
{
    if (pair.isEmpty())
        return pair;
    const qsizetype equals = pair.indexOf(QLatin1Char('='));
    if (equals < 0)
        return maskedSecretValue(pair);
    if (equals == pair.size() - 1)
        return pair;
    return pair.left(equals + 1) + maskedSecretValue(pair.mid(equals + 1));
}

} // namespace

QString maskedAddress(const QString &url)
{
    // The same split as the SQL API's regular expression: scheme://, user information up to
    // an "@" before the path, the rest up to "?" or "#", the query, the fragment.
    static const QRegularExpression parts(
        QStringLiteral(
            "\\A([A-Za-z][A-Za-z0-9+.-]*://)(?:([^/?#]*)@)?([^?#]*)(?:\\?([^#]*))?(#.*)?\\z"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = parts.match(url);
    if (!match.hasMatch())
        return secretMask();
    QString shown = match.captured(1);
    if (match.hasCaptured(2)) {
        const QString userInfo = match.captured(2);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        shown += colon < 0 ? maskedSecretValue(userInfo)
                           : userInfo.left(colon + 1) + maskedSecretValue(userInfo.mid(colon + 1));
        shown += QLatin1Char('@');
    }
    shown += match.captured(3);
    if (match.hasCaptured(4)) {
        QStringList pairs = match.captured(4).split(QLatin1Char('&'));
        for (QString &pair : pairs)
            pair = maskedQueryPair(pair);
        shown += QLatin1Char('?') + pairs.join(QLatin1Char('&'));
    }
    if (match.hasCaptured(5))
        shown += QLatin1Char('#') + secretMask();
    return shown;
}

} // namespace Cronhelm
