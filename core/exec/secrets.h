#pragma once

#include "result.h"

#include <domain/targetspec.h>

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Cronhelm {

// Job definitions live in the shared database, so they refer to secrets instead of holding
// them: "${env:CRONHELM_SECRET_NAME}" stands for the value of that environment variable on
// the node that runs the job. Only variables whose names start with CRONHELM_SECRET_ can be
// referred to: the operator declares what jobs may use by naming it so, and the node's own
// credentials (PGPASSWORD, CRONHELM_DB, ...) stay out of reach of whoever writes a job. A
// reference to any other name, or to a declared name the node does not have, is an error,
// so the literal text is never sent or executed.
class SecretResolver
{
public:
    // The rule is the domain's (SecretNames), which the editor and cronhelmctl warn by.
    static constexpr QLatin1StringView prefix = SecretNames::prefix;

    explicit SecretResolver(QProcessEnvironment environment)
        : m_environment(std::move(environment))
    {}

    // Replaces every reference by its value (HTTP URLs, headers, bodies, notification URLs,
    // a shell job's env values).
    // BadInput: "secret ${env:API_TOKEN} is not set on this node", or the refusal of a name
    // without the prefix.
    Result<QString> resolve(const QString &text) const;
    Result<QStringList> resolve(const QStringList &texts) const;

    // For a shell command: the secrets never become part of the text the shell parses (nor
    // of the command line `ps` shows). Each reference becomes "${NAME}", a parameter
    // expansion of the shell, and NAME=value is added to `environment`; the shell's quoting
    // rules apply as for any variable, and a value's quotes, ";" or "$(" are never parsed.
    Result<QString> toShellExpansions(const QString &command,
                                      QProcessEnvironment *environment) const;

    static bool containsReference(const QString &text);

private:
    // The value for one "${env:...}" match, or the error for it.
    Result<QString> lookup(const QString &reference, const QString &name) const;

    QProcessEnvironment m_environment;
};

} // namespace Cronhelm
