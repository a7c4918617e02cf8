#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Cronhelm {

// An accepted HTTP status range, inclusive ("200-299" or a single code such as "204").
struct StatusRange
{
    int low = 200;
    int high = 299;

    bool contains(int status) const { return status >= low && status <= high; }
    QString toString() const;
};

// Strings may contain ${env:NAME} references; they are resolved on the node at run time
// (see secrets.h), so the parsed spec still holds the references, never the secrets.
struct HttpTarget
{
    QString method = QStringLiteral("GET");
    QString url;
    QList<QPair<QString, QString>> headers; // sorted by name (QJsonObject order)
    QString body;
    bool bodyIsJson = false; // "body" was a JSON object/array (sent compact, as JSON)
    StatusRange expectStatus;
    QString failIfBodyMatches; // a QRegularExpression pattern, already checked; may be empty
    int maxRedirects = 5;
};

struct ShellTarget
{
    QString command;  // run with /bin/sh -c; empty when argv is used
    QStringList argv; // run directly; empty when command is used
    QString workdir;  // empty: the node's working directory
    QList<QPair<QString, QString>> env;
};

// A job's target (the jobs.target JSON object together with jobs.target_type).
struct TargetSpec
{
    enum class Kind { Http, Shell };

    Kind kind = Kind::Shell;
    HttpTarget http;   // meaningful when kind == Http
    ShellTarget shell; // meaningful when kind == Shell

    // Errors are BadInput with a message naming the field ("target.url: ...").
    static Result<TargetSpec> fromJson(const QString &type, const QJsonObject &target);
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::TargetSpec)
