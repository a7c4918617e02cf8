#pragma once

#include "enums.h"
#include "fieldproblem.h"

#include <result.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cronhelm {

// An accepted HTTP status range, inclusive ("200-299" or a single code such as "204").
struct StatusRange
{
    int low = 200;
    int high = 299;

    bool contains(int status) const { return status >= low && status <= high; }
    QString toString() const;
    // "200" or "200-299": an ascending range within 100-599; nothing otherwise.
    static std::optional<StatusRange> parse(const QString &text);
    bool operator==(const StatusRange &) const = default;
};

// Strings may contain ${env:CRONHELM_SECRET_NAME} references; they are resolved on the node at run
// time (see core/exec/secrets.h), so the parsed spec still holds the references, never the secrets.
struct HttpTarget
{
    static constexpr int defaultMaxRedirects = 5;

    QString method = QStringLiteral("GET");
    QString url;
    QList<QPair<QString, QString>> headers; // sorted by name (QJsonObject order)
    QString body;
    bool bodyIsJson = false; // "body" was a JSON object/array (sent compact, as JSON)
    StatusRange expectStatus;
    QString failIfBodyMatches; // a regular expression (PCRE syntax); may be empty
    int maxRedirects = defaultMaxRedirects;
    // Connecting (DNS, TCP, TLS) may take this long; a dead host fails here rather than at
    // the job's timeout. Not set: the node's limit (cronhelm-node --http-connect-timeout).
    std::optional<int> connectTimeoutSeconds;
    // Fail when nothing arrives for this long; 0: no limit (a 25-minute call that answers
    // only at the end is normal). Not set: the node's limit (--http-idle-timeout). The job
    // timeout bounds the whole exchange either way.
    std::optional<int> idleTimeoutSeconds;

    bool operator==(const HttpTarget &) const = default;
};

struct ShellTarget
{
    QString command;  // run with /bin/sh -c; empty when argv is used
    QStringList argv; // run directly; empty when command is used
    QString workdir;  // empty: the node's working directory
    QList<QPair<QString, QString>> env;

    bool operator==(const ShellTarget &) const = default;
};

// A job's target: jobs.target_type together with the jobs.target JSON object.
struct TargetSpec
{
    TargetKind kind = TargetKind::Http;
    HttpTarget http;   // meaningful when kind == Http
    ShellTarget shell; // meaningful when kind == Shell

    // Reads jobs.target for `kind`. What cannot be read, or breaks a rule, is appended to
    // `problems` (fields "target", "target.url", …) in the order the SQL API checks it;
    // the rest is read as far as it goes.
    static TargetSpec fromJson(TargetKind kind, const QJsonObject &json, FieldProblems *problems);
    // The same, for code that wants all or nothing: the first problem as a BadInput error
    // ("target.url: …") with its field.
    static Result<TargetSpec> parse(TargetKind kind, const QJsonObject &json);
    // The jobs.target object: keys with default values are left out.
    QJsonObject toJson() const;

    bool operator==(const TargetSpec &) const = default;
};

// Which variables a job may name in ${env:NAME}: only those the nodes' operator declared
// for jobs by giving them the CRONHELM_SECRET_ prefix (docs/operator-guide.md, "Secrets"),
// so that the node's own credentials stay out of reach. The node resolves by this rule
// (core/exec/secrets.h); the editor and cronhelmctl point out the references it would refuse.
namespace SecretNames {
inline constexpr QLatin1StringView prefix{"CRONHELM_SECRET_"};
// Letters, digits and _, not starting with a digit.
bool isVariableName(const QString &name);
// A variable name that starts with the prefix and goes on after it.
bool isDeclared(const QString &name);
} // namespace SecretNames

// The ${env:…} references in `value` (text, or the texts inside a JSON object or array) that
// no node resolves: a name without the CRONHELM_SECRET_ prefix, or no variable name at all.
// Every run of the job would fail on them. Saving is allowed (the error is the run's), but
// the editor and cronhelmctl warn: one problem per reference, under `field`, saying how to
// write it.
FieldProblems undeclaredSecretReferences(const QString &field, const QJsonValue &value);
// The same for every field of a target (jobs.target JSON): "target.url", "target.headers",
// "target.body", "target.command", "target.env".
FieldProblems undeclaredSecretReferences(const QJsonObject &target);

// The headers whose value is a credential written out literally (Authorization, Cookie,
// Proxy-Authorization, and names such as X-Api-Key, X-Auth-Token or Client-Secret) rather
// than taken from the node (${env:NAME}). Allowed, but every admin can read them and they
// are copied into every backup: the editor and cronhelmctl warn.
QStringList literalSecretHeaders(const HttpTarget &target);

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::TargetSpec)
