#pragma once

#include "result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Cronhelm {

// Job definitions live in the shared database, so they refer to secrets instead of holding
// them: "${env:NAME}" is replaced, on the node that runs the job, by the value of the
// environment variable NAME (NAME = [A-Za-z_][A-Za-z0-9_]*). A reference to a variable the
// node does not have is an error, so the literal text is never sent or executed.
class SecretResolver
{
public:
    explicit SecretResolver(QProcessEnvironment environment)
        : m_environment(std::move(environment))
    {}

    // BadInput: "secret ${env:API_TOKEN} is not set on this node".
    Result<QString> resolve(const QString &text) const;
    Result<QStringList> resolve(const QStringList &texts) const;

    static bool containsReference(const QString &text);

private:
    QProcessEnvironment m_environment;
};

} // namespace Cronhelm
