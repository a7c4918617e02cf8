#include "secrets.h"

#include "coretr.h"

#include <QRegularExpression>

namespace Cronhelm {

namespace {

const QRegularExpression &referencePattern()
{
    // Anything between "${env:" and "}" is captured so a malformed name is reported
    // instead of being passed on literally.
    static const QRegularExpression pattern(QStringLiteral("\\$\\{env:([^}]*)\\}"));
    return pattern;
}

bool isVariableName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

} // namespace

Result<QString> SecretResolver::resolve(const QString &text) const
{
    if (!text.contains(QLatin1String("${env:"))) {
        return text;
    }
    QString resolved;
    resolved.reserve(text.size());
    qsizetype copiedUpTo = 0;
    QRegularExpressionMatchIterator it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        if (!isVariableName(name)) {
            return makeError(ErrorKind::BadInput,
                             CoreTr::tr("secret reference %1 does not name an environment "
                                        "variable")
                                 .arg(match.captured(0)));
        }
        if (!m_environment.contains(name)) {
            return makeError(
                ErrorKind::BadInput,
                CoreTr::tr("secret %1 is not set on this node").arg(match.captured(0)));
        }
        resolved += QStringView(text).mid(copiedUpTo, match.capturedStart() - copiedUpTo);
        resolved += m_environment.value(name);
        copiedUpTo = match.capturedEnd();
    }
    resolved += QStringView(text).mid(copiedUpTo);
    return resolved;
}

Result<QStringList> SecretResolver::resolve(const QStringList &texts) const
{
    QStringList resolved;
    resolved.reserve(texts.size());
    for (const QString &text : texts) {
        auto one = resolve(text);
        if (!one) {
            return one.error();
        }
        resolved.append(std::move(one).value());
    }
    return resolved;
}

bool SecretResolver::containsReference(const QString &text)
{
    return referencePattern().match(text).hasMatch();
}

} // namespace Cronhelm
