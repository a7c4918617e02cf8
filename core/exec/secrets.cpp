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

// Calls `replace(reference, name)` for every reference and splices in what it returns.
template<typename Replace>
Result<QString> substitute(const QString &text, Replace replace)
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
        Result<QString> value = replace(match.captured(0), match.captured(1));
        if (!value) {
            return value.error();
        }
        resolved += QStringView(text).mid(copiedUpTo, match.capturedStart() - copiedUpTo);
        resolved += *value;
        copiedUpTo = match.capturedEnd();
    }
    resolved += QStringView(text).mid(copiedUpTo);
    return resolved;
}

} // namespace

Result<QString> SecretResolver::lookup(const QString &reference, const QString &name) const
{
    if (!SecretNames::isVariableName(name)) {
        return makeError(
            ErrorKind::BadInput,
            CoreTr::tr("secret reference %1 does not name an environment variable").arg(reference));
    }
    if (!SecretNames::isDeclared(name)) {
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("secret reference %1 is refused: jobs may only use "
                                    "variables whose names start with %2")
                             .arg(reference, prefix));
    }
    if (!m_environment.contains(name)) {
        return makeError(ErrorKind::BadInput,
                         CoreTr::tr("secret %1 is not set on this node").arg(reference));
    }
    return m_environment.value(name);
}

Result<QString> SecretResolver::resolve(const QString &text) const
{
    return substitute(text, [this](const QString &reference, const QString &name) {
        return lookup(reference, name);
    });
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

Result<QString> SecretResolver::toShellExpansions(const QString &command,
                                                  QProcessEnvironment *environment) const
{
    return substitute(
        command,
        [this, environment](const QString &reference, const QString &name) -> Result<QString> {
            auto value = lookup(reference, name);
            if (!value) {
                return value.error();
            }
            environment->insert(name, *value);
            return QString(QStringLiteral("${") + name + u'}');
        });
}

bool SecretResolver::containsReference(const QString &text)
{
    return referencePattern().match(text).hasMatch();
}

} // namespace Cronhelm
